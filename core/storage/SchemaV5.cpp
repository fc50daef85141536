#include "Database.h"
#include "Schema.h"
#include "SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo::Schema {

// Version 5: what routing exceptions and rules need besides step 3: tags on SKUs (the strategies' "SKU tags"
// condition: hazmat, oversize, fragile...) and the orders a person put on backorder from the Exceptions queue
// (a routing run backorders them instead of holding them again until their stock arrives).
void createVersion5(Database& db) {
    const QStringList statements = {
        u"CREATE TABLE sku_tags ("
        " sku_id BIGINT NOT NULL REFERENCES skus (id) ON DELETE CASCADE,"
        " tag TEXT NOT NULL,"
        " PRIMARY KEY (sku_id, tag))"_s,
        u"CREATE INDEX sku_tags_by_tag ON sku_tags (tag)"_s,
        u"CREATE TABLE routing_backorders ("
        " order_id BIGINT PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,"
        " actor TEXT NOT NULL,"
        " note TEXT NOT NULL,"
        " expected TEXT NOT NULL," // the inbound supply expected per line, as told to the person
        " created_at BIGINT NOT NULL)"_s,
    };
    for (const QString& sql : statements)
        SqlQuery::run(db, sql);
}

} // namespace ordo::Schema
