// `ordo import` with channel documents, `ordo skus xref` and `ordo validation`: the real executable against a
// real database, checking the JSON it prints and the exit codes.
#include "OrdoProcess.h"
#include "SampleWorld.h"
#include "TestData.h"
#include "TestDatabase.h"
#include "storage/SqlQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestChannelImportCommand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void importReportsEveryOrder();
    void orderShowsTheChannelFields();
    void unknownFormatIsAUsageError();
    void crossReferenceCommands();
    void validationCommands();

private:
    using Run = test::OrdoRun;
    static Run ordo(const QStringList& arguments) { return test::runOrdo(arguments); }
    static QString fixture(const QString& name) { return test::testDataPath(u"channels/"_s + name); }
    std::unique_ptr<test::TestDatabase> m_test;
};

void TestChannelImportCommand::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(m_test->db());
}

void TestChannelImportCommand::importReportsEveryOrder() {
    const Run run =
        ordo({u"import"_s, u"--db"_s, m_test->url(), u"--json"_s, fixture(u"shopify_orders.json"_s)});
    QCOMPARE(run.exitCode, 3); // one order rejected
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(u"accepted"_s).toInt(), 2);
    QCOMPARE(report.value(u"exceptions"_s).toInt(), 1);
    QCOMPARE(report.value(u"rejected"_s).toInt(), 1);
    const QJsonObject error = report.value(u"errors"_s).toArray().at(0).toObject();
    QCOMPARE(error.value(u"where"_s).toString(), u"orders[2].line_items[0].price"_s);
    QCOMPARE(error.value(u"file"_s).toString(), fixture(u"shopify_orders.json"_s));
    const QJsonObject file = report.value(u"files"_s).toArray().at(0).toObject();
    QCOMPARE(file.value(u"format"_s).toString(), u"shopify"_s);
    QCOMPARE(file.value(u"kind"_s).toString(), u"orders"_s);
    const QJsonArray orders = file.value(u"orders"_s).toArray();
    QCOMPARE(orders.size(), 3);
    const QJsonObject held = orders.at(2).toObject();
    QCOMPARE(held.value(u"order_id"_s).toString(), u"SHOP-1003"_s);
    QCOMPARE(held.value(u"external_id"_s).toString(), u"9007199254740995"_s);
    QCOMPARE(held.value(u"outcome"_s).toString(), u"held"_s);
    const QJsonArray reasons = held.value(u"reasons"_s).toArray();
    QCOMPARE(reasons.size(), 2);
    QCOMPARE(reasons.at(0).toObject().value(u"code"_s).toString(), u"POSTAL_CODE_MISMATCH"_s);
    QCOMPARE(reasons.at(1).toObject().value(u"code"_s).toString(), u"PAYMENT_NOT_AUTHORIZED"_s);

    // Again: nothing new, the two captured orders are duplicates; the bad one is still rejected.
    const Run again = ordo({u"import"_s, u"--db"_s, m_test->url(), fixture(u"shopify_orders.json"_s)});
    QCOMPARE(again.exitCode, 3);
    QVERIFY2(again.out.contains("(shopify orders): 0 accepted, 2 already imported, 1 rejected"),
             again.out.constData());
    QVERIFY2(again.err.contains("orders[2].line_items[0].price: '12,50' is not an exact amount"),
             again.err.constData());
}

void TestChannelImportCommand::orderShowsTheChannelFields() {
    QCOMPARE(ordo({u"import"_s, u"--db"_s, m_test->url(), fixture(u"woocommerce_orders.json"_s)}).exitCode,
             0);
    const Run run = ordo({u"order"_s, u"--db"_s, m_test->url(), u"--json"_s, u"WOO-728"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(o.value(u"status"_s).toString(), u"exception"_s);
    QCOMPARE(o.value(u"payment_status"_s).toString(), u"pending"_s);
    QCOMPARE(o.value(u"ship_method"_s).toString(), u"International"_s);
    QCOMPARE(o.value(u"bill_to"_s).toObject().value(u"country"_s).toString(), u"CA"_s);
    QCOMPARE(o.value(u"customer"_s).toObject().value(u"name"_s).toString(), u"Mia Roy"_s);
    QCOMPARE(o.value(u"exceptions"_s).toArray().size(), 2);
    QCOMPARE(o.value(u"charges"_s).toArray().at(0).toObject().value(u"amount_minor"_s).toInt(), 2500);
    const QJsonObject source = o.value(u"sources"_s).toArray().at(0).toObject();
    QCOMPARE(source.value(u"format"_s).toString(), u"woocommerce"_s);
    QCOMPARE(source.value(u"file"_s).toString(), fixture(u"woocommerce_orders.json"_s));
    QCOMPARE(source.value(u"reference"_s).toString(), u"orders[1]"_s);
    QVERIFY(!source.value(u"imported_at"_s).toString().isEmpty());
    const Run text = ordo({u"order"_s, u"--db"_s, m_test->url(), u"WOO-728"_s});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("  bill to    Mia Roy, 1 Yonge St, Toronto, ON M5E 1E5, CA\n"),
             text.out.constData());
    QVERIFY2(text.out.contains("  ship via   International\n"), text.out.constData());
    QVERIFY2(text.out.contains("  payment    pending\n"), text.out.constData());
    QVERIFY2(text.out.contains("  shipping   25.00 USD  International\n"), text.out.constData());
}

void TestChannelImportCommand::unknownFormatIsAUsageError() {
    const Run run = ordo({u"import"_s, u"--db"_s, m_test->url(), u"--format"_s, u"edifact"_s,
                          fixture(u"shopify_order.json"_s)});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("unknown format 'edifact'"));
}

void TestChannelImportCommand::crossReferenceCommands() {
    const Run bad =
        ordo({u"skus"_s, u"xref"_s, u"import"_s, u"--db"_s, m_test->url(), fixture(u"sku_xref_bad.csv"_s)});
    QCOMPARE(bad.exitCode, 3);
    QVERIFY2(bad.err.contains("line 4: SKU 'NOPE' is not in the catalogue"), bad.err.constData());
    const Run good = ordo({u"skus"_s, u"xref"_s, u"import"_s, u"--db"_s, m_test->url(), u"--json"_s,
                           fixture(u"sku_xref.csv"_s)});
    QCOMPARE(good.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(good.out).object().value(u"imported"_s).toInt(), 5);
    const Run list = ordo({u"skus"_s, u"xref"_s, u"list"_s, u"--db"_s, m_test->url(), u"--json"_s});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows.at(4).toObject().value(u"partner"_s).toString(), u"amazon"_s);
    QCOMPARE(rows.at(4).toObject().value(u"sku"_s).toString(), u"SKU-2"_s);
    QCOMPARE(ordo({u"skus"_s, u"frobnicate"_s}).exitCode, 2);
}

void TestChannelImportCommand::validationCommands() {
    QCOMPARE(
        ordo({u"validation"_s, u"disable"_s, u"--db"_s, m_test->url(), u"payment_not_authorized"_s}).exitCode,
        0);
    const Run enable = ordo({u"validation"_s, u"enable"_s, u"--db"_s, m_test->url(), u"--json"_s,
                             u"HIGH_VALUE"_s, u"--param"_s, u"threshold_minor=1000"_s});
    QCOMPARE(enable.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(enable.out)
                 .object()
                 .value(u"params"_s)
                 .toObject()
                 .value(u"threshold_minor"_s)
                 .toString(),
             u"1000"_s);
    QCOMPARE(ordo({u"validation"_s, u"enable"_s, u"--db"_s, m_test->url(), u"NOPE"_s}).exitCode, 3);
    QCOMPARE(ordo({u"validation"_s, u"enable"_s, u"--db"_s, m_test->url(), u"HIGH_VALUE"_s, u"--param"_s,
                   u"limit=3"_s})
                 .exitCode,
             3);
    const Run list = ordo({u"validation"_s, u"list"_s, u"--db"_s, m_test->url(), u"--json"_s});
    QCOMPARE(list.exitCode, 0);
    QMap<QString, QJsonObject> rules;
    for (const QJsonValue& v : QJsonDocument::fromJson(list.out).array())
        rules.insert(v.toObject().value(u"code"_s).toString(), v.toObject());
    QCOMPARE(rules.size(), 14);
    QCOMPARE(rules[u"PAYMENT_NOT_AUTHORIZED"_s].value(u"enabled"_s).toBool(), false);
    QCOMPARE(rules[u"SUSPECTED_DUPLICATE"_s].value(u"enabled"_s).toBool(), false);
    QCOMPARE(rules[u"UNKNOWN_SKU"_s].value(u"enabled"_s).toBool(), true);

    // The settings apply to the next import: a pending payment passes, 10.00 is over the new threshold.
    const Run run =
        ordo({u"import"_s, u"--db"_s, m_test->url(), u"--json"_s, fixture(u"shopify_orders.json"_s)});
    const QJsonArray orders = QJsonDocument::fromJson(run.out)
                                  .object()
                                  .value(u"files"_s)
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(u"orders"_s)
                                  .toArray();
    const QJsonArray reasons = orders.at(1).toObject().value(u"reasons"_s).toArray(); // SHOP-1002, 10.00
    QCOMPARE(reasons.size(), 0); // exactly 10.00 is not over 10.00
    const QJsonArray heldReasons = orders.at(2).toObject().value(u"reasons"_s).toArray(); // SHOP-1003, 30.00
    QCOMPARE(heldReasons.size(), 2);
    QCOMPARE(heldReasons.at(0).toObject().value(u"code"_s).toString(), u"POSTAL_CODE_MISMATCH"_s);
    QCOMPARE(heldReasons.at(1).toObject().value(u"code"_s).toString(), u"HIGH_VALUE"_s);
}

QTEST_GUILESS_MAIN(TestChannelImportCommand)
#include "tst_channelimportcommand.moc"
