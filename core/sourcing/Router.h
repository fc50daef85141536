#pragma once

#include "model/Decision.h"
#include "model/Order.h"
#include "model/RuleSet.h"

#include <QSet>
#include <QString>

namespace ordo {

class StockLevels;
class RoutingNetwork;

// ARCHITECTURE.md decision 5: routing is a pure function of (order, active rules, inventory view, network).
// No database, no clock (the time comes with the order's context), no side effects: the caller reserves what
// the Decision says and tells the view and the network what it took when it routes several orders in one run.
//
// Strategies are tried in order; the first whose conditions hold and that finds an assignment decides; one
// that applies but cannot route follows its fallback. The assignment is exactly optimal under the strategy's
// ranking and split policy for orders of up to routing::exactLineLimit (16) lines, whatever the number of
// locations (ties: fewest shipments, then location code); larger orders use a bounded search never worse than
// routeGreedy(), then an integer programme under a time limit that proves the optimum or states its gap
// (Decision::method).
struct RoutingContext {
    qint64 nowMs = 0;                // UTC ms: future supply horizon, order age for "cancel after N days"
    QSet<QString> rejectedLocations; // locations that rejected this order's lines (reroute): never chosen
    QList<int> lineNos;              // route only these lines (reroute); empty: every open line
    // Orders of more lines than this are solved as an integer programme (seeded with the bounded search);
    // -1: routing::exactLineLimit. Tests lower it to check the integer programme on small orders.
    int exactLineLimit = -1;
    // The integer programme's time limit per order and strategy, in ms (0: bounded search only).
    int integerTimeLimitMs = 200;
};

Decision route(const Order& order, const RuleSet& rules, const StockLevels& inventory,
               const RoutingNetwork& network, const RoutingContext& context = {});

// The baseline of the simulation report: the nearest location that has the whole order, else the nearest
// location for each line; cost from the rule set's cost model; no filters but ships/pickup and stock.
Decision routeGreedy(const Order& order, const RuleSet& rules, const StockLevels& inventory,
                     const RoutingNetwork& network, const RoutingContext& context = {});

} // namespace ordo
