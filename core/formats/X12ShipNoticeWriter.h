#pragma once

#include "formats/x12/X12PurchaseOrderMapper.h"
#include "formats/x12/X12Writer.h"

#include <QDateTime>

namespace ordo {

// What left the building: the carrier, its tracking number and what was in the boxes.
struct ShipmentInfo {
    QString shipmentId;  // BSN02; the order number and a sequence when empty
    QDateTime shippedAt; // UTC
    QString carrier;     // SCAC or carrier name ("UPSN", "FedEx")
    QString trackingNumber;
    int packages = 1;
    QList<int> lineNos; // the lines shipped; every line not cancelled when empty
};

// Builds the X12 856 ship notice for an order read from an 850:
//   BSN  00 original, shipment id, date, time, 0004 (shipment, order, item levels)
//   HL 1 shipment: TD1 packages, TD5 carrier and routing, REF CN tracking number, DTM 011 shipped, N1/N3/N4
//        ship-to
//   HL 2 order: PRF the purchase order number and date
//   HL n item, one per line shipped: LIN the line id and the buyer's product ids, SN1 the quantity and unit
//   CTT  the number of HL segments
namespace X12ShipNoticeWriter {

X12OutSet build(const X12PurchaseOrder& po, const Order& stored, const ShipmentInfo& shipment);

} // namespace X12ShipNoticeWriter

} // namespace ordo
