#include "Database.h"
#include "Schema.h"
#include "SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo::Schema {

// Version 7: each position's ledger as a chain instead of an index, and no index of holds by position.
//
// The index on inventory_events (location_id, sku_id, id) served one screen, a position's recent events, and
// cost every ledger row a random insert into a B-tree as large as the ledger: two thirds of the time a
// million-event ingest took. Instead each position names its latest event (positions.last_event_id) and
// each event names the position's event before it (inventory_events.previous_event_id), so the recent
// events are a walk back through the unique event_id index, and a ledger row costs only the inserts of its
// own id and event id.
//
// positions.prior_event_id holds what last_event_id was before the row's latest UPDATE. An UPDATE sets both
// (`prior_event_id = last_event_id, last_event_id = <its event>`: the right-hand sides see the old row on
// both engines), so its RETURNING hands the ledger row it writes the link to the event before; a writer
// that reads the position first (under its lock) knows the link already and sets both itself.
void createVersion7(Database& db) {
    const QStringList statements = {
        u"ALTER TABLE positions ADD COLUMN last_event_id TEXT"_s,
        u"ALTER TABLE positions ADD COLUMN prior_event_id TEXT"_s,
        u"ALTER TABLE inventory_events ADD COLUMN previous_event_id TEXT"_s,
        // The chain of the events already there, in the order they were recorded, while the index still
        // serves the windows.
        u"UPDATE inventory_events SET previous_event_id = c.previous FROM "
        "(SELECT id, lag(event_id) OVER (PARTITION BY location_id, sku_id ORDER BY id) AS previous "
        "FROM inventory_events) AS c WHERE c.id = inventory_events.id AND c.previous IS NOT NULL"_s,
        u"UPDATE positions SET last_event_id = c.event_id, prior_event_id = c.previous_event_id FROM "
        "(SELECT location_id, sku_id, event_id, previous_event_id, row_number() OVER "
        "(PARTITION BY location_id, sku_id ORDER BY id DESC) AS n FROM inventory_events) AS c "
        "WHERE c.n = 1 AND positions.location_id = c.location_id AND positions.sku_id = c.sku_id"_s,
        u"DROP INDEX inventory_events_by_position"_s,
        // Read by no query either (a position's holds are its order lines, found through
        // order_lines_by_location), and a random insert into a B-tree of every hold: a fifth of what
        // reserving a group of orders cost.
        u"DROP INDEX reservations_by_position"_s,
    };
    for (const QString& sql : statements)
        SqlQuery::run(db, sql);
}

} // namespace ordo::Schema
