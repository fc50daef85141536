#pragma once

#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

struct sqlite3_stmt;

namespace ordo {

class SqliteStatement;

// The idle prepared statements of one connection, keyed by their SQL text, so that a statement run again and
// again (a reservation's UPDATE, an audit INSERT, an order lock) is prepared once per connection instead of
// once per SqlQuery: preparing costs a parse on SQLite and a round trip (and another to deallocate) on
// PostgreSQL. SqlQuery takes a statement out while it runs and gives it back, finished, when it is destroyed;
// two SqlQuery objects with the same SQL alive at once each get their own statement.
//
// A statement taken from the cache never runs with the values a previous user bound:
// - named placeholders (":name") are reset to NULL and checked to be NULL (else the statement is dropped and
// the
//   caller prepares a fresh one), so a user that binds only some sees NULL in the others, as with a fresh
//   one;
// - positional ones ("?", the multi-row statements of RowWriter and the ledger, hundreds of parameters) are
// not
//   reset, which would cost as much as binding them: SqlQuery refuses to run such a statement, fresh or
//   reused, until every one of them has been bound by its current user (Error::usage).
//
// Owned by Database through a shared pointer that SqlQuery watches weakly: the cache is emptied, and marked
// closed, before the connection is removed, and a SqlQuery that outlives its Database drops its statement
// instead of giving it back. Not synchronised: a connection belongs to one thread.
class StatementCache {
public:
    // At most this many idle statements; past it the idle ones are dropped (statements built around literals
    // would otherwise crowd out the ones that repeat).
    static constexpr qsizetype capacity = 256;
    // Longer SQL is not kept: it carries literals (multi-row INSERTs, IN lists) and is rarely run twice.
    static constexpr qsizetype longestKept = 4000;

    struct Entry {
        std::unique_ptr<QSqlQuery> query;
        QStringList placeholders; // the named placeholders of the SQL, each once
        int positional = 0;       // how many positional ("?") placeholders it has
    };

    // The idle statement prepared for `sql`, its bound values reset to NULL, or an empty entry (the caller
    // prepares its own).
    Entry take(const QString& sql);
    // Keeps `entry`, prepared for `sql`, for the next take(); finishes it first so that it holds no result
    // (and, on SQLite, no read lock). Dropped when the cache is closed, full or already holds that SQL.
    void giveBack(const QString& sql, Entry entry);
    // Native SQLite statements (SqliteStatement). take: the idle one prepared for `sql`, or nullptr. Every
    // statement in use is registered with lend() and leaves with giveBackNative(), which keeps it, reset, for
    // the next user (finalised instead when the cache is closed or full). close() finalises the idle ones and
    // those still in use (their SqliteStatement is told, and refuses to run): SQLite cannot close a
    // connection that still has statements, and QtSql would then lose the connection, its file and its locks.
    sqlite3_stmt* takeNative(const QString& sql);
    void lend(SqliteStatement* user) { m_lent.insert(user); }
    void giveBackNative(const QString& sql, sqlite3_stmt* statement, SqliteStatement* user);
    // Whether this connection may use native statements (SqliteStatement::usable), once known.
    std::optional<bool> nativeUsable() const { return m_nativeUsable; }
    void setNativeUsable(bool usable) { m_nativeUsable = usable; }
    // Drops every idle statement (schema changed, connection about to close).
    void clear();
    // Drops every statement and refuses those given back later: the connection is going away.
    void close();
    ~StatementCache() { close(); }
    StatementCache() = default;
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;
    // Idle statements, QtSql's and native ones.
    qsizetype size() const { return qsizetype(m_idle.size() + m_native.size()); }
    // How many statements take() handed out again since the cache was made (for tests and benchmarks).
    qint64 reuses() const { return m_reuses; }

    // The named placeholders (":name") of `sql`, each once, outside quoted text and PostgreSQL casts ("::").
    static QStringList placeholdersOf(const QString& sql);
    // The number of positional placeholders ("?") of `sql`, outside quoted text.
    static int positionalCountOf(const QString& sql);

private:
    std::unordered_map<QString, Entry> m_idle;
    std::unordered_map<QString, sqlite3_stmt*> m_native; // idle, owned: finalised by clear()
    std::unordered_set<SqliteStatement*> m_lent;         // in use
    std::optional<bool> m_nativeUsable;
    qint64 m_reuses = 0;
    bool m_closed = false;
};

} // namespace ordo
