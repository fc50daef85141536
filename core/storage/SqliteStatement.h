#pragma once

#include <QString>
#include <QVariant>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace ordo {

class Database;
class StatementCache;

// A statement run through SQLite's own C API on the connection QtSql opened, for the few statements that run
// hundreds of thousands of times a second: the ledger's and the reservations' multi-row INSERTs and the
// ingest's lookups. QtSql's binding costs more per value than SQLite's whole insert of a narrow row (each
// bound value becomes a named entry in a hash), so those statements bind straight into SQLite instead. Only
// where usable(): the caller keeps its QtSql path for PostgreSQL, and for a Qt whose SQLite plugin carries
// its own copy of SQLite (the handle would then belong to another library than the one Ordo links).
//
// Prepared once per connection: the statement comes from the connection's StatementCache and goes back there,
// reset and with its values cleared, when this object is destroyed; the cache finalises it before the
// connection closes (even while it is in use: it then refuses to run) or the schema changes. Parameters are
// positional, numbered from 0 like SqlQuery::bindAt; every one must be bound before step() (Error::usage
// otherwise), so no value of an earlier user can reach the database.
class SqliteStatement {
public:
    SqliteStatement(Database& db, const QString& sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    // Whether `db` may run native statements: a SQLite database whose QtSql driver runs the same SQLite
    // library (the same source id) as Ordo links. Checked once per connection.
    static bool usable(Database& db);

    int parameterCount() const { return m_parameters; }
    // Binds by the value's type: integers and booleans as INTEGER, floating point as REAL, text as TEXT, byte
    // arrays as BLOB; NULL for what QtSql binds as NULL (a null QVariant, a null string or byte array, an
    // invalid date or time), so that both paths store the same thing.
    void bind(int index, const QVariant& value);
    void bind(int index, qint64 value);
    void bind(int index, const QString& value);
    // Runs the statement, or moves to its next row: true while there is a row to read. Throws Error::storage
    // (naming SQLite's message and the statement) on failure; "database is locked" stays in the message so
    // that callers that retry busy databases recognise it.
    bool step();
    // Columns of the current row, from 0.
    qint64 int64(int column) const;
    QString text(int column) const;
    QVariant value(int column) const;

private:
    friend class StatementCache;
    // The connection is closing while this statement is in use: finalise it now; it refuses to run after.
    void detach();
    [[noreturn]] void fail(int code, const QString& message) const;
    void check(int code) const; // the result of a bind
    void bindUtf8(int index, const QByteArray& utf8);
    void markBound(int index);

    QString m_sql;
    sqlite3* m_handle = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    std::weak_ptr<StatementCache> m_cache;
    int m_parameters = 0;
    int m_unbound = 0;
    std::unique_ptr<bool[]> m_bound;
    bool m_started = false;
};

// The sqlite3 handle of an open SQLite database (nullptr for PostgreSQL).
sqlite3* sqliteHandle(Database& db);

} // namespace ordo
