#include "LedgerChains.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo::test {

QString brokenLedgerChains(Database& db) {
    // The order the events were recorded in (their id) is the truth the chains must follow.
    const QList<QVariantList> links = SqlQuery::rows(
        db,
        u"SELECT event_id, previous_event_id, expected FROM (SELECT event_id, previous_event_id, "
        "lag(event_id) OVER (PARTITION BY location_id, sku_id ORDER BY id) AS expected "
        "FROM inventory_events) AS x WHERE previous_event_id IS DISTINCT FROM expected ORDER BY event_id"_s);
    if (!links.isEmpty())
        return u"%1 events link to the wrong event before them; the first, %2, links to '%3' instead of '%4'"_s
            .arg(links.size())
            .arg(links.first().at(0).toString(), links.first().at(1).toString(),
                 links.first().at(2).toString());
    const QList<QVariantList> ends = SqlQuery::rows(
        db, u"SELECT p.location_id, p.sku_id, p.last_event_id, x.event_id FROM positions p LEFT JOIN "
            "(SELECT location_id, sku_id, event_id, row_number() OVER (PARTITION BY location_id, sku_id "
            "ORDER BY id DESC) AS n FROM inventory_events) AS x "
            "ON x.location_id = p.location_id AND x.sku_id = p.sku_id AND x.n = 1 "
            "WHERE p.last_event_id IS DISTINCT FROM x.event_id ORDER BY p.location_id, p.sku_id"_s);
    if (!ends.isEmpty())
        return u"%1 positions end their chain at the wrong event; the first, location %2 SKU %3, ends at "
               u"'%4' "
               "instead of '%5'"_s.arg(ends.size())
                   .arg(ends.first().at(0).toLongLong())
                   .arg(ends.first().at(1).toLongLong())
                   .arg(ends.first().at(2).toString(), ends.first().at(3).toString());
    return {};
}

} // namespace ordo::test
