#include "InventoryLedgerStore.h"

#include "Error.h"
#include "demo/BulkInsert.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"

#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QString textLiteral(const QString& text)
{
    return BulkInsert::literal(QVariant(text));
}

// Calls `body(from, to)` for consecutive ranges of at most `size` elements of a list of `count`.
template<typename Body>
void inChunks(qsizetype count, qsizetype size, Body body)
{
    for (qsizetype from = 0; from < count; from += size)
        body(from, std::min(count, from + size));
}

} // namespace

InventoryLedgerStore::InventoryLedgerStore(Database& db)
    : m_db(db)
{
}

QString InventoryLedgerStore::lockClause() const
{
    return m_db.engine() == Engine::Postgres ? u" FOR UPDATE"_s : QString();
}

void InventoryLedgerStore::run(const QString& sql)
{
    SqlQuery::run(m_db, sql);
}

QHash<QString, qint64> InventoryLedgerStore::locationIds()
{
    SqlQuery q(m_db, u"SELECT code, id FROM locations"_s);
    q.exec();
    QHash<QString, qint64> ids;
    while (q.next())
        ids.insert(q.value(0).toString(), q.value(1).toLongLong());
    return ids;
}

void InventoryLedgerStore::resolveSkus(const QList<QString>& codes, QHash<QString, qint64>& ids)
{
    inChunks(codes.size(), chunkSize, [&](qsizetype from, qsizetype to) {
        QString sql = u"SELECT code, id FROM skus WHERE code IN ("_s;
        for (qsizetype i = from; i < to; ++i) {
            if (i > from)
                sql += u',';
            sql += textLiteral(codes.at(i));
        }
        sql += u')';
        SqlQuery q(m_db, sql);
        q.exec();
        while (q.next())
            ids.insert(q.value(0).toString(), q.value(1).toLongLong());
    });
}

QSet<QString> InventoryLedgerStore::existingEventIds(const QList<QString>& eventIds)
{
    QSet<QString> found;
    inChunks(eventIds.size(), chunkSize, [&](qsizetype from, qsizetype to) {
        QString sql = u"SELECT event_id FROM inventory_events WHERE event_id IN ("_s;
        for (qsizetype i = from; i < to; ++i) {
            if (i > from)
                sql += u',';
            sql += textLiteral(eventIds.at(i));
        }
        sql += u')';
        SqlQuery q(m_db, sql);
        q.exec();
        while (q.next())
            found.insert(q.value(0).toString());
    });
    return found;
}

void InventoryLedgerStore::loadPositions(const QList<PositionKey>& keys,
                                         QHash<PositionKey, PositionFigures>& figures)
{
    // Grouped by location, so that each statement walks the primary key (location_id, sku_id) of one location.
    QMap<qint64, QList<qint64>> byLocation;
    for (const PositionKey& key : keys)
        byLocation[key.first].append(key.second);
    for (auto it = byLocation.begin(); it != byLocation.end(); ++it) {
        QList<qint64>& skus = it.value();
        std::sort(skus.begin(), skus.end()); // neighbouring keys share pages
        inChunks(skus.size(), chunkSize, [&](qsizetype from, qsizetype to) {
            QString sql = u"SELECT sku_id, on_hand, reserved, safety_stock FROM positions WHERE location_id = "_s +
                          QString::number(it.key()) + u" AND sku_id IN ("_s;
            for (qsizetype i = from; i < to; ++i) {
                if (i > from)
                    sql += u',';
                sql += QString::number(skus.at(i));
            }
            sql += u')' + lockClause();
            SqlQuery q(m_db, sql);
            q.exec();
            while (q.next())
                figures.insert({it.key(), q.value(0).toLongLong()},
                               {q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong()});
        });
    }
}

QHash<qint64, PositionFigures> InventoryLedgerStore::positionsAt(qint64 locationId)
{
    SqlQuery q(m_db, u"SELECT sku_id, on_hand, reserved, safety_stock FROM positions WHERE location_id = :loc"_s +
                         lockClause());
    q.bind(u":loc"_s, locationId);
    q.exec();
    QHash<qint64, PositionFigures> result;
    while (q.next())
        result.insert(q.value(0).toLongLong(),
                      {q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong()});
    return result;
}

void InventoryLedgerStore::writeLedger(const QList<LedgerRow>& rows, const QString& actor, qint64 recordedAt)
{
    const QString head =
        u"INSERT INTO inventory_events (event_id, location_id, sku_id, kind, quantity, on_hand_after, "
        "reserved_after, reason, occurred_at, recorded_at, actor) VALUES "_s;
    // The parts every row shares, rendered once.
    const QString tail = u","_s + QString::number(recordedAt) + u","_s + textLiteral(actor) + u")"_s;
    const QString delta = u",'delta',"_s;
    const QString snapshot = u",'snapshot',"_s;
    QString sql;
    inChunks(rows.size(), chunkSize, [&](qsizetype from, qsizetype to) {
        sql.clear();
        sql.reserve(head.size() + (to - from) * 160);
        sql += head;
        for (qsizetype i = from; i < to; ++i) {
            const LedgerRow& row = rows.at(i);
            if (i > from)
                sql += u',';
            sql += u'(';
            sql += textLiteral(row.eventId);
            sql += u',';
            sql += QString::number(row.locationId);
            sql += u',';
            sql += QString::number(row.skuId);
            sql += row.kind == InventoryEventKind::Delta ? delta : snapshot;
            sql += QString::number(row.quantity);
            sql += u',';
            sql += QString::number(row.onHandAfter);
            sql += u',';
            sql += QString::number(row.reservedAfter);
            sql += u',';
            sql += row.reason.isEmpty() ? u"NULL"_s : textLiteral(row.reason);
            sql += u',';
            sql += QString::number(row.occurredAt);
            sql += tail;
        }
        run(sql);
    });
}

void InventoryLedgerStore::writePositions(const QList<std::pair<PositionKey, PositionFigures>>& positions,
                                          qint64 updatedAt)
{
    const QString head = u"INSERT INTO positions (location_id, sku_id, on_hand, reserved, safety_stock, "
                         "updated_at) VALUES "_s;
    const QString conflict = u" ON CONFLICT (location_id, sku_id) DO UPDATE SET on_hand = excluded.on_hand, "
                             "safety_stock = excluded.safety_stock, updated_at = excluded.updated_at"_s;
    const QString now = QString::number(updatedAt);
    QString sql;
    inChunks(positions.size(), chunkSize, [&](qsizetype from, qsizetype to) {
        sql.clear();
        sql.reserve(head.size() + conflict.size() + (to - from) * 64);
        sql += head;
        for (qsizetype i = from; i < to; ++i) {
            const auto& [key, figures] = positions.at(i);
            if (i > from)
                sql += u',';
            sql += u'(';
            sql += QString::number(key.first);
            sql += u',';
            sql += QString::number(key.second);
            sql += u',';
            sql += QString::number(figures.onHand);
            sql += u',';
            sql += QString::number(figures.reserved);
            sql += u',';
            sql += QString::number(figures.safetyStock);
            sql += u',';
            sql += now;
            sql += u')';
        }
        sql += conflict;
        run(sql);
    });
}

} // namespace ordo
