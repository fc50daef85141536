#include "RowWriter.h"

#include "Error.h"
#include "storage/Database.h"
#include "storage/SqliteStatement.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// "(?,?),(?,?)" for `rows` rows of `columns` parameters.
QString rowParameters(qsizetype rows, qsizetype columns) {
    QString row = u"("_s;
    for (qsizetype c = 0; c < columns; ++c)
        row += c == 0 ? u"?"_s : u",?"_s;
    row += u')';
    QString text;
    text.reserve(rows * (row.size() + 1));
    for (qsizetype i = 0; i < rows; ++i) {
        if (i > 0)
            text += u',';
        text += row;
    }
    return text;
}

} // namespace

RowWriter::RowWriter(Database& db, const QString& table, const QStringList& columns, int rowsPerStatement,
                     const QString& suffix)
    : m_db(db)
    , m_columns(int(columns.size()))
    , m_rowsPerStatement(std::max(1, rowsPerStatement)) {
    const QString head = u"INSERT INTO "_s + table + u" ("_s + columns.join(u", "_s) + u") VALUES "_s;
    m_many = head + rowParameters(m_rowsPerStatement, m_columns) + suffix;
    m_one = head + rowParameters(1, m_columns) + suffix;
    m_pending.reserve(qsizetype(m_rowsPerStatement) * m_columns);
}

void RowWriter::add(std::initializer_list<QVariant> row) {
    if (qsizetype(row.size()) != m_columns)
        throw Error::usage(u"a row of %1 values for %2 columns"_s.arg(row.size()).arg(m_columns));
    m_pending.append(row);
    if (m_pending.size() == qsizetype(m_rowsPerStatement) * m_columns)
        send(m_many, m_rowsPerStatement);
}

void RowWriter::flush() {
    if (m_pending.size() == qsizetype(m_rowsPerStatement) * m_columns) {
        send(m_many, m_rowsPerStatement);
        return;
    }
    const QList<QVariant> rest = std::exchange(m_pending, {});
    if (SqliteStatement::usable(m_db)) {
        SqliteStatement one(m_db, m_one);
        for (qsizetype from = 0; from < rest.size(); from += m_columns) {
            for (int c = 0; c < m_columns; ++c)
                one.bind(c, rest.at(from + c));
            one.step();
            ++m_written;
        }
        m_pending.reserve(qsizetype(m_rowsPerStatement) * m_columns);
        return;
    }
    for (qsizetype from = 0; from < rest.size(); from += m_columns) {
        SqlQuery q(m_db, m_one);
        for (int c = 0; c < m_columns; ++c)
            q.bindAt(c, rest.at(from + c));
        q.exec();
        ++m_written;
    }
    m_pending.reserve(qsizetype(m_rowsPerStatement) * m_columns);
}

void RowWriter::send(const QString& sql, qsizetype rows) {
    if (SqliteStatement::usable(m_db)) { // bound straight into SQLite: see SqliteStatement
        SqliteStatement statement(m_db, sql);
        for (qsizetype i = 0; i < m_pending.size(); ++i)
            statement.bind(int(i), m_pending.at(i));
        statement.step();
        m_written += rows;
        m_pending.clear();
        return;
    }
    SqlQuery q(m_db, sql);
    for (qsizetype i = 0; i < m_pending.size(); ++i)
        q.bindAt(int(i), m_pending.at(i));
    q.exec();
    m_written += rows;
    m_pending.clear();
}

} // namespace ordo
