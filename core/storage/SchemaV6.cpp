#include "Database.h"
#include "Schema.h"
#include "SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo::Schema {

// Version 6: on PostgreSQL, ordo_require(ok, message), which raises "ordo_require: <message>" when `ok` is
// false (the prefix tells the raised error from the statement's own text, which holds the message too). A
// unit of work that sends its last statements and its COMMIT in one round trip (Transaction::commitWith)
// checks its outcome inside the statement with it: when a reservation comes up short the statement fails, so
// the COMMIT after it never runs and nothing is saved. SQLite needs nothing: it never commits that way.
void createVersion6(Database& db) {
    if (db.engine() != Engine::Postgres)
        return;
    SqlQuery::run(db, u"CREATE FUNCTION ordo_require(ok boolean, message text) RETURNS boolean "
                      "LANGUAGE plpgsql AS $$ BEGIN "
                      "IF ok IS NOT TRUE THEN RAISE EXCEPTION USING MESSAGE = 'ordo_require: ' || message, "
                      "ERRCODE = 'P0001'; END IF; "
                      "RETURN true; END $$"_s);
}

} // namespace ordo::Schema
