#include "Error.h"
#include "SampleWorld.h"
#include "TestData.h"
#include "TestDatabase.h"
#include "channels/ImportService.h"
#include "channels/OutboundDocuments.h"
#include "channels/TradingPartners.h"
#include "formats/X12PurchaseOrderReader.h"
#include "formats/x12/X12Interchange.h"
#include "lifecycle/OrderLifecycle.h"
#include "orders/OrderCapture.h"
#include "orders/OrderQuery.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

QByteArray fixture(const QString& name) {
    QFile file(test::testDataPath(u"x12/"_s + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(name));
    return file.readAll();
}

// The segment `id` of the first set, as id + elements.
QStringList segment(const X12Interchange& ic, const QString& id, int occurrence = 0) {
    const X12TransactionSet& set = ic.groups.at(0).sets.at(0);
    for (int i = set.first; i <= set.last; ++i)
        if (ic.segments.at(i).id == id && occurrence-- == 0)
            return QStringList{id} + ic.segments.at(i).elements;
    return {};
}

} // namespace

class TestOutboundDocuments : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void acknowledgesAnX12Order();
    void controlNumbersNeverRepeat();
    void cancelledLinesAreRejected();
    void shippingAB2bOrderMakesTheShipNotice();
    void shipNoticeWithTracking();
    void shippingSomeLinesListsThoseLines();
    void otherOrdersGetNoX12();
    void unreadableSourceDoesNotStopTheShipment();
    void commandLineListsAndShows();
    void unfillableLinesAsThePartnerSays_data();
    void unfillableLinesAsThePartnerSays();
    void waitingAcknowledgementFollowsTheException_data();
    void waitingAcknowledgementFollowsTheException();
    void partnersCommand();
    void shipNoticeOnlyForAShipmentThatLeft_data();
    void shipNoticeOnlyForAShipmentThatLeft();

private:
    qint64 captureX12(int index);
    void advanceToShipped(qint64 id);
    std::unique_ptr<test::TestDatabase> m_test;
    const Actor m_admin{u"ana"_s, Role::Admin};
};

void TestOutboundDocuments::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(m_test->db());
}

// Captures the index-th order of the two-set fixture with its source document, the way the import does.
qint64 TestOutboundDocuments::captureX12(int index) {
    const ParsedDocument doc = X12PurchaseOrderReader::read(fixture(u"850-two-orders.x12"_s), u"acme.x12"_s);
    ImportedOrder imported = doc.orders.at(index);
    // What the cross-reference would do for the lines the partner named by its own part numbers.
    for (OrderLine& line : imported.order.lines)
        if (line.skuCode.isEmpty())
            line.skuCode = u"SKU-2"_s;
    const auto result = OrderCapture(m_test->db(), Actor::system()).capture(imported.order);
    if (result.outcome != OrderCapture::Outcome::Validated)
        qWarning() << "capture held the order:"
                   << (result.reasons.isEmpty() ? QString() : result.reasons[0].detail);
    SqlQuery q(m_test->db(),
               u"INSERT INTO source_documents (order_id, format, file_name, reference, content, "
               "imported_at) VALUES (:o, :f, :n, :r, :c, :t)"_s);
    q.bind(u":o"_s, result.orderId)
        .bind(u":f"_s, imported.source.format)
        .bind(u":n"_s, imported.source.fileName)
        .bind(u":r"_s, imported.source.reference)
        .bind(u":c"_s, QString::fromUtf8(imported.source.content))
        .bind(u":t"_s, nowStoredTime());
    q.exec();
    return result.orderId;
}

void TestOutboundDocuments::advanceToShipped(qint64 id) {
    OrderLifecycle lifecycle(m_test->db());
    for (OrderStatus s : {OrderStatus::Routed, OrderStatus::Released, OrderStatus::Picking,
                          OrderStatus::Packed, OrderStatus::Shipped})
        lifecycle.transition(id, s, m_admin);
}

void TestOutboundDocuments::acknowledgesAnX12Order() {
    const qint64 id = captureX12(0);
    OutboundDocuments documents(m_test->db(), m_admin);
    const OutboundDocument made = documents.acknowledge(id);
    QCOMPARE(made.kind, u"x12_855"_s);
    QCOMPARE(made.controlNumber, u"000000001"_s);
    QCOMPARE(made.orderId, id);

    const auto stored = documents.find(made.id);
    QVERIFY(stored);
    QCOMPARE(stored->content, made.content);
    QCOMPARE(stored->controlNumber, u"000000001"_s);
    const X12Interchange ic = X12Interchange::parse(stored->content.toUtf8(), u"855"_s);
    QCOMPARE(ic.senderId, u"ORDOVENDOR"_s);
    QCOMPARE(ic.receiverId, u"ACMERETAIL"_s);
    QCOMPARE(ic.controlNumber, u"000000001"_s);
    QCOMPARE(ic.groups[0].sets[0].id, u"855"_s);
    const QStringList bak = segment(ic, u"BAK"_s);
    QCOMPARE(bak.mid(0, 5), (QStringList{u"BAK"_s, u"00"_s, u"AD"_s, u"4500012345"_s, u"20261130"_s}));
    QCOMPARE(segment(ic, u"ACK"_s, 0).mid(0, 4), (QStringList{u"ACK"_s, u"IA"_s, u"12"_s, u"EA"_s}));
    QCOMPARE(segment(ic, u"ACK"_s, 1).mid(0, 4), (QStringList{u"ACK"_s, u"IA"_s, u"3"_s, u"EA"_s}));
    QCOMPARE(segment(ic, u"CTT"_s), (QStringList{u"CTT"_s, u"2"_s}));

    const QList<OutboundDocument> list = documents.forOrder(id);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].id, made.id);
    // The audit trail says a document went out.
    const auto detail = OrderQuery(m_test->db()).detail(id);
    QCOMPARE(detail->events.last().action, u"document"_s);
    QCOMPARE(detail->events.last().reason, u"x12_855"_s);
}

void TestOutboundDocuments::controlNumbersNeverRepeat() {
    const qint64 a = captureX12(0);
    const qint64 b = captureX12(1);
    OutboundDocuments documents(m_test->db(), m_admin);
    QSet<QString> seen;
    for (qint64 id : {a, b, a, b}) {
        const OutboundDocument d = documents.acknowledge(id);
        QVERIFY2(!seen.contains(d.controlNumber), qPrintable(d.controlNumber));
        seen.insert(d.controlNumber);
        QCOMPARE(X12Interchange::parse(d.content.toUtf8(), u"855"_s).controlNumber, d.controlNumber);
    }
    QCOMPARE(seen, (QSet<QString>{u"000000001"_s, u"000000002"_s, u"000000003"_s, u"000000004"_s}));
    // The counter wraps after 999999999 and starts again at 1.
    SqlQuery(m_test->db(), u"UPDATE meta SET value = '999999999' WHERE key = 'x12_control_number'"_s).exec();
    QCOMPARE(documents.acknowledge(a).controlNumber, u"000000001"_s);
}

void TestOutboundDocuments::cancelledLinesAreRejected() {
    const qint64 id = captureX12(0);
    OrderLifecycle(m_test->db()).cancel(id, m_admin, u"PARTNER_REQUEST"_s, {});
    const OutboundDocument d = OutboundDocuments(m_test->db(), m_admin).acknowledge(id);
    const X12Interchange ic = X12Interchange::parse(d.content.toUtf8(), u"855"_s);
    QCOMPARE(segment(ic, u"BAK"_s).at(2), u"RD"_s);
    QCOMPARE(segment(ic, u"ACK"_s, 0).mid(0, 3), (QStringList{u"ACK"_s, u"IR"_s, u"12"_s}));
    QCOMPARE(segment(ic, u"ACK"_s, 1).mid(0, 3), (QStringList{u"ACK"_s, u"IR"_s, u"3"_s}));
}

void TestOutboundDocuments::shippingAB2bOrderMakesTheShipNotice() {
    const qint64 id = captureX12(0);
    OutboundDocuments documents(m_test->db(), m_admin);
    documents.acknowledge(id);
    advanceToShipped(id);
    const QList<OutboundDocument> list = documents.forOrder(id);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[1].kind, u"x12_856"_s);
    QCOMPARE(list[1].controlNumber, u"000000002"_s);
    const X12Interchange ic = X12Interchange::parse(list[1].content.toUtf8(), u"856"_s);
    QCOMPARE(ic.groups[0].functionalId, u"SH"_s);
    QCOMPARE(ic.groups[0].sets[0].id, u"856"_s);
    QCOMPARE(segment(ic, u"PRF"_s).at(1), u"4500012345"_s);
    QCOMPARE(segment(ic, u"TD5"_s).at(5), u"UPS Ground"_s);
    QCOMPARE(segment(ic, u"SN1"_s, 0), (QStringList{u"SN1"_s, u"1"_s, u"12"_s, u"EA"_s}));
    QCOMPARE(segment(ic, u"SN1"_s, 1), (QStringList{u"SN1"_s, u"2"_s, u"3"_s, u"EA"_s}));
    QCOMPARE(segment(ic, u"CTT"_s), (QStringList{u"CTT"_s, u"4"_s})); // shipment, order, two items
    QCOMPARE(OrderQuery(m_test->db()).detail(id)->order.status, OrderStatus::Shipped);
}

void TestOutboundDocuments::shippingSomeLinesListsThoseLines() {
    const qint64 id = captureX12(0);
    OrderLifecycle lifecycle(m_test->db());
    for (OrderStatus s :
         {OrderStatus::Routed, OrderStatus::Released, OrderStatus::Picking, OrderStatus::Packed})
        lifecycle.transition(id, s, m_admin);
    lifecycle.advanceLines(id, {2}, OrderStatus::Shipped, m_admin);
    const QList<OutboundDocument> list = OutboundDocuments(m_test->db(), m_admin).forOrder(id);
    QCOMPARE(list.size(), 1);
    const X12Interchange ic = X12Interchange::parse(list[0].content.toUtf8(), u"856"_s);
    QCOMPARE(segment(ic, u"SN1"_s, 0), (QStringList{u"SN1"_s, u"2"_s, u"3"_s, u"EA"_s}));
    QVERIFY(segment(ic, u"SN1"_s, 1).isEmpty());
    QCOMPARE(segment(ic, u"CTT"_s), (QStringList{u"CTT"_s, u"3"_s}));
}

void TestOutboundDocuments::shipNoticeWithTracking() {
    const qint64 id = captureX12(1);
    advanceToShipped(id); // an 856 tells of a shipment that left
    ShipmentInfo shipment;
    shipment.carrier = u"FDEG"_s;
    shipment.trackingNumber = u"794612345678"_s;
    shipment.packages = 3;
    shipment.shipmentId = u"S-77"_s;
    const OutboundDocument d = OutboundDocuments(m_test->db(), m_admin).shipNotice(id, shipment);
    const X12Interchange ic = X12Interchange::parse(d.content.toUtf8(), u"856"_s);
    QCOMPARE(segment(ic, u"BSN"_s).at(2), u"S-77"_s);
    QCOMPARE(segment(ic, u"REF"_s), (QStringList{u"REF"_s, u"CN"_s, u"794612345678"_s}));
    QCOMPARE(segment(ic, u"TD1"_s), (QStringList{u"TD1"_s, u"CTN25"_s, u"3"_s}));
    QCOMPARE(segment(ic, u"LIN"_s),
             (QStringList{u"LIN"_s, u"10"_s, u"SK"_s, u"SKU-3"_s, u"BP"_s, u"ACM-9001"_s}));
    QCOMPARE(segment(ic, u"SN1"_s), (QStringList{u"SN1"_s, u"10"_s, u"2"_s, u"CA"_s}));
}

void TestOutboundDocuments::otherOrdersGetNoX12() {
    OrderCapture capture(m_test->db(), Actor::system());
    Order web = test::sampleOrder(u"W-1"_s, {{u"SKU-1"_s, 2}});
    web.externalId = u"5710348877112233445"_s;
    web.lines[0].externalLineId = u"466157049"_s;
    const qint64 id = capture.capture(web).orderId;
    advanceToShipped(id);
    OutboundDocuments documents(m_test->db(), m_admin);
    QVERIFY(documents.forOrder(id).isEmpty());
    QVERIFY_THROWS_EXCEPTION(Error, documents.acknowledge(id));
    try {
        documents.shipNotice(id, {});
        QFAIL("an 856 was made for a web order");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::State);
    }
    ShipmentInfo shipment;
    shipment.carrier = u"UPS"_s;
    shipment.trackingNumber = u"1Z999"_s;
    const OutboundDocument d = documents.fulfillment(id, shipment);
    QCOMPARE(d.kind, u"fulfillment_json"_s);
    QVERIFY(d.controlNumber.isEmpty());
    const QJsonObject f = QJsonDocument::fromJson(d.content.toUtf8()).object()[u"fulfillment"_s].toObject();
    QCOMPARE(f[u"tracking_number"_s].toString(), u"1Z999"_s);
    QCOMPARE(f[u"tracking_company"_s].toString(), u"UPS"_s);
    QCOMPARE(f[u"line_items"_s].toArray().size(), 1);
    QCOMPARE(f[u"line_items"_s].toArray()[0].toObject()[u"quantity"_s].toInt(), 2);
    QVERIFY(d.content.contains(u"\"order_id\":5710348877112233445"_s));
    QVERIFY_THROWS_EXCEPTION(Error, documents.acknowledge(999999));
}

void TestOutboundDocuments::unreadableSourceDoesNotStopTheShipment() {
    const qint64 id = captureX12(0);
    SqlQuery(m_test->db(), u"UPDATE source_documents SET content = 'ISA*broken'"_s).exec();
    advanceToShipped(id);
    QCOMPARE(OrderQuery(m_test->db()).detail(id)->order.status, OrderStatus::Shipped);
    QVERIFY(OutboundDocuments(m_test->db(), m_admin).forOrder(id).isEmpty());
    bool noted = false;
    const auto detail = OrderQuery(m_test->db()).detail(id);
    for (const AuditEvent& e : detail->events)
        noted = noted || (e.action == u"document"_s && e.reason == u"x12_856_failed"_s &&
                          e.detail.contains(u"segment 1 (ISA)"_s));
    QVERIFY(noted);
}

void TestOutboundDocuments::commandLineListsAndShows() {
    const qint64 id = captureX12(0);
    OutboundDocuments(m_test->db(), m_admin).acknowledge(id);
    advanceToShipped(id); // the 856 made as it ships: control number 2
    auto ordo = [](const QStringList& arguments) {
        QProcess process;
        process.start(QStringLiteral(ORDO_EXECUTABLE), arguments);
        process.waitForFinished(60000);
        return std::make_tuple(process.exitCode(), process.readAllStandardOutput(),
                               process.readAllStandardError());
    };
    auto [code, out, err] = ordo({u"documents"_s, u"ship-notice"_s, u"--db"_s, m_test->url(), u"--order"_s,
                                  u"4500012345"_s, u"--tracking"_s, u"1Z1"_s, u"--json"_s});
    QVERIFY2(code == 0, err.constData());
    const qint64 shipNoticeId = QJsonDocument::fromJson(out).object()[u"id"_s].toInteger();
    QVERIFY(shipNoticeId > 0);

    std::tie(code, out, err) =
        ordo({u"documents"_s, u"--db"_s, m_test->url(), u"--order"_s, u"4500012345"_s, u"--json"_s});
    QVERIFY2(code == 0, err.constData());
    const QJsonArray list = QJsonDocument::fromJson(out).array();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list[0].toObject()[u"kind"_s].toString(), u"x12_855"_s);
    QCOMPARE(list[0].toObject()[u"control_number"_s].toString(), u"000000001"_s);
    QCOMPARE(list[1].toObject()[u"kind"_s].toString(), u"x12_856"_s);
    QCOMPARE(list[2].toObject()[u"kind"_s].toString(), u"x12_856"_s);
    QCOMPARE(list[2].toObject()[u"control_number"_s].toString(), u"000000003"_s);
    QCOMPARE(list[2].toObject()[u"id"_s].toInteger(), shipNoticeId);

    std::tie(code, out, err) =
        ordo({u"documents"_s, u"show"_s, u"--db"_s, m_test->url(), u"--id"_s, QString::number(shipNoticeId)});
    QVERIFY2(code == 0, err.constData());
    QVERIFY(out.startsWith("ISA*00*"));
    QVERIFY(out.contains("REF*CN*1Z1~"));

    std::tie(code, out, err) =
        ordo({u"documents"_s, u"show"_s, u"--db"_s, m_test->url(), u"--id"_s, u"999"_s});
    QCOMPARE(code, 3);
    std::tie(code, out, err) = ordo({u"documents"_s, u"show"_s, u"--db"_s, m_test->url()});
    QCOMPARE(code, 2);
}

// The fixture's first order through `ordo import`'s service, with no cross-reference: line 1 names our SKU
// (VP SKU-1), line 2 only the buyer's number and a UPC the catalogue does not know, so the order is held with
// UNKNOWN_SKU. Its 855 accepts line 1 and answers line 2 as the partner's setting says, with the reason; it
// no longer accepts every line.
void TestOutboundDocuments::unfillableLinesAsThePartnerSays_data() {
    QTest::addColumn<QString>("partner"); // whose row is set; empty: none
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("bak");   // BAK02
    QTest::addColumn<QString>("line2"); // ACK01 of line 2
    QTest::newRow("no setting: rejected") << QString() << QString() << u"AC"_s << u"IR"_s;
    QTest::newRow("reject") << u"ACMERETAIL"_s << u"reject"_s << u"AC"_s << u"IR"_s;
    QTest::newRow("backorder") << u"ACMERETAIL"_s << u"backorder"_s << u"AC"_s << u"IB"_s;
    QTest::newRow("every partner backorders") << u"*"_s << u"backorder"_s << u"AC"_s << u"IB"_s;
    QTest::newRow("another partner's setting") << u"OTHERCO"_s << u"backorder"_s << u"AC"_s << u"IR"_s;
}

void TestOutboundDocuments::unfillableLinesAsThePartnerSays() {
    QFETCH(QString, partner);
    QFETCH(QString, setting);
    QFETCH(QString, bak);
    QFETCH(QString, line2);
    if (!partner.isEmpty())
        TradingPartners(m_test->db(), m_admin).setUnfillableLines(partner, *unfillableLinesFromCode(setting));
    const ImportReport report = ImportService(m_test->db(), Actor{u"import"_s, Role::System})
                                    .importFiles({test::testDataPath(u"x12/850-two-orders.x12"_s)});
    QCOMPARE(report.exceptions, 1);
    const qint64 id = *OrderQuery(m_test->db()).findId(u"4500012345"_s);
    QCOMPARE(OrderQuery(m_test->db()).detail(id)->order.status, OrderStatus::Exception);
    const QList<OutboundDocument> documents = OutboundDocuments(m_test->db(), m_admin).forOrder(id);
    QCOMPARE(documents.size(), 1);
    QCOMPARE(documents[0].kind, u"x12_855"_s);
    const X12Interchange ic = X12Interchange::parse(documents[0].content.toUtf8(), u"855"_s);
    const QString today = documents[0].createdAt.toUTC().toString(u"yyyyMMdd"_s);
    QCOMPARE(segment(ic, u"BAK"_s).mid(0, 5),
             (QStringList{u"BAK"_s, u"00"_s, bak, u"4500012345"_s, u"20261130"_s}));
    QCOMPARE(segment(ic, u"PO1"_s, 0).mid(0, 3), (QStringList{u"PO1"_s, u"1"_s, u"12"_s}));
    QCOMPARE(segment(ic, u"ACK"_s, 0), (QStringList{u"ACK"_s, u"IA"_s, u"12"_s, u"EA"_s, u"068"_s, today}));
    QCOMPARE(segment(ic, u"PO1"_s, 1).mid(0, 3), (QStringList{u"PO1"_s, u"2"_s, u"3"_s}));
    QCOMPARE(segment(ic, u"ACK"_s, 1), (QStringList{u"ACK"_s, line2, u"3"_s, u"EA"_s, u"068"_s, today}));
    QCOMPARE(segment(ic, u"MSG"_s, 0),
             (QStringList{u"MSG"_s,
                          u"UNKNOWN_SKU - no SKU of ours for the item (BP ACM-7710, UP 098765432109)"_s}));
    QVERIFY(segment(ic, u"ACK"_s, 2).isEmpty()); // one status per line
    QVERIFY(segment(ic, u"MSG"_s, 1).isEmpty()); // an accepted line needs no reason
    // The second order's line is known: its 855 accepts it whole.
    const qint64 other = *OrderQuery(m_test->db()).findId(u"4500012346"_s);
    const X12Interchange second = X12Interchange::parse(
        OutboundDocuments(m_test->db(), m_admin).forOrder(other).value(0).content.toUtf8(), u"855"_s);
    QCOMPARE(segment(second, u"BAK"_s).at(2), u"AD"_s);
    QCOMPARE(segment(second, u"ACK"_s, 0).mid(0, 3), (QStringList{u"ACK"_s, u"IA"_s, u"2"_s}));
}

// A partner whose 855 waits: none is made while the order is held (an audit event says it waits, and asking
// for one is refused); settling the exception makes it: mapping the unknown line with `ordo order map-sku`
// releases the order and accepts both lines, cancelling it rejects both.
void TestOutboundDocuments::waitingAcknowledgementFollowsTheException_data() {
    QTest::addColumn<QString>("settle");
    QTest::addColumn<QString>("bak");
    QTest::addColumn<QStringList>("acks"); // ACK01 and ACK02 of each line
    QTest::newRow("released") << u"map-sku"_s << u"AD"_s << QStringList{u"IA"_s, u"12"_s, u"IA"_s, u"3"_s};
    QTest::newRow("cancelled") << u"cancel"_s << u"RD"_s << QStringList{u"IR"_s, u"12"_s, u"IR"_s, u"3"_s};
}

void TestOutboundDocuments::waitingAcknowledgementFollowsTheException() {
    QFETCH(QString, settle);
    QFETCH(QString, bak);
    QFETCH(QStringList, acks);
    TradingPartners(m_test->db(), m_admin).setUnfillableLines(u"ACMERETAIL"_s, UnfillableLines::Wait);
    ImportService(m_test->db(), Actor{u"import"_s, Role::System})
        .importFiles({test::testDataPath(u"x12/850-two-orders.x12"_s)});
    const qint64 id = *OrderQuery(m_test->db()).findId(u"4500012345"_s);
    OutboundDocuments documents(m_test->db(), m_admin);
    QVERIFY(documents.forOrder(id).isEmpty());
    const auto detail = OrderQuery(m_test->db()).detail(id);
    QCOMPARE(detail->events.last().reason, u"x12_855_waiting"_s);
    QCOMPARE(detail->events.last().detail,
             u"partner ACMERETAIL is acknowledged when the exception is resolved"_s);
    try {
        documents.acknowledge(id);
        QFAIL("an 855 was made while its partner waits");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::State);
        QCOMPARE(e.message(),
                 u"order 4500012345 is held in exception; partner ACMERETAIL's 855 waits until the "
                 "exception is resolved (ordo partners)"_s);
    }
    // The known order of the same interchange was not held: it was acknowledged at once.
    QCOMPARE(documents.forOrder(*OrderQuery(m_test->db()).findId(u"4500012346"_s)).size(), 1);

    if (settle == u"map-sku"_s) {
        QProcess process;
        process.start(QStringLiteral(ORDO_EXECUTABLE),
                      {u"order"_s, u"map-sku"_s, u"--db"_s, m_test->url(), u"--order"_s, u"4500012345"_s,
                       u"--line"_s, u"2"_s, u"--sku"_s, u"SKU-4"_s});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QCOMPARE(OrderQuery(m_test->db()).detail(id)->order.status, OrderStatus::Validated);
    } else {
        OrderLifecycle(m_test->db()).cancel(id, m_admin, u"PARTNER_REQUEST"_s, {});
    }
    const QList<OutboundDocument> made = documents.forOrder(id);
    QCOMPARE(made.size(), 1);
    const X12Interchange ic = X12Interchange::parse(made[0].content.toUtf8(), u"855"_s);
    QCOMPARE(segment(ic, u"BAK"_s).at(2), bak);
    QCOMPARE(segment(ic, u"ACK"_s, 0).mid(0, 3), (QStringList{u"ACK"_s, acks.at(0), acks.at(1)}));
    QCOMPARE(segment(ic, u"ACK"_s, 1).mid(0, 3), (QStringList{u"ACK"_s, acks.at(2), acks.at(3)}));
    QVERIFY(segment(ic, u"ACK"_s, 2).isEmpty());
    // Settled once: nothing more is made.
    QVERIFY(!documents.acknowledgeWhenDue(id));
    QCOMPARE(documents.forOrder(id).size(), 1);
}

// `ordo partners set|list`: the setting through the command line, audited, and a usage error for a value
// that is not one.
void TestOutboundDocuments::partnersCommand() {
    auto ordo = [this](const QStringList& arguments) {
        QProcess process;
        process.start(QStringLiteral(ORDO_EXECUTABLE), arguments + QStringList{u"--db"_s, m_test->url()});
        process.waitForFinished(60000);
        return std::make_tuple(process.exitCode(), process.readAllStandardOutput(),
                               process.readAllStandardError());
    };
    auto [code, out, err] =
        ordo({u"partners"_s, u"set"_s, u"--partner"_s, u"ACMERETAIL"_s, u"--unfillable-lines"_s, u"wait"_s});
    QVERIFY2(code == 0, err.constData());
    QCOMPARE(TradingPartners(m_test->db(), m_admin).unfillableLines(u"ACMERETAIL"_s), UnfillableLines::Wait);
    QCOMPARE(TradingPartners(m_test->db(), m_admin).unfillableLines(u"OTHERCO"_s), UnfillableLines::Reject);
    std::tie(code, out, err) = ordo({u"partners"_s, u"list"_s, u"--json"_s});
    QVERIFY2(code == 0, err.constData());
    const QJsonArray list = QJsonDocument::fromJson(out).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].toObject()[u"partner"_s].toString(), u"ACMERETAIL"_s);
    QCOMPARE(list[0].toObject()[u"unfillable_lines"_s].toString(), u"wait"_s);
    const QList<QVariantList> audit = SqlQuery::rows(
        m_test->db(),
        u"SELECT action, from_state, to_state FROM audit_events WHERE entity = 'trading_partner'"_s);
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit[0], (QVariantList{u"unfillable_lines"_s, u"reject"_s, u"wait"_s}));
    std::tie(code, out, err) =
        ordo({u"partners"_s, u"set"_s, u"--partner"_s, u"ACMERETAIL"_s, u"--unfillable-lines"_s, u"never"_s});
    QCOMPARE(code, 2);
    QVERIFY(err.contains("--unfillable-lines 'never' is not reject, backorder or wait"));
}

// An advance ship notice tells a partner a shipment left: `ordo documents ship-notice` on an order that has
// not shipped is refused (exit code 3) and makes no 856; on a shipped order, or the lines that shipped of a
// split one, it is made.
void TestOutboundDocuments::shipNoticeOnlyForAShipmentThatLeft_data() {
    QTest::addColumn<QString>("state");     // how far the order went
    QTest::addColumn<QStringList>("lines"); // --line options given; empty: the whole order
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message"); // part of stderr when refused
    QTest::addColumn<QStringList>("sn1"); // the quantities of the SN1 segments made
    QTest::newRow("held") << u"exception"_s << QStringList() << 3
                          << u"order 4500012345 is held in exception; an 856 ship notice is made only for a "
                             "shipment that left, and no line of it has shipped"_s
                          << QStringList();
    QTest::newRow("validated") << u"validated"_s << QStringList() << 3
                               << u"order 4500012345 is validated; an 856 ship notice is made only for a "
                                  "shipment that left, and no line of it has shipped"_s
                               << QStringList();
    QTest::newRow("packed") << u"packed"_s << QStringList() << 3 << u"order 4500012345 is packed"_s
                            << QStringList();
    QTest::newRow("one line shipped")
        << u"line 2 shipped"_s << QStringList() << 0 << QString() << QStringList{u"3"_s};
    QTest::newRow("asked for a line not shipped")
        << u"line 2 shipped"_s << QStringList{u"1"_s} << 3
        << u"order 4500012345: line 1 has not shipped (it is packed); an 856 ship notice is made only for a "
           "shipment that left"_s
        << QStringList();
    QTest::newRow("shipped") << u"shipped"_s << QStringList() << 0 << QString()
                             << QStringList{u"12"_s, u"3"_s};
    QTest::newRow("delivered") << u"delivered"_s << QStringList() << 0 << QString()
                               << QStringList{u"12"_s, u"3"_s};
}

void TestOutboundDocuments::shipNoticeOnlyForAShipmentThatLeft() {
    QFETCH(QString, state);
    QFETCH(QStringList, lines);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QFETCH(QStringList, sn1);
    const qint64 id = captureX12(0);
    OrderLifecycle lifecycle(m_test->db());
    if (state == u"exception"_s)
        lifecycle.raiseException(id, {{u"MANUAL_HOLD"_s, u"address to check"_s}}, m_admin);
    const QList<OrderStatus> path = {OrderStatus::Routed, OrderStatus::Released, OrderStatus::Picking,
                                     OrderStatus::Packed, OrderStatus::Shipped,  OrderStatus::Delivered};
    const qsizetype steps = state == u"packed"_s || state == u"line 2 shipped"_s ? 4
                            : state == u"shipped"_s                              ? 5
                            : state == u"delivered"_s                            ? 6
                                                                                 : 0;
    for (qsizetype i = 0; i < steps; ++i)
        lifecycle.transition(id, path.at(i), m_admin);
    if (state == u"line 2 shipped"_s)
        lifecycle.advanceLines(id, {2}, OrderStatus::Shipped, m_admin);
    const qsizetype before = OutboundDocuments(m_test->db(), m_admin).forOrder(id).size();

    QStringList arguments = {u"documents"_s,  u"ship-notice"_s, u"--db"_s, m_test->url(), u"--order"_s,
                             u"4500012345"_s, u"--tracking"_s,  u"1Z9"_s,  u"--json"_s};
    for (const QString& line : lines)
        arguments << u"--line"_s << line;
    QProcess process;
    process.start(QStringLiteral(ORDO_EXECUTABLE), arguments);
    QVERIFY(process.waitForFinished(60000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitCode() == exitCode, qPrintable(err));
    const QList<OutboundDocument> after = OutboundDocuments(m_test->db(), m_admin).forOrder(id);
    if (exitCode != 0) {
        QVERIFY2(err.contains(message), qPrintable(err));
        QCOMPARE(after.size(), before); // nothing made
        return;
    }
    const QJsonObject made = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(made[u"kind"_s].toString(), u"x12_856"_s);
    const X12Interchange ic = X12Interchange::parse(made[u"content"_s].toString().toUtf8(), u"856"_s);
    QStringList quantities;
    for (int i = 0; !segment(ic, u"SN1"_s, i).isEmpty(); ++i)
        quantities << segment(ic, u"SN1"_s, i).at(2);
    QCOMPARE(quantities, sn1);
    QCOMPARE(segment(ic, u"REF"_s), (QStringList{u"REF"_s, u"CN"_s, u"1Z9"_s}));
}

QTEST_GUILESS_MAIN(TestOutboundDocuments)
#include "tst_outbounddocuments.moc"
