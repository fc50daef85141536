#pragma once

#include "X12Interchange.h"
#include "model/ImportedOrder.h"

#include <QHash>
#include <QString>

#include <optional>

namespace ordo {

// What an 850 set says beyond the order model, needed to answer it with an 855.
struct X12PurchaseOrder {
    ImportedOrder imported;
    QString purpose;                    // BEG01
    QString poDate;                     // BEG05 as sent, CCYYMMDD
    QHash<int, QString> unitsOfMeasure; // per line number: PO103 as sent ("EA", "CA"...)
};

// Maps one 850 transaction set of a checked interchange to an order. Returns nullopt and sets `problem`
// ("segment 14 (PO1): element 02: quantity 'ABC' is not a number") when the set cannot be read.
std::optional<X12PurchaseOrder> mapX12PurchaseOrder(const X12Interchange& interchange,
                                                    const QByteArray& content,
                                                    const X12FunctionalGroup& group,
                                                    const X12TransactionSet& set, QString& problem);

} // namespace ordo

namespace ordo {

// An order's stored X12 source document (its ISA and GS header segments and its ST..SE set, as the
// purchase-order reader keeps it) read back, to answer it.
struct X12StoredPurchaseOrder {
    X12Interchange interchange;
    X12PurchaseOrder order;
};

// Throws Error::input naming `name` when the document cannot be read.
X12StoredPurchaseOrder readX12SourceDocument(const QByteArray& content, const QString& name);

} // namespace ordo
