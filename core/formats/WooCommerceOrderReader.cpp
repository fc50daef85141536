#include "WooCommerceOrderReader.h"

#include "formats/ChannelDocument.h"
#include "model/OrderAmounts.h"

using namespace Qt::StringLiterals;

namespace ordo::WooCommerceOrderReader {

namespace {

Address address(const JsonNode& a) {
    Address out;
    if (a.isAbsent())
        return out;
    a.requireObject();
    out.name = joinName(a[u"first_name"_s].text(), a[u"last_name"_s].text());
    if (out.name.isEmpty())
        out.name = a[u"company"_s].text();
    out.line1 = joinAddressLines({a[u"address_1"_s].text(), a[u"address_2"_s].text()});
    out.city = a[u"city"_s].text();
    out.region = a[u"state"_s].text();
    out.postalCode = a[u"postcode"_s].text();
    out.country = a[u"country"_s].text().toUpper();
    return out;
}

// WooCommerce's order statuses say how far the order is paid: pending is awaiting payment, on-hold awaits a
// manual payment (bank transfer, cheque), processing and completed are paid.
PaymentStatus payment(const JsonNode& status, bool paidDateSet, QStringList& warnings) {
    const QString s = status.text();
    if (s == u"processing"_s || s == u"completed"_s)
        return PaymentStatus::Paid;
    if (s == u"pending"_s || s == u"on-hold"_s)
        return paidDateSet ? PaymentStatus::Paid : PaymentStatus::Pending;
    if (s == u"cancelled"_s)
        return PaymentStatus::Voided;
    if (s == u"refunded"_s)
        return PaymentStatus::Refunded;
    if (s == u"failed"_s)
        return PaymentStatus::Failed;
    if (!s.isEmpty())
        warnings << u"%1: order status '%2' is not known; payment taken as unknown"_s.arg(status.path(), s);
    return paidDateSet ? PaymentStatus::Paid : PaymentStatus::Unknown;
}

ImportedOrder readOrder(const JsonNode& o) {
    o.requireObject();
    ImportedOrder imported;
    Order& order = imported.order;
    order.externalId = o[u"id"_s].requiredIdText();
    const QString number = o[u"number"_s].text();
    order.orderNumber = u"WOO-"_s + (number.isEmpty() ? order.externalId : number);
    order.channel = Channel::Web;
    // date_created is in the shop's time zone without an offset; the _gmt twin is UTC.
    order.orderedAt = o[u"date_created_gmt"_s].dateTime();
    if (!order.orderedAt.isValid()) {
        order.orderedAt = o[u"date_created"_s].dateTime();
        if (order.orderedAt.isValid())
            imported.warnings
                << u"date_created_gmt is missing; date_created, in the shop's time zone, is read as "
                   "UTC"_s;
    }
    if (!order.orderedAt.isValid())
        o[u"date_created_gmt"_s].fail(u"is missing"_s);
    order.currency = ChannelDocument::currency(o[u"currency"_s].requiredText(), o[u"currency"_s]);

    const JsonNode billing = o[u"billing"_s];
    order.billTo = address(billing);
    order.shipTo = address(o[u"shipping"_s]);
    order.customerName = order.billTo.name;
    order.customerEmail = billing[u"email"_s].text();
    order.customerPhone = billing[u"phone"_s].text();
    const bool paid = !o[u"date_paid_gmt"_s].text().isEmpty() || !o[u"date_paid"_s].text().isEmpty();
    order.payment = payment(o[u"status"_s], paid, imported.warnings);

    int lineNo = 0;
    qint64 linesTotal = 0;
    for (const JsonNode& item : o[u"line_items"_s].elements()) {
        item.requireObject();
        OrderLine line;
        line.lineNo = ++lineNo;
        line.externalLineId = item[u"id"_s].idText();
        line.skuCode = item[u"sku"_s].text();
        line.title = item[u"name"_s].text();
        line.quantity = item[u"quantity"_s].requiredQuantity();
        // subtotal is the line before discounts, total after: their difference is the line's discount.
        const qint64 subtotal = item[u"subtotal"_s].requiredMoney(order.currency);
        const qint64 total = item[u"total"_s].money(order.currency);
        if (line.quantity > 0 && subtotal % line.quantity == 0) {
            line.unitPrice = Money{subtotal / line.quantity, order.currency};
        } else {
            // The unit price does not divide into minor units: keep "price", rounded to the currency.
            line.unitPrice =
                Money{line.quantity > 0 ? (subtotal + line.quantity / 2) / line.quantity : 0, order.currency};
            imported.warnings
                << u"%1: subtotal %2 is not a whole number of minor units per item; the unit price "
                   "is rounded to %3"_s.arg(item.path(), Money{subtotal, order.currency}.toString(),
                                            line.unitPrice.toString());
        }
        if (!line.checkedTotalMinor() || !OrderAmounts::add(linesTotal, *line.checkedTotalMinor()))
            item[u"subtotal"_s].fail(OrderAmounts::linesProblem(order.currency));
        if (!item[u"total"_s].isAbsent()) {
            line.discountMinor = subtotal;
            item[u"total"_s].addAmount(line.discountMinor, -total, order.currency);
        }
        line.taxMinor = item[u"total_tax"_s].money(order.currency);
        if (line.skuCode.isEmpty()) {
            const QString product = item[u"variation_id"_s].idText();
            const QString id =
                product.isEmpty() || product == u"0"_s ? item[u"product_id"_s].idText() : product;
            if (!id.isEmpty())
                imported.partNumbers[line.lineNo] << PartNumber{u"PRODUCT"_s, id};
        }
        order.lines << line;
    }
    if (lineNo == 0)
        o[u"line_items"_s].fail(u"the order has no line items"_s);

    for (const JsonNode& shipping : o[u"shipping_lines"_s].elements()) {
        shipping.requireObject();
        const QString title = shipping[u"method_title"_s].text();
        if (order.shipMethod.isEmpty())
            order.shipMethod = title.isEmpty() ? shipping[u"method_id"_s].text() : title;
        order.charges << OrderCharge{OrderCharge::Kind::Shipping, title,
                                     shipping[u"total"_s].money(order.currency)};
        const qint64 tax = shipping[u"total_tax"_s].money(order.currency);
        if (tax != 0)
            order.charges << OrderCharge{OrderCharge::Kind::Tax, u"Shipping tax"_s, tax};
    }
    for (const JsonNode& fee : o[u"fee_lines"_s].elements()) {
        fee.requireObject();
        order.charges << OrderCharge{OrderCharge::Kind::Fee, fee[u"name"_s].text(),
                                     fee[u"total"_s].money(order.currency)};
        const qint64 tax = fee[u"total_tax"_s].money(order.currency);
        if (tax != 0)
            order.charges << OrderCharge{OrderCharge::Kind::Tax, u"Fee tax"_s, tax};
    }
    // Coupons are already taken off the lines (subtotal - total); coupon_lines only name them.
    return imported;
}

} // namespace

bool sniff(QByteArrayView content) {
    const QByteArrayView head = content.trimmed();
    if (head.isEmpty() || (head.front() != '{' && head.front() != '['))
        return false;
    return content.contains("\"line_items\"") && content.contains("\"billing\"") &&
           (content.contains("\"order_key\"") || content.contains("\"date_created_gmt\""));
}

ParsedDocument read(const QByteArray& content, const QString& fileName) {
    return collect([&](const DocumentSink& sink) { read(content, fileName, sink); });
}

void read(const QByteArray& content, const QString& fileName, const DocumentSink& sink) {
    const auto ordersOf = [](const JsonNode& root) {
        QList<JsonNode> orders;
        if (root.isArray()) {
            for (const JsonNode& element : root.elements())
                orders << JsonNode(element.value(), u"orders"_s + element.path());
        } else {
            orders << root;
        }
        return orders;
    };
    ChannelDocument::read(u"woocommerce"_s, content, fileName, ordersOf, readOrder, sink);
}

} // namespace ordo::WooCommerceOrderReader
