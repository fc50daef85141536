#include "Criteria.h"

#include "sourcing/RoutingNetwork.h"

#include <algorithm>
#include <cmath>

namespace ordo::routing {

namespace {

constexpr double coverCapDays = 365.0;

} // namespace

Weights weightsFor(const Strategy& strategy) {
    Weights w;
    w.ranking = strategy.ranking;
    if (w.ranking.isEmpty())
        w.ranking = {CriterionWeight{Criterion::TotalCost, 1.0}};
    for (const CriterionWeight& cw : std::as_const(w.ranking))
        w.byCriterion[int(cw.criterion)] += cw.weight;
    return w;
}

double inventoryBalance(const Problem& problem, int candidate, const qint64* demand) {
    double lowest = coverCapDays;
    bool any = false;
    for (int s = 0; s < problem.skuCount; ++s) {
        if (demand[s] <= 0)
            continue;
        any = true;
        const double left = double(problem.availableAt(candidate, s) - demand[s]);
        lowest = std::min(lowest, std::min(coverCapDays, left / double(demand[s])));
    }
    return any ? -lowest : 0.0;
}

double criterionValue(const Problem& problem, Criterion criterion, int candidate, const qint64* demand) {
    const Candidate& c = problem.candidates[size_t(candidate)];
    switch (criterion) {
    case Criterion::TotalCost:
        return double(c.costMinor) / problem.minorPerMajor;
    case Criterion::Distance:
        return c.km / 100.0;
    case Criterion::TransitDays:
        return 1.0 + std::floor(c.km / 800.0);
    case Criterion::FewestShipments:
        return 1.0;
    case Criterion::InventoryBalance:
        return demand ? inventoryBalance(problem, candidate, demand) : 0.0;
    case Criterion::LocationPriority: {
        const QStringList& priority = problem.rules->locationPriority;
        const qsizetype rank = priority.indexOf(problem.code(candidate));
        return double(rank < 0 ? priority.size() : rank);
    }
    }
    return 0.0;
}

double fixedScore(const Problem& problem, int candidate) {
    double score = 0.0;
    for (Criterion criterion : allCriteria) {
        const double weight = problem.weights.byCriterion[int(criterion)];
        if (weight != 0.0 && criterion != Criterion::InventoryBalance)
            score += weight * criterionValue(problem, criterion, candidate, nullptr);
    }
    return score;
}

QList<CriterionScore> criterionScores(const Problem& problem, int candidate, const qint64* demand) {
    QList<CriterionScore> scores;
    scores.reserve(problem.weights.ranking.size());
    for (const CriterionWeight& cw : problem.weights.ranking) {
        const double value = criterionValue(problem, cw.criterion, candidate, demand);
        scores.append(CriterionScore{cw.criterion, value, cw.weight * value});
    }
    return scores;
}

} // namespace ordo::routing
