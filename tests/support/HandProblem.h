#pragma once

// A routing Problem written out by hand, for the tests of the parts that score and explain one (Criteria,
// Explanation): candidate locations with their distance, shipment cost, units per SKU and filter verdicts,
// the order's lines, and the strategy's ranking, without the candidate filters or an inventory in between.

#include "RoutingWorld.h"
#include "model/RuleSet.h"
#include "sourcing/Criteria.h"
#include "sourcing/RoutingNetwork.h"
#include "sourcing/RoutingProblem.h"

#include <QList>
#include <QString>

#include <memory>

namespace ordo::test {

struct HandCandidate {
    QString code;
    LocationType type = LocationType::Dc;
    double km = 0.0;
    qint64 costMinor = 0;
    QList<qint64> available;  // units per SKU slot (the order's distinct SKUs in line order)
    std::uint16_t failed = 0; // routing::Filter bits the candidate fails (each also counts as judged)
};

struct HandLine {
    QString sku;
    qint64 quantity = 0;
};

// Owns what the Problem points to; not copyable, since the Problem holds pointers into it.
struct HandProblem {
    RoutingNetwork network;
    RuleSet rules;
    Strategy strategy;
    Order order;
    routing::Problem problem;

    HandProblem() = default;
    HandProblem(const HandProblem&) = delete;
    HandProblem& operator=(const HandProblem&) = delete;
};

// Lines are numbered 1, 2, ... in the order given. The strategy ranks by `ranking` (empty: total cost alone)
// and, when a candidate fails max_distance, limits the distance to maxDistanceKm.
inline std::unique_ptr<HandProblem> handProblem(const QList<HandLine>& lines,
                                                const QList<HandCandidate>& candidates,
                                                const QList<CriterionWeight>& ranking = {},
                                                double maxDistanceKm = 800.0) {
    auto hand = std::make_unique<HandProblem>();
    std::vector<NetworkLocation> locations;
    for (const HandCandidate& c : candidates)
        locations.push_back(networkLocation(c.code, c.type, 40.0, -75.0));
    hand->network = RoutingNetwork(std::move(locations));
    hand->strategy.name = QStringLiteral("By hand");
    hand->strategy.ranking = ranking;
    hand->strategy.filters.maxDistanceKm = maxDistanceKm;
    QList<OrderLine> orderLines;
    for (qsizetype i = 0; i < lines.size(); ++i)
        orderLines << orderLine(int(i + 1), lines[i].sku, int(lines[i].quantity));
    hand->order = shipOrder(orderLines, 40.0, -75.0);

    routing::Problem& p = hand->problem;
    p.order = &hand->order;
    p.strategy = &hand->strategy;
    p.rules = &hand->rules;
    p.network = &hand->network;
    p.hasShipTo = true;
    p.weights = routing::weightsFor(hand->strategy);
    QStringList skus;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!skus.contains(lines[i].sku))
            skus << lines[i].sku;
        routing::Line line;
        line.lineNo = int(i + 1);
        line.orderIndex = int(i);
        line.sku = int(skus.indexOf(lines[i].sku));
        line.skuSlot = line.sku;
        line.quantity = lines[i].quantity;
        p.lines.push_back(line);
    }
    p.skuCount = int(skus.size());
    for (qsizetype c = 0; c < candidates.size(); ++c) {
        const HandCandidate& spec = candidates[c];
        routing::Candidate candidate;
        candidate.location = int(c);
        candidate.km = spec.km;
        candidate.costMinor = spec.costMinor;
        candidate.judged = routing::FilterShips | routing::FilterStock | spec.failed;
        candidate.failed = spec.failed;
        p.candidates.push_back(candidate);
        for (int s = 0; s < p.skuCount; ++s)
            p.available.push_back(s < spec.available.size() ? spec.available[s] : 0);
    }
    p.usable = p.available;
    for (int c = 0; c < int(p.candidates.size()); ++c) {
        routing::Candidate& candidate = p.candidates[size_t(c)];
        for (int i = 0; i < p.lineCount(); ++i)
            candidate.takes += p.canTake(c, i) ? 1 : 0;
        candidate.fixedScore = routing::fixedScore(p, c);
    }
    return hand;
}

} // namespace ordo::test
