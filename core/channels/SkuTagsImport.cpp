#include "SkuTagsImport.h"

#include "Error.h"
#include "channels/ImportErrors.h"
#include "formats/CsvTable.h"
#include "storage/SkuRepository.h"
#include "storage/SkuTags.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace ordo {

SkuTagsImport::SkuTagsImport(Database& db, const Actor& actor)
    : m_db(db)
    , m_actor(actor) {}

int SkuTagsImport::importFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::input(u"%1: cannot open the file: %2"_s.arg(path, file.errorString()));
    return importCsv(file, path);
}

int SkuTagsImport::importCsv(QIODevice& device, const QString& name) {
    if (!m_actor.may(Permission::ManageMasterData))
        throw Error::denied(u"%1 (%2) may not change SKU tags"_s.arg(m_actor.user, roleCode(m_actor.role)));
    CsvTable table(device, name);
    const int skuColumn = table.column(u"sku"_s);
    const int tagsColumn = table.column(u"tags"_s);
    if (skuColumn < 0 || tagsColumn < 0)
        throw Error::input(u"%1: line %2: the header must name the columns sku and tags"_s.arg(name).arg(
            table.headerLine()));

    const QHash<QString, qint64> skuIds = SkuRepository(m_db).idsByCode();
    QList<SkuTagList> lists;
    QHash<QString, int> firstLine;
    QStringList errors;
    CsvTableRow row;
    while (table.next(row)) {
        if (!row.problem.isEmpty()) {
            errors << row.problem;
            continue;
        }
        const QString where = u"line %1"_s.arg(row.line);
        const QString sku = row.fields[skuColumn].trimmed();
        if (!skuIds.contains(sku)) {
            errors << u"%1: SKU '%2' is not in the catalogue"_s.arg(where, sku);
            continue;
        }
        if (firstLine.contains(sku)) {
            errors << u"%1: SKU %2 is already on line %3"_s.arg(where, sku).arg(firstLine.value(sku));
            continue;
        }
        firstLine.insert(sku, row.line);
        try {
            lists << SkuTagList{sku, SkuTags::parse(row.fields[tagsColumn], where)};
        } catch (const Error& e) {
            errors << e.message();
        }
    }
    throwIfBadRows(name, errors);
    SkuTags(m_db, m_actor).setEach(lists);
    return int(lists.size());
}

} // namespace ordo
