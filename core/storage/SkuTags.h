#pragma once

#include "model/Actor.h"
#include "model/SkuTagList.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ordo {

class Database;

// Tags on SKUs (hazmat, oversize, fragile, preorder...), read by the routing strategies' "SKU tags"
// condition; what a tag may be is SkuTagList's. Every change is audited.
class SkuTags {
public:
    SkuTags(Database& db, const Actor& actor);

    // Replaces the tags of one SKU (an empty list removes them). Error::notFound for an unknown SKU,
    // Error::input naming a malformed tag.
    void set(const QString& skuCode, const QStringList& tags);
    // Gives each SKU named exactly its tags (already parsed), all in one transaction: what a file of tags
    // (channels/SkuTagsImport) brings. Error::notFound for an unknown SKU.
    void setEach(const QList<SkuTagList>& lists);

    // SKU code -> its tags (sorted), only SKUs that have tags.
    QHash<QString, QStringList> all() const;

private:
    void write(qint64 skuId, const QString& skuCode, const QStringList& tags);

    Database& m_db;
    Actor m_actor;
};

} // namespace ordo
