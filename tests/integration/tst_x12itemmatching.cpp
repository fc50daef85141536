// How the lines of an X12 850 find our SKUs, through `ordo import` of an SKU file with barcodes and an 850 on
// each engine: the seller's own item number (SK, VP, and VN as retail 850s send it, the VICS sample line
// PO1*1*120*EA*9.25*TE*CB*065322-117*PR*RO*VN*AB3542), and the item's GTIN (UP UPC-A, EN EAN-13, UK GTIN-14)
// matched against the catalogue's barcodes without a cross-reference row, compared as GTIN-14 with the GS1
// check digit checked.
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "channels/ImportService.h"
#include "orders/OrderQuery.h"
#include "orders/OrderRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

// An 850 with one line whose product ids (PO106 onward) are `ids`, to a ship-to that passes validation.
QByteArray purchaseOrder(const QByteArray& ids) {
    const QList<QByteArray> set = {"ST*850*0001",
                                   "BEG*00*SA*PO-77**20261130",
                                   "N1*ST*Acme Store 118*92*0118",
                                   "N3*2150 Market Street",
                                   "N4*Louisville*KY*40202*US",
                                   "PO1*1*120*EA*9.25*TE*" + ids,
                                   "CTT*1"};
    QByteArray body;
    for (const QByteArray& segment : set)
        body += segment + "~\n";
    body += "SE*" + QByteArray::number(set.size() + 1) + "*0001~\n";
    return "ISA*00*          *00*          *ZZ*ACMERETAIL     *ZZ*ORDOVENDOR     *261130*0930*U*00401*"
           "000000905*0*P*:~\nGS*PO*ACMERETAIL*ORDOVENDOR*20261130*0930*17*X*004010~\n" +
           body + "GE*1*17~\nIEA*1*000000905~\n";
}

} // namespace

class TestX12ItemMatching : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void skuFileKeepsBarcodes();
    void lineFindsItsSku_data();
    void lineFindsItsSku();

private:
    ImportReport import(const QString& name, const QByteArray& content);
    std::unique_ptr<test::TestDatabase> m_test;
    QTemporaryDir m_dir;
};

void TestX12ItemMatching::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(m_test->db());
    // Barcodes as a catalogue has them: a UPC-A, an EAN-13 and a case's GTIN-14.
    const ImportReport report =
        import(u"skus.csv"_s, "sku,name,weight_kg,unit_price,currency,gtin\n"
                              "AB3542,Trail sock,0.1,9.25,USD,614141000036\n"
                              "SKU-EAN,Pencil,0.01,1.00,USD,4006381333931\n"
                              "SKU-CASE,Socks (case of 12),1.2,99.00,USD,10614141000033\n"
                              "SKU-NONE,No barcode,0.1,1.00,USD,\n");
    QVERIFY2(report.allAccepted(), qPrintable(report.errors.value(0).message));
    QCOMPARE(report.accepted, 4);
}

ImportReport TestX12ItemMatching::import(const QString& name, const QByteArray& content) {
    const QString path = m_dir.filePath(m_test->engineName() + u'-' + name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(content);
    file.close();
    return ImportService(m_test->db(), Actor{u"import"_s, Role::System}).importFiles({path});
}

void TestX12ItemMatching::skuFileKeepsBarcodes() {
    const auto gtin = [this](const QString& code) {
        SqlQuery q(m_test->db(), u"SELECT gtin FROM skus WHERE code = :code"_s);
        q.bind(u":code"_s, code);
        return q.scalar().toString();
    };
    QCOMPARE(gtin(u"AB3542"_s), u"00614141000036"_s); // kept as GTIN-14
    QCOMPARE(gtin(u"SKU-EAN"_s), u"04006381333931"_s);
    QCOMPARE(gtin(u"SKU-CASE"_s), u"10614141000033"_s);
    QVERIFY(gtin(u"SKU-NONE"_s).isEmpty());
    SkuRepository skus(m_test->db());
    // A barcode that is not a GTIN, or one already another SKU's, rejects its row with the line and field.
    const ImportReport report = import(u"bad-skus.csv"_s, "sku,name,weight_kg,unit_price,currency,gtin\n"
                                                          "SKU-X,X,0.1,1.00,USD,614141000037\n"
                                                          "SKU-Y,Y,0.1,1.00,USD,4006381333931\n"
                                                          "SKU-Z,Z,0.1,1.00,USD,12345\n");
    QCOMPARE(report.rejected, 3);
    QCOMPARE(report.errors.size(), 3);
    QCOMPARE(report.errors.at(0).line, 2);
    QVERIFY2(report.errors.at(0).message.contains(u"gtin '614141000037' is not a GTIN: ends in 7, its check "
                                                  "digit is 6"_s),
             qPrintable(report.errors.at(0).message));
    QVERIFY2(
        report.errors.at(1).message.contains(u"gtin '4006381333931' is already the barcode of SKU-EAN"_s),
        qPrintable(report.errors.at(1).message));
    QVERIFY2(report.errors.at(2).message.contains(u"gtin '12345' is not a GTIN: has 5 digits"_s),
             qPrintable(report.errors.at(2).message));
    QVERIFY(!skus.findByCode(u"SKU-X"_s));
}

void TestX12ItemMatching::lineFindsItsSku_data() {
    QTest::addColumn<QByteArray>("ids");
    QTest::addColumn<QString>("sku");     // the line's SKU; empty: held with UNKNOWN_SKU
    QTest::addColumn<QString>("warning"); // part of the import's warning about the line; empty: none

    QTest::newRow("VN, the VICS sample") << "CB*065322-117*PR*RO*VN*AB3542"_ba << u"AB3542"_s << QString();
    QTest::newRow("VP") << "VP*AB3542"_ba << u"AB3542"_s << QString();
    QTest::newRow("SK") << "SK*AB3542"_ba << u"AB3542"_s << QString();
    QTest::newRow("SK before VN") << "VN*SKU-EAN*SK*AB3542"_ba << u"AB3542"_s << QString();
    QTest::newRow("UP, a UPC-A") << "UP*614141000036"_ba << u"AB3542"_s << QString();
    QTest::newRow("UP written with 14 digits") << "UP*00614141000036"_ba << u"AB3542"_s << QString();
    QTest::newRow("EN, an EAN-13") << "EN*4006381333931"_ba << u"SKU-EAN"_s << QString();
    QTest::newRow("EN of a UPC item") << "EN*0614141000036"_ba << u"AB3542"_s << QString();
    QTest::newRow("UK, a GTIN-14") << "UK*10614141000033"_ba << u"SKU-CASE"_s << QString();
    QTest::newRow("buyer's number, then UP") << "BP*ACM-5531*UP*614141000036"_ba << u"AB3542"_s << QString();
    QTest::newRow("VN unknown, UP known") << "VN*ZZ-1*UP*614141000036"_ba << u"AB3542"_s << QString();
    QTest::newRow("UP with a wrong check digit")
        << "UP*614141000037"_ba << QString()
        << u"UP '614141000037' is not a GTIN: ends in 7, its check digit is 6"_s;
    QTest::newRow("UP not in the catalogue")
        << "UP*036000291452"_ba << QString() << u"no SKU for UP '036000291452'"_s;
    QTest::newRow("VN not in the catalogue") << "VN*ZZ-1"_ba << QString() << QString();
}

void TestX12ItemMatching::lineFindsItsSku() {
    QFETCH(QByteArray, ids);
    QFETCH(QString, sku);
    QFETCH(QString, warning);
    const ImportReport report = import(u"po.x12"_s, purchaseOrder(ids));
    QCOMPARE(report.files.value(0).format, u"x12"_s);
    QCOMPARE(report.accepted, 1);
    const std::optional<qint64> id = OrderQuery(m_test->db()).findId(u"PO-77"_s);
    QVERIFY(id);
    const Order order = *OrderRepository(m_test->db()).load(*id);
    QStringList warnings;
    for (const ImportIssue& w : report.warnings)
        warnings << w.message;
    if (!sku.isEmpty()) {
        QCOMPARE(order.lines.value(0).skuCode, sku);
        QVERIFY2(order.status == OrderStatus::Validated, qPrintable(warnings.join(u"; "_s)));
        QCOMPARE(report.exceptions, 0);
        return;
    }
    QCOMPARE(order.status, OrderStatus::Exception);
    QCOMPARE(order.exceptionReasons.value(0).code, u"UNKNOWN_SKU"_s);
    if (!warning.isEmpty())
        QVERIFY2(warnings.join(u"; "_s).contains(warning), qPrintable(warnings.join(u"; "_s)));
}

QTEST_GUILESS_MAIN(TestX12ItemMatching)
#include "tst_x12itemmatching.moc"
