#pragma once

#include "model/ImportedOrder.h"

#include <QByteArrayView>

namespace ordo::AmazonOrderReader {

// Amazon Selling Partner API (Orders v0) orders. getOrders answers without the items, so a file carries both
// answers together, each as Amazon sent it:
//   {"orders": <getOrders response>,
//    "orderItems": [<getOrderItems response>, ...]}
// getOrders is {"payload": {"Orders": [...], "NextToken": ...}}; each getOrderItems response is
// {"payload": {"AmazonOrderId": "...", "OrderItems": [...], "NextToken": ...}}, pages of one order's items in
// several responses being joined. "orders" may also be an array of getOrders responses (pages). An order
// whose items are not in the file is left out with a problem.
bool sniff(QByteArrayView content);
ParsedDocument read(const QByteArray& content, const QString& fileName);
// The same, each order or problem handed to `sink` as soon as it is read.
void read(const QByteArray& content, const QString& fileName, const DocumentSink& sink);

} // namespace ordo::AmazonOrderReader
