// `ordo inventory apply`: the real executable, fed by a file or standard input, against SQLite and
// PostgreSQL; the documented JSON report and exit codes (0 all applied/unchanged/duplicate, 3 anything
// rejected, 2 usage).
#include "LedgerChains.h"
#include "OrdoProcess.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "storage/SqlQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestInventoryCommand : public QObject {
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

    void appliesFromStdinAndReplays();
    void atomicThenPartial();
    void snapshotFileWithFull();
    void refusesWhatIsNotInventory_data();
    void refusesWhatIsNotInventory();
    void usageErrors_data();
    void usageErrors();

private:
    struct Run : test::OrdoRun {
        QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    };
    static Run ordo(const QStringList& arguments, const QByteArray& input = {}) {
        return {test::runOrdo(arguments, input)};
    }
    Run apply(const QStringList& options, const QByteArray& input) {
        return ordo(QStringList{u"inventory"_s, u"apply"_s, u"--db"_s, m_test->url(), u"--json"_s} + options +
                        QStringList{u"-"_s},
                    input);
    }
    qint64 onHand(const QString& location, const QString& sku);
    qint64 ledgerRows();

    std::unique_ptr<test::TestDatabase> m_test;
};

void TestInventoryCommand::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(m_test->db());
}

qint64 TestInventoryCommand::onHand(const QString& location, const QString& sku) {
    SqlQuery q(m_test->db(), u"SELECT p.on_hand FROM positions p JOIN locations l ON l.id = p.location_id "
                             "JOIN skus s ON s.id = p.sku_id WHERE l.code = :l AND s.code = :s"_s);
    q.bind(u":l"_s, location).bind(u":s"_s, sku);
    return q.optionalScalar().value_or(QVariant(-1)).toLongLong();
}

qint64 TestInventoryCommand::ledgerRows() {
    SqlQuery q(m_test->db(), u"SELECT count(*) FROM inventory_events"_s);
    return q.scalar().toLongLong();
}

void TestInventoryCommand::appliesFromStdinAndReplays() {
    const QByteArray deltas = "event_id,location_id,sku,delta,reason,occurred_at\n"
                              "e1,DC-EAST,SKU-1,12,receipt,2026-03-01T08:00:00Z\n"
                              "e2,DC-EAST,SKU-1,-2,sale\n"
                              "e3,ST-NYC,SKU-2,0,recount\n";
    Run run = apply({}, deltas);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonObject report = run.json();
    QCOMPARE(report.value(u"applied"_s).toInt(), 2);
    QCOMPARE(report.value(u"unchanged"_s).toInt(), 1);
    QCOMPARE(report.value(u"duplicates"_s).toInt(), 0);
    QCOMPARE(report.value(u"rejected"_s).toInt(), 0);
    QCOMPARE(report.value(u"errors"_s).toArray().size(), 0);
    QCOMPARE(onHand(u"DC-EAST"_s, u"SKU-1"_s), 10);
    QCOMPARE(ledgerRows(), 2);

    run = apply({}, deltas);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    report = run.json();
    QCOMPARE(report.value(u"applied"_s).toInt(), 0);
    QCOMPARE(report.value(u"duplicates"_s).toInt(), 2);
    QCOMPARE(report.value(u"unchanged"_s).toInt(), 1);
    QCOMPARE(onHand(u"DC-EAST"_s, u"SKU-1"_s), 10);
    QCOMPARE(ledgerRows(), 2);

    // JSON lines on stdin, recognised from the content.
    run = apply({}, R"({"type":"delta","event_id":"j1","location_id":"ST-NYC","sku":"SKU-2","delta":4})"
                    "\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.json().value(u"applied"_s).toInt(), 1);
    QCOMPARE(onHand(u"ST-NYC"_s, u"SKU-2"_s), 4);
}

void TestInventoryCommand::atomicThenPartial() {
    const QByteArray deltas = "event_id,location_id,sku,delta,reason\n"
                              "a1,DC-EAST,SKU-1,5,receipt\n"
                              "a2,DC-EAST,SKU-1,-9,sale\n" // would leave -4
                              "a3,DC-NOWHERE,SKU-1,1,receipt\n"
                              "a4,DC-EAST,SKU-77,1,receipt\n"
                              "a5,DC-EAST,SKU-2,1.5,receipt\n" // not a whole number: a reader error
                              "a6,DC-EAST,SKU-2,3,receipt\n";
    const QStringList expected = {u"3: delta -9 would make on hand negative (-4)"_s,
                                  u"4: location_id 'DC-NOWHERE' is not a known location"_s,
                                  u"5: sku 'SKU-77' is not in the catalogue"_s,
                                  u"6: delta '1.5' is not a whole number"_s};
    auto errors = [](const QJsonObject& report) {
        QStringList list;
        for (const QJsonValue& v : report.value(u"errors"_s).toArray())
            list << u"%1: %2"_s.arg(v.toObject().value(u"line"_s).toInt())
                        .arg(v.toObject().value(u"message"_s).toString());
        return list;
    };
    Run run = apply({}, deltas);
    QCOMPARE(run.exitCode, 3);
    QJsonObject report = run.json();
    QCOMPARE(report.value(u"applied"_s).toInt(), 0);
    QCOMPARE(report.value(u"rejected"_s).toInt(), 4);
    QCOMPARE(errors(report), expected);
    QCOMPARE(report.value(u"errors"_s).toArray().first().toObject().value(u"file"_s).toString(), u"stdin"_s);
    QCOMPARE(ledgerRows(), 0);
    QCOMPARE(onHand(u"DC-EAST"_s, u"SKU-1"_s), -1); // no row was ever made

    run = apply({u"--partial"_s}, deltas);
    QCOMPARE(run.exitCode, 3);
    report = run.json();
    QCOMPARE(report.value(u"applied"_s).toInt(), 2);
    QCOMPARE(report.value(u"rejected"_s).toInt(), 4);
    QCOMPARE(errors(report), expected);
    QCOMPARE(onHand(u"DC-EAST"_s, u"SKU-1"_s), 5);
    QCOMPARE(onHand(u"DC-EAST"_s, u"SKU-2"_s), 3);
    QCOMPARE(ledgerRows(), 2);

    // Text output names the line and reason on stderr.
    run = ordo({u"inventory"_s, u"apply"_s, u"--db"_s, m_test->url(), u"-"_s}, deltas);
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("stdin line 4: location_id 'DC-NOWHERE' is not a known location"),
             run.err.constData());
}

void TestInventoryCommand::snapshotFileWithFull() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"count.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("location_id,sku,on_hand,safety_stock\nDC-EAST,SKU-1,7,1\nDC-EAST,SKU-3,2,\n");
    file.close();
    Run run = apply({}, "location_id,sku,on_hand\nDC-EAST,SKU-4,9\nST-NYC,SKU-4,1\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = ordo({u"inventory"_s, u"apply"_s, u"--db"_s, m_test->url(), u"--json"_s, u"--full"_s, path});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.json().value(u"applied"_s).toInt(), 3);
    QCOMPARE(run.json().value(u"zeroed"_s).toInt(), 1);
    QCOMPARE(onHand(u"DC-EAST"_s, u"SKU-1"_s), 7);
    QCOMPARE(onHand(u"DC-EAST"_s, u"SKU-3"_s), 2);
    QCOMPARE(onHand(u"DC-EAST"_s, u"SKU-4"_s), 0);
    QCOMPARE(onHand(u"ST-NYC"_s, u"SKU-4"_s), 1);
    run = ordo({u"inventory"_s, u"apply"_s, u"--db"_s, m_test->url(), u"--json"_s, u"--full"_s, path});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.json().value(u"applied"_s).toInt(), 0);
    QCOMPARE(run.json().value(u"duplicates"_s).toInt(), 2);
}

void TestInventoryCommand::refusesWhatIsNotInventory_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("reason");
    QTest::newRow("orders header") << QByteArray("order_id,sku,quantity\nA-1,SKU-1,2\n") << u"header row"_s;
    QTest::newRow("latin-1") << QByteArray("location_id,sku,on_hand\nDC-EAST,CAF\xC9,1\n") << u"not UTF-8"_s;
    QTest::newRow("binary") << QByteArray("\x7f"
                                          "ELF\x02\x01\x00\x00",
                                          8)
                            << u"NUL"_s;
}

void TestInventoryCommand::refusesWhatIsNotInventory() {
    QFETCH(QByteArray, input);
    QFETCH(QString, reason);
    const Run run = apply({}, input);
    QCOMPARE(run.exitCode, 3);
    const QJsonObject report = run.json();
    QVERIFY(report.value(u"refused"_s).toBool());
    const QString message =
        report.value(u"errors"_s).toArray().first().toObject().value(u"message"_s).toString();
    QVERIFY2(message.contains(reason), qPrintable(message));
    QCOMPARE(ledgerRows(), 0);
}

void TestInventoryCommand::usageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no file") << QStringList{u"inventory"_s, u"apply"_s};
    QTest::newRow("two files") << QStringList{u"inventory"_s, u"apply"_s, u"a.csv"_s, u"b.csv"_s};
    QTest::newRow("bad format") << QStringList{u"inventory"_s, u"apply"_s, u"--format"_s, u"xml"_s, u"-"_s};
    QTest::newRow("unknown option") << QStringList{u"inventory"_s, u"apply"_s, u"--fast"_s, u"-"_s};
    QTest::newRow("no subcommand") << QStringList{u"inventory"_s};
    QTest::newRow("unknown subcommand") << QStringList{u"inventory"_s, u"count"_s};
}

void TestInventoryCommand::usageErrors() {
    QFETCH(QStringList, arguments);
    QCOMPARE(ordo(arguments).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestInventoryCommand)
#include "tst_inventorycommand.moc"
