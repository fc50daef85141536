#pragma once

#include "model/AuditEvent.h"

#include <QList>

#include <memory>

namespace ordo {

class Database;
class SqlQuery;

// Append-only audit trail. record() must run inside the Transaction of the change it describes, so that
// a change and its audit line are committed together or not at all. Events on orders are not recorded here:
// OrderTransitions (core/orders) writes them with the change of state they go with, and record() refuses
// them.
class AuditTrail {
public:
    explicit AuditTrail(Database& db);
    ~AuditTrail();

    void record(const AuditEvent& event);
    QList<AuditEvent> forEntity(const QString& entity, qint64 entityId) const;

private:
    Database& m_db;
    std::unique_ptr<SqlQuery> m_insert; // prepared on first use, reused for every record
};

} // namespace ordo
