#include "CsvFileKind.h"

#include "Error.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QStringList normalised(const QStringList& header) {
    QStringList names;
    names.reserve(header.size());
    for (const QString& name : header)
        names << name.trimmed().toLower();
    return names;
}

std::optional<CsvKind> kindOf(const QStringList& names) {
    if (names.contains(u"order_id"_s))
        return CsvKind::Orders;
    if (names.contains(u"on_hand"_s))
        return CsvKind::Inventory;
    if (names.contains(u"location_id"_s))
        return CsvKind::Locations;
    if (names.contains(u"sku"_s))
        return CsvKind::Skus;
    return std::nullopt;
}

} // namespace

QString CsvFileKind::name(CsvKind kind) {
    switch (kind) {
    case CsvKind::Locations:
        return u"locations"_s;
    case CsvKind::Skus:
        return u"skus"_s;
    case CsvKind::Inventory:
        return u"inventory"_s;
    case CsvKind::Orders:
        return u"orders"_s;
    }
    return {};
}

QStringList CsvFileKind::columns(CsvKind kind) {
    switch (kind) {
    case CsvKind::Locations:
        return {u"location_id"_s, u"name"_s, u"type"_s,   u"latitude"_s,
                u"longitude"_s,   u"ship"_s, u"pickup"_s, u"daily_capacity"_s};
    case CsvKind::Skus:
        return {u"sku"_s, u"name"_s, u"weight_kg"_s, u"unit_price"_s, u"currency"_s, u"gtin"_s};
    case CsvKind::Inventory:
        return {u"location_id"_s, u"sku"_s, u"on_hand"_s, u"safety_stock"_s};
    case CsvKind::Orders:
        return {u"order_id"_s,  u"channel"_s,  u"ordered_at"_s, u"customer_email"_s, u"customer_phone"_s,
                u"ship_name"_s, u"address1"_s, u"city"_s,       u"region"_s,         u"postal_code"_s,
                u"country"_s,   u"latitude"_s, u"longitude"_s,  u"delivery"_s,       u"pickup_location_id"_s,
                u"sku"_s,       u"quantity"_s, u"unit_price"_s, u"currency"_s};
    }
    return {};
}

bool CsvFileKind::isRequired(CsvKind kind, int column) {
    switch (kind) {
    case CsvKind::Locations:
        return column != LocationColumn::DailyCapacity; // absent: no limit
    case CsvKind::Skus:
        return column != SkuColumn::Gtin; // the barcode: absent, the stored one is kept
    case CsvKind::Inventory:
        return column != InventoryColumn::SafetyStock; // absent: kept as it is
    case CsvKind::Orders:
        // Contact details, region and coordinates are optional in the files channels export.
        return column != OrderColumn::CustomerPhone && column != OrderColumn::Region &&
               column != OrderColumn::Latitude && column != OrderColumn::Longitude;
    }
    return true;
}

std::optional<CsvKind> CsvFileKind::guess(const QStringList& header) {
    return kindOf(normalised(header));
}

CsvLayout CsvFileKind::recognise(const QStringList& header) {
    const QStringList names = normalised(header);
    const std::optional<CsvKind> kind = kindOf(names);
    if (!kind)
        throw Error::input(
            u"the header row is not one of a locations, SKU, inventory or orders file (no "
            "order_id, on_hand, location_id or sku column); found: %1"_s.arg(header.join(u", "_s).left(200)));

    CsvLayout layout;
    layout.kind = *kind;
    layout.width = int(names.size());
    const QStringList known = columns(*kind);
    layout.positions.fill(-1, known.size());
    QSet<QString> seen;
    for (int i = 0; i < names.size(); ++i) {
        const QString& column = names.at(i);
        if (column.isEmpty()) { // e.g. a trailing separator in the header
            layout.unknownColumns << u"(unnamed column %1)"_s.arg(i + 1);
            continue;
        }
        if (seen.contains(column))
            throw Error::input(u"the header row names column '%1' twice"_s.arg(column));
        seen.insert(column);
        const qsizetype index = known.indexOf(column);
        if (index >= 0)
            layout.positions[index] = i;
        else
            layout.unknownColumns << header.at(i).trimmed();
    }
    QStringList missing;
    for (int column = 0; column < known.size(); ++column)
        if (layout.positions.at(column) < 0 && isRequired(*kind, column))
            missing << known.at(column);
    if (!missing.isEmpty())
        throw Error::input(u"this %1 file lacks the required column%2 %3"_s.arg(
            name(*kind), missing.size() > 1 ? u"s"_s : QString(), missing.join(u", "_s)));
    return layout;
}

} // namespace ordo
