#pragma once

#include <QString>

namespace ordo {

class Database;

// A point inside the current transaction to roll back to, so that a step that turns out to rest on a wrong
// guess can be undone without losing the rest of the unit of work. Both engines speak the same SAVEPOINT
// syntax. Names are lower-case letters, digits and '_'. Must be used inside a Transaction; release() keeps
// the work, rollBack() undoes it, and a savepoint left with neither is rolled back by its destructor.
class Savepoint {
public:
    Savepoint(Database& db, const QString& name);
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    ~Savepoint();

    void release();
    void rollBack();

private:
    Database& m_db;
    QString m_name;
    bool m_done = false;
};

} // namespace ordo
