#pragma once

#include "model/Location.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace ordo {

class Database;

// A SKU found by a search, with how it matched.
struct SkuMatch {
    enum class Kind { ExactCode, CodePrefix, Name };
    QString code;
    QString name;
    Kind kind = Kind::Name;
};

// One position of a SKU with what a person needs to recognise its location.
struct StockPosition {
    QString locationCode;
    QString locationName;
    LocationType locationType = LocationType::Dc;
    qint64 onHand = 0;
    qint64 reserved = 0;
    qint64 safetyStock = 0;
    QDateTime updatedAt; // UTC
};

// One row of the inventory ledger (inventory_events), as read back.
struct LedgerEntry {
    QString eventId; // the idempotency id the event arrived with
    QString kind;    // delta, snapshot, adjust, reserve, release, ship
    qint64 quantity = 0;
    qint64 onHandAfter = 0;
    qint64 reservedAfter = 0;
    QString reason;
    QString actor;
    QDateTime occurredAt; // UTC
    QDateTime recordedAt; // UTC
};

// Read side of inventory for the console, the command line and the API: finding SKUs, a SKU's positions and
// the ledger of one position. Plain queries, no transaction, no permission needed.
class InventoryQuery {
public:
    explicit InventoryQuery(Database& db)
        : m_db(db) {}

    // SKUs matching `text`, at most `limit`, best first: the exact code (what a barcode scanner types), then
    // codes starting with the text, then names with a word starting with each word of the text; each group
    // in code order, every SKU once. Case-insensitive. Empty text finds nothing.
    QList<SkuMatch> findSkus(const QString& text, int limit) const;

    // Every position of the SKU, in location-code order (empty for an unknown SKU).
    QList<StockPosition> positions(const QString& skuCode) const;

    // The position's most recent ledger events, newest first.
    QList<LedgerEntry> recentEvents(const QString& locationCode, const QString& skuCode, int limit) const;

private:
    Database& m_db;
};

} // namespace ordo
