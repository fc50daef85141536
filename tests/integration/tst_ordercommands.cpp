// `ordo orders` and `ordo order`: their JSON is a public interface (docs/json.md), so these tests
// run the real executable against a real database and check every documented field.
#include "OrdoProcess.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "lifecycle/OrderLifecycle.h"
#include "orders/OrderCapture.h"
#include "orders/OrderQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestOrderCommands : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void ordersListsTheDocumentedFields();
    void ordersFilters_data();
    void ordersFilters();
    void orderShowsTheWholeStory();
    void orderTextOutput();
    void exitCodes_data();
    void exitCodes();

private:
    using Run = test::OrdoRun;
    static Run ordo(const QStringList& arguments) { return test::runOrdo(arguments); }
    std::unique_ptr<test::TestDatabase> m_test;
};

void TestOrderCommands::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(m_test->db());
    OrderCapture capture(m_test->db(), Actor{u"import"_s, Role::System});
    capture.capture(test::sampleOrder(u"W-500"_s, {{u"SKU-1"_s, 2}, {u"SKU-3"_s, 1}},
                                      QDateTime(QDate(2026, 11, 1), QTime(8, 15), Qt::UTC)));
    Order pickup = test::sampleOrder(u"P-501"_s, {{u"SKU-2"_s, 1}},
                                     QDateTime(QDate(2026, 11, 3), QTime(17, 0), Qt::UTC));
    pickup.channel = Channel::Pos;
    pickup.delivery = DeliveryMethod::Pickup;
    pickup.pickupLocationCode = u"ST-NYC"_s;
    pickup.customerEmail = u"lee@example.com"_s;
    const qint64 pickupId = capture.capture(pickup).orderId;
    capture.capture(test::sampleOrder(u"W-502"_s, {{u"SKU-9"_s, 1}},
                                      QDateTime(QDate(2026, 11, 2), QTime(12, 0), Qt::UTC)));
    OrderLifecycle(m_test->db())
        .transition(pickupId, OrderStatus::Routed, Actor{u"ana"_s, Role::Admin}, u"AUTO"_s,
                    u"routed to the pickup store"_s);
}

void TestOrderCommands::ordersListsTheDocumentedFields() {
    const Run run = ordo({u"orders"_s, u"--db"_s, m_test->url(), u"--json"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    QVERIFY2(doc.isArray(), qPrintable(error.errorString()));
    const QJsonArray orders = doc.array();
    QCOMPARE(orders.size(), 3);
    // Newest first.
    QCOMPARE(orders[0].toObject()[u"order_id"_s].toString(), u"P-501"_s);
    QCOMPARE(orders[1].toObject()[u"order_id"_s].toString(), u"W-502"_s);
    const QJsonObject w500 = orders[2].toObject();
    QCOMPARE(w500[u"order_id"_s].toString(), u"W-500"_s);
    QCOMPARE(w500[u"channel"_s].toString(), u"web"_s);
    QCOMPARE(w500[u"status"_s].toString(), u"validated"_s);
    QCOMPARE(w500[u"ordered_at"_s].toString(), u"2026-11-01T08:15:00.000Z"_s);
    QCOMPARE(w500[u"customer_email"_s].toString(), u"Ana.Lopez@Example.com"_s);
    QCOMPARE(w500[u"total_minor"_s].toInteger(), 2 * 1000 + 3000);
    QCOMPARE(w500[u"currency"_s].toString(), u"USD"_s);
    QCOMPARE(w500[u"lines"_s].toInt(), 2);
    const QJsonObject held = orders[1].toObject();
    QCOMPARE(held[u"status"_s].toString(), u"exception"_s);
    QCOMPARE(held[u"exception"_s].toObject()[u"code"_s].toString(), u"UNKNOWN_SKU"_s);
}

void TestOrderCommands::ordersFilters_data() {
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("status") << QStringList{u"--status"_s, u"exception"_s} << QStringList{u"W-502"_s};
    QTest::newRow("channel") << QStringList{u"--channel"_s, u"pos"_s} << QStringList{u"P-501"_s};
    QTest::newRow("search by e-mail") << QStringList{u"--search"_s, u"LEE@"_s} << QStringList{u"P-501"_s};
    QTest::newRow("location") << QStringList{u"--location"_s, u"ST-NYC"_s} << QStringList{u"P-501"_s};
    QTest::newRow("dates") << QStringList{u"--from"_s, u"2026-11-02"_s, u"--to"_s, u"2026-11-03"_s}
                           << QStringList{u"W-502"_s};
    QTest::newRow("limit") << QStringList{u"--limit"_s, u"1"_s} << QStringList{u"P-501"_s};
    QTest::newRow("offset") << QStringList{u"--limit"_s, u"1"_s, u"--offset"_s, u"2"_s}
                            << QStringList{u"W-500"_s};
}

void TestOrderCommands::ordersFilters() {
    QFETCH(QStringList, options);
    QFETCH(QStringList, expected);
    const Run run = ordo(QStringList{u"orders"_s, u"--db"_s, m_test->url(), u"--json"_s} + options);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QStringList found;
    for (const QJsonValue& v : QJsonDocument::fromJson(run.out).array())
        found << v.toObject()[u"order_id"_s].toString();
    QCOMPARE(found, expected);
}

void TestOrderCommands::orderShowsTheWholeStory() {
    const Run run = ordo({u"order"_s, u"--db"_s, m_test->url(), u"P-501"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(o[u"order_id"_s].toString(), u"P-501"_s);
    QCOMPARE(o[u"status"_s].toString(), u"routed"_s);
    QCOMPARE(o[u"channel"_s].toString(), u"pos"_s);
    QCOMPARE(o[u"delivery"_s].toString(), u"pickup"_s);
    QCOMPARE(o[u"pickup_location_id"_s].toString(), u"ST-NYC"_s);
    const QJsonObject customer = o[u"customer"_s].toObject();
    QCOMPARE(customer[u"email"_s].toString(), u"lee@example.com"_s);
    QCOMPARE(customer[u"phone"_s].toString(), u"+1 (212) 555-0142"_s);
    QCOMPARE(customer[u"name"_s].toString(), u"Ana Lopez"_s);
    const QJsonObject shipTo = o[u"ship_to"_s].toObject();
    QCOMPARE(shipTo[u"postal_code"_s].toString(), u"10118"_s);
    QCOMPARE(shipTo[u"latitude"_s].toDouble(), 40.7484);
    QCOMPARE(shipTo[u"longitude"_s].toDouble(), -73.9857);
    const QJsonArray lines = o[u"lines"_s].toArray();
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0].toObject()[u"sku"_s].toString(), u"SKU-2"_s);
    QCOMPARE(lines[0].toObject()[u"quantity"_s].toInt(), 1);
    QCOMPARE(lines[0].toObject()[u"unit_price_minor"_s].toInteger(), 2000);
    QCOMPARE(lines[0].toObject()[u"currency"_s].toString(), u"USD"_s);
    QCOMPARE(lines[0].toObject()[u"status"_s].toString(), u"routed"_s);
    QCOMPARE(o[u"total_minor"_s].toInteger(), 2000);
    QCOMPARE(o[u"currency"_s].toString(), u"USD"_s);
    const QJsonArray events = o[u"events"_s].toArray();
    QCOMPARE(events.size(), 3);
    QCOMPARE(events[0].toObject()[u"action"_s].toString(), u"capture"_s);
    QCOMPARE(events[0].toObject()[u"actor"_s].toString(), u"import"_s);
    const QJsonObject routed = events[2].toObject();
    QCOMPARE(routed[u"from"_s].toString(), u"validated"_s);
    QCOMPARE(routed[u"to"_s].toString(), u"routed"_s);
    QCOMPARE(routed[u"actor"_s].toString(), u"ana"_s);
    QCOMPARE(routed[u"reason"_s].toString(), u"AUTO"_s);
    QCOMPARE(routed[u"detail"_s].toString(), u"routed to the pickup store"_s);
    QVERIFY(QDateTime::fromString(routed[u"at"_s].toString(), Qt::ISODateWithMs).isValid());
}

void TestOrderCommands::orderTextOutput() {
    const Run run = ordo({u"order"_s, u"--db"_s, m_test->url(), u"W-502"_s});
    QCOMPARE(run.exitCode, 0);
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains(u"Order W-502"_s), qPrintable(text));
    QVERIFY2(text.contains(u"held       UNKNOWN_SKU: line 1: SKU 'SKU-9' is not in the catalogue"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"pending -> exception"_s), qPrintable(text));
}

void TestOrderCommands::exitCodes_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown order") << QStringList{u"order"_s, u"NOPE-1"_s} << 3
                                   << u"there is no order NOPE-1"_s;
    QTest::newRow("no order named") << QStringList{u"order"_s} << 2 << u"name exactly one order"_s;
    QTest::newRow("bad status") << QStringList{u"orders"_s, u"--status"_s, u"lost"_s} << 2
                                << u"--status 'lost'"_s;
    QTest::newRow("bad date") << QStringList{u"orders"_s, u"--from"_s, u"yesterday"_s} << 2
                              << u"is not a date"_s;
    QTest::newRow("unknown option") << QStringList{u"orders"_s, u"--colour"_s} << 2 << u"colour"_s;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << 2 << u"unknown command"_s;
}

void TestOrderCommands::exitCodes() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    if (arguments.first() != u"frobnicate"_s)
        arguments << u"--db"_s << m_test->url();
    const Run run = ordo(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
}

QTEST_GUILESS_MAIN(TestOrderCommands)
#include "tst_ordercommands.moc"
