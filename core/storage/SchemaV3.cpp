#include "Schema.h"

#include "Database.h"
#include "SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo::Schema {

// Version 3: routing rule sets (versioned, draft -> active -> archived) and the decision record of every routing
// attempt.
void createVersion3(Database& db)
{
    const QString id = db.dialect().identityPrimaryKey();
    const QStringList statements = {
        u"CREATE TABLE rule_sets ("
        " id "_s + id + u","
        " version INTEGER NOT NULL UNIQUE,"
        " state TEXT NOT NULL CHECK (state IN ('draft','active','archived')),"
        " author TEXT NOT NULL,"
        " created_at BIGINT NOT NULL,"
        " published_at BIGINT,"
        " comment TEXT NOT NULL DEFAULT '',"
        " body TEXT NOT NULL)"_s, // the rule set as JSON (RuleSetJson)
        u"CREATE TABLE routing_decisions ("
        " id "_s + id + u","
        " order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
        " rule_version INTEGER NOT NULL,"
        " outcome TEXT NOT NULL,"
        " total_cost_minor BIGINT NOT NULL,"
        " decided_at BIGINT NOT NULL,"
        " actor TEXT NOT NULL,"
        " body TEXT NOT NULL)"_s, // the Decision as JSON (DecisionJson)
        u"CREATE INDEX routing_decisions_by_order ON routing_decisions (order_id, id)"_s,
    };
    for (const QString& sql : statements)
        SqlQuery::run(db, sql);
}

} // namespace ordo::Schema
