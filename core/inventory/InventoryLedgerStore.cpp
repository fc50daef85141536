#include "InventoryLedgerStore.h"

#include "Error.h"
#include "storage/Database.h"
#include "storage/KeyLookup.h"
#include "storage/PositionLockOrder.h"
#include "storage/PositionalStatement.h"
#include "storage/RowWriter.h"
#include "storage/SqlQuery.h"

#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

InventoryLedgerStore::InventoryLedgerStore(Database& db)
    : m_db(db) {}

QString InventoryLedgerStore::lockClause() const {
    return m_db.engine() == Engine::Postgres ? u" FOR UPDATE"_s : QString();
}

QHash<QString, qint64> InventoryLedgerStore::locationIds() {
    SqlQuery q(m_db, u"SELECT code, id FROM locations"_s);
    q.exec();
    QHash<QString, qint64> ids;
    while (q.next())
        ids.insert(q.value(0).toString(), q.value(1).toLongLong());
    return ids;
}

void InventoryLedgerStore::resolveSkus(const QList<QString>& codes, QHash<QString, qint64>& ids) {
    lookUpKeys(m_db, u"SELECT code, id FROM skus WHERE code"_s, codes, QString(), QVariant(),
               [&](auto& q) { ids.insert(q.value(0).toString(), q.value(1).toLongLong()); });
}

QSet<QString> InventoryLedgerStore::existingEventIds(const QList<QString>& eventIds) {
    QSet<QString> found;
    lookUpKeys(m_db, u"SELECT event_id FROM inventory_events WHERE event_id"_s, eventIds, QString(),
               QVariant(), [&](auto& q) { found.insert(q.value(0).toString()); });
    return found;
}

void InventoryLedgerStore::loadPositions(const QList<PositionKey>& keys,
                                         QHash<PositionKey, StoredPosition>& positions) {
    // Grouped by location, so that each statement walks the primary key (location_id, sku_id) of one
    // location.
    QMap<qint64, QList<qint64>> byLocation;
    for (const PositionKey& key : keys)
        byLocation[key.first].append(key.second);
    for (QList<qint64>& skus : byLocation)
        std::sort(skus.begin(), skus.end()); // neighbouring keys share pages
    readPositions(byLocation, positions);
    if (m_db.engine() != Engine::Postgres)
        return;
    // PostgreSQL locks only rows that exist. Two units bringing the first events of one position would both
    // find none, and the later would overwrite the earlier's figures and the end of its ledger chain. So each
    // missing position is locked by name and read again: a unit that waited finds the row the other made,
    // locked like the rest. The name is a transaction advisory lock on a hash of the key, taken in key order;
    // a clash of hashes only makes one unit wait for another, and never meets the schema lock's key (location
    // ids start at 1).
    QMap<qint64, QList<qint64>> missing;
    QList<qint64> names;
    for (auto it = byLocation.cbegin(); it != byLocation.cend(); ++it)
        for (qint64 sku : it.value())
            if (!positions.contains({it.key(), sku})) {
                missing[it.key()].append(sku);
                names.append(qint64((quint64(it.key()) << 32) ^ quint64(sku)));
            }
    if (missing.isEmpty())
        return;
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    QString values;
    values.reserve(names.size() * 24);
    for (qint64 name : std::as_const(names))
        values += (values.isEmpty() ? u"("_s : u",("_s) + QString::number(name) + u')';
    SqlQuery::rows(
        m_db,
        u"SELECT pg_advisory_xact_lock(v) FROM (SELECT v FROM (VALUES %1) AS k (v) ORDER BY v) AS s"_s.arg(
            values));
    readPositions(missing, positions);
}

void InventoryLedgerStore::readPositions(const QMap<qint64, QList<qint64>>& skusByLocation,
                                         QHash<PositionKey, StoredPosition>& positions) {
    if (m_db.engine() == Engine::Postgres) {
        lockPositionsInOrder(skusByLocation, positions);
        return;
    }
    // SQLite takes no row locks (the write transaction excludes other writers): each statement walks the
    // primary key (location_id, sku_id) of one location.
    for (auto it = skusByLocation.cbegin(); it != skusByLocation.cend(); ++it) {
        const QList<qint64>& skus = it.value();
        const qint64 location = it.key();
        lookUpKeys(m_db,
                   u"SELECT sku_id, on_hand, reserved, safety_stock, last_event_id FROM positions "
                   "WHERE location_id = ? AND sku_id"_s,
                   skus, lockClause(), QVariant(location), [&](auto& q) {
                       positions.insert(
                           {location, q.value(0).toLongLong()},
                           {{q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong()},
                            q.value(4).toString()});
                   });
    }
}

void InventoryLedgerStore::lockPositionsInOrder(const QMap<qint64, QList<qint64>>& skusByLocation,
                                                QHash<PositionKey, StoredPosition>& positions) {
    // Ingest arrives by location, reservations go SKU by SKU: rows are locked as the statement returns them,
    // so every writer returns them in (SKU, location) order, over chunks of keys sorted the same way. The
    // statements come in sizes 1, 2, 4, ... 256 pairs (the last chunk padded with its last pair, which IN
    // ignores), so that few texts are prepared.
    QList<std::pair<qint64, qint64>> keys; // (SKU, location)
    for (auto it = skusByLocation.cbegin(); it != skusByLocation.cend(); ++it)
        for (qint64 sku : it.value())
            keys.append({sku, it.key()});
    if (keys.isEmpty())
        return;
    std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
        return positionLockedBefore(a.first, a.second, b.first, b.second);
    });
    constexpr qsizetype chunk = 256;
    qsizetype size = 1;
    while (size < keys.size() && size < chunk)
        size *= 2;
    QString pairs;
    for (qsizetype i = 0; i < size; ++i)
        pairs += (i == 0 ? u""_s : u","_s) + u"(CAST(? AS BIGINT),CAST(? AS BIGINT))"_s;
    const QString sql =
        u"SELECT location_id, sku_id, on_hand, reserved, safety_stock, last_event_id FROM "
        "positions WHERE (sku_id, location_id) IN (VALUES %1) ORDER BY sku_id, location_id"_s.arg(pairs) +
        lockClause();
    QList<QVariant> values(2 * size);
    for (qsizetype from = 0; from < keys.size(); from += size) {
        const qsizetype to = std::min(keys.size(), from + size);
        for (qsizetype i = 0; i < size; ++i) {
            const auto& key = keys.at(std::min(from + i, to - 1));
            values[2 * i] = key.first;
            values[2 * i + 1] = key.second;
        }
        runPositional(m_db, sql, values.constData(), values.size(), [&](auto& q) {
            positions.insert({q.value(0).toLongLong(), q.value(1).toLongLong()},
                             {{q.value(2).toLongLong(), q.value(3).toLongLong(), q.value(4).toLongLong()},
                              q.value(5).toString()});
        });
    }
}

QHash<qint64, StoredPosition> InventoryLedgerStore::positionsAt(qint64 locationId) {
    // A full snapshot zeroes the whole location: its rows in SKU order, the global order within one location
    // (rows of other locations this unit locked before may come after some of them: TransactionRunner runs a
    // unit that meets a deadlock again).
    SqlQuery q(m_db, u"SELECT sku_id, on_hand, reserved, safety_stock, last_event_id FROM positions "
                     "WHERE location_id = :loc ORDER BY sku_id"_s +
                         lockClause());
    q.bind(u":loc"_s, locationId);
    q.exec();
    QHash<qint64, StoredPosition> result;
    while (q.next())
        result.insert(q.value(0).toLongLong(),
                      {{q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong()},
                       q.value(4).toString()});
    return result;
}

void InventoryLedgerStore::writeLedger(const QList<LedgerRow>& rows, const QString& actor,
                                       qint64 recordedAt) {
    RowWriter ledger(m_db, u"inventory_events"_s,
                     {u"event_id"_s, u"location_id"_s, u"sku_id"_s, u"kind"_s, u"quantity"_s,
                      u"on_hand_after"_s, u"reserved_after"_s, u"reason"_s, u"occurred_at"_s,
                      u"recorded_at"_s, u"actor"_s, u"previous_event_id"_s},
                     ledgerRowsPerStatement);
    const QVariant delta(u"delta"_s), snapshot(u"snapshot"_s), null = nullString();
    const QVariant recorded(recordedAt), by(actor);
    for (const LedgerRow& row : rows)
        ledger.add({row.eventId, row.locationId, row.skuId,
                    row.kind == InventoryEventKind::Delta ? delta : snapshot, row.quantity, row.onHandAfter,
                    row.reservedAfter, row.reason.isEmpty() ? null : QVariant(row.reason), row.occurredAt,
                    recorded, by, row.previousEventId.isEmpty() ? null : QVariant(row.previousEventId)});
    ledger.flush();
}

void InventoryLedgerStore::writePositions(const QList<std::pair<PositionKey, StoredPosition>>& positions,
                                          qint64 updatedAt) {
    RowWriter writer(m_db, u"positions"_s,
                     {u"location_id"_s, u"sku_id"_s, u"on_hand"_s, u"reserved"_s, u"safety_stock"_s,
                      u"updated_at"_s, u"last_event_id"_s},
                     positionRowsPerStatement,
                     u" ON CONFLICT (location_id, sku_id) DO UPDATE SET on_hand = excluded.on_hand, "
                     "safety_stock = excluded.safety_stock, updated_at = excluded.updated_at, "
                     "prior_event_id = positions.last_event_id, last_event_id = excluded.last_event_id"_s);
    const QVariant now(updatedAt);
    for (const auto& [key, position] : positions) {
        const PositionFigures& figures = position.figures;
        writer.add({key.first, key.second, figures.onHand, figures.reserved, figures.safetyStock, now,
                    position.lastEventId});
    }
    writer.flush();
}

} // namespace ordo
