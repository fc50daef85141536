#include "Database.h"
#include "Schema.h"
#include "SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo::Schema {

// Version 3: routing rule sets (versioned, draft -> active -> archived), the decision record of every routing
// attempt, the shipments each decision took capacity for, the locations that rejected an order's lines, and
// the customer notifications waiting to be sent.
void createVersion3(Database& db) {
    const QString id = db.dialect().identityPrimaryKey();
    const QStringList statements = {
        u"CREATE TABLE rule_sets ("
        " id "_s +
            id +
            u","
            " version INTEGER NOT NULL UNIQUE,"
            " state TEXT NOT NULL CHECK (state IN ('draft','active','archived')),"
            " author TEXT NOT NULL,"
            " created_at BIGINT NOT NULL,"
            " published_at BIGINT,"
            " published_by TEXT,"
            " comment TEXT NOT NULL DEFAULT '',"
            " publish_comment TEXT,"
            " body TEXT NOT NULL)"_s, // the rule set as JSON (RuleSetJson)
        // Exactly one active rule set: both engines take a partial unique index.
        u"CREATE UNIQUE INDEX rule_sets_one_active ON rule_sets (state) WHERE state = 'active'"_s,
        u"CREATE TABLE routing_decisions ("
        " id "_s +
            id +
            u","
            " order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
            " rule_version INTEGER NOT NULL,"
            " outcome TEXT NOT NULL,"
            " total_cost_minor BIGINT NOT NULL,"
            " decided_at BIGINT NOT NULL,"
            " actor TEXT NOT NULL,"
            " body TEXT NOT NULL)"_s, // the Decision as JSON (DecisionJson)
        u"CREATE INDEX routing_decisions_by_order ON routing_decisions (order_id, id)"_s,
        // One row per shipment of a stored decision: what "capacity left today" counts.
        u"CREATE TABLE routing_shipments ("
        " id "_s +
            id +
            u","
            " decision_id BIGINT NOT NULL REFERENCES routing_decisions (id) ON DELETE CASCADE,"
            " location_id BIGINT NOT NULL REFERENCES locations (id),"
            " decided_at BIGINT NOT NULL)"_s,
        u"CREATE INDEX routing_shipments_by_time ON routing_shipments (decided_at, location_id)"_s,
        // Every location that refused lines of an order: it is never chosen again for that order.
        u"CREATE TABLE routing_rejections ("
        " id "_s +
            id +
            u","
            " order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
            " location_id BIGINT NOT NULL REFERENCES locations (id),"
            " line_no INTEGER NOT NULL,"
            " reason TEXT NOT NULL,"
            " actor TEXT NOT NULL,"
            " rejected_at BIGINT NOT NULL)"_s,
        u"CREATE INDEX routing_rejections_by_order ON routing_rejections (order_id)"_s,
        // Messages to customers, queued in the unit of work that caused them; a sender sets sent_at.
        u"CREATE TABLE notifications ("
        " id "_s +
            id +
            u","
            " order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
            " kind TEXT NOT NULL,"
            " message TEXT NOT NULL,"
            " created_at BIGINT NOT NULL,"
            " sent_at BIGINT)"_s,
        u"CREATE INDEX notifications_unsent ON notifications (sent_at, id)"_s,
    };
    for (const QString& sql : statements)
        SqlQuery::run(db, sql);
}

} // namespace ordo::Schema
