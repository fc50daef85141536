#include "Error.h"
#include "TestData.h"
#include "formats/FulfillmentJsonWriter.h"
#include "formats/X12AcknowledgementWriter.h"
#include "formats/X12PurchaseOrderReader.h"
#include "formats/X12ShipNoticeWriter.h"
#include "formats/x12/X12Interchange.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

// The first purchase order of the two-set fixture, read back from its source document as the service does.
X12StoredPurchaseOrder firstPurchaseOrder() {
    const ParsedDocument doc = X12PurchaseOrderReader::read(fixture(u"850-two-orders.x12"_s), u"po.x12"_s);
    return readX12SourceDocument(doc.orders.at(0).source.content, u"po.x12"_s);
}

QStringList trimmed(QStringList elements) {
    while (!elements.isEmpty() && elements.last().isEmpty())
        elements.removeLast();
    return elements;
}

// Every segment written comes back from the generic reader with the same id and elements.
void compareRoundTrip(const X12Interchange& read, const X12OutSet& written) {
    QCOMPARE(read.groups.size(), 1);
    QCOMPARE(read.groups[0].sets.size(), 1);
    const X12TransactionSet& set = read.groups[0].sets[0];
    QVERIFY2(set.problem.isEmpty(), qPrintable(set.problem));
    QCOMPARE(set.id, written.id);
    QCOMPARE(set.controlNumber, u"0001"_s);
    QCOMPARE(set.last - set.first - 1, written.segments.size());
    for (int i = 0; i < written.segments.size(); ++i) {
        const X12Segment& got = read.segments.at(set.first + 1 + i);
        QCOMPARE(got.id, written.segments[i].id);
        QCOMPARE(got.elements, trimmed(written.segments[i].elements));
    }
}

const QDateTime when(QDate(2026, 12, 3), QTime(16, 45), QTimeZone::utc());

} // namespace

class TestX12Writer : public QObject {
    Q_OBJECT
private slots:
    void envelopeIsWhatTheReaderExpects();
    void delimitersInValuesAreReplaced();
    void acknowledgementRoundTrips();
    void acknowledgementType_data();
    void acknowledgementType();
    void shipNoticeRoundTrips();
    void fulfillmentJsonKeepsIdsExact();
};

void TestX12Writer::envelopeIsWhatTheReaderExpects() {
    const X12StoredPurchaseOrder po = firstPurchaseOrder();
    const X12OutEnvelope env = X12AcknowledgementWriter::replyEnvelope(po.interchange, u"PR"_s, 42, when);
    const QByteArray bytes = X12Writer::write(env, {X12AcknowledgementWriter::build(po.order, {}, when)});
    QVERIFY(bytes.startsWith(
        "ISA*00*          *00*          *ZZ*ORDOVENDOR     *ZZ*ACMERETAIL     *261203*1645*U*"
        "00401*000000042*0*P*:~\n"));
    const X12Interchange read = X12Interchange::parse(bytes, u"855.x12"_s);
    QCOMPARE(read.senderId, u"ORDOVENDOR"_s);
    QCOMPARE(read.receiverId, u"ACMERETAIL"_s);
    QCOMPARE(read.controlNumber, u"000000042"_s);
    QCOMPARE(read.version, u"00401"_s);
    QCOMPARE(read.usage, u"P"_s);
    QCOMPARE(read.groups[0].functionalId, u"PR"_s);
    QCOMPARE(read.groups[0].senderCode, u"ORDOVENDOR"_s);
    QCOMPARE(read.groups[0].receiverCode, u"ACMERETAIL"_s);
    QCOMPARE(read.groups[0].controlNumber, u"42"_s);
    QCOMPARE(read.groups[0].version, u"004010"_s);
    QCOMPARE(read.groups[0].date, u"20261203"_s);
    QCOMPARE(read.groups[0].time, u"1645"_s);
    QVERIFY(bytes.endsWith("GE*1*42~\nIEA*1*000000042~\n"));
    X12OutEnvelope bad = env;
    bad.controlNumber = 1000000000;
    QVERIFY_THROWS_EXCEPTION(Error, X12Writer::write(bad, {}));
}

void TestX12Writer::delimitersInValuesAreReplaced() {
    X12OutEnvelope env;
    env.senderId = u"ME"_s;
    env.receiverId = u"YOU"_s;
    env.functionalId = u"SH"_s;
    env.at = when;
    const X12OutSet set{u"856"_s, {{u"N1"_s, {u"ST"_s, u"Smith * Sons: Depot~2"_s}}}};
    const X12Interchange read = X12Interchange::parse(X12Writer::write(env, {set}), u"x.x12"_s);
    QCOMPARE(read.segments.at(3).elements, (QStringList{u"ST"_s, u"Smith   Sons  Depot 2"_s}));
}

void TestX12Writer::acknowledgementRoundTrips() {
    const X12StoredPurchaseOrder po = firstPurchaseOrder();
    // Line 1: 10 of 12 now, 2 backordered; line 2 rejected.
    const QHash<int, X12LineAck> acks{{1, {10, 2, 0}}, {2, {0, 0, 3}}};
    const X12OutSet set = X12AcknowledgementWriter::build(po.order, acks, when);
    const QByteArray bytes =
        X12Writer::write(X12AcknowledgementWriter::replyEnvelope(po.interchange, u"PR"_s, 7, when), {set});
    const X12Interchange read = X12Interchange::parse(bytes, u"855.x12"_s);
    compareRoundTrip(read, set);

    const QList<X12Segment>& s = read.segments;
    const int st = read.groups[0].sets[0].first;
    const QList<QStringList> expected = {
        {u"BAK"_s, u"00"_s, u"AC"_s, u"4500012345"_s, u"20261130"_s, {}, {}, {}, {}, u"20261203"_s},
        {u"PO1"_s,
         u"1"_s,
         u"12"_s,
         u"EA"_s,
         u"19.99"_s,
         {},
         u"VP"_s,
         u"SKU-1"_s,
         u"UP"_s,
         u"012345678905"_s,
         u"BP"_s,
         u"ACM-5531"_s},
        {u"ACK"_s, u"IA"_s, u"10"_s, u"EA"_s, u"068"_s, u"20261203"_s},
        {u"ACK"_s, u"IB"_s, u"2"_s, u"EA"_s, u"068"_s, u"20261203"_s},
        {u"PO1"_s,
         u"2"_s,
         u"3"_s,
         u"EA"_s,
         u"149.50"_s,
         {},
         u"BP"_s,
         u"ACM-7710"_s,
         u"UP"_s,
         u"098765432109"_s},
        {u"ACK"_s, u"IR"_s, u"3"_s, u"EA"_s, u"068"_s, u"20261203"_s},
        {u"CTT"_s, u"2"_s},
        {u"SE"_s, u"9"_s, u"0001"_s},
    };
    for (int i = 0; i < expected.size(); ++i) {
        const X12Segment& got = s.at(st + 1 + i);
        QCOMPARE(QStringList{got.id} + got.elements, expected[i]);
    }
}

void TestX12Writer::acknowledgementType_data() {
    QTest::addColumn<int>("accepted1");
    QTest::addColumn<int>("rejected1");
    QTest::addColumn<int>("accepted2");
    QTest::addColumn<int>("rejected2");
    QTest::addColumn<QString>("type");
    QTest::newRow("all as ordered") << 12 << 0 << 3 << 0 << u"AD"_s;
    QTest::newRow("one line short") << 11 << 1 << 3 << 0 << u"AC"_s;
    QTest::newRow("all rejected") << 0 << 12 << 0 << 3 << u"RD"_s;
}

void TestX12Writer::acknowledgementType() {
    QFETCH(int, accepted1);
    QFETCH(int, rejected1);
    QFETCH(int, accepted2);
    QFETCH(int, rejected2);
    QFETCH(QString, type);
    const X12StoredPurchaseOrder po = firstPurchaseOrder();
    const X12OutSet set = X12AcknowledgementWriter::build(
        po.order, {{1, {accepted1, 0, rejected1}}, {2, {accepted2, 0, rejected2}}}, when);
    QCOMPARE(set.segments.first().id, u"BAK"_s);
    QCOMPARE(set.segments.first().elements.at(1), type);
}

void TestX12Writer::shipNoticeRoundTrips() {
    const X12StoredPurchaseOrder po = firstPurchaseOrder();
    Order stored = po.order.imported.order;
    stored.lines[1].status = OrderStatus::Cancelled; // line 2 did not ship
    ShipmentInfo shipment;
    shipment.shipmentId = u"SHP-1001"_s;
    shipment.shippedAt = when;
    shipment.carrier = u"UPSN"_s;
    shipment.trackingNumber = u"1Z999AA10123456784"_s;
    shipment.packages = 2;
    const X12OutSet set = X12ShipNoticeWriter::build(po.order, stored, shipment);
    const QByteArray bytes =
        X12Writer::write(X12AcknowledgementWriter::replyEnvelope(po.interchange, u"SH"_s, 8, when), {set});
    const X12Interchange read = X12Interchange::parse(bytes, u"856.x12"_s);
    compareRoundTrip(read, set);
    QCOMPARE(read.groups[0].functionalId, u"SH"_s);

    const int st = read.groups[0].sets[0].first;
    const QList<QStringList> expected = {
        {u"BSN"_s, u"00"_s, u"SHP-1001"_s, u"20261203"_s, u"1645"_s, u"0004"_s},
        {u"HL"_s, u"1"_s, {}, u"S"_s},
        {u"TD1"_s, u"CTN25"_s, u"2"_s},
        {u"TD5"_s, {}, u"2"_s, u"UPSN"_s, {}, u"UPS Ground"_s},
        {u"REF"_s, u"CN"_s, u"1Z999AA10123456784"_s},
        {u"DTM"_s, u"011"_s, u"20261203"_s, u"1645"_s},
        {u"N1"_s, u"ST"_s, u"Acme Store 118, Receiving Dock 4"_s},
        {u"N3"_s, u"2150 Market Street, Suite 100"_s},
        {u"N4"_s, u"Louisville"_s, u"KY"_s, u"40202"_s, u"US"_s},
        {u"HL"_s, u"2"_s, u"1"_s, u"O"_s},
        {u"PRF"_s, u"4500012345"_s, {}, {}, u"20261130"_s},
        {u"HL"_s, u"3"_s, u"2"_s, u"I"_s},
        {u"LIN"_s, u"1"_s, u"VP"_s, u"SKU-1"_s, u"UP"_s, u"012345678905"_s, u"BP"_s, u"ACM-5531"_s},
        {u"SN1"_s, u"1"_s, u"12"_s, u"EA"_s},
        {u"CTT"_s, u"3"_s},
        {u"SE"_s, u"17"_s, u"0001"_s},
    };
    for (int i = 0; i < expected.size(); ++i) {
        const X12Segment& got = read.segments.at(st + 1 + i);
        QCOMPARE(QStringList{got.id} + got.elements, expected[i]);
    }
}

void TestX12Writer::fulfillmentJsonKeepsIdsExact() {
    Order order;
    order.externalId = u"5710348877112233445"_s; // above 2^53: a double would round it
    OrderLine a;
    a.lineNo = 1;
    a.externalLineId = u"13577000000000000011"_s; // 20 digits: more than 64 bits, written as a string
    a.quantity = 2;
    OrderLine b;
    b.lineNo = 2;
    b.externalLineId = u"466157049"_s;
    b.quantity = 1;
    OrderLine c;
    c.lineNo = 3;
    c.skuCode = u"SKU-\"9\""_s;
    c.quantity = 4;
    OrderLine d = c;
    d.lineNo = 4;
    d.status = OrderStatus::Cancelled;
    order.lines = {a, b, c, d};
    const QByteArray json = FulfillmentJsonWriter::write(order, u"1Z999AA10123456784"_s, u"UPS"_s);
    const QByteArray expected =
        "{\"fulfillment\":{\"order_id\":5710348877112233445,\"line_items\":["
        "{\"id\":\"13577000000000000011\",\"quantity\":2},{\"id\":466157049,\"quantity\":1},"
        "{\"sku\":\"SKU-\\\"9\\\"\",\"quantity\":4}],\"tracking_number\":\"1Z999AA10123456784\","
        "\"tracking_company\":\"UPS\"}}";
    QCOMPARE(json, expected);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object()[u"fulfillment"_s].toObject()[u"line_items"_s].toArray().size(), 3);
    const QByteArray some = FulfillmentJsonWriter::write(order, u"T"_s, u"C"_s, {2});
    QVERIFY(some.contains("\"line_items\":[{\"id\":466157049,\"quantity\":1}]"));
}

QTEST_GUILESS_MAIN(TestX12Writer)
#include "tst_x12writer.moc"
