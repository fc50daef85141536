// The Exceptions queue's routing actions (RoutingService::routeAgain, proposal, assignByHand, backorder) on
// SQLite and PostgreSQL, over the sample world:
//   DC-EAST (dc, Allentown), ST-NYC (store, Manhattan), VN-ACME (dropship, Chicago); ship-to New York.
// Hand-computed with the default cost model:
//   DC-EAST  126.339 km  4.00 + 0.010 x 126.339  =  5.26
//   ST-NYC     0.689 km  6.00 + 0.012 x   0.689  =  6.01
//   VN-ACME 1145.224 km  7.00 + 0.015 x 1145.224 = 24.18
#include "Error.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "inventory/SegmentationRepository.h"
#include "orders/OrderCapture.h"
#include "orders/OrderQuery.h"
#include "sourcing/DecisionRepository.h"
#include "sourcing/RoutingService.h"
#include "sourcing/RuleSetRepository.h"
#include "storage/AuditTrail.h"
#include "storage/LocationRepository.h"
#include "storage/PositionRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestRoutingExceptionActions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void routeAgainPlacesAHeldOrderOnceStockArrives();
    void routeAgainRefusesOrdersNotWaitingForRouting();
    void proposalIsTheRoutersDecisionAndWritesNothing();
    void handChoiceReservesThereAndSaysWhatTheRouterWouldHaveDone();
    void handChoiceCanPlaceWhatTheRulesHeld();
    void handChoiceRefusals_data();
    void handChoiceRefusals();
    void backorderNamesTheInboundSupplyAndKeepsTheOrderOutOfTheQueue();

private:
    Database& db() { return m_test->db(); }
    qint64 capture(const QString& number, const QList<QPair<QString, int>>& lines);
    void stock(const QString& location, const QString& sku, qint64 onHand);
    qint64 reserved(const QString& location, const QString& sku);
    qint64 count(const QString& sql) { return SqlQuery(db(), sql).scalar().toLongLong(); }
    Order order(qint64 id) { return OrderQuery(db()).detail(id)->order; }
    AuditEvent lastAudit(qint64 orderId, const QString& action);
    void publishNearOnly(); // ships from within 500 km, else holds

    std::unique_ptr<test::TestDatabase> m_test;
    const Actor m_admin{u"ana"_s, Role::Admin};
};

void TestRoutingExceptionActions::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(db());
}

qint64 TestRoutingExceptionActions::capture(const QString& number, const QList<QPair<QString, int>>& lines) {
    return OrderCapture(db(), Actor::system()).capture(test::sampleOrder(number, lines)).orderId;
}

void TestRoutingExceptionActions::stock(const QString& location, const QString& sku, qint64 onHand) {
    Transaction tx(db());
    PositionRepository(db()).setOnHand(*LocationRepository(db()).idForCode(location),
                                       SkuRepository(db()).findByCode(sku)->id, onHand, 0);
    tx.commit();
}

qint64 TestRoutingExceptionActions::reserved(const QString& location, const QString& sku) {
    SqlQuery q(db(), u"SELECT p.reserved FROM positions p JOIN locations l ON l.id = p.location_id "
                     "JOIN skus s ON s.id = p.sku_id WHERE l.code = :l AND s.code = :s"_s);
    q.bind(u":l"_s, location).bind(u":s"_s, sku);
    return q.optionalScalar().value_or(QVariant(-1)).toLongLong();
}

AuditEvent TestRoutingExceptionActions::lastAudit(qint64 orderId, const QString& action) {
    AuditEvent found;
    for (const AuditEvent& e : AuditTrail(db()).forEntity(u"order"_s, orderId))
        if (e.action == action)
            found = e;
    return found;
}

void TestRoutingExceptionActions::publishNearOnly() {
    RuleSet rules = RuleSet::defaults();
    rules.strategies.first().name = u"Near"_s;
    rules.strategies.first().filters.maxDistanceKm = 500.0;
    rules.strategies.first().fallback.action = Fallback::Action::Hold;
    RuleSetRepository repository(db());
    const int version = repository.saveDraft(rules, m_admin, QString()).version;
    repository.publish(version, m_admin, u"near locations only"_s);
}

void TestRoutingExceptionActions::routeAgainPlacesAHeldOrderOnceStockArrives() {
    const qint64 id = capture(u"W-1"_s, {{u"SKU-3"_s, 1}}); // no stock anywhere
    RoutingService(db(), m_admin).routeOrder(id);
    QCOMPARE(order(id).status, OrderStatus::Exception);

    // Nothing changed: it goes back to the queue with the router's reason, and the attempt is recorded.
    const RoutedOrder still = RoutingService(db(), m_admin).routeAgain(id, u"tried again"_s);
    QVERIFY(!still.reserved);
    QCOMPARE(order(id).status, OrderStatus::Exception);
    QCOMPARE(order(id).exceptionReasons.size(), 1);
    QCOMPARE(DecisionRepository(db()).forOrder(id).size(), 2);

    stock(u"DC-EAST"_s, u"SKU-3"_s, 5);
    const RoutedOrder placed = RoutingService(db(), m_admin).routeAgain(id, u"stock arrived"_s);
    QVERIFY(placed.reserved);
    QCOMPARE(placed.decision.outcome, RoutingOutcome::Routed);
    QCOMPARE(placed.decision.shipments.at(0).locationCode, u"DC-EAST"_s);
    QCOMPARE(placed.decision.totalCostMinor, 526);
    const Order o = order(id);
    QCOMPARE(o.status, OrderStatus::Routed);
    QVERIFY(o.exceptionReasons.isEmpty());
    QCOMPARE(o.lines.at(0).locationCode, u"DC-EAST"_s);
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-3"_s), 1);
    QCOMPARE(lastAudit(id, u"release"_s).detail, u"stock arrived"_s);
    QCOMPARE(DecisionRepository(db()).forOrder(id).size(), 3);
}

void TestRoutingExceptionActions::routeAgainRefusesOrdersNotWaitingForRouting() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 5);
    const qint64 id = capture(u"W-1"_s, {{u"SKU-1"_s, 1}});
    RoutingService(db(), m_admin).routeOrder(id);
    QCOMPARE(order(id).status, OrderStatus::Routed);
    try {
        RoutingService(db(), m_admin).routeAgain(id, QString());
        QFAIL("a routed order was routed again");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::State);
        QVERIFY2(e.message().contains(u"W-1 is routed"_s), qPrintable(e.message()));
    }
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-1"_s), 1);

    // Held at capture (an unknown SKU): routing cannot help until validation passes.
    Order bad = test::sampleOrder(u"W-2"_s, {{u"NOPE"_s, 1}});
    const qint64 held = OrderCapture(db(), Actor::system()).capture(bad).orderId;
    QCOMPARE(order(held).status, OrderStatus::Exception);
    try {
        RoutingService(db(), m_admin).routeAgain(held, QString());
        QFAIL("an order held at capture was routed");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::State);
        QVERIFY2(e.message().contains(u"before it was validated"_s), qPrintable(e.message()));
    }
    QCOMPARE(order(held).status, OrderStatus::Exception);

    // A warehouse user may not route orders out of the queue.
    try {
        RoutingService(db(), Actor{u"wes"_s, Role::Warehouse}).routeAgain(held, QString());
        QFAIL("a warehouse user routed a held order");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Denied);
    }
}

void TestRoutingExceptionActions::proposalIsTheRoutersDecisionAndWritesNothing() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 5);
    stock(u"ST-NYC"_s, u"SKU-1"_s, 5);
    const qint64 id = capture(u"W-1"_s, {{u"SKU-1"_s, 2}});
    const qint64 audits = count(u"SELECT COUNT(*) FROM audit_events"_s);
    const Decision d = RoutingService(db(), m_admin).proposal(id);
    QCOMPARE(d.outcome, RoutingOutcome::Routed);
    QCOMPARE(d.shipments.at(0).locationCode, u"DC-EAST"_s);
    QCOMPARE(d.runnerUp->totalCostMinor, 601);
    QCOMPARE(d.candidates.size(), 2); // VN-ACME holds none of it: not a candidate
    QCOMPARE(count(u"SELECT COUNT(*) FROM audit_events"_s), audits);
    QCOMPARE(count(u"SELECT COUNT(*) FROM routing_decisions"_s), 0);
    QCOMPARE(order(id).status, OrderStatus::Validated);
}

void TestRoutingExceptionActions::handChoiceReservesThereAndSaysWhatTheRouterWouldHaveDone() {
    stock(u"DC-EAST"_s, u"SKU-1"_s, 10);
    stock(u"ST-NYC"_s, u"SKU-1"_s, 10);
    stock(u"ST-NYC"_s, u"SKU-2"_s, 10);
    stock(u"DC-EAST"_s, u"SKU-2"_s, 10);
    const qint64 id = capture(u"W-1"_s, {{u"SKU-1"_s, 2}, {u"SKU-2"_s, 1}});

    const RoutedOrder r =
        RoutingService(db(), m_admin)
            .assignByHand(id, {{1, u"ST-NYC"_s}, {2, u"ST-NYC"_s}}, u"customer collects nearby"_s);
    QVERIFY(r.reserved);
    QCOMPARE(r.decision.outcome, RoutingOutcome::Routed);
    QCOMPARE(r.decision.strategy, u"chosen by hand"_s);
    QCOMPARE(r.decision.shipments.size(), 1);
    QCOMPARE(r.decision.shipments.at(0).locationCode, u"ST-NYC"_s);
    QCOMPARE(r.decision.shipments.at(0).lines.size(), 2);
    QCOMPARE(r.decision.totalCostMinor, 601);
    // The router's choice stays in the record as the runner-up, with its candidates.
    QVERIFY(r.decision.runnerUp);
    QCOMPARE(r.decision.runnerUp->shipments.at(0).locationCode, u"DC-EAST"_s);
    QCOMPARE(r.decision.runnerUp->totalCostMinor, 526);
    QCOMPARE(r.decision.candidates.size(), 2); // VN-ACME holds none: not listed
    for (const CandidateLocation& c : r.decision.candidates) {
        QCOMPARE(c.chosen, c.locationCode == u"ST-NYC"_s);
        if (c.locationCode == u"DC-EAST"_s)
            QCOMPARE(c.notChosen, u"the router's choice, overridden by hand"_s);
    }

    const Order o = order(id);
    QCOMPARE(o.status, OrderStatus::Routed);
    QCOMPARE(o.lines.at(0).locationCode, u"ST-NYC"_s);
    QCOMPARE(o.lines.at(1).locationCode, u"ST-NYC"_s);
    QCOMPARE(reserved(u"ST-NYC"_s, u"SKU-1"_s), 2);
    QCOMPARE(reserved(u"ST-NYC"_s, u"SKU-2"_s), 1);
    QCOMPARE(reserved(u"DC-EAST"_s, u"SKU-1"_s), 0);
    const auto stored = DecisionRepository(db()).latest(id);
    QVERIFY(stored);
    QVERIFY(*stored == r.decision);

    const AuditEvent audit = lastAudit(id, u"route_by_hand"_s);
    QCOMPARE(audit.actor, u"ana"_s);
    QCOMPARE(audit.reason, u"ROUTED_BY_HAND"_s);
    QCOMPARE(audit.detail,
             u"customer collects nearby; the router would have shipped DC-EAST (lines 1, 2) 5.26 USD "
             u"for 5.26 USD; chosen by hand ST-NYC (lines 1, 2) 6.01 USD for 6.01 USD (0.75 USD dearer)"_s);
}

void TestRoutingExceptionActions::handChoiceCanPlaceWhatTheRulesHeld() {
    publishNearOnly();
    stock(u"VN-ACME"_s, u"SKU-3"_s, 4); // 1,145 km away: the rules hold the order
    const qint64 id = capture(u"W-1"_s, {{u"SKU-3"_s, 1}});
    RoutingService(db(), m_admin).routeOrder(id);
    QCOMPARE(order(id).status, OrderStatus::Exception);
    QCOMPARE(order(id).exceptionReasons.at(0).code, u"ROUTING_HELD"_s);

    const RoutedOrder r =
        RoutingService(db(), m_admin).assignByHand(id, {{1, u"VN-ACME"_s}}, u"vendor agreed to ship"_s);
    QCOMPARE(r.decision.totalCostMinor, 2418);
    QVERIFY(!r.decision.runnerUp);
    QCOMPARE(order(id).status, OrderStatus::Routed);
    QVERIFY(order(id).exceptionReasons.isEmpty());
    QCOMPARE(reserved(u"VN-ACME"_s, u"SKU-3"_s), 1);
    // The explanation keeps why the rules refused VN-ACME.
    bool explained = false;
    for (const CandidateLocation& c : r.decision.candidates)
        if (c.locationCode == u"VN-ACME"_s)
            for (const FilterVerdict& v : c.filters)
                explained = explained || (v.filter == u"max_distance"_s && !v.passed);
    QVERIFY(explained);
    QVERIFY(lastAudit(id, u"route_by_hand"_s).detail.contains(u"the router could not place it"_s));
}

void TestRoutingExceptionActions::handChoiceRefusals_data() {
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<QStringList>("locations");
    QTest::addColumn<QString>("note");
    QTest::addColumn<int>("role");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");

    const int input = int(Error::Kind::Input);
    QTest::newRow("not enough stock there")
        << QList<int>{1, 2} << QStringList{u"VN-ACME"_s, u"VN-ACME"_s} << u"try"_s << int(Role::Admin)
        << int(Error::Kind::State) << u"cannot be reserved where chosen"_s;
    QTest::newRow("a line left out") << QList<int>{1} << QStringList{u"DC-EAST"_s} << u"try"_s
                                     << int(Role::Admin) << input << u"line(s) 2 of order W-1 too"_s;
    QTest::newRow("a line that does not exist")
        << QList<int>{1, 2, 7} << QStringList{u"DC-EAST"_s, u"DC-EAST"_s, u"DC-EAST"_s} << u"try"_s
        << int(Role::Admin) << input << u"no open line 7"_s;
    QTest::newRow("unknown location")
        << QList<int>{1, 2} << QStringList{u"DC-MARS"_s, u"DC-EAST"_s} << u"try"_s << int(Role::Admin)
        << int(Error::Kind::NotFound) << u"no location DC-MARS (line 1)"_s;
    QTest::newRow("no note") << QList<int>{1, 2} << QStringList{u"DC-EAST"_s, u"DC-EAST"_s} << u"  "_s
                             << int(Role::Admin) << int(Error::Kind::Usage) << u"needs a note"_s;
    QTest::newRow("warehouse may not")
        << QList<int>{1, 2} << QStringList{u"DC-EAST"_s, u"DC-EAST"_s} << u"try"_s << int(Role::Warehouse)
        << int(Error::Kind::Denied) << u"may not"_s;
}

void TestRoutingExceptionActions::handChoiceRefusals() {
    QFETCH(QList<int>, lines);
    QFETCH(QStringList, locations);
    QFETCH(QString, note);
    QFETCH(int, role);
    QFETCH(int, kind);
    QFETCH(QString, message);

    stock(u"DC-EAST"_s, u"SKU-1"_s, 10);
    stock(u"DC-EAST"_s, u"SKU-2"_s, 10);
    stock(u"VN-ACME"_s, u"SKU-1"_s, 10);
    stock(u"VN-ACME"_s, u"SKU-2"_s, 1); // line 2 wants 3
    const qint64 id = capture(u"W-1"_s, {{u"SKU-1"_s, 2}, {u"SKU-2"_s, 3}});
    const qint64 audits = count(u"SELECT COUNT(*) FROM audit_events"_s);

    QList<HandAssignment> assignments;
    for (int i = 0; i < lines.size(); ++i)
        assignments << HandAssignment{lines.at(i), locations.at(i)};
    try {
        RoutingService(db(), Actor{u"someone"_s, Role(role)}).assignByHand(id, assignments, note);
        QFAIL("the hand choice was taken");
    } catch (const Error& e) {
        QCOMPARE(int(e.kind()), kind);
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
    }
    // Nothing changed.
    QCOMPARE(order(id).status, OrderStatus::Validated);
    QCOMPARE(count(u"SELECT COUNT(*) FROM reservations"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM routing_decisions"_s), 0);
    QCOMPARE(count(u"SELECT SUM(reserved) FROM positions"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM audit_events"_s), audits);
}

void TestRoutingExceptionActions::backorderNamesTheInboundSupplyAndKeepsTheOrderOutOfTheQueue() {
    publishNearOnly();
    const QDateTime first(QDate(2026, 12, 10), QTime(0, 0), Qt::UTC);
    const QDateTime second(QDate(2026, 12, 20), QTime(0, 0), Qt::UTC);
    {
        SegmentationRepository segmentation(db(), m_admin);
        segmentation.addFutureSupply({u"PO-1"_s, u"DC-EAST"_s, u"SKU-3"_s, 2, first});
        segmentation.addFutureSupply({u"PO-2"_s, u"ST-NYC"_s, u"SKU-3"_s, 5, second});
    }
    const qint64 id = capture(u"W-1"_s, {{u"SKU-3"_s, 3}, {u"SKU-4"_s, 1}});
    RoutingService(db(), m_admin).routeOrder(id);
    QCOMPARE(order(id).status, OrderStatus::Exception);

    const BackorderResult b = RoutingService(db(), m_admin).backorder(id, u"customer will wait"_s);
    QCOMPARE(b.lines.size(), 2);
    // 3 units: PO-1 brings 2 on the 10th, PO-2 the rest on the 20th.
    QCOMPARE(b.lines.at(0).expectedAt, second);
    QCOMPARE(b.lines.at(0).reference, u"PO-2"_s);
    QVERIFY(!b.lines.at(1).expectedAt.isValid());
    QCOMPARE(b.summary,
             u"line 1 (3 x SKU-3) expected 2026-12-20 with PO-2; line 2 (1 x SKU-4) no inbound supply "
             u"known"_s);
    QCOMPARE(order(id).status, OrderStatus::Validated);
    QVERIFY(RoutingService(db(), m_admin).isBackordered(id));
    const AuditEvent audit = lastAudit(id, u"backorder"_s);
    QCOMPARE(audit.reason, u"ROUTING_BACKORDERED"_s);
    QCOMPARE(audit.detail, u"customer will wait; "_s + b.summary);

    // The next run backorders it instead of holding it again.
    const QList<RoutedOrder> waiting = RoutingService(db(), m_admin).routePending();
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.at(0).decision.outcome, RoutingOutcome::Backordered);
    QCOMPARE(order(id).status, OrderStatus::Validated);

    // Stock arrives: routed, and no longer marked.
    stock(u"DC-EAST"_s, u"SKU-3"_s, 3);
    stock(u"DC-EAST"_s, u"SKU-4"_s, 1);
    const QList<RoutedOrder> placed = RoutingService(db(), m_admin).routePending();
    QCOMPARE(placed.at(0).decision.outcome, RoutingOutcome::Routed);
    QCOMPARE(order(id).status, OrderStatus::Routed);
    QVERIFY(!RoutingService(db(), m_admin).isBackordered(id));

    // Only an order waiting for routing can be backordered.
    try {
        RoutingService(db(), m_admin).backorder(id, u"again"_s);
        QFAIL("a routed order was backordered");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::State);
    }
}

QTEST_GUILESS_MAIN(TestRoutingExceptionActions)
#include "tst_routingexceptionactions.moc"
