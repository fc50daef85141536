#include "RowWriter.h"

#include "Error.h"
#include "storage/Database.h"
#include "storage/PositionalStatement.h"

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
    for (qsizetype from = 0; from < rest.size(); from += m_columns) {
        runPositional(m_db, m_one, rest.constData() + from, m_columns);
        ++m_written;
    }
    m_pending.reserve(qsizetype(m_rowsPerStatement) * m_columns);
}

void RowWriter::send(const QString& sql, qsizetype rows) {
    runPositional(m_db, sql, m_pending.constData(), m_pending.size());
    m_written += rows;
    m_pending.clear();
}

} // namespace ordo
