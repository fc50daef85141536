#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ordo {

// The kinds of CSV file `ordo import` understands, recognised by their header row.
enum class CsvKind { Locations, Skus, Inventory, Orders };

// Columns of each kind, in the order of CsvFileKind::columns(kind).
namespace LocationColumn {
enum : int { LocationId, Name, Type, Latitude, Longitude, Ship, Pickup, DailyCapacity };
}
namespace SkuColumn {
enum : int { Sku, Name, WeightKg, UnitPrice, Currency, Gtin };
}
namespace InventoryColumn {
enum : int { LocationId, Sku, OnHand, SafetyStock };
}
namespace OrderColumn {
enum : int {
    // The order's own fields, the same on every row of the order.
    OrderId,
    Channel,
    OrderedAt,
    CustomerEmail,
    CustomerPhone,
    ShipName,
    Address1,
    City,
    Region,
    PostalCode,
    Country,
    Latitude,
    Longitude,
    Delivery,
    PickupLocationId,
    // The line's fields.
    Sku,
    Quantity,
    UnitPrice,
    Currency,
    LineFieldsStart = Sku,
};
}

// Where each known column of a recognised file sits.
struct CsvLayout {
    CsvKind kind = CsvKind::Orders;
    int width = 0;              // number of columns in the header
    QList<int> positions;       // per known column (the enums above): its index in a record, or -1 if absent
    QStringList unknownColumns; // header names that are not columns of this kind (ignored)

    bool has(int column) const { return positions.value(column, -1) >= 0; }
    // The trimmed value of a known column in a record; empty when the column is absent.
    QString value(const QStringList& fields, int column) const {
        const int index = positions.value(column, -1);
        return index >= 0 && index < fields.size() ? fields.at(index).trimmed() : QString();
    }
};

// Recognises a file's kind from its header row. Column names are matched case-insensitively after trimming,
// in any order. The kind follows from a key column (order_id: orders; on_hand: inventory; location_id:
// locations; sku: SKUs); then every required column of that kind must be there.
class CsvFileKind {
public:
    // "locations", "skus", "inventory", "orders".
    static QString name(CsvKind kind);
    static QStringList columns(CsvKind kind);
    static bool isRequired(CsvKind kind, int column);
    // The layout of a header; throws Error::input with the reason when the header is not one of the kinds,
    // misses a required column or repeats a column.
    static CsvLayout recognise(const QStringList& header);
    // The kind of a header, or nullopt; never throws.
    static std::optional<CsvKind> guess(const QStringList& header);
};

} // namespace ordo
