#pragma once

#include "storage/SqlQuery.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <initializer_list>
#include <optional>

namespace ordo {

class Database;

// Writes many rows into one table with multi-row INSERTs of a fixed text with positional parameters:
// rowsPerStatement rows per statement, and the rows left at flush() one by one. Both statements are prepared
// once per connection (StatementCache), so each batch costs binding and running, never parsing SQL: much
// cheaper than rendering the values as literals (BulkInsert) when the same kind of rows is written again and
// again. `suffix` follows the VALUES list (for instance an ON CONFLICT clause). Runs in the caller's
// Transaction; rows not flushed when the writer is destroyed are not written, so call flush().
class RowWriter {
public:
    RowWriter(Database& db, const QString& table, const QStringList& columns, int rowsPerStatement,
              const QString& suffix = QString());
    RowWriter(const RowWriter&) = delete;
    RowWriter& operator=(const RowWriter&) = delete;

    // One row, its values in the order of the columns.
    void add(std::initializer_list<QVariant> row);
    void flush();
    qint64 rowsWritten() const { return m_written; }

private:
    void send(const QString& sql, qsizetype rows);

    Database& m_db;
    int m_columns = 0;
    int m_rowsPerStatement = 1;
    QString m_many; // the statement for rowsPerStatement rows
    QString m_one;  // the statement for one row
    QList<QVariant> m_pending;
    qint64 m_written = 0;
};

} // namespace ordo
