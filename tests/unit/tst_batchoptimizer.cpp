// The batch optimiser: joint routing of scarce stock against route() one order at a time.
#include "sourcing/BatchOptimizer.h"
#include "sourcing/RoutingNetwork.h"
#include "sourcing/SnapshotInventory.h"

#include <QHash>
#include <QTest>

#include <random>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

NetworkLocation dc(const QString& code, double latitude, double longitude, int capacityLeft = -1) {
    NetworkLocation n;
    n.location.code = code;
    n.location.name = code;
    n.location.type = LocationType::Dc;
    n.location.position = {latitude, longitude};
    n.location.ships = true;
    n.capacityLeft = capacityLeft;
    return n;
}

Order shipOrder(const QString& number, double latitude, double longitude,
                const QList<QPair<QString, int>>& lines) {
    Order o;
    o.id = number.mid(2).toLongLong();
    o.orderNumber = number;
    o.channel = Channel::Web;
    o.status = OrderStatus::Validated;
    o.orderedAt = QDateTime(QDate(2026, 11, 2), QTime(12, 0), Qt::UTC);
    o.currency = u"USD"_s;
    o.shipTo.country = u"US"_s;
    o.shipTo.position = GeoPoint{latitude, longitude};
    int no = 0;
    for (const auto& [sku, quantity] : lines) {
        OrderLine line;
        line.lineNo = ++no;
        line.skuCode = sku;
        line.quantity = quantity;
        line.unitPrice = Money{1000, u"USD"_s};
        line.status = OrderStatus::Validated;
        o.lines << line;
    }
    return o;
}

QString shipsFrom(const Decision& d) {
    QStringList codes;
    for (const Shipment& s : d.shipments)
        codes << s.locationCode;
    return codes.join(u',');
}

} // namespace

class TestBatchOptimizer : public QObject {
    Q_OBJECT
private slots:
    void scarceStockGoesWhereOnlyItCanServe_data();
    void scarceStockGoesWhereOnlyItCanServe();
    void neverMoreUnfilledThanSequential();
    void timeLimitFallsBackToSequential();
    void ordersOfManyLinesRouteTogether_data();
    void ordersOfManyLinesRouteTogether();
};

// Two DCs on the equator, DC-A at 0°E and DC-B at 10°E, one unit of S1 each; two orders of one unit. A degree
// of the equator is 6371 x pi / 180 = 111.195 km; a DC shipment costs 4.00 + 0.010/km, rounded to the cent.
void TestBatchOptimizer::scarceStockGoesWhereOnlyItCanServe_data() {
    QTest::addColumn<double>("maxDistanceKm"); // 0: no limit
    QTest::addColumn<double>("firstLongitude");
    QTest::addColumn<double>("secondLongitude");
    QTest::addColumn<QString>("sequentialFirst");
    QTest::addColumn<QString>("sequentialSecond");
    QTest::addColumn<qint64>("sequentialCost");
    QTest::addColumn<qint64>("sequentialUnfilled");
    QTest::addColumn<QString>("jointFirst");
    QTest::addColumn<QString>("jointSecond");
    QTest::addColumn<qint64>("jointCost");

    // W-1 at 4°E: DC-A 444.78 km -> 8.45, DC-B 667.17 km -> 10.67. W-2 at 4°W: DC-A 444.78 km -> 8.45, DC-B
    // 1,556.7 km, beyond the 1,000 km limit. Sequentially W-1 takes DC-A's unit and W-2 is left with nothing;
    // jointly W-1 ships from DC-B and W-2 from DC-A: 10.67 + 8.45 = 19.12, nothing unfilled.
    QTest::newRow("sequential leaves an order unfilled")
        << 1000.0 << 4.0 << -4.0 << u"DC-A"_s << u""_s << qint64(845) << qint64(1) << u"DC-B"_s << u"DC-A"_s
        << qint64(1912);
    // W-1 at 4.5°E: DC-A 500.38 km -> 9.00, DC-B 611.57 km -> 10.12. W-2 at 1°E: DC-A 111.19 km -> 5.11, DC-B
    // 1,000.76 km -> 14.01. Sequentially 9.00 + 14.01 = 23.01; jointly 10.12 + 5.11 = 15.23.
    QTest::newRow("sequential pays more") << 0.0 << 4.5 << 1.0 << u"DC-A"_s << u"DC-B"_s << qint64(2301)
                                          << qint64(0) << u"DC-B"_s << u"DC-A"_s << qint64(1523);
}

void TestBatchOptimizer::scarceStockGoesWhereOnlyItCanServe() {
    QFETCH(double, maxDistanceKm);
    QFETCH(double, firstLongitude);
    QFETCH(double, secondLongitude);
    QFETCH(QString, sequentialFirst);
    QFETCH(QString, sequentialSecond);
    QFETCH(qint64, sequentialCost);
    QFETCH(qint64, sequentialUnfilled);
    QFETCH(QString, jointFirst);
    QFETCH(QString, jointSecond);
    QFETCH(qint64, jointCost);

    const RoutingNetwork network({dc(u"DC-A"_s, 0, 0), dc(u"DC-B"_s, 0, 10)});
    const SnapshotInventory stock({{u"S1"_s, 0, 1}, {u"S1"_s, 1, 1}});
    RuleSet rules = RuleSet::defaults();
    if (maxDistanceKm > 0)
        rules.strategies[0].filters.maxDistanceKm = maxDistanceKm;
    const QList<Order> orders = {shipOrder(u"W-1"_s, 0, firstLongitude, {{u"S1"_s, 1}}),
                                 shipOrder(u"W-2"_s, 0, secondLongitude, {{u"S1"_s, 1}})};

    const BatchResult result = optimizeBatch(orders, rules, stock, network);

    QCOMPARE(shipsFrom(result.sequential.at(0)), sequentialFirst);
    QCOMPARE(shipsFrom(result.sequential.at(1)), sequentialSecond);
    QCOMPARE(result.sequentialFigures.totalCostMinor, sequentialCost);
    QCOMPARE(result.sequentialFigures.unfilledUnits, sequentialUnfilled);
    QCOMPARE(result.method, BatchResult::Method::Joint);
    QVERIFY(result.provenOptimal);
    QCOMPARE(result.modelOrders, 2);
    QCOMPARE(shipsFrom(result.decisions.at(0)), jointFirst);
    QCOMPARE(shipsFrom(result.decisions.at(1)), jointSecond);
    QCOMPARE(result.figures.totalCostMinor, jointCost);
    QCOMPARE(result.figures.unfilledUnits, qint64(0));
    QCOMPARE(result.figures.shipments, 2);
    QCOMPARE(result.figures.shipmentsPerOrder(), 1.0);
    for (const Decision& d : result.decisions) {
        QCOMPARE(d.outcome, RoutingOutcome::Routed);
        QCOMPARE(d.totalCostMinor, d.shipments.at(0).costMinor);
        QVERIFY(d.unfilled.isEmpty());
        QCOMPARE(d.strategies.last().name, u"joint optimisation"_s);
        QVERIFY(d.strategies.last().applied);
        int chosen = 0;
        for (const CandidateLocation& c : d.candidates) {
            QCOMPARE(c.chosen, c.locationCode == d.shipments.at(0).locationCode);
            chosen += c.chosen ? 1 : 0;
        }
        QCOMPARE(chosen, 1);
    }
    QCOMPARE(result.decisions.at(0).shipments.at(0).lines.at(0).skuCode, u"S1"_s);
    QCOMPARE(result.decisions.at(1).shipments.at(0).lines.at(0).quantity, qint64(1));
}

// Random small batches with random split policies and capacities: the optimiser never leaves more units
// unfilled than sequential routing, never costs more for as many, and never promises a unit twice.
void TestBatchOptimizer::neverMoreUnfilledThanSequential() {
    std::mt19937 random(20261201);
    int jointWins = 0;
    for (int round = 0; round < 60; ++round) {
        std::vector<NetworkLocation> locations;
        const int locationCount = 3 + int(random() % 4);
        for (int l = 0; l < locationCount; ++l)
            locations.push_back(dc(u"L%1"_s.arg(l), double(random() % 20), double(random() % 20),
                                   random() % 4 == 0 ? int(random() % 3) : -1));
        const RoutingNetwork network(locations);
        QList<SnapshotInventory::Row> rows;
        QHash<QPair<QString, int>, qint64> available;
        for (int s = 0; s < 4; ++s)
            for (int l = 0; l < locationCount; ++l)
                if (random() % 2) {
                    const qint64 units = 1 + qint64(random() % 3);
                    rows.append({u"S%1"_s.arg(s), l, units});
                    available.insert({u"S%1"_s.arg(s), l}, units);
                }
        const SnapshotInventory stock(rows);
        RuleSet rules = RuleSet::defaults();
        Strategy& strategy = rules.strategies[0];
        strategy.split.mode =
            random() % 3 == 0 ? SplitPolicy::Mode::SingleLocation : SplitPolicy::Mode::Split;
        strategy.split.shortage =
            random() % 2 ? SplitPolicy::Shortage::ShipAvailable : SplitPolicy::Shortage::ShipComplete;
        QList<Order> orders;
        const int orderCount = 4 + int(random() % 6);
        for (int o = 0; o < orderCount; ++o) {
            QList<QPair<QString, int>> lines;
            const int lineCount = 1 + int(random() % 3);
            for (int k = 0; k < lineCount; ++k)
                lines.append({u"S%1"_s.arg(random() % 4), 1 + int(random() % 2)});
            orders << shipOrder(u"W-%1"_s.arg(o + 1), double(random() % 20), double(random() % 20), lines);
        }

        const BatchResult result = optimizeBatch(orders, rules, stock, network);

        const QByteArray where = "round " + QByteArray::number(round);
        QVERIFY2(result.figures.unfilledUnits <= result.sequentialFigures.unfilledUnits, where.constData());
        if (result.figures.unfilledUnits == result.sequentialFigures.unfilledUnits)
            QVERIFY2(result.figures.totalCostMinor <= result.sequentialFigures.totalCostMinor,
                     where.constData());
        QCOMPARE(result.decisions.size(), orders.size());
        QCOMPARE(result.figures, batchFigures(orders, result.decisions));
        jointWins += result.method == BatchResult::Method::Joint ? 1 : 0;
        QHash<QPair<QString, int>, qint64> taken;
        QHash<QString, int> shipments;
        for (qsizetype i = 0; i < orders.size(); ++i) {
            const Decision& d = result.decisions.at(i);
            QVERIFY2(d.shipments.size() <= 1 || strategy.split.mode == SplitPolicy::Mode::Split,
                     where.constData());
            for (const Shipment& s : d.shipments) {
                ++shipments[s.locationCode];
                for (const ShipmentLine& line : s.lines)
                    taken[{line.skuCode, network.indexOf(s.locationCode)}] += line.quantity;
            }
            if (strategy.split.shortage == SplitPolicy::Shortage::ShipComplete && !d.shipments.isEmpty())
                QVERIFY2(d.unfilled.isEmpty(), where.constData());
        }
        for (auto it = taken.cbegin(); it != taken.cend(); ++it)
            QVERIFY2(it.value() <= available.value(it.key()),
                     QByteArray(where + " oversold " + it.key().first.toUtf8()).constData());
        for (auto it = shipments.cbegin(); it != shipments.cend(); ++it) {
            const int capacity = network.at(network.indexOf(it.key())).capacityLeft;
            QVERIFY2(capacity < 0 || it.value() <= capacity,
                     QByteArray(where + " over capacity at " + it.key().toUtf8()).constData());
        }
    }
    QVERIFY(jointWins > 0); // scarce random batches must give the joint model something to win
}

// A batch too large to solve in a millisecond: the solver stops in the LP relaxation without a solution and
// the sequential decisions are kept.
void TestBatchOptimizer::timeLimitFallsBackToSequential() {
    std::mt19937 random(7);
    std::vector<NetworkLocation> locations;
    for (int l = 0; l < 40; ++l)
        locations.push_back(
            dc(u"L%1"_s.arg(l, 2, 10, QChar(u'0')), double(random() % 40), double(random() % 40)));
    const RoutingNetwork network(locations);
    QList<SnapshotInventory::Row> rows;
    for (int s = 0; s < 60; ++s)
        for (int l = 0; l < 40; ++l)
            if (random() % 3 == 0)
                rows.append({u"S%1"_s.arg(s), l, 1 + qint64(random() % 3)});
    const SnapshotInventory stock(rows);
    QList<Order> orders;
    for (int o = 0; o < 2000; ++o)
        orders << shipOrder(u"W-%1"_s.arg(o + 1), double(random() % 40), double(random() % 40),
                            {{u"S%1"_s.arg(random() % 60), 1}, {u"S%1"_s.arg(random() % 60), 1}});
    BatchOptions options;
    options.timeLimitSeconds = 0.001;

    const BatchResult result = optimizeBatch(orders, RuleSet::defaults(), stock, network, {}, options);

    QCOMPARE(result.method, BatchResult::Method::Sequential);
    QVERIFY(!result.provenOptimal);
    QVERIFY2(result.solverStatus.contains(u"time limit"_s), qPrintable(result.solverStatus));
    QCOMPARE(result.decisions, result.sequential);
    QCOMPARE(result.figures, result.sequentialFigures);
    QVERIFY(result.sequentialFigures.unfilledUnits > 0);
}

void TestBatchOptimizer::ordersOfManyLinesRouteTogether_data() {
    QTest::addColumn<bool>("shipAvailable");
    QTest::newRow("ship complete") << false;
    QTest::newRow("ship available") << true;
}

// Orders of 20 to 28 lines, past the exact search (route() solves them as an integer programme), routed
// together over scarce stock: every decision accounts for every line, nothing is oversold, the joint result
// never leaves more units unfilled than routing one by one, and ship complete never ships part of an order.
void TestBatchOptimizer::ordersOfManyLinesRouteTogether() {
    QFETCH(bool, shipAvailable);
    std::mt19937 random(shipAvailable ? 29 : 28);
    std::vector<NetworkLocation> locations;
    for (int l = 0; l < 30; ++l)
        locations.push_back(
            dc(u"L%1"_s.arg(l, 2, 10, QChar(u'0')), double(random() % 30), double(random() % 30)));
    const RoutingNetwork network(locations);
    QList<SnapshotInventory::Row> rows;
    QHash<QPair<QString, int>, qint64> available;
    for (int s = 0; s < 25; ++s)
        for (int l = 0; l < 30; ++l)
            if (random() % 3 == 0) {
                const qint64 units = 1 + qint64(random() % 6);
                rows.append({u"S%1"_s.arg(s), l, units});
                available.insert({u"S%1"_s.arg(s), l}, units);
            }
    const SnapshotInventory stock(rows);
    RuleSet rules = RuleSet::defaults();
    if (shipAvailable)
        rules.strategies[0].split.shortage = SplitPolicy::Shortage::ShipAvailable;
    QList<Order> orders;
    for (int o = 0; o < 6; ++o) {
        QList<QPair<QString, int>> lines;
        const int lineCount = 20 + int(random() % 9);
        for (int k = 0; k < lineCount; ++k)
            lines.append({u"S%1"_s.arg(random() % 25), 1 + int(random() % 2)});
        orders << shipOrder(u"W-%1"_s.arg(o + 1), double(random() % 30), double(random() % 30), lines);
    }

    BatchOptions options;
    options.timeLimitSeconds = 3.0; // the joint model of 150 lines: the best it finds by then
    const BatchResult result = optimizeBatch(orders, rules, stock, network, {}, options);

    QCOMPARE(result.decisions.size(), orders.size());
    QCOMPARE(result.figures, batchFigures(orders, result.decisions));
    QVERIFY(result.figures.unfilledUnits <= result.sequentialFigures.unfilledUnits);
    if (result.figures.unfilledUnits == result.sequentialFigures.unfilledUnits)
        QVERIFY(result.figures.totalCostMinor <= result.sequentialFigures.totalCostMinor);
    QVERIFY(result.figures.ordersWithShipments > 0);
    int integer = 0;
    for (const Decision& d : result.sequential)
        integer += d.method == SearchMethod::IntegerProgramme ? 1 : 0;
    QVERIFY(integer > 0); // the sequential side routed these orders through the integer programme
    QHash<QPair<QString, int>, qint64> taken;
    for (qsizetype i = 0; i < orders.size(); ++i) {
        const Decision& d = result.decisions.at(i);
        qsizetype lines = d.unfilled.size();
        for (const Shipment& s : d.shipments) {
            lines += s.lines.size();
            for (const ShipmentLine& line : s.lines)
                taken[{line.skuCode, network.indexOf(s.locationCode)}] += line.quantity;
        }
        QCOMPARE(lines, orders.at(i).lines.size());
        if (!shipAvailable && !d.shipments.isEmpty())
            QVERIFY(d.unfilled.isEmpty());
    }
    for (auto it = taken.cbegin(); it != taken.cend(); ++it)
        QVERIFY2(it.value() <= available.value(it.key()), qPrintable(u"oversold "_s + it.key().first));
    qInfo("%s: %d of %d orders shipped, %lld units unfilled (one by one: %lld), %s",
          qPrintable(batchMethodCode(result.method)), result.figures.ordersWithShipments, int(orders.size()),
          result.figures.unfilledUnits, result.sequentialFigures.unfilledUnits,
          qPrintable(result.solverStatus));
}

QTEST_GUILESS_MAIN(TestBatchOptimizer)
#include "tst_batchoptimizer.moc"
