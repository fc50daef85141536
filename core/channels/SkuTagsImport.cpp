#include "SkuTagsImport.h"

#include "Error.h"
#include "channels/ImportErrors.h"
#include "formats/SkuTagsCsv.h"
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
    const QHash<QString, qint64> skuIds = SkuRepository(m_db).idsByCode();
    SkuTagsFile file =
        SkuTagsCsv::read(device, name, [&](const QString& sku) { return skuIds.contains(sku); });
    throwIfBadRows(name, std::move(file.errors));
    SkuTags(m_db, m_actor).setEach(file.lists);
    return int(file.lists.size());
}

} // namespace ordo
