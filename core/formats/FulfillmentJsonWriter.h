#pragma once

#include "model/Order.h"

#include <QByteArray>
#include <QList>

namespace ordo {

// A Shopify-style fulfillment for a shipped order:
//   {"fulfillment":{"order_id":450789469,"line_items":[{"id":466157049,"quantity":1}],
//    "tracking_number":"1Z...","tracking_company":"UPS"}}
// Ids are written exactly as the channel sent them: digits as a JSON number (64-bit ids are not rounded
// through a double), anything else as a string. A line without the channel's id is written with its SKU
// instead.
namespace FulfillmentJsonWriter {

QByteArray write(const Order& order, const QString& trackingNumber, const QString& trackingCompany,
                 const QList<int>& lineNos = {});

} // namespace FulfillmentJsonWriter

} // namespace ordo
