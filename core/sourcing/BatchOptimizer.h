#pragma once

#include "model/Decision.h"
#include "model/Order.h"
#include "model/RuleSet.h"
#include "sourcing/Router.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace ordo {

class StockLevels;
class RoutingNetwork;

// Joint routing of many waiting orders when stock is scarce (docs/routing.md, "Routing runs").
//
// Routing one order at a time (route() through a RunInventory) gives each order the cheapest assignment of
// the stock the orders before it left, so an early order can take the only unit a later order could have used
// while it had another source itself. The batch optimiser decides every order together, as a mixed-integer
// model solved by GLPK:
//   x[o,l,loc] binary  line l of order o ships from loc;     y[o,loc] binary  order o opens a shipment at loc
//   each line at most once (exactly with the other lines of its order under "ship complete");
//   x[o,l,loc] <= y[o,loc]; the split policy bounds sum_loc y[o,loc] (one location, or at most N shipments);
//   per location with a daily limit, sum_o y[o,loc] <= capacity left;
//   per (SKU, location) the units taken stay within what each ordering channel may promise there;
//   minimise  sum cost(o,loc) y[o,loc]  +  P x every unit left unfilled,
// where P exceeds every possible shipment cost of the batch, so filling comes first and cost second.
// Which locations may take a line is what the router says: the eligible candidates of the strategy route()
// applies to the order on the whole stock (its filters, pools and minimum ATP), holding the line's units.
//
// Pure: no database, no clock. Pure means also no side effect on the view or the network passed in; the
// caller reserves what the decisions say.
struct BatchOptions {
    double timeLimitSeconds = 30.0; // the solver's whole budget (LP relaxation and branch and bound)
    // Hand the sequential assignment to the solver as its first incumbent, so that a time limit still leaves
    // a solution at least as good as sequential routing.
    bool seedWithSequential = true;
    // Order id -> locations that rejected its lines (reroute): never chosen for that order, by either side.
    QHash<qint64, QSet<QString>> rejectedLocations;
};

// The figures the report compares.
struct BatchFigures {
    int orders = 0;
    int ordersWithShipments = 0; // orders given at least one shipment
    int completeOrders = 0;      // every line assigned
    int shipments = 0;
    qint64 totalCostMinor = 0;
    qint64 filledUnits = 0;
    qint64 unfilledUnits = 0;
    // shipments / orders with at least one shipment (0 when none).
    double shipmentsPerOrder() const {
        return ordersWithShipments ? double(shipments) / ordersWithShipments : 0.0;
    }
    friend bool operator==(const BatchFigures&, const BatchFigures&) = default;
};

// Sums the decisions of `orders` (decisions[i] belongs to orders[i]). A unit is unfilled when its line (not
// cancelled) has no shipment line for it.
BatchFigures batchFigures(const QList<Order>& orders, const QList<Decision>& decisions);

struct BatchResult {
    enum class Method {
        Joint,     // the decisions come from the solver's assignment
        Sequential // the solver failed, ran out of time without a solution, or did no better: route() in
                   // order
    };
    Method method = Method::Sequential;
    QString solverStatus; // "optimal", "time limit: best solution found", "time limit: no solution", ...
    bool provenOptimal = false;
    double solveSeconds = 0.0;
    int modelOrders = 0; // orders in the model (the others had nothing the router could assign)
    int variables = 0;
    int constraints = 0;
    QList<Decision> decisions;  // the chosen decisions, one per order, in the order given
    QList<Decision> sequential; // route() one by one through a RunInventory, in the order given
    BatchFigures figures;       // of `decisions`
    BatchFigures sequentialFigures;
    QString currency;
};
QString batchMethodCode(BatchResult::Method method); // "joint" | "sequential"

// Routes `orders` together. decisions[i] is orders[i]'s: the router's explanation (strategy trace, candidates
// with their filters and scores) with the joint assignment as its shipments and a "joint optimisation" entry
// in the strategy trace. Orders the model leaves without any shipment are routed by route() on the stock the
// others left, so that their outcome (held, backordered, the next strategy) is the router's. When the joint
// result would leave more units unfilled than sequential routing, or cost more for as many, the sequential
// decisions are kept (method Sequential).
BatchResult optimizeBatch(const QList<Order>& orders, const RuleSet& rules, const StockLevels& inventory,
                          const RoutingNetwork& network, const RoutingContext& context = {},
                          const BatchOptions& options = {});

} // namespace ordo
