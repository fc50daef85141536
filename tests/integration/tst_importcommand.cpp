// `ordo import`: runs the real executable against a real database and checks the documented JSON report and
// the exit codes (0 all accepted, 3 anything rejected or refused, 2 usage).
#include "OrdoProcess.h"
#include "TestData.h"
#include "TestDatabase.h"
#include "storage/SqlQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestImportCommand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void importsAndReportsJson();
    void reportsRejectedRowsAndHeldOrders();
    void textOutput();
    void countBelowReservedNeedsTheFlag();
    void exitCodes_data();
    void exitCodes();
    void amountsPastTheCeilingAreRejected();

private:
    using Run = test::OrdoRun;
    static Run ordo(const QStringList& arguments) { return test::runOrdo(arguments); }
    static QString fixture(const QString& name) { return test::testDataPath(u"csv/"_s + name); }
    QStringList masterData() const {
        return {fixture(u"locations.csv"_s), fixture(u"skus.csv"_s), fixture(u"inventory.csv"_s)};
    }
    std::unique_ptr<test::TestDatabase> m_test;
};

void TestImportCommand::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
}

void TestImportCommand::importsAndReportsJson() {
    // Orders first on the command line: master data is still imported before them.
    const Run run =
        ordo(QStringList{u"import"_s, u"--db"_s, m_test->url(), u"--json"_s, fixture(u"orders.csv"_s)} +
             masterData());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonParseError error;
    const QJsonObject report = QJsonDocument::fromJson(run.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(report.value(u"accepted"_s).toInt(), 3 + 4 + 4 + 4);
    QCOMPARE(report.value(u"rejected"_s).toInt(), 0);
    QCOMPARE(report.value(u"exceptions"_s).toInt(), 0);
    QCOMPARE(report.value(u"errors"_s).toArray().size(), 0);
    const QJsonArray warnings = report.value(u"warnings"_s).toArray();
    QCOMPARE(warnings.size(), 1);
    const QJsonObject warning = warnings.at(0).toObject();
    QCOMPARE(warning.value(u"file"_s).toString(), fixture(u"locations.csv"_s));
    QCOMPARE(warning.value(u"line"_s).toInt(), 1);
    QVERIFY(warning.value(u"message"_s).toString().contains(u"manager"_s));
    const QJsonArray files = report.value(u"files"_s).toArray();
    QCOMPARE(files.size(), 4);
    QCOMPARE(files.at(3).toObject().value(u"kind"_s).toString(), u"orders"_s);
    QCOMPARE(files.at(3).toObject().value(u"accepted"_s).toInt(), 4);
    QCOMPARE(SqlQuery(m_test->db(), u"SELECT count(*) FROM orders"_s).scalar().toInt(), 4);
    QCOMPARE(SqlQuery(m_test->db(), u"SELECT count(*) FROM order_lines"_s).scalar().toInt(), 7);

    // Again: nothing new, and still exit code 0.
    const Run again = ordo({u"import"_s, u"--db"_s, m_test->url(), u"--json"_s, fixture(u"orders.csv"_s)});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    const QJsonObject second = QJsonDocument::fromJson(again.out).object();
    QCOMPARE(second.value(u"accepted"_s).toInt(), 0);
    QCOMPARE(second.value(u"duplicates"_s).toInt(), 4);
    QCOMPARE(SqlQuery(m_test->db(), u"SELECT count(*) FROM orders"_s).scalar().toInt(), 4);
}

void TestImportCommand::reportsRejectedRowsAndHeldOrders() {
    QCOMPARE(ordo(QStringList{u"import"_s, u"--db"_s, m_test->url()} + masterData()).exitCode, 0);
    const Run run = ordo({u"import"_s, u"--db"_s, m_test->url(), u"--json"_s,
                          fixture(u"orders_invalid.csv"_s), fixture(u"broken_binary.csv"_s)});
    QCOMPARE(run.exitCode, 3);
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(u"accepted"_s).toInt(), 9);
    QCOMPARE(report.value(u"exceptions"_s).toInt(), 8);
    QCOMPARE(report.value(u"rejected"_s).toInt(), 16);
    QCOMPARE(report.value(u"refused"_s).toInt(), 1);
    const QJsonArray errors = report.value(u"errors"_s).toArray();
    QCOMPARE(errors.size(), 17); // the refused file, the row without an id and one row per rejected order
    // The refused file comes first (it is not recognised, so it is not sorted among the kinds).
    QCOMPARE(errors.at(0).toObject().value(u"file"_s).toString(), fixture(u"broken_binary.csv"_s));
    bool found = false;
    for (const QJsonValue& value : errors) {
        const QJsonObject e = value.toObject();
        if (e.value(u"line"_s).toInt() == 18) {
            found = true;
            QCOMPARE(e.value(u"file"_s).toString(), fixture(u"orders_invalid.csv"_s));
            QVERIFY(e.value(u"message"_s).toString().contains(u"R-CHANNEL"_s));
        }
    }
    QVERIFY(found);
}

void TestImportCommand::textOutput() {
    const Run run = ordo(QStringList{u"import"_s, u"--db"_s, m_test->url()} + masterData());
    QCOMPARE(run.exitCode, 0);
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains(u"locations.csv (locations): 3 accepted"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Total: 11 accepted, 0 held in Exception, 0 already imported, 0 rejected"_s),
             qPrintable(text));
    QVERIFY(QString::fromUtf8(run.err).contains(u"warning: "_s));
}

void TestImportCommand::countBelowReservedNeedsTheFlag() {
    QCOMPARE(ordo(QStringList{u"import"_s, u"--db"_s, m_test->url()} + masterData()).exitCode, 0);
    const QString position = u"location_id = (SELECT id FROM locations WHERE code = 'DC-RENO') AND "
                             "sku_id = (SELECT id FROM skus WHERE code = 'TEE-BLK-M')"_s;
    SqlQuery::run(m_test->db(), u"UPDATE positions SET reserved = 100 WHERE "_s + position);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"count.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("location_id,sku,on_hand\nDC-RENO,TEE-BLK-M,99\n");
    file.close();
    auto onHand = [&] {
        return SqlQuery(m_test->db(), u"SELECT on_hand FROM positions WHERE "_s + position).scalar().toInt();
    };

    const Run refused = ordo({u"import"_s, u"--db"_s, m_test->url(), path});
    QCOMPARE(refused.exitCode, 3);
    const QString message = QString::fromUtf8(refused.err);
    QVERIFY2(
        message.contains(u"error: %1 line 2: sku 'TEE-BLK-M' at location_id 'DC-RENO': on hand would be 99, "
                         "below the 100 reserved"_s.arg(path)),
        qPrintable(message));
    QVERIFY2(message.contains(u"--allow-below-reserved"_s), qPrintable(message));
    QCOMPARE(onHand(), 120);

    const Run allowed = ordo({u"import"_s, u"--db"_s, m_test->url(), u"--allow-below-reserved"_s, path});
    QVERIFY2(allowed.exitCode == 0, allowed.err.constData());
    QCOMPARE(onHand(), 99);
    // `ordo import --help` documents the flag.
    const Run help = ordo({u"import"_s, u"--help"_s});
    QVERIFY(QString::fromUtf8(help.out).contains(u"--allow-below-reserved"_s));
}

void TestImportCommand::exitCodes_data() {
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no files") << QStringList() << 2;
    QTest::newRow("all accepted") << QStringList{fixture(u"locations.csv"_s)} << 0;
    QTest::newRow("rejected rows") << QStringList{fixture(u"orders_invalid.csv"_s)} << 3;
    QTest::newRow("refused file") << QStringList{fixture(u"broken_latin1_locations.csv"_s)} << 3;
    QTest::newRow("missing file") << QStringList{u"/nonexistent/file.csv"_s} << 3;
}

void TestImportCommand::exitCodes() {
    QFETCH(QStringList, files);
    QFETCH(int, exitCode);
    const Run run = ordo(QStringList{u"import"_s, u"--db"_s, m_test->url()} + files);
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
}

// A new user's two orders whose lines multiply past 64 bits: 4000000 x 4611686018427.38 USD was stored as
// -31616.00 and two lines of 2147483647 x 92233720368547758.07 as -42949672.94. Both are rejected now, naming
// the file, line and field, and nothing of them is stored.
void TestImportCommand::amountsPastTheCeilingAreRejected() {
    QCOMPARE(ordo(QStringList{u"import"_s, u"--db"_s, m_test->url()} + masterData()).exitCode, 0);
    QTemporaryDir dir;
    const QByteArray header =
        "order_id,channel,ordered_at,customer_email,customer_phone,ship_name,address1,city,"
        "region,postal_code,country,latitude,longitude,delivery,pickup_location_id,sku,"
        "quantity,unit_price,currency\n";
    const QByteArray row =
        "web,2024-05-31T14:05:00Z,a@example.com,,Ana Lima,1 Main St,Reno,NV,89501,US,,,ship,,"
        "MUG-01,";
    const QString one = dir.filePath(u"one.csv"_s);
    const QString two = dir.filePath(u"two.csv"_s);
    const QList<std::pair<QString, QByteArray>> files = {
        {one, "O-1," + row + "1,12.50,USD\n" + "O-1," + row + "4000000,4611686018427.38,USD\n"},
        {two, "O-2," + row + "2147483647,92233720368547758.07,USD\n" + "O-2," + row +
                  "2147483647,92233720368547758.07,USD\n"}};
    for (const auto& [path, rows] : files) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(header + rows);
    }
    const Run run = ordo({u"import"_s, u"--db"_s, m_test->url(), one, two});
    QCOMPARE(run.exitCode, 3);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(one +
                          u" line 3: order O-1 is rejected: field unit_price: total 4000000 x "
                          "4611686018427.38 exceeds 1000000000000.00 USD, the largest amount Ordo keeps"_s),
             qPrintable(err));
    QVERIFY2(err.contains(two + u" line 2: order O-2 is rejected: field quantity: 2147483647 is more than "
                                "10000000, the most one line may order"_s),
             qPrintable(err));
    QCOMPARE(SqlQuery(m_test->db(), u"SELECT count(*) FROM orders"_s).scalar().toInt(), 0);
    QCOMPARE(SqlQuery(m_test->db(), u"SELECT count(*) FROM order_lines"_s).scalar().toInt(), 0);
    QCOMPARE(SqlQuery(m_test->db(), u"SELECT count(*) FROM audit_events WHERE entity = 'order'"_s)
                 .scalar()
                 .toInt(),
             0);
}

QTEST_GUILESS_MAIN(TestImportCommand)
#include "tst_importcommand.moc"
