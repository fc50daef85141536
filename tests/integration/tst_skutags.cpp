// SkuTags (core/storage/SkuTags.h) on SQLite and PostgreSQL, and the routing strategies' "SKU tags" condition
// reading them.
#include "Error.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "channels/SkuTagsImport.h"
#include "orders/OrderCapture.h"
#include "sourcing/RoutingService.h"
#include "sourcing/RuleSetRepository.h"
#include "storage/AuditTrail.h"
#include "storage/LocationRepository.h"
#include "storage/PositionRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SkuTags.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestSkuTags : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void setReplacesTheTagsAndAuditsTheChange();
    void parse_data();
    void parse();
    void importTakesTheWholeFile();
    void badFilesChangeNothing_data();
    void badFilesChangeNothing();
    void onlyMasterDataRolesMayTag();
    void strategyConditionMatchesTaggedSkus();

private:
    Database& db() { return m_test->db(); }
    int import(const QByteArray& csv);
    qint64 count(const QString& sql) { return SqlQuery(db(), sql).scalar().toLongLong(); }

    std::unique_ptr<test::TestDatabase> m_test;
    const Actor m_admin{u"ana"_s, Role::Admin};
};

void TestSkuTags::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(db());
}

int TestSkuTags::import(const QByteArray& csv) {
    QByteArray bytes = csv;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return SkuTagsImport(db(), m_admin).importCsv(buffer, u"tags.csv"_s);
}

void TestSkuTags::setReplacesTheTagsAndAuditsTheChange() {
    SkuTags tags(db(), m_admin);
    tags.set(u"SKU-1"_s, {u"Fragile"_s, u"hazmat"_s});
    QCOMPARE(tags.all().value(u"SKU-1"_s), (QStringList{u"fragile"_s, u"hazmat"_s}));
    tags.set(u"SKU-1"_s, {u"oversize"_s});
    QCOMPARE(tags.all().value(u"SKU-1"_s), QStringList{u"oversize"_s});
    tags.set(u"SKU-1"_s, {u"oversize"_s}); // no change: no audit row
    tags.set(u"SKU-1"_s, {});
    QVERIFY(!tags.all().contains(u"SKU-1"_s));

    const qint64 sku = *SkuRepository(db()).idForCode(u"SKU-1"_s);
    QStringList details;
    for (const AuditEvent& e : AuditTrail(db()).forEntity(u"sku"_s, sku)) {
        QCOMPARE(e.action, u"tags"_s);
        QCOMPARE(e.actor, u"ana"_s);
        details << e.detail;
    }
    QCOMPARE(details, (QStringList{u"SKU-1 tags: [] -> [fragile, hazmat]"_s,
                                   u"SKU-1 tags: [fragile, hazmat] -> [oversize]"_s,
                                   u"SKU-1 tags: [oversize] -> []"_s}));
    try {
        tags.set(u"SKU-404"_s, {u"x"_s});
        QFAIL("an unknown SKU was tagged");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::NotFound);
    }
}

void TestSkuTags::parse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("error");
    QTest::newRow("spaces") << u"hazmat fragile"_s << QStringList{u"fragile"_s, u"hazmat"_s} << QString();
    QTest::newRow("semicolons, case, repeats")
        << u"Hazmat;HAZMAT; cold-chain"_s << QStringList{u"cold-chain"_s, u"hazmat"_s} << QString();
    QTest::newRow("empty") << u"  "_s << QStringList{} << QString();
    QTest::newRow("punctuation") << u"ok haz!mat"_s << QStringList{} << u"'haz!mat' is not a tag"_s;
    QTest::newRow("leading dash") << u"-x"_s << QStringList{} << u"'-x' is not a tag"_s;
    QTest::newRow("too long") << QString(41, u'a') << QStringList{} << u"at most 40 characters"_s;
}

void TestSkuTags::parse() {
    QFETCH(QString, text);
    QFETCH(QStringList, tags);
    QFETCH(QString, error);
    try {
        QCOMPARE(SkuTagList::parse(text, u"line 2"_s), tags);
        QVERIFY(error.isEmpty());
    } catch (const Error& e) {
        QVERIFY2(!error.isEmpty(), qPrintable(e.message()));
        QVERIFY2(e.message().startsWith(u"line 2: "_s), qPrintable(e.message()));
        QVERIFY2(e.message().contains(error), qPrintable(e.message()));
    }
}

void TestSkuTags::importTakesTheWholeFile() {
    SkuTags(db(), m_admin).set(u"SKU-3"_s, {u"old"_s});
    QCOMPARE(import("sku,tags\nSKU-1,hazmat fragile\nSKU-2,\"oversize; heavy\"\nSKU-3,\n"), 3);
    const QHash<QString, QStringList> all = SkuTags(db(), m_admin).all();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.value(u"SKU-1"_s), (QStringList{u"fragile"_s, u"hazmat"_s}));
    QCOMPARE(all.value(u"SKU-2"_s), (QStringList{u"heavy"_s, u"oversize"_s}));
    QVERIFY(!all.contains(u"SKU-3"_s)); // an empty tags field removes them
}

void TestSkuTags::badFilesChangeNothing_data() {
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown SKU") << QByteArray("sku,tags\nSKU-1,a\nSKU-404,b\n")
                                 << u"line 3: SKU 'SKU-404' is not in the catalogue"_s;
    QTest::newRow("bad tag") << QByteArray("sku,tags\nSKU-1,a\nSKU-2,b@d\n")
                             << u"line 3: 'b@d' is not a tag"_s;
    QTest::newRow("SKU twice") << QByteArray("sku,tags\nSKU-1,a\nSKU-1,b\n")
                               << u"line 3: SKU SKU-1 is already on line 2"_s;
    QTest::newRow("missing column") << QByteArray("sku,labels\nSKU-1,a\n")
                                    << u"line 1: the header must name the columns sku and tags"_s;
    QTest::newRow("short row") << QByteArray("sku,tags\nSKU-1\n") << u"line 2: 1 fields, the header has 2"_s;
    QTest::newRow("empty") << QByteArray() << u"the file is empty"_s;
}

void TestSkuTags::badFilesChangeNothing() {
    QFETCH(QByteArray, csv);
    QFETCH(QString, message);
    SkuTags(db(), m_admin).set(u"SKU-1"_s, {u"kept"_s});
    const qint64 audits = count(u"SELECT COUNT(*) FROM audit_events"_s);
    try {
        import(csv);
        QFAIL("a bad file was imported");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QVERIFY2(e.message().startsWith(u"tags.csv: "_s), qPrintable(e.message()));
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
    }
    QCOMPARE(SkuTags(db(), m_admin).all().value(u"SKU-1"_s), QStringList{u"kept"_s});
    QCOMPARE(count(u"SELECT COUNT(*) FROM sku_tags"_s), 1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM audit_events"_s), audits);
}

void TestSkuTags::onlyMasterDataRolesMayTag() {
    try {
        SkuTags(db(), Actor{u"cy"_s, Role::CustomerService}).set(u"SKU-1"_s, {u"a"_s});
        QFAIL("a customer service rep tagged an SKU");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Denied);
    }
    QCOMPARE(count(u"SELECT COUNT(*) FROM sku_tags"_s), 0);
}

void TestSkuTags::strategyConditionMatchesTaggedSkus() {
    // Hazardous goods ship from DCs only; everything else by the default strategy.
    RuleSet rules = RuleSet::defaults();
    Strategy hazmat = rules.strategies.first();
    hazmat.name = u"Hazmat from DCs"_s;
    hazmat.when.skuTags = {u"hazmat"_s};
    hazmat.filters.types = {LocationType::Dc};
    rules.strategies.prepend(hazmat);
    RuleSetRepository repository(db());
    repository.publish(repository.saveDraft(rules, m_admin, QString()).version, m_admin, u"hazmat"_s);
    {
        Transaction tx(db());
        PositionRepository positions(db());
        LocationRepository locations(db());
        SkuRepository skus(db());
        for (const QString& sku : {u"SKU-1"_s, u"SKU-2"_s}) {
            positions.setOnHand(*locations.idForCode(u"DC-EAST"_s), skus.findByCode(sku)->id, 5, 0);
            positions.setOnHand(*locations.idForCode(u"ST-NYC"_s), skus.findByCode(sku)->id, 5, 0);
        }
        tx.commit();
    }
    SkuTags(db(), m_admin).set(u"SKU-2"_s, {u"hazmat"_s});
    OrderCapture capture(db(), Actor::system());
    const qint64 plain = capture.capture(test::sampleOrder(u"W-1"_s, {{u"SKU-1"_s, 1}})).orderId;
    const qint64 tagged =
        capture.capture(test::sampleOrder(u"W-2"_s, {{u"SKU-1"_s, 1}, {u"SKU-2"_s, 1}})).orderId;

    RoutingService service(db(), m_admin);
    const RoutedOrder a = service.routeOrder(plain);
    QCOMPARE(a.decision.strategy, RuleSet::defaults().strategies.first().name);
    QCOMPARE(a.decision.strategies.first().applied, false);
    QVERIFY2(a.decision.strategies.first().reason.contains(u"no line's SKU is tagged [hazmat]"_s),
             qPrintable(a.decision.strategies.first().reason));
    const RoutedOrder b = service.routeOrder(tagged);
    QCOMPARE(b.decision.strategy, u"Hazmat from DCs"_s);
    QCOMPARE(b.decision.shipments.size(), 1);
    QCOMPARE(b.decision.shipments.at(0).locationCode, u"DC-EAST"_s);
}

QTEST_GUILESS_MAIN(TestSkuTags)
#include "tst_skutags.moc"
