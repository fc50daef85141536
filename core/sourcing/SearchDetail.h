#pragma once

// The searches behind searchAssignment() (AssignmentSearch.h). Internal to core/sourcing.

#include "sourcing/AssignmentSearch.h"

namespace ordo::routing {

// Keeps the best and the runner-up of the assignments offered.
void offer(const Problem& problem, SearchResult& result, const Assignment& assignment);

// Up to partitionLineLimit lines: every set partition of the lines, each block given a distinct location
// among its cheapest feasible ones, with branch and bound. Exact.
SearchResult searchExact(const Problem& problem, int maxShipments, bool shipAvailable);

// Up to exactLineLimit lines: a branch and bound over blocks of lines with a dynamic programme over subsets
// as its bound. Exact.
SearchResult searchSubsets(const Problem& problem, int maxShipments, bool shipAvailable);

// More lines: greedy starts improved by moving lines and merging shipments within a budget of evaluations.
SearchResult searchBounded(const Problem& problem, int maxShipments, bool shipAvailable);

} // namespace ordo::routing
