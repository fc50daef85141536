#pragma once

#include "model/Order.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ordo {

// The channel's own document an order came from, kept with the order for reference.
struct SourceDocument {
    QString format;    // "csv", "shopify", "woocommerce", "amazon", "x12"
    QString fileName;  // as given on the command line or in the Import dialog
    QString reference; // where in the file: "orders[3]", "ST 0002 (segments 12-31)", "line 14"
    QByteArray content; // the part of the file this order came from, verbatim
};

// One order read from a channel document, not yet captured.
struct ImportedOrder {
    Order order;
    SourceDocument source;
    // X12: part numbers as sent (qualifier, number) per line, before the cross-reference turns them into SKUs.
    QStringList warnings; // things the parser noticed but the order model keeps anyway
};

// A place in an input where parsing failed, named so a user can find it: "orders.json: orders[2].line_items[0]
// .price: '12,50' is not a decimal amount", "po.x12: segment 14 (PO1): quantity 'ABC' is not a number".
struct ParseProblem {
    QString fileName;
    QString where;  // JSON path, "segment N (ID)", "line N"
    QString reason;
    QString toString() const;
};

// What a parser made of one file. A document that cannot be read at all (not JSON, no ISA envelope) throws
// Error::input instead; a readable document with a bad order lists the problem and leaves that order out.
struct ParsedDocument {
    QList<ImportedOrder> orders;
    QList<ParseProblem> problems;
};

} // namespace ordo
