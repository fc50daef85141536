#pragma once

// What a RoutingService routes against, shared by its source files (RoutingService.cpp,
// RoutingServiceBacklog.cpp).
#include "inventory/InventoryIndex.h"
#include "model/RuleSet.h"
#include "sourcing/IndexStockLevels.h"
#include "sourcing/RoutingNetwork.h"
#include "sourcing/RoutingService.h"
#include "sourcing/RunInventory.h"

#include <memory>

namespace ordo {

struct RoutingService::Run {
    RuleSet rules;
    InventoryIndex index;
    std::unique_ptr<IndexStockLevels> live;
    std::unique_ptr<RunInventory> overlay; // what dry-run decisions of this run took
    // What the decisions of the batch being decided take, until the batch is stored and the index hears of
    // its reservations (routeBacklog).
    std::unique_ptr<RunInventory> batch;
    RoutingNetwork network;
};

} // namespace ordo
