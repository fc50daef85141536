#pragma once

#include "inventory/InventoryTypes.h"
#include "model/InventoryEvent.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <utility>

namespace ordo {

class Database;

using PositionKey = std::pair<qint64, qint64>; // (location id, SKU id)

// One row of inventory_events to write.
struct LedgerRow {
    QString eventId;
    qint64 locationId = 0;
    qint64 skuId = 0;
    InventoryEventKind kind = InventoryEventKind::Delta;
    qint64 quantity = 0;
    qint64 onHandAfter = 0;
    qint64 reservedAfter = 0;
    QString reason;
    qint64 occurredAt = 0;   // stored time
    QString previousEventId; // the position's event before this one (empty for its first)
};

// A position as the ledger reads and writes it: its figures and the event id its ledger chain ends with.
struct StoredPosition {
    PositionFigures figures;
    QString lastEventId;
};

// The SQL of the inventory ledger, set-at-a-time: lookups take many keys per statement (lookUpKeys) and
// writes send many rows per statement (ledgerRowsPerStatement, positionRowsPerStatement). Every statement has
// a fixed text with positional parameters, so it is prepared once per connection (StatementCache) and each
// chunk costs binding and running it, never parsing SQL again. Runs inside the caller's Transaction. On
// PostgreSQL the positions read are locked (FOR UPDATE) until the commit, so the figures written, computed
// from them, cannot overwrite a concurrent change; SQLite's write transaction already excludes other writers.
class InventoryLedgerStore {
public:
    explicit InventoryLedgerStore(Database& db);

    static constexpr int ledgerRowsPerStatement = 50;    // x 12 parameters
    static constexpr int positionRowsPerStatement = 100; // x 7 parameters

    QHash<QString, qint64> locationIds();
    // Adds the ids of the given SKU codes that exist to `ids`.
    void resolveSkus(const QList<QString>& codes, QHash<QString, qint64>& ids);
    // The ones among `eventIds` already in the ledger.
    QSet<QString> existingEventIds(const QList<QString>& eventIds);
    // Reads the positions among `keys` that exist into `positions`.
    void loadPositions(const QList<PositionKey>& keys, QHash<PositionKey, StoredPosition>& positions);
    // Every position of a location: SKU id -> position.
    QHash<qint64, StoredPosition> positionsAt(qint64 locationId);

    void writeLedger(const QList<LedgerRow>& rows, const QString& actor, qint64 recordedAt);
    // Inserts or updates positions with their final figures and the event their chain now ends with (reserved
    // is kept for existing rows).
    void writePositions(const QList<std::pair<PositionKey, StoredPosition>>& positions, qint64 updatedAt);

private:
    QString lockClause() const;
    // Reads (and on PostgreSQL locks) the positions listed, SKU ids sorted within each location.
    void readPositions(const QMap<qint64, QList<qint64>>& skusByLocation,
                       QHash<PositionKey, StoredPosition>& positions);
    // PostgreSQL: the same, the rows locked in the one global order of positions, (SKU, location)
    // (storage/PositionLockOrder.h).
    void lockPositionsInOrder(const QMap<qint64, QList<qint64>>& skusByLocation,
                              QHash<PositionKey, StoredPosition>& positions);
    Database& m_db;
};

} // namespace ordo
