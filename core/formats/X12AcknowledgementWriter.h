#pragma once

#include "formats/x12/X12PurchaseOrderMapper.h"
#include "formats/x12/X12Writer.h"

#include <QHash>

namespace ordo {

// How one purchase order line is answered: quantities accepted, backordered and rejected (they need not add
// up to the ordered quantity; a line with none of them is accepted whole).
struct X12LineAck {
    int accepted = 0;
    int backordered = 0;
    int rejected = 0;
    QString reason = {}; // why what is not accepted is not ("UNKNOWN_SKU - ..."); sent in an MSG segment
};

// Builds the X12 855 purchase order acknowledgement for an 850 that was read:
//   BAK  00 original, AD (all accepted as ordered) / AC (with changes) / RD (all rejected), the PO number and
//        date from BEG, the acknowledgement date in BAK09
//   PO1  each line as ordered: line id, quantity, unit, unit price, the buyer's product ids
//   ACK  one per status of the line: IA accepted, IB backordered, IR rejected, with the quantity, unit and
//        068 (the acknowledgement date)
//   MSG  after the ACKs of a line not accepted whole, its reason (at most 264 characters)
//   CTT  the number of PO1 lines
// The interchange goes back to the 850's sender, from its receiver.
namespace X12AcknowledgementWriter {

X12OutSet build(const X12PurchaseOrder& po, const QHash<int, X12LineAck>& lines, const QDateTime& at);
// Addresses the reply to the purchase order's interchange (sender and receiver swapped).
X12OutEnvelope replyEnvelope(const X12Interchange& purchaseOrder, const QString& functionalId,
                             qint64 controlNumber, const QDateTime& at);

} // namespace X12AcknowledgementWriter

} // namespace ordo
