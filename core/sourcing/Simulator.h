#pragma once

#include "model/Order.h"
#include "model/RuleSet.h"
#include "sourcing/SimulationReport.h"

#include <QList>

namespace ordo {

class StockLevels;
class RoutingNetwork;

// What-if replay of past orders (docs/routing.md). Pure: no database, nothing reserved.
//
// The orders are routed one after the other, in the order given (the loader gives them by time), three times
// over the same starting stock: under the draft rules, under the active rules, and by the greedy baseline
// (routeGreedy() with the active rules' cost model). Within a replay each decision takes its units from what
// the earlier ones left (RunInventory) and one shipment of its locations' capacity; capacity is a daily
// limit, so it starts afresh from `network` whenever the replayed order falls on a new UTC day. Each order is
// routed at its own time (RoutingContext::nowMs = orderedAt).
SimulationReport simulate(const QList<Order>& orders, const RuleSet& draft, const RuleSet& active,
                          const StockLevels& start, const RoutingNetwork& network);

} // namespace ordo
