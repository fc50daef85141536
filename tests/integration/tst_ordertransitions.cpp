#include "Error.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "orders/OrderCapture.h"
#include "orders/OrderTransitions.h"
#include "storage/AuditTrail.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

Q_DECLARE_METATYPE(ordo::Role)
Q_DECLARE_METATYPE(ordo::TransitionCause)
Q_DECLARE_METATYPE(ordo::OrderStatus)

// The one owner of order and line status: the state machine and the actor's permission checked on every
// move, the status, lines and audit event written together, and the reservation paths' set-wise moves to
// Routed, on both engines.
class TestOrderTransitions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void apply_data();
    void apply();
    void lockReadsTheStateOrNothing();
    void captureRecordsTheValidationOutcome();
    void advanceLinesDerivesTheOrderState();
    void recordRoutedMovesTheOrderAndItsLines_data();
    void recordRoutedMovesTheOrderAndItsLines();
    void partialHoldRecordsLocationsOnly();
    void recordRoutedGroupMovesEveryOrder();
    void routingNeedsAdvanceOrders();
    void changedOrdersAreCollected();
    void auditTrailRefusesOrderEvents();

private:
    Database& db() { return m_test->db(); }
    qint64 capture(const QString& number, const QList<QPair<QString, int>>& lines = {{u"SKU-1"_s, 1}});
    // Brings a captured (Validated) order to `status` through the owner itself, as an administrator.
    void bringTo(qint64 id, OrderStatus status);
    QString statusOf(qint64 id);
    QVariant heldFromOf(qint64 id);
    QStringList lineStatuses(qint64 id);
    QList<qint64> lineLocations(qint64 id);
    QList<AuditEvent> events(qint64 id) { return AuditTrail(db()).forEntity(u"order"_s, id); }
    qint64 locationId(const QString& code);
    // A time after every capture of the test: audit events are read in time order.
    qint64 later(int seconds) const { return m_start + 3600000 + seconds * 1000; }

    std::unique_ptr<test::TestDatabase> m_test;
    const Actor m_admin{u"ana"_s, Role::Admin};
    const qint64 m_start = nowStoredTime();
};

void TestOrderTransitions::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(db());
}

qint64 TestOrderTransitions::capture(const QString& number, const QList<QPair<QString, int>>& lines) {
    return OrderCapture(db(), Actor::system()).capture(test::sampleOrder(number, lines)).orderId;
}

void TestOrderTransitions::bringTo(qint64 id, OrderStatus status) {
    Transaction tx(db());
    OrderTransitions owner(db());
    const qint64 now = nowStoredTime();
    if (status == OrderStatus::Exception) {
        owner.apply({id, OrderStatus::Validated, OrderStatus::Exception, TransitionCause::Hold, std::nullopt,
                     std::nullopt, u"exception"_s, u"MANUAL_HOLD"_s, u"held for the test"_s},
                    m_admin, now);
        tx.commit();
        return;
    }
    OrderStatus at = OrderStatus::Validated;
    while (at != status && progressRank(at) < progressRank(status)) {
        const OrderStatus next = progressRank(at) + 1 == progressRank(OrderStatus::Routed)
                                     ? OrderStatus::Routed
                                 : at == OrderStatus::Routed   ? OrderStatus::Released
                                 : at == OrderStatus::Released ? OrderStatus::Picking
                                 : at == OrderStatus::Picking  ? OrderStatus::Packed
                                 : at == OrderStatus::Packed   ? OrderStatus::Shipped
                                                               : OrderStatus::Delivered;
        owner.apply({id, at, next, TransitionCause::Fulfilment, std::nullopt, next, u"transition"_s, {}, {}},
                    m_admin, now);
        at = next;
    }
    tx.commit();
}

QString TestOrderTransitions::statusOf(qint64 id) {
    SqlQuery q(db(), u"SELECT status FROM orders WHERE id = :id"_s);
    q.bind(u":id"_s, id);
    return q.scalar().toString();
}

QVariant TestOrderTransitions::heldFromOf(qint64 id) {
    SqlQuery q(db(), u"SELECT held_from FROM orders WHERE id = :id"_s);
    q.bind(u":id"_s, id);
    return q.scalar();
}

QStringList TestOrderTransitions::lineStatuses(qint64 id) {
    SqlQuery q(db(), u"SELECT status FROM order_lines WHERE order_id = :id ORDER BY line_no"_s);
    q.bind(u":id"_s, id);
    q.exec();
    QStringList result;
    while (q.next())
        result << q.value(0).toString();
    return result;
}

QList<qint64> TestOrderTransitions::lineLocations(qint64 id) {
    SqlQuery q(db(), u"SELECT location_id FROM order_lines WHERE order_id = :id ORDER BY line_no"_s);
    q.bind(u":id"_s, id);
    q.exec();
    QList<qint64> result;
    while (q.next())
        result << (q.value(0).isNull() ? 0 : q.value(0).toLongLong());
    return result;
}

qint64 TestOrderTransitions::locationId(const QString& code) {
    SqlQuery q(db(), u"SELECT id FROM locations WHERE code = :c"_s);
    q.bind(u":c"_s, code);
    return q.scalar().toLongLong();
}

void TestOrderTransitions::apply_data() {
    QTest::addColumn<Role>("role");
    QTest::addColumn<TransitionCause>("cause");
    QTest::addColumn<OrderStatus>("from");
    QTest::addColumn<OrderStatus>("to");
    QTest::addColumn<QString>("expected"); // ok | denied | state

    using S = OrderStatus;
    using C = TransitionCause;
    QTest::newRow("csr holds") << Role::CustomerService << C::Hold << S::Validated << S::Exception << u"ok"_s;
    QTest::newRow("warehouse may not hold")
        << Role::Warehouse << C::Hold << S::Validated << S::Exception << u"denied"_s;
    QTest::newRow("warehouse releases to the floor")
        << Role::Warehouse << C::Fulfilment << S::Routed << S::Released << u"ok"_s;
    QTest::newRow("csr may not pick")
        << Role::CustomerService << C::Fulfilment << S::Released << S::Picking << u"denied"_s;
    QTest::newRow("no step skipped") << Role::Admin << C::Fulfilment << S::Routed << S::Shipped << u"state"_s;
    QTest::newRow("no way back along the path")
        << Role::Admin << C::Fulfilment << S::Packed << S::Picking << u"state"_s;
    QTest::newRow("csr cancels before shipping")
        << Role::CustomerService << C::Cancel << S::Validated << S::Cancelled << u"ok"_s;
    QTest::newRow("warehouse may not cancel")
        << Role::Warehouse << C::Cancel << S::Routed << S::Cancelled << u"denied"_s;
    QTest::newRow("no cancel after shipping")
        << Role::Admin << C::Cancel << S::Shipped << S::Cancelled << u"state"_s;
    QTest::newRow("released from exception")
        << Role::CustomerService << C::Release << S::Exception << S::Validated << u"ok"_s;
    QTest::newRow("a hold is not held again")
        << Role::Admin << C::Hold << S::Exception << S::Exception << u"state"_s;
    QTest::newRow("a correction holds again")
        << Role::CustomerService << C::Correction << S::Exception << S::Exception << u"ok"_s;
    QTest::newRow("handed back to routing")
        << Role::Manager << C::Routing << S::Routed << S::Validated << u"ok"_s;
    QTest::newRow("delivered is the end")
        << Role::Admin << C::Fulfilment << S::Delivered << S::Exception << u"state"_s;
}

void TestOrderTransitions::apply() {
    QFETCH(Role, role);
    QFETCH(TransitionCause, cause);
    QFETCH(OrderStatus, from);
    QFETCH(OrderStatus, to);
    QFETCH(QString, expected);

    const qint64 id = capture(u"T-1"_s, {{u"SKU-1"_s, 1}, {u"SKU-2"_s, 2}});
    bringTo(id, from);
    QCOMPARE(statusOf(id), orderStatusCode(from));
    const qsizetype eventsBefore = events(id).size();
    const QVariant heldBefore = heldFromOf(id);

    const Actor actor{u"kim"_s, role};
    const std::optional<OrderStatus> lines = to == OrderStatus::Exception ? std::nullopt : std::optional(to);
    QString error;
    try {
        Transaction tx(db());
        OrderTransitions(db()).apply(
            {id, from, to, cause, OrderStatus::Pending, lines, u"transition"_s, u"WHY"_s, u"for the test"_s},
            actor, nowStoredTime());
        tx.commit();
        error = u"ok"_s;
    } catch (const Error& e) {
        error = e.kind() == Error::Kind::Denied  ? u"denied"_s
                : e.kind() == Error::Kind::State ? u"state"_s
                                                 : e.message();
    }
    QCOMPARE(error, expected);

    const QList<AuditEvent> after = events(id);
    if (expected != u"ok"_s) {
        QCOMPARE(statusOf(id), orderStatusCode(from));
        QCOMPARE(heldFromOf(id), heldBefore);
        QCOMPARE(after.size(), eventsBefore);
        return;
    }
    QCOMPARE(statusOf(id), orderStatusCode(to));
    // Held: from where the caller said (here Pending, as a correction has it); otherwise no held_from.
    if (to == OrderStatus::Exception)
        QCOMPARE(heldFromOf(id).toString(), u"pending"_s);
    else
        QVERIFY(heldFromOf(id).isNull());
    if (lines)
        QCOMPARE(lineStatuses(id), QStringList({orderStatusCode(to), orderStatusCode(to)}));
    QCOMPARE(after.size(), eventsBefore + 1);
    const AuditEvent& e = after.last();
    QCOMPARE(e.actor, u"kim"_s);
    QCOMPARE(e.action, u"transition"_s);
    QCOMPARE(e.fromState, orderStatusCode(from));
    QCOMPARE(e.toState, orderStatusCode(to));
    QCOMPARE(e.reason, u"WHY"_s);
    QCOMPARE(e.detail, u"for the test"_s);
}

void TestOrderTransitions::lockReadsTheStateOrNothing() {
    const qint64 id = capture(u"T-2"_s);
    bringTo(id, OrderStatus::Exception);
    Transaction tx(db());
    OrderTransitions owner(db());
    const std::optional<LockedOrder> locked = owner.lock(id);
    QVERIFY(locked);
    QCOMPARE(locked->status, OrderStatus::Exception);
    QCOMPARE(locked->heldFrom, std::optional(OrderStatus::Validated));
    QCOMPARE(locked->orderNumber, u"T-2"_s);
    QCOMPARE(locked->pickupLocationId, 0);
    QVERIFY(!owner.lock(id + 1000));
    // Locking changes nothing and records nothing.
    QCOMPARE(owner.takeChangedOrders().size(), 0);
}

void TestOrderTransitions::captureRecordsTheValidationOutcome() {
    const qint64 validated = capture(u"T-3"_s);
    QList<AuditEvent> e = events(validated);
    QCOMPARE(e.size(), 2);
    QCOMPARE(e.at(0).action, u"capture"_s);
    QCOMPARE(e.at(1).fromState, u"pending"_s);
    QCOMPARE(e.at(1).toState, u"validated"_s);

    // An unknown SKU is held at capture: Exception held from Pending, lines Pending, the hold open.
    const qint64 held = capture(u"T-4"_s, {{u"NOPE"_s, 1}});
    QCOMPARE(statusOf(held), u"exception"_s);
    QCOMPARE(heldFromOf(held).toString(), u"pending"_s);
    QCOMPARE(lineStatuses(held), QStringList({u"pending"_s}));
    e = events(held);
    QCOMPARE(e.size(), 2);
    QCOMPARE(e.at(1).action, u"exception"_s);
    QCOMPARE(e.at(1).reason, u"UNKNOWN_SKU"_s);
    SqlQuery holds(db(), u"SELECT code FROM order_holds WHERE order_id = :id AND resolved_at IS NULL"_s);
    holds.bind(u":id"_s, held);
    QCOMPARE(holds.scalar().toString(), u"UNKNOWN_SKU"_s);

    // Capturing is refused to a role that may not.
    Transaction tx(db());
    QVERIFY_THROWS_EXCEPTION(
        Error, OrderTransitions(db()).recordCapture(validated, u"again"_s, {}, {u"w"_s, Role::Warehouse}, 0));
}

void TestOrderTransitions::advanceLinesDerivesTheOrderState() {
    const qint64 id = capture(u"T-5"_s, {{u"SKU-1"_s, 1}, {u"SKU-2"_s, 1}});
    bringTo(id, OrderStatus::Released);
    Transaction tx(db());
    OrderTransitions owner(db());
    const qint64 now = nowStoredTime();
    // One line picked: the order stays Released, where its other line is.
    QCOMPARE(owner.advanceLines(id, OrderStatus::Released, {1}, OrderStatus::Picking, m_admin, now),
             OrderStatus::Released);
    QCOMPARE(lineStatuses(id), QStringList({u"picking"_s, u"released"_s}));
    // The other too: the order follows.
    QCOMPARE(owner.advanceLines(id, OrderStatus::Released, {2}, OrderStatus::Picking, m_admin, now),
             OrderStatus::Picking);
    QCOMPARE(statusOf(id), u"picking"_s);
    // A line moves one step at a time.
    QVERIFY_THROWS_EXCEPTION(
        Error, owner.advanceLines(id, OrderStatus::Picking, {1}, OrderStatus::Shipped, m_admin, now));
    QVERIFY_THROWS_EXCEPTION(
        Error, owner.advanceLines(id, OrderStatus::Picking, {3}, OrderStatus::Packed, m_admin, now));
    tx.commit();
    const QList<AuditEvent> e = events(id);
    QCOMPARE(e.at(e.size() - 3).action, u"lines"_s);
    QCOMPARE(e.at(e.size() - 2).detail, u"line(s) 2 moved to picking"_s);
    QCOMPARE(e.last().fromState, u"released"_s);
    QCOMPARE(e.last().toState, u"picking"_s);
}

void TestOrderTransitions::recordRoutedMovesTheOrderAndItsLines_data() {
    QTest::addColumn<bool>("moveOrder");
    QTest::addColumn<QStringList>("actions");
    // Claimed Routed before its lines were held: the transition is recorded first.
    QTest::newRow("claimed before") << false << QStringList{u"transition"_s, u"reserve"_s};
    QTest::newRow("moved after") << true << QStringList{u"reserve"_s, u"transition"_s};
}

void TestOrderTransitions::recordRoutedMovesTheOrderAndItsLines() {
    QFETCH(bool, moveOrder);
    QFETCH(QStringList, actions);
    const qint64 id = capture(u"T-6"_s, {{u"SKU-1"_s, 1}, {u"SKU-2"_s, 1}});
    const qint64 east = locationId(u"DC-EAST"_s);
    const qint64 store = locationId(u"ST-NYC"_s);
    Transaction tx(db());
    OrderTransitions owner(db());
    if (!moveOrder)
        QVERIFY(owner.claimRouted(id, m_admin, later(1)));
    owner.recordRouted({id, {{1, east}, {2, store}}, u"line 1: ...; line 2: ..."_s, false}, true, moveOrder,
                       m_admin, later(1));
    tx.commit();
    QCOMPARE(statusOf(id), u"routed"_s);
    QCOMPARE(lineStatuses(id), QStringList({u"routed"_s, u"routed"_s}));
    QCOMPARE(lineLocations(id), QList<qint64>({east, store}));
    const QList<AuditEvent> e = events(id).mid(2); // after capture and validation
    QCOMPARE(e.size(), 2);
    QCOMPARE(QStringList({e.at(0).action, e.at(1).action}), actions);
    const AuditEvent& t = e.at(actions.indexOf(u"transition"_s));
    QCOMPARE(t.fromState, u"validated"_s);
    QCOMPARE(t.toState, u"routed"_s);
    QCOMPARE(t.detail, u"stock reserved"_s);
    QCOMPARE(e.at(actions.indexOf(u"reserve"_s)).detail, u"line 1: ...; line 2: ..."_s);
    // A claimed order is not claimed twice.
    Transaction again(db());
    QVERIFY(!OrderTransitions(db()).claimRouted(id, m_admin, later(2)));
}

void TestOrderTransitions::partialHoldRecordsLocationsOnly() {
    const qint64 id = capture(u"T-7"_s, {{u"SKU-1"_s, 1}, {u"SKU-2"_s, 1}});
    const qint64 east = locationId(u"DC-EAST"_s);
    {
        Transaction tx(db());
        OrderTransitions(db()).recordRouted({id, {{2, east}}, u"line 2: 1 x SKU-2 at DC-EAST"_s, false},
                                            false, false, m_admin, later(1));
        tx.commit();
    }
    QCOMPARE(statusOf(id), u"validated"_s);
    QCOMPARE(lineStatuses(id), QStringList({u"validated"_s, u"validated"_s}));
    QCOMPARE(lineLocations(id), QList<qint64>({0, east}));
    QCOMPARE(events(id).last().action, u"reserve"_s);
    // The rest held later: every open line moves, the earlier one included.
    Transaction tx(db());
    OrderTransitions(db()).recordRouted({id, {{1, east}}, u"line 1: 1 x SKU-1 at DC-EAST"_s, true}, true,
                                        true, m_admin, later(2));
    tx.commit();
    QCOMPARE(statusOf(id), u"routed"_s);
    QCOMPARE(lineStatuses(id), QStringList({u"routed"_s, u"routed"_s}));
    QCOMPARE(lineLocations(id), QList<qint64>({east, east}));
}

void TestOrderTransitions::recordRoutedGroupMovesEveryOrder() {
    const qint64 east = locationId(u"DC-EAST"_s);
    const qint64 store = locationId(u"ST-NYC"_s);
    QList<RoutedLines> group;
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i) {
        ids << capture(u"G-%1"_s.arg(i), {{u"SKU-1"_s, 1}, {u"SKU-3"_s, 2}});
        group << RoutedLines{ids.last(), {{1, east}, {2, i % 2 ? store : east}}, u"held %1"_s.arg(i), false};
    }
    // The last one had line 2 held by an earlier, partial call: its line moves with the order.
    group.last().lineLocations = {{1, east}};
    group.last().earlierHolds = true;
    Transaction tx(db());
    OrderTransitions owner(db());
    owner.recordRoutedGroup(group, m_admin, later(5));
    tx.commit();
    for (int i = 0; i < ids.size(); ++i) {
        QCOMPARE(statusOf(ids.at(i)), u"routed"_s);
        QCOMPARE(lineStatuses(ids.at(i)), QStringList({u"routed"_s, u"routed"_s}));
        const QList<AuditEvent> e = events(ids.at(i)).mid(2);
        QCOMPARE(e.size(), 2);
        QCOMPARE(e.at(0).action, u"reserve"_s);
        QCOMPARE(e.at(0).detail, u"held %1"_s.arg(i));
        QCOMPARE(e.at(1).toState, u"routed"_s);
        QCOMPARE(e.at(1).at, fromStoredTime(later(5)));
    }
    QCOMPARE(lineLocations(ids.at(1)), QList<qint64>({east, store}));
    QCOMPARE(lineLocations(ids.at(4)).first(), east);
    QCOMPARE(owner.takeChangedOrders(), QSet<qint64>(ids.cbegin(), ids.cend()));
}

void TestOrderTransitions::routingNeedsAdvanceOrders() {
    const qint64 id = capture(u"T-8"_s);
    const Actor csr{u"cs"_s, Role::CustomerService};
    Transaction tx(db());
    OrderTransitions owner(db());
    QVERIFY_THROWS_EXCEPTION(Error, owner.claimRouted(id, csr, 1000));
    QVERIFY_THROWS_EXCEPTION(Error, owner.recordRoutedGroup({{id, {}, {}, false}}, csr, 1000));
    QVERIFY_THROWS_EXCEPTION(Error, owner.routedScript({id, {}, {}, false}, true, true, csr, 1000));
    QCOMPARE(statusOf(id), u"validated"_s);
}

void TestOrderTransitions::changedOrdersAreCollected() {
    const qint64 a = capture(u"T-9"_s);
    const qint64 b = capture(u"T-10"_s);
    Transaction tx(db());
    OrderTransitions owner(db());
    owner.note(a, u"document"_s, u"x12_856"_s, u"document 1"_s, m_admin, later(1));
    owner.apply({b, OrderStatus::Validated, OrderStatus::Cancelled, TransitionCause::Cancel, std::nullopt,
                 OrderStatus::Cancelled, u"cancel"_s, u"CUSTOMER_REQUEST"_s, QString()},
                m_admin, later(1));
    QCOMPARE(owner.takeChangedOrders(), QSet<qint64>({a, b}));
    QCOMPARE(owner.takeChangedOrders(), QSet<qint64>());
}

void TestOrderTransitions::auditTrailRefusesOrderEvents() {
    Transaction tx(db());
    AuditTrail trail(db());
    QVERIFY_THROWS_EXCEPTION(Error, trail.record({0,
                                                  QDateTime::currentDateTimeUtc(),
                                                  u"x"_s,
                                                  u"order"_s,
                                                  1,
                                                  u"transition"_s,
                                                  u"validated"_s,
                                                  u"routed"_s,
                                                  {},
                                                  {}}));
    // Other things' events are still its own.
    trail.record({0, QDateTime::currentDateTimeUtc(), u"x"_s, u"sku"_s, 7, u"tags"_s, {}, {}, {}, u"a, b"_s});
    QCOMPARE(trail.forEntity(u"sku"_s, 7).size(), 1);
}

QTEST_GUILESS_MAIN(TestOrderTransitions)
#include "tst_ordertransitions.moc"
