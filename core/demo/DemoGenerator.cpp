#include "DemoGenerator.h"

#include "storage/BulkInsert.h"
#include "CatalogGenerator.h"
#include "DemoNetwork.h"
#include "DemoOrderFactory.h"
#include "DemoOrderWriter.h"
#include "DemoRandom.h"
#include "DemoSchedule.h"
#include "Error.h"
#include "UsPlaces.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

enum Stream : quint64 {
    NetworkStream = 1,
    CatalogStream = 2,
    ScheduleStream = 3,
    OrderStream = 4,
    StockStream = 5
};

// Children before parents, so that SQLite's row-by-row DELETE never trips a foreign key.
const QStringList demoTables = {u"sku_tags"_s,
                                u"routing_backorders"_s,
                                u"outbound_documents"_s,
                                u"source_documents"_s,
                                u"order_charges"_s,
                                u"sku_xref"_s,
                                u"notifications"_s,
                                u"routing_rejections"_s,
                                u"routing_shipments"_s,
                                u"routing_decisions"_s,
                                u"reservations"_s,
                                u"inventory_events"_s,
                                u"future_supply"_s,
                                u"channel_exclusions"_s,
                                u"channel_pools"_s,
                                u"channel_policies"_s,
                                u"location_group_members"_s,
                                u"location_groups"_s,
                                u"audit_events"_s,
                                u"order_holds"_s,
                                u"order_lines"_s,
                                u"orders"_s,
                                u"customers"_s,
                                u"positions"_s,
                                u"skus"_s,
                                u"locations"_s};

qint64 countRows(Database& db, const QString& table) {
    SqlQuery q(db, u"SELECT count(*) FROM "_s + table);
    return q.scalar().toLongLong();
}

void writeMasterData(Database& db, const DemoNetwork& network, const QList<DemoSku>& catalog) {
    SqlQuery user(db, u"INSERT INTO users (user_name, display_name, role) VALUES (:name, :display, :role) "
                      "ON CONFLICT (user_name) DO NOTHING"_s);
    for (const DemoUser& u : network.users()) {
        user.bind(u":name"_s, u.userName).bind(u":display"_s, u.displayName).bind(u":role"_s, u.role);
        user.exec();
    }
    BulkInsert locations(db, u"locations"_s,
                         {u"id"_s, u"code"_s, u"name"_s, u"type"_s, u"latitude"_s, u"longitude"_s, u"ships"_s,
                          u"pickup"_s, u"daily_capacity"_s});
    qint64 id = 0;
    for (const DemoLocation& l : network.locations()) {
        const Location& loc = l.location;
        locations.add({++id, loc.code, loc.name, locationTypeCode(loc.type), loc.position.latitude,
                       loc.position.longitude, loc.ships ? 1 : 0, loc.pickup ? 1 : 0, loc.dailyCapacity});
    }
    locations.flush();
    BulkInsert skus(db, u"skus"_s,
                    {u"id"_s, u"code"_s, u"name"_s, u"weight_g"_s, u"price_minor"_s, u"currency"_s});
    id = 0;
    for (const DemoSku& s : catalog)
        skus.add({++id, s.code, s.name, s.weightGrams, s.priceMinor, u"USD"_s});
    skus.flush();
}

qint64 writePositions(Database& db, DemoRandom& random, const DemoNetwork& network,
                      const QList<DemoSku>& catalog, const DemoOrderWriter& orders, qint64 now) {
    BulkInsert positions(
        db, u"positions"_s,
        {u"location_id"_s, u"sku_id"_s, u"on_hand"_s, u"reserved"_s, u"safety_stock"_s, u"updated_at"_s});
    double maxPopularity = 0.0;
    for (const DemoSku& s : catalog)
        maxPopularity = std::max(maxPopularity, s.popularity);
    const size_t skuCount = size_t(catalog.size());
    for (qsizetype l = 0; l < network.locations().size(); ++l) {
        const LocationType type = network.locations().at(l).location.type;
        const int vendor = int(network.vendors().indexOf(int(l)));
        for (size_t s = 0; s < skuCount; ++s) {
            const DemoSku& sku = catalog.at(qsizetype(s));
            const double pop = std::sqrt(sku.popularity / maxPopularity);
            const size_t cell = size_t(l) * skuCount + s;
            const bool used = orders.used()[cell];
            const double roll = random.uniform();
            qint64 onHand = 0, safety = 0;
            bool stocked = used;
            switch (type) {
            case LocationType::Dc:
            case LocationType::ThirdPartyLogistics:
                stocked = stocked || (sku.vendor < 0 && roll < 0.93);
                onHand =
                    random.chance(0.04) ? 0 : random.between(5, 60) + qint64(600.0 * pop * random.uniform());
                safety = random.between(0, 8);
                break;
            case LocationType::Store:
                stocked = stocked || (sku.vendor < 0 && !sku.bulky && roll < 0.06 + 0.5 * pop);
                onHand = random.chance(0.08) ? 0 : random.between(1, 14);
                safety = random.between(0, 2);
                break;
            case LocationType::Dropship:
                stocked = stocked || sku.vendor == vendor;
                onHand = random.between(10, 300);
                break;
            }
            if (!stocked)
                continue;
            const qint64 reserved = orders.reserved()[cell];
            onHand = std::max(onHand, reserved + random.between(0, 3));
            positions.add({qint64(l) + 1, qint64(s) + 1, onHand, reserved, safety,
                           now - random.between(0, 3 * 24 * 3600 * 1000LL)});
        }
    }
    positions.flush();
    return positions.rowsWritten();
}

} // namespace

void DemoGenerator::checkEmpty(bool replace) {
    // The demo writes explicit ids: every table it fills must be empty, or be emptied first.
    QStringList held;
    for (const QString& table : std::as_const(demoTables)) {
        const qint64 rows = countRows(m_db, table);
        if (rows > 0)
            held << u"%1 %2"_s.arg(rows).arg(QString(table).replace(u'_', u' '));
    }
    if (held.isEmpty())
        return;
    if (!replace)
        throw Error::state(
            u"%1 is not empty (it holds %2); pass --force to replace all of it with the demo world"_s.arg(
                m_db.displayName(), held.join(u", "_s)));
    wipe();
}

void DemoGenerator::wipe() {
    Transaction tx(m_db);
    if (m_db.engine() == Engine::Postgres) {
        SqlQuery::run(m_db, u"TRUNCATE "_s + demoTables.join(u", "_s) + u" RESTART IDENTITY"_s);
    } else {
        for (const QString& table : demoTables)
            SqlQuery::run(m_db, u"DELETE FROM "_s + table);
    }
    tx.commit();
}

DemoSummary DemoGenerator::run(const DemoOptions& options) {
    QElapsedTimer timer;
    timer.start();
    if (options.orders < 1 || options.orders > maxOrders)
        throw Error::usage(u"--orders must be between 1 and %1, not %2"_s.arg(maxOrders).arg(options.orders));
    if (options.skus < 50 || options.skus > maxSkus)
        throw Error::usage(u"--skus must be between 50 and %1, not %2"_s.arg(maxSkus).arg(options.skus));
    if (options.locations < DemoNetwork::minimumLocations || options.locations > maxLocations)
        throw Error::usage(
            u"--locations must be between %1 and %2, not %3"_s.arg(DemoNetwork::minimumLocations)
                .arg(maxLocations)
                .arg(options.locations));
    checkEmpty(options.replace);
    // A bulk load touches every index page again and again: give SQLite a bigger page cache meanwhile.
    struct CacheSize {
        Database& db;
        explicit CacheSize(Database& d)
            : db(d) {
            if (db.engine() == Engine::Sqlite)
                SqlQuery::run(db, u"PRAGMA cache_size = -262144"_s);
        }
        ~CacheSize() {
            if (db.engine() == Engine::Sqlite) {
                try {
                    SqlQuery::run(db, u"PRAGMA cache_size = -2000"_s);
                } catch (const Error&) {
                }
            }
        }
    } cacheSize(m_db);

    DemoSummary summary;
    summary.seed = options.seed;
    summary.now = options.now.isValid() ? options.now.toUTC() : QDateTime::currentDateTimeUtc();
    const qint64 now = summary.now.toMSecsSinceEpoch();

    const QList<UsPlace>& places = UsPlaces::builtIn();
    DemoRandom networkRandom = DemoRandom::derived(options.seed, 0, NetworkStream);
    const DemoNetwork network = DemoNetwork::build(networkRandom, places, options.locations,
                                                   std::max<qint64>(50, options.orders / historyDays));
    DemoRandom catalogRandom = DemoRandom::derived(options.seed, 0, CatalogStream);
    const QList<DemoSku> catalog = CatalogGenerator::generate(catalogRandom, options.skus);
    {
        Transaction tx(m_db);
        writeMasterData(m_db, network, catalog);
        tx.commit();
    }

    DemoRandom scheduleRandom = DemoRandom::derived(options.seed, 0, ScheduleStream);
    const QList<DemoSlot> schedule = DemoSchedule::make(scheduleRandom, options.orders, now, historyDays);

    const int customerPool = int(std::max<qint64>(20, options.orders * 55 / 100));
    DemoOrderFactory factory(options.seed, places, network, catalog, customerPool);
    DemoOrderWriter writer(m_db, catalog, network, customerPool + customerPool / 200 + 10);
    DemoRandom orderRandom = DemoRandom::derived(options.seed, 0, OrderStream);
    QList<qint64> byStatus(std::size(allOrderStatuses), 0);
    QList<qint64> byChannel(std::size(allChannels), 0);
    const qint64 total = schedule.size();
    const int chunk = std::max(1, options.ordersPerTransaction);
    for (qint64 first = 0; first < total; first += chunk) {
        Transaction tx(m_db);
        const qint64 last = std::min(total, first + chunk);
        for (qint64 i = first; i < last; ++i) {
            const DemoSlot& slot = schedule.at(i);
            const DemoOrder order =
                factory.make(orderRandom, i, slot.channel, slot.orderedAt, slot.delivery, now, slot.forced);
            writer.write(order);
            ++byStatus[qsizetype(order.story.status)];
            ++byChannel[qsizetype(order.channel)];
        }
        writer.flush();
        tx.commit();
        if (options.progress)
            options.progress(last, total);
    }
    {
        Transaction tx(m_db);
        DemoRandom stockRandom = DemoRandom::derived(options.seed, 0, StockStream);
        summary.positions = writePositions(m_db, stockRandom, network, catalog, writer, now);
        // Stock reserved on positions is backed by one held reservation per open routed line, exactly as the
        // ReservationService would have recorded it, so cancelling or shipping a demo order gives it back.
        SqlQuery::run(
            m_db, u"INSERT INTO reservations (order_id, line_no, location_id, sku_id, quantity, state, "
                  "created_at) SELECT l.order_id, l.line_no, l.location_id, l.sku_id, l.quantity, 'held', "
                  "o.status_changed_at FROM order_lines l JOIN orders o ON o.id = l.order_id "
                  "WHERE l.status IN ('routed', 'released', 'picking', 'packed') "
                  "AND l.location_id IS NOT NULL AND l.sku_id IS NOT NULL"_s);
        for (const QString& table : {u"locations"_s, u"skus"_s, u"customers"_s, u"orders"_s, u"order_lines"_s,
                                     u"order_holds"_s, u"audit_events"_s})
            BulkInsert::syncIdentity(m_db, table);
        tx.commit();
    }
    SqlQuery::run(m_db, u"ANALYZE"_s); // fresh statistics for the query planner after a bulk load

    summary.orders = writer.orders();
    summary.lines = writer.lines();
    summary.customers = writer.customers();
    summary.holds = writer.holds();
    summary.auditEvents = writer.auditEvents();
    summary.skus = catalog.size();
    summary.users = network.users().size();
    summary.locationsByType = {{u"dc"_s, network.dcs().size()},
                               {u"store"_s, network.stores().size()},
                               {u"dropship"_s, network.vendors().size()}};
    for (OrderStatus s : allOrderStatuses)
        summary.ordersByStatus.append({s, byStatus.at(qsizetype(s))});
    for (Channel c : allChannels)
        summary.ordersByChannel.append({c, byChannel.at(qsizetype(c))});
    summary.elapsedMs = timer.elapsed();
    return summary;
}

} // namespace ordo
