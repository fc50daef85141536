// Criteria: each ranking criterion's value for a shipment from a hand-made candidate (cost in major units,
// km / 100, transit days stepping every 800 km, one per shipment, days of cover left negated and capped at
// 365, rank in the priority list), the weights a strategy's ranking gives, and the weighted scores the router
// sums.
#include "HandProblem.h"
#include "sourcing/Criteria.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace ordo;
using namespace ordo::routing;
using ordo::test::HandCandidate;
using ordo::test::handProblem;

Q_DECLARE_METATYPE(ordo::Criterion)

namespace {

// Three candidates for an order of SKU-A x 2 and SKU-B x 3: a DC near by, a store exactly 800 km away, a
// drop-ship vendor far off with deep stock of SKU-A.
std::unique_ptr<test::HandProblem> threeCandidates(const QList<CriterionWeight>& ranking = {}) {
    auto hand = handProblem({{u"SKU-A"_s, 2}, {u"SKU-B"_s, 3}},
                            {HandCandidate{u"DC-EAST"_s, LocationType::Dc, 126.339, 526, {10, 5}},
                             HandCandidate{u"ST-NYC"_s, LocationType::Store, 800.0, 1560, {2, 1}},
                             HandCandidate{u"VN-ACME"_s, LocationType::Dropship, 1645.0, 3167, {10000, 0}}},
                            ranking);
    hand->rules.locationPriority = {u"DC-EAST"_s, u"ST-NYC"_s};
    for (int c = 0; c < 3; ++c) // the priority list changes the fixed part of the scores
        hand->problem.candidates[size_t(c)].fixedScore = fixedScore(hand->problem, c);
    return hand;
}

} // namespace

class tst_Criteria : public QObject {
    Q_OBJECT

private slots:
    void criterionValue_data();
    void criterionValue();
    void transitDaysStepEvery800Km_data();
    void transitDaysStepEvery800Km();
    void weightsFor();
    void fixedScoreLeavesOutInventoryBalance();
    void shipmentScoreAddsWeightedBalance();
    void criterionScoresFollowTheRanking();
    void locationPriorityRanksUnlistedLast();
};

void tst_Criteria::criterionValue_data() {
    QTest::addColumn<Criterion>("criterion");
    QTest::addColumn<int>("candidate");
    QTest::addColumn<QList<qint64>>("demand"); // units per SKU slot shipped from the candidate
    QTest::addColumn<double>("value");

    const QList<qint64> both{2, 3};
    QTest::newRow("total_cost DC") << Criterion::TotalCost << 0 << both << 5.26;
    QTest::newRow("total_cost store") << Criterion::TotalCost << 1 << both << 15.60;
    QTest::newRow("total_cost vendor") << Criterion::TotalCost << 2 << both << 31.67;
    QTest::newRow("distance DC") << Criterion::Distance << 0 << both << 1.26339;
    QTest::newRow("distance store") << Criterion::Distance << 1 << both << 8.0;
    QTest::newRow("distance vendor") << Criterion::Distance << 2 << both << 16.45;
    QTest::newRow("transit_days DC") << Criterion::TransitDays << 0 << both << 1.0;
    QTest::newRow("transit_days store, 800 km") << Criterion::TransitDays << 1 << both << 2.0;
    QTest::newRow("transit_days vendor") << Criterion::TransitDays << 2 << both << 3.0;
    QTest::newRow("fewest_shipments DC") << Criterion::FewestShipments << 0 << both << 1.0;
    QTest::newRow("fewest_shipments vendor") << Criterion::FewestShipments << 2 << both << 1.0;
    QTest::newRow("location_priority first") << Criterion::LocationPriority << 0 << both << 0.0;
    QTest::newRow("location_priority second") << Criterion::LocationPriority << 1 << both << 1.0;
    QTest::newRow("location_priority unlisted") << Criterion::LocationPriority << 2 << both << 2.0;
    // Days of cover: units left over units shipped, the lowest over the SKUs shipped, negated.
    QTest::newRow("inventory_balance one SKU")
        << Criterion::InventoryBalance << 0 << QList<qint64>{2, 0} << -4.0;
    QTest::newRow("inventory_balance lowest SKU")
        << Criterion::InventoryBalance << 0 << both << -(2.0 / 3.0); // SKU-A 8/2 = 4, SKU-B 2/3
    QTest::newRow("inventory_balance nothing left")
        << Criterion::InventoryBalance << 1 << QList<qint64>{2, 0} << 0.0;
    QTest::newRow("inventory_balance short")
        << Criterion::InventoryBalance << 1 << QList<qint64>{3, 0} << (1.0 / 3.0); // -1 left over 3
    QTest::newRow("inventory_balance capped at 365")
        << Criterion::InventoryBalance << 2 << QList<qint64>{1, 0} << -365.0; // 9,999 days of cover
    QTest::newRow("inventory_balance nothing shipped")
        << Criterion::InventoryBalance << 0 << QList<qint64>{0, 0} << 0.0;
}

void tst_Criteria::criterionValue() {
    QFETCH(Criterion, criterion);
    QFETCH(int, candidate);
    QFETCH(QList<qint64>, demand);
    QFETCH(double, value);

    const auto hand = threeCandidates();
    const double got = routing::criterionValue(hand->problem, criterion, candidate, demand.constData());
    QVERIFY2(std::abs(got - value) < 1e-12,
             qPrintable(u"%1 != %2"_s.arg(got, 0, 'g', 17).arg(value, 0, 'g', 17)));
    // Without a demand (the part of a score that depends on the location alone) inventory balance counts 0.
    const double alone = routing::criterionValue(hand->problem, criterion, candidate, nullptr);
    if (criterion == Criterion::InventoryBalance)
        QCOMPARE(alone, 0.0);
    else
        QCOMPARE(alone, got);
}

void tst_Criteria::transitDaysStepEvery800Km_data() {
    QTest::addColumn<double>("km");
    QTest::addColumn<double>("days");
    QTest::newRow("0 km") << 0.0 << 1.0;
    QTest::newRow("799.9 km") << 799.9 << 1.0;
    QTest::newRow("800 km") << 800.0 << 2.0;
    QTest::newRow("1599 km") << 1599.0 << 2.0;
    QTest::newRow("1600 km") << 1600.0 << 3.0;
    QTest::newRow("4000 km") << 4000.0 << 6.0;
}

void tst_Criteria::transitDaysStepEvery800Km() {
    QFETCH(double, km);
    QFETCH(double, days);
    const auto hand =
        handProblem({{u"SKU-A"_s, 1}}, {HandCandidate{u"DC"_s, LocationType::Dc, km, 400, {1}}});
    QCOMPARE(routing::criterionValue(hand->problem, Criterion::TransitDays, 0, nullptr), days);
}

void tst_Criteria::weightsFor() {
    // An empty ranking is total cost with weight 1.
    Strategy none;
    const Weights byDefault = routing::weightsFor(none);
    QCOMPARE(byDefault.ranking, (QList<CriterionWeight>{{Criterion::TotalCost, 1.0}}));
    QCOMPARE(byDefault.byCriterion[int(Criterion::TotalCost)], 1.0);
    QCOMPARE(byDefault.byCriterion[int(Criterion::Distance)], 0.0);
    QCOMPARE(byDefault.balance(), 0.0);

    // The ranking is kept as listed; a criterion listed twice weighs the sum of its weights.
    Strategy mixed;
    mixed.ranking = {{Criterion::TotalCost, 1.0},
                     {Criterion::Distance, 0.5},
                     {Criterion::InventoryBalance, 0.25},
                     {Criterion::TotalCost, 2.0}};
    const Weights w = routing::weightsFor(mixed);
    QCOMPARE(w.ranking, mixed.ranking);
    QCOMPARE(w.byCriterion[int(Criterion::TotalCost)], 3.0);
    QCOMPARE(w.byCriterion[int(Criterion::Distance)], 0.5);
    QCOMPARE(w.byCriterion[int(Criterion::TransitDays)], 0.0);
    QCOMPARE(w.byCriterion[int(Criterion::FewestShipments)], 0.0);
    QCOMPARE(w.byCriterion[int(Criterion::LocationPriority)], 0.0);
    QCOMPARE(w.balance(), 0.25);
}

void tst_Criteria::fixedScoreLeavesOutInventoryBalance() {
    const auto hand = threeCandidates({{Criterion::TotalCost, 1.0},
                                       {Criterion::Distance, 0.5},
                                       {Criterion::FewestShipments, 2.0},
                                       {Criterion::LocationPriority, 3.0},
                                       {Criterion::InventoryBalance, 10.0}});
    // DC: 5.26 + 0.5 x 1.26339 + 2 x 1 + 3 x 0; store: 15.60 + 0.5 x 8 + 2 + 3 x 1; vendor: 31.67 + 8.225 + 2
    // + 6.
    QCOMPARE(routing::fixedScore(hand->problem, 0), 5.26 + 0.631695 + 2.0);
    QCOMPARE(routing::fixedScore(hand->problem, 1), 15.60 + 4.0 + 2.0 + 3.0);
    QCOMPARE(routing::fixedScore(hand->problem, 2), 31.67 + 8.225 + 2.0 + 6.0);
}

void tst_Criteria::shipmentScoreAddsWeightedBalance() {
    const auto hand = threeCandidates({{Criterion::TotalCost, 1.0}, {Criterion::InventoryBalance, 2.0}});
    const qint64 demand[] = {2, 3};
    // 5.26 + 2 x -(2/3)
    QCOMPARE(routing::shipmentScore(hand->problem, 0, demand), 5.26 - 4.0 / 3.0);
    // Without inventory balance in the ranking the score is the fixed part alone.
    const auto costOnly = threeCandidates();
    QCOMPARE(routing::shipmentScore(costOnly->problem, 0, demand), 5.26);
    QCOMPARE(routing::shipmentScore(costOnly->problem, 2, demand), 31.67);
}

void tst_Criteria::criterionScoresFollowTheRanking() {
    const auto hand = threeCandidates(
        {{Criterion::Distance, 0.5}, {Criterion::TotalCost, 1.0}, {Criterion::InventoryBalance, 2.0}});
    const qint64 demand[] = {2, 0};
    const QList<CriterionScore> scores = routing::criterionScores(hand->problem, 0, demand);
    QCOMPARE(scores.size(), 3);
    QCOMPARE(scores[0].criterion, Criterion::Distance);
    QCOMPARE(scores[0].value, 1.26339);
    QCOMPARE(scores[0].score, 0.631695);
    QCOMPARE(scores[1].criterion, Criterion::TotalCost);
    QCOMPARE(scores[1].value, 5.26);
    QCOMPARE(scores[1].score, 5.26);
    QCOMPARE(scores[2].criterion, Criterion::InventoryBalance);
    QCOMPARE(scores[2].value, -4.0);
    QCOMPARE(scores[2].score, -8.0);
}

void tst_Criteria::locationPriorityRanksUnlistedLast() {
    const auto hand = threeCandidates();
    hand->rules.locationPriority = {u"VN-ACME"_s, u"DC-WEST"_s, u"DC-EAST"_s};
    QCOMPARE(routing::criterionValue(hand->problem, Criterion::LocationPriority, 2, nullptr), 0.0);
    QCOMPARE(routing::criterionValue(hand->problem, Criterion::LocationPriority, 0, nullptr), 2.0);
    QCOMPARE(routing::criterionValue(hand->problem, Criterion::LocationPriority, 1, nullptr), 3.0);
    hand->rules.locationPriority.clear();
    QCOMPARE(routing::criterionValue(hand->problem, Criterion::LocationPriority, 0, nullptr), 0.0);
}

QTEST_GUILESS_MAIN(tst_Criteria)
#include "tst_criteria.moc"
