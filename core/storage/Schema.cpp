#include "Schema.h"

#include "Database.h"
#include "SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo::Schema {

void createVersion1(Database& db) {
    const QString id = db.dialect().identityPrimaryKey();
    const QString prefixOps = db.dialect().prefixIndexOps();
    const QStringList statements = {
        u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        u"CREATE TABLE users ("
        " user_name TEXT PRIMARY KEY,"
        " display_name TEXT NOT NULL,"
        " role TEXT NOT NULL CHECK (role IN ('admin','manager','csr','warehouse','system')))"_s,
        u"CREATE TABLE locations ("
        " id "_s +
            id +
            u","
            " code TEXT NOT NULL UNIQUE,"
            " name TEXT NOT NULL,"
            " type TEXT NOT NULL CHECK (type IN ('dc','store','3pl','dropship')),"
            " latitude DOUBLE PRECISION NOT NULL,"
            " longitude DOUBLE PRECISION NOT NULL,"
            " ships INTEGER NOT NULL CHECK (ships IN (0,1)),"
            " pickup INTEGER NOT NULL CHECK (pickup IN (0,1)),"
            " daily_capacity INTEGER NOT NULL CHECK (daily_capacity >= 0))"_s,
        u"CREATE TABLE skus ("
        " id "_s +
            id +
            u","
            " code TEXT NOT NULL UNIQUE,"
            " name TEXT NOT NULL,"
            " weight_g INTEGER NOT NULL CHECK (weight_g >= 0),"
            " price_minor BIGINT NOT NULL,"
            " currency TEXT NOT NULL)"_s,
        // No foreign keys here on purpose: positions are the hottest table and will be sharded by SKU.
        u"CREATE TABLE positions ("
        " location_id BIGINT NOT NULL,"
        " sku_id BIGINT NOT NULL,"
        " on_hand BIGINT NOT NULL DEFAULT 0,"
        " reserved BIGINT NOT NULL DEFAULT 0 CHECK (reserved >= 0),"
        " safety_stock BIGINT NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),"
        " updated_at BIGINT NOT NULL,"
        " PRIMARY KEY (location_id, sku_id))"_s,
        u"CREATE INDEX positions_by_sku ON positions (sku_id)"_s,
        u"CREATE TABLE customers ("
        " id "_s +
            id +
            u","
            " email_lc TEXT UNIQUE,"
            " phone TEXT,"
            " name TEXT,"
            " created_at BIGINT NOT NULL)"_s,
        u"CREATE TABLE orders ("
        " id "_s +
            id +
            u","
            " order_number TEXT NOT NULL UNIQUE,"
            " channel TEXT NOT NULL,"
            " external_id TEXT NOT NULL,"
            " status TEXT NOT NULL,"
            " held_from TEXT,"
            " ordered_at BIGINT NOT NULL,"
            " status_changed_at BIGINT NOT NULL,"
            " customer_id BIGINT REFERENCES customers (id),"
            " customer_email TEXT,"
            " email_lc TEXT,"
            " customer_phone TEXT,"
            " phone_digits TEXT," // reversed, see SearchKeys
            " ship_name TEXT,"
            " name_lc TEXT,"
            " surname_lc TEXT,"
            " address1 TEXT,"
            " city TEXT,"
            " region TEXT,"
            " postal_code TEXT,"
            " country TEXT,"
            " latitude DOUBLE PRECISION,"
            " longitude DOUBLE PRECISION,"
            " delivery TEXT NOT NULL CHECK (delivery IN ('ship','pickup')),"
            " pickup_location_id BIGINT REFERENCES locations (id),"
            " requested_at BIGINT,"
            " priority INTEGER NOT NULL DEFAULT 0,"
            " currency TEXT NOT NULL,"
            " total_minor BIGINT NOT NULL,"
            " line_count INTEGER NOT NULL,"
            " created_at BIGINT NOT NULL,"
            " UNIQUE (channel, external_id))"_s,
        u"CREATE INDEX orders_by_time ON orders (ordered_at, id)"_s,
        u"CREATE INDEX orders_by_status ON orders (status, ordered_at)"_s,
        u"CREATE INDEX orders_by_channel ON orders (channel, ordered_at)"_s,
        u"CREATE INDEX orders_by_customer ON orders (customer_id)"_s,
        u"CREATE INDEX orders_by_email ON orders (email_lc"_s + prefixOps + u")"_s,
        u"CREATE INDEX orders_by_phone ON orders (phone_digits"_s + prefixOps + u")"_s,
        u"CREATE INDEX orders_by_name ON orders (name_lc"_s + prefixOps + u")"_s,
        u"CREATE INDEX orders_by_surname ON orders (surname_lc"_s + prefixOps + u")"_s,
        u"CREATE TABLE order_lines ("
        " id "_s +
            id +
            u","
            " order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
            " line_no INTEGER NOT NULL,"
            " sku_code TEXT NOT NULL,"
            " sku_id BIGINT REFERENCES skus (id),"
            " quantity INTEGER NOT NULL,"
            " unit_price_minor BIGINT NOT NULL,"
            " currency TEXT NOT NULL,"
            " status TEXT NOT NULL,"
            " location_id BIGINT REFERENCES locations (id),"
            " UNIQUE (order_id, line_no))"_s,
        u"CREATE INDEX order_lines_by_location ON order_lines (location_id, order_id)"_s,
        u"CREATE INDEX order_lines_by_sku ON order_lines (sku_id)"_s,
        // Why an order is held. Open holds have no resolved_at; the history stays for the audit.
        u"CREATE TABLE order_holds ("
        " id "_s +
            id +
            u","
            " order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
            " code TEXT NOT NULL,"
            " detail TEXT NOT NULL,"
            " raised_at BIGINT NOT NULL,"
            " raised_by TEXT NOT NULL,"
            " resolved_at BIGINT,"
            " resolved_by TEXT,"
            " resolution TEXT)"_s,
        u"CREATE INDEX order_holds_by_order ON order_holds (order_id, resolved_at)"_s,
        u"CREATE TABLE audit_events ("
        " id "_s +
            id +
            u","
            " at BIGINT NOT NULL,"
            " actor TEXT NOT NULL,"
            " entity TEXT NOT NULL,"
            " entity_id BIGINT NOT NULL,"
            " action TEXT NOT NULL,"
            " from_state TEXT,"
            " to_state TEXT,"
            " reason TEXT,"
            " detail TEXT)"_s,
        u"CREATE INDEX audit_events_by_entity ON audit_events (entity, entity_id, id)"_s,
        u"INSERT INTO users (user_name, display_name, role) VALUES"
        " ('system', 'Ordo', 'system'), ('import', 'Channel import', 'system'), ('admin', 'Administrator', 'admin')"_s,
    };
    for (const QString& sql : statements)
        SqlQuery::run(db, sql);
    // SQLite's unique index on order_number already serves prefix scans (BINARY collation); PostgreSQL needs
    // a pattern-ops index for LIKE 'prefix%' under a non-C collation.
    if (db.engine() == Engine::Postgres)
        SqlQuery::run(db,
                      u"CREATE INDEX orders_by_number_prefix ON orders (order_number text_pattern_ops)"_s);
}

} // namespace ordo::Schema
