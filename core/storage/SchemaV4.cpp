#include "Database.h"
#include "Schema.h"
#include "SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo::Schema {

// Version 4: what channel capture keeps beside the order: the source document, bill-to, payment and charges,
// and the cross-reference from trading partners' part numbers to SKUs; the switches of the validation rules.
void createVersion4(Database& db) {
    const QString id = db.dialect().identityPrimaryKey();
    const QStringList statements = {
        u"CREATE TABLE source_documents ("
        " id "_s +
            id +
            u","
            " order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
            " format TEXT NOT NULL,"
            " file_name TEXT NOT NULL,"
            " reference TEXT NOT NULL,"
            " content TEXT NOT NULL,"
            " imported_at BIGINT NOT NULL)"_s,
        u"CREATE INDEX source_documents_by_order ON source_documents (order_id)"_s,
        // A trading partner's part number (qualifier BP buyer's, VP vendor's, UP UPC...) for one of our SKUs.
        u"CREATE TABLE sku_xref ("
        " partner TEXT NOT NULL," // the partner's id, e.g. the ISA sender; '*' for every partner
        " qualifier TEXT NOT NULL,"
        " part_number TEXT NOT NULL,"
        " sku_id BIGINT NOT NULL REFERENCES skus (id) ON DELETE CASCADE,"
        " PRIMARY KEY (partner, qualifier, part_number))"_s,
        // Documents Ordo sends back to a channel: X12 855 acknowledgements and 856 ship notices,
        // Shopify-style fulfillment JSON. Kept so they can be shown, re-sent and audited.
        u"CREATE TABLE outbound_documents ("
        " id "_s +
            id +
            u","
            " order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
            " kind TEXT NOT NULL," // "x12_855", "x12_856", "fulfillment_json"
            " control_number TEXT,"
            " content TEXT NOT NULL,"
            " created_at BIGINT NOT NULL)"_s,
        u"CREATE INDEX outbound_documents_by_order ON outbound_documents (order_id, id)"_s,
        // What channels send beside the ship-to: the buyer's name, the bill-to address, the ship method asked
        // for and how far the order is paid. SQLite adds one column per statement.
        u"ALTER TABLE orders ADD COLUMN customer_name TEXT"_s,
        u"ALTER TABLE orders ADD COLUMN bill_name TEXT"_s,
        u"ALTER TABLE orders ADD COLUMN bill_address1 TEXT"_s,
        u"ALTER TABLE orders ADD COLUMN bill_city TEXT"_s,
        u"ALTER TABLE orders ADD COLUMN bill_region TEXT"_s,
        u"ALTER TABLE orders ADD COLUMN bill_postal_code TEXT"_s,
        u"ALTER TABLE orders ADD COLUMN bill_country TEXT"_s,
        u"ALTER TABLE orders ADD COLUMN ship_method TEXT"_s,
        u"ALTER TABLE orders ADD COLUMN payment_status TEXT NOT NULL DEFAULT 'unknown'"_s,
        u"ALTER TABLE order_lines ADD COLUMN external_line_id TEXT"_s,
        u"ALTER TABLE order_lines ADD COLUMN title TEXT"_s,
        u"ALTER TABLE order_lines ADD COLUMN tax_minor BIGINT NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE order_lines ADD COLUMN discount_minor BIGINT NOT NULL DEFAULT 0"_s,
        // Order-level amounts: shipping lines, order taxes, order discounts, fees; in the order's currency.
        u"CREATE TABLE order_charges ("
        " order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
        " position INTEGER NOT NULL,"
        " kind TEXT NOT NULL CHECK (kind IN ('shipping','tax','discount','fee')),"
        " label TEXT NOT NULL,"
        " amount_minor BIGINT NOT NULL,"
        " PRIMARY KEY (order_id, position))"_s,
        // Settings of the validation rules that differ from their defaults (ValidationRules): switched off or
        // on, and their parameters as a JSON object of strings.
        u"CREATE TABLE validation_rules ("
        " code TEXT PRIMARY KEY,"
        " enabled INTEGER NOT NULL CHECK (enabled IN (0,1)),"
        " params TEXT NOT NULL DEFAULT '{}',"
        " updated_at BIGINT NOT NULL,"
        " updated_by TEXT NOT NULL)"_s,
    };
    for (const QString& sql : statements)
        SqlQuery::run(db, sql);
}

} // namespace ordo::Schema
