// The what-if simulator on a small world whose every figure is computed by hand.
#include "sourcing/RoutingNetwork.h"
#include "sourcing/SimulationReport.h"
#include "sourcing/Simulator.h"
#include "sourcing/SnapshotInventory.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

// DC-A at 0°E (a dc, 2 shipments a day), ST-B at 2°E (a store). Every order ships to 0.9°E on the equator:
// DC-A 0.9 x 111.195 = 100.075 km, 4.00 + 0.010 x 100.075 = 5.00; ST-B 1.1 x 111.195 = 122.314 km,
// 6.00 + 0.012 x 122.314 = 7.47.
RoutingNetwork network() {
    NetworkLocation a;
    a.location = Location{1, u"DC-A"_s, u"DC A"_s, LocationType::Dc, {0.0, 0.0}, true, false, 2};
    a.capacityLeft = 2;
    NetworkLocation b;
    b.location = Location{2, u"ST-B"_s, u"Store B"_s, LocationType::Store, {0.0, 2.0}, true, true, 0};
    b.capacityLeft = -1;
    return RoutingNetwork({a, b});
}

Order order(qint64 id, int day, const QList<QPair<QString, int>>& lines) {
    Order o;
    o.id = id;
    o.orderNumber = u"W-%1"_s.arg(id);
    o.status = OrderStatus::Validated;
    o.orderedAt = QDateTime(QDate(2026, 11, day), QTime(10, int(id)), Qt::UTC);
    o.currency = u"USD"_s;
    o.shipTo.country = u"US"_s;
    o.shipTo.position = GeoPoint{0.0, 0.9};
    int no = 0;
    for (const auto& [sku, quantity] : lines) {
        OrderLine line;
        line.lineNo = ++no;
        line.skuCode = sku;
        line.quantity = quantity;
        line.unitPrice = Money{500, u"USD"_s};
        line.status = OrderStatus::Validated;
        o.lines << line;
    }
    return o;
}

} // namespace

class TestSimulator : public QObject {
    Q_OBJECT
private slots:
    void replaysDraftActiveAndGreedy();
    void reportJson();

private:
    SimulationReport run();
};

// S1: 5 at DC-A and 5 at ST-B; S2: 1 at ST-B; S3: 1 at DC-A.
//   day 1  W-1 S1 x 1, W-2 S1 x 2
//   day 2  W-3 S2 x 1 + S3 x 1, W-4 S2 x 1
// Active (the defaults, lowest cost): W-1 and W-2 from DC-A (5.00 each; they use DC-A's 2 shipments of day
// 1), W-3 from DC-A (S3) and ST-B (S2) on day 2, when DC-A has capacity again (5.00 + 7.47), W-4 held: W-3
// took ST-B's only S2. Draft (DC-A excluded): W-1, W-2 and W-4 from ST-B (7.47 each), W-3 held (S3 is only at
// DC-A). Greedy: the nearest location with the whole order, else the nearest per line: as the active rules.
SimulationReport TestSimulator::run() {
    const SnapshotInventory stock({{u"S1"_s, 0, 5}, {u"S1"_s, 1, 5}, {u"S2"_s, 1, 1}, {u"S3"_s, 0, 1}});
    const QList<Order> orders = {order(1, 1, {{u"S1"_s, 1}}), order(2, 1, {{u"S1"_s, 2}}),
                                 order(3, 2, {{u"S2"_s, 1}, {u"S3"_s, 1}}), order(4, 2, {{u"S2"_s, 1}})};
    RuleSet active = RuleSet::defaults();
    active.version = 3;
    RuleSet draft = RuleSet::defaults();
    draft.strategies[0].filters.excludedLocations = {u"DC-A"_s};
    return simulate(orders, draft, active, stock, network());
}

void TestSimulator::replaysDraftActiveAndGreedy() {
    const SimulationReport r = run();
    QCOMPARE(r.orders, 4);
    QCOMPARE(r.currency, u"USD"_s);

    const SimulationRun& active = r.active;
    QCOMPARE(active.ruleVersion, 3);
    QCOMPARE(active.totalCostMinor, qint64(500 + 500 + 500 + 747));
    QCOMPARE(active.routedOrders, 3);
    QCOMPARE(active.shipments, 4);
    QCOMPARE(active.splitOrders, 1);
    QCOMPARE(active.unfillableOrders, 1);
    QCOMPARE(active.unfilledUnits, qint64(1));
    QCOMPARE(active.costPerOrderMinor(), 2247.0 / 3);
    QCOMPARE(active.shipmentsPerOrder(), 4.0 / 3);
    QCOMPARE(active.splitRate(), 1.0 / 3);
    QCOMPARE(active.unfillableRate(), 0.25);
    QVERIFY(qAbs(active.meanDistanceKm() - (3 * 100.0754 + 122.3144) / 4) < 0.01);
    QCOMPARE(active.load, (QList<LocationLoad>{{u"DC-A"_s, 3, 4}, {u"ST-B"_s, 1, 1}}));

    const SimulationRun& draft = r.draft;
    QCOMPARE(draft.totalCostMinor, qint64(3 * 747));
    QCOMPARE(draft.routedOrders, 3);
    QCOMPARE(draft.shipments, 3);
    QCOMPARE(draft.splitOrders, 0);
    QCOMPARE(draft.unfillableOrders, 1);
    QCOMPARE(draft.unfilledUnits, qint64(2));
    QVERIFY(qAbs(draft.meanDistanceKm() - 122.3144) < 0.01);
    QCOMPARE(draft.load, (QList<LocationLoad>{{u"ST-B"_s, 3, 4}}));

    QCOMPARE(r.greedy.totalCostMinor, active.totalCostMinor);
    QCOMPARE(r.greedy.shipments, 4);
    QCOMPARE(r.greedy.unfillableOrders, 1);

    QCOMPARE(r.changes.size(), 4);
    QCOMPARE(r.changes.at(0).orderNumber, u"W-1"_s);
    QCOMPARE(r.changes.at(0).before, u"DC-A: S1 x 1"_s);
    QCOMPARE(r.changes.at(0).after, u"ST-B: S1 x 1"_s);
    QCOMPARE(r.changes.at(0).costBeforeMinor, qint64(500));
    QCOMPARE(r.changes.at(0).costAfterMinor, qint64(747));
    QCOMPARE(r.changes.at(2).orderNumber, u"W-3"_s);
    QVERIFY2(r.changes.at(2).before.contains(u"DC-A: S3 x 1"_s) &&
                 r.changes.at(2).before.contains(u"ST-B: S2 x 1"_s),
             qPrintable(r.changes.at(2).before));
    QCOMPARE(r.changes.at(2).after, u"held"_s);
    QCOMPARE(r.changes.at(3).before, u"held"_s);
    QCOMPARE(r.changes.at(3).after, u"ST-B: S2 x 1"_s);
}

void TestSimulator::reportJson() {
    SimulationReport r = run();
    r.from = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    r.to = QDateTime(QDate(2026, 11, 3), QTime(0, 0), Qt::UTC);
    r.unitsGivenBack = 7;
    const QJsonObject json = r.toJson();
    QCOMPARE(json[u"from"_s].toString(), u"2026-11-01T00:00:00Z"_s);
    QCOMPARE(json[u"orders"_s].toInt(), 4);
    QCOMPARE(json[u"units_given_back"_s].toInt(), 7);
    const QJsonObject active = json[u"active"_s].toObject();
    QCOMPARE(active[u"total_cost"_s].toDouble(), 22.47);
    QCOMPARE(active[u"cost_per_order"_s].toDouble(), 7.49); // 22.47 / 3
    QCOMPARE(active[u"shipments_per_order"_s].toDouble(), 1.3333);
    QCOMPARE(active[u"split_rate"_s].toDouble(), 0.3333);
    QCOMPARE(active[u"unfillable_rate"_s].toDouble(), 0.25);
    QCOMPARE(active[u"mean_distance_km"_s].toDouble(), 105.6);
    QCOMPARE(active[u"load"_s].toArray().at(0).toObject()[u"location_id"_s].toString(), u"DC-A"_s);
    QCOMPARE(active[u"load"_s].toArray().at(0).toObject()[u"units"_s].toInt(), 4);
    QCOMPARE(json[u"draft"_s].toObject()[u"unfilled_units"_s].toInt(), 2);
    QCOMPARE(json[u"greedy"_s].toObject()[u"name"_s].toString(), u"greedy"_s);
    const QJsonArray changed = json[u"changed"_s].toArray();
    QCOMPARE(changed.size(), 4);
    QCOMPARE(changed.at(0).toObject()[u"order_id"_s].toString(), u"W-1"_s);
    QCOMPARE(changed.at(0).toObject()[u"cost_after"_s].toDouble(), 7.47);
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
