#include "Database.h"
#include "Schema.h"
#include "SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo::Schema {

// Version 9: a hold is unique per reservation attempt of its order, not per (order, line, location).
//
// Routing may give a hold back (a location its rules exclude) and send the order back to Validated; a later
// run may hold the same line at the same location again. With (order, line, location) as the key, and the
// ledger event ids made from it, that second hold met the first one's row and every later run failed at the
// order. Each call that holds stock for an order now takes the next attempt number of that order (one more
// than the highest of its reservations, read under the order's lock), which is part of the key and of the
// event ids of the hold, its release and its shipment. The rows already there are attempt 1.
void createVersion9(Database& db) {
    if (db.engine() == Engine::Postgres) {
        SqlQuery::run(db, u"ALTER TABLE reservations ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1 "
                          "CHECK (attempt > 0)"_s);
        // The key of version 2, named as PostgreSQL names an unnamed UNIQUE constraint.
        SqlQuery::run(
            db, u"ALTER TABLE reservations DROP CONSTRAINT reservations_order_id_line_no_location_id_key"_s);
        SqlQuery::run(db, u"ALTER TABLE reservations ADD CONSTRAINT reservations_per_attempt "
                          "UNIQUE (order_id, attempt, line_no, location_id)"_s);
        return;
    }
    // SQLite changes no constraint in place: the table is made again under its own name, with its rows (the
    // checks without IN lists, as version 8 left them).
    SqlQuery::run(db,
                  u"CREATE TABLE reservations_rebuilt ("
                  "id INTEGER PRIMARY KEY,"
                  " order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
                  " line_no INTEGER NOT NULL,"
                  " location_id BIGINT NOT NULL,"
                  " sku_id BIGINT NOT NULL,"
                  " quantity BIGINT NOT NULL CHECK (quantity > 0),"
                  " state TEXT NOT NULL CHECK (state = 'held' OR state = 'released' OR state = 'shipped'),"
                  " created_at BIGINT NOT NULL,"
                  " closed_at BIGINT,"
                  " attempt INTEGER NOT NULL DEFAULT 1 CHECK (attempt > 0),"
                  " UNIQUE (order_id, attempt, line_no, location_id))"_s);
    const QString columns =
        u"id, order_id, line_no, location_id, sku_id, quantity, state, created_at, closed_at"_s;
    SqlQuery::run(db, u"INSERT INTO reservations_rebuilt (%1) SELECT %1 FROM reservations"_s.arg(columns));
    SqlQuery::run(db, u"DROP TABLE reservations"_s);
    SqlQuery::run(db, u"ALTER TABLE reservations_rebuilt RENAME TO reservations"_s);
}

} // namespace ordo::Schema
