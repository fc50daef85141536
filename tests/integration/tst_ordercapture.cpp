#include "Error.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "orders/OrderCapture.h"
#include "orders/OrderQuery.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestOrderCapture : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void validOrderIsStoredAndValidated();
    void invalidOrderIsHeldWithEveryReason();
    void capturingTwiceIsIdempotent();
    void orderNumberTakenByAnotherChannelIsRefused();
    void failureInsideTheCallersTransactionLeavesNothing();
    void deniedWithoutPermission();
    void amountsPastTheCeilingAreRefused_data();
    void amountsPastTheCeilingAreRefused();

private:
    qint64 countOf(const QString& table);
    std::unique_ptr<test::TestDatabase> m_test;
};

void TestOrderCapture::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(m_test->db());
}

qint64 TestOrderCapture::countOf(const QString& table) {
    SqlQuery q(m_test->db(), u"SELECT count(*) FROM "_s + table);
    return q.scalar().toLongLong();
}

void TestOrderCapture::validOrderIsStoredAndValidated() {
    OrderCapture capture(m_test->db(), Actor{u"import"_s, Role::System});
    const auto result = capture.capture(test::sampleOrder(u"W-1001"_s, {{u"SKU-2"_s, 3}, {u"SKU-5"_s, 1}}));
    QCOMPARE(result.outcome, OrderCapture::Outcome::Validated);
    QVERIFY(result.reasons.isEmpty());

    const auto detail = OrderQuery(m_test->db()).detail(result.orderId);
    QVERIFY(detail);
    const Order& o = detail->order;
    QCOMPARE(o.orderNumber, u"W-1001"_s);
    QCOMPARE(o.status, OrderStatus::Validated);
    QCOMPARE(o.channel, Channel::Web);
    QCOMPARE(o.orderedAt, QDateTime(QDate(2026, 11, 2), QTime(14, 30), Qt::UTC));
    QCOMPARE(o.customerEmail, u"Ana.Lopez@Example.com"_s);
    QCOMPARE(o.shipTo.postalCode, u"10118"_s);
    QVERIFY(o.shipTo.position);
    QCOMPARE(o.shipTo.position->latitude, 40.7484);
    QCOMPARE(o.lines.size(), 2);
    QCOMPARE(o.lines[0].skuCode, u"SKU-2"_s);
    QCOMPARE(o.lines[0].quantity, 3);
    QCOMPARE(o.lines[0].unitPrice, (Money{2000, u"USD"_s}));
    QCOMPARE(o.lines[1].status, OrderStatus::Validated);
    QCOMPARE(o.totalMinor(), 3 * 2000 + 5000);
    QCOMPARE(detail->events.size(), 2);
    QCOMPARE(detail->events[0].action, u"capture"_s);
    QCOMPARE(detail->events[0].actor, u"import"_s);
    QCOMPARE(detail->events[1].fromState, u"pending"_s);
    QCOMPARE(detail->events[1].toState, u"validated"_s);
    QCOMPARE(countOf(u"customers"_s), 1);
}

void TestOrderCapture::invalidOrderIsHeldWithEveryReason() {
    OrderCapture capture(m_test->db(), Actor::system());
    Order order = test::sampleOrder(u"W-1002"_s, {{u"SKU-404"_s, 1}, {u"SKU-1"_s, 0}});
    order.shipTo.line1.clear();
    const auto result = capture.capture(order);
    QCOMPARE(result.outcome, OrderCapture::Outcome::Held);
    QStringList codes;
    for (const auto& r : result.reasons)
        codes << r.code;
    QCOMPARE(codes, (QStringList{u"UNKNOWN_SKU"_s, u"INVALID_QUANTITY"_s, u"MISSING_SHIP_TO"_s}));

    const auto detail = OrderQuery(m_test->db()).detail(result.orderId);
    QCOMPARE(detail->order.status, OrderStatus::Exception);
    QCOMPARE(detail->order.exceptionReasons.size(), 3);
    QCOMPARE(detail->events.last().action, u"exception"_s);
    QCOMPARE(detail->events.last().reason, u"UNKNOWN_SKU,INVALID_QUANTITY,MISSING_SHIP_TO"_s);

    OrderFilter held;
    held.status = OrderStatus::Exception;
    const auto rows = OrderQuery(m_test->db()).page(held, OrderSort::OrderedAt, true, 0, 10);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].exceptionCode, u"UNKNOWN_SKU"_s);
}

void TestOrderCapture::capturingTwiceIsIdempotent() {
    OrderCapture capture(m_test->db(), Actor::system());
    const auto first = capture.capture(test::sampleOrder(u"W-1003"_s, {{u"SKU-1"_s, 1}}));
    const qint64 events = countOf(u"audit_events"_s);
    const auto second = capture.capture(test::sampleOrder(u"W-1003"_s, {{u"SKU-1"_s, 9}}));
    QCOMPARE(second.outcome, OrderCapture::Outcome::Duplicate);
    QCOMPARE(second.orderId, first.orderId);
    QCOMPARE(countOf(u"orders"_s), 1);
    QCOMPARE(countOf(u"order_lines"_s), 1);
    QCOMPARE(countOf(u"audit_events"_s), events);
}

void TestOrderCapture::orderNumberTakenByAnotherChannelIsRefused() {
    OrderCapture capture(m_test->db(), Actor::system());
    capture.capture(test::sampleOrder(u"W-1004"_s, {{u"SKU-1"_s, 1}}));
    Order other = test::sampleOrder(u"W-1004"_s, {{u"SKU-1"_s, 1}});
    other.channel = Channel::Marketplace;
    QVERIFY_THROWS_EXCEPTION(Error, capture.capture(other));
    QCOMPARE(countOf(u"orders"_s), 1);
}

void TestOrderCapture::failureInsideTheCallersTransactionLeavesNothing() {
    OrderCapture capture(m_test->db(), Actor::system());
    try {
        Transaction tx(m_test->db());
        capture.capture(test::sampleOrder(u"W-2001"_s, {{u"SKU-1"_s, 1}}));
        capture.capture(test::sampleOrder(u"W-2002"_s, {{u"SKU-2"_s, 1}}));
        throw Error::input(u"line 3: the file ends inside a quoted field"_s);
    } catch (const Error&) {
    }
    QCOMPARE(countOf(u"orders"_s), 0);
    QCOMPARE(countOf(u"order_lines"_s), 0);
    QCOMPARE(countOf(u"audit_events"_s), 0);
    QCOMPARE(countOf(u"customers"_s), 0);
}

void TestOrderCapture::deniedWithoutPermission() {
    OrderCapture capture(m_test->db(), Actor{u"pat"_s, Role::Warehouse});
    try {
        capture.capture(test::sampleOrder(u"W-3001"_s, {{u"SKU-1"_s, 1}}));
        QFAIL("a warehouse user captured an order");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Denied);
    }
    QCOMPARE(countOf(u"orders"_s), 0);
}

// Orders that come from no reader (the API, a test) meet the same ceiling at capture: the order is refused
// (Error::input naming the line or amount) and nothing is stored.
void TestOrderCapture::amountsPastTheCeilingAreRefused_data() {
    QTest::addColumn<int>("quantity");
    QTest::addColumn<qint64>("unitPrice");
    QTest::addColumn<qint64>("tax");
    QTest::addColumn<qint64>("shipping");
    QTest::addColumn<QString>("message"); // empty: captured
    const qint64 ceiling = 100'000'000'000'000;
    QTest::newRow("at the ceiling") << 1 << ceiling << qint64(0) << qint64(0) << QString();
    QTest::newRow("quantity at the most") << 10'000'000 << qint64(1) << qint64(0) << qint64(0) << QString();
    QTest::newRow("quantity past the most")
        << 10'000'001 << qint64(1) << qint64(0) << qint64(0)
        << u"line 1: quantity 10000001 is more than 10000000, the most one line may order"_s;
    QTest::newRow("line wraps past 64 bits")
        << 4'000'000 << qint64(461168601842738) << qint64(0) << qint64(0)
        << u"line 1: total 4000000 x 4611686018427.38 exceeds 1000000000000.00 USD, the largest amount Ordo keeps"_s;
    QTest::newRow("unit price past the ceiling")
        << 1 << ceiling + 1 << qint64(0) << qint64(0)
        << u"line 1: unit price 1000000000000.01 exceeds 1000000000000.00 USD"_s;
    QTest::newRow("tax past the ceiling")
        << 1 << qint64(100) << ceiling + 1 << qint64(0) << u"line 1: tax 1000000000000.01 exceeds"_s;
    QTest::newRow("value past the ceiling")
        << 1 << ceiling << qint64(0) << qint64(1)
        << u"the order's value (lines, taxes and charges, less discounts) is more than 1000000000000.00 USD"_s;
}

void TestOrderCapture::amountsPastTheCeilingAreRefused() {
    QFETCH(int, quantity);
    QFETCH(qint64, unitPrice);
    QFETCH(qint64, tax);
    QFETCH(qint64, shipping);
    QFETCH(QString, message);
    Order order = test::sampleOrder(u"W-4001"_s, {{u"SKU-1"_s, quantity}});
    order.lines[0].unitPrice.minor = unitPrice;
    order.lines[0].taxMinor = tax;
    if (shipping != 0)
        order.charges << OrderCharge{OrderCharge::Kind::Shipping, u"Ground"_s, shipping};
    OrderCapture capture(m_test->db(), Actor::system());
    if (message.isEmpty()) {
        const auto result = capture.capture(order);
        QCOMPARE(OrderQuery(m_test->db()).detail(result.orderId)->order.totalMinor(),
                 qint64(quantity) * unitPrice);
        return;
    }
    try {
        capture.capture(order);
        QFAIL("an order past the ceiling was captured");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        QVERIFY2(e.message().startsWith(u"order W-4001: "_s), qPrintable(e.message()));
    }
    QCOMPARE(countOf(u"orders"_s), 0);
    QCOMPARE(countOf(u"order_lines"_s), 0);
    QCOMPARE(countOf(u"audit_events"_s), 0);
}

QTEST_GUILESS_MAIN(TestOrderCapture)
#include "tst_ordercapture.moc"
