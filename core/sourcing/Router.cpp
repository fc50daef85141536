// route(): strategies in order, each judged by its conditions, then its filters, then the search; a strategy
// that applies but cannot route follows its fallback. See Router.h and docs/routing.md.
#include "Router.h"

#include "sourcing/AssignmentSearch.h"
#include "sourcing/CandidateFilter.h"
#include "sourcing/Explanation.h"
#include "sourcing/PickupSearch.h"
#include "sourcing/RoutingNetwork.h"
#include "sourcing/StrategyMatcher.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;

const QList<Strategy>& defaultStrategies() {
    static const QList<Strategy> strategies = RuleSet::defaults().strategies;
    return strategies;
}

void setUnfilled(const routing::Problem& p, Decision& d) {
    d.unfilled.clear();
    for (const routing::Line& line : p.lines)
        d.unfilled.append(ShipmentLine{line.lineNo, p.order->lines[line.orderIndex].skuCode, line.quantity});
}

} // namespace

Decision route(const Order& order, const RuleSet& rules, const StockLevels& inventory,
               const RoutingNetwork& network, const RoutingContext& context) {
    using namespace routing;
    Decision d;
    d.orderId = order.id;
    d.orderNumber = order.orderNumber;
    d.ruleVersion = rules.version;
    d.currency = rules.currency;
    d.decidedAtMs = context.nowMs;

    thread_local OrderStock stock;
    thread_local Problem p;
    readOrderStock(order, inventory, context, stock);
    startProblem(p, order, rules, network, context);

    const QList<Strategy>& strategies = rules.strategies.isEmpty() ? defaultStrategies() : rules.strategies;
    bool anyApplied = false;
    QString lastReason;
    for (const Strategy& strategy : strategies) {
        StrategyTrace trace;
        trace.name = strategy.name;
        QString why;
        if (!strategyMatches(strategy.when, order, network, &why)) {
            trace.reason = u"conditions: "_s + why;
            d.strategies.append(std::move(trace));
            continue;
        }
        anyApplied = true;
        buildProblem(stock, strategy, p);
        const bool single = p.pickup || strategy.split.mode == SplitPolicy::Mode::SingleLocation;
        const int maxShipments = single ? 1 : std::max(0, strategy.split.maxShipments);
        const bool shipAvailable = strategy.split.shortage == SplitPolicy::Shortage::ShipAvailable;
        const SearchResult result = p.lines.empty() ? SearchResult{}
                                    : p.pickup      ? searchPickup(p, shipAvailable)
                                                    : searchAssignment(p, maxShipments, shipAvailable);
        if (result.best.valid() && result.best.filledLines > 0) {
            trace.applied = true;
            d.strategy = strategy.name;
            explain(p, result, d);
            trace.reason =
                d.outcome == RoutingOutcome::Routed ? u"routed"_s : u"routed in part: "_s + d.reason;
            d.strategies.append(std::move(trace));
            return d;
        }

        const QString cannot = whyUnroutable(p, maxShipments);
        lastReason = cannot;
        const Fallback& fallback = strategy.fallback;
        if (fallback.action == Fallback::Action::NextStrategy) {
            trace.reason = cannot + u"; next strategy"_s;
            d.strategies.append(std::move(trace));
            continue;
        }
        trace.applied = true;
        d.strategy = strategy.name;
        setUnfilled(p, d);
        listCandidates(p, nullptr, d);
        switch (fallback.action) {
        case Fallback::Action::Hold:
            d.outcome = RoutingOutcome::Held;
            d.reason = cannot + u"; held"_s;
            break;
        case Fallback::Action::Backorder:
            d.outcome = RoutingOutcome::Backordered;
            d.reason = cannot + u"; backordered"_s;
            break;
        case Fallback::Action::Cancel: {
            const qint64 waitedMs =
                order.orderedAt.isValid() ? context.nowMs - order.orderedAt.toMSecsSinceEpoch() : 0;
            const qint64 limitMs = qint64(fallback.cancelAfterDays) * msPerDay;
            const QString waited =
                QString::number(double(std::max<qint64>(0, waitedMs)) / double(msPerDay), 'f', 1);
            if (waitedMs >= limitMs) {
                d.outcome = RoutingOutcome::Cancelled;
                d.reason = u"%1; cancelled: waited %2 days, limit %3"_s.arg(cannot, waited)
                               .arg(fallback.cancelAfterDays);
            } else {
                d.outcome = RoutingOutcome::Held;
                d.reason = u"%1; held: waited %2 days, cancelled after %3"_s.arg(cannot, waited)
                               .arg(fallback.cancelAfterDays);
            }
            break;
        }
        case Fallback::Action::NextStrategy:
            break;
        }
        trace.reason = d.reason;
        d.strategies.append(std::move(trace));
        return d;
    }

    d.outcome = RoutingOutcome::Unfillable;
    d.reason = anyApplied ? u"no strategy could route the order: "_s + lastReason
                          : u"no strategy applies to the order"_s;
    setUnfilled(p, d);
    if (anyApplied)
        listCandidates(p, nullptr, d);
    else
        d.notConsidered = {
            NotConsidered{u"no strategy applies to the order"_s, LocationSet(network.codes())}};
    return d;
}

} // namespace ordo
