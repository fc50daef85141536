#pragma once

#include "model/Decision.h"
#include "model/Order.h"
#include "model/RuleSet.h"
#include "sourcing/Router.h"

#include <QList>

#include <functional>

namespace ordo {

class RunInventory;
class RoutingNetwork;

// Routing several orders one after the other without reserving: each decision's units are laid on the run's
// inventory and its shipments take the locations' capacity, so the next order sees what is left. What
// `ordo route --pending` does before it reserves, and the yardstick of the batch optimiser and the simulator.

// Records what the decision took: its shipment lines' units in `run`, one shipment of capacity per shipment
// in `network`. Shipments at a location the network does not know and lines of an unknown SKU are skipped.
void takeDecision(const Decision& decision, RunInventory& run, RoutingNetwork& network);

// route() or routeGreedy(), for a replay that runs either.
using RouteFunction = std::function<Decision(const Order&, const RuleSet&, const StockLevels&,
                                             const RoutingNetwork&, const RoutingContext&)>;

} // namespace ordo
