// The channel import pipeline on SQLite and PostgreSQL: each fixture's orders captured with every mapped
// field stored, held orders with every reason, the source documents kept, part numbers resolved through the
// cross-reference, re-imports idempotent, and bad documents leaving the database as it was.
#include "Error.h"
#include "SampleWorld.h"
#include "TestData.h"
#include "TestDatabase.h"
#include "channels/ImportService.h"
#include "channels/SkuCrossReferenceImport.h"
#include "orders/OrderJson.h"
#include "orders/OrderQuery.h"
#include "orders/ValidationStore.h"
#include "storage/SqlQuery.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestImportService : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void shopifyOrderIsStoredWithEveryField();
    void x12InterchangeIsRecognisedAndAcknowledged();
    void reImportIsIdempotent();
    void shopifyListCapturesHoldsAndRejects();
    void wooCommerceOrders();
    void amazonOrdersUsePartnerSpecificCrossReference();
    void unresolvedPartNumberHoldsTheOrder();
    void badDocumentsLeaveTheDatabaseAsItWas_data();
    void badDocumentsLeaveTheDatabaseAsItWas();
    void suspectedDuplicateAcrossChannels();
    void unknownFormatIsAUsageError();
    void jsonOfNoKnownKindIsRefused();
    void csvStillImports();

private:
    ImportReport import(const QStringList& files, const QString& format = u"auto"_s);
    Order orderNumbered(const QString& number);
    qint64 countOf(const QString& table);
    void loadCrossReference();
    static QString fixture(const QString& name) { return test::testDataPath(u"channels/"_s + name); }
    std::unique_ptr<test::TestDatabase> m_test;
};

void TestImportService::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(m_test->db());
}

ImportReport TestImportService::import(const QStringList& files, const QString& format) {
    return ImportService(m_test->db(), Actor{u"import"_s, Role::System}).importFiles(files, format);
}

Order TestImportService::orderNumbered(const QString& number) {
    OrderQuery query(m_test->db());
    const auto id = query.findId(number);
    if (!id)
        return {};
    return query.detail(*id)->order;
}

qint64 TestImportService::countOf(const QString& table) {
    SqlQuery q(m_test->db(), u"SELECT count(*) FROM "_s + table);
    return q.scalar().toLongLong();
}

void TestImportService::loadCrossReference() {
    QCOMPARE(SkuCrossReferenceImport(m_test->db(), Actor{u"admin"_s, Role::Admin})
                 .importFile(fixture(u"sku_xref.csv"_s)),
             5);
}

void TestImportService::shopifyOrderIsStoredWithEveryField() {
    loadCrossReference();
    const ImportReport report = import({fixture(u"shopify_order.json"_s)});
    QCOMPARE(report.accepted, 1);
    QCOMPARE(report.exceptions, 0);
    QCOMPARE(report.files.size(), 1);
    QCOMPARE(report.files[0].format, u"shopify"_s);
    QCOMPARE(report.files[0].orders.size(), 1);
    QCOMPARE(report.files[0].orders[0].outcome, u"captured"_s);

    const Order o = orderNumbered(u"SHOP-1001"_s);
    QCOMPARE(o.status, OrderStatus::Validated);
    QCOMPARE(o.externalId, u"820982911946154508"_s);
    QCOMPARE(o.customerName, u"Bob Norman"_s);
    QCOMPARE(o.shipTo.name, u"Ana Norman"_s);
    QCOMPARE(o.shipTo.line1, u"123 Amoebobacterieae St, Apt 4"_s);
    QCOMPARE(o.billTo.name, u"Bob Norman"_s);
    QCOMPARE(o.billTo.line1, u"Chestnut Street 92"_s);
    QCOMPARE(o.billTo.city, u"Louisville"_s);
    QCOMPARE(o.billTo.region, u"KY"_s);
    QCOMPARE(o.billTo.postalCode, u"40202"_s);
    QCOMPARE(o.billTo.country, u"US"_s);
    QCOMPARE(o.shipMethod, u"UPS Ground"_s);
    QCOMPARE(o.payment, PaymentStatus::Paid);
    QCOMPARE(o.lines.size(), 2);
    QCOMPARE(o.lines[0].externalLineId, u"866550311766439020"_s);
    QCOMPARE(o.lines[0].title, u"IPod Nano - 8GB - Pink"_s);
    QCOMPARE(o.lines[0].taxMinor, 240);
    QCOMPARE(o.lines[0].discountMinor, 334);
    QCOMPARE(o.lines[1].skuCode, u"SKU-1"_s); // VARIANT 49148385 through the cross-reference
    QCOMPARE(o.lines[1].unitPrice, (Money{500, u"USD"_s}));
    const QList<OrderCharge> charges = {{OrderCharge::Kind::Shipping, u"UPS Ground"_s, 999},
                                        {OrderCharge::Kind::Tax, u"Shipping tax"_s, 60}};
    QCOMPARE(o.charges, charges);

    SqlQuery source(m_test->db(), u"SELECT format, file_name, reference, content FROM source_documents"_s);
    source.exec();
    QVERIFY(source.next());
    QCOMPARE(source.value(0).toString(), u"shopify"_s);
    QCOMPARE(source.value(1).toString(), fixture(u"shopify_order.json"_s));
    QCOMPARE(source.value(2).toString(), u"order"_s);
    QVERIFY(source.value(3).toString().contains(u"\"id\":820982911946154508"_s));
    QVERIFY(!source.next());

    // The public JSON of `ordo order` carries the new fields.
    const auto detail = OrderQuery(m_test->db()).detail(o.id);
    const QJsonObject json = orderDetailToJson(*detail);
    QCOMPARE(json.value(u"customer"_s).toObject().value(u"name"_s).toString(), u"Bob Norman"_s);
    QCOMPARE(json.value(u"bill_to"_s).toObject().value(u"address1"_s).toString(), u"Chestnut Street 92"_s);
    QCOMPARE(json.value(u"ship_method"_s).toString(), u"UPS Ground"_s);
    QCOMPARE(json.value(u"payment_status"_s).toString(), u"paid"_s);
    const QJsonObject line = json.value(u"lines"_s).toArray().at(0).toObject();
    QCOMPARE(line.value(u"external_line_id"_s).toString(), u"866550311766439020"_s);
    QCOMPARE(line.value(u"tax_minor"_s).toInteger(), 240);
    QCOMPARE(line.value(u"discount_minor"_s).toInteger(), 334);
    const QJsonArray jsonCharges = json.value(u"charges"_s).toArray();
    QCOMPARE(jsonCharges.size(), 2);
    QCOMPARE(jsonCharges.at(0).toObject().value(u"kind"_s).toString(), u"shipping"_s);
    QCOMPARE(jsonCharges.at(0).toObject().value(u"amount_minor"_s).toInteger(), 999);
}

void TestImportService::reImportIsIdempotent() {
    loadCrossReference();
    import({fixture(u"shopify_order.json"_s), fixture(u"woocommerce_orders.json"_s)});
    const qint64 orders = countOf(u"orders"_s);
    const qint64 events = countOf(u"audit_events"_s);
    const qint64 sources = countOf(u"source_documents"_s);
    const ImportReport again =
        import({fixture(u"shopify_order.json"_s), fixture(u"woocommerce_orders.json"_s)});
    QCOMPARE(again.accepted, 0);
    QCOMPARE(again.duplicates, 3);
    QCOMPARE(again.files[0].orders[0].outcome, u"duplicate"_s);
    QCOMPARE(countOf(u"orders"_s), orders);
    QCOMPARE(countOf(u"audit_events"_s), events);
    QCOMPARE(countOf(u"source_documents"_s), sources);
    QCOMPARE(countOf(u"order_charges"_s), 2 + 3 + 1);
}

void TestImportService::shopifyListCapturesHoldsAndRejects() {
    const ImportReport report = import({fixture(u"shopify_orders.json"_s)});
    QCOMPARE(report.accepted, 2);
    QCOMPARE(report.exceptions, 1);
    QCOMPARE(report.rejected, 1);
    QCOMPARE(report.errors.size(), 1);
    QCOMPARE(report.errors[0].where, u"orders[2].line_items[0].price"_s);
    QVERIFY(!report.allAccepted());
    const QList<ImportedOrderOutcome>& outcomes = report.files[0].orders;
    QCOMPARE(outcomes.size(), 3);
    QCOMPARE(outcomes[0].outcome, u"rejected"_s); // problems come first
    QCOMPARE(outcomes[0].reference, u"orders[2]"_s);
    QCOMPARE(outcomes[1].outcome, u"captured"_s);
    QCOMPARE(outcomes[2].outcome, u"held"_s);

    QCOMPARE(orderNumbered(u"SHOP-1002"_s).status, OrderStatus::Validated);
    QCOMPARE(orderNumbered(u"SHOP-1002"_s).externalId, u"9007199254740993"_s);
    const Order held = orderNumbered(u"SHOP-1003"_s);
    QCOMPARE(held.status, OrderStatus::Exception);
    QCOMPARE(held.exceptionReasons.size(), 2);
    QCOMPARE(held.exceptionReasons[0].code, u"POSTAL_CODE_MISMATCH"_s);
    QCOMPARE(held.exceptionReasons[0].detail,
             u"ZIP 40202 is in KY, but the coordinates 43.6532, -79.3832 lie outside KY"_s);
    QCOMPARE(held.exceptionReasons[1].code, u"PAYMENT_NOT_AUTHORIZED"_s);
    QVERIFY(orderNumbered(u"SHOP-1004"_s).orderNumber.isEmpty());
}

void TestImportService::wooCommerceOrders() {
    loadCrossReference();
    const ImportReport report = import({fixture(u"woocommerce_orders.json"_s)}, u"woocommerce"_s);
    QCOMPARE(report.accepted, 2);
    QCOMPARE(report.exceptions, 1);
    const Order o = orderNumbered(u"WOO-727"_s);
    QCOMPARE(o.status, OrderStatus::Validated);
    QCOMPARE(o.lines[1].skuCode, u"SKU-5"_s); // PRODUCT 23 (the variation) through the cross-reference
    QCOMPARE(o.charges.size(), 3);
    QCOMPARE(o.charges[2], (OrderCharge{OrderCharge::Kind::Fee, u"Gift box"_s, 250}));
    const Order held = orderNumbered(u"WOO-728"_s);
    QStringList codes;
    for (const ExceptionReason& r : held.exceptionReasons)
        codes << r.code;
    QCOMPARE(codes, (QStringList{u"PAYMENT_NOT_AUTHORIZED"_s, u"COUNTRY_MISMATCH"_s}));
    QCOMPARE(held.exceptionReasons[1].detail, u"billed to CA, shipped to GB"_s);
}

void TestImportService::amazonOrdersUsePartnerSpecificCrossReference() {
    loadCrossReference();
    const ImportReport report = import({fixture(u"amazon_orders.json"_s)});
    QCOMPARE(report.accepted, 2);
    QCOMPARE(report.rejected, 1);
    QCOMPARE(report.errors[0].where, u"orders.payload.Orders[2].AmazonOrderId"_s);
    const Order o = orderNumbered(u"902-3159896-1390916"_s);
    QCOMPARE(o.status, OrderStatus::Validated);
    QCOMPARE(o.channel, Channel::Marketplace);
    QCOMPARE(o.priority, 1);
    QCOMPARE(o.lines.size(), 2);
    QCOMPARE(o.totalMinor(), 2 * 3000 + 1000);
    const Order pending = orderNumbered(u"114-3941689-8772232"_s);
    QCOMPARE(pending.lines[0].skuCode, u"SKU-2"_s); // amazon's own row wins over the row for every partner
    QCOMPARE(pending.status, OrderStatus::Exception);
    QCOMPARE(pending.exceptionReasons.size(), 1);
    QCOMPARE(pending.exceptionReasons[0].code, u"PAYMENT_NOT_AUTHORIZED"_s);
}

void TestImportService::unresolvedPartNumberHoldsTheOrder() {
    const ImportReport report = import({fixture(u"shopify_order.json"_s)}); // no cross-reference loaded
    QCOMPARE(report.exceptions, 1);
    bool warned = false;
    for (const ImportIssue& w : report.warnings)
        warned = warned || w.message == u"line 2: no SKU for VARIANT '49148385'"_s;
    QVERIFY(warned);
    const Order o = orderNumbered(u"SHOP-1001"_s);
    QCOMPARE(o.status, OrderStatus::Exception);
    QCOMPARE(o.exceptionReasons.size(), 1);
    QCOMPARE(o.exceptionReasons[0].code, u"UNKNOWN_SKU"_s);
    QCOMPARE(o.exceptionReasons[0].detail, u"line 2: the line has no SKU"_s);
}

void TestImportService::badDocumentsLeaveTheDatabaseAsItWas_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("refused");
    QTest::newRow("shopify truncated")
        << u"shopify"_s << QByteArray(R"({"orders":[{"id":1,"line_items":[)") << true;
    QTest::newRow("woocommerce invalid UTF-8")
        << u"woocommerce"_s << QByteArray("[{\"id\":\"\xC0\xAF\"}]") << true;
    QTest::newRow("amazon not JSON") << u"amazon"_s << QByteArray("ISA*00*") << true;
    QTest::newRow("shopify huge quantity")
        << u"shopify"_s
        << QByteArray(
               R"({"order":{"id":1,"created_at":"2026-11-20T10:00:00Z","currency":"USD",)"
               R"("line_items":[{"sku":"SKU-1","quantity":123456789012345678901234567890,"price":"1.00"}]}})")
        << false;
    QTest::newRow("woocommerce wrong type")
        << u"woocommerce"_s
        << QByteArray(R"({"id":5,"currency":"USD","date_created_gmt":"2026-11-22T19:28:02","billing":[]})")
        << false;
}

void TestImportService::badDocumentsLeaveTheDatabaseAsItWas() {
    QFETCH(QString, format);
    QFETCH(QByteArray, content);
    QFETCH(bool, refused);
    const QStringList tables = {u"orders"_s,       u"order_lines"_s,      u"order_charges"_s, u"customers"_s,
                                u"audit_events"_s, u"source_documents"_s, u"order_holds"_s};
    QList<qint64> before;
    for (const QString& t : tables)
        before << countOf(t);
    const ImportReport report = ImportService(m_test->db(), Actor{u"import"_s, Role::System})
                                    .importDocument(content, u"bad.json"_s, *OrderFormats::byName(format));
    QCOMPARE(report.refusedFiles, refused ? 1 : 0);
    QCOMPARE(report.rejected, refused ? 0 : 1);
    QCOMPARE(report.errors.size(), 1);
    QVERIFY(!report.errors[0].message.isEmpty());
    if (!refused)
        QVERIFY(!report.errors[0].where.isEmpty());
    for (int i = 0; i < tables.size(); ++i)
        QCOMPARE(countOf(tables[i]), before[i]);
}

void TestImportService::suspectedDuplicateAcrossChannels() {
    ValidationSettings settings = ValidationStore::loadSettings(m_test->db());
    settings.set(u"SUSPECTED_DUPLICATE"_s, true, {{u"window_minutes"_s, u"120"_s}});
    ValidationStore::saveSetting(m_test->db(), settings, u"SUSPECTED_DUPLICATE"_s,
                                 Actor{u"admin"_s, Role::Admin});
    // The same customer sends the same single line through the web shop and as a webhook an hour later.
    const QByteArray first =
        R"({"order":{"id":11,"order_number":1,"email":"pat@example.com",)"
        R"("created_at":"2026-11-20T10:00:00Z","currency":"USD","financial_status":"paid",)"
        R"("shipping_address":{"name":"Pat","address1":"1 A St","city":"Reno","province_code":"NV",)"
        R"("zip":"89501","country_code":"US"},"line_items":[{"sku":"SKU-1","quantity":2,"price":"10.00"}]}})";
    QByteArray second = first;
    second.replace("\"id\":11,\"order_number\":1", "\"id\":12,\"order_number\":2")
        .replace("10:00:00Z", "11:00:00Z");
    ImportService service(m_test->db(), Actor{u"import"_s, Role::System});
    QCOMPARE(service.importDocument(first, u"1.json"_s, *OrderFormats::byName(u"shopify"_s)).exceptions, 0);
    const ImportReport report =
        service.importDocument(second, u"2.json"_s, *OrderFormats::byName(u"shopify"_s));
    QCOMPARE(report.exceptions, 1);
    const Order held = orderNumbered(u"SHOP-2"_s);
    QCOMPARE(held.exceptionReasons.size(), 1);
    QCOMPARE(held.exceptionReasons[0].code, u"SUSPECTED_DUPLICATE"_s);
    QCOMPARE(held.exceptionReasons[0].detail,
             u"the same customer ordered the same items within 120 minutes: SHOP-1"_s);
}

void TestImportService::unknownFormatIsAUsageError() {
    try {
        import({fixture(u"shopify_order.json"_s)}, u"edifact"_s);
        QFAIL("an unknown format was taken");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Usage);
        QVERIFY(e.message().contains(u"auto, csv, x12, amazon, shopify, woocommerce"_s));
    }
}

void TestImportService::jsonOfNoKnownKindIsRefused() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"other.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"purchase": {"items": []}})");
    file.close();
    const ImportReport report = import({path});
    QCOMPARE(report.refusedFiles, 1);
    QCOMPARE(report.errors.size(), 1);
    QVERIFY2(
        report.errors[0].message.startsWith(
            u"a JSON document of no known kind (amazon, shopify, woocommerce); name its format with --format"_s),
        qPrintable(report.errors[0].message));
    QCOMPARE(countOf(u"orders"_s), 0);
}

void TestImportService::csvStillImports() {
    const ImportReport report = import({test::testDataPath(u"csv/skus.csv"_s)});
    QCOMPARE(report.files.size(), 1);
    QCOMPARE(report.files[0].format, u"csv"_s);
    QCOMPARE(report.files[0].kind, u"skus"_s);
    QVERIFY(report.accepted > 0);
}

// An 850 interchange found by content: part numbers resolved through the partner's cross-reference, both
// purchase orders captured on the B2B channel, and each answered with an 855.
void TestImportService::x12InterchangeIsRecognisedAndAcknowledged() {
    QTemporaryFile xref;
    QVERIFY(xref.open());
    xref.write("partner,qualifier,part_number,sku\nACMERETAIL,BP,ACM-7710,SKU-4\n");
    xref.close();
    QCOMPARE(
        SkuCrossReferenceImport(m_test->db(), Actor{u"admin"_s, Role::Admin}).importFile(xref.fileName()), 1);

    const ImportReport report = import({test::testDataPath(u"x12/850-two-orders.x12"_s)});
    QCOMPARE(report.files.size(), 1);
    QCOMPARE(report.files[0].format, u"x12"_s);
    QCOMPARE(report.files[0].accepted, 2);
    QCOMPARE(report.files[0].rejected, 0);

    const Order first = orderNumbered(u"4500012345"_s);
    QCOMPARE(first.channel, Channel::B2b);
    QCOMPARE(first.externalId, u"4500012345"_s);
    QCOMPARE(first.lines.size(), 2);
    QCOMPARE(first.lines[0].skuCode, u"SKU-1"_s); // the vendor's part number is our SKU
    QCOMPARE(first.lines[0].quantity, 12);
    QCOMPARE(first.lines[0].unitPrice.minor, 1999);
    QCOMPARE(first.lines[1].skuCode, u"SKU-4"_s); // through the cross-reference
    QCOMPARE(first.lines[1].quantity, 3);
    QCOMPARE(first.lines[1].unitPrice.minor, 14950);
    QCOMPARE(orderNumbered(u"4500012346"_s).lines.value(0).skuCode, u"SKU-3"_s);

    QCOMPARE(countOf(u"outbound_documents WHERE kind = 'x12_855'"_s), 2);
    QCOMPARE(countOf(u"source_documents WHERE format = 'x12'"_s), 2);

    // Importing the interchange again captures and acknowledges nothing more.
    const ImportReport again = import({test::testDataPath(u"x12/850-two-orders.x12"_s)});
    QCOMPARE(again.files[0].duplicates, 2);
    QCOMPARE(countOf(u"outbound_documents"_s), 2);
}

QTEST_GUILESS_MAIN(TestImportService)
#include "tst_importservice.moc"
