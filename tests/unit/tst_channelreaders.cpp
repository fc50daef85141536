// The channel readers (Shopify, WooCommerce, Amazon SP-API): every mapped field of the fixtures in
// tests/data/channels, written from the public documentation of each format, and malformed input of each
// kind.
#include "Error.h"
#include "TestData.h"
#include "formats/AmazonOrderReader.h"
#include "formats/ChannelJson.h"
#include "formats/OrderFormats.h"
#include "formats/ShopifyOrderReader.h"
#include "formats/WooCommerceOrderReader.h"

#include <QFile>
#include <QJsonValue>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestChannelReaders : public QObject {
    Q_OBJECT
private slots:
    void shopifySingleOrderMapsEveryField();
    void shopifyOrdersListKeepsGoodOrdersAndNamesTheBadField();
    void shopifyWebhookOrder();
    void wooCommerceOrders();
    void amazonOrdersWithTheirItems();
    void sniffing_data();
    void sniffing();
    void malformed_data();
    void malformed();
    void numbersKeepTheirText();

private:
    static QByteArray fixture(const QString& name) {
        QFile f(test::testDataPath(u"channels/"_s + name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

void TestChannelReaders::shopifySingleOrderMapsEveryField() {
    const ParsedDocument doc = ShopifyOrderReader::read(fixture(u"shopify_order.json"_s), u"s.json"_s);
    QVERIFY(doc.problems.isEmpty());
    QCOMPARE(doc.orders.size(), 1);
    const ImportedOrder& imported = doc.orders.first();
    const Order& o = imported.order;
    QCOMPARE(o.externalId, u"820982911946154508"_s); // beyond 2^53: a double would give ...504
    QCOMPARE(o.orderNumber, u"SHOP-1001"_s);
    QCOMPARE(o.channel, Channel::Web);
    QCOMPARE(o.orderedAt, QDateTime(QDate(2026, 11, 20), QTime(15, 15), Qt::UTC));
    QCOMPARE(o.currency, u"USD"_s);
    QCOMPARE(o.customerEmail, u"bob.norman@mail.example.com"_s);
    QCOMPARE(o.customerPhone, u"+1 (502) 555-0110"_s);
    QCOMPARE(o.customerName, u"Bob Norman"_s);
    QCOMPARE(o.payment, PaymentStatus::Paid);
    QCOMPARE(o.shipMethod, u"UPS Ground"_s);
    QCOMPARE(o.shipTo.name, u"Ana Norman"_s);
    QCOMPARE(o.shipTo.line1, u"123 Amoebobacterieae St, Apt 4"_s);
    QCOMPARE(o.shipTo.city, u"Louisville"_s);
    QCOMPARE(o.shipTo.region, u"KY"_s);
    QCOMPARE(o.shipTo.postalCode, u"40202"_s);
    QCOMPARE(o.shipTo.country, u"US"_s);
    QVERIFY(o.shipTo.position);
    QCOMPARE(o.shipTo.position->latitude, 38.2527);
    QCOMPARE(o.shipTo.position->longitude, -85.7585);
    QCOMPARE(o.billTo.name, u"Bob Norman"_s);
    QCOMPARE(o.billTo.line1, u"Chestnut Street 92"_s);
    QCOMPARE(o.billTo.country, u"US"_s);
    QCOMPARE(o.lines.size(), 2);
    QCOMPARE(o.lines[0].lineNo, 1);
    QCOMPARE(o.lines[0].externalLineId, u"866550311766439020"_s);
    QCOMPARE(o.lines[0].skuCode, u"SKU-2"_s);
    QCOMPARE(o.lines[0].title, u"IPod Nano - 8GB - Pink"_s);
    QCOMPARE(o.lines[0].quantity, 2);
    QCOMPARE(o.lines[0].unitPrice, (Money{2000, u"USD"_s}));
    QCOMPARE(o.lines[0].taxMinor, 240);
    QCOMPARE(o.lines[0].discountMinor, 334);
    QCOMPARE(o.lines[1].skuCode, QString());
    QCOMPARE(o.lines[1].externalLineId, u"141249953214522974"_s);
    QCOMPARE(o.lines[1].unitPrice.minor, 500);
    QCOMPARE(imported.partNumbers.value(2), (QList<PartNumber>{{u"VARIANT"_s, u"49148385"_s}}));
    const QList<OrderCharge> charges = {{OrderCharge::Kind::Shipping, u"UPS Ground"_s, 999},
                                        {OrderCharge::Kind::Tax, u"Shipping tax"_s, 60}};
    QCOMPARE(o.charges, charges);
    QCOMPARE(imported.source.format, u"shopify"_s);
    QCOMPARE(imported.source.reference, u"order"_s);
    QVERIFY(imported.source.content.contains("\"id\":820982911946154508"));
}

void TestChannelReaders::shopifyOrdersListKeepsGoodOrdersAndNamesTheBadField() {
    const ParsedDocument doc = ShopifyOrderReader::read(fixture(u"shopify_orders.json"_s), u"list.json"_s);
    QCOMPARE(doc.orders.size(), 2);
    QCOMPARE(doc.orders[0].order.externalId, u"9007199254740993"_s); // 2^53 + 1
    QCOMPARE(doc.orders[0].order.channel, Channel::Pos);
    QCOMPARE(doc.orders[0].order.payment, PaymentStatus::Authorized);
    QCOMPARE(doc.orders[0].order.customerName, u"Carla Diaz"_s);
    QCOMPARE(doc.orders[0].source.reference, u"orders[0]"_s);
    QCOMPARE(doc.orders[1].order.externalId, u"9007199254740995"_s);
    QCOMPARE(doc.orders[1].order.payment, PaymentStatus::Pending);
    QCOMPARE(doc.problems.size(), 1);
    QCOMPARE(doc.problems[0].where, u"orders[2].line_items[0].price"_s);
    QVERIFY2(doc.problems[0].reason.contains(u"'12,50' is not an exact amount"_s),
             qPrintable(doc.problems[0].reason));
    QCOMPARE(doc.problems[0].toString(),
             u"list.json: orders[2].line_items[0].price: "_s + doc.problems[0].reason);
}

void TestChannelReaders::shopifyWebhookOrder() {
    const ParsedDocument doc = ShopifyOrderReader::read(fixture(u"shopify_webhook.json"_s), u"hook.json"_s);
    QVERIFY(doc.problems.isEmpty());
    QCOMPARE(doc.orders.size(), 1);
    const Order& o = doc.orders[0].order;
    QCOMPARE(o.externalId, u"5678901234567890123"_s);
    QCOMPARE(o.channel, Channel::App);
    QCOMPARE(o.orderedAt, QDateTime(QDate(2026, 11, 22), QTime(11, 30), Qt::UTC));
    QCOMPARE(o.currency, u"EUR"_s);
    QCOMPARE(o.lines[0].unitPrice, (Money{4995, u"EUR"_s}));
    QCOMPARE(o.lines[0].taxMinor, 2847);
    QCOMPARE(o.shipTo.country, u"DE"_s);
    QCOMPARE(o.charges, (QList<OrderCharge>{{OrderCharge::Kind::Shipping, u"DHL Paket"_s, 490}}));
}

void TestChannelReaders::wooCommerceOrders() {
    const ParsedDocument doc =
        WooCommerceOrderReader::read(fixture(u"woocommerce_orders.json"_s), u"w.json"_s);
    QVERIFY(doc.problems.isEmpty());
    QCOMPARE(doc.orders.size(), 2);
    const ImportedOrder& first = doc.orders[0];
    const Order& o = first.order;
    QCOMPARE(o.externalId, u"727"_s);
    QCOMPARE(o.orderNumber, u"WOO-727"_s);
    QCOMPARE(o.channel, Channel::Web);
    QCOMPARE(o.orderedAt, QDateTime(QDate(2026, 11, 22), QTime(19, 28, 2), Qt::UTC));
    QCOMPARE(o.payment, PaymentStatus::Paid);
    QCOMPARE(o.customerEmail, u"john.doe@mail.example.com"_s);
    QCOMPARE(o.customerPhone, u"(555) 555-5555"_s);
    QCOMPARE(o.customerName, u"John Doe"_s);
    QCOMPARE(o.shipTo.line1, u"969 Market, Suite 2"_s);
    QCOMPARE(o.shipTo.region, u"CA"_s);
    QCOMPARE(o.shipTo.postalCode, u"94103"_s);
    QCOMPARE(o.billTo.line1, u"969 Market"_s);
    QCOMPARE(o.shipMethod, u"Flat Rate"_s);
    QCOMPARE(o.lines.size(), 2);
    QCOMPARE(o.lines[0].skuCode, u"SKU-4"_s);
    QCOMPARE(o.lines[0].externalLineId, u"315"_s);
    QCOMPARE(o.lines[0].quantity, 2);
    QCOMPARE(o.lines[0].unitPrice, (Money{2100, u"USD"_s}));
    QCOMPARE(o.lines[0].discountMinor, 200);
    QCOMPARE(o.lines[0].taxMinor, 100);
    QCOMPARE(o.lines[1].skuCode, QString());
    QCOMPARE(first.partNumbers.value(2), (QList<PartNumber>{{u"PRODUCT"_s, u"23"_s}}));
    const QList<OrderCharge> charges = {{OrderCharge::Kind::Shipping, u"Flat Rate"_s, 1000},
                                        {OrderCharge::Kind::Tax, u"Shipping tax"_s, 50},
                                        {OrderCharge::Kind::Fee, u"Gift box"_s, 250}};
    QCOMPARE(o.charges, charges);
    QCOMPARE(first.source.reference, u"orders[0]"_s);
    const Order& second = doc.orders[1].order;
    QCOMPARE(second.payment, PaymentStatus::Pending); // on-hold: awaiting a bank transfer
    QCOMPARE(second.billTo.country, u"CA"_s);
    QCOMPARE(second.shipTo.country, u"GB"_s);
    QCOMPARE(second.lines[0].unitPrice.minor, 1000);
}

void TestChannelReaders::amazonOrdersWithTheirItems() {
    const ParsedDocument doc = AmazonOrderReader::read(fixture(u"amazon_orders.json"_s), u"a.json"_s);
    QCOMPARE(doc.orders.size(), 2);
    const ImportedOrder& first = doc.orders[0];
    const Order& o = first.order;
    QCOMPARE(first.partner, u"amazon"_s);
    QCOMPARE(o.externalId, u"902-3159896-1390916"_s);
    QCOMPARE(o.orderNumber, u"902-3159896-1390916"_s);
    QCOMPARE(o.channel, Channel::Marketplace);
    QCOMPARE(o.orderedAt, QDateTime(QDate(2026, 11, 23), QTime(19, 49, 35), Qt::UTC));
    QCOMPARE(o.currency, u"USD"_s);
    QCOMPARE(o.payment, PaymentStatus::Authorized);
    QCOMPARE(o.priority, 1);
    QCOMPARE(o.shipMethod, u"Std US D2D Dom"_s);
    QCOMPARE(o.customerEmail, u"x8k2v9@marketplace.amazon.example.com"_s);
    QCOMPARE(o.customerName, u"Lee Park"_s);
    QCOMPARE(o.customerPhone, u"+1 206-555-0100"_s);
    QCOMPARE(o.shipTo.line1, u"400 Broad St, Unit 5"_s);
    QCOMPARE(o.shipTo.postalCode, u"98109-4607"_s);
    QCOMPARE(o.lines.size(), 2); // two getOrderItems pages of the same order
    QCOMPARE(o.lines[0].skuCode, u"SKU-3"_s);
    QCOMPARE(o.lines[0].externalLineId, u"52852651034158"_s);
    QCOMPARE(o.lines[0].title, u"ACME Product Title"_s);
    QCOMPARE(o.lines[0].quantity, 2);
    QCOMPARE(o.lines[0].unitPrice, (Money{3000, u"USD"_s})); // ItemPrice is for the whole line
    QCOMPARE(o.lines[0].taxMinor, 420);
    QCOMPARE(o.lines[0].discountMinor, 600);
    QCOMPARE(o.lines[1].skuCode, u"SKU-1"_s);
    QCOMPARE(first.partNumbers.value(1), (QList<PartNumber>{{u"ASIN"_s, u"B00X4WHP5E"_s}}));
    QCOMPARE(o.charges, (QList<OrderCharge>{{OrderCharge::Kind::Shipping, u"Std US D2D Dom"_s, 599}}));
    QVERIFY(first.source.content.contains("\"OrderItems\""));

    const Order& pending = doc.orders[1].order;
    QCOMPARE(pending.payment, PaymentStatus::Pending);
    QCOMPARE(pending.currency, u"USD"_s); // from the marketplace: a Pending order has no amounts
    QCOMPARE(pending.lines[0].skuCode, QString());
    QCOMPARE(pending.lines[0].unitPrice.minor, 0);

    QCOMPARE(doc.problems.size(), 1);
    QCOMPARE(doc.problems[0].where, u"orders.payload.Orders[2].AmazonOrderId"_s);
    QVERIFY(doc.problems[0].reason.contains(u"no getOrderItems response for order 171-0000000-0000001"_s));
}

void TestChannelReaders::sniffing_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::newRow("shopify order") << u"shopify_order.json"_s << u"shopify"_s;
    QTest::newRow("shopify list") << u"shopify_orders.json"_s << u"shopify"_s;
    QTest::newRow("shopify webhook") << u"shopify_webhook.json"_s << u"shopify"_s;
    QTest::newRow("woocommerce") << u"woocommerce_orders.json"_s << u"woocommerce"_s;
    QTest::newRow("amazon") << u"amazon_orders.json"_s << u"amazon"_s;
    QTest::newRow("csv cross-reference") << u"sku_xref.csv"_s << QString();
}

void TestChannelReaders::sniffing() {
    QFETCH(QString, file);
    QFETCH(QString, format);
    const OrderFormat* detected = OrderFormats::detect(fixture(file));
    QCOMPARE(detected ? detected->name : QString(), format);
}

void TestChannelReaders::malformed_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("where");  // the JSON path of the problem; empty: the document is refused
    QTest::addColumn<QString>("reason"); // part of the message

    const QByteArray shopify = R"({"order":{"id":1,"created_at":"2026-11-20T10:00:00Z","currency":"USD",)"
                               R"("line_items":[{"sku":"SKU-1","quantity":QTY,"price":PRICE}]}})";
    auto shop = [&](const char* qty, const char* price) {
        return QByteArray(shopify).replace("QTY", qty).replace("PRICE", price);
    };
    QTest::newRow("shopify truncated")
        << u"shopify"_s << shopify.left(60) << QString() << u"line 1, column"_s;
    QTest::newRow("shopify invalid UTF-8") << u"shopify"_s
                                           << QByteArray(R"({"order":{"id":1,"email":"b)"
                                                         "\xC3\x28"
                                                         R"(o"}})")
                                           << QString() << u"not UTF-8"_s;
    QTest::newRow("shopify huge quantity") << u"shopify"_s << shop("99999999999999999999", "\"1.00\"")
                                           << u"order.line_items[0].quantity"_s << u"too large"_s;
    QTest::newRow("shopify huge price")
        << u"shopify"_s << shop("1", "1e400") << u"order.line_items[0].price"_s << u"not an exact amount"_s;
    QTest::newRow("shopify price past 64 bits") << u"shopify"_s << shop("1", "\"92233720368547758.08\"")
                                                << u"order.line_items[0].price"_s << u"within range"_s;
    QTest::newRow("shopify quantity as text") << u"shopify"_s << shop("\"two\"", "\"1.00\"")
                                              << u"order.line_items[0].quantity"_s << u"not a whole number"_s;
    QTest::newRow("shopify price as boolean")
        << u"shopify"_s << shop("1", "true") << u"order.line_items[0].price"_s << u"expected an amount"_s;
    QTest::newRow("shopify line items not an array")
        << u"shopify"_s
        << QByteArray(
               R"({"order":{"id":1,"created_at":"2026-11-20T10:00:00Z","currency":"USD","line_items":{}}})")
        << u"order.line_items"_s << u"expected an array"_s;
    QTest::newRow("shopify missing currency")
        << u"shopify"_s
        << QByteArray(R"({"order":{"id":1,"created_at":"2026-11-20T10:00:00Z","line_items":[]}})")
        << u"order.currency"_s << u"is missing"_s;
    QTest::newRow("shopify bad date")
        << u"shopify"_s << QByteArray(R"({"order":{"id":1,"created_at":"yesterday","line_items":[]}})")
        << u"order.created_at"_s << u"not an ISO 8601"_s;
    QTest::newRow("shopify fractional id")
        << u"shopify"_s << QByteArray(R"({"order":{"id":1.5,"line_items":[]}})") << u"order.id"_s
        << u"not a whole number"_s;

    QTest::newRow("woocommerce truncated")
        << u"woocommerce"_s << QByteArray(R"([{"id":727,"line_items":[)") << QString() << u"cut short"_s;
    QTest::newRow("woocommerce invalid UTF-8")
        << u"woocommerce"_s << QByteArray("[{\"id\":1,\"number\":\"\xFF\"}]") << QString() << u"not UTF-8"_s;
    const QByteArray woo = R"([{"id":7,"currency":"USD","date_created_gmt":"2026-11-22T19:28:02",)"
                           R"("line_items":[{"sku":"SKU-1","quantity":QTY,"subtotal":SUB,"total":"1.00"}]}])";
    auto wc = [&](const char* qty, const char* sub) {
        return QByteArray(woo).replace("QTY", qty).replace("SUB", sub);
    };
    QTest::newRow("woocommerce huge subtotal")
        << u"woocommerce"_s << wc("1", "123456789012345678901234567890")
        << u"orders[0].line_items[0].subtotal"_s << u"not an exact amount"_s;
    QTest::newRow("woocommerce quantity as object")
        << u"woocommerce"_s << wc("{}", "\"1.00\"") << u"orders[0].line_items[0].quantity"_s
        << u"an object"_s;
    QTest::newRow("woocommerce missing subtotal")
        << u"woocommerce"_s << wc("1", "null") << u"orders[0].line_items[0].subtotal"_s << u"is missing"_s;
    QTest::newRow("woocommerce missing id")
        << u"woocommerce"_s << QByteArray(R"({"currency":"USD","line_items":[]})") << u"id"_s
        << u"is missing"_s;

    QTest::newRow("amazon truncated")
        << u"amazon"_s << QByteArray(R"({"orders":{"payload":{"Orders":[{"AmazonOrd)") << QString()
        << u"line 1"_s;
    QTest::newRow("amazon invalid UTF-8")
        << u"amazon"_s << QByteArray("{\"orders\":\"\xED\xA0\x80\"}") << QString() << u"not UTF-8"_s;
    const QByteArray amazon =
        R"({"orders":{"payload":{"Orders":[{"AmazonOrderId":"1-2-3","PurchaseDate":)"
        R"("2026-11-23T19:49:35Z","OrderTotal":{"CurrencyCode":"USD","Amount":"1.00"}}]}},)"
        R"("orderItems":[{"payload":{"AmazonOrderId":"1-2-3","OrderItems":[{"OrderItemId":"9",)"
        R"("QuantityOrdered":QTY,"ItemPrice":{"CurrencyCode":"CUR","Amount":AMT}}]}}]})";
    auto az = [&](const char* qty, const char* cur, const char* amount) {
        return QByteArray(amazon).replace("QTY", qty).replace("CUR", cur).replace("AMT", amount);
    };
    QTest::newRow("amazon huge quantity")
        << u"amazon"_s << az("4294967296", "USD", "\"1.00\"")
        << u"orderItems[0].payload.OrderItems[0].QuantityOrdered"_s << u"too large"_s;
    QTest::newRow("amazon other currency") << u"amazon"_s << az("1", "EUR", "\"1.00\"")
                                           << u"orderItems[0].payload.OrderItems[0].ItemPrice.CurrencyCode"_s
                                           << u"differs from the order's currency USD"_s;
    QTest::newRow("amazon amount as array")
        << u"amazon"_s << az("1", "USD", "[]") << u"orderItems[0].payload.OrderItems[0].ItemPrice.Amount"_s
        << u"expected an amount"_s;
    QTest::newRow("amazon missing getOrders payload")
        << u"amazon"_s << QByteArray(R"({"orders":{},"orderItems":[]})") << u"orders.payload"_s
        << u"is missing"_s;

    // The readers share one document loop and one currency check: the document itself is "(top level)" in
    // every reader, and a currency that is no ISO 4217 code is named the same way at each reader's field.
    QTest::newRow("shopify no order at the top level")
        << u"shopify"_s << QByteArray(R"({"shop":1})") << u"(top level)"_s << u"neither \"order\""_s;
    QTest::newRow("amazon top level not an object")
        << u"amazon"_s << QByteArray(R"([])") << u"(top level)"_s << u"expected an object"_s;
    QTest::newRow("shopify bad currency")
        << u"shopify"_s << shop("1", "\"1.00\"").replace(R"("currency":"USD")", R"("currency":"dollars")")
        << u"order.currency"_s << u"'DOLLARS' is not an ISO 4217 currency code"_s;
    QTest::newRow("woocommerce bad currency")
        << u"woocommerce"_s << wc("1", "\"1.00\"").replace(R"("currency":"USD")", R"("currency":"usdx")")
        << u"orders[0].currency"_s << u"'USDX' is not an ISO 4217 currency code"_s;
    QTest::newRow("amazon bad currency")
        << u"amazon"_s
        << az("1", "USD", "\"1.00\"").replace(R"("CurrencyCode":"USD")", R"("CurrencyCode":"Dollars")")
        << u"orders.payload.Orders[0].OrderTotal.CurrencyCode"_s
        << u"'DOLLARS' is not an ISO 4217 currency code"_s;
}

void TestChannelReaders::malformed() {
    QFETCH(QString, format);
    QFETCH(QByteArray, content);
    QFETCH(QString, where);
    QFETCH(QString, reason);
    const OrderFormat* reader = OrderFormats::byName(format);
    QVERIFY(reader);
    try {
        const ParsedDocument doc = reader->read(content, u"bad.json"_s);
        QVERIFY2(!where.isEmpty(), "the document should have been refused");
        QVERIFY(doc.orders.isEmpty());
        QCOMPARE(doc.problems.size(), 1);
        QCOMPARE(doc.problems[0].where, where);
        QVERIFY2(doc.problems[0].reason.contains(reason), qPrintable(doc.problems[0].reason));
    } catch (const Error& e) {
        QVERIFY2(where.isEmpty(),
                 qPrintable(u"refused instead of a problem at "_s + where + u": "_s + e.message()));
        QCOMPARE(e.kind(), Error::Kind::Input);
        QVERIFY2(e.message().startsWith(u"bad.json: "_s), qPrintable(e.message()));
        QVERIFY2(e.message().contains(reason), qPrintable(e.message()));
    }
}

// Every number is read and kept as its text: the whole numbers left unmarked (at most 15 digits, which a
// double holds exactly) and the marked ones (decimals, exponents, longer numbers) alike.
void TestChannelReaders::numbersKeepTheirText() {
    const QByteArray text = R"({"a":123456789012345,"b":-7,"c":0,"d":12.50,"e":820982911946154508,)"
                            R"("f":-1234567890123456,"g":1e2,"h":[1,22,333],"i":-0})";
    const QJsonValue parsed = ChannelJson::parse(text, u"n.json"_s);
    QCOMPARE(ChannelJson::toText(parsed), text);
    const JsonNode root(parsed, QString());
    QCOMPARE(root[u"a"_s].idText(), u"123456789012345"_s);
    QCOMPARE(root[u"b"_s].integer(), -7);
    QCOMPARE(root[u"c"_s].text(), u"0"_s);
    QCOMPARE(root[u"d"_s].money(u"USD"_s), 1250);
    QCOMPARE(root[u"e"_s].idText(), u"820982911946154508"_s);
    QCOMPARE(root[u"h"_s].elements().at(2).money(u"USD"_s), 33300);
    QCOMPARE(root[u"i"_s].text(), u"-0"_s);
}

QTEST_GUILESS_MAIN(TestChannelReaders)
#include "tst_channelreaders.moc"
