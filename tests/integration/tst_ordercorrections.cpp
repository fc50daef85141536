#include "Error.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "channels/ImportService.h"
#include "formats/OrderFormats.h"
#include "lifecycle/OrderLifecycle.h"
#include "orders/OrderCapture.h"
#include "orders/OrderCorrections.h"
#include "orders/OrderQuery.h"
#include "orders/ValidationStore.h"
#include "storage/SkuCrossReference.h"
#include "storage/SqlQuery.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

// "CODE: detail" per open hold, in the order raised.
QStringList reasonTexts(const QList<ExceptionReason>& reasons) {
    QStringList texts;
    for (const ExceptionReason& r : reasons)
        texts << r.code + u": "_s + r.detail;
    return texts;
}

// A Shopify order with one line sent as `sku` (no variant).
QByteArray shopifyOrder(int id, const QString& sku) {
    return uR"({"order":{"id":%1,"order_number":%1,"email":"pat@example.com",)"
           uR"("created_at":"2026-11-20T10:00:00Z","currency":"USD","financial_status":"paid",)"
           uR"("shipping_address":{"name":"Pat Doe","address1":"1 A St","city":"Reno","province_code":"NV",)"
           uR"("zip":"89501","country_code":"US"},"line_items":[{"sku":"%2","quantity":2,"price":"10.00"}]}})"_s
               .arg(id)
               .arg(sku)
               .toUtf8();
}

// An X12 850 from NORTHSUPPLY with one line identified by the buyer's part number only.
QByteArray x12Order(const QString& poNumber, const QString& buyersPart) {
    return u"ISA|00|          |00|          |ZZ|NORTHSUPPLY    |ZZ|ORDOVENDOR     |261128|1615|U|00401|"
           "000000042|0|P|^\nGS|PO|NORTHSUPPLY|ORDOVENDOR|20261128|1615|5|X|004010\nST|850|0001\n"
           "BEG|00|SA|%1||20261128\nCUR|BY|CAD\nN1|ST|North Supply Warehouse\nN3|88 Industrial Road\n"
           "N4|Mississauga|ON|L5T 2B4|CA\nPO1|1|5|EA|12.5||BP|%2\nCTT|1\nSE|9|0001\nGE|1|5\n"
           "IEA|1|000000042\n"_s.arg(poNumber, buyersPart)
               .toUtf8();
}

} // namespace

class TestOrderCorrections : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void correctShipTo_data();
    void correctShipTo();
    void shipToAuditNamesOldAndNewAddress();
    void givenCoordinatesAreKept();
    void routedOrderIsRefusedAndUnchanged();
    void permissions_data();
    void permissions();
    void badAddressInputIsRefused_data();
    void badAddressInputIsRefused();
    void mapUnknownSku_data();
    void mapUnknownSku();
    void nonexistentSkuIsRefusedAndChangesNothing();
    void knownLineIsRefused();
    void rememberedCodeMapsTheNextImport_data();
    void rememberedCodeMapsTheNextImport();
    void rememberNeedsAChannelDocument();
    void bulkMappingCoversEveryHeldOrder();
    void revalidateAfterARuleIsSwitchedOff();
    void manualHoldStaysOpen();
    void contextListsUnknownLinesWithPartNumbers();

private:
    qint64 capture(const Order& order);
    Order order(qint64 id) { return OrderQuery(m_test->db()).detail(id)->order; }
    OrderDetail detail(qint64 id) { return *OrderQuery(m_test->db()).detail(id); }
    qint64 count(const QString& table);
    QString snapshot(qint64 id);
    qint64 importDocument(const QByteArray& content, const QString& format, const QString& number);

    std::unique_ptr<test::TestDatabase> m_test;
    const Actor m_csr{u"cleo"_s, Role::CustomerService};
};

void TestOrderCorrections::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(m_test->db());
}

qint64 TestOrderCorrections::capture(const Order& o) {
    return OrderCapture(m_test->db(), Actor::system()).capture(o).orderId;
}

qint64 TestOrderCorrections::count(const QString& table) {
    return SqlQuery(m_test->db(), u"SELECT COUNT(*) FROM "_s + table).scalar().toLongLong();
}

// Everything a refused correction must leave as it was.
QString TestOrderCorrections::snapshot(qint64 id) {
    const OrderDetail d = detail(id);
    QStringList parts{orderStatusCode(d.order.status),
                      d.order.shipTo.name,
                      d.order.shipTo.line1,
                      d.order.shipTo.city,
                      d.order.shipTo.region,
                      d.order.shipTo.postalCode,
                      d.order.shipTo.country,
                      d.order.shipTo.position ? u"pos"_s : u"nopos"_s};
    for (const OrderLine& l : d.order.lines)
        parts << l.skuCode;
    parts << reasonTexts(d.order.exceptionReasons);
    for (const QString& table : {u"audit_events"_s, u"order_holds"_s, u"sku_xref"_s})
        parts << QString::number(count(table));
    SqlQuery ids(m_test->db(), u"SELECT COUNT(*) FROM order_lines WHERE sku_id IS NULL"_s);
    parts << ids.scalar().toString();
    return parts.join(u'|');
}

qint64 TestOrderCorrections::importDocument(const QByteArray& content, const QString& format,
                                            const QString& number) {
    ImportService(m_test->db(), Actor{u"import"_s, Role::System})
        .importDocument(content, format + u".doc"_s, *OrderFormats::byName(format));
    return *OrderQuery(m_test->db()).findId(number);
}

void TestOrderCorrections::correctShipTo_data() {
    QTest::addColumn<Address>("captured");
    QTest::addColumn<Address>("corrected");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QStringList>("remaining");
    QTest::addColumn<bool>("hasPosition");
    QTest::addColumn<bool>("released");

    const GeoPoint nyc{40.7484, -73.9857};
    const Address good{u"Ana Lopez"_s, u"350 5th Ave"_s, u"New York"_s, u"NY"_s, u"10118"_s, u"US"_s, nyc};
    Address shortZip = good;
    shortZip.postalCode = u"1011"_s;
    Address noCityShortZip = shortZip;
    noCityShortZip.city.clear();
    Address wrongState = good;
    wrongState.region = u"NJ"_s;
    Address goodNoPos = good;
    goodNoPos.position.reset();
    Address stillNoCity = noCityShortZip;
    stillNoCity.city = u"New York"_s;
    Address beverlyNj = wrongState;
    beverlyNj.postalCode = u"90210"_s;
    beverlyNj.position.reset();
    Address malformed = good;
    malformed.postalCode = u"ABCDE"_s;
    malformed.position.reset();

    QTest::newRow("malformed ZIP fixed: released, stale coordinates dropped")
        << shortZip << goodNoPos << u"validated"_s << QStringList{} << false << true;
    QTest::newRow("city added, ZIP still short: held for what is left, coordinates kept")
        << noCityShortZip << stillNoCity << u"exception"_s
        << QStringList{u"INVALID_POSTAL_CODE: '1011' is not a postal code of US"_s} << true << false;
    QTest::newRow("state fixed, same ZIP: released, coordinates kept")
        << wrongState << goodNoPos << u"validated"_s << QStringList{} << true << true;
    QTest::newRow("new ZIP of another state: reasons replaced, coordinates dropped")
        << wrongState << beverlyNj << u"exception"_s
        << QStringList{u"POSTAL_CODE_MISMATCH: ZIP 90210 is in CA, the address says NJ"_s} << false << false;
    QTest::newRow("valid order given a malformed ZIP: held")
        << good << malformed << u"exception"_s
        << QStringList{u"INVALID_POSTAL_CODE: 'ABCDE' is not a postal code of US"_s} << false << false;
}

void TestOrderCorrections::correctShipTo() {
    QFETCH(Address, captured);
    QFETCH(Address, corrected);
    QFETCH(QString, status);
    QFETCH(QStringList, remaining);
    QFETCH(bool, hasPosition);
    QFETCH(bool, released);
    Order o = test::sampleOrder(u"W-1"_s, {{u"SKU-1"_s, 1}});
    o.shipTo = captured;
    const qint64 id = capture(o);
    const CorrectionOutcome outcome =
        OrderCorrections(m_test->db()).correctShipTo(id, corrected, m_csr, u"called"_s);
    QCOMPARE(outcome.released, released);
    QCOMPARE(orderStatusCode(outcome.after), status);
    QCOMPARE(reasonTexts(outcome.remaining), remaining);
    const Order stored = order(id);
    QCOMPARE(orderStatusCode(stored.status), status);
    QCOMPARE(reasonTexts(stored.exceptionReasons), remaining);
    QCOMPARE(stored.shipTo.postalCode, corrected.postalCode);
    QCOMPARE(stored.shipTo.region, corrected.region);
    QCOMPARE(stored.shipTo.city, corrected.city);
    QCOMPARE(stored.shipTo.position.has_value(), hasPosition);
    if (hasPosition)
        QCOMPARE(*stored.shipTo.position, *captured.position);
    for (const OrderLine& line : stored.lines)
        QCOMPARE(line.status, released ? OrderStatus::Validated : OrderStatus::Pending);
    // The replaced holds stay in the history, resolved.
    const qint64 openHolds =
        SqlQuery(m_test->db(), u"SELECT COUNT(*) FROM order_holds WHERE resolved_at IS NULL"_s)
            .scalar()
            .toLongLong();
    QCOMPARE(openHolds, qint64(remaining.size()));
}

void TestOrderCorrections::shipToAuditNamesOldAndNewAddress() {
    Order o = test::sampleOrder(u"W-2"_s, {{u"SKU-1"_s, 1}});
    o.shipTo.postalCode = u"1011"_s;
    const qint64 id = capture(o);
    Address fixed = o.shipTo;
    fixed.postalCode = u" 10118 "_s;
    fixed.position.reset();
    OrderCorrections(m_test->db()).correctShipTo(id, fixed, m_csr, u"customer called"_s);
    const QList<AuditEvent> events = detail(id).events;
    QCOMPARE(events.size(), 4); // capture, exception, correct, release
    const AuditEvent& correct = events.at(2);
    QCOMPARE(correct.actor, u"cleo"_s);
    QCOMPARE(correct.action, u"correct"_s);
    QCOMPARE(correct.reason, u"ship_to"_s);
    QCOMPARE(correct.detail, u"ship-to: Ana Lopez, 350 5th Ave, New York, NY 1011, US (40.7484, -73.9857) -> "
                             "Ana Lopez, 350 5th Ave, New York, NY 10118, US; note: customer called"_s);
    const AuditEvent& release = events.at(3);
    QCOMPARE(release.action, u"release"_s);
    QCOMPARE(release.fromState, u"exception"_s);
    QCOMPARE(release.toState, u"validated"_s);
    QCOMPARE(release.detail, u"customer called"_s);
}

void TestOrderCorrections::givenCoordinatesAreKept() {
    Order o = test::sampleOrder(u"W-3"_s, {{u"SKU-1"_s, 1}});
    o.shipTo.postalCode = u"1011"_s;
    const qint64 id = capture(o);
    Address moved{u"Ana Lopez"_s,
                  u"1 Main St"_s,
                  u"Buffalo"_s,
                  u"NY"_s,
                  u"14202"_s,
                  u"us"_s,
                  GeoPoint{42.8864, -78.8784}};
    const CorrectionOutcome outcome = OrderCorrections(m_test->db()).correctShipTo(id, moved, m_csr);
    QVERIFY(outcome.released);
    const Order stored = order(id);
    QCOMPARE(stored.shipTo.country, u"US"_s);
    QCOMPARE(*stored.shipTo.position, (GeoPoint{42.8864, -78.8784}));
}

void TestOrderCorrections::routedOrderIsRefusedAndUnchanged() {
    const qint64 id = capture(test::sampleOrder(u"W-4"_s, {{u"SKU-1"_s, 1}}));
    OrderLifecycle(m_test->db()).transition(id, OrderStatus::Routed, Actor{u"ana"_s, Role::Admin});
    const QString before = snapshot(id);
    Address other = order(id).shipTo;
    other.city = u"Brooklyn"_s;
    try {
        OrderCorrections(m_test->db()).correctShipTo(id, other, m_csr);
        QFAIL("a routed order's ship-to was changed");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::State);
        QCOMPARE(e.message(),
                 u"order %1 is routed; its ship-to can change only before the order is routed"_s.arg(id));
    }
    QVERIFY_THROWS_EXCEPTION(Error, OrderCorrections(m_test->db()).revalidate(id, m_csr));
    QCOMPARE(snapshot(id), before);
}

void TestOrderCorrections::permissions_data() {
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("csr") << u"csr"_s << true;
    QTest::newRow("manager") << u"manager"_s << true;
    QTest::newRow("admin") << u"admin"_s << true;
    QTest::newRow("warehouse") << u"warehouse"_s << false;
}

void TestOrderCorrections::permissions() {
    QFETCH(QString, role);
    QFETCH(bool, allowed);
    const Actor actor{u"pat"_s, *roleFromCode(role)};
    Order o = test::sampleOrder(u"W-5"_s, {{u"XJ-9"_s, 1}});
    o.shipTo.postalCode = u"1011"_s;
    const qint64 id = capture(o);
    const QString before = snapshot(id);
    Address fixed = o.shipTo;
    fixed.postalCode = u"10118"_s;
    OrderCorrections corrections(m_test->db());
    const QList<std::function<void()>> actions{
        [&] { corrections.correctShipTo(id, fixed, actor); },
        [&] { corrections.mapUnknownSku(id, 1, u"SKU-2"_s, actor, false); },
        [&] { corrections.revalidate(id, actor); },
        [&] { corrections.mapUnknownSkuEverywhere(u"XJ-9"_s, u"SKU-2"_s, actor, false); }};
    for (const auto& action : actions) {
        try {
            action();
            QVERIFY(allowed);
        } catch (const Error& e) {
            QVERIFY2(!allowed, qPrintable(e.message()));
            QCOMPARE(e.kind(), Error::Kind::Denied);
            QCOMPARE(snapshot(id), before);
        }
    }
    if (allowed)
        QCOMPARE(order(id).status, OrderStatus::Validated);
}

void TestOrderCorrections::badAddressInputIsRefused_data() {
    QTest::addColumn<Address>("address");
    QTest::addColumn<QString>("message");
    const Address base{u"Ana"_s, u"1 Main St"_s, u"Buffalo"_s, u"NY"_s, u"14202"_s, u"US"_s, std::nullopt};
    Address country = base;
    country.country = u"USA"_s;
    Address far = base;
    far.position = GeoPoint{95.0, 10.0};
    Address longLine = base;
    longLine.line1 = QString(201, u'x');
    QTest::newRow("three-letter country")
        << country << u"country: 'USA' is not a two-letter ISO 3166 country code"_s;
    QTest::newRow("latitude past the pole") << far << u"latitude/longitude: 95, 10 is not a place on Earth"_s;
    QTest::newRow("line too long") << longLine << u"line1: longer than 200 characters"_s;
    QTest::newRow("nothing given") << Address{} << u"address: every field is empty"_s;
}

void TestOrderCorrections::badAddressInputIsRefused() {
    QFETCH(Address, address);
    QFETCH(QString, message);
    Order o = test::sampleOrder(u"W-6"_s, {{u"SKU-1"_s, 1}});
    o.shipTo.postalCode = u"1011"_s;
    const qint64 id = capture(o);
    const QString before = snapshot(id);
    try {
        OrderCorrections(m_test->db()).correctShipTo(id, address, m_csr);
        QFAIL("bad input was taken");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QCOMPARE(e.message(), message);
    }
    QCOMPARE(snapshot(id), before);
}

void TestOrderCorrections::mapUnknownSku_data() {
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<int>("lineNo");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QStringList>("remaining");
    QTest::newRow("the only unknown line: released")
        << QStringList{u"XJ-9"_s, u"SKU-1"_s} << 1 << u"validated"_s << QStringList{};
    QTest::newRow("one of two unknown lines: held for the other")
        << QStringList{u"XJ-9"_s, u"ZZ-1"_s} << 1 << u"exception"_s
        << QStringList{u"UNKNOWN_SKU: line 2: SKU 'ZZ-1' is not in the catalogue"_s};
    QTest::newRow("a line sent without a code")
        << QStringList{u"SKU-1"_s, QString()} << 2 << u"validated"_s << QStringList{};
}

void TestOrderCorrections::mapUnknownSku() {
    QFETCH(QStringList, codes);
    QFETCH(int, lineNo);
    QFETCH(QString, status);
    QFETCH(QStringList, remaining);
    QList<QPair<QString, int>> lines;
    for (const QString& c : codes)
        lines << qMakePair(c, 1);
    const qint64 id = capture(test::sampleOrder(u"W-7"_s, lines));
    const QString raw = codes.at(lineNo - 1);
    const CorrectionOutcome outcome =
        OrderCorrections(m_test->db()).mapUnknownSku(id, lineNo, u" SKU-3 "_s, m_csr, false);
    QCOMPARE(orderStatusCode(outcome.after), status);
    QCOMPARE(reasonTexts(outcome.remaining), remaining);
    const Order stored = order(id);
    QCOMPARE(stored.lines.at(lineNo - 1).skuCode, u"SKU-3"_s);
    QCOMPARE(reasonTexts(stored.exceptionReasons), remaining);
    SqlQuery skuId(m_test->db(), u"SELECT s.code FROM order_lines l JOIN skus s ON s.id = l.sku_id "
                                 "WHERE l.order_id = :id AND l.line_no = :no"_s);
    skuId.bind(u":id"_s, id).bind(u":no"_s, lineNo);
    QCOMPARE(skuId.scalar().toString(), u"SKU-3"_s);
    const QList<AuditEvent> events = detail(id).events;
    const auto mapped = std::find_if(events.cbegin(), events.cend(),
                                     [](const AuditEvent& e) { return e.reason == u"sku"_s; });
    QVERIFY(mapped != events.cend());
    QCOMPARE(mapped->action, u"correct"_s);
    QCOMPARE(mapped->detail, u"line %1 SKU: '%2' -> 'SKU-3'"_s.arg(lineNo).arg(raw));
    QCOMPARE(count(u"sku_xref"_s), 0);
    if (!remaining.isEmpty()) {
        // The replacement of the holds is audited with the codes before and after.
        QCOMPARE(events.last().action, u"revalidate"_s);
        QCOMPARE(events.last().detail, u"hold reasons UNKNOWN_SKU -> UNKNOWN_SKU: "_s + remaining.first());
    }
}

void TestOrderCorrections::nonexistentSkuIsRefusedAndChangesNothing() {
    const qint64 id = capture(test::sampleOrder(u"W-8"_s, {{u"XJ-9"_s, 1}}));
    const QString before = snapshot(id);
    OrderCorrections corrections(m_test->db());
    for (const auto& action : QList<std::function<void()>>{
             [&] { corrections.mapUnknownSku(id, 1, u"NOPE-1"_s, m_csr, true); },
             [&] { corrections.mapUnknownSkuEverywhere(u"XJ-9"_s, u"NOPE-1"_s, m_csr, true); }}) {
        try {
            action();
            QFAIL("a SKU not in the catalogue was taken");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            QCOMPARE(e.message(), u"sku: 'NOPE-1' is not in the catalogue"_s);
        }
        QCOMPARE(snapshot(id), before);
    }
    try {
        corrections.mapUnknownSku(id, 4, u"SKU-1"_s, m_csr, false);
        QFAIL("a missing line was mapped");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QCOMPARE(e.message(), u"line: order W-8 has no line 4"_s);
    }
    QCOMPARE(snapshot(id), before);
}

void TestOrderCorrections::knownLineIsRefused() {
    const qint64 id = capture(test::sampleOrder(u"W-9"_s, {{u"SKU-1"_s, 1}, {u"XJ-9"_s, 1}}));
    const QString before = snapshot(id);
    try {
        OrderCorrections(m_test->db()).mapUnknownSku(id, 1, u"SKU-2"_s, m_csr, false);
        QFAIL("a known line was remapped");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QCOMPARE(e.message(), u"line: line 1 of order W-9 already has the catalogue SKU 'SKU-1'"_s);
    }
    QCOMPARE(snapshot(id), before);
}

void TestOrderCorrections::rememberedCodeMapsTheNextImport_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<QString>("firstNumber");
    QTest::addColumn<QString>("secondNumber");
    QTest::addColumn<QString>("xref"); // partner|qualifier|part number|sku
    QTest::addColumn<QString>("audit");
    QTest::newRow("shopify code")
        << u"shopify"_s << shopifyOrder(501, u"XJ-9"_s) << shopifyOrder(502, u"XJ-9"_s) << u"SHOP-501"_s
        << u"SHOP-502"_s << u"shopify|SKU|XJ-9|SKU-3"_s
        << u"line 1 SKU: 'XJ-9' -> 'SKU-3'; remembered for partner shopify: SKU 'XJ-9' -> "
           "SKU-3 (before: none)"_s;
    QTest::newRow("x12 buyer's part")
        << u"x12"_s << x12Order(u"PO-9001"_s, u"NS-9"_s) << x12Order(u"PO-9002"_s, u"NS-9"_s) << u"PO-9001"_s
        << u"PO-9002"_s << u"NORTHSUPPLY|BP|NS-9|SKU-3"_s
        << u"line 1 SKU: '' -> 'SKU-3'; remembered for partner NORTHSUPPLY: BP 'NS-9' -> SKU-3 (before: none)"_s;
}

void TestOrderCorrections::rememberedCodeMapsTheNextImport() {
    QFETCH(QString, format);
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(QString, firstNumber);
    QFETCH(QString, secondNumber);
    QFETCH(QString, xref);
    QFETCH(QString, audit);
    const qint64 id = importDocument(first, format, firstNumber);
    QCOMPARE(order(id).status, OrderStatus::Exception);
    QCOMPARE(order(id).exceptionReasons.first().code, u"UNKNOWN_SKU"_s);
    const CorrectionOutcome outcome =
        OrderCorrections(m_test->db()).mapUnknownSku(id, 1, u"SKU-3"_s, m_csr, true);
    QVERIFY(outcome.released);
    const QList<SkuXrefEntry> rows = SkuCrossReference(m_test->db()).all();
    QCOMPARE(rows.size(), 1);
    const SkuXrefEntry& row = rows.first();
    QCOMPARE(QStringList({row.partner, row.qualifier, row.partNumber, row.skuCode}).join(u'|'), xref);
    const QList<AuditEvent> events = detail(id).events;
    const auto mapped = std::find_if(events.cbegin(), events.cend(),
                                     [](const AuditEvent& e) { return e.action == u"correct"_s; });
    QVERIFY(mapped != events.cend());
    QCOMPARE(mapped->actor, u"cleo"_s);
    QCOMPARE(mapped->detail, audit);
    // The partner's next document with the same code is captured with the SKU, not held.
    const qint64 next = importDocument(second, format, secondNumber);
    const Order captured = order(next);
    QCOMPARE(captured.status, OrderStatus::Validated);
    QCOMPARE(captured.lines.first().skuCode, u"SKU-3"_s);
}

void TestOrderCorrections::rememberNeedsAChannelDocument() {
    const qint64 id = capture(test::sampleOrder(u"W-10"_s, {{u"XJ-9"_s, 1}}));
    const QString before = snapshot(id);
    try {
        OrderCorrections(m_test->db()).mapUnknownSku(id, 1, u"SKU-3"_s, m_csr, true);
        QFAIL("a code was remembered without a partner");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QCOMPARE(e.message(), u"remember: order W-10 was not imported from a channel document; there is no "
                              "partner to remember the code for"_s);
    }
    QCOMPARE(snapshot(id), before);
}

void TestOrderCorrections::bulkMappingCoversEveryHeldOrder() {
    const qint64 a = capture(test::sampleOrder(u"B-1"_s, {{u"XJ-9"_s, 1}}));
    const qint64 b = capture(test::sampleOrder(u"B-2"_s, {{u"SKU-1"_s, 1}, {u"XJ-9"_s, 2}, {u"ZZ-1"_s, 1}}));
    const qint64 c = capture(test::sampleOrder(u"B-3"_s, {{u"ZZ-1"_s, 1}}));
    const qint64 d = importDocument(shopifyOrder(601, u"XJ-9"_s), u"shopify"_s, u"SHOP-601"_s);
    const QString untouched = snapshot(c);
    const QList<BulkMapResult> results =
        OrderCorrections(m_test->db()).mapUnknownSkuEverywhere(u"XJ-9"_s, u"SKU-2"_s, m_csr, false);
    QCOMPARE(results.size(), 3);
    QCOMPARE(results[0].orderId, a);
    QCOMPARE(results[0].lineNos, QList<int>{1});
    QVERIFY(results[0].outcome && results[0].outcome->released);
    QCOMPARE(results[1].orderId, b);
    QCOMPARE(results[1].lineNos, QList<int>{2});
    QVERIFY(results[1].outcome && !results[1].outcome->released);
    QCOMPARE(reasonTexts(results[1].outcome->remaining),
             QStringList{u"UNKNOWN_SKU: line 3: SKU 'ZZ-1' is not in the catalogue"_s});
    QCOMPARE(results[2].orderId, d);
    QVERIFY(results[2].error.isEmpty());
    QCOMPARE(order(a).status, OrderStatus::Validated);
    QCOMPARE(order(b).lines[1].skuCode, u"SKU-2"_s);
    QCOMPARE(order(d).status, OrderStatus::Validated);
    QCOMPARE(snapshot(c).section(u'|', 0, 9), untouched.section(u'|', 0, 9));
    QCOMPARE(order(c).lines[0].skuCode, u"ZZ-1"_s);
    QCOMPARE(count(u"sku_xref"_s), 0);
}

void TestOrderCorrections::revalidateAfterARuleIsSwitchedOff() {
    Order o = test::sampleOrder(u"W-11"_s, {{u"SKU-1"_s, 1}});
    o.shipTo.postalCode = u"1011"_s;
    const qint64 id = capture(o);
    OrderCorrections corrections(m_test->db());
    CorrectionOutcome outcome = corrections.revalidate(id, m_csr);
    QVERIFY(!outcome.released);
    QCOMPARE(reasonTexts(outcome.remaining),
             QStringList{u"INVALID_POSTAL_CODE: '1011' is not a postal code of US"_s});
    QCOMPARE(detail(id).events.last().action, u"revalidate"_s);
    QCOMPARE(detail(id).events.last().detail,
             u"unchanged: INVALID_POSTAL_CODE: '1011' is not a postal code of US"_s);
    ValidationSettings settings = ValidationStore::loadSettings(m_test->db());
    settings.set(u"INVALID_POSTAL_CODE"_s, false);
    ValidationStore::saveSetting(m_test->db(), settings, u"INVALID_POSTAL_CODE"_s,
                                 Actor{u"admin"_s, Role::Admin});
    outcome = corrections.revalidate(id, m_csr);
    QVERIFY(outcome.released);
    QCOMPARE(order(id).status, OrderStatus::Validated);
    QCOMPARE(detail(id).events.last().action, u"release"_s);
}

void TestOrderCorrections::manualHoldStaysOpen() {
    const qint64 id = capture(test::sampleOrder(u"W-12"_s, {{u"SKU-1"_s, 1}}));
    OrderLifecycle(m_test->db())
        .raiseException(id, {{u"MANUAL_HOLD"_s, u"customer asked to wait"_s}}, Actor{u"ana"_s, Role::Admin});
    OrderCorrections corrections(m_test->db());
    Address bad = order(id).shipTo;
    bad.postalCode = u"ABCDE"_s;
    CorrectionOutcome outcome = corrections.correctShipTo(id, bad, m_csr);
    QCOMPARE(reasonTexts(outcome.remaining),
             (QStringList{u"MANUAL_HOLD: customer asked to wait"_s,
                          u"INVALID_POSTAL_CODE: 'ABCDE' is not a postal code of US"_s}));
    bad.postalCode = u"10118"_s;
    outcome = corrections.correctShipTo(id, bad, m_csr);
    QVERIFY(!outcome.released);
    QCOMPARE(reasonTexts(outcome.remaining), QStringList{u"MANUAL_HOLD: customer asked to wait"_s});
    QCOMPARE(reasonTexts(order(id).exceptionReasons), QStringList{u"MANUAL_HOLD: customer asked to wait"_s});
    QCOMPARE(order(id).status, OrderStatus::Exception);
    // Released by a person, it is validated on the way (it was held again before validation).
    OrderLifecycle(m_test->db()).release(id, Actor{u"ana"_s, Role::Admin}, u"customer is ready"_s);
    QCOMPARE(order(id).status, OrderStatus::Validated);
}

void TestOrderCorrections::contextListsUnknownLinesWithPartNumbers() {
    const qint64 id = importDocument(x12Order(u"PO-9100"_s, u"NS-7"_s), u"x12"_s, u"PO-9100"_s);
    const CorrectionContext c = OrderCorrections(m_test->db()).context(id);
    QCOMPARE(c.orderNumber, u"PO-9100"_s);
    QCOMPARE(c.status, OrderStatus::Exception);
    QCOMPARE(c.heldFrom, std::optional<OrderStatus>(OrderStatus::Pending));
    QVERIFY(c.correctable);
    QCOMPARE(c.partner, u"NORTHSUPPLY"_s);
    QCOMPARE(c.shipTo.postalCode, u"L5T 2B4"_s);
    QCOMPARE(c.unknownLines.size(), 1);
    QCOMPARE(c.unknownLines[0].lineNo, 1);
    QCOMPARE(c.unknownLines[0].rawCode, QString());
    QCOMPARE(c.unknownLines[0].quantity, 5);
    QCOMPARE(c.unknownLines[0].partNumbers, (QList<PartNumber>{{u"BP"_s, u"NS-7"_s}}));
    QCOMPARE(reasonTexts(c.reasons), QStringList{u"UNKNOWN_SKU: line 1: the line has no SKU"_s});
}

QTEST_GUILESS_MAIN(TestOrderCorrections)
#include "tst_ordercorrections.moc"
