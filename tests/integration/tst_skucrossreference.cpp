// The partner part number cross-reference on SQLite and PostgreSQL: CSV import all or nothing with the lines
// of every bad row, replacement of a known part number, and resolution (partner first, then every partner;
// UPCs without their leading zeros).
#include "Error.h"
#include "SampleWorld.h"
#include "TestData.h"
#include "TestDatabase.h"
#include "channels/SkuCrossReferenceImport.h"
#include "storage/SkuCrossReference.h"
#include "storage/SqlQuery.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

Q_DECLARE_METATYPE(ordo::Role)

class TestSkuCrossReference : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void importsAndLists();
    void badFileIsRefusedWholeWithEveryLine();
    void aKnownPartNumberGetsItsNewSku();
    void resolve_data();
    void resolve();
    void unresolvedLinesAreNamed();
    void importNeedsMasterDataPermission_data();
    void importNeedsMasterDataPermission();
    void importIsAuditedOnce();

private:
    qint64 count(const QString& sql) { return SqlQuery(m_test->db(), sql).scalar().toLongLong(); }
    const Actor admin{u"ana"_s, Role::Admin};
    int importText(const QByteArray& csv);
    std::unique_ptr<test::TestDatabase> m_test;
};

void TestSkuCrossReference::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(m_test->db());
}

int TestSkuCrossReference::importText(const QByteArray& csv) {
    QByteArray data = csv;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    return SkuCrossReferenceImport(m_test->db(), admin).importCsv(buffer, u"xref.csv"_s);
}

void TestSkuCrossReference::importsAndLists() {
    QCOMPARE(SkuCrossReferenceImport(m_test->db(), admin)
                 .importFile(test::testDataPath(u"channels/sku_xref.csv"_s)),
             5);
    const QList<SkuXrefEntry> all = SkuCrossReference(m_test->db()).all();
    QCOMPARE(all.size(), 5);
    // Ordered by partner, qualifier, part number; the UPC is kept without its leading zero.
    QCOMPARE(all[0], (SkuXrefEntry{u"*"_s, u"ASIN"_s, u"B0040WHKIY"_s, u"SKU-4"_s}));
    QCOMPARE(all[3], (SkuXrefEntry{u"ACME"_s, u"UP"_s, u"12345678905"_s, u"SKU-3"_s}));
    QCOMPARE(all[4], (SkuXrefEntry{u"amazon"_s, u"ASIN"_s, u"B0040WHKIY"_s, u"SKU-2"_s}));
}

void TestSkuCrossReference::badFileIsRefusedWholeWithEveryLine() {
    try {
        SkuCrossReferenceImport(m_test->db(), admin)
            .importFile(test::testDataPath(u"channels/sku_xref_bad.csv"_s));
        QFAIL("a bad file was taken");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        const QString m = e.message();
        QVERIFY2(m.contains(u"3 bad row(s), nothing was imported"_s), qPrintable(m));
        QVERIFY2(m.contains(u"line 3: part_number is empty"_s), qPrintable(m));
        QVERIFY2(m.contains(u"line 4: SKU 'NOPE' is not in the catalogue"_s), qPrintable(m));
        QVERIFY2(
            m.contains(u"line 6: VP 'X-2' of partner ACME is mapped to SKU-2 on line 5 and to SKU-3 here"_s),
            qPrintable(m));
    }
    SqlQuery count(m_test->db(), u"SELECT count(*) FROM sku_xref"_s);
    QCOMPARE(count.scalar().toLongLong(), 0);
    QVERIFY_THROWS_EXCEPTION(Error, importText("partner,qualifier,sku\n*,BP,SKU-1\n"));
}

void TestSkuCrossReference::aKnownPartNumberGetsItsNewSku() {
    QCOMPARE(importText("partner,qualifier,part_number,sku\nACME,BP,A-1,SKU-1\n"), 1);
    QCOMPARE(importText("SKU,Part_Number,Qualifier,Partner\nSKU-2,A-1,bp,ACME\n"), 1);
    const QList<SkuXrefEntry> all = SkuCrossReference(m_test->db()).all();
    QCOMPARE(all, (QList<SkuXrefEntry>{{u"ACME"_s, u"BP"_s, u"A-1"_s, u"SKU-2"_s}}));
}

void TestSkuCrossReference::resolve_data() {
    QTest::addColumn<QString>("partner");
    QTest::addColumn<QString>("qualifier");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("sku"); // empty: no match
    QTest::newRow("partner's own row") << u"ACME"_s << u"BP"_s << u"A-1"_s << u"SKU-1"_s;
    QTest::newRow("another partner falls back to every partner")
        << u"BETA"_s << u"BP"_s << u"A-1"_s << u"SKU-5"_s;
    QTest::newRow("qualifier in lower case") << u"ACME"_s << u"bp"_s << u"A-1"_s << u"SKU-1"_s;
    QTest::newRow("part numbers are exact") << u"ACME"_s << u"BP"_s << u"a-1"_s << QString();
    QTest::newRow("UPC as 12 digits") << u"ACME"_s << u"UP"_s << u"012345678905"_s << u"SKU-3"_s;
    QTest::newRow("UPC as a 14-digit GTIN") << u"ACME"_s << u"UP"_s << u"00012345678905"_s << u"SKU-3"_s;
    QTest::newRow("UPC of another partner") << u"BETA"_s << u"UP"_s << u"012345678905"_s << QString();
    QTest::newRow("unknown qualifier") << u"ACME"_s << u"VP"_s << u"A-1"_s << QString();
}

void TestSkuCrossReference::resolve() {
    QFETCH(QString, partner);
    QFETCH(QString, qualifier);
    QFETCH(QString, number);
    QFETCH(QString, sku);
    importText(
        "partner,qualifier,part_number,sku\nACME,BP,A-1,SKU-1\n*,BP,A-1,SKU-5\nACME,UP,12345678905,SKU-3\n");
    SkuCrossReference xref(m_test->db());
    xref.load();
    QCOMPARE(xref.skuFor(partner, PartNumber{qualifier, number}).value_or(QString()), sku);
}

void TestSkuCrossReference::unresolvedLinesAreNamed() {
    importText("partner,qualifier,part_number,sku\nACME,VP,V-9,SKU-4\n");
    SkuCrossReference xref(m_test->db());
    xref.load();
    ImportedOrder imported;
    imported.partner = u"ACME"_s;
    imported.order.lines = {OrderLine{1, QString(), 1, {}, {}, {}}, OrderLine{2, QString(), 1, {}, {}, {}},
                            OrderLine{3, u"SKU-1"_s, 1, {}, {}, {}}};
    imported.partNumbers[1] = {{u"BP"_s, u"B-7"_s}, {u"VP"_s, u"V-9"_s}}; // the second number matches
    imported.partNumbers[2] = {{u"BP"_s, u"B-8"_s}, {u"UP"_s, u"000111"_s}};
    const QStringList unresolved = xref.resolve(imported);
    QCOMPARE(imported.order.lines[0].skuCode, u"SKU-4"_s);
    QCOMPARE(imported.order.lines[1].skuCode, QString());
    QCOMPARE(imported.order.lines[2].skuCode, u"SKU-1"_s);
    // A number sent as a UPC that is no GTIN is named as such: it cannot match the catalogue's barcodes.
    QCOMPARE(unresolved,
             (QStringList{u"line 2: no SKU for BP 'B-8', UP '000111' from partner ACME"_s,
                          u"line 2: UP '000111' is not a GTIN: has 6 digits, not 8, 12, 13 or 14"_s}));
}

void TestSkuCrossReference::importNeedsMasterDataPermission_data() {
    QTest::addColumn<Role>("role");
    QTest::newRow("csr") << Role::CustomerService;
    QTest::newRow("warehouse") << Role::Warehouse;
}

void TestSkuCrossReference::importNeedsMasterDataPermission() {
    QFETCH(Role, role);
    const qint64 audit = count(u"SELECT count(*) FROM audit_events"_s);
    try {
        SkuCrossReferenceImport(m_test->db(), Actor{u"pat"_s, role})
            .importFile(test::testDataPath(u"channels/sku_xref.csv"_s));
        QFAIL("the cross-reference was changed by someone who may not change master data");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Denied);
        QCOMPARE(e.message(), u"pat (%1) may not change the SKU cross-reference"_s.arg(roleCode(role)));
    }
    QCOMPARE(count(u"SELECT count(*) FROM sku_xref"_s), 0);
    QCOMPARE(count(u"SELECT count(*) FROM audit_events"_s), audit);
    // The storage refuses on its own too, whoever calls it.
    QVERIFY_THROWS_EXCEPTION(
        Error, SkuCrossReference(m_test->db())
                   .store({{u"ACME"_s, u"BP"_s, u"A-1"_s, u"SKU-1"_s}}, Actor{u"pat"_s, role}, u"test"_s));
    QCOMPARE(count(u"SELECT count(*) FROM sku_xref"_s), 0);
}

void TestSkuCrossReference::importIsAuditedOnce() {
    const qint64 audit = count(u"SELECT count(*) FROM audit_events"_s);
    QCOMPARE(importText("partner,qualifier,part_number,sku\nACME,BP,A-1,SKU-1\nACME,BP,A-2,SKU-2\n"), 2);
    QCOMPARE(count(u"SELECT count(*) FROM audit_events"_s), audit + 1);
    SqlQuery row(m_test->db(), u"SELECT actor, entity, entity_id, action, detail FROM audit_events "
                               "ORDER BY id DESC"_s);
    row.exec();
    QVERIFY(row.next());
    QCOMPARE(row.value(0).toString(), u"ana"_s);
    QCOMPARE(row.value(1).toString(), u"sku_xref"_s);
    QCOMPARE(row.value(2).toLongLong(), 0);
    QCOMPARE(row.value(3).toString(), u"import"_s);
    QCOMPARE(row.value(4).toString(), u"xref.csv: 2 part number(s): 2 new, 0 remapped, 0 unchanged"_s);

    // One remapped, one the same: the row says which one moved, from where to where.
    QCOMPARE(importText("partner,qualifier,part_number,sku\nACME,BP,A-1,SKU-3\nACME,BP,A-2,SKU-2\n"), 2);
    QCOMPARE(count(u"SELECT count(*) FROM audit_events"_s), audit + 2);
    row.exec();
    QVERIFY(row.next());
    QCOMPARE(row.value(4).toString(),
             u"xref.csv: 2 part number(s): 0 new, 1 remapped, 1 unchanged; ACME BP 'A-1': SKU-1 -> SKU-3"_s);

    // The same file again changes nothing and writes nothing.
    QCOMPARE(importText("partner,qualifier,part_number,sku\nACME,BP,A-1,SKU-3\nACME,BP,A-2,SKU-2\n"), 2);
    QCOMPARE(count(u"SELECT count(*) FROM audit_events"_s), audit + 2);
}

QTEST_GUILESS_MAIN(TestSkuCrossReference)
#include "tst_skucrossreference.moc"
