#include "CsvMasterDataRows.h"

#include "Error.h"
#include "formats/CsvFields.h"
#include "model/Gtin.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace ordo::CsvMasterDataRows {

namespace {

QString required(const CsvLayout& layout, const QStringList& fields, int column, const QString& name) {
    QString text = layout.value(fields, column);
    if (text.isEmpty())
        throw Error::input(u"%1 is empty"_s.arg(name));
    return text;
}

} // namespace

Location location(const CsvLayout& layout, const QStringList& fields) {
    auto value = [&](int column) { return layout.value(fields, column); };
    Location l;
    l.code = required(layout, fields, LocationColumn::LocationId, u"location_id"_s);
    l.name = required(layout, fields, LocationColumn::Name, u"name"_s);
    const QString type = value(LocationColumn::Type);
    const std::optional<LocationType> parsedType = locationTypeFromCode(type);
    if (!parsedType)
        throw Error::input(u"type '%1' is not dc, store, 3pl or dropship"_s.arg(type));
    l.type = *parsedType;
    const std::optional<GeoPoint> position =
        CsvFields::position(value(LocationColumn::Latitude), value(LocationColumn::Longitude));
    if (!position)
        throw Error::input(u"latitude and longitude are empty; a location needs its coordinates"_s);
    l.position = *position;
    l.ships = CsvFields::flag(value(LocationColumn::Ship), u"ship"_s);
    l.pickup = CsvFields::flag(value(LocationColumn::Pickup), u"pickup"_s);
    const QString capacity = value(LocationColumn::DailyCapacity);
    l.dailyCapacity =
        capacity.isEmpty()
            ? 0
            : int(CsvFields::integer(capacity, u"daily_capacity"_s, 0, std::numeric_limits<int>::max()));
    return l;
}

Sku sku(const CsvLayout& layout, const QStringList& fields) {
    Sku s;
    s.code = required(layout, fields, SkuColumn::Sku, u"sku"_s);
    s.name = required(layout, fields, SkuColumn::Name, u"name"_s);
    const qint64 grams = CsvFields::scaled(layout.value(fields, SkuColumn::WeightKg), u"weight_kg"_s, 3);
    if (grams > std::numeric_limits<int>::max())
        throw Error::input(u"weight_kg '%1' is too large"_s.arg(layout.value(fields, SkuColumn::WeightKg)));
    s.weightGrams = int(grams);
    const QString currency = CsvFields::currency(layout.value(fields, SkuColumn::Currency), u"currency"_s);
    s.unitPrice = Money{
        CsvFields::money(layout.value(fields, SkuColumn::UnitPrice), currency, u"unit_price"_s), currency};
    if (s.unitPrice.minor < 0)
        throw Error::input(u"unit_price '%1' is negative"_s.arg(layout.value(fields, SkuColumn::UnitPrice)));
    const QString gtin = layout.value(fields, SkuColumn::Gtin);
    if (!gtin.isEmpty()) {
        const std::optional<QString> normalised = Gtin::normalised(gtin);
        if (!normalised)
            throw Error::input(u"gtin '%1' is not a GTIN: %2"_s.arg(gtin.left(40), Gtin::problem(gtin)));
        s.gtin = *normalised;
    }
    return s;
}

InventoryRow inventory(const CsvLayout& layout, const QStringList& fields) {
    constexpr qint64 most = std::numeric_limits<qint64>::max() / 4;
    InventoryRow row;
    row.locationCode = required(layout, fields, InventoryColumn::LocationId, u"location_id"_s);
    row.skuCode = required(layout, fields, InventoryColumn::Sku, u"sku"_s);
    row.onHand = CsvFields::integer(layout.value(fields, InventoryColumn::OnHand), u"on_hand"_s, 0, most);
    const QString safety = layout.value(fields, InventoryColumn::SafetyStock);
    if (!safety.isEmpty())
        row.safetyStock = CsvFields::integer(safety, u"safety_stock"_s, 0, most);
    return row;
}

} // namespace ordo::CsvMasterDataRows
