#include "Error.h"
#include "LedgerChains.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "inventory/PositionSink.h"
#include "inventory/ReservationService.h"
#include "lifecycle/OrderLifecycle.h"
#include "orders/OrderCapture.h"
#include "orders/OrderQuery.h"
#include "storage/AuditTrail.h"
#include "storage/LocationRepository.h"
#include "storage/PositionRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QScopeGuard>
#include <QSqlQuery>
#include <QTest>

#include <optional>
#include <thread>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

struct RecordingSink : PositionSink {
    QList<std::tuple<qint64, qint64, PositionFigures>> calls;
    void positionChanged(qint64 locationId, qint64 skuId, const PositionFigures& figures) override {
        calls.append({locationId, skuId, figures});
    }
};

} // namespace

class TestReservationService : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() {
        // Whatever a test wrote to the ledger, every position's chain still follows it.
        const QString broken = m_test ? test::brokenLedgerChains(m_test->db()) : QString();
        m_test.reset();
        QVERIFY2(broken.isEmpty(), qPrintable(broken));
    }

    void reservesExactFiguresAndRoutes();
    void choosesTheLocation_data();
    void choosesTheLocation();
    void insufficientStockRefusesAndChangesNothing();
    void stockTakenWhileWaitingForTheRowGoesToTheNextLocation();
    void partialHoldsWhatItCanAndFinishesLater();
    void reservingTwiceIsRefused();
    void lineHeldAgainWhereItWasGivenBack_data();
    void lineHeldAgainWhereItWasGivenBack();
    void cancelReleasesHeldStock();
    void shippingLowersOnHandAndReserved();
    void reserveManyKeepsEachOrderWhole();
    void reserveManyFinishesPartlyHeldOrders();
    void reserveManyHandsBackAFailedOrdersUnitsWithinTheGroup();
    void sinkHearsFinalFiguresAfterCommitOnly();
    void permissions();

private:
    Database& db() { return m_test->db(); }
    qint64 capture(const QString& number, const QList<QPair<QString, int>>& lines);
    void stock(const QString& location, const QString& sku, qint64 onHand, qint64 safety = 0);
    PositionFigures position(const QString& location, const QString& sku);
    qint64 count(const QString& sql);
    OrderStatus status(qint64 orderId) { return OrderQuery(db()).detail(orderId)->order.status; }
    QList<AuditEvent> audit(qint64 orderId, const QString& action);
    qint64 locationId(const QString& code) { return *LocationRepository(db()).idForCode(code); }
    qint64 skuId(const QString& code) { return SkuRepository(db()).findByCode(code)->id; }

    std::unique_ptr<test::TestDatabase> m_test;
    const Actor m_admin{u"ana"_s, Role::Admin};
};

void TestReservationService::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(db());
}

qint64 TestReservationService::capture(const QString& number, const QList<QPair<QString, int>>& lines) {
    return OrderCapture(db(), Actor::system()).capture(test::sampleOrder(number, lines)).orderId;
}

void TestReservationService::stock(const QString& location, const QString& sku, qint64 onHand,
                                   qint64 safety) {
    Transaction tx(db());
    PositionRepository(db()).setOnHand(locationId(location), skuId(sku), onHand, safety);
    tx.commit();
}

PositionFigures TestReservationService::position(const QString& location, const QString& sku) {
    SqlQuery q(
        db(),
        u"SELECT on_hand, reserved, safety_stock FROM positions WHERE location_id = :l AND sku_id = :s"_s);
    q.bind(u":l"_s, locationId(location)).bind(u":s"_s, skuId(sku)).exec();
    if (!q.next())
        return {};
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
}

qint64 TestReservationService::count(const QString& sql) {
    SqlQuery q(db(), sql);
    return q.scalar().toLongLong();
}

QList<AuditEvent> TestReservationService::audit(qint64 orderId, const QString& action) {
    QList<AuditEvent> found;
    for (const AuditEvent& e : AuditTrail(db()).forEntity(u"order"_s, orderId))
        if (e.action == action)
            found << e;
    return found;
}

void TestReservationService::reservesExactFiguresAndRoutes() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 10);
    stock(u"ST-NYC"_s, u"SKU-2"_s, 5);
    const qint64 id = capture(u"W-1"_s, {{u"SKU-1"_s, 3}, {u"SKU-2"_s, 2}});
    QCOMPARE(status(id), OrderStatus::Validated);

    ReservationService service(db());
    const ReservationOutcome outcome = service.reserve(id, m_admin);
    // PostgreSQL holds it in the round trip that commits; the rows below are the same either way.
    QCOMPARE(service.oneTripHolds(), db().engine() == Engine::Postgres ? 1 : 0);
    QVERIFY(outcome.routed);
    QCOMPARE(outcome.orderNumber, u"W-1"_s);
    QCOMPARE(outcome.reserved.size(), 2);
    QCOMPARE(outcome.reserved.at(0).locationCode, u"DC-EAST"_s);
    QCOMPARE(outcome.reserved.at(1).locationCode, u"ST-NYC"_s);
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{10, 3, 0}));
    QCOMPARE(position(u"ST-NYC"_s, u"SKU-2"_s), (PositionFigures{5, 2, 0}));

    const OrderDetail d = *OrderQuery(db()).detail(id);
    QCOMPARE(d.order.status, OrderStatus::Routed);
    QCOMPARE(d.order.lines.at(0).locationCode, u"DC-EAST"_s);
    QCOMPARE(d.order.lines.at(1).locationCode, u"ST-NYC"_s);
    QCOMPARE(d.order.lines.at(1).status, OrderStatus::Routed);

    const QList<StoredReservation> rows = ReservationService(db()).forOrder(id);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).quantity, 3);
    QCOMPARE(rows.at(0).state, u"held"_s);
    QCOMPARE(rows.at(1).locationId, locationId(u"ST-NYC"_s));

    const qint64 east =
        locationId(u"DC-EAST"_s); // looked up before the ledger query runs (one result at a time)
    SqlQuery ledger(
        db(), u"SELECT event_id, kind, quantity, on_hand_after, reserved_after, actor FROM inventory_events "
              "ORDER BY id"_s);
    ledger.exec();
    QVERIFY(ledger.next());
    QCOMPARE(ledger.value(0).toString(), u"res:%1#1:1:%2"_s.arg(id).arg(east)); // the first attempt
    QCOMPARE(ledger.value(1).toString(), u"reserve"_s);
    QCOMPARE(ledger.value(2).toLongLong(), 3);
    QCOMPARE(ledger.value(3).toLongLong(), 10);
    QCOMPARE(ledger.value(4).toLongLong(), 3);
    QCOMPARE(ledger.value(5).toString(), u"ana"_s);
    QVERIFY(ledger.next());
    QCOMPARE(ledger.value(4).toLongLong(), 2);
    QVERIFY(!ledger.next());

    const QList<AuditEvent> reserve = audit(id, u"reserve"_s);
    QCOMPARE(reserve.size(), 1);
    QCOMPARE(reserve.first().detail, u"line 1: 3 x SKU-1 at DC-EAST; line 2: 2 x SKU-2 at ST-NYC"_s);
    const QList<AuditEvent> moves = audit(id, u"transition"_s);
    QCOMPARE(moves.last().toState, u"routed"_s);
}

void TestReservationService::choosesTheLocation_data() {
    // Stock of SKU-1 as (on hand, safety) at DC-EAST, ST-NYC, VN-ACME; the quantity ordered; where it goes.
    QTest::addColumn<QList<int>>("figures");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::newRow("first by code") << QList<int>{5, 0, 5, 0, 5, 0} << 2 << u"DC-EAST"_s;
    QTest::newRow("exactly what is free") << QList<int>{2, 0, 5, 0, 0, 0} << 2 << u"DC-EAST"_s;
    QTest::newRow("skips a location short by one") << QList<int>{1, 0, 2, 0, 9, 0} << 2 << u"ST-NYC"_s;
    QTest::newRow("safety stock kept back") << QList<int>{5, 4, 5, 3, 5, 0} << 2 << u"ST-NYC"_s;
    QTest::newRow("safety stock everywhere") << QList<int>{5, 4, 5, 4, 3, 2} << 2 << QString();
    QTest::newRow("never split over locations") << QList<int>{1, 0, 1, 0, 1, 0} << 2 << QString();
    QTest::newRow("no positions at all") << QList<int>{} << 1 << QString();
}

void TestReservationService::choosesTheLocation() {
    QFETCH(QList<int>, figures);
    QFETCH(int, quantity);
    QFETCH(QString, expected);
    const QStringList codes{u"DC-EAST"_s, u"ST-NYC"_s, u"VN-ACME"_s};
    for (int i = 0; i + 1 < figures.size(); i += 2)
        stock(codes.at(i / 2), u"SKU-1"_s, figures.at(i), figures.at(i + 1));
    const qint64 id = capture(u"W-2"_s, {{u"SKU-1"_s, quantity}});
    ReservationService service(db());
    if (expected.isEmpty()) {
        QVERIFY_THROWS_EXCEPTION(Error, service.reserve(id, m_admin));
        QCOMPARE(count(u"SELECT COALESCE(SUM(reserved), 0) FROM positions"_s), 0);
        QCOMPARE(status(id), OrderStatus::Validated);
        return;
    }
    const ReservationOutcome outcome = service.reserve(id, m_admin);
    QCOMPARE(outcome.reserved.first().locationCode, expected);
    const int at = int(codes.indexOf(expected)) * 2;
    QCOMPARE(position(expected, u"SKU-1"_s), (PositionFigures{figures.at(at), quantity, figures.at(at + 1)}));
}

void TestReservationService::insufficientStockRefusesAndChangesNothing() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 10);
    stock(u"DC-EAST"_s, u"SKU-2"_s, 1);
    stock(u"ST-NYC"_s, u"SKU-2"_s, 2, 1);
    const qint64 id = capture(u"W-3"_s, {{u"SKU-1"_s, 4}, {u"SKU-2"_s, 2}});
    try {
        ReservationService(db()).reserve(id, m_admin);
        QFAIL("an order that cannot be covered was reserved");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::State);
        QCOMPARE(e.message(),
                 u"order W-3 cannot be reserved whole, nothing was held: line 2: 2 x SKU-2 cannot be "
                 "covered at any location (free: DC-EAST 1, ST-NYC 1)"_s);
    }
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{10, 0, 0}));
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM inventory_events"_s), 0);
    QCOMPARE(status(id), OrderStatus::Validated);
    QVERIFY(audit(id, u"reserve"_s).isEmpty());

    // A line naming its location is held there or nowhere.
    SqlQuery name(db(), u"UPDATE order_lines SET location_id = :l WHERE order_id = :o AND line_no = 2"_s);
    name.bind(u":l"_s, locationId(u"DC-EAST"_s)).bind(u":o"_s, id).exec();
    stock(u"ST-NYC"_s, u"SKU-2"_s, 20, 0);
    QVERIFY_THROWS_EXCEPTION(Error, ReservationService(db()).reserve(id, m_admin));
    stock(u"DC-EAST"_s, u"SKU-2"_s, 2);
    const ReservationOutcome outcome = ReservationService(db()).reserve(id, m_admin);
    QCOMPARE(outcome.reserved.at(1).locationCode, u"DC-EAST"_s);
    QCOMPARE(position(u"ST-NYC"_s, u"SKU-2"_s).reserved, 0);
}

void TestReservationService::stockTakenWhileWaitingForTheRowGoesToTheNextLocation() {
    if (db().engine() != Engine::Postgres)
        QSKIP(
            "SQLite lets one writer in at a time: no other client can take stock while a reservation waits");
    stock(u"DC-EAST"_s, u"SKU-1"_s, 5);
    stock(u"ST-NYC"_s, u"SKU-1"_s, 5);
    const qint64 id = capture(u"W-9"_s, {{u"SKU-1"_s, 2}});
    // Another client takes 4 of DC-EAST's 5 units and keeps its transaction open.
    Database other = Database::open(m_test->url());
    SqlQuery::run(other, u"BEGIN"_s);
    SqlQuery take(other,
                  u"UPDATE positions SET reserved = reserved + 4 WHERE location_id = :l AND sku_id = :s"_s);
    take.bind(u":l"_s, locationId(u"DC-EAST"_s)).bind(u":s"_s, skuId(u"SKU-1"_s)).exec();
    // This client still sees DC-EAST's units free, picks it and waits for its row...
    std::optional<ReservationOutcome> outcome;
    qint64 oneTripHolds = -1;
    QString error;
    RecordingSink sink;
    std::thread client([&] {
        try {
            Database connection = Database::open(m_test->url());
            ReservationService service(connection, &sink);
            outcome = service.reserve(id, m_admin);
            oneTripHolds = service.oneTripHolds();
        } catch (const Error& e) {
            error = e.message();
        }
    });
    // Whatever fails below, the other client lets go of the row and this one is waited for.
    bool otherOpen = true;
    const auto finish = qScopeGuard([&] {
        if (otherOpen)
            QSqlQuery(other.connection()).exec(u"ROLLBACK"_s);
        if (client.joinable())
            client.join();
    });
    // Waiting in the query string that holds and commits in one round trip: it begins with the rows that do
    // not depend on the figures (pg_stat_activity keeps only the first kilobyte of a query's text).
    const auto waiting = [&] {
        return SqlQuery(
                   db(),
                   u"SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                   "AND datname = current_database() AND query LIKE 'WITH r AS (INSERT INTO reservations%'"_s)
            .scalar()
            .toLongLong();
    };
    QTRY_COMPARE_WITH_TIMEOUT(waiting(), 1, 20000);
    // ...which comes back with 1 unit free once the other client commits: the statement fails before its
    // COMMIT and the ordinary way takes the line at ST-NYC instead.
    SqlQuery::run(other, u"COMMIT"_s);
    otherOpen = false;
    client.join();
    QCOMPARE(oneTripHolds, 0);
    QVERIFY2(outcome, qPrintable(error));
    QVERIFY(outcome->routed);
    QCOMPARE(outcome->reserved.size(), 1);
    QCOMPARE(outcome->reserved.first().locationCode, u"ST-NYC"_s);
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{5, 4, 0}));
    QCOMPARE(position(u"ST-NYC"_s, u"SKU-1"_s), (PositionFigures{5, 2, 0}));
    // Recorded once, as if the first choice had never been tried.
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations"_s), 1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM inventory_events WHERE kind = 'reserve'"_s), 1);
    QCOMPARE(audit(id, u"reserve"_s).size(), 1);
    QCOMPARE(audit(id, u"reserve"_s).first().detail, u"line 1: 2 x SKU-1 at ST-NYC"_s);
    int toRouted = 0;
    for (const AuditEvent& e : audit(id, u"transition"_s))
        toRouted += e.toState == u"routed"_s ? 1 : 0;
    QCOMPARE(toRouted, 1);
    QCOMPARE(sink.calls.size(), 1);
    QCOMPARE(std::get<0>(sink.calls.first()), locationId(u"ST-NYC"_s));
    QCOMPARE(std::get<2>(sink.calls.first()), (PositionFigures{5, 2, 0}));
}

void TestReservationService::partialHoldsWhatItCanAndFinishesLater() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 5);
    const qint64 id = capture(u"W-4"_s, {{u"SKU-1"_s, 2}, {u"SKU-3"_s, 1}});
    ReservationService service(db());
    const ReservationOutcome first = service.reserve(id, m_admin, ReservationService::Mode::Partial);
    QVERIFY(!first.routed);
    QCOMPARE(first.reserved.size(), 1);
    QCOMPARE(first.shortages,
             QStringList{u"line 2: 1 x SKU-3 cannot be covered at any location (free: no stock anywhere)"_s});
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s).reserved, 2);
    QCOMPARE(status(id), OrderStatus::Validated);

    stock(u"VN-ACME"_s, u"SKU-3"_s, 1);
    const ReservationOutcome second = service.reserve(id, m_admin);
    QVERIFY(second.routed);
    QCOMPARE(second.reserved.size(), 1); // line 1 was held already
    QCOMPARE(second.reserved.first().lineNo, 2);
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s).reserved, 2);
    QCOMPARE(position(u"VN-ACME"_s, u"SKU-3"_s), (PositionFigures{1, 1, 0}));
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations WHERE state = 'held'"_s), 2);
    QCOMPARE(audit(id, u"reserve"_s).size(), 2);
}

void TestReservationService::reservingTwiceIsRefused() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 5);
    const qint64 id = capture(u"W-5"_s, {{u"SKU-1"_s, 2}});
    ReservationService service(db());
    service.reserve(id, m_admin);
    try {
        service.reserve(id, m_admin);
        QFAIL("a routed order was reserved again");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::State);
        QCOMPARE(e.message(), u"order W-5 is routed; only validated orders have stock reserved"_s);
    }
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s).reserved, 2);
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations"_s), 1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM inventory_events"_s), 1);
    const QList<ReservationOutcome> again = service.reserveMany({id}, m_admin);
    QCOMPARE(again.size(), 1);
    QVERIFY(!again.first().refusal.isEmpty());
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s).reserved, 2);
}

void TestReservationService::lineHeldAgainWhereItWasGivenBack_data() {
    QTest::addColumn<QString>("path");
    QTest::newRow("whole (one trip on PostgreSQL)") << u"whole"_s;
    QTest::newRow("partial") << u"partial"_s;
    QTest::newRow("many") << u"many"_s;
}

void TestReservationService::lineHeldAgainWhereItWasGivenBack() {
    // Routing gives back a hold the rules do not allow and returns the order to Validated; a later run may
    // hold the same line at the same location again, and give it back again. Every hold and every release
    // is its own row and ledger event.
    QFETCH(QString, path);
    stock(u"DC-EAST"_s, u"SKU-1"_s, 5);
    const qint64 id = capture(u"W-9"_s, {{u"SKU-1"_s, 2}});
    ReservationService service(db());
    OrderLifecycle lifecycle(db());
    for (int attempt = 1; attempt <= 3; ++attempt) {
        ReservationOutcome outcome;
        if (path == u"many"_s)
            outcome = service.reserveMany({id}, m_admin).value(0);
        else
            outcome = service.reserve(id, m_admin,
                                      path == u"whole"_s ? ReservationService::Mode::Whole
                                                         : ReservationService::Mode::Partial);
        QVERIFY2(outcome.routed, qPrintable(u"attempt %1"_s.arg(attempt)));
        QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{5, 2, 0}));
        QCOMPARE(status(id), OrderStatus::Routed);
        QCOMPARE(service.release(id, m_admin, u"ROUTING_PARTIAL"_s, {1}), 1);
        lifecycle.transition(id, OrderStatus::Validated, m_admin, u"ROUTING_PARTIAL"_s, u"given back"_s);
        QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{5, 0, 0}));
    }
    const QList<StoredReservation> rows = service.forOrder(id);
    QCOMPARE(rows.size(), 3);
    for (const StoredReservation& r : rows)
        QCOMPARE(r.state, u"released"_s);
    QCOMPARE(count(u"SELECT COUNT(DISTINCT event_id) FROM inventory_events WHERE kind = 'reserve'"_s), 3);
    QCOMPARE(count(u"SELECT COUNT(DISTINCT event_id) FROM inventory_events WHERE kind = 'release'"_s), 3);
    // The attempt is part of each event id: the first hold is res:<order>#1:<line>:<location>.
    QCOMPARE(count(u"SELECT COUNT(*) FROM inventory_events WHERE event_id = 'res:%1#1:1:%2'"_s.arg(id).arg(
                 locationId(u"DC-EAST"_s))),
             1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM inventory_events WHERE event_id = 'rel:%1#3:1:%2'"_s.arg(id).arg(
                 locationId(u"DC-EAST"_s))),
             1);
}

void TestReservationService::cancelReleasesHeldStock() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 5);
    stock(u"ST-NYC"_s, u"SKU-2"_s, 5);
    const qint64 id = capture(u"W-6"_s, {{u"SKU-1"_s, 2}, {u"SKU-2"_s, 3}});
    ReservationService(db()).reserve(id, m_admin);
    RecordingSink sink;
    OrderLifecycle lifecycle(db());
    lifecycle.setPositionSink(&sink);
    lifecycle.cancel(id, Actor{u"cs"_s, Role::CustomerService}, u"CUSTOMER_REQUEST"_s, u"changed mind"_s);
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{5, 0, 0}));
    QCOMPARE(position(u"ST-NYC"_s, u"SKU-2"_s), (PositionFigures{5, 0, 0}));
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations WHERE state = 'released' AND closed_at IS NOT NULL"_s),
             2);
    QCOMPARE(count(u"SELECT COUNT(*) FROM inventory_events WHERE kind = 'release' AND reserved_after = 0 "
                   "AND reason = 'CUSTOMER_REQUEST' AND actor = 'cs'"_s),
             2);
    const QList<AuditEvent> released = audit(id, u"release-stock"_s);
    QCOMPARE(released.size(), 1);
    QCOMPARE(released.first().detail, u"line 1: 2 at DC-EAST; line 2: 3 at ST-NYC"_s);
    QCOMPARE(sink.calls.size(), 2);
    QCOMPARE(status(id), OrderStatus::Cancelled);
    // Nothing is held any more: a second release finds nothing.
    QCOMPARE(ReservationService(db()).release(id, m_admin, u"again"_s), 0);
}

void TestReservationService::shippingLowersOnHandAndReserved() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 10, 1);
    const qint64 id = capture(u"W-7"_s, {{u"SKU-1"_s, 3}});
    ReservationService(db()).reserve(id, m_admin);
    OrderLifecycle lifecycle(db());
    for (OrderStatus s : {OrderStatus::Released, OrderStatus::Picking, OrderStatus::Packed})
        lifecycle.transition(id, s, m_admin);
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{10, 3, 1}));
    lifecycle.transition(id, OrderStatus::Shipped, Actor{u"wh"_s, Role::Warehouse});
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{7, 0, 1}));
    QCOMPARE(ReservationService(db()).forOrder(id).first().state, u"shipped"_s);
    QCOMPARE(count(u"SELECT COUNT(*) FROM inventory_events WHERE kind = 'ship' AND on_hand_after = 7 "
                   "AND reserved_after = 0"_s),
             1);
    QCOMPARE(audit(id, u"ship-stock"_s).size(), 1);
    // Shipped stock cannot be cancelled back.
    QVERIFY_THROWS_EXCEPTION(Error, lifecycle.cancel(id, m_admin, u"LATE"_s, QString()));
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{7, 0, 1}));
}

void TestReservationService::reserveManyKeepsEachOrderWhole() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 5);
    stock(u"DC-EAST"_s, u"SKU-2"_s, 1);
    QList<qint64> ids;
    ids << capture(u"M-1"_s, {{u"SKU-1"_s, 2}});
    ids << capture(u"M-2"_s, {{u"SKU-1"_s, 2}, {u"SKU-2"_s, 2}}); // SKU-2 short: its SKU-1 must go back
    ids << capture(u"M-3"_s, {{u"SKU-1"_s, 3}});
    ids << capture(u"M-4"_s, {{u"SKU-1"_s, 1}, {u"SKU-2"_s, 1}});
    ids << capture(u"M-5"_s, {{u"SKU-1"_s, 1}});
    ReservationService service(db());
    QCOMPARE(service.validatedOrderIds(), ids);
    const QList<ReservationOutcome> outcomes = service.reserveMany(ids, m_admin, 2);
    QCOMPARE(outcomes.size(), 5);
    QList<bool> routed;
    for (const ReservationOutcome& o : outcomes)
        routed << o.routed;
    QCOMPARE(routed, (QList<bool>{true, false, true, false, false}));
    QCOMPARE(outcomes.at(1).shortages.size(), 1);
    QVERIFY(outcomes.at(3).shortages.first().contains(u"SKU-1"_s));
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{5, 5, 0}));
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-2"_s), (PositionFigures{1, 0, 0}));
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations"_s), 2);
    QCOMPARE(count(u"SELECT COUNT(*) FROM inventory_events"_s), 2);
    QCOMPARE(status(ids.at(1)), OrderStatus::Validated);
    QCOMPARE(service.validatedOrderIds(), (QList<qint64>{ids.at(1), ids.at(3), ids.at(4)}));
}

void TestReservationService::reserveManyFinishesPartlyHeldOrders() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 10);
    const qint64 partly = capture(u"P-1"_s, {{u"SKU-1"_s, 2}, {u"SKU-3"_s, 1}});
    ReservationService service(db());
    QVERIFY(!service.reserve(partly, m_admin, ReservationService::Mode::Partial).routed); // line 1 held
    stock(u"VN-ACME"_s, u"SKU-3"_s, 1);
    const qint64 twice = capture(u"P-2"_s, {{u"SKU-1"_s, 3}, {u"SKU-1"_s, 1}}); // one position, two lines
    const QList<ReservationOutcome> outcomes = service.reserveMany({partly, twice}, m_admin);
    QCOMPARE(outcomes.size(), 2);
    QVERIFY(outcomes.at(0).routed);
    QCOMPARE(outcomes.at(0).reserved.size(), 1);
    QCOMPARE(outcomes.at(0).reserved.first().lineNo, 2);
    QCOMPARE(outcomes.at(0).reserved.first().locationCode, u"VN-ACME"_s);
    QVERIFY(outcomes.at(1).routed);
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{10, 6, 0}));
    QCOMPARE(position(u"VN-ACME"_s, u"SKU-3"_s), (PositionFigures{1, 1, 0}));
    // The ledger has each line's running figure, as if every line had been held on its own.
    QList<qint64> after;
    SqlQuery q(db(),
               u"SELECT reserved_after FROM inventory_events WHERE kind = 'reserve' AND location_id = :l "
               "ORDER BY id"_s);
    q.bind(u":l"_s, locationId(u"DC-EAST"_s)).exec();
    while (q.next())
        after << q.value(0).toLongLong();
    QCOMPARE(after, (QList<qint64>{2, 5, 6}));
    // Every line of both orders is routed, at the location that holds it; the earlier hold moved with its
    // order.
    QCOMPARE(count(u"SELECT COUNT(*) FROM order_lines WHERE status = 'routed'"_s), 4);
    QCOMPARE(count(u"SELECT COUNT(*) FROM order_lines l JOIN locations c ON c.id = l.location_id "
                   "WHERE c.code = 'VN-ACME' AND l.line_no = 2"_s),
             1);
    QCOMPARE(status(partly), OrderStatus::Routed);
    QCOMPARE(status(twice), OrderStatus::Routed);
    QCOMPARE(audit(twice, u"reserve"_s).first().detail,
             u"line 1: 3 x SKU-1 at DC-EAST; line 2: 1 x SKU-1 at DC-EAST"_s);
}

void TestReservationService::reserveManyHandsBackAFailedOrdersUnitsWithinTheGroup() {
    // One group: the second order places SKU-1 and then fails on SKU-2, so its SKU-1 units go back before the
    // third order takes them; nothing of it reaches the database.
    stock(u"DC-EAST"_s, u"SKU-1"_s, 5);
    stock(u"DC-EAST"_s, u"SKU-2"_s, 1);
    QList<qint64> ids;
    ids << capture(u"G-1"_s, {{u"SKU-1"_s, 2}});
    ids << capture(u"G-2"_s, {{u"SKU-1"_s, 2}, {u"SKU-2"_s, 2}});
    ids << capture(u"G-3"_s, {{u"SKU-1"_s, 3}});
    ReservationService service(db());
    const QList<ReservationOutcome> outcomes = service.reserveMany(ids, m_admin);
    QCOMPARE(outcomes.size(), 3);
    QVERIFY(outcomes.at(0).routed);
    QVERIFY(!outcomes.at(1).routed);
    QCOMPARE(outcomes.at(1).shortages,
             QStringList{u"line 2: 2 x SKU-2 cannot be covered at any location (free: DC-EAST 1)"_s});
    QVERIFY(outcomes.at(1).reserved.isEmpty());
    QVERIFY(outcomes.at(2).routed);
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{5, 5, 0}));
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-2"_s), (PositionFigures{1, 0, 0}));
    QList<qint64> after;
    SqlQuery q(db(), u"SELECT reserved_after FROM inventory_events WHERE kind = 'reserve' ORDER BY id"_s);
    q.exec();
    while (q.next())
        after << q.value(0).toLongLong();
    QCOMPARE(after, (QList<qint64>{2, 5}));
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations"_s), 2);
    QCOMPARE(status(ids.at(1)), OrderStatus::Validated);
    QCOMPARE(count(u"SELECT COUNT(*) FROM order_lines WHERE status = 'routed'"_s), 2);
}

void TestReservationService::sinkHearsFinalFiguresAfterCommitOnly() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 5);
    const qint64 a = capture(u"S-1"_s, {{u"SKU-1"_s, 2}});
    const qint64 b = capture(u"S-2"_s, {{u"SKU-1"_s, 1}});
    RecordingSink sink;
    ReservationService service(db(), &sink);
    service.reserveMany({a, b}, m_admin);
    QCOMPARE(sink.calls.size(), 1); // one position, its final figures
    QCOMPARE(std::get<0>(sink.calls.first()), locationId(u"DC-EAST"_s));
    QCOMPARE(std::get<1>(sink.calls.first()), skuId(u"SKU-1"_s));
    QCOMPARE(std::get<2>(sink.calls.first()), (PositionFigures{5, 3, 0}));

    // Inside the caller's transaction nothing is told until the caller commits and publishes.
    sink.calls.clear();
    const qint64 c = capture(u"S-3"_s, {{u"SKU-1"_s, 1}});
    {
        Transaction tx(db());
        service.reserve(c, m_admin);
        QVERIFY(sink.calls.isEmpty());
        // left without commit: rolled back
    }
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s).reserved, 3);
    ReservationService other(db(), &sink);
    const qint64 d = capture(u"S-4"_s, {{u"SKU-1"_s, 9}});
    QVERIFY_THROWS_EXCEPTION(Error, other.reserve(d, m_admin));
    QVERIFY(sink.calls.isEmpty());
}

void TestReservationService::permissions() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 5);
    const qint64 id = capture(u"P-1"_s, {{u"SKU-1"_s, 1}});
    try {
        ReservationService(db()).reserve(id, Actor{u"cs"_s, Role::CustomerService});
        QFAIL("customer service reserved stock");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Denied);
    }
    QCOMPARE(position(u"DC-EAST"_s, u"SKU-1"_s).reserved, 0);
    QVERIFY(ReservationService(db()).reserve(id, Actor{u"wh"_s, Role::Warehouse}).routed);
}

QTEST_GUILESS_MAIN(TestReservationService)
#include "tst_reservationservice.moc"
