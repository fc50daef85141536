// routeGreedy(): the baseline of the simulation report (Router.h).
#include "Router.h"
#include "sourcing/AssignmentSearch.h"
#include "sourcing/CandidateFilter.h"
#include "sourcing/Explanation.h"

using namespace Qt::StringLiterals;

namespace ordo {

Decision routeGreedy(const Order& order, const RuleSet& rules, const StockLevels& inventory,
                     const RoutingNetwork& network, const RoutingContext& context) {
    using namespace routing;
    static const Strategy greedy = [] {
        Strategy s;
        s.name = u"Greedy: nearest location"_s;
        s.filters.requireCapacity = false;
        s.filters.requireShipping = true;
        s.filters.requirePickup = true;
        s.ranking = {CriterionWeight{Criterion::TotalCost, 1.0}};
        s.split.shortage = SplitPolicy::Shortage::ShipAvailable;
        s.nearestPickupAllowed = true;
        return s;
    }();

    Decision d;
    d.orderId = order.id;
    d.orderNumber = order.orderNumber;
    d.ruleVersion = rules.version;
    d.currency = rules.currency;
    d.decidedAtMs = context.nowMs;
    d.strategy = greedy.name;

    thread_local OrderStock stock;
    thread_local Problem p;
    readOrderStock(order, inventory, context, stock);
    startProblem(p, order, rules, network, context);
    buildProblem(stock, greedy, p);

    SearchResult result;
    result.exact = false;
    result.best = nearestGreedy(p);
    StrategyTrace trace{greedy.name, true, {}};
    if (result.best.filledLines > 0) {
        explain(p, result, d);
        trace.reason = d.outcome == RoutingOutcome::Routed ? u"routed"_s : u"routed in part: "_s + d.reason;
    } else {
        d.outcome = RoutingOutcome::Unfillable;
        d.reason = whyUnroutable(p, 0);
        for (const Line& line : p.lines)
            d.unfilled.append(ShipmentLine{line.lineNo, order.lines[line.orderIndex].skuCode, line.quantity});
        listCandidates(p, nullptr, d);
        trace.reason = d.reason;
    }
    d.strategies.append(trace);
    return d;
}

} // namespace ordo
