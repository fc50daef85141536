#include "SequentialRouting.h"

#include "sourcing/RoutingNetwork.h"
#include "sourcing/RunInventory.h"

namespace ordo {

void takeDecision(const Decision& decision, RunInventory& run, RoutingNetwork& network) {
    for (const Shipment& shipment : decision.shipments) {
        const int location = network.indexOf(shipment.locationCode);
        if (location < 0)
            continue;
        network.useCapacity(location);
        for (const ShipmentLine& line : shipment.lines)
            run.take(run.skuIndex(line.skuCode), location, line.quantity);
    }
}

QList<Decision> routeInSequence(const QList<Order>& orders, const RuleSet& rules, RunInventory& run,
                                RoutingNetwork& network, const RoutingContext& context,
                                const RouteFunction& router) {
    QList<Decision> decisions;
    decisions.reserve(orders.size());
    for (const Order& order : orders) {
        Decision decision =
            router ? router(order, rules, run, network, context) : route(order, rules, run, network, context);
        takeDecision(decision, run, network);
        decisions.append(std::move(decision));
    }
    return decisions;
}

} // namespace ordo
