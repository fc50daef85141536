#pragma once

#include "model/AuditEvent.h"

#include <QList>

namespace ordo {

class Database;

// Append-only audit trail. record() must run inside the Transaction of the change it describes, so that
// a change and its audit line are committed together or not at all.
class AuditTrail {
public:
    explicit AuditTrail(Database& db)
        : m_db(db)
    {
    }

    void record(const AuditEvent& event);
    QList<AuditEvent> forEntity(const QString& entity, qint64 entityId) const;

private:
    Database& m_db;
};

} // namespace ordo
