// The integer programme of one order's routing (core/sourcing/IntegerRouting). On small random worlds, with
// the exact search switched off (RoutingContext::exactLineLimit = 0) so that every order goes to the
// integer programme, the decision's objective equals an exhaustive enumeration written here independently of
// the router, for every strategy shape the model covers: cost only, mixed weights, split penalty, a maximum
// of shipments, ship available. On orders of 17 to 30 lines over 200 to 1,000 locations the programme's
// answer is never worse than the bounded search alone, and the bound and gap it reports hold. With the
// inventory-balance criterion the linear model is not exact: the decision says heuristic. And the sentence
// a decision shows for each method.
#include "RoutingEnumeration.h"
#include "RoutingWorld.h"
#include "sourcing/Router.h"
#include "sourcing/SnapshotInventory.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace Qt::StringLiterals;
using namespace ordo;
using namespace ordo::test;

namespace {

using Case = RoutingCase;
using Weights = EnumerationWeights;
using Best = EnumerationBest;

Decision decisionWith(SearchMethod method, bool exact, std::optional<double> gap, int ms) {
    Decision d;
    d.method = method;
    d.exact = exact;
    d.gap = gap;
    d.solverMs = ms;
    return d;
}

} // namespace

Q_DECLARE_METATYPE(ordo::Decision)

class TestIntegerRouting : public QObject {
    Q_OBJECT

private slots:
    void matchesExhaustiveEnumeration_data();
    void matchesExhaustiveEnumeration();
    void largeOrdersNeverWorseThanTheBoundedSearch_data();
    void largeOrdersNeverWorseThanTheBoundedSearch();
    void inventoryBalanceMakesItHeuristic();
    void sentencePerMethod_data();
    void sentencePerMethod();
};

void TestIntegerRouting::matchesExhaustiveEnumeration_data() {
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<bool>("mixedCriteria");
    QTest::addColumn<bool>("limitShipments");
    QTest::addColumn<bool>("shipAvailable");
    QTest::addColumn<qint64>("splitPenaltyMinor");
    QTest::newRow("total cost") << quint64(11) << false << false << false << qint64(0);
    QTest::newRow("split penalty 5.00") << quint64(12) << false << false << false << qint64(500);
    QTest::newRow("at most 1-3 shipments") << quint64(13) << false << true << false << qint64(300);
    QTest::newRow("mixed weights") << quint64(14) << true << false << false << qint64(200);
    QTest::newRow("ship available") << quint64(15) << false << false << true << qint64(0);
    QTest::newRow("ship available, at most 1-3 shipments, penalty")
        << quint64(16) << false << true << true << qint64(700);
}

void TestIntegerRouting::matchesExhaustiveEnumeration() {
    QFETCH(quint64, seed);
    QFETCH(bool, mixedCriteria);
    QFETCH(bool, limitShipments);
    QFETCH(bool, shipAvailable);
    QFETCH(qint64, splitPenaltyMinor);
    std::mt19937_64 random(seed);
    RoutingContext context;
    context.exactLineLimit = 0;          // every order to the integer programme
    context.integerTimeLimitMs = 10'000; // small models: proven optimal long before
    int routed = 0;
    int split = 0;
    int partial = 0;
    const int cases = 250;
    for (int k = 0; k < cases; ++k) {
        const int lines = 1 + int(random() % 6);
        const int locations = 2 + int(random() % 9);
        const Case c =
            randomRoutingCase(random, lines, locations, 1 + int(random() % 4), 20 + int(random() % 40), 1, 4);
        RuleSet rules = RuleSet::defaults();
        rules.costs.splitPenaltyMinor = splitPenaltyMinor;
        Strategy& s = rules.strategies.first();
        Weights w;
        if (mixedCriteria) {
            w = Weights{double(1 + random() % 2), double(random() % 3) * 0.5, double(random() % 2),
                        double(random() % 3)};
            s.ranking = {CriterionWeight{Criterion::TotalCost, w.cost},
                         CriterionWeight{Criterion::Distance, w.distance},
                         CriterionWeight{Criterion::TransitDays, w.transit},
                         CriterionWeight{Criterion::FewestShipments, w.shipments}};
        }
        const int maxShipments = limitShipments ? 1 + int(random() % 3) : 0;
        s.split.maxShipments = maxShipments;
        if (shipAvailable)
            s.split.shortage = SplitPolicy::Shortage::ShipAvailable;
        const RoutingNetwork network(c.locations);
        const SnapshotInventory inventory(c.stock);
        const Decision d = route(c.order, rules, inventory, network, context);
        const Best best = enumerateBest(c, rules, w, maxShipments, shipAvailable);
        const QString where = u"case %1: %2 lines, %3 locations"_s.arg(k).arg(lines).arg(locations);
        if (!best.found) {
            QVERIFY2(d.shipments.isEmpty(), qPrintable(where));
            continue;
        }
        QVERIFY2(d.method == SearchMethod::IntegerProgramme, qPrintable(where));
        QVERIFY2(d.exact, qPrintable(where));
        QVERIFY2(d.gap && *d.gap == 0.0, qPrintable(where));
        QVERIFY2(d.bound && std::abs(*d.bound - d.objective) < 1e-9, qPrintable(where));
        QVERIFY2(int(d.unfilled.size()) == lines - best.filled, qPrintable(where));
        QVERIFY2(
            std::abs(d.objective - best.objective) < 1e-6,
            qPrintable(where + u": objective %1, enumeration %2"_s.arg(d.objective).arg(best.objective)));
        if (maxShipments > 0)
            QVERIFY2(d.shipments.size() <= maxShipments, qPrintable(where));
        ++routed;
        split += d.shipments.size() > 1 ? 1 : 0;
        partial += best.filled < lines ? 1 : 0;
    }
    // The cases exercise what they should: most route, some split, some ship in part under ship available.
    QVERIFY(routed > cases / 3);
    QVERIFY(split > cases / 20);
    QVERIFY(shipAvailable ? partial > cases / 50 : partial == 0);
    qInfo("%d cases: %d routed, %d split, %d partial", cases, routed, split, partial);
}

void TestIntegerRouting::largeOrdersNeverWorseThanTheBoundedSearch_data() {
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("locations");
    QTest::addColumn<bool>("shipAvailable");
    QTest::addColumn<int>("maxShipments");
    QTest::addColumn<int>("stockPercent"); // of the (location, SKU) positions holding stock
    QTest::addColumn<int>("depth");        // stock per position: 1 to 8 units times this
    QTest::newRow("200 locations, ship complete") << quint64(21) << 200 << false << 0 << 12 << 1;
    QTest::newRow("1,000 locations, ship complete") << quint64(22) << 1000 << false << 0 << 12 << 1;
    QTest::newRow("500 locations, ship available") << quint64(23) << 500 << true << 0 << 2 << 1;
    QTest::newRow("300 locations, at most 3 shipments") << quint64(24) << 300 << false << 3 << 20 << 6;
}

void TestIntegerRouting::largeOrdersNeverWorseThanTheBoundedSearch() {
    QFETCH(quint64, seed);
    QFETCH(int, locations);
    QFETCH(bool, shipAvailable);
    QFETCH(int, maxShipments);
    QFETCH(int, stockPercent);
    QFETCH(int, depth);
    std::mt19937_64 random(seed);
    RoutingContext boundedOnly;
    boundedOnly.integerTimeLimitMs = 0;
    const RoutingContext integer; // the defaults: 200 ms
    int better = 0;
    int compared = 0;
    int rescued = 0;
    for (int k = 0; k < 8; ++k) {
        const int lines = 17 + int(random() % 14);
        // Scarce stock so that some lines must split, and ship available leaves some unfilled.
        const Case c =
            randomRoutingCase(random, lines, locations, 8 + int(random() % 12), stockPercent, depth, 4);
        RuleSet rules = RuleSet::defaults();
        rules.costs.splitPenaltyMinor = 300;
        Strategy& s = rules.strategies.first();
        s.split.maxShipments = maxShipments;
        if (shipAvailable)
            s.split.shortage = SplitPolicy::Shortage::ShipAvailable;
        const RoutingNetwork network(c.locations);
        const SnapshotInventory inventory(c.stock);
        const Decision bounded = route(c.order, rules, inventory, network, boundedOnly);
        const Decision d = route(c.order, rules, inventory, network, integer);
        const QString where = u"case %1: %2 lines"_s.arg(k).arg(lines);
        if (bounded.shipments.isEmpty()) {
            // The bounded search may miss an answer within the shipment limit that the programme finds.
            if (!d.shipments.isEmpty()) {
                QVERIFY2(maxShipments == 0 || d.shipments.size() <= maxShipments, qPrintable(where));
                QVERIFY2(d.unfilled.isEmpty() || shipAvailable, qPrintable(where));
                ++rescued;
            }
            continue;
        }
        QCOMPARE(bounded.method, SearchMethod::Heuristic);
        QVERIFY2(!bounded.gap && !bounded.bound, qPrintable(where));
        ++compared;
        QVERIFY2(d.unfilled.size() <= bounded.unfilled.size(), qPrintable(where));
        if (d.unfilled.size() == bounded.unfilled.size())
            QVERIFY2(d.objective <= bounded.objective + 1e-9,
                     qPrintable(where + u": %1 > %2"_s.arg(d.objective).arg(bounded.objective)));
        if (maxShipments > 0)
            QVERIFY2(d.shipments.size() <= maxShipments, qPrintable(where));
        if (d.method == SearchMethod::IntegerProgramme) {
            QVERIFY2(d.bound && d.gap, qPrintable(where));
            QVERIFY2(*d.gap >= 0.0 && *d.bound <= d.objective + 1e-9, qPrintable(where));
            QVERIFY2(!d.exact || *d.gap == 0.0, qPrintable(where));
            QVERIFY(d.solverMs > 0 || d.exact);
        } else {
            QVERIFY2(!d.exact && !d.gap, qPrintable(where));
        }
        if (d.objective < bounded.objective - 1e-9 || d.unfilled.size() < bounded.unfilled.size())
            ++better;
        qInfo("%s: %s, %s", qPrintable(where), qPrintable(searchQuality(d)),
              qPrintable(u"objective %1 vs bounded %2"_s.arg(d.objective).arg(bounded.objective)));
    }
    QVERIFY(compared + rescued >= 4);
    qInfo("%d compared, %d better than the bounded search, %d routed that it could not", compared, better,
          rescued);
}

void TestIntegerRouting::inventoryBalanceMakesItHeuristic() {
    std::mt19937_64 random(31);
    const Case c = randomRoutingCase(random, 20, 200, 10, 20, 1, 4);
    RuleSet rules = RuleSet::defaults();
    rules.strategies.first().ranking = {CriterionWeight{Criterion::TotalCost, 1.0},
                                        CriterionWeight{Criterion::InventoryBalance, 0.5}};
    const RoutingNetwork network(c.locations);
    const SnapshotInventory inventory(c.stock);
    const Decision d = route(c.order, rules, inventory, network);
    QVERIFY(!d.shipments.isEmpty());
    QCOMPARE(d.method, SearchMethod::Heuristic);
    QVERIFY(!d.exact);
    QVERIFY(!d.bound);
    QVERIFY(!d.gap);
    QCOMPARE(searchQuality(d), u"heuristic"_s);
}

void TestIntegerRouting::sentencePerMethod_data() {
    QTest::addColumn<Decision>("decision");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("exact search") << decisionWith(SearchMethod::Exact, true, 0.0, 0) << u"proven optimal"_s;
    QTest::newRow("integer programme, proven") << decisionWith(SearchMethod::IntegerProgramme, true, 0.0, 35)
                                               << u"proven optimal (integer programme, 35 ms)"_s;
    QTest::newRow("integer programme, stopped")
        << decisionWith(SearchMethod::IntegerProgramme, false, 0.0243, 200)
        << u"within 2.4% of the lower bound (integer programme, stopped after 200 ms)"_s;
    QTest::newRow("bounded search") << decisionWith(SearchMethod::Heuristic, false, std::nullopt, 0)
                                    << u"heuristic"_s;
    QTest::newRow("solver without an answer")
        << decisionWith(SearchMethod::Heuristic, false, std::nullopt, 200) << u"heuristic"_s;
}

void TestIntegerRouting::sentencePerMethod() {
    QFETCH(Decision, decision);
    QFETCH(QString, sentence);
    QCOMPARE(searchQuality(decision), sentence);
}

QTEST_GUILESS_MAIN(TestIntegerRouting)
#include "tst_integerrouting.moc"
