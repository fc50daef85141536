// route() against exhaustive enumeration: on thousands of random cases (fixed seeds; 1 to 5 lines, 1 to 50
// locations, random types, coordinates, ship flags and stock, SKUs repeated across lines) the objective and
// the number of shipments of the decision equal the best of every line -> location assignment, computed here
// independently of the router's code; with "ship available", the most lines filled first. And on orders of 6
// to 22 lines (exact up to exactLineLimit, the bounded search beyond) the router is never dearer than
// routeGreedy(). tst_exactrouting checks orders of more than 5 lines against an enumeration. With a split
// penalty, the enumeration charges it for every shipment beyond the first (weighted as total cost), and the
// search stays exact.
#include "RoutingEnumeration.h"
#include "RoutingWorld.h"
#include "sourcing/Router.h"
#include "sourcing/RoutingProblem.h"
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

} // namespace

class TestRouterBruteForce : public QObject {
    Q_OBJECT

private slots:
    void matchesExhaustiveEnumeration_data() {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("cases");
        QTest::addColumn<bool>("mixedCriteria");
        QTest::addColumn<bool>("limitShipments");
        QTest::addColumn<bool>("shipAvailable");
        QTest::addColumn<qint64>("splitPenaltyMinor"); // -1: a random penalty from 0.00 to 19.99 per case
        QTest::newRow("total cost") << quint64(1) << 2500 << false << false << false << qint64(0);
        QTest::newRow("total cost, at most 1-3 shipments")
            << quint64(2) << 1000 << false << true << false << qint64(0);
        QTest::newRow("mixed weights") << quint64(3) << 1000 << true << false << false << qint64(0);
        QTest::newRow("ship available") << quint64(4) << 1000 << false << false << true << qint64(0);
        QTest::newRow("split penalty 5.00") << quint64(5) << 2500 << false << false << false << qint64(500);
        QTest::newRow("random split penalty, at most 1-3 shipments")
            << quint64(6) << 1000 << false << true << false << qint64(-1);
        QTest::newRow("random split penalty, mixed weights")
            << quint64(7) << 1000 << true << false << false << qint64(-1);
        QTest::newRow("random split penalty, ship available")
            << quint64(8) << 1000 << false << false << true << qint64(-1);
    }

    void matchesExhaustiveEnumeration() {
        QFETCH(quint64, seed);
        QFETCH(int, cases);
        QFETCH(bool, mixedCriteria);
        QFETCH(bool, limitShipments);
        QFETCH(bool, shipAvailable);
        QFETCH(qint64, splitPenaltyMinor);
        std::mt19937_64 random(seed);
        int routed = 0;
        int split = 0;
        int held = 0;
        int partial = 0;
        for (int k = 0; k < cases; ++k) {
            const int lines = 1 + int(random() % 5);
            const int locations = 1 + int(random() % 50);
            const int skus = 1 + int(random() % 4);
            const Case c = randomRoutingCase(random, lines, locations, skus, 10 + int(random() % 40));
            RuleSet rules = RuleSet::defaults();
            rules.costs.splitPenaltyMinor =
                splitPenaltyMinor >= 0 ? splitPenaltyMinor : qint64(random() % 2000);
            Strategy& s = rules.strategies.first();
            Weights w;
            if (mixedCriteria) {
                w = Weights{double(random() % 3), double(random() % 3) * 0.5, double(random() % 2),
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
            const Decision d = route(c.order, rules, inventory, network);
            const Best best = enumerateBest(c, rules, w, maxShipments, shipAvailable);
            const QString where =
                u"case %1 (seed %2): %3 lines, %4 locations"_s.arg(k).arg(seed).arg(lines).arg(locations);
            const QString partition = partitionProblem(d, network);
            QVERIFY2(partition.isEmpty(), qPrintable(where + u": "_s + partition));
            if (!best.found) {
                QVERIFY2(d.outcome == RoutingOutcome::Held, qPrintable(where));
                ++held;
                continue;
            }
            const bool complete = best.filled == lines;
            QVERIFY2(d.outcome == (complete ? RoutingOutcome::Routed : RoutingOutcome::Partial),
                     qPrintable(where));
            QVERIFY2(int(d.unfilled.size()) == lines - best.filled, qPrintable(where));
            QVERIFY2(d.exact, qPrintable(where));
            QVERIFY2(std::abs(d.objective - best.objective) < 1e-6,
                     qPrintable(where + u": objective %1, best %2"_s.arg(d.objective).arg(best.objective)));
            QVERIFY2(
                int(d.shipments.size()) == best.shipments,
                qPrintable(where + u": %1 shipments, best %2"_s.arg(d.shipments.size()).arg(best.shipments)));
            if (!mixedCriteria)
                QCOMPARE(double(d.totalCostMinor + rules.costs.splitPenaltyMinor * (best.shipments - 1)) /
                             100.0,
                         d.objective);
            ++routed;
            partial += complete ? 0 : 1;
            split += d.shipments.size() > 1 ? 1 : 0;
        }
        // The cases exercise what they should: most route, some split, some cannot be routed.
        QVERIFY(routed > cases / 2);
        QVERIFY(split > (splitPenaltyMinor == 0 ? cases / 20 : cases / 100));
        QVERIFY(held > 0);
        QVERIFY(shipAvailable ? partial > cases / 20 : partial == 0);
        qInfo("%d cases: %d routed (%d split, %d partial), %d held", cases, routed, split, partial, held);
    }

    void boundedSearchNeverWorseThanGreedy_data() {
        QTest::addColumn<qint64>("splitPenaltyMinor");
        QTest::newRow("no split penalty: never dearer") << qint64(0);
        QTest::newRow("split penalty 5.00: never worse, penalty counted") << qint64(500);
    }

    void boundedSearchNeverWorseThanGreedy() {
        QFETCH(qint64, splitPenaltyMinor);
        std::mt19937_64 random(7);
        int compared = 0;
        int better = 0;
        for (int k = 0; k < 400; ++k) {
            const int lines = 6 + int(random() % 17);
            const Case c = randomRoutingCase(random, lines, 5 + int(random() % 60), 2 + int(random() % 8),
                                             30 + int(random() % 50));
            RuleSet rules = RuleSet::defaults();
            rules.costs.splitPenaltyMinor = splitPenaltyMinor;
            const RoutingNetwork network(c.locations);
            const SnapshotInventory inventory(c.stock);
            const Decision greedy = routeGreedy(c.order, rules, inventory, network);
            RoutingContext boundedOnly; // the bounded search alone, without the integer programme after it
            boundedOnly.integerTimeLimitMs = 0;
            const Decision d = route(c.order, rules, inventory, network, boundedOnly);
            if (greedy.outcome != RoutingOutcome::Routed)
                continue;
            const QString where = u"case %1: %2 lines"_s.arg(k).arg(lines);
            QVERIFY2(d.outcome == RoutingOutcome::Routed, qPrintable(where));
            QVERIFY2(d.exact == (lines <= routing::exactLineLimit), qPrintable(where));
            // Cost and split penalty, as the router weighs them.
            const qint64 charged = d.totalCostMinor + splitPenaltyMinor * (d.shipments.size() - 1);
            const qint64 greedyCharged =
                greedy.totalCostMinor + splitPenaltyMinor * (greedy.shipments.size() - 1);
            QVERIFY2(charged <= greedyCharged,
                     qPrintable(where + u": %1 > greedy %2"_s.arg(charged).arg(greedyCharged)));
            ++compared;
            better += charged < greedyCharged ? 1 : 0;
        }
        QVERIFY(compared > 100);
        QVERIFY(better > compared / 4);
        qInfo("%d orders compared, %d cheaper than greedy", compared, better);
    }
};

QTEST_GUILESS_MAIN(TestRouterBruteForce)
#include "tst_routerbruteforce.moc"
