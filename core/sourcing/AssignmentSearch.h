#pragma once

#include "model/Decision.h"
#include "sourcing/RoutingProblem.h"

#include <optional>

namespace ordo::routing {

struct SearchResult {
    Assignment best;     // invalid when no assignment is feasible
    Assignment runnerUp; // the best other assignment seen; invalid when there was none
    bool exact = true;   // best is proven optimal
    SearchMethod method = SearchMethod::Exact;
    std::optional<double> bound =
        std::nullopt; // a proven lower bound on best's objective (among as many lines filled)
    int solverMs = 0; // time the integer programme took
};

// Computes objective, shipments and filled lines of an assignment from its candidateOfLine; false (objective
// infinite) when a candidate is ineligible or a shipment takes more of a SKU than the candidate may give.
bool evaluate(const Problem& problem, Assignment& assignment);

// Whether a is the better assignment: more lines filled, then a lower objective, then fewer shipments, then
// the lines' location codes in line order.
bool better(const Problem& problem, const Assignment& a, const Assignment& b);

// The best assignment of the lines to eligible candidates with at most maxShipments shipments (0: no limit).
// shipAvailable: lines that cannot all be covered are left unfilled, as few as possible; otherwise only
// complete assignments count. Exact for up to exactLineLimit lines (RoutingContext::exactLineLimit when set):
// set partitions, each block given one of its cheapest feasible locations, up to partitionLineLimit lines;
// then a branch and bound over blocks of lines bounded by a dynamic programme over subsets. Beyond that
// greedy starts (including nearestGreedy) improved by local moves within a budget, never worse than
// nearestGreedy(), then the integer programme (IntegerRouting.h) seeded with that answer, kept when at least
// as good.
SearchResult searchAssignment(const Problem& problem, int maxShipments, bool shipAvailable);

// The greedy rule of the simulation baseline: the nearest eligible candidate that has the whole order, else
// for each line in turn the nearest eligible candidate with enough stock left; a line none can take stays
// unfilled.
Assignment nearestGreedy(const Problem& problem);

} // namespace ordo::routing
