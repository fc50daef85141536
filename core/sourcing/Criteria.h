#pragma once

#include "model/Decision.h"
#include "sourcing/RoutingProblem.h"

namespace ordo::routing {

// The ranking criteria of RuleSet.h, per shipment (one candidate location, some lines), each in its unit:
//   total_cost          the shipment's cost in major currency units (0 for a pickup);
//   distance            great-circle km / 100;
//   transit_days        1 + floor(km / 800);
//   fewest_shipments    1;
//   inventory_balance   -(days of cover left): for each SKU shipped, the units left at the location after the
//                       shipment over the units shipped (the order taken as one day's demand, the router
//                       knowing no other), the lowest of them, at most 365, negated;
//   location_priority   the location's rank in the rule set's priority list (0 best), unlisted ones last.
// The objective of an assignment is the sum over its shipments of weight x value.

Weights weightsFor(const Strategy& strategy);

// Value of one criterion for a shipment from `candidate` taking demand[slot] units of each SKU of the order.
double criterionValue(const Problem& problem, Criterion criterion, int candidate, const qint64* demand);

// The part of a shipment's score that depends on the location alone (everything but inventory balance).
double fixedScore(const Problem& problem, int candidate);

// The whole score of a shipment: fixedScore + the weighted inventory balance.
inline double shipmentScore(const Problem& problem, int candidate, const qint64* demand);

// Every criterion of the ranking with its value and weighted score, for the explanation.
QList<CriterionScore> criterionScores(const Problem& problem, int candidate, const qint64* demand);

double inventoryBalance(const Problem& problem, int candidate, const qint64* demand);

inline double shipmentScore(const Problem& problem, int candidate, const qint64* demand) {
    const double weight = problem.weights.balance();
    const double fixed = problem.candidates[size_t(candidate)].fixedScore;
    return weight == 0.0 ? fixed : fixed + weight * inventoryBalance(problem, candidate, demand);
}

} // namespace ordo::routing
