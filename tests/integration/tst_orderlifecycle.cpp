#include "Error.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "lifecycle/OrderLifecycle.h"
#include "orders/OrderCapture.h"
#include "orders/OrderQuery.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestOrderLifecycle : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void walksTheHappyPathWithAnAuditEventPerStep();
    void illegalMoveIsRefusedAndChangesNothing();
    void permissions_data();
    void permissions();
    void holdAndReleaseReturnsWhereItWas();
    void releaseRevalidatesACaptureHold();
    void cancelNeedsAReasonAndIsRefusedAfterShipping();
    void splitOrderFollowsItsLeastAdvancedLine();
    void twoConnectionsSeeOneConsistentState();

private:
    qint64 capture(const QString& number, const QList<QPair<QString, int>>& lines);
    OrderDetail detail(qint64 id) { return *OrderQuery(m_test->db()).detail(id); }
    void advance(qint64 id, const QList<OrderStatus>& steps);
    std::unique_ptr<test::TestDatabase> m_test;
    const Actor m_admin{u"ana"_s, Role::Admin};
};

void TestOrderLifecycle::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(m_test->db());
}

qint64 TestOrderLifecycle::capture(const QString& number, const QList<QPair<QString, int>>& lines) {
    return OrderCapture(m_test->db(), Actor::system()).capture(test::sampleOrder(number, lines)).orderId;
}

void TestOrderLifecycle::advance(qint64 id, const QList<OrderStatus>& steps) {
    OrderLifecycle lifecycle(m_test->db());
    for (OrderStatus s : steps)
        lifecycle.transition(id, s, m_admin);
}

void TestOrderLifecycle::walksTheHappyPathWithAnAuditEventPerStep() {
    const qint64 id = capture(u"W-1"_s, {{u"SKU-1"_s, 1}, {u"SKU-2"_s, 2}});
    const QList<OrderStatus> path{OrderStatus::Routed, OrderStatus::Released, OrderStatus::Picking,
                                  OrderStatus::Packed, OrderStatus::Shipped,  OrderStatus::Delivered};
    advance(id, path);
    const OrderDetail d = detail(id);
    QCOMPARE(d.order.status, OrderStatus::Delivered);
    for (const OrderLine& line : d.order.lines)
        QCOMPARE(line.status, OrderStatus::Delivered);
    // capture + validated + six steps
    QCOMPARE(d.events.size(), 8);
    QString previous = u"validated"_s;
    for (int i = 0; i < path.size(); ++i) {
        const AuditEvent& e = d.events.at(2 + i);
        QCOMPARE(e.actor, u"ana"_s);
        QCOMPARE(e.action, u"transition"_s);
        QCOMPARE(e.fromState, previous);
        QCOMPARE(e.toState, orderStatusCode(path.at(i)));
        previous = e.toState;
    }
}

void TestOrderLifecycle::illegalMoveIsRefusedAndChangesNothing() {
    const qint64 id = capture(u"W-2"_s, {{u"SKU-1"_s, 1}});
    const int eventsBefore = detail(id).events.size();
    try {
        OrderLifecycle(m_test->db()).transition(id, OrderStatus::Shipped, m_admin);
        QFAIL("validated -> shipped was allowed");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::State);
        QVERIFY2(e.message().contains(u"validated"_s) && e.message().contains(u"shipped"_s),
                 qPrintable(e.message()));
    }
    QCOMPARE(detail(id).order.status, OrderStatus::Validated);
    QCOMPARE(detail(id).events.size(), eventsBefore);
    QVERIFY_THROWS_EXCEPTION(Error,
                             OrderLifecycle(m_test->db()).transition(999999, OrderStatus::Routed, m_admin));
}

void TestOrderLifecycle::permissions_data() {
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("warehouse advances") << u"warehouse"_s << u"advance"_s << true;
    QTest::newRow("warehouse may not cancel") << u"warehouse"_s << u"cancel"_s << false;
    QTest::newRow("csr may not advance") << u"csr"_s << u"advance"_s << false;
    QTest::newRow("csr cancels") << u"csr"_s << u"cancel"_s << true;
    QTest::newRow("csr holds") << u"csr"_s << u"hold"_s << true;
    QTest::newRow("manager advances") << u"manager"_s << u"advance"_s << true;
}

void TestOrderLifecycle::permissions() {
    QFETCH(QString, role);
    QFETCH(QString, action);
    QFETCH(bool, allowed);
    const qint64 id = capture(u"W-3"_s, {{u"SKU-1"_s, 1}});
    const Actor actor{u"pat"_s, *roleFromCode(role)};
    OrderLifecycle lifecycle(m_test->db());
    bool done = true;
    try {
        if (action == u"advance"_s)
            lifecycle.transition(id, OrderStatus::Routed, actor);
        else if (action == u"cancel"_s)
            lifecycle.cancel(id, actor, u"CUSTOMER_REQUEST"_s, {});
        else
            lifecycle.raiseException(id, {{u"ADDRESS_CHECK"_s, u"customer called"_s}}, actor);
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Denied);
        done = false;
    }
    QCOMPARE(done, allowed);
    QCOMPARE(detail(id).order.status == OrderStatus::Validated, !allowed);
}

void TestOrderLifecycle::holdAndReleaseReturnsWhereItWas() {
    const qint64 id = capture(u"W-4"_s, {{u"SKU-1"_s, 1}});
    advance(id, {OrderStatus::Routed, OrderStatus::Released, OrderStatus::Picking});
    OrderLifecycle lifecycle(m_test->db());
    lifecycle.raiseException(id, {{u"DAMAGED"_s, u"box crushed at the shelf"_s}}, m_admin);
    OrderDetail d = detail(id);
    QCOMPARE(d.order.status, OrderStatus::Exception);
    QCOMPARE(d.order.exceptionReasons.size(), 1);
    QCOMPARE(d.order.exceptionReasons[0].code, u"DAMAGED"_s);
    QVERIFY_THROWS_EXCEPTION(Error, lifecycle.transition(id, OrderStatus::Packed, m_admin));

    lifecycle.release(id, m_admin, u"replacement picked"_s);
    d = detail(id);
    QCOMPARE(d.order.status, OrderStatus::Picking);
    QVERIFY(d.order.exceptionReasons.isEmpty());
    QCOMPARE(d.events.last().action, u"release"_s);
    QCOMPARE(d.events.last().fromState, u"exception"_s);
    QCOMPARE(d.events.last().toState, u"picking"_s);
    QCOMPARE(d.events.last().detail, u"replacement picked"_s);
    QVERIFY_THROWS_EXCEPTION(Error, lifecycle.release(id, m_admin, {}));
}

void TestOrderLifecycle::releaseRevalidatesACaptureHold() {
    const qint64 id = capture(u"W-5"_s, {{u"SKU-NEW"_s, 1}});
    QCOMPARE(detail(id).order.status, OrderStatus::Exception);
    OrderLifecycle lifecycle(m_test->db());
    try {
        lifecycle.release(id, m_admin, {});
        QFAIL("an order with an unknown SKU was released");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::State);
        QVERIFY2(e.message().contains(u"UNKNOWN_SKU"_s), qPrintable(e.message()));
    }
    QCOMPARE(detail(id).order.status, OrderStatus::Exception);
    {
        Transaction tx(m_test->db());
        SkuRepository(m_test->db()).upsert({0, u"SKU-NEW"_s, u"New item"_s, 100, Money{1000, u"USD"_s}});
        tx.commit();
    }
    lifecycle.release(id, m_admin, u"SKU added to the catalogue"_s);
    const OrderDetail d = detail(id);
    QCOMPARE(d.order.status, OrderStatus::Validated);
    QCOMPARE(d.order.lines[0].status, OrderStatus::Validated);
}

void TestOrderLifecycle::cancelNeedsAReasonAndIsRefusedAfterShipping() {
    const qint64 id = capture(u"W-6"_s, {{u"SKU-1"_s, 1}});
    OrderLifecycle lifecycle(m_test->db());
    QVERIFY_THROWS_EXCEPTION(Error, lifecycle.cancel(id, m_admin, {}, {}));
    lifecycle.cancel(id, m_admin, u"CUSTOMER_REQUEST"_s, u"ordered twice"_s);
    OrderDetail d = detail(id);
    QCOMPARE(d.order.status, OrderStatus::Cancelled);
    QCOMPARE(d.events.last().reason, u"CUSTOMER_REQUEST"_s);

    const qint64 shipped = capture(u"W-7"_s, {{u"SKU-1"_s, 1}});
    advance(shipped, {OrderStatus::Routed, OrderStatus::Released, OrderStatus::Picking, OrderStatus::Packed,
                      OrderStatus::Shipped});
    QVERIFY_THROWS_EXCEPTION(Error, lifecycle.cancel(shipped, m_admin, u"CUSTOMER_REQUEST"_s, {}));
    lifecycle.raiseException(shipped, {{u"LOST_IN_TRANSIT"_s, u"carrier lost the parcel"_s}}, m_admin);
    QVERIFY_THROWS_EXCEPTION(Error, lifecycle.cancel(shipped, m_admin, u"CUSTOMER_REQUEST"_s, {}));
    QCOMPARE(detail(shipped).order.status, OrderStatus::Exception);
}

void TestOrderLifecycle::splitOrderFollowsItsLeastAdvancedLine() {
    const qint64 id = capture(u"W-8"_s, {{u"SKU-1"_s, 1}, {u"SKU-2"_s, 1}});
    advance(id, {OrderStatus::Routed, OrderStatus::Released});
    OrderLifecycle lifecycle(m_test->db());
    lifecycle.advanceLines(id, {1}, OrderStatus::Picking, m_admin);
    QCOMPARE(detail(id).order.status, OrderStatus::Released);
    lifecycle.advanceLines(id, {1}, OrderStatus::Packed, m_admin);
    lifecycle.advanceLines(id, {2}, OrderStatus::Picking, m_admin);
    OrderDetail d = detail(id);
    QCOMPARE(d.order.status, OrderStatus::Picking);
    QCOMPARE(d.order.lines[0].status, OrderStatus::Packed);
    QCOMPARE(d.order.lines[1].status, OrderStatus::Picking);
    QVERIFY_THROWS_EXCEPTION(Error, lifecycle.advanceLines(id, {2}, OrderStatus::Shipped, m_admin));
    QVERIFY_THROWS_EXCEPTION(Error, lifecycle.advanceLines(id, {3}, OrderStatus::Packed, m_admin));
    lifecycle.advanceLines(id, {2}, OrderStatus::Packed, m_admin);
    QCOMPARE(detail(id).order.status, OrderStatus::Packed);
    QCOMPARE(detail(id).events.last().toState, u"packed"_s);
}

void TestOrderLifecycle::twoConnectionsSeeOneConsistentState() {
    const qint64 id = capture(u"W-9"_s, {{u"SKU-1"_s, 1}});
    Database second = Database::open(m_test->url());
    OrderLifecycle(second).transition(id, OrderStatus::Routed, m_admin);
    // The first connection sees the committed change and refuses to repeat it.
    QCOMPARE(detail(id).order.status, OrderStatus::Routed);
    QVERIFY_THROWS_EXCEPTION(Error,
                             OrderLifecycle(m_test->db()).transition(id, OrderStatus::Routed, m_admin));
}

QTEST_GUILESS_MAIN(TestOrderLifecycle)
#include "tst_orderlifecycle.moc"
