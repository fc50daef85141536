#pragma once

#include "Dialect.h"
#include "StatementCache.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace ordo {

// One open connection to an Ordo database, SQLite or PostgreSQL, chosen by URL:
//   a file path (or file:///path) opens SQLite in WAL mode (refused when the file system cannot keep a
//   write-ahead log) with foreign keys on and synchronous=FULL: a transaction is on disk, log and all, when
//   its COMMIT returns, so a power cut loses no acknowledged order (NORMAL may lose the last ones);
//   postgresql://user[:password]@host[:port]/dbname opens PostgreSQL. Every session gets a lock_timeout (10s)
//   and a statement_timeout (60s) so that nothing waits forever: set them with the URL's query
//   (?lock_timeout=5s&statement_timeout=2min) or the environment (ORDO_PG_LOCK_TIMEOUT,
//   ORDO_PG_STATEMENT_TIMEOUT; the URL wins); 0 turns one off. Other query items are libpq's connect
//   options (sslmode=require...).
// Opening migrates an older schema forward and refuses a newer one. A connection belongs to the thread that
// opened it: a worker thread opens its own with Database::open(url) (QtSql's rule, not ours).
class Database {
public:
    struct Options {
        bool migrate = true; // apply pending migrations (off: refuse a database that needs them)
        bool create = true;  // SQLite: create the file if it does not exist
        // SQLite's PRAGMA synchronous: FULL (the default), or NORMAL, OFF, EXTRA. Empty: FULL, unless the
        // environment's ORDO_SQLITE_SYNCHRONOUS names another (an operator's explicit choice of speed over
        // durability; a benchmark's comparison).
        QString sqliteSynchronous;
    };

    static Database open(const QString& url, const Options& options);
    static Database open(const QString& url) { return open(url, Options{}); }
    // The per-user standalone database under the application data directory.
    static QString defaultUrl();

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    QSqlDatabase connection() const { return QSqlDatabase::database(m_connectionName, false); }
    const Dialect& dialect() const { return m_dialect; }
    Engine engine() const { return m_dialect.engine(); }
    const QString& url() const { return m_url; }
    // For people: "/home/ana/ordo.sqlite (standalone)" or "ordo@db.example:5432/ordo (central)".
    QString displayName() const;
    bool isCentral() const { return engine() == Engine::Postgres; }
    int schemaVersion() const;

    // Transaction nesting is counted so that a service can call another inside its own unit of work;
    // only the outermost Transaction talks to the database. Used by Transaction only.
    int& transactionDepth() { return m_transactionDepth; }
    bool& rollbackOnly() { return m_rollbackOnly; }

    // This connection's idle prepared statements, reused by SqlQuery. Cleared and closed before the
    // connection is removed; SqlQuery holds it weakly so that a statement never outlives its connection.
    const std::shared_ptr<StatementCache>& statementCache() const { return m_statements; }

private:
    Database(QString url, QString connectionName, Engine engine);
    void close();

    QString m_url;
    QString m_connectionName;
    Dialect m_dialect;
    int m_transactionDepth = 0;
    bool m_rollbackOnly = false;
    std::shared_ptr<StatementCache> m_statements = std::make_shared<StatementCache>();
};

} // namespace ordo
