// `ordo atp` and `ordo inventory group|pool|policy|exclude|supply|config`: the real executable against a real
// database, checking the JSON printed, what is stored and the exit codes (0 done, 2 usage, 3 input refused).
#include "OrdoProcess.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "storage/LocationRepository.h"
#include "storage/PositionRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestSegmentationCommand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void atpJsonFollowsPoolAndPolicy();
    void atpText();
    void exitCodes_data();
    void exitCodes();
    void configImportAndExport();

private:
    using Run = test::OrdoRun;
    static Run ordo(const QStringList& arguments) { return test::runOrdo(arguments); }
    QJsonObject json(const QStringList& arguments);
    std::unique_ptr<test::TestDatabase> m_test;
};

// DC-EAST: 50 on hand, 5 safety; ST-NYC: 20 on hand; VN-ACME: 9 on hand (SKU-1).
void TestSegmentationCommand::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    Database& db = m_test->db();
    test::createSampleWorld(db);
    Transaction tx(db);
    LocationRepository locations(db);
    const qint64 sku = *SkuRepository(db).idForCode(u"SKU-1"_s);
    PositionRepository positions(db);
    positions.setOnHand(*locations.idForCode(u"DC-EAST"_s), sku, 50, 5);
    positions.setOnHand(*locations.idForCode(u"ST-NYC"_s), sku, 20, 0);
    positions.setOnHand(*locations.idForCode(u"VN-ACME"_s), sku, 9, 0);
    tx.commit();
}

QJsonObject TestSegmentationCommand::json(const QStringList& arguments) {
    const Run run = ordo(arguments + QStringList{u"--db"_s, m_test->url(), u"--json"_s});
    if (run.exitCode != 0)
        qWarning("%s", run.err.constData());
    return run.exitCode == 0 ? QJsonDocument::fromJson(run.out).object()
                             : QJsonObject{{u"failed"_s, run.exitCode}};
}

void TestSegmentationCommand::atpJsonFollowsPoolAndPolicy() {
    // No channel: every location, no buffer: 45 + 20 + 9.
    QJsonObject atp = json({u"atp"_s, u"--sku"_s, u"SKU-1"_s});
    QCOMPARE(atp.value(u"atp"_s).toInteger(), 74);
    QVERIFY(atp.value(u"channel"_s).isNull());
    QCOMPARE(atp.value(u"locations"_s).toArray().size(), 3);

    QCOMPARE(json({u"inventory"_s, u"pool"_s, u"add"_s, u"--channel"_s, u"web"_s, u"--delivery"_s, u"ship"_s,
                   u"--location"_s, u"DC-EAST"_s, u"--location"_s, u"ST-NYC"_s})
                 .value(u"changed"_s)
                 .toInt(),
             2);
    QCOMPARE(
        json({u"inventory"_s, u"policy"_s, u"set"_s, u"--channel"_s, u"web"_s, u"--buffer-units"_s, u"3"_s})
            .value(u"changed"_s)
            .toInt(),
        1);
    // web: DC-EAST 50 - 5 - 3 = 42, ST-NYC 20 - 3 = 17; VN-ACME is not in the pool.
    atp = json({u"atp"_s, u"--sku"_s, u"SKU-1"_s, u"--channel"_s, u"web"_s, u"--delivery"_s, u"ship"_s});
    QCOMPARE(atp.value(u"sku"_s).toString(), u"SKU-1"_s);
    QCOMPARE(atp.value(u"channel"_s).toString(), u"web"_s);
    QCOMPARE(atp.value(u"atp"_s).toInteger(), 59);
    const QJsonArray locations = atp.value(u"locations"_s).toArray();
    QCOMPARE(locations.size(), 2);
    const QJsonObject dc = locations.at(0).toObject();
    QCOMPARE(dc.value(u"location_id"_s).toString(), u"DC-EAST"_s);
    QCOMPARE(dc.value(u"on_hand"_s).toInteger(), 50);
    QCOMPARE(dc.value(u"reserved"_s).toInteger(), 0);
    QCOMPARE(dc.value(u"safety_stock"_s).toInteger(), 5);
    QCOMPARE(dc.value(u"buffer"_s).toInteger(), 3);
    QCOMPARE(dc.value(u"future"_s).toInteger(), 0);
    QCOMPARE(dc.value(u"atp"_s).toInteger(), 42);
    QCOMPARE(locations.at(1).toObject().value(u"atp"_s).toInteger(), 17);

    // Future supply within the horizon, counted from --at.
    QCOMPARE(json({u"inventory"_s, u"policy"_s, u"set"_s, u"--channel"_s, u"web"_s, u"--allow-future"_s,
                   u"--horizon-days"_s, u"10"_s})
                 .value(u"changed"_s)
                 .toInt(),
             1);
    QCOMPARE(json({u"inventory"_s, u"supply"_s, u"add"_s, u"--reference"_s, u"PO-1"_s, u"--location"_s,
                   u"ST-NYC"_s, u"--sku"_s, u"SKU-1"_s, u"--quantity"_s, u"12"_s, u"--arrives-at"_s,
                   u"2026-05-08"_s})
                 .value(u"changed"_s)
                 .toInt(),
             1);
    atp = json({u"atp"_s, u"--sku"_s, u"SKU-1"_s, u"--channel"_s, u"web"_s, u"--location"_s, u"ST-NYC"_s,
                u"--at"_s, u"2026-05-01T00:00:00Z"_s});
    QCOMPARE(atp.value(u"atp"_s).toInteger(), 32); // 20 + 12, the buffer is gone with the new policy
    atp = json({u"atp"_s, u"--sku"_s, u"SKU-1"_s, u"--channel"_s, u"web"_s, u"--location"_s, u"ST-NYC"_s,
                u"--at"_s, u"2026-04-01T00:00:00Z"_s});
    QCOMPARE(atp.value(u"atp"_s).toInteger(), 20); // arrival beyond 10 days

    // The changes were audited under the command-line user.
    QCOMPARE(SqlQuery(m_test->db(), u"SELECT count(*) FROM audit_events WHERE entity = 'segmentation'"_s)
                 .scalar()
                 .toInt(),
             5);
}

void TestSegmentationCommand::atpText() {
    const Run run = ordo({u"atp"_s, u"--db"_s, m_test->url(), u"--sku"_s, u"SKU-1"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains(u"SKU-1, all channels (no buffer): available to promise 74"_s), qPrintable(text));
    QVERIFY2(text.contains(u"DC-EAST"_s) && text.contains(u"VN-ACME"_s), qPrintable(text));
}

void TestSegmentationCommand::exitCodes_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("atp without --sku") << QStringList{u"atp"_s} << 2;
    QTest::newRow("atp of an unknown SKU") << QStringList{u"atp"_s, u"--sku"_s, u"NOPE"_s} << 3;
    QTest::newRow("atp at an unknown location")
        << QStringList{u"atp"_s, u"--sku"_s, u"SKU-1"_s, u"--location"_s, u"X"_s} << 3;
    QTest::newRow("atp for an unknown channel")
        << QStringList{u"atp"_s, u"--sku"_s, u"SKU-1"_s, u"--channel"_s, u"tv"_s} << 3;
    QTest::newRow("pool without location or group")
        << QStringList{u"inventory"_s, u"pool"_s,       u"add"_s, u"--channel"_s,
                       u"web"_s,       u"--delivery"_s, u"ship"_s}
        << 2;
    QTest::newRow("pool at an unknown location")
        << QStringList{u"inventory"_s,  u"pool"_s, u"add"_s,        u"--channel"_s, u"web"_s,
                       u"--delivery"_s, u"ship"_s, u"--location"_s, u"X"_s}
        << 3;
    QTest::newRow("policy percent out of range")
        << QStringList{u"inventory"_s, u"policy"_s,           u"set"_s, u"--channel"_s,
                       u"web"_s,       u"--buffer-percent"_s, u"150"_s}
        << 3;
    QTest::newRow("policy without channel") << QStringList{u"inventory"_s, u"policy"_s, u"set"_s} << 2;
    QTest::newRow("unknown action") << QStringList{u"inventory"_s, u"pool"_s, u"paint"_s} << 2;
    QTest::newRow("exclude list") << QStringList{u"inventory"_s, u"exclude"_s, u"list"_s} << 0;
    QTest::newRow("group help") << QStringList{u"inventory"_s, u"group"_s, u"add"_s, u"--help"_s} << 0;
}

void TestSegmentationCommand::exitCodes() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const Run run = ordo(arguments + QStringList{u"--db"_s, m_test->url()});
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    if (exitCode != 0)
        QVERIFY(!run.err.isEmpty());
    QCOMPARE(SqlQuery(m_test->db(), u"SELECT count(*) FROM channel_pools"_s).scalar().toInt() +
                 SqlQuery(m_test->db(), u"SELECT count(*) FROM channel_policies"_s).scalar().toInt(),
             0);
}

void TestSegmentationCommand::configImportAndExport() {
    QTemporaryDir dir;
    const QString good = dir.filePath(u"seg.json"_s);
    QFile file(good);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"groups": [{"code": "EAST", "name": "East", "locations": ["DC-EAST", "ST-NYC"]}],
                   "pools": [{"channel": "web", "delivery": "ship", "groups": ["EAST"]}],
                   "policies": [{"channel": "web", "buffer_percent": 10}]})");
    file.close();
    const QJsonObject summary = json({u"inventory"_s, u"config"_s, u"import"_s, good});
    QCOMPARE(summary.value(u"pools"_s).toInt(), 2);
    QCOMPARE(summary.value(u"policies"_s).toInt(), 1);
    // web: DC-EAST 50 - 5 - 5 = 40, ST-NYC 20 - 2 = 18.
    QCOMPARE(json({u"atp"_s, u"--sku"_s, u"SKU-1"_s, u"--channel"_s, u"web"_s}).value(u"atp"_s).toInteger(),
             58);

    const QString bad = dir.filePath(u"bad.json"_s);
    QFile badFile(bad);
    QVERIFY(badFile.open(QIODevice::WriteOnly));
    badFile.write(
        R"({"pools": [{"channel": "web", "delivery": "ship", "locations": ["DC-EAST", "DC-NOWHERE"]}]})");
    badFile.close();
    const Run refused = ordo({u"inventory"_s, u"config"_s, u"import"_s, bad, u"--db"_s, m_test->url()});
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.err.contains("pools[0].locations[1]: unknown location code \"DC-NOWHERE\""),
             refused.err.constData());
    QCOMPARE(SqlQuery(m_test->db(), u"SELECT count(*) FROM channel_pools"_s).scalar().toInt(),
             2); // unchanged

    const Run exported = ordo({u"inventory"_s, u"config"_s, u"export"_s, u"--db"_s, m_test->url()});
    QCOMPARE(exported.exitCode, 0);
    const QJsonObject config = QJsonDocument::fromJson(exported.out).object();
    QCOMPARE(config.value(u"pools"_s).toArray().at(0).toObject().value(u"locations"_s).toArray().size(), 2);
    QCOMPARE(config.value(u"policies"_s).toArray().at(0).toObject().value(u"buffer_percent"_s).toInt(), 10);
}

QTEST_GUILESS_MAIN(TestSegmentationCommand)
#include "tst_segmentationcommand.moc"
