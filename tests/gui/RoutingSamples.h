#pragma once

// Routing decisions and rule sets built by hand for the console tests (header-only, like GuiFixture.h).

#include "model/Decision.h"
#include "model/RuleSet.h"

namespace ordo::test::gui {

inline CandidateLocation candidate(const QString& code, bool eligible, QList<FilterVerdict> filters,
                                   double cost, double km, qint64 costMinor, QList<int> lines) {
    CandidateLocation c;
    c.locationCode = code;
    c.eligible = eligible;
    c.filters = std::move(filters);
    if (eligible) {
        c.scores = {{Criterion::TotalCost, cost, cost}, {Criterion::Distance, km / 100.0, 0.5 * km / 100.0}};
        c.totalScore = cost + 0.5 * km / 100.0;
    }
    c.distanceKm = km;
    c.costMinor = costMinor;
    c.coverableLines = std::move(lines);
    return c;
}

// Order SO-20001 (two lines) shipped whole from DC-EAST; DC-WEST lost on cost; ST-NYC lacks stock for line 2;
// DS-ACME is a drop-ship vendor the strategy excludes by type.
inline Decision sampleDecision() {
    Decision d;
    d.orderId = 1;
    d.orderNumber = QStringLiteral("SO-20001");
    d.ruleVersion = 3;
    d.strategy = QStringLiteral("Lowest total cost");
    d.strategies = {
        {QStringLiteral("Store pickup"), false, QStringLiteral("conditions: delivery ship is not pickup")},
        {QStringLiteral("Lowest total cost"), true, {}}};
    d.outcome = RoutingOutcome::Routed;
    d.currency = QStringLiteral("USD");
    const QList<FilterVerdict> pass = {
        {QStringLiteral("type"), true, QStringLiteral("dc")},
        {QStringLiteral("max_distance"), true, QStringLiteral("320 km ≤ 800 km")},
        {QStringLiteral("stock"), true, QStringLiteral("lines 1, 2")}};
    CandidateLocation east = candidate(QStringLiteral("DC-EAST"), true, pass, 7.20, 320, 720, {1, 2});
    east.chosen = true;
    CandidateLocation west =
        candidate(QStringLiteral("DC-WEST"), true,
                  {{QStringLiteral("type"), true, QStringLiteral("dc")},
                   {QStringLiteral("max_distance"), true, QStringLiteral("630 km ≤ 800 km")},
                   {QStringLiteral("stock"), true, QStringLiteral("lines 1, 2")}},
                  10.30, 630, 1030, {1, 2});
    west.notChosen = QStringLiteral("costs 3.10 more");
    CandidateLocation store =
        candidate(QStringLiteral("ST-NYC"), false,
                  {{QStringLiteral("type"), true, QStringLiteral("store")},
                   {QStringLiteral("max_distance"), true, QStringLiteral("12 km ≤ 800 km")},
                   {QStringLiteral("stock"), false, QStringLiteral("no line fully in stock")}},
                  0, 12, 614, {});
    store.notChosen = QStringLiteral("fails stock (no line fully in stock)");
    CandidateLocation vendor =
        candidate(QStringLiteral("DS-ACME"), false,
                  {{QStringLiteral("type"), false, QStringLiteral("dropship not in [dc, store]")},
                   {QStringLiteral("max_distance"), false, QStringLiteral("1,480 km > 800 km")},
                   {QStringLiteral("stock"), true, QStringLiteral("lines 1, 2")}},
                  0, 1480, 2920, {1, 2});
    d.candidates = {east, west, store, vendor};
    d.shipments = {{QStringLiteral("DC-EAST"),
                    {{1, QStringLiteral("SKU-1"), 2}, {2, QStringLiteral("SKU-2"), 1}},
                    320,
                    720}};
    d.totalCostMinor = 720;
    d.objective = east.totalScore;
    RunnerUp runner;
    runner.shipments = {{QStringLiteral("DC-WEST"),
                         {{1, QStringLiteral("SKU-1"), 2}, {2, QStringLiteral("SKU-2"), 1}},
                         630,
                         1030}};
    runner.totalCostMinor = 1030;
    runner.objective = west.totalScore;
    runner.why = QStringLiteral("3.10 dearer");
    d.runnerUp = runner;
    d.decidedAtMs = 1793629800000; // 2026-11-02 14:30 UTC
    return d;
}

} // namespace ordo::test::gui
