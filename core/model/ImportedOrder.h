#pragma once

#include "model/Order.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace ordo {

// The channel's own document an order came from, kept with the order for reference.
struct SourceDocument {
    QString format;     // "csv", "shopify", "woocommerce", "amazon", "x12"
    QString fileName;   // as given on the command line or in the Import dialog
    QString reference;  // where in the file: "orders[3]", "ST 0002 (segments 12-31)", "line 14"
    QByteArray content; // the part of the file this order came from, verbatim
};

// A trading partner's part number for a line (X12 PO1 qualifier/number pairs: BP buyer's part, VP vendor's
// part, UP UPC, IN buyer's item...).
struct PartNumber {
    QString qualifier;
    QString number;
    friend bool operator==(const PartNumber&, const PartNumber&) = default;
};

// One order read from a channel document, not yet captured.
struct ImportedOrder {
    Order order;
    SourceDocument source;
    // B2B: the sending partner (X12 ISA sender id) and, per line number, the part numbers as sent. A line
    // whose skuCode is empty gets its SKU from the cross-reference (SkuCrossReference) before validation.
    QString partner;
    QHash<int, QList<PartNumber>> partNumbers;
    QStringList warnings; // things the parser noticed but the order model keeps anyway
};

// A place in an input where parsing failed, named so a user can find it: "orders.json:
// orders[2].line_items[0] .price: '12,50' is not a decimal amount", "po.x12: segment 14 (PO1): quantity 'ABC'
// is not a number".
struct ParseProblem {
    QString fileName;
    QString where; // JSON path, "segment N (ID)", "line N"
    QString reason;
    QString toString() const;
};

// What a parser made of one file. A document that cannot be read at all (not JSON, no ISA envelope) throws
// Error::input instead; a readable document with a bad order lists the problem and leaves that order out.
struct ParsedDocument {
    QList<ImportedOrder> orders;
    QList<ParseProblem> problems;
};

// Where a parser hands each order, or each problem, as soon as it has read it, in document order: a caller
// can capture the orders of a large document one at a time instead of holding them all (ParsedDocument).
// A document that cannot be read at all still throws before anything is handed over.
struct DocumentSink {
    std::function<void(ImportedOrder&&)> order;
    std::function<void(ParseProblem&&)> problem;
};

// What a parser hands a sink, collected into a ParsedDocument.
ParsedDocument collect(const std::function<void(const DocumentSink&)>& parse);

} // namespace ordo
