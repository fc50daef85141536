#include "OrderJson.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QJsonValue timeOrNull(const QDateTime& t) {
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue textOrNull(const QString& s) {
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonValue addressOrNull(const Address& a) {
    if (a.isEmpty() && a.name.isEmpty())
        return QJsonValue();
    return QJsonObject{
        {u"name"_s, textOrNull(a.name)},
        {u"address1"_s, textOrNull(a.line1)},
        {u"city"_s, textOrNull(a.city)},
        {u"region"_s, textOrNull(a.region)},
        {u"postal_code"_s, textOrNull(a.postalCode)},
        {u"country"_s, textOrNull(a.country)},
    };
}

} // namespace

QJsonObject orderSummaryToJson(const OrderSummary& s) {
    QJsonObject o{
        {u"order_id"_s, s.orderNumber},
        {u"channel"_s, channelCode(s.channel)},
        {u"status"_s, orderStatusCode(s.status)},
        {u"ordered_at"_s, timeOrNull(s.orderedAt)},
        {u"status_changed_at"_s, timeOrNull(s.statusChangedAt)},
        {u"customer_email"_s, textOrNull(s.customerEmail)},
        {u"customer_name"_s, textOrNull(s.customerName)},
        {u"delivery"_s, deliveryMethodCode(s.delivery)},
        {u"lines"_s, s.lineCount},
        {u"total_minor"_s, QJsonValue(s.totalMinor)},
        {u"currency"_s, s.currency},
    };
    if (!s.exceptionCode.isEmpty())
        o.insert(u"exception"_s, QJsonObject{{u"code"_s, s.exceptionCode}, {u"detail"_s, s.exceptionDetail}});
    return o;
}

QJsonObject auditEventToJson(const AuditEvent& e) {
    return QJsonObject{
        {u"at"_s, timeOrNull(e.at)},
        {u"actor"_s, e.actor},
        {u"action"_s, e.action},
        {u"from"_s, textOrNull(e.fromState)},
        {u"to"_s, textOrNull(e.toState)},
        {u"reason"_s, textOrNull(e.reason)},
        {u"detail"_s, textOrNull(e.detail)},
    };
}

QJsonObject orderDetailToJson(const OrderDetail& d) {
    const Order& order = d.order;
    QJsonObject shipTo{
        {u"name"_s, textOrNull(order.shipTo.name)},
        {u"address1"_s, textOrNull(order.shipTo.line1)},
        {u"city"_s, textOrNull(order.shipTo.city)},
        {u"region"_s, textOrNull(order.shipTo.region)},
        {u"postal_code"_s, textOrNull(order.shipTo.postalCode)},
        {u"country"_s, textOrNull(order.shipTo.country)},
        {u"latitude"_s, order.shipTo.position ? QJsonValue(order.shipTo.position->latitude) : QJsonValue()},
        {u"longitude"_s, order.shipTo.position ? QJsonValue(order.shipTo.position->longitude) : QJsonValue()},
    };
    QJsonArray lines;
    for (const OrderLine& l : order.lines)
        lines.append(QJsonObject{
            {u"line"_s, l.lineNo},
            {u"sku"_s, l.skuCode},
            {u"quantity"_s, l.quantity},
            {u"unit_price_minor"_s, QJsonValue(l.unitPrice.minor)},
            {u"currency"_s, l.unitPrice.currency},
            {u"status"_s, orderStatusCode(l.status)},
            {u"location_id"_s, textOrNull(l.locationCode)},
            {u"external_line_id"_s, textOrNull(l.externalLineId)},
            {u"title"_s, textOrNull(l.title)},
            {u"tax_minor"_s, QJsonValue(l.taxMinor)},
            {u"discount_minor"_s, QJsonValue(l.discountMinor)},
        });
    QJsonArray charges;
    for (const OrderCharge& c : order.charges)
        charges.append(QJsonObject{{u"kind"_s, orderChargeKindCode(c.kind)},
                                   {u"label"_s, c.label},
                                   {u"amount_minor"_s, QJsonValue(c.amountMinor)}});
    QJsonArray events;
    for (const AuditEvent& e : d.events)
        events.append(auditEventToJson(e));
    QJsonArray sources;
    for (const OrderSource& source : d.sources)
        sources.append(QJsonObject{{u"format"_s, source.format},
                                   {u"file"_s, source.fileName},
                                   {u"reference"_s, source.reference},
                                   {u"imported_at"_s, timeOrNull(source.importedAt)}});
    QJsonArray exceptions;
    for (const ExceptionReason& r : order.exceptionReasons)
        exceptions.append(QJsonObject{{u"code"_s, r.code}, {u"detail"_s, r.detail}});
    return QJsonObject{
        {u"order_id"_s, order.orderNumber},
        {u"external_id"_s, order.externalId},
        {u"status"_s, orderStatusCode(order.status)},
        {u"channel"_s, channelCode(order.channel)},
        {u"ordered_at"_s, timeOrNull(order.orderedAt)},
        {u"customer"_s, QJsonObject{{u"name"_s, textOrNull(d.customerName)},
                                    {u"email"_s, textOrNull(order.customerEmail)},
                                    {u"phone"_s, textOrNull(order.customerPhone)}}},
        {u"delivery"_s, deliveryMethodCode(order.delivery)},
        {u"pickup_location_id"_s, textOrNull(order.pickupLocationCode)},
        {u"requested_at"_s, timeOrNull(order.requestedAt)},
        {u"priority"_s, order.priority},
        {u"ship_to"_s, shipTo},
        {u"bill_to"_s, addressOrNull(order.billTo)},
        {u"ship_method"_s, textOrNull(order.shipMethod)},
        {u"payment_status"_s, paymentStatusCode(order.payment)},
        {u"lines"_s, lines},
        {u"charges"_s, charges},
        {u"sources"_s, sources},
        {u"total_minor"_s, QJsonValue(order.totalMinor())},
        {u"currency"_s, order.currency},
        {u"exceptions"_s, exceptions},
        {u"events"_s, events},
    };
}

} // namespace ordo
