#pragma once

#include "model/Actor.h"

#include <QString>

class QIODevice;

namespace ordo {

class Database;

// `ordo skus tags import`: a CSV file with the header sku,tags (tags separated by spaces or ';'), read with
// formats/SkuTagsCsv and stored through SkuTags. Each SKU named gets exactly the tags of its row. All or
// nothing: any bad row (unknown SKU, malformed tag, an SKU twice) refuses the whole file with Error::input
// listing every bad line. Only master-data roles may import.
class SkuTagsImport {
public:
    SkuTagsImport(Database& db, const Actor& actor);

    // Returns the number of SKUs named.
    int importCsv(QIODevice& device, const QString& name);
    int importFile(const QString& path);

private:
    Database& m_db;
    Actor m_actor;
};

} // namespace ordo
