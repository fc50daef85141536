#include "Simulator.h"

#include "sourcing/Router.h"
#include "sourcing/RoutingNetwork.h"
#include "sourcing/RunInventory.h"
#include "sourcing/SequentialRouting.h"
#include "sourcing/StockLevels.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QList<Decision> replay(const QList<Order>& orders, const RuleSet& rules, const StockLevels& start,
                       const RoutingNetwork& network, const RouteFunction& router = {}) {
    RunInventory run(start);
    RoutingNetwork left = network;
    QDate day;
    QList<Decision> decisions;
    decisions.reserve(orders.size());
    for (const Order& order : orders) {
        const QDate orderDay = order.orderedAt.toUTC().date();
        if (orderDay != day) {
            day = orderDay;
            left = network; // a new day: every location's daily capacity again
        }
        RoutingContext context;
        context.nowMs = order.orderedAt.toMSecsSinceEpoch();
        Decision d =
            router ? router(order, rules, run, left, context) : route(order, rules, run, left, context);
        takeDecision(d, run, left);
        decisions.append(std::move(d));
    }
    return decisions;
}

} // namespace

SimulationReport simulate(const QList<Order>& orders, const RuleSet& draft, const RuleSet& active,
                          const StockLevels& start, const RoutingNetwork& network) {
    SimulationReport report;
    report.currency = active.currency;
    report.orders = int(orders.size());
    const QList<Decision> underDraft = replay(orders, draft, start, network);
    const QList<Decision> underActive = replay(orders, active, start, network);
    const QList<Decision> greedy = replay(orders, active, start, network, &routeGreedy);
    report.draft = SimulationRun::of(u"draft"_s, draft.version, orders, underDraft);
    report.active = SimulationRun::of(u"active"_s, active.version, orders, underActive);
    report.greedy = SimulationRun::of(u"greedy"_s, active.version, orders, greedy);
    for (qsizetype i = 0; i < orders.size(); ++i) {
        const QString before = routingSummary(underActive.at(i));
        const QString after = routingSummary(underDraft.at(i));
        if (before != after)
            report.changes.append({orders.at(i).id, orders.at(i).orderNumber, before, after,
                                   underActive.at(i).totalCostMinor, underDraft.at(i).totalCostMinor});
    }
    return report;
}

} // namespace ordo
