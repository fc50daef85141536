#pragma once

// Random small routing worlds and the best assignment of an order in one by exhaustive enumeration, written
// independently of the router's code: the reference of the routing tests (tst_routerbruteforce,
// tst_integerrouting).

#include "RoutingWorld.h"
#include "model/RuleSet.h"
#include "sourcing/SnapshotInventory.h"

#include <limits>
#include <random>
#include <vector>

namespace ordo::test {

struct RoutingCase {
    std::vector<NetworkLocation> locations;
    QList<SnapshotInventory::Row> stock;
    Order order;
};

// `lines` lines over `skus` SKUs (repeats likely), `locations` locations of random types, coordinates and
// ship flags (codes L plus codeDigits digits), each SKU stocked at about stockPercent of them with 1 to 8
// units times depth.
RoutingCase randomRoutingCase(std::mt19937_64& random, int lines, int locations, int skus, int stockPercent,
                              int depth = 1, int codeDigits = 2);

// Weighted criteria that depend on the location only (cost, distance, transit days, shipments), per shipment.
struct EnumerationWeights {
    double cost = 1.0;
    double distance = 0.0;
    double transit = 0.0;
    double shipments = 0.0;
};

struct EnumerationBest {
    double objective = std::numeric_limits<double>::infinity();
    int shipments = 0;
    int filled = 0;
    bool found = false;
};

// Every assignment of lines to shipping locations (each line to one location holding its units alone, or
// none under ship available), checked for the stock of lines sharing a SKU at one location, the shipments
// limited to maxShipments (0: none); each shipment beyond the first costs the rule set's split penalty,
// weighted as total cost. Most lines filled first, then the lowest objective, then the fewest shipments.
EnumerationBest enumerateBest(const RoutingCase& c, const RuleSet& rules, const EnumerationWeights& w,
                              int maxShipments, bool shipAvailable);

} // namespace ordo::test
