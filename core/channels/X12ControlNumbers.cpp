#include "X12ControlNumbers.h"

#include "storage/SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo {

qint64 X12ControlNumbers::next(Database& db) {
    SqlQuery q(db, u"INSERT INTO meta (key, value) VALUES ('x12_control_number', '1') "
                   "ON CONFLICT (key) DO UPDATE SET value = "
                   "CAST(CAST(meta.value AS BIGINT) % 999999999 + 1 AS TEXT) RETURNING value"_s);
    return q.scalar().toString().toLongLong();
}

} // namespace ordo
