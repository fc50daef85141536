#include "SimulationData.h"

#include "inventory/SegmentationRepository.h"
#include "model/Actor.h"
#include "sourcing/IndexStockLevels.h"
#include "storage/Database.h"
#include "storage/SkuTags.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QList<Order> loadOrders(Database& db, qint64 fromMs, qint64 toMs) {
    QList<Order> orders;
    QHash<qint64, qsizetype> byId;
    SqlQuery q(
        db, u"SELECT o.id, o.order_number, o.channel, o.ordered_at, o.region, o.country, o.latitude, "
            "o.longitude, o.delivery, p.code, o.requested_at, o.priority, o.currency, o.postal_code, o.city "
            "FROM orders o LEFT JOIN locations p ON p.id = o.pickup_location_id "
            "WHERE o.ordered_at >= :from AND o.ordered_at < :to AND o.status <> 'cancelled' "
            "ORDER BY o.ordered_at, o.id"_s);
    q.bind(u":from"_s, fromMs).bind(u":to"_s, toMs);
    q.exec();
    while (q.next()) {
        Order o;
        o.id = q.value(0).toLongLong();
        o.orderNumber = q.value(1).toString();
        o.channel = channelFromCode(q.value(2).toString()).value_or(Channel::Web);
        o.status = OrderStatus::Validated;
        o.orderedAt = fromStoredTime(q.value(3));
        o.shipTo.region = q.value(4).toString();
        o.shipTo.country = q.value(5).toString();
        if (!q.value(6).isNull() && !q.value(7).isNull())
            o.shipTo.position = GeoPoint{q.value(6).toDouble(), q.value(7).toDouble()};
        o.delivery = deliveryMethodFromCode(q.value(8).toString()).value_or(DeliveryMethod::Ship);
        o.pickupLocationCode = q.value(9).toString();
        o.requestedAt = fromStoredTime(q.value(10));
        o.priority = q.value(11).toInt();
        o.currency = q.value(12).toString();
        o.shipTo.postalCode = q.value(13).toString();
        o.shipTo.city = q.value(14).toString();
        byId.insert(o.id, orders.size());
        orders.append(std::move(o));
    }
    SqlQuery lines(db,
                   u"SELECT l.order_id, l.line_no, l.sku_code, l.quantity, l.unit_price_minor, l.currency, "
                   "l.status FROM order_lines l JOIN orders o ON o.id = l.order_id "
                   "WHERE o.ordered_at >= :from AND o.ordered_at < :to AND o.status <> 'cancelled' "
                   "ORDER BY l.order_id, l.line_no"_s);
    lines.bind(u":from"_s, fromMs).bind(u":to"_s, toMs);
    lines.exec();
    while (lines.next()) {
        const auto it = byId.constFind(lines.value(0).toLongLong());
        if (it == byId.constEnd())
            continue;
        OrderLine l;
        l.lineNo = lines.value(1).toInt();
        l.skuCode = lines.value(2).toString();
        l.quantity = lines.value(3).toInt();
        l.unitPrice = {lines.value(4).toLongLong(), lines.value(5).toString()};
        const bool cancelled = lines.value(6).toString() == orderStatusCode(OrderStatus::Cancelled);
        l.status = cancelled ? OrderStatus::Cancelled : OrderStatus::Validated;
        orders[*it].lines.append(l);
    }
    return orders;
}

// Gives back to each position the units that orders placed since `fromMs` hold there or shipped from there
// (see SimulationData). Returns the units given back.
qint64 giveBack(Database& db, InventoryIndex& index, qint64 fromMs) {
    const QString held = u"'routed','released','picking','packed'"_s;
    const QString shipped = u"'shipped','delivered'"_s;
    SqlQuery q(db, u"SELECT l.location_id, l.sku_id, "
                   "SUM(CASE WHEN l.status IN ("_s +
                       held +
                       u") THEN l.quantity ELSE 0 END), "
                       "SUM(CASE WHEN l.status IN ("_s +
                       shipped +
                       u") THEN l.quantity ELSE 0 END) "
                       "FROM order_lines l JOIN orders o ON o.id = l.order_id "
                       "WHERE o.ordered_at >= :from AND l.location_id IS NOT NULL AND l.sku_id IS NOT NULL "
                       "AND l.status IN ("_s +
                       held + u","_s + shipped +
                       u") "
                       "GROUP BY l.location_id, l.sku_id"_s);
    q.bind(u":from"_s, fromMs);
    q.exec();
    qint64 total = 0;
    while (q.next()) {
        const qint64 locationId = q.value(0).toLongLong();
        const qint64 skuId = q.value(1).toLongLong();
        const qint64 heldUnits = q.value(2).toLongLong();
        const qint64 shippedUnits = q.value(3).toLongLong();
        const int sku = index.skuIdForDatabaseId(skuId);
        const int location = index.locationIdForDatabaseId(locationId);
        if (sku < 0 || location < 0)
            continue;
        PositionFigures f = index.figures(sku, location).value_or(PositionFigures{});
        const qint64 released = std::min(f.reserved, heldUnits);
        f.reserved -= released;
        f.onHand += shippedUnits;
        total += released + shippedUnits;
        index.positionChanged(locationId, skuId, f);
    }
    return total;
}

} // namespace

SimulationData SimulationData::load(Database& db, const QDateTime& from, const QDateTime& to) {
    SimulationData data;
    data.from = from.toUTC();
    data.to = to.toUTC();
    const qint64 fromMs = toStoredTime(from);
    data.orders = loadOrders(db, fromMs, toStoredTime(to));
    data.inventory = InventoryIndex::load(db);
    data.unitsGivenBack = giveBack(db, data.inventory, fromMs);
    const Segmentation segmentation = SegmentationRepository(db, Actor::system()).load();
    data.network = networkFromIndex(data.inventory, segmentation.groups);
    data.network.setSkuTags(SkuTags(db, Actor::system()).all());
    return data;
}

} // namespace ordo
