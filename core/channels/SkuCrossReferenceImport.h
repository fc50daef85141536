#pragma once

#include "model/Actor.h"

#include <QString>

class QIODevice;

namespace ordo {

class Database;

// `ordo skus xref import`: a CSV file with the header partner,qualifier,part_number,sku (any column order,
// any case), read with formats/SkuCrossReferenceCsv and stored through SkuCrossReference. All or nothing: any
// bad row (a missing field, an SKU not in the catalogue, a part number given twice with different SKUs)
// refuses the whole file with Error::input listing every bad line; the database is left as it was. A row for
// an existing (partner, qualifier, part number) replaces its SKU. Only an actor who may change master data
// imports (Error::denied, checked before the file is read); the change is audited by
// SkuCrossReference::store.
class SkuCrossReferenceImport {
public:
    SkuCrossReferenceImport(Database& db, const Actor& actor);

    // Returns the number of rows taken.
    int importCsv(QIODevice& device, const QString& name);
    int importFile(const QString& path);

private:
    Database& m_db;
    Actor m_actor;
};

} // namespace ordo
