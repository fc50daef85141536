#include "Error.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "lifecycle/OrderLifecycle.h"
#include "orders/OrderCapture.h"
#include "orders/OrderQuery.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

// Five orders with distinct customers, channels, dates and states; the filters and the search are checked
// against them.
class TestOrderQuery : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void search_data();
    void search();
    void filters_data();
    void filters();
    void pagesAndSorts();
    void findsByNumberOrExternalId();
    void summariesOfChosenOrders_data();
    void summariesOfChosenOrders();
    void countsByStatus();
    void sumOfTotalsNeverWraps();

private:
    QStringList numbers(const OrderFilter& filter, OrderSort sort = OrderSort::OrderedAt,
                        bool descending = true);
    std::unique_ptr<test::TestDatabase> m_test;
};

void TestOrderQuery::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    Database& db = m_test->db();
    test::createSampleWorld(db);

    struct Row {
        QString number, external, email, phone, name;
        Channel channel;
        int day;
        QList<QPair<QString, int>> lines;
    };
    const QList<Row> rows = {
        {u"W-100"_s,
         u"W-100"_s,
         u"ana.lopez@example.com"_s,
         u"+1 212 555 0142"_s,
         u"Ana Lopez"_s,
         Channel::Web,
         1,
         {{u"SKU-1"_s, 1}}},
        {u"W-101"_s,
         u"W-101"_s,
         u"bob.smith@example.org"_s,
         u"(312) 555-0199"_s,
         u"Bob Smith"_s,
         Channel::App,
         2,
         {{u"SKU-2"_s, 2}}},
        {u"M-200"_s,
         u"112-4455667-8899001"_s,
         u"carla@shop.example"_s,
         u"617-555-0123"_s,
         u"Carla Smithers"_s,
         Channel::Marketplace,
         3,
         {{u"SKU-3"_s, 1}, {u"SKU-1"_s, 1}}},
        {u"P-300"_s,
         u"P-300"_s,
         u"dan@example.com"_s,
         u"415 555 0111"_s,
         u"Dan O'Neil"_s,
         Channel::Pos,
         4,
         {{u"SKU-5"_s, 3}}},
        {u"W-102"_s,
         u"W-102"_s,
         u"ANA.lopez@example.com"_s,
         u"+1 212 555 0142"_s,
         u"Ana Lopez"_s,
         Channel::Web,
         5,
         {{u"SKU-404"_s, 1}}},
    };
    OrderCapture capture(db, Actor::system());
    for (const Row& r : rows) {
        Order o =
            test::sampleOrder(r.number, r.lines, QDateTime(QDate(2026, 10, r.day), QTime(9, 0), Qt::UTC));
        o.externalId = r.external;
        o.customerEmail = r.email;
        o.customerPhone = r.phone;
        o.shipTo.name = r.name;
        o.channel = r.channel;
        capture.capture(o);
    }
    // W-101 is routed to the store, its line fulfilled there.
    const qint64 routed = *OrderQuery(db).findId(u"W-101"_s);
    OrderLifecycle(db).transition(routed, OrderStatus::Routed, Actor::system());
    Transaction tx(db);
    SqlQuery assign(db,
                    u"UPDATE order_lines SET location_id = (SELECT id FROM locations WHERE code = 'ST-NYC') "
                    "WHERE order_id = :id"_s);
    assign.bind(u":id"_s, routed).exec();
    tx.commit();
}

QStringList TestOrderQuery::numbers(const OrderFilter& filter, OrderSort sort, bool descending) {
    QStringList result;
    for (const OrderSummary& s : OrderQuery(m_test->db()).page(filter, sort, descending, 0, 100))
        result << s.orderNumber;
    return result;
}

void TestOrderQuery::search_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("order number") << u"W-101"_s << QStringList{u"W-101"_s};
    QTest::newRow("order number prefix") << u"W-10"_s << QStringList{u"W-102"_s, u"W-101"_s, u"W-100"_s};
    QTest::newRow("marketplace id, exact") << u"112-4455667-8899001"_s << QStringList{u"M-200"_s};
    QTest::newRow("e-mail, any case") << u"Ana.Lopez@EXAMPLE.com"_s << QStringList{u"W-102"_s, u"W-100"_s};
    QTest::newRow("e-mail prefix") << u"bob"_s << QStringList{u"W-101"_s};
    QTest::newRow("phone as typed") << u"(212) 555-0142"_s << QStringList{u"W-102"_s, u"W-100"_s};
    QTest::newRow("phone digits") << u"6175550123"_s << QStringList{u"M-200"_s};
    QTest::newRow("phone with country code") << u"+1 617 555 0123"_s << QStringList{u"M-200"_s};
    QTest::newRow("last digits of a phone") << u"555-0199"_s << QStringList{u"W-101"_s};
    QTest::newRow("full name") << u"carla smithers"_s << QStringList{u"M-200"_s};
    QTest::newRow("surname prefix") << u"Smith"_s << QStringList{u"M-200"_s, u"W-101"_s};
    QTest::newRow("apostrophe") << u"o'neil"_s << QStringList{u"P-300"_s};
    QTest::newRow("LIKE wildcards are literal") << u"%"_s << QStringList{};
    QTest::newRow("underscore is literal") << u"W_10"_s << QStringList{};
    QTest::newRow("nobody") << u"zed"_s << QStringList{};
}

void TestOrderQuery::search() {
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    OrderFilter f;
    f.search = text;
    QCOMPARE(numbers(f), expected);
    QCOMPARE(OrderQuery(m_test->db()).count(f), expected.size());
}

void TestOrderQuery::filters_data() {
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("location");
    QTest::addColumn<int>("fromDay");
    QTest::addColumn<int>("toDay");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("all") << QString() << QString() << QString() << 0 << 0
                         << QStringList{u"W-102"_s, u"P-300"_s, u"M-200"_s, u"W-101"_s, u"W-100"_s};
    QTest::newRow("held") << u"exception"_s << QString() << QString() << 0 << 0 << QStringList{u"W-102"_s};
    QTest::newRow("validated web") << u"validated"_s << u"web"_s << QString() << 0 << 0
                                   << QStringList{u"W-100"_s};
    QTest::newRow("marketplace") << QString() << u"marketplace"_s << QString() << 0 << 0
                                 << QStringList{u"M-200"_s};
    QTest::newRow("at the store") << QString() << QString() << u"ST-NYC"_s << 0 << 0
                                  << QStringList{u"W-101"_s};
    QTest::newRow("at the DC") << QString() << QString() << u"DC-EAST"_s << 0 << 0 << QStringList{};
    QTest::newRow("days 2 to 3") << QString() << QString() << QString() << 2 << 4
                                 << QStringList{u"M-200"_s, u"W-101"_s};
    QTest::newRow("from day 4") << QString() << QString() << QString() << 4 << 0
                                << QStringList{u"W-102"_s, u"P-300"_s};
}

void TestOrderQuery::filters() {
    QFETCH(QString, status);
    QFETCH(QString, channel);
    QFETCH(QString, location);
    QFETCH(int, fromDay);
    QFETCH(int, toDay);
    QFETCH(QStringList, expected);
    OrderFilter f;
    if (!status.isEmpty())
        f.status = orderStatusFromCode(status);
    if (!channel.isEmpty())
        f.channel = channelFromCode(channel);
    f.locationCode = location;
    if (fromDay)
        f.from = QDateTime(QDate(2026, 10, fromDay), QTime(0, 0), Qt::UTC);
    if (toDay)
        f.to = QDateTime(QDate(2026, 10, toDay), QTime(0, 0), Qt::UTC);
    QCOMPARE(numbers(f), expected);
    QCOMPARE(OrderQuery(m_test->db()).count(f), expected.size());
}

void TestOrderQuery::pagesAndSorts() {
    OrderQuery query(m_test->db());
    const OrderFilter all;
    QCOMPARE(numbers(all, OrderSort::OrderNumber, false),
             (QStringList{u"M-200"_s, u"P-300"_s, u"W-100"_s, u"W-101"_s, u"W-102"_s}));
    // W-102's unknown SKU-404 is priced 404.00 by the sample; P-300 is 3 x 50.00.
    QCOMPARE(numbers(all, OrderSort::Total, true).mid(0, 2), (QStringList{u"W-102"_s, u"P-300"_s}));
    QCOMPARE(numbers(all, OrderSort::Channel, false).first(), u"W-101"_s); // app
    const auto first = query.page(all, OrderSort::OrderedAt, false, 0, 2);
    const auto second = query.page(all, OrderSort::OrderedAt, false, 2, 2);
    const auto third = query.page(all, OrderSort::OrderedAt, false, 4, 2);
    QCOMPARE(first.size(), 2);
    QCOMPARE(second.size(), 2);
    QCOMPARE(third.size(), 1);
    QCOMPARE(first[0].orderNumber, u"W-100"_s);
    QCOMPARE(second[1].orderNumber, u"P-300"_s);
    QCOMPARE(third[0].orderNumber, u"W-102"_s);
    const OrderSummary m = query.page(all, OrderSort::OrderNumber, false, 0, 1).first();
    QCOMPARE(m.channel, Channel::Marketplace);
    QCOMPARE(m.lineCount, 2);
    QCOMPARE(m.totalMinor, 4000);
    QCOMPARE(m.currency, u"USD"_s);
    QCOMPARE(m.customerName, u"Carla Smithers"_s);
    QCOMPARE(m.orderedAt, QDateTime(QDate(2026, 10, 3), QTime(9, 0), Qt::UTC));
}

void TestOrderQuery::findsByNumberOrExternalId() {
    OrderQuery query(m_test->db());
    const auto byNumber = query.findId(u"M-200"_s);
    const auto byExternal = query.findId(u"112-4455667-8899001"_s);
    QVERIFY(byNumber);
    QCOMPARE(byExternal, byNumber);
    QVERIFY(!query.findId(u"M-2"_s));
}

void TestOrderQuery::summariesOfChosenOrders_data() {
    QTest::addColumn<QStringList>("asked");
    QTest::addColumn<int>("channel"); // -1: any
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("one") << QStringList{u"M-200"_s} << -1 << QStringList{u"M-200"_s};
    QTest::newRow("several") << QStringList{u"W-100"_s, u"P-300"_s, u"W-102"_s} << -1
                             << QStringList{u"P-300"_s, u"W-100"_s, u"W-102"_s};
    QTest::newRow("filter drops the others") << QStringList{u"W-100"_s, u"P-300"_s, u"W-102"_s}
                                             << int(Channel::Web) << QStringList{u"W-100"_s, u"W-102"_s};
    QTest::newRow("none in the filter") << QStringList{u"M-200"_s} << int(Channel::Pos) << QStringList{};
    QTest::newRow("none asked") << QStringList{} << -1 << QStringList{};
}

void TestOrderQuery::summariesOfChosenOrders() {
    QFETCH(QStringList, asked);
    QFETCH(int, channel);
    QFETCH(QStringList, expected);
    OrderQuery query(m_test->db());
    QList<qint64> ids;
    for (const QString& number : asked)
        ids << *query.findId(number);
    ids << 999999; // an order that does not exist is left out, not an error
    OrderFilter filter;
    if (channel >= 0)
        filter.channel = Channel(channel);
    QStringList numbers;
    for (const OrderSummary& s : query.summaries(filter, ids))
        numbers << s.orderNumber;
    numbers.sort();
    QCOMPARE(numbers, expected);
    // The same row as the queue's page shows.
    if (expected.contains(u"M-200"_s)) {
        const auto rows = query.summaries(filter, {*query.findId(u"M-200"_s)});
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().lineCount, 2);
        QCOMPARE(rows.first().totalMinor, 4000);
        QCOMPARE(rows.first().customerName, u"Carla Smithers"_s);
    }
}

void TestOrderQuery::countsByStatus() {
    const auto counts = OrderQuery(m_test->db()).countsByStatus();
    QCOMPARE(counts.size(), 10);
    QHash<OrderStatus, qint64> byStatus;
    for (const auto& [status, n] : counts)
        byStatus.insert(status, n);
    QCOMPARE(byStatus.value(OrderStatus::Validated), 3);
    QCOMPARE(byStatus.value(OrderStatus::Routed), 1);
    QCOMPARE(byStatus.value(OrderStatus::Exception), 1);
    QCOMPARE(byStatus.value(OrderStatus::Delivered), 0);
}

// A sum of stored totals never wraps: capture keeps each total within 10^14 minor units, so a sum over the
// orders of any real database fits in 64 bits; and rows forced past that (written around capture) make
// SQLite's SUM() fail with a message that says so, while PostgreSQL's SUM(bigint) is exact in numeric.
void TestOrderQuery::sumOfTotalsNeverWraps() {
    Database& db = m_test->db();
    const qint64 expected = SqlQuery(db, u"SELECT SUM(total_minor) FROM orders"_s).scalar().toLongLong();
    QVERIFY(expected > 0);
    SqlQuery(db, u"UPDATE orders SET total_minor = 0"_s).exec();
    SqlQuery(
        db, u"UPDATE orders SET total_minor = 4611686018427387904 WHERE order_number IN ('W-100', 'W-101')"_s)
        .exec(); // 2^62 each: 2^63 together
    try {
        // As text: QtSql hands PostgreSQL's numeric over as a double, which would round it.
        const QVariant sum = SqlQuery(db, u"SELECT CAST(SUM(total_minor) AS TEXT) FROM orders"_s).scalar();
        QCOMPARE(m_test->engine(), Engine::Postgres);
        QCOMPARE(sum.toString(), u"9223372036854775808"_s);
    } catch (const Error& e) {
        QCOMPARE(m_test->engine(), Engine::Sqlite);
        QCOMPARE(e.kind(), Error::Kind::Storage);
        QVERIFY2(
            e.message().contains(u"a sum or product of amounts or quantities is past what a 64-bit integer "
                                 "holds (integer overflow"_s),
            qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestOrderQuery)
#include "tst_orderquery.moc"
