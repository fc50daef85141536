#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

namespace ordo {

class Database;

// Writes many rows of one table with multi-row INSERT statements ("INSERT ... VALUES (...), (...), ...", 500
// rows each). The values are rendered as SQL literals (Dialect::literal) rather than bound one by one:
// QtSql's per-value binding costs more than the database's own work at this volume, on SQLite and PostgreSQL
// alike. Meant for data the program generates itself, such as the demo. Rows are sent when a statement is
// full, or, for a table whose rows refer to rows still buffered elsewhere, only on flush(). Runs inside the
// caller's Transaction. Explicit ids are fine on both engines; call syncIdentity() afterwards so that
// PostgreSQL's sequence continues after them.
class BulkInsert {
public:
    enum class Send { WhenFull, OnFlush };
    BulkInsert(Database& db, const QString& table, const QStringList& columns, Send send = Send::WhenFull);
    BulkInsert(const BulkInsert&) = delete;
    BulkInsert& operator=(const BulkInsert&) = delete;

    // Appends one row; values in the order of the columns: QString, integers, double or a null QVariant.
    void add(std::initializer_list<QVariant> row);
    void flush();
    qint64 rowsWritten() const { return m_written; }

    static constexpr int rowsPerStatement = 500;

    // After explicit ids were inserted: moves PostgreSQL's identity sequence of table.id past the largest id.
    // Nothing to do on SQLite, whose INTEGER PRIMARY KEY continues after the largest id by itself.
    static void syncIdentity(Database& db, const QString& table);

private:
    void closeStatement();
    void send(const QString& sql);

    Database& m_db;
    QString m_table;
    QString m_head; // "INSERT INTO t (a, b) VALUES "
    qsizetype m_columnCount = 0;
    Send m_send = Send::WhenFull;
    QString m_row;
    QString m_current;
    int m_currentRows = 0;
    QStringList m_pending; // full statements waiting for flush()
    qint64 m_pendingRows = 0;
    qint64 m_written = 0;
};

} // namespace ordo
