#include "X12ShipNoticeWriter.h"

using namespace Qt::StringLiterals;

namespace ordo {

X12OutSet X12ShipNoticeWriter::build(const X12PurchaseOrder& po, const Order& stored,
                                     const ShipmentInfo& shipment) {
    const Order& ordered = po.imported.order;
    const QDateTime at =
        shipment.shippedAt.isValid() ? shipment.shippedAt.toUTC() : QDateTime::currentDateTimeUtc();
    X12OutSet set{u"856"_s, {}};
    QList<X12OutSegment>& s = set.segments;
    const QString shipmentId = shipment.shipmentId.isEmpty() ? stored.orderNumber : shipment.shipmentId;
    s.append({u"BSN"_s, {u"00"_s, shipmentId, X12Writer::date(at), X12Writer::time(at), u"0004"_s}});
    int hl = 1;
    s.append({u"HL"_s, {QString::number(hl), QString(), u"S"_s}});
    s.append({u"TD1"_s, {u"CTN25"_s, QString::number(shipment.packages)}});
    // TD502 2: TD503 is the carrier's SCAC; both are left out when the carrier is not known yet.
    s.append({u"TD5"_s,
              {QString(), shipment.carrier.isEmpty() ? QString() : u"2"_s, shipment.carrier, QString(),
               ordered.shipMethod}});
    if (!shipment.trackingNumber.isEmpty())
        s.append({u"REF"_s, {u"CN"_s, shipment.trackingNumber}});
    s.append({u"DTM"_s, {u"011"_s, X12Writer::date(at), X12Writer::time(at)}});
    const Address& to = ordered.shipTo;
    s.append({u"N1"_s, {u"ST"_s, to.name}});
    if (!to.line1.isEmpty())
        s.append({u"N3"_s, {to.line1}});
    s.append({u"N4"_s, {to.city, to.region, to.postalCode, to.country}});
    const int orderLevel = ++hl;
    s.append({u"HL"_s, {QString::number(orderLevel), u"1"_s, u"O"_s}});
    s.append({u"PRF"_s, {ordered.externalId, QString(), QString(), po.poDate}});
    for (const OrderLine& line : ordered.lines) {
        // The stored order says what shipped: its line statuses and quantities.
        const OrderLine* now = nullptr;
        for (const OrderLine& l : stored.lines)
            if (l.lineNo == line.lineNo)
                now = &l;
        if (!now || now->status == OrderStatus::Cancelled)
            continue;
        if (!shipment.lineNos.isEmpty() && !shipment.lineNos.contains(line.lineNo))
            continue;
        s.append({u"HL"_s, {QString::number(++hl), QString::number(orderLevel), u"I"_s}});
        QStringList lin{line.externalLineId};
        for (const PartNumber& p : po.imported.partNumbers.value(line.lineNo))
            lin << p.qualifier << p.number;
        s.append({u"LIN"_s, lin});
        s.append({u"SN1"_s,
                  {line.externalLineId, QString::number(now->quantity),
                   po.unitsOfMeasure.value(line.lineNo, u"EA"_s)}});
    }
    s.append({u"CTT"_s, {QString::number(hl)}});
    return set;
}

} // namespace ordo
