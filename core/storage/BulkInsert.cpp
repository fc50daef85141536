#include "BulkInsert.h"

#include "Error.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo {

BulkInsert::BulkInsert(Database& db, const QString& table, const QStringList& columns, Send send)
    : m_db(db)
    , m_table(table)
    , m_head(u"INSERT INTO "_s + table + u" ("_s + columns.join(u", "_s) + u") VALUES "_s)
    , m_columnCount(columns.size())
    , m_send(send) {}

void BulkInsert::add(std::initializer_list<QVariant> row) {
    if (qsizetype(row.size()) != m_columnCount)
        throw Error::usage(
            u"%1: a row has %2 values for %3 columns"_s.arg(m_table).arg(row.size()).arg(m_columnCount));
    // Rendered apart first, so that a value without a literal leaves the statement as it was.
    m_row.clear();
    m_row += u'(';
    for (const QVariant& v : row) {
        if (m_row.size() > 1)
            m_row += u',';
        m_row += m_db.dialect().literal(v);
    }
    m_row += u')';
    if (m_currentRows == 0) {
        m_current.reserve(m_head.size() + rowsPerStatement * (m_row.size() + 8));
        m_current = m_head;
    } else {
        m_current += u',';
    }
    m_current += m_row;
    if (++m_currentRows == rowsPerStatement)
        closeStatement();
}

void BulkInsert::closeStatement() {
    if (m_currentRows == 0)
        return;
    if (m_send == Send::WhenFull) {
        send(m_current);
        m_written += m_currentRows;
    } else {
        m_pending.append(m_current);
        m_pendingRows += m_currentRows;
    }
    m_current.clear();
    m_currentRows = 0;
}

void BulkInsert::flush() {
    const Send mode = m_send;
    m_send = Send::OnFlush;
    closeStatement();
    m_send = mode;
    for (const QString& sql : std::as_const(m_pending))
        send(sql);
    m_written += m_pendingRows;
    m_pending.clear();
    m_pendingRows = 0;
}

void BulkInsert::send(const QString& sql) {
    try {
        SqlQuery::run(m_db, sql);
    } catch (const Error& e) {
        // The statement is long: name the table and keep the driver's reason, not the whole text.
        throw Error::storage(u"writing %1 failed: %2"_s.arg(m_table, e.message().left(500)), e.code());
    }
}

void BulkInsert::syncIdentity(Database& db, const QString& table) {
    if (db.engine() != Engine::Postgres)
        return;
    SqlQuery::run(
        db, u"SELECT setval(pg_get_serial_sequence('%1', 'id'), COALESCE((SELECT max(id) FROM %1), 0) + 1, "
            "false)"_s.arg(table));
}

} // namespace ordo
