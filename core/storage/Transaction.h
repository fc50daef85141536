#pragma once

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

private:
    Database& m_db;
    bool m_outermost = false;
    bool m_done = false;
};

} // namespace ordo
