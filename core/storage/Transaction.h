#pragma once

#include <QList>
#include <QStringList>
#include <QVariant>

namespace ordo {

class Database;

// RAII unit of work: begins a write transaction, commits only when told, rolls back in its destructor.
// Nested guards join the outermost one; if an inner guard is left without commit() the whole unit is
// marked for rollback and the outer commit() throws.
class Transaction {
public:
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    void commit();
    // Ends the unit without saving (a dry run, a batch that was refused) before the guard goes out of scope;
    // an inner guard marks the whole unit for rollback.
    void rollback();
    // Whether commit(), commitWith() or rollback() ended this guard.
    bool isDone() const { return m_done; }
    // Runs `statements` in order (each exactly one SQL statement, its values written in, no placeholders) and
    // commits, returning the rows the last statement returned. On PostgreSQL all of it goes in one round
    // trip, so that the row locks the statements take are held for no round trip of their own (a hot SKU's
    // position under many clients). Throws Error::storage when a statement or the commit fails; nothing is
    // then saved. Only the outermost guard of a unit of work that has not failed may commit this way.
    QList<QVariantList> commitWith(const QStringList& statements);

private:
    Database& m_db;
    bool m_outermost = false;
    bool m_done = false;
};

} // namespace ordo
