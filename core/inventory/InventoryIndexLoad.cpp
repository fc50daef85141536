// InventoryIndex: loading from the database, whole or for one SKU, and refreshing one SKU.
#include "InventoryIndex.h"
#include "inventory/SegmentationRepository.h"
#include "model/Actor.h"
#include "storage/Database.h"
#include "storage/LocationRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

void readPositions(SqlQuery& q, QList<InventoryIndex::PositionRow>& positions) {
    q.exec();
    while (q.next())
        positions.append(InventoryIndex::PositionRow{
            q.value(0).toLongLong(),
            q.value(1).toLongLong(),
            {q.value(2).toLongLong(), q.value(3).toLongLong(), q.value(4).toLongLong()}});
}

QList<InventoryIndex::PositionRow> positionsOf(Database& db, qint64 skuId) {
    QList<InventoryIndex::PositionRow> positions;
    SqlQuery q(
        db,
        u"SELECT location_id, sku_id, on_hand, reserved, safety_stock FROM positions WHERE sku_id = :s"_s);
    q.bind(u":s"_s, skuId);
    readPositions(q, positions);
    return positions;
}

} // namespace

InventoryIndex InventoryIndex::load(Database& db) {
    const QList<Location> locations = LocationRepository(db).all();

    QList<SkuRef> skus;
    {
        SqlQuery q(db, u"SELECT id, code FROM skus ORDER BY id"_s);
        q.exec();
        while (q.next())
            skus.append(SkuRef{q.value(0).toLongLong(), q.value(1).toString()});
    }
    QList<PositionRow> positions;
    {
        SqlQuery q(db, u"SELECT location_id, sku_id, on_hand, reserved, safety_stock FROM positions"_s);
        readPositions(q, positions);
    }
    const Segmentation segmentation = SegmentationRepository(db, Actor::system()).load();
    return InventoryIndex(locations, skus, positions, segmentation);
}

InventoryIndex InventoryIndex::load(Database& db, const QString& skuCode) {
    const QList<Location> locations = LocationRepository(db).all();
    QList<SkuRef> skus;
    QList<PositionRow> positions;
    if (const std::optional<Sku> sku = SkuRepository(db).findByCode(skuCode)) {
        skus.append(SkuRef{sku->id, sku->code});
        positions = positionsOf(db, sku->id);
    }
    const Segmentation segmentation = SegmentationRepository(db, Actor::system()).load();
    return InventoryIndex(locations, skus, positions, segmentation);
}

void InventoryIndex::refresh(Database& db, const QString& skuCode) {
    // Locations first: a position is only placed once its location is known.
    for (const Location& location : LocationRepository(db).all()) {
        const int known = locationIdForDatabaseId(location.id);
        const Location* held = known >= 0 ? &m_locations[size_t(known)] : nullptr;
        if (!held || held->code != location.code || held->ships != location.ships ||
            held->pickup != location.pickup)
            addLocation(location);
    }
    const Segmentation segmentation = SegmentationRepository(db, Actor::system()).load();
    if (!(segmentation == m_segmentation))
        reloadSegmentation(segmentation);
    const std::optional<Sku> sku = SkuRepository(db).findByCode(skuCode);
    if (!sku)
        return;
    if (skuIdForDatabaseId(sku->id) < 0 || skuCode != m_skus[size_t(skuIdForDatabaseId(sku->id))].code)
        addSku(sku->id, sku->code);
    const int dense = skuIdForDatabaseId(sku->id);
    for (const PositionRow& row : positionsOf(db, sku->id)) {
        const int location = locationIdForDatabaseId(row.locationId);
        const std::optional<PositionFigures> held = figures(dense, location);
        if (!held || !(*held == row.figures))
            positionChanged(row.locationId, row.skuId, row.figures);
    }
}

} // namespace ordo
