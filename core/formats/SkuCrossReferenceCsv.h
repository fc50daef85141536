#pragma once

#include "model/SkuXrefEntry.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

namespace ordo {

// What a cross-reference file holds: its rows, normalised (SkuXrefEntry's key) and each (partner, qualifier,
// part number) once, and every bad line in file order.
struct SkuXrefFile {
    QList<SkuXrefEntry> entries;
    QStringList errors; // "line 4: sku is empty", "line 7: SKU 'X' is not in the catalogue", ...
};

// Reads a cross-reference CSV file: the header partner,qualifier,part_number,sku in any column order and any
// case (other columns ignored), then one mapping a row. A row is bad when it has another number of fields
// than the header, an empty field, an SKU that `knownSku` does not know, or a part number that an earlier row
// of the file maps to another SKU (the same mapping twice is taken once). Throws Error::input for a file with
// no header, a header without those columns, or text that is not CSV (CsvReader).
namespace SkuCrossReferenceCsv {
SkuXrefFile read(QIODevice& device, const QString& name, const std::function<bool(const QString&)>& knownSku);
}

} // namespace ordo
