// `ordo order fix-address|map-sku|revalidate`: the real executable against a real database.
#include "OrdoProcess.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "lifecycle/OrderLifecycle.h"
#include "orders/OrderCapture.h"
#include "orders/OrderQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestOrderFixCommand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void fixAddressReleases();
    void fixAddressStillHeldListsWhatIsLeft();
    void fixAddressFromJson();
    void mapSkuOneLineAndEverywhere();
    void revalidate();
    void textOutput();
    void exitCodes_data();
    void exitCodes();

private:
    using Run = test::OrdoRun;
    static Run ordo(const QStringList& arguments) { return test::runOrdo(arguments); }
    QJsonObject json(const QStringList& arguments);
    Order order(const QString& number) {
        OrderQuery query(m_test->db());
        return query.detail(*query.findId(number))->order;
    }
    std::unique_ptr<test::TestDatabase> m_test;
};

void TestOrderFixCommand::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(m_test->db());
    OrderCapture capture(m_test->db(), Actor{u"import"_s, Role::System});
    Order badZip = test::sampleOrder(u"W-1"_s, {{u"SKU-1"_s, 1}});
    badZip.shipTo.postalCode = u"1011"_s;
    capture.capture(badZip);
    capture.capture(test::sampleOrder(u"W-2"_s, {{u"XJ-9"_s, 1}}));
    capture.capture(test::sampleOrder(u"W-3"_s, {{u"SKU-1"_s, 1}, {u"XJ-9"_s, 1}}));
    const qint64 routed = capture.capture(test::sampleOrder(u"W-4"_s, {{u"SKU-1"_s, 1}})).orderId;
    OrderLifecycle(m_test->db()).transition(routed, OrderStatus::Routed, Actor{u"ana"_s, Role::Admin});
}

QJsonObject TestOrderFixCommand::json(const QStringList& arguments) {
    const Run run = ordo(arguments + QStringList{u"--db"_s, m_test->url(), u"--json"_s});
    if (run.exitCode != 0)
        qWarning("%s", run.err.constData());
    return QJsonDocument::fromJson(run.out).object();
}

void TestOrderFixCommand::fixAddressReleases() {
    const QJsonObject o = json({u"order"_s, u"fix-address"_s, u"--order"_s, u"W-1"_s, u"--postal-code"_s,
                                u"10118"_s, u"--note"_s, u"customer called"_s});
    QCOMPARE(o[u"order"_s].toString(), u"W-1"_s);
    QCOMPARE(o[u"before"_s].toString(), u"exception"_s);
    QCOMPARE(o[u"status"_s].toString(), u"validated"_s);
    QCOMPARE(o[u"released"_s].toBool(), true);
    QCOMPARE(o[u"held"_s].toBool(), false);
    QCOMPARE(o[u"remaining"_s].toArray().size(), 0);
    const Order stored = order(u"W-1"_s);
    QCOMPARE(stored.shipTo.postalCode, u"10118"_s);
    QCOMPARE(stored.shipTo.city, u"New York"_s); // fields not given keep their value
    QVERIFY(!stored.shipTo.position);            // the postal code changed: the old coordinates went
}

void TestOrderFixCommand::fixAddressStillHeldListsWhatIsLeft() {
    const QJsonObject o =
        json({u"order"_s, u"fix-address"_s, u"--order"_s, u"W-1"_s, u"--postal-code"_s, u"ABCDE"_s});
    QCOMPARE(o[u"status"_s].toString(), u"exception"_s);
    QCOMPARE(o[u"released"_s].toBool(), false);
    QCOMPARE(o[u"held"_s].toBool(), true);
    const QJsonArray remaining = o[u"remaining"_s].toArray();
    QCOMPARE(remaining.size(), 1);
    QCOMPARE(remaining[0].toObject()[u"code"_s].toString(), u"INVALID_POSTAL_CODE"_s);
    QCOMPARE(remaining[0].toObject()[u"detail"_s].toString(), u"'ABCDE' is not a postal code of US"_s);
}

void TestOrderFixCommand::fixAddressFromJson() {
    QTemporaryDir dir;
    QFile file(dir.filePath(u"address.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"line1":"1 Main St","city":"Buffalo","postal_code":"14202","latitude":42.8864,)"
               R"("longitude":-78.8784})");
    file.close();
    const QJsonObject o =
        json({u"order"_s, u"fix-address"_s, u"--order"_s, u"W-1"_s, u"--from-json"_s, file.fileName()});
    QCOMPARE(o[u"released"_s].toBool(), true);
    const Order stored = order(u"W-1"_s);
    QCOMPARE(stored.shipTo.line1, u"1 Main St"_s);
    QCOMPARE(stored.shipTo.city, u"Buffalo"_s);
    QCOMPARE(stored.shipTo.name, u"Ana Lopez"_s);
    QCOMPARE(*stored.shipTo.position, (GeoPoint{42.8864, -78.8784}));
}

void TestOrderFixCommand::mapSkuOneLineAndEverywhere() {
    const QJsonObject one =
        json({u"order"_s, u"map-sku"_s, u"--order"_s, u"W-2"_s, u"--line"_s, u"1"_s, u"--sku"_s, u"SKU-3"_s});
    QCOMPARE(one[u"released"_s].toBool(), true);
    QCOMPARE(order(u"W-2"_s).lines[0].skuCode, u"SKU-3"_s);

    Order again = test::sampleOrder(u"W-5"_s, {{u"XJ-9"_s, 3}});
    OrderCapture(m_test->db(), Actor{u"import"_s, Role::System}).capture(again);
    const Run run = ordo({u"order"_s, u"map-sku"_s, u"--code"_s, u"XJ-9"_s, u"--sku"_s, u"SKU-2"_s, u"--db"_s,
                          m_test->url(), u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray results = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0].toObject()[u"order"_s].toString(), u"W-3"_s);
    QCOMPARE(results[0].toObject()[u"lines"_s].toArray(), QJsonArray{2});
    QCOMPARE(results[0].toObject()[u"status"_s].toString(), u"validated"_s);
    QCOMPARE(results[1].toObject()[u"order"_s].toString(), u"W-5"_s);
    QCOMPARE(results[1].toObject()[u"released"_s].toBool(), true);
    QCOMPARE(order(u"W-3"_s).lines[1].skuCode, u"SKU-2"_s);
    QCOMPARE(order(u"W-2"_s).lines[0].skuCode, u"SKU-3"_s);
}

void TestOrderFixCommand::revalidate() {
    const QJsonObject o = json({u"order"_s, u"revalidate"_s, u"--order"_s, u"W-2"_s});
    QCOMPARE(o[u"status"_s].toString(), u"exception"_s);
    QCOMPARE(o[u"remaining"_s].toArray().size(), 1);
    QCOMPARE(o[u"remaining"_s].toArray()[0].toObject()[u"detail"_s].toString(),
             u"line 1: SKU 'XJ-9' is not in the catalogue"_s);
}

void TestOrderFixCommand::textOutput() {
    const Run run = ordo({u"order"_s, u"fix-address"_s, u"--order"_s, u"W-1"_s, u"--postal-code"_s,
                          u"ABCDE"_s, u"--db"_s, m_test->url()});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), u"Order W-1: ship-to corrected; it is still held:\n"
                                         "  INVALID_POSTAL_CODE: 'ABCDE' is not a postal code of US\n"_s);
    const Run mapped = ordo({u"order"_s, u"map-sku"_s, u"--order"_s, u"W-2"_s, u"--line"_s, u"1"_s,
                             u"--sku"_s, u"SKU-3"_s, u"--db"_s, m_test->url()});
    QCOMPARE(QString::fromUtf8(mapped.out),
             u"Order W-2: line 1 mapped to SKU-3; it passes validation and is released (validated).\n"_s);
}

void TestOrderFixCommand::exitCodes_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no order") << QStringList{u"fix-address"_s, u"--city"_s, u"X"_s} << 2
                              << u"--order is required"_s;
    QTest::newRow("order and code") << QStringList{u"map-sku"_s, u"--order"_s, u"W-2"_s,
                                                   u"--line"_s,  u"1"_s,       u"--code"_s,
                                                   u"XJ-9"_s,    u"--sku"_s,   u"SKU-1"_s}
                                    << 2 << u"give either --order and --line, or --code"_s;
    QTest::newRow("bad line") << QStringList{u"map-sku"_s, u"--order"_s, u"W-2"_s,  u"--line"_s,
                                             u"two"_s,     u"--sku"_s,   u"SKU-1"_s}
                              << 2 << u"--line: 'two' is not a line number"_s;
    QTest::newRow("unknown SKU") << QStringList{u"map-sku"_s, u"--order"_s, u"W-2"_s, u"--line"_s,
                                                u"1"_s,       u"--sku"_s,   u"NOPE"_s}
                                 << 3 << u"sku: 'NOPE' is not in the catalogue"_s;
    QTest::newRow("bad country") << QStringList{u"fix-address"_s, u"--order"_s, u"W-1"_s, u"--country"_s,
                                                u"USA"_s}
                                 << 3 << u"country: 'USA' is not a two-letter ISO 3166 country code"_s;
    QTest::newRow("routed order") << QStringList{u"fix-address"_s, u"--order"_s, u"W-4"_s, u"--city"_s,
                                                 u"X"_s}
                                  << 3 << u"its ship-to can change only before the order is routed"_s;
    QTest::newRow("no such order") << QStringList{u"revalidate"_s, u"--order"_s, u"W-404"_s} << 3
                                   << u"there is no order W-404"_s;
}

void TestOrderFixCommand::exitCodes() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run run = ordo(QStringList{u"order"_s} + arguments + QStringList{u"--db"_s, m_test->url()});
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QCOMPARE(order(u"W-1"_s).shipTo.postalCode, u"1011"_s);
    QCOMPARE(order(u"W-2"_s).lines[0].skuCode, u"XJ-9"_s);
}

QTEST_GUILESS_MAIN(TestOrderFixCommand)
#include "tst_orderfixcommand.moc"
