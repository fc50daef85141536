#pragma once

#include "model/Decision.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace ordo {

class Database;

// The decision record of every routing attempt, stored with its order (routing_decisions, the Decision as
// JSON) and, per shipment, the location it takes capacity from (routing_shipments). Writes run inside the
// caller's Transaction: a decision is stored in the unit of work that acts on it.
class DecisionRepository {
public:
    explicit DecisionRepository(Database& db)
        : m_db(db) {}

    // Stores the decision (decision.orderId must be set); returns the record's id.
    qint64 store(const Decision& decision, const QString& actor);
    // Stores many decisions (each with its order id set, one per order) with multi-row inserts: the same rows
    // store() writes for each. Returns each decision's record as stored (compact JSON, DecisionJson), in the
    // order of `decisions`, so that a caller printing them need not build them again.
    QList<QByteArray> storeMany(const QList<Decision>& decisions, const QString& actor);
    // The most recent decision for an order; nullopt when it was never routed.
    std::optional<Decision> latest(qint64 orderId) const;
    // Every decision for an order, oldest first.
    QList<Decision> forOrder(qint64 orderId) const;
    // Shipments per location (code) decided at or after `sinceMs` (UTC ms): what capacity left today
    // subtracts.
    QHash<QString, int> shipmentsSince(qint64 sinceMs) const;

private:
    Database& m_db;
};

} // namespace ordo
