// SegmentationRepository and SegmentationConfigReader/Writer: stored configuration, validation, audit, and
// file imports that apply whole or not at all.
#include "Error.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "inventory/SegmentationConfigReader.h"
#include "inventory/SegmentationConfigWriter.h"
#include "inventory/SegmentationRepository.h"
#include "storage/SqlQuery.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestSegmentation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void groupsAndPools();
    void policiesAndExclusions();
    void futureSupplyReplacesTheSameLine();
    void loadGathersEverything();
    void validation_data();
    void validation();
    void writesNeedManageMasterData();
    void everyWriteIsAudited();
    void jsonImportReplacesSectionsGiven();
    void jsonImportIsAllOrNothing_data();
    void jsonImportIsAllOrNothing();
    void csvSupplyImport();
    void exportImportRoundTrip();

private:
    int count(const QString& table) {
        return SqlQuery(m_test->db(), u"SELECT count(*) FROM "_s + table).scalar().toInt();
    }
    SegmentationRepository repo() { return SegmentationRepository(m_test->db(), m_admin); }
    std::unique_ptr<test::TestDatabase> m_test;
    const Actor m_admin{u"ana"_s, Role::Admin};
};

void TestSegmentation::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(m_test->db()); // DC-EAST, ST-NYC, VN-ACME; SKU-1..SKU-5
}

void TestSegmentation::groupsAndPools() {
    SegmentationRepository r = repo();
    r.saveGroup(u"EAST"_s, u"East coast"_s, {u"ST-NYC"_s, u"DC-EAST"_s});
    r.addGroupMembers(u"EAST"_s, {u"VN-ACME"_s, u"ST-NYC"_s});
    QCOMPARE(r.groups().size(), 1);
    QCOMPARE(r.groups().at(0).name, u"East coast"_s);
    QCOMPARE(r.groupMembers(u"EAST"_s), (QStringList{u"DC-EAST"_s, u"ST-NYC"_s, u"VN-ACME"_s}));
    r.saveGroup(u"EAST"_s, u"East"_s, {u"DC-EAST"_s}); // replaces the members
    QCOMPARE(r.groupMembers(u"EAST"_s), QStringList{u"DC-EAST"_s});

    QVERIFY(r.addPoolLocation(Channel::Web, DeliveryMethod::Ship, u"VN-ACME"_s));
    QVERIFY(!r.addPoolLocation(Channel::Web, DeliveryMethod::Ship, u"VN-ACME"_s)); // already there
    QCOMPARE(r.addPoolGroup(Channel::Web, DeliveryMethod::Ship, u"EAST"_s), 1);
    QVERIFY(r.addPoolLocation(Channel::App, DeliveryMethod::Pickup, u"ST-NYC"_s));
    const QList<PoolEntry> web = r.pools(Channel::Web);
    QCOMPARE(web.size(), 2);
    QCOMPARE(web.at(0).locationCode, u"DC-EAST"_s);
    QCOMPARE(web.at(1).locationCode, u"VN-ACME"_s);
    QCOMPARE(r.pools().size(), 3);
    QCOMPARE(r.pools().at(0).channel, Channel::App);
    QCOMPARE(r.pools().at(0).delivery, DeliveryMethod::Pickup);

    QCOMPARE(r.removePoolGroup(Channel::Web, DeliveryMethod::Ship, u"EAST"_s), 1);
    QVERIFY(!r.removePoolLocation(Channel::Web, DeliveryMethod::Ship, u"DC-EAST"_s));
    QCOMPARE(r.pools(Channel::Web).size(), 1);

    r.removeGroup(u"EAST"_s);
    QVERIFY(r.groups().isEmpty());
    QCOMPARE(count(u"location_group_members"_s), 0);
    QVERIFY_THROWS_EXCEPTION(Error, r.removeGroup(u"EAST"_s));
}

void TestSegmentation::policiesAndExclusions() {
    SegmentationRepository r = repo();
    r.setPolicy({Channel::Web, 5, 0, false, 0});
    r.setPolicy({Channel::Web, 0, 15, true, 14}); // replaces
    r.setPolicy({Channel::Marketplace, 2, 0, false, 0});
    const QList<ChannelPolicy> policies = r.policies();
    QCOMPARE(policies.size(), 2);
    QCOMPARE(policies.at(0).channel, Channel::Marketplace);
    QCOMPARE(policies.at(1).bufferUnits, 0);
    QCOMPARE(policies.at(1).bufferPercent, 15);
    QVERIFY(policies.at(1).allowFutureSupply);
    QCOMPARE(policies.at(1).horizonDays, 14);
    QVERIFY(r.removePolicy(Channel::Marketplace));
    QVERIFY(!r.removePolicy(Channel::Marketplace));

    QVERIFY(r.addExclusion(Channel::Web, u"SKU-1"_s, {}));
    QVERIFY(r.addExclusion(Channel::Web, {}, u"VN-ACME"_s));
    QVERIFY(r.addExclusion(Channel::Web, u"SKU-2"_s, u"ST-NYC"_s));
    QVERIFY(!r.addExclusion(Channel::Web, u"SKU-2"_s, u"ST-NYC"_s)); // already there
    QVERIFY(r.addExclusion(Channel::Pos, u"SKU-2"_s, {}));
    QCOMPARE(r.exclusions(Channel::Web).size(), 3);
    QCOMPARE(count(u"channel_exclusions"_s), 4);
    QVERIFY(r.removeExclusion(Channel::Web, u"SKU-2"_s, u"ST-NYC"_s));
    QVERIFY(!r.removeExclusion(Channel::Web, u"SKU-2"_s, {})); // a different exclusion: not there
    QCOMPARE(r.exclusions().size(), 3);
}

void TestSegmentation::futureSupplyReplacesTheSameLine() {
    SegmentationRepository r = repo();
    const QDateTime at(QDate(2026, 5, 1), QTime(8, 0), Qt::UTC);
    r.addFutureSupply({u"PO-1"_s, u"DC-EAST"_s, u"SKU-1"_s, 10, at});
    r.addFutureSupply({u"PO-1"_s, u"DC-EAST"_s, u"SKU-1"_s, 25, at.addDays(2)});
    r.addFutureSupply({u"PO-1"_s, u"DC-EAST"_s, u"SKU-2"_s, 5, at});
    const QList<FutureSupplyLine> lines = r.futureSupply(u"SKU-1"_s);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.at(0).quantity, 25);
    QCOMPARE(lines.at(0).arrivesAt, at.addDays(2));
    QCOMPARE(r.futureSupply().size(), 2);
    QVERIFY(r.removeFutureSupply(u"PO-1"_s, u"DC-EAST"_s, u"SKU-2"_s));
    QCOMPARE(r.futureSupply().size(), 1);
}

void TestSegmentation::loadGathersEverything() {
    SegmentationRepository r = repo();
    r.saveGroup(u"G"_s, u"Group"_s, {u"DC-EAST"_s, u"ST-NYC"_s});
    r.addPoolLocation(Channel::Web, DeliveryMethod::Ship, u"DC-EAST"_s);
    r.addPoolLocation(Channel::Web, DeliveryMethod::Pickup, u"ST-NYC"_s);
    r.setPolicy({Channel::Web, 3, 0, true, 7});
    r.addExclusion(Channel::Web, u"SKU-3"_s, u"DC-EAST"_s);
    r.addFutureSupply(
        {u"PO-7"_s, u"ST-NYC"_s, u"SKU-4"_s, 9, QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC)});
    const Segmentation s = r.load();
    QCOMPARE(s.pools.value(u"web"_s).value(u"ship"_s), QSet<QString>{u"DC-EAST"_s});
    QCOMPARE(s.pools.value(u"web"_s).value(u"pickup"_s), QSet<QString>{u"ST-NYC"_s});
    QVERIFY(!s.pools.contains(u"app"_s));
    QCOMPARE(s.policyFor(Channel::Web).bufferUnits, 3);
    QCOMPARE(s.policyFor(Channel::App).bufferUnits, 0);
    QVERIFY(s.isExcluded(Channel::Web, u"SKU-3"_s, u"DC-EAST"_s));
    QVERIFY(!s.isExcluded(Channel::Web, u"SKU-3"_s, u"ST-NYC"_s));
    QCOMPARE(s.futureSupply.size(), 1);
    QCOMPARE(s.futureSupply.at(0).skuCode, u"SKU-4"_s);
    QCOMPARE(s.groups.value(u"G"_s), (QSet<QString>{u"DC-EAST"_s, u"ST-NYC"_s}));
}

void TestSegmentation::validation_data() {
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown location in a pool") << u"pool"_s << u"unknown location code \"DC-MOON\""_s;
    QTest::newRow("unknown location in a group") << u"group"_s << u"unknown location code \"DC-MOON\""_s;
    QTest::newRow("unknown group") << u"poolgroup"_s << u"unknown location group \"NOPE\""_s;
    QTest::newRow("unknown SKU") << u"exclusion"_s << u"unknown SKU code \"SKU-99\""_s;
    QTest::newRow("empty exclusion") << u"emptyexclusion"_s << u"names a SKU, a location or both"_s;
    QTest::newRow("unknown channel code") << u"channel"_s << u"unknown channel code \"tv\""_s;
    QTest::newRow("unknown delivery") << u"delivery"_s << u"unknown delivery method \"drone\""_s;
    QTest::newRow("percent above 100") << u"percent"_s << u"between 0 and 100 (got 101)"_s;
    QTest::newRow("negative units") << u"units"_s << u"must not be negative (got -1)"_s;
    QTest::newRow("units and percent") << u"both"_s << u"not both"_s;
    QTest::newRow("quantity 0") << u"quantity"_s << u"greater than 0 (got 0)"_s;
}

void TestSegmentation::validation() {
    QFETCH(QString, call);
    QFETCH(QString, message);
    SegmentationRepository r = repo();
    const QDateTime at(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC);
    try {
        if (call == u"pool"_s)
            r.addPoolLocation(Channel::Web, DeliveryMethod::Ship, u"DC-MOON"_s);
        else if (call == u"group"_s)
            r.saveGroup(u"G"_s, u"G"_s, {u"DC-EAST"_s, u"DC-MOON"_s});
        else if (call == u"poolgroup"_s)
            r.addPoolGroup(Channel::Web, DeliveryMethod::Ship, u"NOPE"_s);
        else if (call == u"exclusion"_s)
            r.addExclusion(Channel::Web, u"SKU-99"_s, {});
        else if (call == u"emptyexclusion"_s)
            r.addExclusion(Channel::Web, {}, {});
        else if (call == u"channel"_s)
            SegmentationRepository::channel(u"tv"_s);
        else if (call == u"delivery"_s)
            SegmentationRepository::delivery(u"drone"_s);
        else if (call == u"percent"_s)
            r.setPolicy({Channel::Web, 0, 101, false, 0});
        else if (call == u"units"_s)
            r.setPolicy({Channel::Web, -1, 0, false, 0});
        else if (call == u"both"_s)
            r.setPolicy({Channel::Web, 2, 10, false, 0});
        else if (call == u"quantity"_s)
            r.addFutureSupply({u"PO-1"_s, u"DC-EAST"_s, u"SKU-1"_s, 0, at});
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
    }
    // Nothing half-written.
    QCOMPARE(count(u"location_groups"_s) + count(u"channel_pools"_s) + count(u"channel_policies"_s) +
                 count(u"channel_exclusions"_s) + count(u"future_supply"_s),
             0);
    QCOMPARE(SqlQuery(m_test->db(), u"SELECT count(*) FROM audit_events WHERE entity = 'segmentation'"_s)
                 .scalar()
                 .toInt(),
             0);
}

void TestSegmentation::writesNeedManageMasterData() {
    SegmentationRepository r(m_test->db(), Actor{u"cleo"_s, Role::CustomerService});
    try {
        r.setPolicy({Channel::Web, 1, 0, false, 0});
        QFAIL("a customer-service user changed a policy");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Denied);
        QVERIFY(e.message().contains(u"cleo"_s));
    }
    QVERIFY_THROWS_EXCEPTION(Error, r.addPoolLocation(Channel::Web, DeliveryMethod::Ship, u"DC-EAST"_s));
    QCOMPARE(count(u"channel_policies"_s) + count(u"channel_pools"_s), 0);
    QCOMPARE(r.policies().size(), 0); // reading is allowed
    SegmentationRepository(m_test->db(), Actor{u"max"_s, Role::Manager})
        .setPolicy({Channel::Web, 1, 0, false, 0});
    QCOMPARE(count(u"channel_policies"_s), 1);
}

void TestSegmentation::everyWriteIsAudited() {
    SegmentationRepository r = repo();
    r.addPoolLocation(Channel::Web, DeliveryMethod::Ship, u"DC-EAST"_s);
    r.addPoolLocation(Channel::Web, DeliveryMethod::Ship, u"DC-EAST"_s); // no change, no audit
    r.setPolicy({Channel::Web, 0, 10, true, 14});
    r.addExclusion(Channel::Web, u"SKU-1"_s, u"ST-NYC"_s);
    r.addFutureSupply(
        {u"PO-9"_s, u"ST-NYC"_s, u"SKU-2"_s, 12, QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC)});
    SqlQuery q(m_test->db(), u"SELECT actor, action, detail FROM audit_events WHERE entity = 'segmentation' "
                             "AND entity_id = 0 ORDER BY id"_s);
    q.exec();
    QStringList rows;
    while (q.next())
        rows << u"%1|%2|%3"_s.arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    QCOMPARE(rows,
             (QStringList{u"ana|pool.add|web ship: DC-EAST"_s,
                          u"ana|policy.set|web: buffer 10%, future supply within 14 days"_s,
                          u"ana|exclusion.add|web: SKU SKU-1 at ST-NYC"_s,
                          u"ana|supply.add|PO-9: 12 x SKU-2 at ST-NYC arriving 2026-05-01T00:00:00Z"_s}));
}

void TestSegmentation::jsonImportReplacesSectionsGiven() {
    SegmentationRepository r = repo();
    r.addPoolLocation(Channel::App, DeliveryMethod::Ship, u"VN-ACME"_s);
    r.setPolicy({Channel::Pos, 4, 0, false, 0});
    const QByteArray json = R"({
        "groups": [{"code": "EAST", "name": "East", "locations": ["DC-EAST", "ST-NYC"]}],
        "pools": [{"channel": "web", "delivery": "ship", "groups": ["EAST"], "locations": ["VN-ACME"]},
                  {"channel": "web", "delivery": "pickup", "locations": ["ST-NYC"]}],
        "exclusions": [{"channel": "web", "sku": "SKU-5"}, {"channel": "marketplace", "location": "ST-NYC"}],
        "future_supply": [{"reference": "PO-1", "location": "DC-EAST", "sku": "SKU-1", "quantity": 40,
                           "arrives_at": "2026-05-10"}]
    })";
    const auto summary = SegmentationConfigReader(m_test->db(), m_admin).importJson(json, u"seg.json"_s);
    QCOMPARE(summary.groups, 1);
    QCOMPARE(summary.pools, 4);
    QCOMPARE(summary.exclusions, 2);
    QCOMPARE(summary.futureSupply, 1);
    QCOMPARE(r.pools().size(), 4); // the app pool row was replaced
    QVERIFY(r.pools(Channel::App).isEmpty());
    QCOMPARE(r.policies().size(), 1); // no "policies" section: kept
    QCOMPARE(r.futureSupply().at(0).arrivesAt, QDateTime(QDate(2026, 5, 10), QTime(0, 0), Qt::UTC));
}

void TestSegmentation::jsonImportIsAllOrNothing_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const QByteArray good = R"("groups": [{"code": "G", "locations": ["DC-EAST"]}], )";
    QTest::newRow("not JSON") << QByteArray("{\"pools\": [") << u"seg.json: not JSON"_s;
    QTest::newRow("unknown section") << QByteArray(R"({"pool": []})")
                                     << u"seg.json: (top level).pool: unknown field"_s;
    QTest::newRow("unknown location in a pool")
        << QByteArray(
               "{" + good +
               R"("pools": [{"channel": "web", "delivery": "ship", "locations": ["DC-EAST", "X-1"]}]})")
        << u"seg.json: pools[0].locations[1]: unknown location code \"X-1\""_s;
    QTest::newRow("bad delivery")
        << QByteArray("{" + good +
                      R"("pools": [{"channel": "web", "delivery": "air", "locations": ["DC-EAST"]}]})")
        << u"seg.json: pools[0].delivery: unknown delivery method \"air\""_s;
    QTest::newRow("unknown channel")
        << QByteArray("{" + good +
                      R"("policies": [{"channel": "web"}, {"channel": "tv", "buffer_units": 1}]})")
        << u"seg.json: policies[1].channel: unknown channel code \"tv\""_s;
    QTest::newRow("percent out of range")
        << QByteArray("{" + good + R"("policies": [{"channel": "web", "buffer_percent": 150}]})")
        << u"seg.json: policies[0].buffer_percent: must be between 0 and 100 (got 150)"_s;
    QTest::newRow("negative units") << QByteArray("{" + good +
                                                  R"("policies": [{"channel": "web", "buffer_units": -2}]})")
                                    << u"seg.json: policies[0]: buffer units must not be negative (got -2)"_s;
    QTest::newRow("exclusion of unknown SKU")
        << QByteArray("{" + good + R"("exclusions": [{"channel": "web", "sku": "NOPE"}]})")
        << u"seg.json: exclusions[0]: unknown SKU code \"NOPE\""_s;
    QTest::newRow("quantity 0")
        << QByteArray(
               "{" + good +
               R"("future_supply": [{"reference": "P", "location": "DC-EAST", "sku": "SKU-1", "quantity": 0, "arrives_at": "2026-05-01"}]})")
        << u"seg.json: future_supply[0]: future supply quantity must be greater than 0 (got 0)"_s;
    QTest::newRow("quantity not a number")
        << QByteArray(
               "{" + good +
               R"("future_supply": [{"reference": "P", "location": "DC-EAST", "sku": "SKU-1", "quantity": "5", "arrives_at": "2026-05-01"}]})")
        << u"seg.json: future_supply[0].quantity: expected a whole number"_s;
    QTest::newRow("bad arrival")
        << QByteArray(
               "{" + good +
               R"("future_supply": [{"reference": "P", "location": "DC-EAST", "sku": "SKU-1", "quantity": 5, "arrives_at": "soon"}]})")
        << u"seg.json: future_supply[0]: arrives_at 'soon' is not an ISO 8601 date"_s;
}

void TestSegmentation::jsonImportIsAllOrNothing() {
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    SegmentationRepository r = repo();
    r.addPoolLocation(Channel::App, DeliveryMethod::Ship, u"VN-ACME"_s); // stays when the import fails
    try {
        SegmentationConfigReader(m_test->db(), m_admin).importJson(json, u"seg.json"_s);
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QVERIFY2(e.message().startsWith(message), qPrintable(e.message()));
    }
    QCOMPARE(count(u"location_groups"_s), 0);
    QCOMPARE(count(u"channel_pools"_s), 1);
    QCOMPARE(count(u"channel_policies"_s) + count(u"channel_exclusions"_s) + count(u"future_supply"_s), 0);
    QCOMPARE(SqlQuery(m_test->db(), u"SELECT count(*) FROM audit_events WHERE entity = 'segmentation'"_s)
                 .scalar()
                 .toInt(),
             1);
}

void TestSegmentation::csvSupplyImport() {
    QByteArray csv = "reference,location_id,sku,quantity,arrives_at\n"
                     "PO-1,DC-EAST,SKU-1,40,2026-05-10\n"
                     "PO-1,ST-NYC,SKU-2,5,2026-05-12T08:00:00+02:00\n";
    QBuffer ok(&csv);
    ok.open(QIODevice::ReadOnly);
    QCOMPARE(SegmentationConfigReader(m_test->db(), m_admin).importFutureSupplyCsv(ok, u"po.csv"_s), 2);
    const QList<FutureSupplyLine> lines = repo().futureSupply(u"SKU-2"_s);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.at(0).arrivesAt, QDateTime(QDate(2026, 5, 12), QTime(6, 0), Qt::UTC));

    QByteArray bad = "reference,location_id,sku,quantity,arrives_at\n"
                     "PO-2,DC-EAST,SKU-3,10,2026-05-10\n"
                     "PO-2,DC-EAST,SKU-4,-3,2026-05-10\n";
    QBuffer refused(&bad);
    refused.open(QIODevice::ReadOnly);
    try {
        SegmentationConfigReader(m_test->db(), m_admin).importFutureSupplyCsv(refused, u"po2.csv"_s);
        QFAIL("accepted");
    } catch (const Error& e) {
        QVERIFY2(e.message().startsWith(u"po2.csv line 3: quantity '-3'"_s), qPrintable(e.message()));
    }
    QCOMPARE(count(u"future_supply"_s), 2); // PO-2's good line was not kept

    QByteArray header = "reference,location,sku,quantity,arrives_at\n";
    QBuffer wrong(&header);
    wrong.open(QIODevice::ReadOnly);
    QVERIFY_THROWS_EXCEPTION(
        Error, SegmentationConfigReader(m_test->db(), m_admin).importFutureSupplyCsv(wrong, u"h.csv"_s));
}

void TestSegmentation::exportImportRoundTrip() {
    SegmentationRepository r = repo();
    r.saveGroup(u"EAST"_s, u"East"_s, {u"DC-EAST"_s, u"ST-NYC"_s});
    r.addPoolLocation(Channel::Web, DeliveryMethod::Ship, u"DC-EAST"_s);
    r.addPoolLocation(Channel::Web, DeliveryMethod::Ship, u"VN-ACME"_s);
    r.setPolicy({Channel::Web, 0, 10, true, 14});
    r.setPolicy({Channel::B2b, 3, 0, false, 0});
    r.addExclusion(Channel::Web, u"SKU-1"_s, {});
    r.addFutureSupply(
        {u"PO-1"_s, u"ST-NYC"_s, u"SKU-2"_s, 7, QDateTime(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC)});
    const QJsonObject exported = SegmentationConfigWriter::toJson(m_test->db());
    for (auto part : {SegmentationRepository::Part::Groups, SegmentationRepository::Part::Pools,
                      SegmentationRepository::Part::Policies, SegmentationRepository::Part::Exclusions,
                      SegmentationRepository::Part::FutureSupply})
        r.clear(part);
    QVERIFY(r.pools().isEmpty());
    SegmentationConfigReader(m_test->db(), m_admin)
        .importJson(QJsonDocument(exported).toJson(), u"export.json"_s);
    QCOMPARE(SegmentationConfigWriter::toJson(m_test->db()), exported);
    QCOMPARE(r.pools().size(), 2);
    QCOMPARE(r.policies().size(), 2);
}

QTEST_GUILESS_MAIN(TestSegmentation)
#include "tst_segmentation.moc"
