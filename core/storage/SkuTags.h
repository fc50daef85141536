#pragma once

#include "model/Actor.h"

#include <QHash>
#include <QString>
#include <QStringList>

class QIODevice;

namespace ordo {

class Database;

// Tags on SKUs (hazmat, oversize, fragile, preorder...), read by the routing strategies' "SKU tags"
// condition. A tag is lower case: letters, digits, '-' and '_', at most 40 characters. Every change is
// audited.
class SkuTags {
public:
    SkuTags(Database& db, const Actor& actor);

    // Replaces the tags of one SKU (an empty list removes them). Error::notFound for an unknown SKU,
    // Error::input naming a malformed tag.
    void set(const QString& skuCode, const QStringList& tags);
    // Imports a CSV file with the header sku,tags: tags separated by spaces or ';'. Each SKU named gets
    // exactly the tags of its row. All or nothing: any bad row (unknown SKU, malformed tag, an SKU twice)
    // refuses the whole file with Error::input listing every bad line. Returns the number of SKUs named.
    int importCsv(QIODevice& device, const QString& name);
    int importFile(const QString& path);

    // SKU code -> its tags (sorted), only SKUs that have tags.
    QHash<QString, QStringList> all() const;

    // The tags of `text` ("Hazmat; fragile" -> fragile, hazmat), or Error::input naming the bad one.
    static QStringList parse(const QString& text, const QString& where);

private:
    void write(qint64 skuId, const QString& skuCode, const QStringList& tags);

    Database& m_db;
    Actor m_actor;
};

} // namespace ordo
