#include "Database.h"
#include "Schema.h"
#include "SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo::Schema {

// Version 11: settings per trading partner (the X12 sender id, or '*' for every partner without its own row).
// unfillable_lines says how a purchase order's lines Ordo cannot fill are acknowledged: rejected (IR) or
// backordered (IB) in the 855, or the 855 waits until the order's exception is resolved.
void createVersion11(Database& db) {
    SqlQuery::run(db,
                  u"CREATE TABLE trading_partners ("
                  " partner TEXT PRIMARY KEY,"
                  " unfillable_lines TEXT NOT NULL CHECK (unfillable_lines IN ('reject','backorder','wait')),"
                  " updated_at BIGINT NOT NULL,"
                  " updated_by TEXT NOT NULL)"_s);
}

} // namespace ordo::Schema
