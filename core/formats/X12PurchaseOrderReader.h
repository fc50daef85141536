#pragma once

#include "model/ImportedOrder.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace ordo {

// Reads ANSI X12 850 purchase orders, version 4010: one interchange (ISA..IEA) with any number of functional
// groups and ST..SE sets. Each 850 set becomes one ImportedOrder on the B2b channel, the partner being the
// ISA sender id (ISA06, trimmed). Mapped segments:
//   BEG  03 purchase order number -> externalId and orderNumber, 05 date -> orderedAt (00:00 UTC)
//   CUR  02 currency (USD when absent)
//   PER  EM / TE communication numbers -> customerEmail / customerPhone
//   DTM  002 requested delivery -> requestedAt; 010 requested ship -> requestedAt when no 002 is given
//   TD5  05 routing, else 03 the carrier's code -> shipMethod
//   N1 loop (N1, N2, N3, N4): ST ship-to -> shipTo, BT bill-to -> billTo, BY buyer -> customerName
//   PO1  01 -> externalLineId, 02 quantity (a whole number), 04 unit price (exact), 06/07 .. 24/25 product id
//        qualifier and number pairs -> partNumbers; skuCode is taken from an SK (our SKU), else VP
//        (vendor's part number), else VN (vendor's item number: ours as the vendor) pair, and left empty
//        otherwise for the cross-reference and the catalogue's barcodes (UP, EN, UK)
//   PID  05 description -> the line's title
//   CTT  01 must equal the number of PO1 lines
//   AMT  TT total, checked against the lines (a warning when it differs)
// REF and other segments are kept in the source document only. The source document of an order is the ISA and
// GS header segments followed by the set's ST..SE segments, verbatim, so it can be read again on its own.
// A broken envelope refuses the whole file (Error::input); a set with an error is left out and listed as a
// ParseProblem naming the segment ("segment 14 (PO1)") and the element.
namespace X12PurchaseOrderReader {

bool sniff(QByteArrayView content);
ParsedDocument read(const QByteArray& content, const QString& fileName);
// The same, each order or problem handed to `sink` as soon as it is read.
void read(const QByteArray& content, const QString& fileName, const DocumentSink& sink);

} // namespace X12PurchaseOrderReader

} // namespace ordo
