// RoutingService (core/sourcing/RoutingService.h) on SQLite and PostgreSQL,
// over the sample world:
//   DC-EAST (dc, Allentown), ST-NYC (store, Manhattan), VN-ACME (dropship,
//   Chicago); ship-to 350 5th Ave, New York.
// Hand-computed with the default cost model (haversine, R = 6371 km):
//   DC-EAST  126.339 km  4.00 + 0.010 x 126.339 = 5.263 -> 5.26
//   ST-NYC     0.689 km  6.00 + 0.012 x   0.689 = 6.008 -> 6.01
//   VN-ACME 1145.224 km  7.00 + 0.015 x 1145.224 = 24.178 -> 24.18
#include "Error.h"
#include "LedgerChains.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "orders/OrderCapture.h"
#include "orders/OrderQuery.h"
#include "sourcing/DecisionRepository.h"
#include "sourcing/OverdueOrders.h"
#include "sourcing/RoutingService.h"
#include "sourcing/RuleSetRepository.h"
#include "storage/AuditTrail.h"
#include "storage/LocationRepository.h"
#include "storage/PositionRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestRoutingService : public QObject {
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

    void routesToTheCheapestLocationAndReserves();
    void unroutableOrderIsHeldWithTheReason();
    void dryRunChangesNothing();
    void pendingRunSeesWhatEarlierOrdersTook();
    void stockThatMovedIsRoutedAgain();
    void capacityLeftTodayCountsStoredShipments();
    void reasonNamesTheLocationsAtCapacity_data();
    void reasonNamesTheLocationsAtCapacity();
    void partialDecisionReservesWhatItAssigns();
    void backorderedOrderWaitsForTheNextRun();
    void holdGivenBackIsTakenAgainByALaterRun();
    void oneFailingOrderDoesNotStopTheRun();
    void rejectedLinesAreReroutedElsewhere();
    void rejectionFlagsAPromiseThatCannotBeMet();
    void rejectRefusesLinesNotHeldThere();
    void overdueOrdersAreListed();

private:
    Database& db() { return m_test->db(); }
    qint64 capture(const QString& number, const QList<QPair<QString, int>>& lines,
                   const QDateTime& requested = {});
    void stock(const QString& location, const QString& sku, qint64 onHand);
    qint64 reserved(const QString& location, const QString& sku);
    qint64 count(const QString& sql) { return SqlQuery(db(), sql).scalar().toLongLong(); }
    Order order(qint64 id) { return OrderQuery(db()).detail(id)->order; }
    QStringList auditActions(qint64 orderId);
    void publish(const Strategy& strategy);

    std::unique_ptr<test::TestDatabase> m_test;
    const Actor m_admin{u"ana"_s, Role::Admin};
};

void TestRoutingService::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(db());
}

qint64 TestRoutingService::capture(const QString& number, const QList<QPair<QString, int>>& lines,
                                   const QDateTime& requested) {
    Order o = test::sampleOrder(number, lines);
    o.requestedAt = requested;
    return OrderCapture(db(), Actor::system()).capture(o).orderId;
}

void TestRoutingService::stock(const QString& location, const QString& sku, qint64 onHand) {
    Transaction tx(db());
    PositionRepository(db()).setOnHand(*LocationRepository(db()).idForCode(location),
                                       SkuRepository(db()).findByCode(sku)->id, onHand, 0);
    tx.commit();
}

qint64 TestRoutingService::reserved(const QString& location, const QString& sku) {
    SqlQuery q(db(), u"SELECT p.reserved FROM positions p JOIN locations l ON l.id = "
                     u"p.location_id "
                     "JOIN skus s ON s.id = p.sku_id WHERE l.code = :l AND s.code = :s"_s);
    q.bind(u":l"_s, location).bind(u":s"_s, sku);
    return q.optionalScalar().value_or(QVariant(-1)).toLongLong();
}

QStringList TestRoutingService::auditActions(qint64 orderId) {
    QStringList actions;
    for (const AuditEvent& e : AuditTrail(db()).forEntity(u"order"_s, orderId))
        actions << e.action;
    return actions;
}

void TestRoutingService::routesToTheCheapestLocationAndReserves() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 10);
    stock(u"ST-NYC"_s, u"SKU-1"_s, 10);
    stock(u"VN-ACME"_s, u"SKU-1"_s, 10);
    const qint64 id = capture(u"W-1"_s, {{u"SKU-1"_s, 2}});

    RoutingService service(db(), m_admin);
    const RoutedOrder r = service.routeOrder(id);
    QCOMPARE(r.decision.outcome, RoutingOutcome::Routed);
    QCOMPARE(r.action, u"reserved"_s);
    QVERIFY(r.reserved);
    QCOMPARE(r.decision.ruleVersion, 0);
    QCOMPARE(r.decision.shipments.size(), 1);
    QCOMPARE(r.decision.shipments.at(0).locationCode, u"DC-EAST"_s);
    QCOMPARE(r.decision.shipments.at(0).costMinor, 526);
    QCOMPARE(r.decision.totalCostMinor, 526);
    QVERIFY(qAbs(r.decision.shipments.at(0).distanceKm - 126.339) < 0.01);
    QVERIFY(r.decision.runnerUp);
    QCOMPARE(r.decision.runnerUp->totalCostMinor, 601); // ST-NYC

    const Order o = order(id);
    QCOMPARE(o.status, OrderStatus::Routed);
    QCOMPARE(o.lines.at(0).locationCode, u"DC-EAST"_s);
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-1"_s), 2);
    QCOMPARE(reserved(u"ST-NYC"_s, u"SKU-1"_s), 0);

    const auto stored = DecisionRepository(db()).latest(id);
    QVERIFY(stored);
    QVERIFY(*stored == r.decision);
    QVERIFY(auditActions(id).contains(u"route"_s));
    QVERIFY(auditActions(id).contains(u"reserve"_s));
    // The shipment counts against DC-EAST's capacity today.
    QCOMPARE(DecisionRepository(db()).shipmentsSince(0).value(u"DC-EAST"_s), 1);
    // Routing is not repeated.
    try {
        service.routeOrder(id);
        QFAIL("routed twice");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::State);
    }
}

void TestRoutingService::unroutableOrderIsHeldWithTheReason() {
    const qint64 id = capture(u"W-2"_s, {{u"SKU-3"_s, 1}}); // no stock anywhere
    const RoutedOrder r = RoutingService(db(), m_admin).routeOrder(id);
    QVERIFY(!r.reserved);
    QVERIFY(r.decision.shipments.isEmpty());
    QVERIFY(r.decision.outcome == RoutingOutcome::Held || r.decision.outcome == RoutingOutcome::Unfillable);
    const Order o = order(id);
    QCOMPARE(o.status, OrderStatus::Exception);
    QCOMPARE(o.exceptionReasons.size(), 1);
    QCOMPARE(o.exceptionReasons.at(0).code,
             r.decision.outcome == RoutingOutcome::Held ? u"ROUTING_HELD"_s : u"ROUTING_UNFILLABLE"_s);
    QVERIFY(!o.exceptionReasons.at(0).detail.isEmpty());
    QCOMPARE(o.exceptionReasons.at(0).detail, r.decision.reason);
    QCOMPARE(DecisionRepository(db()).forOrder(id).size(), 1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations"_s), 0);
}

void TestRoutingService::dryRunChangesNothing() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 2);
    stock(u"ST-NYC"_s, u"SKU-1"_s, 5);
    const qint64 a = capture(u"W-1"_s, {{u"SKU-1"_s, 2}});
    const qint64 b = capture(u"W-2"_s, {{u"SKU-1"_s, 2}});
    const qint64 audits = count(u"SELECT COUNT(*) FROM audit_events"_s);

    const QList<RoutedOrder> results = RoutingService(db(), m_admin).routePending(true);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).action, u"dry run"_s);
    QCOMPARE(results.at(0).decision.shipments.at(0).locationCode, u"DC-EAST"_s);
    // The run remembers what the first decision would take: DC-EAST has nothing
    // left for the second.
    QCOMPARE(results.at(1).decision.shipments.at(0).locationCode, u"ST-NYC"_s);
    QCOMPARE(results.at(1).decision.totalCostMinor, 601);

    QCOMPARE(order(a).status, OrderStatus::Validated);
    QCOMPARE(order(b).status, OrderStatus::Validated);
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-1"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM routing_decisions"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM audit_events"_s), audits);
}

void TestRoutingService::pendingRunSeesWhatEarlierOrdersTook() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 2);
    stock(u"ST-NYC"_s, u"SKU-1"_s, 5);
    const qint64 a = capture(u"W-1"_s, {{u"SKU-1"_s, 2}});
    const qint64 b = capture(u"W-2"_s, {{u"SKU-1"_s, 2}});
    const QList<RoutedOrder> results = RoutingService(db(), m_admin).routePending();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).decision.shipments.at(0).locationCode, u"DC-EAST"_s);
    QCOMPARE(results.at(1).decision.shipments.at(0).locationCode, u"ST-NYC"_s);
    QCOMPARE(order(a).status, OrderStatus::Routed);
    QCOMPARE(order(b).status, OrderStatus::Routed);
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-1"_s), 2);
    QCOMPARE(reserved(u"ST-NYC"_s, u"SKU-1"_s), 2);
}

void TestRoutingService::stockThatMovedIsRoutedAgain() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 5);
    stock(u"ST-NYC"_s, u"SKU-1"_s, 5);
    const qint64 id = capture(u"W-1"_s, {{u"SKU-1"_s, 2}});
    RoutingService service(db(), m_admin);
    QCOMPARE(service.rules().version, 0); // the run reads the index now
    stock(u"DC-EAST"_s, u"SKU-1"_s,
          1); // another process sells DC-EAST's stock meanwhile
    const RoutedOrder r = service.routeOrder(id);
    QVERIFY(r.rerouted);
    QCOMPARE(r.decision.shipments.at(0).locationCode, u"ST-NYC"_s);
    QCOMPARE(order(id).status, OrderStatus::Routed);
    QCOMPARE(reserved(u"ST-NYC"_s, u"SKU-1"_s), 2);
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-1"_s), 0);
    QCOMPARE(DecisionRepository(db()).forOrder(id).size(),
             1); // the failed attempt left nothing
}

void TestRoutingService::capacityLeftTodayCountsStoredShipments() {
    // A small DC beside the store: 4.00 + 0.010 x 0.689 km = 4.01, the cheapest, but it ships one order a
    // day.
    {
        Transaction tx(db());
        LocationRepository(db()).upsert({0,
                                         u"DC-TINY"_s,
                                         u"Tiny DC, Manhattan"_s,
                                         LocationType::Dc,
                                         {40.7505, -73.9934},
                                         true,
                                         false,
                                         1});
        tx.commit();
    }
    stock(u"DC-TINY"_s, u"SKU-1"_s, 10);
    stock(u"DC-EAST"_s, u"SKU-1"_s, 10);
    const qint64 a = capture(u"W-1"_s, {{u"SKU-1"_s, 1}});
    const qint64 b = capture(u"W-2"_s, {{u"SKU-1"_s, 1}});
    const RoutedOrder first = RoutingService(db(), m_admin).routeOrder(a);
    QCOMPARE(first.decision.shipments.at(0).locationCode, u"DC-TINY"_s);
    QCOMPARE(first.decision.totalCostMinor, 401);
    // A new run reads today's shipments from the database: DC-TINY has no capacity left.
    const RoutedOrder second = RoutingService(db(), m_admin).routeOrder(b);
    QCOMPARE(second.decision.shipments.at(0).locationCode, u"DC-EAST"_s);
    QCOMPARE(second.decision.totalCostMinor, 526);
    bool tinyFailedCapacity = false;
    for (const CandidateLocation& c : second.decision.candidates)
        if (c.locationCode == u"DC-TINY"_s)
            for (const FilterVerdict& f : c.filters)
                tinyFailedCapacity |= f.filter == u"capacity"_s && !f.passed;
    QVERIFY(tinyFailedCapacity);
}

void TestRoutingService::reasonNamesTheLocationsAtCapacity_data() {
    QTest::addColumn<int>("eastCapacity");
    QTest::addColumn<int>("storeCapacity");
    QTest::addColumn<QString>("reason");
    // Two orders of one unit take one shipment from each of DC-EAST and ST-NYC; the third finds both full.
    QTest::newRow("same capacity")
        << 1 << 1
        << u"no eligible location covers line 1 (SKU-1 x 1): DC-EAST, ST-NYC are at "
           "their daily capacity (1); held"_s;
    QTest::newRow("different capacities")
        << 1 << 2
        << u"no eligible location covers line 1 (SKU-1 x 1): DC-EAST (1), ST-NYC (2) are at their daily "
           "capacity; held"_s;
    // ST-NYC still has room but no more units; DC-EAST alone is full.
    QTest::newRow("one location")
        << 2 << 300
        << u"no eligible location covers line 1 (SKU-1 x 1): DC-EAST is at its daily "
           "capacity (2); held"_s;
}

void TestRoutingService::reasonNamesTheLocationsAtCapacity() {
    QFETCH(int, eastCapacity);
    QFETCH(int, storeCapacity);
    QFETCH(QString, reason);
    {
        Transaction tx(db());
        LocationRepository locations(db());
        locations.upsert({0,
                          u"DC-EAST"_s,
                          u"East DC, Allentown"_s,
                          LocationType::Dc,
                          {40.6023, -75.4714},
                          true,
                          false,
                          eastCapacity});
        locations.upsert({0,
                          u"ST-NYC"_s,
                          u"Store Manhattan"_s,
                          LocationType::Store,
                          {40.7505, -73.9934},
                          true,
                          true,
                          storeCapacity});
        tx.commit();
    }
    stock(u"DC-EAST"_s, u"SKU-1"_s, 10);
    // The store holds exactly what the orders before the last take from it when it has room for them.
    stock(u"ST-NYC"_s, u"SKU-1"_s, storeCapacity >= 300 ? 1 : 10);
    QList<qint64> ids;
    const int orders = storeCapacity >= 300 ? eastCapacity + 2 : eastCapacity + storeCapacity + 1;
    for (int i = 0; i < orders; ++i)
        ids << capture(u"W-%1"_s.arg(i + 1), {{u"SKU-1"_s, 1}});
    const QList<RoutedOrder> results = RoutingService(db(), m_admin).routePending();
    QCOMPARE(results.size(), orders);
    const RoutedOrder& last = results.last();
    QCOMPARE(last.decision.outcome, RoutingOutcome::Held);
    QCOMPARE(last.decision.reason, reason);
    QCOMPARE(order(ids.last()).exceptionReasons.at(0).detail, reason);
}

void TestRoutingService::publish(const Strategy& strategy) {
    RuleSet rules = RuleSet::defaults();
    rules.strategies = {strategy};
    RuleSetRepository repository(db());
    const int version = repository.saveDraft(rules, m_admin, QString()).version;
    repository.publish(version, m_admin, u"test rules"_s);
}

void TestRoutingService::partialDecisionReservesWhatItAssigns() {
    Strategy available = RuleSet::defaults().strategies.first();
    available.name = u"Ship what is there"_s;
    available.split.shortage = SplitPolicy::Shortage::ShipAvailable;
    publish(available);
    stock(u"DC-EAST"_s, u"SKU-1"_s, 5);
    const qint64 id = capture(u"W-1"_s, {{u"SKU-1"_s, 1}, {u"SKU-3"_s, 2}});

    const RoutedOrder first = RoutingService(db(), m_admin).routeOrder(id);
    QCOMPARE(first.decision.outcome, RoutingOutcome::Partial);
    QCOMPARE(first.decision.ruleVersion, 1);
    QCOMPARE(first.action, u"partly reserved"_s);
    QCOMPARE(first.decision.unfilled.size(), 1);
    QCOMPARE(first.decision.unfilled.at(0).lineNo, 2);
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-1"_s), 1);
    QCOMPARE(order(id).status, OrderStatus::Validated); // waits for line 2
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations WHERE state = 'held'"_s), 1);

    // Stock arrives: the next run routes line 2 alone and the order is routed whole.
    stock(u"ST-NYC"_s, u"SKU-3"_s, 4);
    const QList<RoutedOrder> next = RoutingService(db(), m_admin).routePending();
    QCOMPARE(next.size(), 1);
    QCOMPARE(next.at(0).decision.outcome, RoutingOutcome::Routed);
    QCOMPARE(next.at(0).decision.shipments.size(), 1);
    QCOMPARE(next.at(0).decision.shipments.at(0).locationCode, u"ST-NYC"_s);
    QCOMPARE(next.at(0).decision.shipments.at(0).lines.size(), 1);
    QCOMPARE(next.at(0).decision.shipments.at(0).lines.at(0).lineNo, 2);
    QCOMPARE(order(id).status, OrderStatus::Routed);
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-1"_s), 1);
    QCOMPARE(reserved(u"ST-NYC"_s, u"SKU-3"_s), 2);
}

void TestRoutingService::backorderedOrderWaitsForTheNextRun() {
    Strategy backorder = RuleSet::defaults().strategies.first();
    backorder.name = u"Backorder"_s;
    backorder.fallback.action = Fallback::Action::Backorder;
    publish(backorder);
    const qint64 id = capture(u"W-1"_s, {{u"SKU-3"_s, 1}});
    const RoutedOrder r = RoutingService(db(), m_admin).routeOrder(id);
    QCOMPARE(r.decision.outcome, RoutingOutcome::Backordered);
    QCOMPARE(r.action, u"backordered"_s);
    QCOMPARE(order(id).status, OrderStatus::Validated);
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations"_s), 0);
    const QList<AuditEvent> events = AuditTrail(db()).forEntity(u"order"_s, id);
    QCOMPARE(events.last().action, u"route"_s);
    QCOMPARE(events.last().reason, u"ROUTING_BACKORDERED"_s);
    QCOMPARE(DecisionRepository(db()).latest(id)->outcome, RoutingOutcome::Backordered);
}

void TestRoutingService::holdGivenBackIsTakenAgainByALaterRun() {
    // The rules never ship from ST-NYC. Line 2's SKU-2 is only there: the reservation holds it there, and
    // routing gives that hold back. Line 3 waits for stock.
    Strategy available = RuleSet::defaults().strategies.first();
    available.name = u"Ship what is there, never from the store"_s;
    available.split.shortage = SplitPolicy::Shortage::ShipAvailable;
    available.filters.excludedLocations = {u"ST-NYC"_s};
    publish(available);
    stock(u"DC-EAST"_s, u"SKU-1"_s, 5);
    stock(u"ST-NYC"_s, u"SKU-2"_s, 5);
    const qint64 id = capture(u"W-1"_s, {{u"SKU-1"_s, 1}, {u"SKU-2"_s, 1}, {u"SKU-3"_s, 1}});

    const QList<RoutedOrder> first = RoutingService(db(), m_admin).routePending();
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.at(0).action, u"partly reserved"_s);
    QCOMPARE(order(id).status, OrderStatus::Validated);
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-1"_s), 1);
    QCOMPARE(reserved(u"ST-NYC"_s, u"SKU-2"_s), 0); // held, then given back

    // SKU-3 arrives at DC-EAST: the next run places line 3, and line 2 is held and given back once more.
    stock(u"DC-EAST"_s, u"SKU-3"_s, 5);
    const QList<RoutedOrder> second = RoutingService(db(), m_admin).routePending();
    QCOMPARE(second.size(), 1);
    QCOMPARE(second.at(0).skipped, QString());
    QCOMPARE(second.at(0).action, u"partly reserved"_s);
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-3"_s), 1);
    QCOMPARE(reserved(u"ST-NYC"_s, u"SKU-2"_s), 0);
    QCOMPARE(order(id).status, OrderStatus::Validated); // line 2 waits for stock the rules allow
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations WHERE state = 'held'"_s), 2);
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations WHERE line_no = 2 AND state = 'released'"_s), 2);

    // And every later run still gets past it.
    const QList<RoutedOrder> third = RoutingService(db(), m_admin).routePending();
    QCOMPARE(third.size(), 1);
    QCOMPARE(third.at(0).skipped, QString());
}

void TestRoutingService::oneFailingOrderDoesNotStopTheRun() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 10);
    const qint64 a = capture(u"W-1"_s, {{u"SKU-1"_s, 1}});
    const qint64 poisoned = capture(u"W-2"_s, {{u"SKU-1"_s, 1}});
    const qint64 c = capture(u"W-3"_s, {{u"SKU-1"_s, 1}});
    // A ledger row already holds the event id W-2's hold would be written with, in every format the hold may
    // take: the database refuses the hold (a unique key), as it would any broken row.
    const qint64 east = *LocationRepository(db()).idForCode(u"DC-EAST"_s);
    const qint64 sku = SkuRepository(db()).findByCode(u"SKU-1"_s)->id;
    for (const QString& eventId :
         {u"res:%1:1:%2"_s.arg(poisoned).arg(east), u"res:%1#1:1:%2"_s.arg(poisoned).arg(east)}) {
        SqlQuery poison(db(), u"INSERT INTO inventory_events (event_id, location_id, sku_id, kind, quantity, "
                              "on_hand_after, reserved_after, occurred_at, recorded_at, actor) "
                              "VALUES (:e, :l, :s, 'adjust', 0, 10, 0, 0, 0, 'test')"_s);
        poison.bind(u":e"_s, eventId).bind(u":l"_s, east).bind(u":s"_s, sku).exec();
    }

    const QList<RoutedOrder> results = RoutingService(db(), m_admin).routePending();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).action, u"reserved"_s);
    QCOMPARE(results.at(1).action, u"failed"_s);
    QVERIFY2(results.at(1).skipped.contains(u"W-2"_s), qPrintable(results.at(1).skipped));
    QCOMPARE(results.at(2).action, u"reserved"_s);
    QCOMPARE(order(a).status, OrderStatus::Routed);
    QCOMPARE(order(c).status, OrderStatus::Routed);
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-1"_s), 2);
    // The failed order waits in the Exceptions queue with the reason, and nothing of its attempt is kept.
    const Order failed = order(poisoned);
    QCOMPARE(failed.status, OrderStatus::Exception);
    QCOMPARE(failed.exceptionReasons.size(), 1);
    QCOMPARE(failed.exceptionReasons.at(0).code, u"ROUTING_FAILED"_s);
    QVERIFY2(failed.exceptionReasons.at(0).detail.contains(u"unique"_s, Qt::CaseInsensitive),
             qPrintable(failed.exceptionReasons.at(0).detail));
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations WHERE order_id = %1"_s.arg(poisoned)), 0);
    QCOMPARE(DecisionRepository(db()).forOrder(poisoned).size(), 0);
    // The poison rows are no position's chain: take them out before the chains are checked.
    SqlQuery(db(), u"DELETE FROM inventory_events WHERE actor = 'test'"_s).exec();
}

void TestRoutingService::rejectedLinesAreReroutedElsewhere() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 10);
    stock(u"ST-NYC"_s, u"SKU-1"_s, 10);
    stock(u"VN-ACME"_s, u"SKU-1"_s, 10);
    const qint64 id = capture(u"W-1"_s, {{u"SKU-1"_s, 2}});
    RoutingService(db(), m_admin).routeOrder(id);
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-1"_s), 2);

    const RejectResult first = RoutingService(db(), m_admin).reject(id, u"DC-EAST"_s, {1}, u"damaged"_s);
    QCOMPARE(first.released, 1);
    QCOMPARE(first.rejectedLocations, QStringList{u"DC-EAST"_s});
    QCOMPARE(first.rerouted.decision.shipments.at(0).locationCode, u"ST-NYC"_s);
    QCOMPARE(first.rerouted.decision.totalCostMinor, 601);
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-1"_s), 0);
    QCOMPARE(reserved(u"ST-NYC"_s, u"SKU-1"_s), 2);
    QCOMPARE(order(id).status, OrderStatus::Routed);
    QCOMPARE(order(id).lines.at(0).locationCode, u"ST-NYC"_s);
    QVERIFY(!first.promiseAtRisk); // no date was requested
    QCOMPARE(count(u"SELECT COUNT(*) FROM notifications WHERE kind = 'reroute' AND sent_at IS NULL"_s), 1);
    QVERIFY(first.notification.contains(u"ST-NYC"_s));
    QVERIFY(auditActions(id).contains(u"reject"_s));

    // The rejecting location is never chosen again, though it is the cheapest.
    const RejectResult second =
        RoutingService(db(), m_admin).reject(id, u"ST-NYC"_s, {1}, u"not on the shelf"_s);
    QCOMPARE(second.rejectedLocations, (QStringList{u"DC-EAST"_s, u"ST-NYC"_s}));
    QCOMPARE(second.rerouted.decision.shipments.at(0).locationCode, u"VN-ACME"_s);
    QCOMPARE(second.rerouted.decision.totalCostMinor, 2418);
    QCOMPARE(reserved(u"VN-ACME"_s, u"SKU-1"_s), 2);

    // With every location rejecting, the order is held in exception and the
    // customer told of a delay.
    const RejectResult third =
        RoutingService(db(), m_admin).reject(id, u"VN-ACME"_s, {1}, u"over capacity"_s);
    QVERIFY(third.rerouted.decision.shipments.isEmpty());
    QCOMPARE(order(id).status, OrderStatus::Exception);
    QCOMPARE(reserved(u"VN-ACME"_s, u"SKU-1"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM notifications WHERE kind = 'delay'"_s), 1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM routing_rejections"_s), 3);
    for (const Decision& d : DecisionRepository(db()).forOrder(id).mid(1))
        for (const CandidateLocation& c : d.candidates)
            if (c.locationCode == u"DC-EAST"_s)
                QVERIFY(!c.chosen);
}

void TestRoutingService::rejectionFlagsAPromiseThatCannotBeMet() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 10);
    stock(u"VN-ACME"_s, u"SKU-1"_s, 10);
    // VN-ACME is 1,145 km away: 1 + floor(1145 / 800) = 2 days in transit; the
    // customer wants it within a day.
    const qint64 id =
        capture(u"W-1"_s, {{u"SKU-1"_s, 1}}, QDateTime::currentDateTimeUtc().addSecs(30 * 3600));
    RoutingService(db(), m_admin).routeOrder(id);
    const RejectResult r = RoutingService(db(), m_admin).reject(id, u"DC-EAST"_s, {1}, u"damaged"_s);
    QCOMPARE(r.rerouted.decision.shipments.at(0).locationCode, u"VN-ACME"_s);
    QVERIFY(r.promiseAtRisk);
    QVERIFY(r.promiseNote.contains(u"after the requested date"_s));
    QCOMPARE(count(u"SELECT COUNT(*) FROM notifications WHERE kind = 'delay'"_s), 1);
}

void TestRoutingService::rejectRefusesLinesNotHeldThere() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 10);
    const qint64 id = capture(u"W-1"_s, {{u"SKU-1"_s, 1}});
    RoutingService(db(), m_admin).routeOrder(id);
    const qint64 audits = count(u"SELECT COUNT(*) FROM audit_events"_s);
    const auto refusedWith = [&](const QString& location, QList<int> lines, Error::Kind kind) {
        try {
            RoutingService(db(), m_admin).reject(id, location, lines, u"damaged"_s);
        } catch (const Error& e) {
            return e.kind() == kind;
        }
        return false;
    };
    QVERIFY(refusedWith(u"ST-NYC"_s, {1}, Error::Kind::Input));
    QVERIFY(refusedWith(u"DC-EAST"_s, {2}, Error::Kind::Input));
    QVERIFY(refusedWith(u"NOWHERE"_s, {1}, Error::Kind::NotFound));
    QVERIFY(refusedWith(u"DC-EAST"_s, {}, Error::Kind::Usage));
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-1"_s), 1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM routing_rejections"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM audit_events"_s), audits);
}

void TestRoutingService::overdueOrdersAreListed() {
    const qint64 old = capture(u"W-1"_s, {{u"SKU-1"_s, 1}});
    capture(u"W-2"_s, {{u"SKU-1"_s, 1}});
    const qint64 now = nowStoredTime();
    SqlQuery back(db(), u"UPDATE orders SET status_changed_at = :t WHERE id = :id"_s);
    back.bind(u":t"_s, now - 5 * 3600 * 1000).bind(u":id"_s, old).exec();

    RuleSet rules = RuleSet::defaults();
    rules.stateLimitHours.insert(OrderStatus::Validated, 4);
    RuleSetRepository repository(db());
    repository.saveDraft(rules, m_admin, QString());
    repository.publish(1, m_admin, u"limits"_s);

    const QList<OverdueOrder> overdue = OverdueOrders(db()).list(repository.active(), now);
    QCOMPARE(overdue.size(), 1);
    QCOMPARE(overdue.at(0).orderNumber, u"W-1"_s);
    QCOMPARE(overdue.at(0).status, OrderStatus::Validated);
    QCOMPARE(overdue.at(0).limitHours, 4);
    QVERIFY(qAbs(overdue.at(0).waitedHours - 5.0) < 0.001);
    QVERIFY(OverdueOrders(db()).list(RuleSet::defaults(), now).isEmpty()); // no limits, nothing overdue
}

QTEST_GUILESS_MAIN(TestRoutingService)
#include "tst_routingservice.moc"
