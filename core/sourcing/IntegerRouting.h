#pragma once

// The routing problem of one order as an integer programme, solved by GLPK under a time limit: for orders of
// more lines than the exact search takes. Internal to core/sourcing.
//
//   x[l,c] binary  line l ships from candidate c (only where c is eligible and holds the line's units);
//   y[c]   binary  a shipment leaves c;
//   x[l,c] <= y[c];  sum_c x[l,c] = 1 for every line (ship complete) or <= 1 (ship available);
//   per candidate and SKU slot, sum of the quantities of the lines taken <= the usable units;
//   sum_c y[c] <= maxShipments (when limited);
//   minimise  sum_c (score(c) + splitPenalty) y[c] - splitPenalty  -  R x every line filled (ship available),
// where R exceeds any difference in score two assignments can have, so filling lines comes first.
//
// score(c) is the shipment's fixed score (Criteria.h). With an inventory-balance weight a shipment's score
// depends on the lines it carries, which this linear model does not see: then the answer is re-scored
// exactly and kept only when it beats the bounded search, and is called heuristic (no bound is claimed).

#include "sourcing/AssignmentSearch.h"

namespace ordo::routing {

inline constexpr int defaultIntegerTimeLimitMs = 200;

struct IntegerOutcome {
    enum class Status {
        Optimal,    // proven optimal for the model
        Feasible,   // the time limit stopped the search with an integer answer in hand
        NoSolution, // no integer answer in time, or the model has none
        Failed,     // the solver reported an error
    };
    Status status = Status::Failed;
    Assignment assignment;         // evaluated with evaluate(); invalid without an answer
    std::optional<double> bound;   // lower bound on the objective among assignments filling as many lines
    bool linearScoresExact = true; // false when the inventory-balance criterion weighs in
    double modelBound = -std::numeric_limits<double>::infinity(); // the model's own lower bound
    double reward = 0.0;                                          // per filled line in the model
    int milliseconds = 0;
    int variables = 0;
    int constraints = 0;
};

// Solves the model; `seed` (optional) is handed to GLPK as its first incumbent.
IntegerOutcome solveInteger(const Problem& problem, int maxShipments, bool shipAvailable, int timeLimitMs,
                            const Assignment* seed = nullptr);

// The bounded search's result improved by the integer programme: its answer is taken when at least as good
// (better()), the method, bound and exactness are set from what the solver proved.
SearchResult improveByInteger(const Problem& problem, int maxShipments, bool shipAvailable, int timeLimitMs,
                              SearchResult bounded);

} // namespace ordo::routing
