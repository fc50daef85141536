#include "Error.h"
#include "TestData.h"
#include "formats/X12PurchaseOrderReader.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

QByteArray fixture(const QString& name) {
    QFile file(test::testDataPath(u"x12/"_s + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(name));
    return file.readAll();
}

QDateTime utc(int y, int m, int d, int h = 0, int min = 0) {
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc());
}

} // namespace

class TestX12PurchaseOrderReader : public QObject {
    Q_OBJECT
private slots:
    void sniffs();
    void readsTwoSetsWithEveryMappedField();
    void readsOtherSeparatorsAndNewlineTerminators();
    void keepsEachSetAsItsSourceDocument();
    void malformed_data();
    void malformed();
    void skuFromProductIds_data();
    void skuFromProductIds();
};

void TestX12PurchaseOrderReader::sniffs() {
    QVERIFY(X12PurchaseOrderReader::sniff(fixture(u"850-two-orders.x12"_s)));
    QVERIFY(X12PurchaseOrderReader::sniff(fixture(u"850-pipe-newline.x12"_s)));
    QVERIFY(X12PurchaseOrderReader::sniff("\xEF\xBB\xBF\r\nISA*00*"));
    QVERIFY(!X12PurchaseOrderReader::sniff("{\"order\":{}}"));
    QVERIFY(!X12PurchaseOrderReader::sniff("ISA"));
    QVERIFY(!X12PurchaseOrderReader::sniff("ISAAC,NEWTON"));
}

void TestX12PurchaseOrderReader::readsTwoSetsWithEveryMappedField() {
    const ParsedDocument doc = X12PurchaseOrderReader::read(fixture(u"850-two-orders.x12"_s), u"po.x12"_s);
    QVERIFY(doc.problems.isEmpty());
    QCOMPARE(doc.orders.size(), 2);

    const ImportedOrder& first = doc.orders.at(0);
    const Order& a = first.order;
    QCOMPARE(first.partner, u"ACMERETAIL"_s);
    QCOMPARE(a.channel, Channel::B2b);
    QCOMPARE(a.externalId, u"4500012345"_s);
    QCOMPARE(a.orderNumber, u"4500012345"_s);
    QCOMPARE(a.orderedAt, utc(2026, 11, 30));
    QCOMPARE(a.currency, u"USD"_s);
    QCOMPARE(a.customerEmail, u"maria.lopez@acme-retail.example"_s);
    QCOMPARE(a.customerPhone, u"555-201-7788"_s);
    QCOMPARE(a.customerName, u"Acme Retail Inc."_s);
    QCOMPARE(a.requestedAt, utc(2026, 12, 10)); // DTM 002 wins over DTM 010
    QCOMPARE(a.shipMethod, u"UPS Ground"_s);
    QCOMPARE(a.delivery, DeliveryMethod::Ship);
    QCOMPARE(a.shipTo.name, u"Acme Store 118, Receiving Dock 4"_s);
    QCOMPARE(a.shipTo.line1, u"2150 Market Street, Suite 100"_s);
    QCOMPARE(a.shipTo.city, u"Louisville"_s);
    QCOMPARE(a.shipTo.region, u"KY"_s);
    QCOMPARE(a.shipTo.postalCode, u"40202"_s);
    QCOMPARE(a.shipTo.country, u"US"_s);
    QCOMPARE(a.billTo.name, u"Acme Retail Accounts Payable"_s);
    QCOMPARE(a.billTo.line1, u"PO Box 9000"_s);
    QCOMPARE(a.billTo.city, u"Columbus"_s);
    QCOMPARE(a.billTo.region, u"OH"_s);
    QCOMPARE(a.billTo.postalCode, u"43215"_s);
    QCOMPARE(a.lines.size(), 2);
    QCOMPARE(a.lines[0].lineNo, 1);
    QCOMPARE(a.lines[0].externalLineId, u"1"_s);
    QCOMPARE(a.lines[0].quantity, 12);
    QCOMPARE(a.lines[0].unitPrice, (Money{1999, u"USD"_s}));
    QCOMPARE(a.lines[0].skuCode, u"SKU-1"_s); // from the VP (vendor's part) pair
    QCOMPARE(a.lines[0].title, u"Trail Runner Sock, Medium"_s);
    QCOMPARE(a.lines[1].externalLineId, u"2"_s);
    QCOMPARE(a.lines[1].quantity, 3);
    QCOMPARE(a.lines[1].unitPrice, (Money{14950, u"USD"_s}));
    QCOMPARE(a.lines[1].skuCode, QString()); // buyer's part and UPC only: left to the cross-reference
    QCOMPARE(a.lines[1].title, u"Rain Shell Jacket, Large"_s);
    QCOMPARE(a.totalMinor(), 68838);
    const QList<PartNumber> line1{
        {u"VP"_s, u"SKU-1"_s}, {u"UP"_s, u"012345678905"_s}, {u"BP"_s, u"ACM-5531"_s}};
    const QList<PartNumber> line2{{u"BP"_s, u"ACM-7710"_s}, {u"UP"_s, u"098765432109"_s}};
    QCOMPARE(first.partNumbers.value(1), line1);
    QCOMPARE(first.partNumbers.value(2), line2);
    QVERIFY2(first.warnings.isEmpty(), qPrintable(first.warnings.join(u"; "_s)));

    const ImportedOrder& second = doc.orders.at(1);
    const Order& b = second.order;
    QCOMPARE(second.partner, u"ACMERETAIL"_s);
    QCOMPARE(b.externalId, u"4500012346"_s);
    QCOMPARE(b.orderedAt, utc(2026, 12, 1));
    QCOMPARE(b.customerPhone, u"555-330-1200"_s);
    QCOMPARE(b.customerEmail, QString());
    QCOMPARE(b.customerName, QString());
    QCOMPARE(b.requestedAt, utc(2026, 12, 8)); // DTM 010 when there is no 002
    QCOMPARE(b.shipMethod, u"FDEG"_s);         // TD503 when there is no TD505
    QCOMPARE(b.shipTo.name, u"Acme Distribution Center"_s);
    QCOMPARE(b.shipTo.country, u"US"_s); // N404 absent
    QVERIFY(b.billTo.isEmpty());
    QCOMPARE(b.lines.size(), 1);
    QCOMPARE(b.lines[0].externalLineId, u"10"_s);
    QCOMPARE(b.lines[0].quantity, 2);
    QCOMPARE(b.lines[0].unitPrice, (Money{24000, u"USD"_s}));
    QCOMPARE(b.lines[0].skuCode, u"SKU-3"_s); // SK
    QCOMPARE(b.lines[0].title, QString());
}

void TestX12PurchaseOrderReader::readsOtherSeparatorsAndNewlineTerminators() {
    const ParsedDocument doc =
        X12PurchaseOrderReader::read(fixture(u"850-pipe-newline.x12"_s), u"north.edi"_s);
    QVERIFY(doc.problems.isEmpty());
    QCOMPARE(doc.orders.size(), 1);
    const ImportedOrder& io = doc.orders.first();
    const Order& o = io.order;
    QCOMPARE(io.partner, u"NORTHSUPPLY"_s);
    QCOMPARE(o.externalId, u"PO-77031"_s);
    QCOMPARE(o.currency, u"CAD"_s);
    QCOMPARE(o.customerEmail, u"lee.wong@north-supply.example"_s);
    QCOMPARE(o.requestedAt, utc(2026, 12, 15, 8, 0));
    QCOMPARE(o.shipMethod, u"Purolator Ground"_s);
    QCOMPARE(o.shipTo.line1, u"88 Industrial Road"_s);
    QCOMPARE(o.shipTo.postalCode, u"L5T 2B4"_s);
    QCOMPARE(o.shipTo.country, u"CA"_s);
    QCOMPARE(o.lines.size(), 1);
    QCOMPARE(o.lines[0].unitPrice, (Money{1250, u"CAD"_s}));
    QCOMPARE(o.lines[0].quantity, 5);
    QCOMPARE(o.lines[0].skuCode, u"SKU-2"_s);
    QCOMPARE(o.lines[0].title, u"Field Cap"_s);
}

void TestX12PurchaseOrderReader::keepsEachSetAsItsSourceDocument() {
    const ParsedDocument doc = X12PurchaseOrderReader::read(fixture(u"850-two-orders.x12"_s), u"po.x12"_s);
    QCOMPARE(doc.orders.size(), 2);
    const SourceDocument& s = doc.orders.at(1).source;
    QCOMPARE(s.format, u"x12"_s);
    QCOMPARE(s.fileName, u"po.x12"_s);
    QCOMPARE(s.reference, u"ST 0002 (segments 27-37)"_s);
    QVERIFY(s.content.startsWith("ISA*00*"));
    QVERIFY(s.content.contains("GS*PO*ACMERETAIL*ORDOVENDOR*20261130*0930*17*X*004010~\nST*850*0002~"));
    QVERIFY(s.content.endsWith("SE*11*0002~\n"));
    QVERIFY(!s.content.contains("ST*850*0001") && !s.content.contains("4500012345"));
}

void TestX12PurchaseOrderReader::malformed_data() {
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<bool>("refused");     // the whole file (Error::input) rather than one set
    QTest::addColumn<QString>("expected"); // in the message (refused) or the problem's where + reason

    // Each row changes the good two-set interchange in one place (segment numbers count the ISA as 1).
    // Rows named "truncated ..." cut the file after the replacement.
    QTest::newRow("truncated ISA") << QByteArray("*ZZ*ACMERETAIL") << QByteArray() << true
                                   << u"segment 1 (ISA): the file ends inside the ISA"_s;
    QTest::newRow("wrong ISA length") << QByteArray("ACMERETAIL     ") << QByteArray("ACMERETAIL    ") << true
                                      << u"segment 1 (ISA): element 06 is 14 characters wide"_s;
    QTest::newRow("SE count wrong") << QByteArray("SE*24*0001") << QByteArray("SE*23*0001") << false
                                    << u"segment 26 (SE): element 01: the set has 24 segments"_s;
    QTest::newRow("SE control number") << QByteArray("SE*24*0001") << QByteArray("SE*24*0009") << false
                                       << u"segment 26 (SE): element 02: control number '0009'"_s;
    QTest::newRow("IEA control number") << QByteArray("IEA*1*000000905") << QByteArray("IEA*1*000000906")
                                        << true << u"segment 39 (IEA): element 02"_s;
    QTest::newRow("GE control number")
        << QByteArray("GE*2*17") << QByteArray("GE*2*18") << true << u"segment 38 (GE): element 02"_s;
    QTest::newRow("GE count wrong") << QByteArray("GE*2*17") << QByteArray("GE*3*17") << true
                                    << u"segment 38 (GE): element 01: group 17 has 2 transaction set(s)"_s;
    QTest::newRow("IEA count wrong") << QByteArray("IEA*1*") << QByteArray("IEA*2*") << true
                                     << u"segment 39 (IEA): element 01"_s;
    QTest::newRow("missing BEG") << QByteArray("BEG*00*SA*4500012345**20261130") << QByteArray("REF*ZZ*X")
                                 << false << u"segment 3 (ST): the set has no BEG"_s;
    QTest::newRow("non-numeric quantity")
        << QByteArray("PO1*1*12*") << QByteArray("PO1*1*ABC*") << false
        << u"segment 20 (PO1): element 02: quantity 'ABC' is not a number"_s;
    QTest::newRow("fractional quantity") << QByteArray("PO1*1*12*") << QByteArray("PO1*1*1.5*") << false
                                         << u"segment 20 (PO1): element 02: quantity '1.5' is not a whole"_s;
    QTest::newRow("too many decimals") << QByteArray("19.99*PE") << QByteArray("19.999*PE") << false
                                       << u"segment 20 (PO1): element 04: unit price '19.999'"_s;
    QTest::newRow("huge quantity") << QByteArray("PO1*1*12*") << QByteArray("PO1*1*99999999999999999999*")
                                   << false
                                   << u"segment 20 (PO1): element 02: quantity '99999999999999999999' is "
                                      u"more than 10000000, the most one "
                                      "line may order"_s;
    QTest::newRow("huge price") << QByteArray("19.99*PE") << QByteArray("92233720368547758.08*PE") << false
                                << u"segment 20 (PO1): element 04"_s;
    QTest::newRow("price not a number")
        << QByteArray("19.99*PE") << QByteArray("1,999*PE") << false << u"segment 20 (PO1): element 04"_s;
    QTest::newRow("no product id") << QByteArray("PE*VP*SKU-1*UP*012345678905*BP*ACM-5531")
                                   << QByteArray("PE") << false << u"segment 20 (PO1): element 06"_s;
    QTest::newRow("invalid UTF-8 in a set")
        << QByteArray("Trail Runner") << QByteArray("Trail \xff\xfe Runner") << false
        << u"segment 21 (PID): the segment is not UTF-8"_s;
    QTest::newRow("invalid UTF-8 in the envelope")
        << QByteArray("GS*PO*ACMERETAIL") << QByteArray("GS*PO*ACME\xc3") << true
        << u"segment 2 (GS): the segment is not UTF-8"_s;
    QTest::newRow("CTT count wrong")
        << QByteArray("CTT*2*15") << QByteArray("CTT*3*15") << false
        << u"segment 24 (CTT): element 01: the set has 2 PO1 line(s), CTT01 says 3"_s;
    QTest::newRow("bad date") << QByteArray("**20261130~") << QByteArray("**20261331~") << false
                              << u"segment 4 (BEG): element 05: '20261331' is not a date"_s;
    QTest::newRow("not an 850") << QByteArray("ST*850*0002") << QByteArray("ST*855*0002") << false
                                << u"segment 27 (ST): element 01: transaction set 855"_s;
    QTest::newRow("missing IEA") << QByteArray("IEA*1*000000905~\n") << QByteArray() << true
                                 << u"segment 38 (GE): the interchange ends here without its IEA"_s;
    QTest::newRow("missing SE")
        << QByteArray("SE*11*0002~\n") << QByteArray() << true
        << u"segment 27 (ST): transaction set 0002 is not closed by an SE before segment 37 (GE)"_s;
    QTest::newRow("truncated in a set")
        << QByteArray("PO1*10*2*CA*240.00**SK*SKU-3*BP*ACM-9001~") << QByteArray("PO1*10") << true
        << u"segment 35: the file ends without a segment terminator"_s;
    QTest::newRow("bad segment id") << QByteArray("REF*IA") << QByteArray("ref*IA") << false
                                    << u"segment 7 (ref): 'ref' is not a segment id"_s;
}

void TestX12PurchaseOrderReader::malformed() {
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(bool, refused);
    QFETCH(QString, expected);
    QByteArray content = fixture(u"850-two-orders.x12"_s);
    const qsizetype at = content.indexOf(from);
    QVERIFY2(at >= 0, from.constData());
    if (QByteArray(QTest::currentDataTag()).startsWith("truncated"))
        content = content.left(at) + to;
    else
        content.replace(at, from.size(), to);
    try {
        const ParsedDocument doc = X12PurchaseOrderReader::read(content, u"po.x12"_s);
        QVERIFY2(!refused, "the file was read");
        QCOMPARE(doc.problems.size(), 1);
        QCOMPARE(doc.orders.size(), 1); // the other set is kept
        const ParseProblem& p = doc.problems.first();
        QCOMPARE(p.fileName, u"po.x12"_s);
        const QString text = p.where + u": "_s + p.reason;
        QVERIFY2(text.startsWith(expected), qPrintable(text));
    } catch (const Error& e) {
        QVERIFY2(refused, qPrintable(e.message()));
        QCOMPARE(e.kind(), Error::Kind::Input);
        QVERIFY2(e.message().startsWith(u"po.x12: "_s + expected), qPrintable(e.message()));
    }
}

// Which of a line's product ids is taken as our SKU: the seller's own numbers, SK, then VP, then VN (the
// vendor's item number a retail 850 names the seller's SKU by; the VICS sample line). Other ids (UP, BP, CB)
// leave the SKU to the cross-reference and the catalogue's barcodes, and are all kept as part numbers.
void TestX12PurchaseOrderReader::skuFromProductIds_data() {
    QTest::addColumn<QByteArray>("ids");
    QTest::addColumn<QString>("sku");
    QTest::newRow("VICS sample, VN") << "TE*CB*065322-117*PR*RO*VN*AB3542"_ba << u"AB3542"_s;
    QTest::newRow("SK") << "PE*SK*AB3542"_ba << u"AB3542"_s;
    QTest::newRow("VP") << "PE*VP*AB3542"_ba << u"AB3542"_s;
    QTest::newRow("VN") << "PE*VN*AB3542"_ba << u"AB3542"_s;
    QTest::newRow("SK before VP and VN") << "PE*VN*N-1*VP*P-1*SK*S-1"_ba << u"S-1"_s;
    QTest::newRow("VP before VN") << "PE*VN*N-1*VP*P-1"_ba << u"P-1"_s;
    QTest::newRow("the first VN") << "PE*VN*N-1*VN*N-2"_ba << u"N-1"_s;
    QTest::newRow("UP only") << "PE*UP*614141000036"_ba << QString();
    QTest::newRow("buyer's numbers only") << "PE*BP*ACM-1*CB*065322-117"_ba << QString();
}

void TestX12PurchaseOrderReader::skuFromProductIds() {
    QFETCH(QByteArray, ids);
    QFETCH(QString, sku);
    QByteArray content = fixture(u"850-two-orders.x12"_s);
    const QByteArray line = "PO1*10*2*CA*240.00**SK*SKU-3*BP*ACM-9001";
    const qsizetype at = content.indexOf(line);
    QVERIFY(at >= 0);
    content.replace(at, line.size(), QByteArray("PO1*10*2*CA*240.00*" + ids));
    const ParsedDocument doc = X12PurchaseOrderReader::read(content, u"po.x12"_s);
    QVERIFY2(doc.problems.isEmpty(), qPrintable(doc.problems.value(0).toString()));
    const ImportedOrder& second = doc.orders.at(1);
    QCOMPARE(second.order.lines.at(0).skuCode, sku);
    const QList<QByteArray> elements = ids.split('*');
    QCOMPARE(second.partNumbers.value(1).size(), (elements.size() - 1) / 2); // every pair kept
}

QTEST_GUILESS_MAIN(TestX12PurchaseOrderReader)
#include "tst_x12purchaseorderreader.moc"
