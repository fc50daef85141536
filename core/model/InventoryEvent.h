#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace ordo {

// A delta adds to on hand (a sale, a receipt, a transfer, a correction); a snapshot is a count that sets it.
enum class InventoryEventKind { Delta, Snapshot };

// One change of stock as it arrives from outside (a file, a stream, a store's point of sale), before it is
// checked against the database. event_id is the idempotency id: an event whose id is already in the ledger is
// a duplicate and changes nothing.
struct InventoryEvent {
    QString eventId;
    QString locationCode;
    QString skuCode;
    InventoryEventKind kind = InventoryEventKind::Delta;
    qint64 quantity = 0;               // delta: the change (may be negative); snapshot: the counted on hand
    std::optional<qint64> safetyStock; // snapshot only: set it too when given
    QString reason;
    QDateTime occurredAt; // UTC; null: the time it is applied
    int line = 0;         // where it was read (1-based), for reports; 0 when not read from a file
};

inline QString inventoryEventKindCode(InventoryEventKind kind) {
    return kind == InventoryEventKind::Delta ? QStringLiteral("delta") : QStringLiteral("snapshot");
}

} // namespace ordo
