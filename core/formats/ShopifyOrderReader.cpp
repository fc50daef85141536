#include "ShopifyOrderReader.h"

#include "formats/ChannelDocument.h"
#include "model/OrderAmounts.h"

using namespace Qt::StringLiterals;

namespace ordo::ShopifyOrderReader {

namespace {

Address address(const JsonNode& a) {
    Address out;
    if (a.isAbsent())
        return out;
    a.requireObject();
    out.name = a[u"name"_s].text();
    if (out.name.isEmpty())
        out.name = joinName(a[u"first_name"_s].text(), a[u"last_name"_s].text());
    out.line1 = joinAddressLines({a[u"address1"_s].text(), a[u"address2"_s].text()});
    out.city = a[u"city"_s].text();
    out.region = a[u"province_code"_s].text();
    if (out.region.isEmpty())
        out.region = a[u"province"_s].text();
    out.postalCode = a[u"zip"_s].text();
    out.country = a[u"country_code"_s].text().toUpper();
    const auto lat = a[u"latitude"_s].coordinate();
    const auto lon = a[u"longitude"_s].coordinate();
    if (lat && lon)
        out.position = GeoPoint{*lat, *lon};
    return out;
}

PaymentStatus payment(const JsonNode& status, QStringList& warnings) {
    const QString s = status.text();
    if (s.isEmpty())
        return PaymentStatus::Unknown;
    if (s == u"pending"_s)
        return PaymentStatus::Pending;
    if (s == u"authorized"_s)
        return PaymentStatus::Authorized;
    if (s == u"paid"_s || s == u"partially_refunded"_s)
        return PaymentStatus::Paid;
    if (s == u"partially_paid"_s)
        return PaymentStatus::PartiallyPaid;
    if (s == u"refunded"_s)
        return PaymentStatus::Refunded;
    if (s == u"voided"_s)
        return PaymentStatus::Voided;
    if (s == u"expired"_s)
        return PaymentStatus::Failed;
    warnings << u"%1: financial status '%2' is not known; payment taken as unknown"_s.arg(status.path(), s);
    return PaymentStatus::Unknown;
}

Channel channelFor(const QString& sourceName) {
    if (sourceName == u"pos"_s)
        return Channel::Pos;
    if (sourceName == u"iphone"_s || sourceName == u"android"_s)
        return Channel::App;
    if (sourceName == u"shopify_draft_order"_s)
        return Channel::Phone;
    return Channel::Web;
}

qint64 sumOf(const JsonNode& list, const QString& field, const QString& currency) {
    qint64 sum = 0;
    for (const JsonNode& item : list.elements())
        list.addAmount(sum, item[field].money(currency), currency);
    return sum;
}

ImportedOrder readOrder(const JsonNode& o) {
    o.requireObject();
    ImportedOrder imported;
    Order& order = imported.order;
    // The numeric id, exactly; the GraphQL id ends with the same digits and serves when the number is absent.
    order.externalId = o[u"id"_s].idText();
    if (order.externalId.isEmpty()) {
        const QString gid = o[u"admin_graphql_api_id"_s].text();
        order.externalId = gid.mid(gid.lastIndexOf(u'/') + 1);
    }
    if (order.externalId.isEmpty())
        o[u"id"_s].fail(u"is missing"_s);
    QString number = o[u"order_number"_s].idText();
    if (number.isEmpty())
        number = o[u"name"_s].text().remove(u'#');
    order.orderNumber = u"SHOP-"_s + (number.isEmpty() ? order.externalId : number);
    order.channel = channelFor(o[u"source_name"_s].text());
    order.orderedAt = o[u"created_at"_s].dateTime();
    if (!order.orderedAt.isValid())
        order.orderedAt = o[u"processed_at"_s].dateTime();
    if (!order.orderedAt.isValid())
        o[u"created_at"_s].fail(u"is missing"_s);
    order.currency = ChannelDocument::currency(o[u"currency"_s].requiredText(), o[u"currency"_s]);

    const JsonNode customer = o[u"customer"_s];
    order.customerEmail = o[u"email"_s].text();
    if (order.customerEmail.isEmpty())
        order.customerEmail = o[u"contact_email"_s].text();
    if (order.customerEmail.isEmpty())
        order.customerEmail = customer[u"email"_s].text();
    order.customerPhone = o[u"phone"_s].text();
    if (order.customerPhone.isEmpty())
        order.customerPhone = customer[u"phone"_s].text();
    order.customerName = joinName(customer[u"first_name"_s].text(), customer[u"last_name"_s].text());
    order.shipTo = address(o[u"shipping_address"_s]);
    order.billTo = address(o[u"billing_address"_s]);
    if (order.customerName.isEmpty())
        order.customerName = order.billTo.name;
    if (order.customerPhone.isEmpty())
        order.customerPhone = o[u"shipping_address"_s][u"phone"_s].text();
    order.payment = payment(o[u"financial_status"_s], imported.warnings);

    int lineNo = 0;
    qint64 lineDiscounts = 0, linesTotal = 0;
    for (const JsonNode& item : o[u"line_items"_s].elements()) {
        item.requireObject();
        OrderLine line;
        line.lineNo = ++lineNo;
        line.externalLineId = item[u"id"_s].idText();
        line.skuCode = item[u"sku"_s].text();
        line.title = item[u"name"_s].text();
        if (line.title.isEmpty())
            line.title = item[u"title"_s].text();
        line.quantity = item[u"quantity"_s].requiredQuantity();
        line.unitPrice =
            Money{item[u"price"_s].requiredUnitPrice(order.currency, line.quantity), order.currency};
        if (!OrderAmounts::add(linesTotal, *line.checkedTotalMinor()))
            item[u"price"_s].fail(OrderAmounts::linesProblem(order.currency));
        line.taxMinor = sumOf(item[u"tax_lines"_s], u"price"_s, order.currency);
        // Shopify spreads every discount (codes included) over the lines as discount allocations.
        const QList<JsonNode> allocations = item[u"discount_allocations"_s].elements();
        line.discountMinor = allocations.isEmpty()
                                 ? item[u"total_discount"_s].money(order.currency)
                                 : sumOf(item[u"discount_allocations"_s], u"amount"_s, order.currency);
        item.addAmount(lineDiscounts, line.discountMinor, order.currency);
        if (line.skuCode.isEmpty()) {
            // A product without a SKU: its variant id can be mapped through the cross-reference.
            const QString variant = item[u"variant_id"_s].idText();
            if (!variant.isEmpty())
                imported.partNumbers[line.lineNo] << PartNumber{u"VARIANT"_s, variant};
        }
        order.lines << line;
    }
    if (lineNo == 0)
        o[u"line_items"_s].fail(u"the order has no line items"_s);

    for (const JsonNode& shipping : o[u"shipping_lines"_s].elements()) {
        shipping.requireObject();
        const QString title = shipping[u"title"_s].text();
        if (order.shipMethod.isEmpty())
            order.shipMethod = title.isEmpty() ? shipping[u"code"_s].text() : title;
        order.charges << OrderCharge{OrderCharge::Kind::Shipping, title,
                                     shipping[u"price"_s].money(order.currency)};
        const qint64 tax = sumOf(shipping[u"tax_lines"_s], u"price"_s, order.currency);
        if (tax != 0)
            order.charges << OrderCharge{OrderCharge::Kind::Tax, u"Shipping tax"_s, tax};
        const qint64 discount = sumOf(shipping[u"discount_allocations"_s], u"amount"_s, order.currency);
        if (discount != 0)
            order.charges << OrderCharge{OrderCharge::Kind::Discount, u"Shipping discount"_s, discount};
    }
    // Older payloads carry order discounts only at the top: keep them once, as an order-level charge.
    const qint64 totalDiscounts = o[u"total_discounts"_s].money(order.currency);
    if (lineDiscounts == 0 && totalDiscounts > 0) {
        QStringList codes;
        for (const JsonNode& code : o[u"discount_codes"_s].elements())
            codes << code[u"code"_s].text();
        order.charges << OrderCharge{OrderCharge::Kind::Discount, codes.join(u", "_s), totalDiscounts};
    }
    return imported;
}

} // namespace

bool sniff(QByteArrayView content) {
    const QByteArrayView head = content.trimmed();
    if (head.isEmpty() || (head.front() != '{' && head.front() != '['))
        return false;
    return content.contains("\"line_items\"") &&
           (content.contains("gid://shopify/Order") || content.contains("\"financial_status\""));
}

ParsedDocument read(const QByteArray& content, const QString& fileName) {
    return collect([&](const DocumentSink& sink) { read(content, fileName, sink); });
}

void read(const QByteArray& content, const QString& fileName, const DocumentSink& sink) {
    const auto ordersOf = [](const JsonNode& root) {
        QList<JsonNode> orders;
        if (root.has(u"orders"_s))
            orders = root[u"orders"_s].elements();
        else if (root.has(u"order"_s))
            orders << root[u"order"_s];
        else if (root.has(u"line_items"_s))
            orders << root; // a webhook's bare order
        else
            root.fail(u"neither \"order\", \"orders\" nor an order object"_s);
        return orders;
    };
    ChannelDocument::read(u"shopify"_s, content, fileName, ordersOf, readOrder, sink);
}

} // namespace ordo::ShopifyOrderReader
