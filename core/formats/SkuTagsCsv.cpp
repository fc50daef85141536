#include "SkuTagsCsv.h"

#include "Error.h"
#include "formats/CsvTable.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace ordo::SkuTagsCsv {

SkuTagsFile read(QIODevice& device, const QString& name,
                 const std::function<bool(const QString&)>& knownSku) {
    CsvTable table(device, name);
    const int skuColumn = table.column(u"sku"_s);
    const int tagsColumn = table.column(u"tags"_s);
    if (skuColumn < 0 || tagsColumn < 0)
        throw Error::input(u"%1: line %2: the header must name the columns sku and tags"_s.arg(name).arg(
            table.headerLine()));

    SkuTagsFile file;
    QHash<QString, int> firstLine;
    CsvTableRow row;
    while (table.next(row)) {
        if (!row.problem.isEmpty()) {
            file.errors << row.problem;
            continue;
        }
        const QString where = u"line %1"_s.arg(row.line);
        const QString sku = row.fields[skuColumn].trimmed();
        if (!knownSku(sku)) {
            file.errors << u"%1: SKU '%2' is not in the catalogue"_s.arg(where, sku);
            continue;
        }
        if (firstLine.contains(sku)) {
            file.errors << u"%1: SKU %2 is already on line %3"_s.arg(where, sku).arg(firstLine.value(sku));
            continue;
        }
        firstLine.insert(sku, row.line);
        try {
            file.lists << SkuTagList{sku, SkuTagList::parse(row.fields[tagsColumn], where)};
        } catch (const Error& e) {
            if (e.kind() != Error::Kind::Input)
                throw;
            file.errors << e.message();
        }
    }
    return file;
}

} // namespace ordo::SkuTagsCsv
