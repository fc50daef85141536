#pragma once

#include "model/Order.h"

namespace ordo {
class Database;
}

namespace ordo::test {

// A small, hand-made network and catalogue for service tests:
//   locations DC-EAST (dc, ships), ST-NYC (store, ships, pickup), VN-ACME (dropship, ships)
//   SKUs SKU-1 ... SKU-5 priced 10.00, 20.00, ... 50.00 USD
void createSampleWorld(Database& db);

// A valid ship order of the given number with one line per (sku, quantity) pair, placed at `orderedAt`.
Order sampleOrder(const QString& number, const QList<QPair<QString, int>>& lines,
                  const QDateTime& orderedAt = QDateTime(QDate(2026, 11, 2), QTime(14, 30), Qt::UTC));

} // namespace ordo::test
