#include "Database.h"
#include "Schema.h"
#include "SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo::Schema {

// Version 10: an SKU's barcode, so that a trading partner's line that names the item by its GTIN (X12 UP, EN,
// UK) finds the SKU without a cross-reference row. Kept as the 14-digit GTIN (model/Gtin), one SKU per GTIN;
// NULL for an SKU without one (both engines let a unique index hold many NULLs).
void createVersion10(Database& db) {
    SqlQuery::run(db, u"ALTER TABLE skus ADD COLUMN gtin TEXT"_s);
    SqlQuery::run(db, u"CREATE UNIQUE INDEX skus_by_gtin ON skus (gtin)"_s);
}

} // namespace ordo::Schema
