#include "Migrations.h"

#include "Database.h"
#include "Error.h"
#include "Schema.h"
#include "SqlQuery.h"
#include "Transaction.h"

using namespace Qt::StringLiterals;

namespace ordo {

const QList<Migration>& Migrations::all() {
    static const QList<Migration> steps = {
        {1, u"orders, lines, locations, SKUs, positions, customers, users, audit trail"_s,
         &Schema::createVersion1},
        {2, u"inventory ledger, segmentation, future supply, reservations"_s, &Schema::createVersion2},
        {3, u"routing rule sets and routing decisions"_s, &Schema::createVersion3},
        {4, u"channel source documents, order charges, SKU cross-reference"_s, &Schema::createVersion4},
        {5, u"SKU tags, routing backorders"_s, &Schema::createVersion5},
        {6, u"PostgreSQL: the in-statement check of one-round-trip commits"_s, &Schema::createVersion6},
        {7,
         u"each position's ledger as a chain of event ids; no index of the ledger or of holds by position"_s,
         &Schema::createVersion7},
        {8, u"SQLite: the ledger's and reservations' checks without IN lists"_s, &Schema::createVersion8},
        {9, u"a hold unique per reservation attempt of its order"_s, &Schema::createVersion9},
        {10, u"SKU barcodes (GTIN)"_s, &Schema::createVersion10},
        {11, u"trading partners' settings: how lines that cannot be filled are acknowledged"_s,
         &Schema::createVersion11},
    };
    return steps;
}

int Migrations::latestVersion() {
    return all().constLast().version;
}

int Migrations::currentVersion(Database& db) {
    SqlQuery exists(db, db.dialect().tableExistsQuery());
    exists.bind(u":name"_s, u"meta"_s);
    exists.exec();
    if (!exists.next())
        return 0;
    SqlQuery version(db, u"SELECT value FROM meta WHERE key = 'schema_version'"_s);
    version.exec();
    if (!version.next())
        return 0;
    bool ok = false;
    const int value = version.value(0).toString().toInt(&ok);
    if (!ok)
        throw Error::storage(
            u"the database's schema version '%1' is not a number"_s.arg(version.value(0).toString()));
    return value;
}

void Migrations::bringUpToDate(Database& db, bool migrate) {
    const int latest = latestVersion();
    int current = currentVersion(db);
    if (current > latest)
        throw Error::storage(u"%1 has schema version %2, newer than this Ordo understands (%3); "
                             "use a newer Ordo to open it"_s.arg(db.displayName())
                                 .arg(current)
                                 .arg(latest));
    if (current == latest)
        return;
    if (!migrate)
        throw Error::storage(u"%1 has schema version %2 and needs migrating to %3"_s.arg(db.displayName())
                                 .arg(current)
                                 .arg(latest));
    for (const Migration& step : all()) {
        Transaction tx(db);
        if (db.engine() == Engine::Postgres) {
            // A schema step may rewrite a large table, and may wait for another process's migration: the
            // session's timeouts (Database::open) do not apply to this transaction.
            SqlQuery::run(db, u"SET LOCAL statement_timeout = 0"_s);
            SqlQuery::run(db, u"SET LOCAL lock_timeout = 0"_s);
        }
        if (const QString lock = db.dialect().migrationLock(); !lock.isEmpty())
            SqlQuery::run(db, lock);
        // Another process may have migrated while we waited for the lock.
        current = currentVersion(db);
        if (step.version <= current) {
            tx.commit();
            continue;
        }
        step.apply(db);
        SqlQuery bump(db, u"INSERT INTO meta (key, value) VALUES ('schema_version', :v) "
                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
        bump.bind(u":v"_s, QString::number(step.version));
        bump.exec();
        tx.commit();
    }
}

} // namespace ordo
