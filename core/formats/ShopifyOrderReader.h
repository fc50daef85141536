#pragma once

#include "model/ImportedOrder.h"

#include <QByteArrayView>

namespace ordo::ShopifyOrderReader {

// Shopify Admin REST orders: {"order": {...}} (GET orders/{id}.json), {"orders": [...]} (GET orders.json) and
// the bare order object an orders/create webhook posts. Ids are kept digit for digit; amounts are exact.
bool sniff(QByteArrayView content);
ParsedDocument read(const QByteArray& content, const QString& fileName);
// The same, each order or problem handed to `sink` as soon as it is read.
void read(const QByteArray& content, const QString& fileName, const DocumentSink& sink);

} // namespace ordo::ShopifyOrderReader
