#pragma once

#include "model/SkuTagList.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

namespace ordo {

// What a file of SKU tags holds: each SKU named with its tags, and every bad line in file order.
struct SkuTagsFile {
    QList<SkuTagList> lists;
    QStringList errors; // "line 3: SKU 'X' is not in the catalogue", "line 5: 'a!' is not a tag ...", ...
};

// Reads a CSV file with the header sku,tags (any column order and case, other columns ignored; tags separated
// by spaces, ';' or ',' as SkuTagList::parse reads them). A row is bad when it has another number of fields
// than the header, an SKU that `knownSku` does not know, an SKU named on an earlier row, or a malformed tag.
// Throws Error::input for a file with no header, a header without those columns, or text that is not CSV.
namespace SkuTagsCsv {
SkuTagsFile read(QIODevice& device, const QString& name, const std::function<bool(const QString&)>& knownSku);
}

} // namespace ordo
