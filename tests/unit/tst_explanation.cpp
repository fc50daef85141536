// Explanation: what a Decision says for hand-made routing problems and search results: the shipments and
// their cost, partial routings and their reason, the runner-up and why it lost, every listed candidate with
// its filters, scores and why it was not chosen (in order: chosen, eligible by score, ineligible by distance,
// capped at 15 and 5), why an order cannot be routed at all, and how money is written.
#include "HandProblem.h"
#include "sourcing/AssignmentSearch.h"
#include "sourcing/Explanation.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace ordo;
using namespace ordo::routing;
using ordo::test::HandCandidate;
using ordo::test::handProblem;

namespace {

constexpr int dcEast = 0, stNyc = 1, vnAcme = 2, stBos = 3, dcWest = 4;

// An order of SKU-A x 2 (line 1) and SKU-B x 1 (line 2). DC-EAST is cheapest; DC-WEST costs the same (and
// loses on its code); ST-NYC costs 0.75 more; ST-BOS is cheaper but holds no SKU-B; VN-ACME is beyond the 800
// km limit.
std::unique_ptr<test::HandProblem> fiveCandidates(const QList<CriterionWeight>& ranking = {}) {
    return handProblem(
        {{u"SKU-A"_s, 2}, {u"SKU-B"_s, 1}},
        {HandCandidate{u"DC-EAST"_s, LocationType::Dc, 126.339, 526, {5, 5}},
         HandCandidate{u"ST-NYC"_s, LocationType::Store, 300.0, 601, {2, 1}},
         HandCandidate{u"VN-ACME"_s, LocationType::Dropship, 1645.0, 3167, {9, 9}, FilterMaxDistance},
         HandCandidate{u"ST-BOS"_s, LocationType::Store, 250.0, 450, {2, 0}},
         HandCandidate{u"DC-WEST"_s, LocationType::Dc, 126.339, 526, {5, 5}}},
        ranking);
}

Assignment assignment(const Problem& p, std::vector<int> candidateOfLine) {
    Assignment a;
    a.candidateOfLine = std::move(candidateOfLine);
    evaluate(p, a);
    return a;
}

const CandidateLocation* listed(const Decision& d, const QString& code) {
    for (const CandidateLocation& c : d.candidates)
        if (c.locationCode == code)
            return &c;
    return nullptr;
}

QStringList listedCodes(const Decision& d) {
    QStringList codes;
    for (const CandidateLocation& c : d.candidates)
        codes << c.locationCode;
    return codes;
}

} // namespace

class tst_Explanation : public QObject {
    Q_OBJECT

private slots:
    void shipmentsOfGroupsLinesByLocation();
    void explainsARoutedOrder();
    void listsEveryCandidateWithWhyNot();
    void explainsAPartialRouting();
    void runnerUpWhy_data();
    void runnerUpWhy();
    void candidatesWithoutAChoice();
    void listIsCapped();
    void whyUnroutable_data();
    void whyUnroutable();
    void money_data();
    void money();
};

void tst_Explanation::shipmentsOfGroupsLinesByLocation() {
    const auto hand = fiveCandidates();
    const Problem& p = hand->problem;
    const QList<Shipment> shipments = shipmentsOf(p, assignment(p, {stBos, dcEast}));
    QCOMPARE(shipments.size(), 2);
    // By location code, each with its lines, distance and cost.
    QCOMPARE(shipments[0], (Shipment{u"DC-EAST"_s, {ShipmentLine{2, u"SKU-B"_s, 1}}, 126.339, 526}));
    QCOMPARE(shipments[1], (Shipment{u"ST-BOS"_s, {ShipmentLine{1, u"SKU-A"_s, 2}}, 250.0, 450}));
    QCOMPARE(totalCostOf(shipments), 976);
    QCOMPARE(totalCostOf({}), 0);

    const QList<Shipment> one = shipmentsOf(p, assignment(p, {dcEast, dcEast}));
    QCOMPARE(one.size(), 1);
    QCOMPARE(one[0].lines, (QList<ShipmentLine>{{1, u"SKU-A"_s, 2}, {2, u"SKU-B"_s, 1}}));
    QVERIFY(shipmentsOf(p, assignment(p, {-1, -1})).isEmpty());
}

void tst_Explanation::explainsARoutedOrder() {
    const auto hand = fiveCandidates();
    const Problem& p = hand->problem;
    SearchResult result{assignment(p, {dcEast, dcEast}), assignment(p, {stNyc, stNyc}), true};
    Decision d;
    explain(p, result, d);

    QCOMPARE(d.outcome, RoutingOutcome::Routed);
    QCOMPARE(d.reason, QString());
    QCOMPARE(d.shipments.size(), 1);
    QCOMPARE(d.shipments[0].locationCode, u"DC-EAST"_s);
    QCOMPARE(d.totalCostMinor, 526);
    QCOMPARE(d.objective, 5.26);
    QVERIFY(d.exact);
    QVERIFY(d.unfilled.isEmpty());
    QVERIFY(d.runnerUp);
    QCOMPARE(d.runnerUp->shipments.size(), 1);
    QCOMPARE(d.runnerUp->shipments[0].locationCode, u"ST-NYC"_s);
    QCOMPARE(d.runnerUp->totalCostMinor, 601);
    QCOMPARE(d.runnerUp->objective, 6.01);
    QCOMPARE(d.runnerUp->why, u"0.75 dearer"_s);

    // A bounded search says so; without a runner-up there is none.
    result.exact = false;
    result.runnerUp = Assignment{};
    explain(p, result, d);
    QVERIFY(!d.exact);
    QVERIFY(!d.runnerUp);
}

void tst_Explanation::listsEveryCandidateWithWhyNot() {
    const auto hand = fiveCandidates();
    const Problem& p = hand->problem;
    Decision d;
    explain(p, SearchResult{assignment(p, {dcEast, dcEast}), Assignment{}, true}, d);

    // Chosen first, then the eligible ones by score (ST-BOS's 4.50 for the line it can take first), then the
    // ineligible ones by distance.
    QCOMPARE(listedCodes(d),
             (QStringList{u"DC-EAST"_s, u"ST-BOS"_s, u"DC-WEST"_s, u"ST-NYC"_s, u"VN-ACME"_s}));

    const CandidateLocation* chosen = listed(d, u"DC-EAST"_s);
    QVERIFY(chosen->chosen);
    QVERIFY(chosen->eligible);
    QCOMPARE(chosen->notChosen, QString());
    QCOMPARE(chosen->filters, (QList<FilterVerdict>{{u"ships"_s, true, u"ships parcels"_s},
                                                    {u"stock"_s, true, u"covers 2 of 2 line(s)"_s}}));
    QCOMPARE(chosen->scores, (QList<CriterionScore>{{Criterion::TotalCost, 5.26, 5.26}}));
    QCOMPARE(chosen->totalScore, 5.26);
    QCOMPARE(chosen->distanceKm, 126.339);
    QCOMPARE(chosen->costMinor, 526);
    QCOMPARE(chosen->coverableLines, (QList<int>{1, 2}));

    const CandidateLocation* partial = listed(d, u"ST-BOS"_s);
    QVERIFY(!partial->chosen);
    QVERIFY(partial->eligible);
    QCOMPARE(partial->coverableLines, (QList<int>{1}));
    QCOMPARE(partial->filters[1], (FilterVerdict{u"stock"_s, true, u"covers 1 of 2 line(s)"_s}));
    QCOMPARE(partial->notChosen,
             u"covers only line(s) 1 of 2; a shipment of them from here would cost 4.50"_s);

    QCOMPARE(listed(d, u"DC-WEST"_s)->notChosen,
             u"ties with the chosen location on score; loses on location code"_s);
    QCOMPARE(listed(d, u"ST-NYC"_s)->notChosen,
             u"the whole order from here costs 6.01, 0.75 more than the chosen routing"_s);

    QCOMPARE(p.code(vnAcme), u"VN-ACME"_s);
    const CandidateLocation* far = listed(d, u"VN-ACME"_s);
    QVERIFY(!far->eligible);
    QVERIFY(!far->chosen);
    QCOMPARE(far->filters, (QList<FilterVerdict>{{u"max_distance"_s, false, u"1645 km > 800 km"_s},
                                                 {u"ships"_s, true, u"ships parcels"_s},
                                                 {u"stock"_s, true, u"covers 2 of 2 line(s)"_s}}));
    QCOMPARE(far->notChosen, u"fails max_distance (1645 km > 800 km)"_s);
    QCOMPARE(far->totalScore, 31.67);
}

void tst_Explanation::explainsAPartialRouting() {
    const auto hand = fiveCandidates();
    const Problem& p = hand->problem;
    Decision d;
    explain(p, SearchResult{assignment(p, {stBos, -1}), Assignment{}, true}, d);
    QCOMPARE(d.outcome, RoutingOutcome::Partial);
    QCOMPARE(d.unfilled, (QList<ShipmentLine>{{2, u"SKU-B"_s, 1}}));
    QCOMPARE(d.reason, u"line(s) 2 backordered: no eligible location has the units left"_s);
    QCOMPARE(d.totalCostMinor, 450);
    QCOMPARE(d.shipments.size(), 1);
    QCOMPARE(d.shipments[0].locationCode, u"ST-BOS"_s);

    // A candidate that could take the whole order is measured against the partial routing's score.
    QCOMPARE(listed(d, u"DC-EAST"_s)->notChosen,
             u"the whole order from here costs 5.26, 0.76 more than the chosen routing"_s);
}

void tst_Explanation::runnerUpWhy_data() {
    QTest::addColumn<QList<int>>("runnerUp"); // candidate per line, -1 unfilled
    QTest::addColumn<bool>("withDistance");   // rank by total cost and distance, not cost alone
    QTest::addColumn<QString>("why");

    QTest::newRow("dearer") << QList<int>{stNyc, stNyc} << false << u"0.75 dearer"_s;
    QTest::newRow("one more shipment")
        << QList<int>{dcEast, stNyc} << false << u"1 more shipment(s), 6.01 dearer"_s;
    QTest::newRow("tie") << QList<int>{dcWest, dcWest} << false << u"ties on score; loses on location code"_s;
    QTest::newRow("fewer lines") << QList<int>{stBos, -1} << false
                                 << u"fills 1 line(s) fewer, 0.76 cheaper"_s;
    QTest::newRow("scores worse") << QList<int>{stNyc, stNyc} << true
                                  << u"0.75 dearer, scores 2.49 worse"_s; // 9.01 against 6.52339
}

void tst_Explanation::runnerUpWhy() {
    QFETCH(QList<int>, runnerUp);
    QFETCH(bool, withDistance);
    QFETCH(QString, why);

    const auto hand = withDistance ? fiveCandidates({{Criterion::TotalCost, 1.0}, {Criterion::Distance, 1.0}})
                                   : fiveCandidates();
    const Problem& p = hand->problem;
    const SearchResult result{assignment(p, {dcEast, dcEast}),
                              assignment(p, std::vector<int>(runnerUp.cbegin(), runnerUp.cend())), true};
    Decision d;
    explain(p, result, d);
    QVERIFY(d.runnerUp);
    QCOMPARE(d.runnerUp->why, why);
}

void tst_Explanation::candidatesWithoutAChoice() {
    const auto hand = fiveCandidates();
    Decision d;
    listCandidates(hand->problem, nullptr, d);
    QCOMPARE(listedCodes(d),
             (QStringList{u"ST-BOS"_s, u"DC-EAST"_s, u"DC-WEST"_s, u"ST-NYC"_s, u"VN-ACME"_s}));
    for (const CandidateLocation& c : std::as_const(d.candidates))
        QVERIFY(!c.chosen);
    QCOMPARE(listed(d, u"DC-EAST"_s)->notChosen, u"no assignment was chosen"_s);
    QCOMPARE(listed(d, u"ST-BOS"_s)->notChosen, u"covers only line(s) 1 of 2"_s);
    QCOMPARE(listed(d, u"VN-ACME"_s)->notChosen, u"fails max_distance (1645 km > 800 km)"_s);
}

void tst_Explanation::listIsCapped() {
    // 1 chosen, 20 other eligible and 8 ineligible candidates: the chosen one, the 15 best-scoring eligible
    // ones and the 5 nearest ineligible ones are listed.
    QList<HandCandidate> candidates;
    for (int i = 0; i < 21; ++i)
        candidates << HandCandidate{
            u"E%1"_s.arg(i, 2, 10, QChar(u'0')), LocationType::Dc, 100.0 + i, 500 + i, {1}};
    for (int i = 0; i < 8; ++i)
        candidates << HandCandidate{u"I%1"_s.arg(i),  LocationType::Dc, 2000.0 - i, 400, {1},
                                    FilterMaxDistance};
    const auto hand = handProblem({{u"SKU-A"_s, 1}}, candidates);
    const Problem& p = hand->problem;
    Decision d;
    explain(p, SearchResult{assignment(p, {20}), Assignment{}, true}, d);

    QCOMPARE(d.candidates.size(), 1 + listedEligible + listedIneligible);
    QStringList expected{u"E20"_s};
    for (int i = 0; i < listedEligible; ++i)
        expected << u"E%1"_s.arg(i, 2, 10, QChar(u'0'));
    for (int i = 7; i > 7 - listedIneligible; --i)
        expected << u"I%1"_s.arg(i);
    QCOMPARE(listedCodes(d), expected);
}

void tst_Explanation::whyUnroutable_data() {
    QTest::addColumn<QList<qint64>>("firstStock");  // units of SKU-A and SKU-C at the first candidate
    QTest::addColumn<QList<qint64>>("secondStock"); // and at the second
    QTest::addColumn<bool>("secondFails");          // the second is beyond the distance limit
    QTest::addColumn<int>("maxShipments");
    QTest::addColumn<bool>("pickup");
    QTest::addColumn<QString>("why");

    const QList<qint64> onlyA{5, 0};
    const QList<qint64> onlyC{0, 5};
    QTest::newRow("nobody holds line 2")
        << onlyA << onlyA << false << 0 << false << u"no location has line 2's units (SKU-C x 3)"_s;
    QTest::newRow("only an ineligible location holds line 2")
        << onlyA << onlyC << true << 0 << false << u"no eligible location covers line 2 (SKU-C x 3)"_s;
    QTest::newRow("one location only")
        << onlyA << onlyC << false << 1 << false << u"no single eligible location covers every line"_s;
    QTest::newRow("one pickup location")
        << onlyA << onlyC << false << 1 << true << u"no eligible pickup location covers every line"_s;
    QTest::newRow("shipment limit") << onlyA << onlyC << false << 2 << false
                                    << u"no assignment within 2 shipments covers every line"_s;
    QTest::newRow("no limit") << onlyA << onlyC << false << 0 << false
                              << u"the stock cannot cover every line at once"_s;
}

void tst_Explanation::whyUnroutable() {
    QFETCH(QList<qint64>, firstStock);
    QFETCH(QList<qint64>, secondStock);
    QFETCH(bool, secondFails);
    QFETCH(int, maxShipments);
    QFETCH(bool, pickup);
    QFETCH(QString, why);

    const auto hand = handProblem({{u"SKU-A"_s, 2}, {u"SKU-C"_s, 3}},
                                  {HandCandidate{u"DC-EAST"_s, LocationType::Dc, 100.0, 500, firstStock},
                                   HandCandidate{u"DC-WEST"_s, LocationType::Dc, 900.0, 900, secondStock,
                                                 std::uint16_t(secondFails ? FilterMaxDistance : 0)}});
    hand->problem.pickup = pickup;
    QCOMPARE(routing::whyUnroutable(hand->problem, maxShipments), why);
}

void tst_Explanation::money_data() {
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<int>("digits");
    QTest::addColumn<QString>("text");
    QTest::newRow("cents") << qint64(526) << 2 << u"5.26"_s;
    QTest::newRow("under one") << qint64(5) << 2 << u"0.05"_s;
    QTest::newRow("zero") << qint64(0) << 2 << u"0.00"_s;
    QTest::newRow("negative") << qint64(-75) << 2 << u"-0.75"_s;
    QTest::newRow("no decimals") << qint64(500) << 0 << u"500"_s;
    QTest::newRow("three decimals") << qint64(1234567) << 3 << u"1234.567"_s;
    QTest::newRow("largest") << std::numeric_limits<qint64>::max() << 2 << u"92233720368547758.07"_s;
    QTest::newRow("smallest") << std::numeric_limits<qint64>::min() << 2 << u"-92233720368547758.08"_s;
}

void tst_Explanation::money() {
    QFETCH(qint64, minor);
    QFETCH(int, digits);
    QFETCH(QString, text);
    QCOMPARE(routing::money(minor, digits), text);
    QString appended = u"cost "_s;
    appendMoney(appended, minor, digits);
    QCOMPARE(appended, u"cost "_s + text);
    // By currency: the same text as the currency's own digits give.
    if (digits == 2)
        QCOMPARE(routing::money(minor, u"USD"_s), text);
    if (digits == 0)
        QCOMPARE(routing::money(minor, u"JPY"_s), text);
}

QTEST_GUILESS_MAIN(tst_Explanation)
#include "tst_explanation.moc"
