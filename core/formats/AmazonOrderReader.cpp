#include "AmazonOrderReader.h"

#include "formats/ChannelDocument.h"
#include "model/OrderAmounts.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ordo::AmazonOrderReader {

namespace {

// An SP-API Money object: {"CurrencyCode": "USD", "Amount": "89.99"}; 0 when absent. The currency must be the
// order's.
qint64 amount(const JsonNode& money, const QString& currency) {
    if (money.isAbsent())
        return 0;
    money.requireObject();
    const QString code = money[u"CurrencyCode"_s].text();
    if (!code.isEmpty() && code != currency)
        money[u"CurrencyCode"_s].fail(u"%1 differs from the order's currency %2"_s.arg(code, currency));
    return money[u"Amount"_s].money(currency);
}

// The currency of a marketplace, for orders that carry no amount yet (Pending orders have no total and no
// item prices).
QString marketplaceCurrency(const QString& marketplaceId) {
    static const QHash<QString, QString> currencies = {
        {u"ATVPDKIKX0DER"_s, u"USD"_s},  {u"A2EUQ1WTGCTBG2"_s, u"CAD"_s}, {u"A1AM78C64UM0Y8"_s, u"MXN"_s},
        {u"A1F83G8C2ARO7P"_s, u"GBP"_s}, {u"A1PA6795UKMFR9"_s, u"EUR"_s}, {u"A13V1IB3VIYZZH"_s, u"EUR"_s},
        {u"A1RKKUPIHCS9HS"_s, u"EUR"_s}, {u"APJ6JRA9NG5V4"_s, u"EUR"_s},  {u"A1805IZSGTT6HS"_s, u"EUR"_s},
        {u"A39IBJ37TRP1C6"_s, u"AUD"_s}, {u"A1VC38T7YXB528"_s, u"JPY"_s},
    };
    return currencies.value(marketplaceId);
}

// Amazon authorises payment before an order leaves Pending and charges it when it ships.
PaymentStatus payment(const JsonNode& status, QStringList& warnings) {
    const QString s = status.text();
    if (s == u"Pending"_s || s == u"PendingAvailability"_s)
        return PaymentStatus::Pending;
    if (s == u"Unshipped"_s || s == u"PartiallyShipped"_s || s == u"InvoiceUnconfirmed"_s)
        return PaymentStatus::Authorized;
    if (s == u"Shipped"_s)
        return PaymentStatus::Paid;
    if (s == u"Canceled"_s)
        return PaymentStatus::Voided;
    if (!s.isEmpty() && s != u"Unfulfillable"_s)
        warnings << u"%1: order status '%2' is not known; payment taken as unknown"_s.arg(status.path(), s);
    return PaymentStatus::Unknown;
}

Address address(const JsonNode& a) {
    Address out;
    if (a.isAbsent())
        return out;
    a.requireObject();
    out.name = a[u"Name"_s].text();
    out.line1 = joinAddressLines(
        {a[u"AddressLine1"_s].text(), a[u"AddressLine2"_s].text(), a[u"AddressLine3"_s].text()});
    out.city = a[u"City"_s].text();
    out.region = a[u"StateOrRegion"_s].text();
    out.postalCode = a[u"PostalCode"_s].text();
    out.country = a[u"CountryCode"_s].text().toUpper();
    return out;
}

ImportedOrder readOrder(const JsonNode& o, const QList<JsonNode>& items) {
    ImportedOrder imported;
    imported.partner = u"amazon"_s;
    Order& order = imported.order;
    order.externalId = o[u"AmazonOrderId"_s].requiredText();
    order.orderNumber = order.externalId; // 3-7-7 digits, distinct from every other channel's numbers
    order.channel = Channel::Marketplace;
    order.orderedAt = o[u"PurchaseDate"_s].dateTime();
    if (!order.orderedAt.isValid())
        o[u"PurchaseDate"_s].fail(u"is missing"_s);
    order.currency = o[u"OrderTotal"_s][u"CurrencyCode"_s].text().toUpper();
    if (order.currency.isEmpty()) {
        // A Pending order has no total yet; its items' prices, when there, name the currency.
        for (const JsonNode& item : items) {
            order.currency = item[u"ItemPrice"_s][u"CurrencyCode"_s].text().toUpper();
            if (!order.currency.isEmpty())
                break;
        }
    }
    if (order.currency.isEmpty())
        order.currency = marketplaceCurrency(o[u"MarketplaceId"_s].text());
    if (order.currency.isEmpty())
        o[u"OrderTotal"_s].fail(
            u"no currency: neither the order total, an item price nor the marketplace names one"_s);
    order.currency = ChannelDocument::currency(order.currency, o[u"OrderTotal"_s][u"CurrencyCode"_s]);

    const JsonNode buyer = o[u"BuyerInfo"_s];
    order.customerEmail = buyer[u"BuyerEmail"_s].text();
    order.customerName = buyer[u"BuyerName"_s].text();
    order.shipTo = address(o[u"ShippingAddress"_s]);
    order.customerPhone = o[u"ShippingAddress"_s][u"Phone"_s].text();
    order.shipMethod = o[u"ShipServiceLevel"_s].text();
    if (order.shipMethod.isEmpty())
        order.shipMethod = o[u"ShipmentServiceLevelCategory"_s].text();
    order.payment = payment(o[u"OrderStatus"_s], imported.warnings);
    if (o[u"IsPrime"_s].boolean() || o[u"IsPremiumOrder"_s].boolean())
        order.priority = 1;

    int lineNo = 0;
    qint64 shipping = 0, shippingTax = 0, shippingDiscount = 0, codFee = 0, linesTotal = 0;
    // Each item's share of an order-level amount, added with a check against the ceiling.
    const auto addShare = [&order](qint64& sum, const JsonNode& money) {
        money.addAmount(sum, amount(money, order.currency), order.currency);
    };
    for (const JsonNode& item : items) {
        item.requireObject();
        OrderLine line;
        line.lineNo = ++lineNo;
        line.externalLineId = item[u"OrderItemId"_s].requiredText();
        line.skuCode = item[u"SellerSKU"_s].text();
        line.title = item[u"Title"_s].text();
        line.quantity = item[u"QuantityOrdered"_s].requiredQuantity();
        // ItemPrice is the price of the whole line (unit price times quantity).
        const qint64 linePrice = amount(item[u"ItemPrice"_s], order.currency);
        if (line.quantity > 0 && linePrice % line.quantity != 0)
            item[u"ItemPrice"_s].fail(u"%1 is not a whole number of minor units per item for quantity %2"_s
                                          .arg(Money{linePrice, order.currency}.toString())
                                          .arg(line.quantity));
        line.unitPrice = Money{line.quantity > 0 ? linePrice / line.quantity : 0, order.currency};
        if (!OrderAmounts::add(linesTotal, linePrice))
            item[u"ItemPrice"_s].fail(OrderAmounts::linesProblem(order.currency));
        line.taxMinor = amount(item[u"ItemTax"_s], order.currency);
        line.discountMinor = amount(item[u"PromotionDiscount"_s], order.currency);
        addShare(shipping, item[u"ShippingPrice"_s]);
        addShare(shippingTax, item[u"ShippingTax"_s]);
        addShare(shippingDiscount, item[u"ShippingDiscount"_s]);
        addShare(codFee, item[u"CODFee"_s]);
        item[u"CODFeeDiscount"_s].addAmount(codFee, -amount(item[u"CODFeeDiscount"_s], order.currency),
                                            order.currency);
        const QString asin = item[u"ASIN"_s].text();
        if (!asin.isEmpty())
            imported.partNumbers[line.lineNo] << PartNumber{u"ASIN"_s, asin};
        order.lines << line;
    }
    if (lineNo == 0)
        o[u"AmazonOrderId"_s].fail(u"the order has no items"_s);
    if (shipping != 0 || !order.shipMethod.isEmpty())
        order.charges << OrderCharge{OrderCharge::Kind::Shipping, order.shipMethod, shipping};
    if (shippingTax != 0)
        order.charges << OrderCharge{OrderCharge::Kind::Tax, u"Shipping tax"_s, shippingTax};
    if (shippingDiscount != 0)
        order.charges << OrderCharge{OrderCharge::Kind::Discount, u"Shipping discount"_s, shippingDiscount};
    if (codFee != 0)
        order.charges << OrderCharge{OrderCharge::Kind::Fee, u"Cash on delivery"_s, codFee};
    return imported;
}

// A getOrders response or an array of them (pages): the order objects.
QList<JsonNode> ordersOfResponses(const JsonNode& responses) {
    QList<JsonNode> pages;
    if (responses.isArray())
        pages = responses.elements();
    else
        pages << responses.requireObject();
    QList<JsonNode> orders;
    for (const JsonNode& page : std::as_const(pages)) {
        page.requireObject();
        if (page.has(u"errors"_s) && !page.has(u"payload"_s))
            page[u"errors"_s].fail(u"the getOrders response is an error"_s);
        orders << page[u"payload"_s].requireObject()[u"Orders"_s].elements();
    }
    return orders;
}

} // namespace

bool sniff(QByteArrayView content) {
    const QByteArrayView head = content.trimmed();
    return !head.isEmpty() && head.front() == '{' && content.contains("\"AmazonOrderId\"") &&
           content.contains("\"orderItems\"");
}

ParsedDocument read(const QByteArray& content, const QString& fileName) {
    return collect([&](const DocumentSink& sink) { read(content, fileName, sink); });
}

void read(const QByteArray& content, const QString& fileName, const DocumentSink& sink) {
    QHash<QString, QList<JsonNode>> itemsByOrder;
    const auto ordersOf = [&itemsByOrder](const JsonNode& root) {
        root.requireObject();
        QList<JsonNode> orders = ordersOfResponses(root[u"orders"_s]);
        for (const JsonNode& response : root[u"orderItems"_s].elements()) {
            const JsonNode payload = response.requireObject()[u"payload"_s].requireObject();
            const QString id = payload[u"AmazonOrderId"_s].requiredText();
            itemsByOrder[id] << payload[u"OrderItems"_s].elements();
        }
        return orders;
    };
    const auto readOne = [&itemsByOrder](const JsonNode& node) {
        node.requireObject();
        const QString id = node[u"AmazonOrderId"_s].requiredText();
        const auto items = itemsByOrder.constFind(id);
        if (items == itemsByOrder.cend())
            node[u"AmazonOrderId"_s].fail(u"no getOrderItems response for order %1 in orderItems"_s.arg(id));
        ImportedOrder imported = readOrder(node, *items);
        QJsonArray itemValues;
        for (const JsonNode& item : *items)
            itemValues.append(item.value());
        QJsonObject kept = node.value().toObject();
        kept.insert(u"OrderItems"_s, itemValues); // the order with its items, as one reference document
        imported.source.content = ChannelJson::toText(kept);
        return imported;
    };
    ChannelDocument::read(u"amazon"_s, content, fileName, ordersOf, readOne, sink);
}

} // namespace ordo::AmazonOrderReader
