#include "PositionRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

using namespace Qt::StringLiterals;

namespace ordo {

void PositionRepository::setOnHand(qint64 locationId, qint64 skuId, qint64 onHand,
                                   std::optional<qint64> safetyStock) {
    // Unchanged values are not written: the WHERE clause of the upsert skips rows that already hold them.
    SqlQuery q(m_db,
               u"INSERT INTO positions (location_id, sku_id, on_hand, reserved, safety_stock, updated_at) "
               "VALUES (:loc, :sku, :on_hand, 0, :safety, :now) "
               "ON CONFLICT (location_id, sku_id) DO UPDATE SET on_hand = excluded.on_hand, "
               "safety_stock = CASE WHEN :keep_safety = 1 THEN positions.safety_stock "
               "ELSE excluded.safety_stock END, updated_at = excluded.updated_at "
               "WHERE positions.on_hand <> excluded.on_hand "
               "OR (:keep_safety2 = 0 AND positions.safety_stock <> excluded.safety_stock)"_s);
    q.bind(u":loc"_s, locationId)
        .bind(u":sku"_s, skuId)
        .bind(u":on_hand"_s, onHand)
        .bind(u":safety"_s, safetyStock.value_or(0))
        .bind(u":keep_safety"_s, safetyStock ? 0 : 1)
        .bind(u":keep_safety2"_s, safetyStock ? 0 : 1)
        .bind(u":now"_s, nowStoredTime());
    q.exec();
}

QList<Position> PositionRepository::forSku(const QString& skuCode) const {
    SqlQuery q(m_db, u"SELECT l.code, s.code, p.on_hand, p.reserved, p.safety_stock FROM positions p "
                     "JOIN locations l ON l.id = p.location_id JOIN skus s ON s.id = p.sku_id "
                     "WHERE s.code = :sku ORDER BY l.code"_s);
    q.bind(u":sku"_s, skuCode);
    q.exec();
    QList<Position> result;
    while (q.next())
        result << Position{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                           q.value(3).toLongLong(), q.value(4).toLongLong()};
    return result;
}

} // namespace ordo
