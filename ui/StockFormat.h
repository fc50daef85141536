#pragma once

#include "Format.h"
#include "inventory/InventoryTypes.h"
#include "model/Location.h"

#include <QString>

namespace ordo::ui {

// How the Inventory view shows stock: location types, ledger kinds, the ATP computation and low stock.
QString locationTypeName(LocationType type);
QString ledgerKindName(const QString& kind);

// "on hand 12 − reserved 2 − safety 3 − buffer 1 + future 0 = 6", with max(0, …) shown when it clipped.
QString atpComputation(const AtpLocationFigure& figure);
// The same with numbers only: "12 − 2 − 3 − 1 + 0 = 6".
QString atpComputationShort(const AtpLocationFigure& figure);

// Low stock: nothing left to promise (Out), or no more to promise than the safety stock kept back (Low).
enum class StockLevel { Normal, Low, Out };
StockLevel stockLevel(qint64 atp, qint64 safetyStock);
// Why a position is highlighted, for its tooltip; empty for Normal.
QString stockLevelReason(StockLevel level, qint64 atp, qint64 safetyStock);
BadgeColors stockLevelColors(StockLevel level);

} // namespace ordo::ui
