#pragma once

#include "model/ImportedOrder.h"

#include <QByteArrayView>

namespace ordo::WooCommerceOrderReader {

// WooCommerce REST API v3 orders (GET /wp-json/wc/v3/orders/{id} and /orders): one order object or an array.
bool sniff(QByteArrayView content);
ParsedDocument read(const QByteArray& content, const QString& fileName);
// The same, each order or problem handed to `sink` as soon as it is read.
void read(const QByteArray& content, const QString& fileName, const DocumentSink& sink);

} // namespace ordo::WooCommerceOrderReader
