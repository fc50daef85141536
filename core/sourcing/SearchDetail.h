#pragma once

// The two searches behind searchAssignment() (AssignmentSearch.h). Internal to core/sourcing.

#include "sourcing/AssignmentSearch.h"

namespace ordo::routing {

// Keeps the best and the runner-up of the assignments offered.
void offer(const Problem& problem, SearchResult& result, const Assignment& assignment);

// Up to exactLineLimit lines: every set partition of the lines, each block given a distinct location among
// its cheapest feasible ones, with branch and bound. Exact.
SearchResult searchExact(const Problem& problem, int maxShipments, bool shipAvailable);

// More lines: greedy starts improved by moving lines and merging shipments within a budget of evaluations.
SearchResult searchBounded(const Problem& problem, int maxShipments, bool shipAvailable);

} // namespace ordo::routing
