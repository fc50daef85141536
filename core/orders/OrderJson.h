#pragma once

#include "orders/OrderQuery.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ordo {

// The public JSON shapes of `ordo orders --json` and `ordo order --json` (docs/json.md). Shared by the
// command line and the HTTP API so the two cannot drift apart.
QJsonObject orderSummaryToJson(const OrderSummary& summary);
QJsonObject orderDetailToJson(const OrderDetail& detail);
QJsonObject auditEventToJson(const AuditEvent& event);

} // namespace ordo
