#include "CsvTable.h"

#include "Error.h"

using namespace Qt::StringLiterals;

namespace ordo {

CsvTable::CsvTable(QIODevice& device, const QString& name)
    : m_reader(device, name) {
    if (!m_reader.next(m_header))
        throw Error::input(u"%1: the file is empty"_s.arg(name));
    for (int i = 0; i < m_header.fields.size(); ++i)
        m_columns.insert(m_header.fields[i].trimmed().toLower(), i);
}

QStringList CsvTable::missing(const QStringList& wanted) const {
    QStringList absent;
    for (const QString& name : wanted)
        if (!m_columns.contains(name))
            absent << name;
    return absent;
}

bool CsvTable::next(CsvTableRow& row) {
    CsvRecord record;
    if (!m_reader.next(record))
        return false;
    row.line = record.line;
    row.fields = std::move(record.fields);
    row.problem.clear();
    if (row.fields.size() != m_header.fields.size())
        row.problem = u"line %1: %2 fields, the header has %3"_s.arg(row.line)
                          .arg(row.fields.size())
                          .arg(m_header.fields.size());
    return true;
}

} // namespace ordo
