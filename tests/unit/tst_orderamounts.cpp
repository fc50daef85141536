// The ceiling on amounts and quantities, the same on the reader of every channel format (CSV orders, Shopify,
// WooCommerce, Amazon, X12 850): a line's total (unit price x quantity), an order's lines, taxes, discounts
// and charges are computed with overflow checks, and an order whose amounts would pass the largest amount
// Ordo keeps (1000000000000.00 in a two-decimal currency) or whose line orders more than 10000000 units is
// left out with the file, the line or JSON path or segment, the field and the reason. Nothing wraps around.
#include "Error.h"
#include "formats/CsvFileKind.h"
#include "formats/CsvOrderAssembler.h"
#include "formats/CsvReader.h"
#include "formats/OrderFormats.h"
#include "model/OrderAmounts.h"

#include <QBuffer>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

// What a reader made of a document: the orders kept (with their totals) and the problems ("where: reason").
struct Outcome {
    QList<qint64> totals;
    QStringList problems;
};

Outcome readCsv(QByteArray content) {
    QBuffer buffer(&content);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, u"o.csv"_s);
    CsvRecord header;
    reader.next(header);
    CsvOrderAssembler assembler(CsvFileKind::recognise(header.fields), u"o.csv"_s);
    CsvRecord record;
    while (reader.next(record))
        assembler.add(record);
    Outcome outcome;
    for (const ImportIssue& issue : assembler.errors())
        outcome.problems << u"line %1: %2"_s.arg(issue.line).arg(issue.message);
    for (const CsvOrderAssembler::Assembled& a : assembler.orders())
        if (!a.rejected)
            outcome.totals << a.order.totalMinor();
    return outcome;
}

Outcome read(const QString& format, const QByteArray& content) {
    if (format == u"csv"_s)
        return readCsv(content);
    const ParsedDocument doc = OrderFormats::byName(format)->read(content, u"o.doc"_s);
    Outcome outcome;
    for (const ParseProblem& p : doc.problems)
        outcome.problems << p.where + u": "_s + p.reason;
    for (const ImportedOrder& o : doc.orders)
        outcome.totals << o.order.totalMinor();
    return outcome;
}

// One order of each format with the lines given as (quantity, unit price or line amount) pairs.
using Lines = QList<QPair<QByteArray, QByteArray>>;

QByteArray csv(const Lines& lines) {
    QByteArray out = "order_id,channel,ordered_at,customer_email,ship_name,address1,city,region,postal_code,"
                     "country,delivery,pickup_location_id,sku,quantity,unit_price,currency\n";
    for (const auto& [quantity, price] : lines)
        out += "O-1,web,2024-05-31T14:05:00Z,a@example.com,Ana,1 Main St,Reno,NV,89501,US,ship,,MUG-01," +
               quantity + ',' + price + ",USD\n";
    return out;
}

QByteArray shopify(const Lines& lines, const QByteArray& extra = {}) {
    QByteArrayList items;
    for (const auto& [quantity, price] : lines)
        items << R"({"sku":"SKU-1","quantity":)" + quantity + R"(,"price":")" + price + '"' + extra + '}';
    return R"({"order":{"id":1,"created_at":"2026-11-20T10:00:00Z","currency":"USD","line_items":[)" +
           items.join(',') + "]}}";
}

// WooCommerce gives the line's amount (subtotal), not the unit price.
QByteArray woo(const Lines& lines, const QByteArray& fees = {}) {
    QByteArrayList items;
    for (const auto& [quantity, subtotal] : lines)
        items << R"({"sku":"SKU-1","quantity":)" + quantity + R"(,"subtotal":")" + subtotal +
                     R"(","total":")" + subtotal + R"("})";
    return R"([{"id":7,"currency":"USD","date_created_gmt":"2026-11-22T19:28:02","line_items":[)" +
           items.join(',') + "]" + fees + "}]";
}

// Amazon gives the line's amount (ItemPrice) too.
QByteArray amazon(const Lines& lines, const QByteArray& shipping = {}) {
    QByteArrayList items;
    int id = 0;
    for (const auto& [quantity, price] : lines)
        items << R"({"OrderItemId":")" + QByteArray::number(++id) +
                     R"(","SellerSKU":"SKU-1","QuantityOrdered":)" + quantity +
                     R"(,"ItemPrice":{"CurrencyCode":"USD","Amount":")" + price + R"("})" +
                     (shipping.isEmpty()
                          ? QByteArray()
                          : R"(,"ShippingPrice":{"CurrencyCode":"USD","Amount":")" + shipping + R"("})") +
                     "}";
    return R"({"orders":{"payload":{"Orders":[{"AmazonOrderId":"1-2-3","PurchaseDate":"2026-11-23T19:49:35Z",)"
           R"("OrderTotal":{"CurrencyCode":"USD","Amount":"1.00"}}]}},"orderItems":[{"payload":{)"
           R"("AmazonOrderId":"1-2-3","OrderItems":[)" +
           items.join(',') + "]}}]}";
}

QByteArray x12(const Lines& lines) {
    QByteArray body = "ST*850*0001~\nBEG*00*SA*PO-1**20261130~\n";
    int no = 0;
    for (const auto& [quantity, price] : lines)
        body += "PO1*" + QByteArray::number(++no) + '*' + quantity + "*EA*" + price + "**SK*SKU-1~\n";
    const int segments = 3 + int(lines.size());
    body += "SE*" + QByteArray::number(segments) + "*0001~\n";
    return "ISA*00*          *00*          *ZZ*ACMERETAIL     *ZZ*ORDOVENDOR     *261130*0930*U*00401*"
           "000000905*0*P*:~\nGS*PO*ACMERETAIL*ORDOVENDOR*20261130*0930*17*X*004010~\n" +
           body + "GE*1*17~\nIEA*1*000000905~\n";
}

} // namespace

class TestOrderAmounts : public QObject {
    Q_OBJECT
private slots:
    void boundaries_data();
    void boundaries();
    void valueOfExtremeAmounts_data();
    void valueOfExtremeAmounts();
};

void TestOrderAmounts::boundaries_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("total");    // the order's total when it is kept; -1: left out
    QTest::addColumn<QString>("problem"); // the start of the one problem ("where: reason" of the message)

    const QByteArray ceiling = "1000000000000.00";     // 10^14 cents
    const QByteArray pastCeiling = "1000000000000.01"; // one cent more
    const QByteArray huge = "4611686018427.38";        // 2^62 / 10^4 dollars: four million of them wrap
    const QByteArray largest = "92233720368547758.07"; // the largest 64-bit amount
    const qint64 ceilingMinor = 100'000'000'000'000;

    // The user's two orders: 4000000 x 4611686018427.38 once, and two lines of 2147483647 x the largest.
    QTest::newRow("csv: 4000000 x 4611686018427.38")
        << u"csv"_s << csv({{"4000000", huge}}) << qint64(-1)
        << u"line 2: order O-1 is rejected: field unit_price: total 4000000 x 4611686018427.38 exceeds"_s;
    QTest::newRow("csv: two lines of 2147483647 x the largest")
        << u"csv"_s << csv({{"2147483647", largest}, {"2147483647", largest}}) << qint64(-1)
        << u"line 2: order O-1 is rejected: field quantity: 2147483647 is more than 10000000"_s;
    QTest::newRow("csv: quantity at the most")
        << u"csv"_s << csv({{"10000000", "0.01"}}) << qint64(10000000) << QString();
    QTest::newRow("csv: quantity past the most")
        << u"csv"_s << csv({{"10000001", "0.01"}}) << qint64(-1)
        << u"line 2: order O-1 is rejected: field quantity: 10000001 is more than 10000000"_s;
    QTest::newRow("csv: negative quantity past the most")
        << u"csv"_s << csv({{"-10000001", "0.01"}}) << qint64(-1)
        << u"line 2: order O-1 is rejected: field quantity: -10000001 is more than 10000000"_s;
    QTest::newRow("csv: price at the ceiling")
        << u"csv"_s << csv({{"1", ceiling}}) << ceilingMinor << QString();
    QTest::newRow("csv: price past the ceiling")
        << u"csv"_s << csv({{"1", pastCeiling}}) << qint64(-1)
        << u"line 2: order O-1 is rejected: field unit_price: 1000000000000.01 exceeds"_s;
    QTest::newRow("csv: line total past the ceiling")
        << u"csv"_s << csv({{"2", "500000000000.01"}}) << qint64(-1)
        << u"line 2: order O-1 is rejected: field unit_price: total 2 x 500000000000.01 exceeds"_s;
    QTest::newRow("csv: lines add up past the ceiling")
        << u"csv"_s << csv({{"1", ceiling}, {"1", "0.01"}}) << qint64(-1)
        << u"line 3: order O-1 is rejected: field unit_price: the order's lines add up to more than"_s;
    QTest::newRow("csv: negative lines add up past the ceiling")
        << u"csv"_s << csv({{"-1", ceiling}, {"-1", "0.01"}}) << qint64(-1)
        << u"line 3: order O-1 is rejected: field unit_price: the order's lines add up to more than"_s;

    QTest::newRow("shopify: 4000000 x 4611686018427.38")
        << u"shopify"_s << shopify({{"4000000", huge}}) << qint64(-1)
        << u"order.line_items[0].price: total 4000000 x 4611686018427.38 exceeds"_s;
    QTest::newRow("shopify: two lines of 2147483647 x the largest")
        << u"shopify"_s << shopify({{"2147483647", largest}, {"2147483647", largest}}) << qint64(-1)
        << u"order.line_items[0].quantity: 2147483647 is more than 10000000"_s;
    QTest::newRow("shopify: quantity at the most")
        << u"shopify"_s << shopify({{"10000000", "0.01"}}) << qint64(10000000) << QString();
    QTest::newRow("shopify: price at the ceiling")
        << u"shopify"_s << shopify({{"1", ceiling}}) << ceilingMinor << QString();
    QTest::newRow("shopify: price past the ceiling")
        << u"shopify"_s << shopify({{"1", pastCeiling}}) << qint64(-1)
        << u"order.line_items[0].price: '1000000000000.01' exceeds"_s;
    QTest::newRow("shopify: lines add up past the ceiling")
        << u"shopify"_s << shopify({{"1", ceiling}, {"1", "0.01"}}) << qint64(-1)
        << u"order.line_items[1].price: the order's lines add up to more than"_s;
    QTest::newRow("shopify: a line's taxes add up past the ceiling")
        << u"shopify"_s
        << shopify({{"1", "1.00"}}, R"(,"tax_lines":[{"price":"1000000000000.00"},{"price":"0.01"}])")
        << qint64(-1) << u"order.line_items[0].tax_lines: the amounts add up to more than"_s;

    QTest::newRow("woocommerce: 4000000 items for 2^62 cents")
        << u"woocommerce"_s << woo({{"4000000", "46116860184273879.04"}}) << qint64(-1)
        << u"orders[0].line_items[0].subtotal: '46116860184273879.04' exceeds"_s;
    QTest::newRow("woocommerce: two lines of 2147483647 for the largest")
        << u"woocommerce"_s << woo({{"2147483647", largest}, {"2147483647", largest}}) << qint64(-1)
        << u"orders[0].line_items[0].quantity: 2147483647 is more than 10000000"_s;
    QTest::newRow("woocommerce: subtotal at the ceiling")
        << u"woocommerce"_s << woo({{"1", ceiling}}) << ceilingMinor << QString();
    QTest::newRow("woocommerce: lines add up past the ceiling")
        << u"woocommerce"_s << woo({{"1", ceiling}, {"1", "0.01"}}) << qint64(-1)
        << u"orders[0].line_items[1].subtotal: the order's lines add up to more than"_s;
    QTest::newRow("woocommerce: fees add up past the ceiling")
        << u"woocommerce"_s
        << woo({{"1", "1.00"}},
               R"(,"fee_lines":[{"name":"a","total":"1000000000000.00"},{"name":"b","total":"1.00"}])")
        << qint64(-1)
        << u"orders[0]: the order's value (lines, taxes and charges, less discounts) is more than"_s;

    QTest::newRow("amazon: 4000000 items for 2^62 cents")
        << u"amazon"_s << amazon({{"4000000", "46116860184273879.04"}}) << qint64(-1)
        << u"orderItems[0].payload.OrderItems[0].ItemPrice.Amount: '46116860184273879.04' exceeds"_s;
    QTest::newRow("amazon: two lines of 2147483647 for the largest")
        << u"amazon"_s << amazon({{"2147483647", largest}, {"2147483647", largest}}) << qint64(-1)
        << u"orderItems[0].payload.OrderItems[0].QuantityOrdered: 2147483647 is more than 10000000"_s;
    QTest::newRow("amazon: line at the ceiling")
        << u"amazon"_s << amazon({{"1", ceiling}}) << ceilingMinor << QString();
    QTest::newRow("amazon: lines add up past the ceiling")
        << u"amazon"_s << amazon({{"1", ceiling}, {"1", "0.01"}}) << qint64(-1)
        << u"orderItems[0].payload.OrderItems[1].ItemPrice: the order's lines add up to more than"_s;
    QTest::newRow("amazon: shipping adds up past the ceiling")
        << u"amazon"_s << amazon({{"1", "1.00"}, {"1", "1.00"}}, ceiling) << qint64(-1)
        << u"orderItems[0].payload.OrderItems[1].ShippingPrice: the amounts add up to more than"_s;

    QTest::newRow("x12: 4000000 x 4611686018427.38")
        << u"x12"_s << x12({{"4000000", huge}}) << qint64(-1)
        << u"segment 5 (PO1): element 04: total 4000000 x 4611686018427.38 exceeds"_s;
    QTest::newRow("x12: two lines of 2147483647 x the largest")
        << u"x12"_s << x12({{"2147483647", largest}, {"2147483647", largest}}) << qint64(-1)
        << u"segment 5 (PO1): element 02: quantity '2147483647' is more than 10000000"_s;
    QTest::newRow("x12: quantity at the most")
        << u"x12"_s << x12({{"10000000", "0.01"}}) << qint64(10000000) << QString();
    QTest::newRow("x12: price at the ceiling")
        << u"x12"_s << x12({{"1", ceiling}}) << ceilingMinor << QString();
    QTest::newRow("x12: price past the ceiling")
        << u"x12"_s << x12({{"1", pastCeiling}}) << qint64(-1)
        << u"segment 5 (PO1): element 04: unit price '1000000000000.01' exceeds"_s;
    QTest::newRow("x12: lines add up past the ceiling")
        << u"x12"_s << x12({{"1", ceiling}, {"1", "0.01"}}) << qint64(-1)
        << u"segment 6 (PO1): element 04: the order's lines add up to more than"_s;
}

void TestOrderAmounts::boundaries() {
    QFETCH(QString, format);
    QFETCH(QByteArray, content);
    QFETCH(qint64, total);
    QFETCH(QString, problem);
    const Outcome outcome = read(format, content);
    if (total >= 0) {
        QVERIFY2(outcome.problems.isEmpty(), qPrintable(outcome.problems.join(u'\n')));
        QCOMPARE(outcome.totals, QList<qint64>{total});
        return;
    }
    QVERIFY2(outcome.totals.isEmpty(), "an order whose amounts pass the ceiling was kept");
    // One problem; a CSV file names every row of the rejected order that is wrong itself.
    QVERIFY(!outcome.problems.isEmpty());
    if (format != u"csv"_s)
        QCOMPARE(outcome.problems.size(), 1);
    QVERIFY2(outcome.problems.first().startsWith(problem), qPrintable(outcome.problems.first()));
    // Every refusal says what the limit is.
    QVERIFY2(outcome.problems.first().contains(u"1000000000000.00 USD, the largest amount Ordo keeps"_s) ||
                 outcome.problems.first().contains(u"10000000, the most one line may order"_s),
             qPrintable(outcome.problems.first()));
}

void TestOrderAmounts::valueOfExtremeAmounts_data() {
    // An order handed in by a service (not read from a file) may carry any 64-bit amount: the value is
    // computed without overflow or undefined behaviour, and is absent past the ceiling.
    constexpr qint64 least = std::numeric_limits<qint64>::min();
    constexpr qint64 most = std::numeric_limits<qint64>::max();
    QTest::addColumn<qint64>("discount");
    QTest::addColumn<qint64>("tax");
    QTest::addColumn<std::optional<qint64>>("value");
    const std::optional<qint64> none;
    QTest::newRow("ordinary") << qint64(300) << qint64(160) << std::optional<qint64>(2000 - 300 + 160);
    QTest::newRow("discount of the least 64-bit value") << least << qint64(0) << none;
    QTest::newRow("tax of the largest 64-bit value") << qint64(0) << most << none;
    QTest::newRow("discount past the ceiling") << Money::maxMinor + 1 << qint64(0) << none;
    QTest::newRow("discount at the ceiling")
        << Money::maxMinor << qint64(0) << std::optional<qint64>(2000 - Money::maxMinor);
}

void TestOrderAmounts::valueOfExtremeAmounts() {
    QFETCH(qint64, discount);
    QFETCH(qint64, tax);
    using Value = std::optional<qint64>;
    QFETCH(Value, value);
    Order order;
    order.currency = u"USD"_s;
    OrderLine line;
    line.lineNo = 1;
    line.skuCode = u"SKU-1"_s;
    line.quantity = 2;
    line.unitPrice = Money{1000, u"USD"_s};
    line.discountMinor = discount;
    line.taxMinor = tax;
    order.lines = {line};
    QCOMPARE(OrderAmounts::value(order), value);
}

QTEST_GUILESS_MAIN(TestOrderAmounts)
#include "tst_orderamounts.moc"
