#include "Database.h"
#include "Schema.h"
#include "SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo::Schema {

// Version 2: the inventory ledger, segmentation (groups, channel pools, buffers, exclusions, future supply)
// and reservations.
void createVersion2(Database& db) {
    const QString id = db.dialect().identityPrimaryKey();
    const QStringList statements = {
        // Every change of a position, with the idempotency id it arrived with. Replaying an event id is a
        // no-op; events that change nothing are never written.
        u"CREATE TABLE inventory_events ("
        " id "_s +
            id +
            u","
            " event_id TEXT NOT NULL UNIQUE,"
            " location_id BIGINT NOT NULL,"
            " sku_id BIGINT NOT NULL,"
            " kind TEXT NOT NULL CHECK (kind IN ('delta','snapshot','adjust','reserve','release','ship')),"
            " quantity BIGINT NOT NULL," // the change (delta, reserve...) or the counted figure (snapshot)
            " on_hand_after BIGINT NOT NULL,"
            " reserved_after BIGINT NOT NULL,"
            " reason TEXT,"
            " occurred_at BIGINT NOT NULL,"
            " recorded_at BIGINT NOT NULL,"
            " actor TEXT NOT NULL)"_s,
        u"CREATE INDEX inventory_events_by_position ON inventory_events (location_id, sku_id, id)"_s,
        u"CREATE TABLE location_groups ("
        " code TEXT PRIMARY KEY,"
        " name TEXT NOT NULL)"_s,
        u"CREATE TABLE location_group_members ("
        " group_code TEXT NOT NULL REFERENCES location_groups (code) ON DELETE CASCADE,"
        " location_id BIGINT NOT NULL REFERENCES locations (id) ON DELETE CASCADE,"
        " PRIMARY KEY (group_code, location_id))"_s,
        // Which locations serve a channel for a delivery method. A channel with no pool rows at all is served
        // by
        // every location (ship: locations that ship; pickup: locations that hand over pickups).
        u"CREATE TABLE channel_pools ("
        " channel TEXT NOT NULL,"
        " delivery TEXT NOT NULL CHECK (delivery IN ('ship','pickup')),"
        " location_id BIGINT NOT NULL REFERENCES locations (id) ON DELETE CASCADE,"
        " PRIMARY KEY (channel, delivery, location_id))"_s,
        // Per channel: the buffer kept back from it (units, or a percentage of on hand, rounded up) and
        // whether
        // inbound supply within the horizon may be promised (pre-orders, backorders).
        u"CREATE TABLE channel_policies ("
        " channel TEXT PRIMARY KEY,"
        " buffer_units BIGINT NOT NULL DEFAULT 0 CHECK (buffer_units >= 0),"
        " buffer_percent INTEGER NOT NULL DEFAULT 0 CHECK (buffer_percent BETWEEN 0 AND 100),"
        " allow_future INTEGER NOT NULL DEFAULT 0 CHECK (allow_future IN (0,1)),"
        " horizon_days INTEGER NOT NULL DEFAULT 0 CHECK (horizon_days >= 0))"_s,
        // A SKU, a location, or a SKU at one location kept from a channel.
        u"CREATE TABLE channel_exclusions ("
        " id "_s +
            id +
            u","
            " channel TEXT NOT NULL,"
            " sku_id BIGINT REFERENCES skus (id) ON DELETE CASCADE,"
            " location_id BIGINT REFERENCES locations (id) ON DELETE CASCADE,"
            " CHECK (sku_id IS NOT NULL OR location_id IS NOT NULL))"_s,
        u"CREATE INDEX channel_exclusions_by_channel ON channel_exclusions (channel)"_s,
        // Inbound purchase orders: what arrives where and when.
        u"CREATE TABLE future_supply ("
        " id "_s +
            id +
            u","
            " reference TEXT NOT NULL,"
            " location_id BIGINT NOT NULL REFERENCES locations (id) ON DELETE CASCADE,"
            " sku_id BIGINT NOT NULL REFERENCES skus (id) ON DELETE CASCADE,"
            " quantity BIGINT NOT NULL CHECK (quantity > 0),"
            " arrives_at BIGINT NOT NULL,"
            " UNIQUE (reference, location_id, sku_id))"_s,
        u"CREATE INDEX future_supply_by_sku ON future_supply (sku_id, arrives_at)"_s,
        // Stock held for an order line at a location, recorded once; released or shipped later.
        u"CREATE TABLE reservations ("
        " id "_s +
            id +
            u","
            " order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
            " line_no INTEGER NOT NULL,"
            " location_id BIGINT NOT NULL,"
            " sku_id BIGINT NOT NULL,"
            " quantity BIGINT NOT NULL CHECK (quantity > 0),"
            " state TEXT NOT NULL CHECK (state IN ('held','released','shipped')),"
            " created_at BIGINT NOT NULL,"
            " closed_at BIGINT,"
            " UNIQUE (order_id, line_no, location_id))"_s,
        u"CREATE INDEX reservations_by_position ON reservations (location_id, sku_id, state)"_s,
    };
    for (const QString& sql : statements)
        SqlQuery::run(db, sql);
    // SKU look-up by code prefix (the console's search, a scanner's partial code); SQLite's unique index on
    // skus.code already serves it.
    if (db.engine() == Engine::Postgres)
        SqlQuery::run(db, u"CREATE INDEX skus_by_code_prefix ON skus (code text_pattern_ops)"_s);
}

} // namespace ordo::Schema
