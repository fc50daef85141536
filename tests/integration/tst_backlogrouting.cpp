// RoutingService::routeBacklog (core/sourcing/RoutingServiceBacklog.cpp) on SQLite and PostgreSQL: a backlog
// routed in batches leaves exactly what routing its orders one by one (routeOrder, each its own unit of work)
// leaves on the same seeded world: the same decisions, reservations, order and line statuses, holds, stock
// and audit events per order. Beside it: a batch with an order the database refuses is routed again order by
// order, the refused order set aside and every other one routed; each order is told only after its batch
// committed.
//
// The world: the sample world (DC-EAST, ST-NYC, VN-ACME; SKU-1..SKU-5) with scarce stock drawn from a seed,
// ST-NYC shipping at most 10 orders a day, 240 orders of 1 to 3 lines (some of SKU-9, which is not in the
// catalogue: held at capture), in batches of 50.
#include "Error.h"
#include "LedgerChains.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "orders/OrderCapture.h"
#include "orders/OrderRepository.h"
#include "sourcing/DecisionRepository.h"
#include "sourcing/RoutingService.h"
#include "storage/LocationRepository.h"
#include "storage/PositionRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QRandomGenerator>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestBacklogRouting : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }

    void batchesLeaveWhatOneByOneLeaves();
    void refusedOrderIsSetAsideAndTheBatchRoutedOneByOne();
    void ordersAreToldAfterTheirBatchCommits();

private:
    static constexpr int orderCount = 240;
    // The seeded world in a new database.
    std::unique_ptr<test::TestDatabase> seededWorld();
    // Everything routing leaves, per order number and per position, as comparable text.
    static QStringList snapshot(Database& db);
};

std::unique_ptr<test::TestDatabase> TestBacklogRouting::seededWorld() {
    QFETCH_GLOBAL(QString, engine);
    auto test = test::TestDatabase::create(engine);
    if (!test)
        return nullptr;
    Database& db = test->db();
    test::createSampleWorld(db);
    QRandomGenerator random(20261206);
    Transaction tx(db);
    LocationRepository locations(db);
    locations.upsert(
        {0, u"ST-NYC"_s, u"Store Manhattan"_s, LocationType::Store, {40.7505, -73.9934}, true, true, 10});
    PositionRepository positions(db);
    SkuRepository skus(db);
    for (const QString& code : {u"DC-EAST"_s, u"ST-NYC"_s, u"VN-ACME"_s})
        for (int s = 1; s <= 5; ++s)
            positions.setOnHand(*locations.idForCode(code), skus.findByCode(u"SKU-%1"_s.arg(s))->id,
                                qint64(random.bounded(60)), qint64(random.bounded(3)));
    OrderCapture capture(db, Actor::system());
    const QDateTime start(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);
    for (int i = 0; i < orderCount; ++i) {
        QList<QPair<QString, int>> lines;
        for (int n = 1 + int(random.bounded(3)); n > 0; --n) {
            const int sku = random.bounded(40) == 0 ? 9 : 1 + int(random.bounded(5));
            lines.append({u"SKU-%1"_s.arg(sku), 1 + int(random.bounded(3))});
        }
        capture.capture(
            test::sampleOrder(u"B-%1"_s.arg(i, 4, 10, QChar(u'0')), lines, start.addSecs(60 * i)));
    }
    tx.commit();
    return test;
}

QStringList TestBacklogRouting::snapshot(Database& db) {
    QStringList rows;
    const auto add = [&](const QString& sql) {
        SqlQuery q(db, sql);
        q.exec();
        QStringList part;
        while (q.next()) {
            QStringList values;
            for (int c = 0; c < q.raw().record().count(); ++c)
                values << q.value(c).toString().section(u'\n', 0, 0);
            part << values.join(u'|');
        }
        part.sort();
        rows << part;
    };
    add(u"SELECT o.order_number, o.status, COALESCE(o.held_from, '') FROM orders o"_s);
    add(u"SELECT o.order_number, l.line_no, l.status, COALESCE(c.code, '') FROM order_lines l "
        "JOIN orders o ON o.id = l.order_id LEFT JOIN locations c ON c.id = l.location_id"_s);
    add(u"SELECT o.order_number, r.line_no, c.code, r.sku_id, r.quantity, r.state, r.attempt "
        "FROM reservations r JOIN orders o ON o.id = r.order_id JOIN locations c ON c.id = r.location_id"_s);
    // A hold's detail up to its first line break: a failed statement's text that follows it has times in it.
    add(u"SELECT o.order_number, h.code, h.detail FROM order_holds h JOIN orders o ON o.id = h.order_id"_s);
    add(u"SELECT c.code, p.sku_id, p.on_hand, p.reserved FROM positions p "
        "JOIN locations c ON c.id = p.location_id"_s);
    add(u"SELECT o.order_number, d.rule_version, d.outcome, d.total_cost_minor, d.actor "
        "FROM routing_decisions d JOIN orders o ON o.id = d.order_id"_s);
    add(u"SELECT o.order_number, c.code FROM routing_shipments s JOIN routing_decisions d ON d.id = "
        "s.decision_id JOIN orders o ON o.id = d.order_id JOIN locations c ON c.id = s.location_id"_s);
    add(u"SELECT o.order_number, e.action, COALESCE(e.from_state, ''), COALESCE(e.to_state, ''), "
        "COALESCE(e.reason, ''), COALESCE(e.detail, ''), e.actor FROM audit_events e "
        "JOIN orders o ON o.id = e.entity_id WHERE e.entity = 'order' AND e.action <> 'capture'"_s);
    add(u"SELECT event_id, kind, quantity, on_hand_after, reserved_after FROM inventory_events "
        "WHERE kind = 'reserve'"_s);
    // The decisions themselves, as stored, but for the time each was made.
    SqlQuery q(db, u"SELECT id FROM orders ORDER BY order_number"_s);
    q.exec();
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    DecisionRepository decisions(db);
    int stored = 0;
    for (qint64 id : std::as_const(ids))
        for (Decision d : decisions.forOrder(id)) {
            d.decidedAtMs = 0;
            rows << u"decision %1: %2 %3 %4 %5"_s
                        .arg(d.orderNumber, routingOutcomeCode(d.outcome), d.reason, d.strategy)
                        .arg(d.totalCostMinor);
            for (const Shipment& s : d.shipments)
                for (const ShipmentLine& l : s.lines)
                    rows << u"  %1 line %2: %3 x %4 at %5"_s.arg(d.orderNumber)
                                .arg(l.lineNo)
                                .arg(l.quantity)
                                .arg(l.skuCode, s.locationCode);
            rows << u"  candidates %1, runner-up %2"_s.arg(d.candidates.size())
                        .arg(d.runnerUp ? d.runnerUp->totalCostMinor : -1);
            ++stored;
        }
    rows << u"%1 decisions"_s.arg(stored);
    return rows;
}

void TestBacklogRouting::batchesLeaveWhatOneByOneLeaves() {
    auto alone = seededWorld();
    auto batched = seededWorld();
    QVERIFY(alone && batched);
    const Actor admin{u"ana"_s, Role::Admin};

    RoutingService one(alone->db(), admin);
    for (qint64 id : one.pendingOrderIds())
        one.routeOrder(id);

    RoutingService many(batched->db(), admin);
    many.setBacklogBatch(50);
    QHash<QString, int> actions;
    const qint64 pending = many.pendingOrderIds().size();
    QVERIFY(pending > orderCount * 9 / 10); // the others are held at capture: SKU-9 is not in the catalogue
    const qint64 met = many.routeBacklog(false, 0, [&](const RoutedOrder& r) { ++actions[r.action]; });
    QCOMPARE(met, pending);
    // The world really holds every kind of outcome the batch stores, and spans several batches.
    QVERIFY2(actions.value(u"reserved"_s) > orderCount / 4,
             qPrintable(QString::number(actions.value(u"reserved"_s))));
    QVERIFY2(actions.value(u"held"_s) + actions.value(u"unfillable"_s) > 10,
             qPrintable(QStringList(actions.keys()).join(u", "_s)));

    const QStringList expected = snapshot(alone->db());
    const QStringList actual = snapshot(batched->db());
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(actual.at(i), expected.at(i));
    // ST-NYC's daily capacity held: 10 shipments today, no more.
    QCOMPARE(SqlQuery(batched->db(), u"SELECT COUNT(*) FROM routing_shipments s JOIN locations l ON l.id = "
                                     "s.location_id WHERE l.code = 'ST-NYC'"_s)
                 .scalar()
                 .toLongLong(),
             10);
    QCOMPARE(test::brokenLedgerChains(batched->db()), QString());
}

void TestBacklogRouting::refusedOrderIsSetAsideAndTheBatchRoutedOneByOne() {
    auto alone = seededWorld();
    auto batched = seededWorld();
    QVERIFY(alone && batched);
    const Actor admin{u"ana"_s, Role::Admin};
    // The 7th order the router places whole has its first line held under an event id a ledger row already
    // has: the database refuses that row, as it would any broken one, in both worlds.
    QString poisoned;
    {
        int routable = 0;
        for (const RoutedOrder& r : RoutingService(alone->db(), admin).routePending(true))
            if (r.decision.outcome == RoutingOutcome::Routed && ++routable == 7)
                poisoned = r.orderNumber;
    }
    QVERIFY(!poisoned.isEmpty());
    for (test::TestDatabase* world : {alone.get(), batched.get()}) {
        Database& db = world->db();
        SqlQuery find(db, u"SELECT id FROM orders WHERE order_number = :n"_s);
        find.bind(u":n"_s, poisoned);
        const qint64 id = find.scalar().toLongLong();
        for (const QString& location : {u"DC-EAST"_s, u"ST-NYC"_s, u"VN-ACME"_s}) {
            SqlQuery poison(db,
                            u"INSERT INTO inventory_events (event_id, location_id, sku_id, kind, quantity, "
                            "on_hand_after, reserved_after, occurred_at, recorded_at, actor) "
                            "SELECT :e, l.id, 1, 'adjust', 0, 0, 0, 0, 0, 'test' FROM locations l "
                            "WHERE l.code = :code"_s);
            poison.bind(u":e"_s, u"res:%1#1:1:%2"_s.arg(id).arg(*LocationRepository(db).idForCode(location)))
                .bind(u":code"_s, location)
                .exec();
        }
    }
    RoutingService one(alone->db(), admin);
    for (qint64 id : one.pendingOrderIds()) {
        try {
            one.routeOrder(id);
        } catch (const Error& e) {
            one.setAsideFailed(*OrderRepository(alone->db()).load(id), e);
        }
    }
    RoutingService many(batched->db(), admin);
    many.setBacklogBatch(50);
    QList<RoutedOrder> failed;
    many.routeBacklog(false, 0, [&](const RoutedOrder& r) {
        if (r.action == u"failed"_s)
            failed << r;
    });
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).orderNumber, poisoned);
    QVERIFY2(failed.at(0).skipped.contains(u"ROUTING_FAILED"_s), qPrintable(failed.at(0).skipped));
    const QStringList expected = snapshot(alone->db());
    const QStringList actual = snapshot(batched->db());
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(actual.at(i), expected.at(i));
    for (test::TestDatabase* world : {alone.get(), batched.get()})
        SqlQuery(world->db(), u"DELETE FROM inventory_events WHERE actor = 'test'"_s).exec();
    QCOMPARE(test::brokenLedgerChains(batched->db()), QString());
}

void TestBacklogRouting::ordersAreToldAfterTheirBatchCommits() {
    auto world = seededWorld();
    QVERIFY(world);
    Database& db = world->db();
    RoutingService service(db, {u"ana"_s, Role::Admin});
    service.setBacklogBatch(50);
    const qint64 pending = service.pendingOrderIds().size();
    int told = 0;
    service.routeBacklog(false, 0, [&](const RoutedOrder& r) {
        ++told;
        // Outside any unit of work, and the order's outcome is in the database already.
        QCOMPARE(db.transactionDepth(), 0);
        const QString status =
            SqlQuery(db, u"SELECT status FROM orders WHERE id = %1"_s.arg(r.orderId)).scalar().toString();
        if (r.action == u"reserved"_s)
            QCOMPARE(status, u"routed"_s);
        else if (r.action == u"held"_s || r.action == u"unfillable"_s)
            QCOMPARE(status, u"exception"_s);
    });
    QCOMPARE(told, pending);
}

QTEST_GUILESS_MAIN(TestBacklogRouting)
#include "tst_backlogrouting.moc"
