#include "SkuCrossReferenceImport.h"

#include "Error.h"
#include "channels/ImportErrors.h"
#include "formats/SkuCrossReferenceCsv.h"
#include "storage/SkuCrossReference.h"
#include "storage/SkuRepository.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace ordo {

SkuCrossReferenceImport::SkuCrossReferenceImport(Database& db, const Actor& actor)
    : m_db(db)
    , m_actor(actor) {}

int SkuCrossReferenceImport::importFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::input(u"%1: cannot open the file: %2"_s.arg(path, file.errorString()));
    return importCsv(file, path);
}

int SkuCrossReferenceImport::importCsv(QIODevice& device, const QString& name) {
    SkuCrossReference::checkMayChange(m_actor); // before the file is read: a refusal is about who, not what
    const QHash<QString, qint64> skuIds = SkuRepository(m_db).idsByCode();
    SkuXrefFile file =
        SkuCrossReferenceCsv::read(device, name, [&](const QString& sku) { return skuIds.contains(sku); });
    throwIfBadRows(name, std::move(file.errors));
    SkuCrossReference(m_db).store(file.entries, m_actor, name);
    return int(file.entries.size());
}

} // namespace ordo
