#pragma once

#include "formats/CsvReader.h"

#include <QHash>
#include <QString>
#include <QStringList>

class QIODevice;

namespace ordo {

// One data row of a CsvTable: its fields and line, or why it cannot be read ("line 4: 3 fields, the header
// has 2"; the fields are then not to be used).
struct CsvTableRow {
    QStringList fields;
    int line = 0;
    QString problem;
};

// A CSV file whose first record names its columns, in any order and any case (the small files of master data:
// SKU tags, the SKU cross-reference). Reads the header on construction (Error::input "<name>: the file is
// empty" when there is none); the caller checks the columns it needs and says what it expected. Rows with
// another number of fields than the header are returned with their problem, in file order with the others,
// so a report lists every bad line in order. Errors of the text itself are CsvReader's.
class CsvTable {
public:
    CsvTable(QIODevice& device, const QString& name);

    int headerLine() const { return m_header.line; }
    // Where a column is (its name trimmed, in lower case; the last one of that name), -1 when absent.
    int column(const QString& name) const { return m_columns.value(name, -1); }
    // The names of `wanted` the header lacks, in the order given.
    QStringList missing(const QStringList& wanted) const;

    // Reads the next data row; false at the end of the file. Throws Error::input as CsvReader does.
    bool next(CsvTableRow& row);

private:
    CsvReader m_reader;
    CsvRecord m_header;
    QHash<QString, int> m_columns;
};

} // namespace ordo
