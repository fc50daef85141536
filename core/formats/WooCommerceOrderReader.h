#pragma once

#include "model/ImportedOrder.h"

#include <QByteArrayView>

namespace ordo::WooCommerceOrderReader {

// WooCommerce REST API v3 orders (GET /wp-json/wc/v3/orders/{id} and /orders): one order object or an array.
bool sniff(QByteArrayView content);
ParsedDocument read(const QByteArray& content, const QString& fileName);

} // namespace ordo::WooCommerceOrderReader
