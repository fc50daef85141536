#pragma once

#include "formats/CsvFileKind.h"
#include "model/Location.h"
#include "model/Sku.h"

#include <QStringList>

#include <optional>

namespace ordo {

// One row of an inventory file, by business codes.
struct InventoryRow {
    QString locationCode;
    QString skuCode;
    qint64 onHand = 0;
    std::optional<qint64> safetyStock; // absent column or empty field: keep the stored value
};

// Reads the rows of locations, SKU and inventory files into model values. Each function throws Error::input
// naming the column and the reason when the row cannot be represented. An SKU's gtin (optional column: 8, 12,
// 13 or 14 digits with a valid GS1 check digit) is kept as a 14-digit GTIN.
namespace CsvMasterDataRows {
Location location(const CsvLayout& layout, const QStringList& fields);
Sku sku(const CsvLayout& layout, const QStringList& fields);
InventoryRow inventory(const CsvLayout& layout, const QStringList& fields);
} // namespace CsvMasterDataRows

} // namespace ordo
