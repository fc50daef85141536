#pragma once

#include "formats/ChannelJson.h"
#include "model/ImportedOrder.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace ordo::ChannelDocument {

// The document loop every JSON channel reader shares. Parses `content` (Error::input for a document that is
// not JSON, before anything is handed over), asks `ordersOf` for the order objects in it, then `readOrder`
// for each, handing each order to `sink` as soon as it is read. A JsonFieldError in ordersOf refuses the
// whole document as one problem; one in readOrder (or an amount past OrderAmounts' ceiling) leaves that order
// out as a problem at its JSON path. The document itself is named "(top level)" wherever a problem concerns
// it. Each order read keeps its part of the document as its source (format, file, JSON path, or "order" for a
// bare order at the top level); readOrder may fill source.content itself when the order's part is more than
// its own object.
void read(const QString& format, const QByteArray& content, const QString& fileName,
          const std::function<QList<JsonNode>(const JsonNode& root)>& ordersOf,
          const std::function<ImportedOrder(const JsonNode& order)>& readOrder, const DocumentSink& sink);

// An order's currency as an upper-case ISO 4217 code, or a JsonFieldError at `field` ("'usdx' is not an ISO
// 4217 currency code").
QString currency(const QString& code, const JsonNode& field);

} // namespace ordo::ChannelDocument
