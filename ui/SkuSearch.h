#pragma once

#include "inventory/InventoryQuery.h"

#include <QList>
#include <QString>

#include <functional>

namespace ordo::ui {

class OrderBackend;

// Finds SKUs by code or name (InventoryQuery::findSkus) in the backend's database thread; `done` runs on the
// GUI thread with the matches, or with the error and no matches. Shared by every view with an SKU search box.
void searchSkus(OrderBackend* backend, const QString& text, int limit,
                std::function<void(const QList<SkuMatch>& matches, const QString& error)> done);

} // namespace ordo::ui
