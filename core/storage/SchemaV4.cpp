#include "Schema.h"

#include "Database.h"
#include "SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo::Schema {

// Version 4: what channel capture keeps beside the order: the source document, bill-to, payment and charges, and
// the cross-reference from trading partners' part numbers to SKUs.
void createVersion4(Database& db)
{
    const QString id = db.dialect().identityPrimaryKey();
    const QStringList statements = {
        u"CREATE TABLE source_documents ("
        " id "_s + id + u","
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
        // Documents Ordo sends back to a channel: X12 855 acknowledgements and 856 ship notices, Shopify-style
        // fulfillment JSON. Kept so they can be shown, re-sent and audited.
        u"CREATE TABLE outbound_documents ("
        " id "_s + id + u","
        " order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
        " kind TEXT NOT NULL," // "x12_855", "x12_856", "fulfillment_json"
        " control_number TEXT,"
        " content TEXT NOT NULL,"
        " created_at BIGINT NOT NULL)"_s,
        u"CREATE INDEX outbound_documents_by_order ON outbound_documents (order_id, id)"_s,
    };
    for (const QString& sql : statements)
        SqlQuery::run(db, sql);
}

} // namespace ordo::Schema
