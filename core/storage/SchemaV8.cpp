#include "Database.h"
#include "Schema.h"
#include "SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo::Schema {

namespace {

// SQLite changes no CHECK in place: the table is made again under its own name, with its rows.
void rebuild(Database& db, const QString& table, const QString& columns, const QString& definition) {
    const QString rebuilt = table + u"_rebuilt"_s;
    SqlQuery::run(db, u"CREATE TABLE "_s + rebuilt + u" ("_s + definition + u')');
    SqlQuery::run(db, u"INSERT INTO %1 (%3) SELECT %3 FROM %2"_s.arg(rebuilt, table, columns));
    SqlQuery::run(db, u"DROP TABLE "_s + table);
    SqlQuery::run(db, u"ALTER TABLE %1 RENAME TO %2"_s.arg(rebuilt, table));
}

} // namespace

// Version 8, SQLite only: the ledger's kind and a reservation's state checked by comparisons instead of IN
// lists. SQLite checks `x IN ('a','b','c')` in a CHECK by building a temporary B-tree of the list for every
// row written: an eighth of the work of reserving a group of orders, and of every ledger row. The rows and
// the allowed values stay as they were; PostgreSQL checks an IN list cheaply and keeps its tables.
void createVersion8(Database& db) {
    if (db.engine() != Engine::Sqlite)
        return;
    rebuild(db, u"inventory_events"_s,
            u"id, event_id, location_id, sku_id, kind, quantity, on_hand_after, reserved_after, reason, "
            "occurred_at, recorded_at, actor, previous_event_id"_s,
            u"id INTEGER PRIMARY KEY,"
            " event_id TEXT NOT NULL UNIQUE,"
            " location_id BIGINT NOT NULL,"
            " sku_id BIGINT NOT NULL,"
            " kind TEXT NOT NULL CHECK (kind = 'delta' OR kind = 'snapshot' OR kind = 'adjust' OR kind = "
            "'reserve'"
            " OR kind = 'release' OR kind = 'ship'),"
            " quantity BIGINT NOT NULL,"
            " on_hand_after BIGINT NOT NULL,"
            " reserved_after BIGINT NOT NULL,"
            " reason TEXT,"
            " occurred_at BIGINT NOT NULL,"
            " recorded_at BIGINT NOT NULL,"
            " actor TEXT NOT NULL,"
            " previous_event_id TEXT"_s);
    rebuild(db, u"reservations"_s,
            u"id, order_id, line_no, location_id, sku_id, quantity, state, created_at, closed_at"_s,
            u"id INTEGER PRIMARY KEY,"
            " order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
            " line_no INTEGER NOT NULL,"
            " location_id BIGINT NOT NULL,"
            " sku_id BIGINT NOT NULL,"
            " quantity BIGINT NOT NULL CHECK (quantity > 0),"
            " state TEXT NOT NULL CHECK (state = 'held' OR state = 'released' OR state = 'shipped'),"
            " created_at BIGINT NOT NULL,"
            " closed_at BIGINT,"
            " UNIQUE (order_id, line_no, location_id)"_s);
}

} // namespace ordo::Schema
