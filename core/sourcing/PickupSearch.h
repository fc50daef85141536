#pragma once

#include "sourcing/AssignmentSearch.h"

namespace ordo::routing {

// Pickup orders go whole to one location at no shipping cost: the order's pickup location when it is eligible
// and covers every line; else (when the strategy allows it, which the "pickup" filter has judged) the
// eligible location nearest to it that does. Ship available: the location covering the most lines, the pickup
// location first, then by distance. The runner-up is the next in that order.
SearchResult searchPickup(const Problem& problem, bool shipAvailable);

} // namespace ordo::routing
