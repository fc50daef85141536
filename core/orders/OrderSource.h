#pragma once

#include "model/ImportedOrder.h"
#include "orders/OrderCorrections.h"

#include <QHash>
#include <QList>
#include <QString>

namespace ordo {

class Database;

// What the channel document an order was imported from says beside the order itself: the partner and each
// line's part numbers, which order_lines does not keep. Read back from source_documents.
struct OrderSource {
    bool found = false; // the order has a source document
    QString format;
    QString partner; // SkuCrossReference::partnerFor the document's partner and format
    QHash<int, QList<PartNumber>> partNumbers;

    // A document that no longer parses still names its format (and so its partner), without part numbers.
    static OrderSource read(Database& db, qint64 orderId, const QString& orderNumber);
};

// The order's lines whose SKU code is not in the catalogue, in line order, not counting cancelled lines.
QList<UnknownLine> unknownLines(Database& db, qint64 orderId, const OrderSource& source);

} // namespace ordo
