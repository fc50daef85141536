// `ordo simulate`: the real executable against a real database, on SQLite and PostgreSQL.
#include "OrdoProcess.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "orders/OrderCapture.h"
#include "sourcing/RuleSetJson.h"
#include "storage/SqlQuery.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestSimulateCommand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void jsonReport();
    void textReport();
    void exitCodes_data();
    void exitCodes();

private:
    using Run = test::OrdoRun;
    static Run ordo(const QStringList& arguments) { return test::runOrdo(arguments); }
    std::unique_ptr<test::TestDatabase> m_test;
    QTemporaryDir m_dir;
    QString m_draft;
};

// SKU-1: 10 at DC-EAST (Allentown) and 10 at ST-NYC (Manhattan). Two orders to 350 5th Ave in the window:
// W-10 SKU-1 x 1 on 2026-11-05 and W-11 SKU-1 x 3 on 2026-11-06. To New York: DC-EAST 126.34 km,
// 4.00 + 0.010 x 126.34 = 5.26; ST-NYC 0.69 km, 6.00 + 0.012 x 0.69 = 6.01.
// Active rules: none published, so the defaults (version 0): both from DC-EAST, 10.52. The draft excludes
// DC-EAST: both from ST-NYC, 12.02. Greedy: the nearest location with the whole order, ST-NYC: 12.02.
void TestSimulateCommand::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    Database& db = m_test->db();
    test::createSampleWorld(db);
    for (const QString& location : {u"DC-EAST"_s, u"ST-NYC"_s}) {
        SqlQuery q(
            db, u"INSERT INTO positions (location_id, sku_id, on_hand, reserved, safety_stock, updated_at) "
                "VALUES ((SELECT id FROM locations WHERE code = :location), "
                "(SELECT id FROM skus WHERE code = 'SKU-1'), 10, 0, 0, 0)"_s);
        q.bind(u":location"_s, location);
        q.exec();
    }
    OrderCapture capture(db, Actor{u"import"_s, Role::System});
    capture.capture(
        test::sampleOrder(u"W-10"_s, {{u"SKU-1"_s, 1}}, QDateTime(QDate(2026, 11, 5), QTime(9, 0), Qt::UTC)));
    capture.capture(
        test::sampleOrder(u"W-11"_s, {{u"SKU-1"_s, 3}}, QDateTime(QDate(2026, 11, 6), QTime(9, 0), Qt::UTC)));
    RuleSet draft = RuleSet::defaults();
    draft.strategies[0].filters.excludedLocations = {u"DC-EAST"_s};
    m_draft = m_dir.filePath(u"draft.json"_s);
    QFile file(m_draft);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(RuleSetJson::toBytes(draft, false));
}

void TestSimulateCommand::jsonReport() {
    const Run run = ordo({u"simulate"_s, u"--db"_s, m_test->url(), u"--rules"_s, m_draft, u"--from"_s,
                          u"2026-11-01"_s, u"--to"_s, u"2026-11-08"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report[u"from"_s].toString(), u"2026-11-01T00:00:00Z"_s);
    QCOMPARE(report[u"to"_s].toString(), u"2026-11-09T00:00:00Z"_s); // --to names the last day, included
    QCOMPARE(report[u"orders"_s].toInt(), 2);
    QCOMPARE(report[u"units_given_back"_s].toInt(), 0);
    const QJsonObject active = report[u"active"_s].toObject();
    QCOMPARE(active[u"rule_version"_s].toInt(), 0);
    QCOMPARE(active[u"total_cost"_s].toDouble(), 10.52);
    QCOMPARE(active[u"cost_per_order"_s].toDouble(), 5.26);
    QCOMPARE(active[u"shipments_per_order"_s].toDouble(), 1.0);
    QCOMPARE(active[u"split_rate"_s].toDouble(), 0.0);
    QCOMPARE(active[u"unfillable_rate"_s].toDouble(), 0.0);
    QCOMPARE(active[u"mean_distance_km"_s].toDouble(), 126.3);
    QCOMPARE(active[u"load"_s].toArray().size(), 1);
    QCOMPARE(active[u"load"_s].toArray().at(0).toObject()[u"location_id"_s].toString(), u"DC-EAST"_s);
    QCOMPARE(active[u"load"_s].toArray().at(0).toObject()[u"units"_s].toInt(), 4);
    const QJsonObject draft = report[u"draft"_s].toObject();
    QCOMPARE(draft[u"total_cost"_s].toDouble(), 12.02);
    QCOMPARE(draft[u"mean_distance_km"_s].toDouble(), 0.7);
    QCOMPARE(draft[u"load"_s].toArray().at(0).toObject()[u"location_id"_s].toString(), u"ST-NYC"_s);
    QCOMPARE(report[u"greedy"_s].toObject()[u"total_cost"_s].toDouble(), 12.02);
    const QJsonArray changed = report[u"changed"_s].toArray();
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).toObject()[u"order_id"_s].toString(), u"W-11"_s);
    QCOMPARE(changed.at(1).toObject()[u"before"_s].toString(), u"DC-EAST: SKU-1 x 3"_s);
    QCOMPARE(changed.at(1).toObject()[u"after"_s].toString(), u"ST-NYC: SKU-1 x 3"_s);
    QCOMPARE(changed.at(1).toObject()[u"cost_before"_s].toDouble(), 5.26);
    QCOMPARE(changed.at(1).toObject()[u"cost_after"_s].toDouble(), 6.01);
    // Nothing was reserved.
    SqlQuery q(m_test->db(), u"SELECT SUM(reserved) FROM positions"_s);
    QCOMPARE(q.scalar().toLongLong(), 0);
}

void TestSimulateCommand::textReport() {
    const Run run = ordo({u"simulate"_s, u"--db"_s, m_test->url(), u"--rules"_s, m_draft, u"--from"_s,
                          u"2026-11-01"_s, u"--to"_s, u"2026-11-08"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains(u"Simulation of 2 orders"_s), qPrintable(text));
    QVERIFY2(text.contains(u"10.52"_s) && text.contains(u"12.02"_s), qPrintable(text));
    QVERIFY2(text.contains(u"2 orders routed differently under the draft"_s), qPrintable(text));
    QVERIFY2(text.contains(u"before: DC-EAST: SKU-1 x 1 (5.26)"_s), qPrintable(text));
    QVERIFY2(text.contains(u"after:  ST-NYC: SKU-1 x 1 (6.01)"_s), qPrintable(text));
}

void TestSimulateCommand::exitCodes_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no rules") << QStringList{} << 2 << u"--rules"_s;
    QTest::newRow("bad date") << QStringList{u"--rules"_s, u"DRAFT"_s, u"--from"_s, u"yesterday"_s} << 2
                              << u"--from 'yesterday'"_s;
    QTest::newRow("empty window") << QStringList{u"--rules"_s,    u"DRAFT"_s, u"--from"_s,
                                                 u"2026-11-08"_s, u"--to"_s,  u"2026-11-01"_s}
                                  << 2 << u"--from must come before --to"_s;
    QTest::newRow("missing file") << QStringList{u"--rules"_s, u"NOWHERE"_s} << 3
                                  << u"cannot read the rule set"_s;
    QTest::newRow("not a rule set") << QStringList{u"--rules"_s, u"BROKEN"_s} << 3 << u"broken.json"_s;
}

void TestSimulateCommand::exitCodes() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QFile broken(m_dir.filePath(u"broken.json"_s));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"strategies\": 7}");
    broken.close();
    arguments.replaceInStrings(u"DRAFT"_s, m_draft);
    arguments.replaceInStrings(u"NOWHERE"_s, m_dir.filePath(u"none.json"_s));
    arguments.replaceInStrings(u"BROKEN"_s, broken.fileName());
    const Run run = ordo(QStringList{u"simulate"_s, u"--db"_s, m_test->url()} + arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
}

QTEST_GUILESS_MAIN(TestSimulateCommand)
#include "tst_simulatecommand.moc"
