// A backlog routed end to end: `ordo route --pending` on SQLite, beside the pure router on the same orders in
// the same run.
//
// World: the bench world of RouteWorld.h, stored in a SQLite file (by default 200 locations: 20 DCs, 20 3PLs,
// 10 dropship vendors, 150 stores; 20,000 SKUs; stock as RouteWorld draws it, no safety stock); N validated
// web orders of 1 to 3 lines (SKUs skewed towards popular ones, 1 to 3 units a line, ship-to around 16
// cities across the country), captured before the clock starts. The default rule set.
//   - router: route() over the same orders loaded from the database, one after the other on a RunInventory
//     (each sees what the earlier ones took, as the run does), nothing stored: decisions / second;
//   - end to end: RoutingService::routeBacklog over the same database: every decision stored, stock reserved,
//     orders moved and audited, committed: orders / second, and the process's peak resident memory;
//   - one by one (the baseline): on a copy of the same database, the first --baseline orders routed the way
//     routeOrder() routes one, each in its own unit of work: orders / second.
// Each rate is given per second of the wall clock and per second of this process's CPU time (the machine may
// be shared; SQLite's commits may wait on the disk).
//   bench_route_pending [--orders N] [--skus N] [--locations N] [--baseline N] [--keep FILE [--setup-only]]
//     --keep FILE   copy the database with its pending orders to FILE before routing (for a run of the
//                   command line under /usr/bin/time); with --setup-only, stop there
#include "Error.h"
#include "RouteWorld.h"
#include "inventory/InventoryIndex.h"
#include "orders/OrderCapture.h"
#include "sourcing/IndexStockLevels.h"
#include "sourcing/Router.h"
#include "sourcing/RoutingNetwork.h"
#include "sourcing/RoutingService.h"
#include "sourcing/RunInventory.h"
#include "sourcing/SequentialRouting.h"
#include "storage/BulkInsert.h"
#include "storage/Database.h"
#include "storage/LocationRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <random>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace ordo;
using namespace ordo::bench;

namespace {

const Actor bencher{u"bench"_s, Role::Admin};

// This process's CPU seconds: on a shared machine the wall clock also counts the time others ran.
double cpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

qint64 peakRssKb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // kilobytes on Linux
}

void storeWorld(Database& db, const World& world) {
    Transaction tx(db);
    LocationRepository locations(db);
    SkuRepository skus(db);
    QHash<qint64, qint64> locationIds, skuIds; // world id -> database id
    for (Location l : world.locations) {
        const qint64 worldId = l.id;
        l.id = 0;
        locationIds.insert(worldId, locations.upsert(l));
    }
    for (const InventoryIndex::SkuRef& s : world.skus)
        skuIds.insert(s.id, skus.upsert({0, s.code, s.code, 300, Money{1999, u"USD"_s}}));
    BulkInsert positions(
        db, u"positions"_s,
        {u"location_id"_s, u"sku_id"_s, u"on_hand"_s, u"reserved"_s, u"safety_stock"_s, u"updated_at"_s});
    for (const InventoryIndex::PositionRow& p : world.positions)
        positions.add({locationIds.value(p.locationId), skuIds.value(p.skuId), p.figures.onHand, 0, 0, 0});
    positions.flush();
    tx.commit();
}

// Ship-to cities across the country (with a ZIP code of each, so that validation finds the address and the
// coordinates agree).
struct City {
    const char* name;
    const char* state;
    const char* zip;
    double latitude, longitude;
};
const City cities[] = {
    {"New York", "NY", "10118", 40.75, -73.99},    {"Los Angeles", "CA", "90012", 34.05, -118.24},
    {"Chicago", "IL", "60601", 41.88, -87.63},     {"Houston", "TX", "77002", 29.76, -95.37},
    {"Phoenix", "AZ", "85004", 33.45, -112.07},    {"Philadelphia", "PA", "19103", 39.95, -75.17},
    {"Denver", "CO", "80202", 39.74, -104.99},     {"Seattle", "WA", "98101", 47.61, -122.33},
    {"Atlanta", "GA", "30303", 33.75, -84.39},     {"Miami", "FL", "33130", 25.77, -80.20},
    {"Boston", "MA", "02108", 42.36, -71.06},      {"Minneapolis", "MN", "55401", 44.98, -93.27},
    {"Kansas City", "MO", "64106", 39.10, -94.58}, {"Salt Lake City", "UT", "84101", 40.76, -111.89},
    {"Nashville", "TN", "37203", 36.16, -86.78},   {"Columbus", "OH", "43215", 39.96, -83.00},
};

void captureOrders(Database& db, int count, int skuCount, std::mt19937_64& random) {
    auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * double(random() % 1000000) / 1e6; };
    Transaction tx(db);
    OrderCapture capture(db, Actor::system());
    const QDateTime start(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        Order o;
        o.orderNumber = u"W-%1"_s.arg(i + 1);
        o.externalId = o.orderNumber;
        o.orderedAt = start.addSecs(i);
        o.customerEmail = u"buyer%1@example.com"_s.arg(i % 997);
        const City& city = cities[random() % std::size(cities)];
        o.shipTo = {u"Ana Lopez"_s,
                    u"1 Main St"_s,
                    QString::fromLatin1(city.name),
                    QString::fromLatin1(city.state),
                    QString::fromLatin1(city.zip),
                    u"US"_s,
                    GeoPoint{city.latitude + uniform(-0.2, 0.2), city.longitude + uniform(-0.2, 0.2)}};
        o.currency = u"USD"_s;
        const int lines = 1 + int(random() % 3);
        for (int n = 0; n < lines; ++n) {
            const int sku = random() % 4 == 0 ? int(random() % quint64(std::max(1, skuCount / 100)))
                                              : int(random() % quint64(skuCount));
            o.lines << OrderLine{n + 1,
                                 skuCode(sku),
                                 1 + int(random() % 3),
                                 Money{1999, u"USD"_s},
                                 OrderStatus::Pending,
                                 QString(),
                                 QString(),
                                 QString(),
                                 0,
                                 0};
        }
        capture.capture(o);
    }
    tx.commit();
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({u"orders"_s, u"pending orders"_s, u"n"_s, u"100000"_s});
    parser.addOption({u"skus"_s, u"SKUs"_s, u"n"_s, u"20000"_s});
    parser.addOption({u"locations"_s, u"locations"_s, u"n"_s, u"200"_s});
    parser.addOption({u"setup-only"_s, u"with --keep: make the database and stop"_s});
    parser.addOption({u"baseline"_s, u"orders routed one by one on a copy"_s, u"n"_s, u"10000"_s});
    parser.addOption({u"keep"_s, u"copy the database with its pending orders here"_s, u"file"_s});
    parser.process(app);
    const int orderCount = parser.value(u"orders"_s).toInt();
    const int skuCount = parser.value(u"skus"_s).toInt();
    const int locationCount = parser.value(u"locations"_s).toInt();
    if (orderCount < 1 || skuCount < 100 || locationCount < 50) {
        std::fprintf(stderr, "usage: bench_route_pending [--orders N] [--skus N>=100] [--locations N>=50] "
                             "[--keep FILE]\n");
        return 2;
    }
    try {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"backlog.sqlite"_s);
        std::mt19937_64 random(seed);
        QElapsedTimer phase;
        phase.start();
        {
            Database db = Database::open(path);
            storeWorld(db, generate(random, skuCount, locationCount));
            captureOrders(db, orderCount, skuCount, random);
            SqlQuery::run(db, u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        }
        const double setupSeconds = phase.nsecsElapsed() / 1e9;
        if (parser.isSet(u"keep"_s)) {
            QFile::remove(parser.value(u"keep"_s));
            if (!QFile::copy(path, parser.value(u"keep"_s)))
                throw Error::storage(u"cannot copy the database to %1"_s.arg(parser.value(u"keep"_s)));
            if (parser.isSet(u"setup-only"_s))
                return 0;
        }
        const QString copyPath = dir.filePath(u"one-by-one.sqlite"_s);
        if (!QFile::copy(path, copyPath))
            throw Error::storage(u"cannot copy the database for the baseline"_s);
        const qint64 rssBefore = peakRssKb();

        // The baseline: orders routed one by one, each its own unit of work.
        qint64 baselineOrders = 0;
        double baselineSeconds = 0, baselineCpu = 0;
        {
            Database copy = Database::open(copyPath);
            RoutingService service(copy, bencher);
            const QList<qint64> ids = service.pendingOrderIds(parser.value(u"baseline"_s).toInt());
            phase.restart();
            const double cpu0 = cpuSeconds();
            for (qint64 id : ids) {
                try {
                    service.routeOrder(id);
                } catch (const Error&) {
                }
                ++baselineOrders;
            }
            baselineSeconds = phase.nsecsElapsed() / 1e9;
            baselineCpu = cpuSeconds() - cpu0;
        }

        Database db = Database::open(path);
        // The pure router: the same orders and the same figures the service reads, decided in sequence on a
        // RunInventory, nothing stored.
        qint64 decided = 0, checksumRouter = 0;
        double routerSeconds = 0, routerCpu = 0;
        {
            RoutingService reader(db, bencher);
            const QList<Order> orders = reader.pendingOrders();
            RunInventory run(reader.inventory());
            RoutingNetwork network = reader.network();
            const RoutingContext context{nowStoredTime(), {}, {}};
            phase.restart();
            const double cpu0 = cpuSeconds();
            for (const Order& o : orders) {
                const Decision d = route(o, reader.rules(), run, network, context);
                takeDecision(d, run, network);
                checksumRouter += d.totalCostMinor;
                ++decided;
            }
            routerSeconds = phase.nsecsElapsed() / 1e9;
            routerCpu = cpuSeconds() - cpu0;
        }

        // End to end: the service path, storing, reserving and committing.
        QHash<QString, qint64> actions;
        qint64 routedOrders = 0;
        phase.restart();
        const double endToEndCpu0 = cpuSeconds();
        {
            RoutingService service(db, bencher);
            service.routeBacklog(false, 0, [&](const RoutedOrder& r) {
                ++routedOrders;
                ++actions[r.action.isEmpty() ? u"skipped"_s : r.action];
            });
        }
        const double endToEndSeconds = phase.nsecsElapsed() / 1e9;
        const double endToEndCpu = cpuSeconds() - endToEndCpu0;
        const qint64 reservations =
            SqlQuery(db, u"SELECT COUNT(*) FROM reservations"_s).scalar().toLongLong();
        const qint64 stillPending =
            SqlQuery(db, u"SELECT COUNT(*) FROM orders WHERE status = 'validated'"_s).scalar().toLongLong();
        QJsonObject byAction;
        for (auto it = actions.cbegin(); it != actions.cend(); ++it)
            byAction.insert(it.key(), it.value());

        const QJsonObject result{
            {u"orders"_s, orderCount},
            {u"skus"_s, skuCount},
            {u"locations"_s, locationCount},
            {u"setup_seconds"_s, setupSeconds},
            {u"router_decisions_per_second"_s, qRound64(double(decided) / routerSeconds)},
            {u"end_to_end_orders_per_second"_s, qRound64(double(routedOrders) / endToEndSeconds)},
            {u"end_to_end_seconds"_s, endToEndSeconds},
            {u"router_decisions_per_cpu_second"_s, qRound64(double(decided) / routerCpu)},
            {u"end_to_end_orders_per_cpu_second"_s, qRound64(double(routedOrders) / endToEndCpu)},
            {u"one_by_one_orders_per_cpu_second"_s, qRound64(double(baselineOrders) / baselineCpu)},
            {u"one_by_one_orders"_s, baselineOrders},
            {u"one_by_one_orders_per_second"_s, qRound64(double(baselineOrders) / baselineSeconds)},
            {u"end_to_end_vs_one_by_one"_s,
             (double(routedOrders) / endToEndSeconds) / (double(baselineOrders) / baselineSeconds)},
            {u"end_to_end_vs_router"_s,
             (double(routedOrders) / endToEndSeconds) / (double(decided) / routerSeconds)},
            {u"actions"_s, byAction},
            {u"reservations"_s, reservations},
            {u"still_validated"_s, stillPending},
            {u"peak_rss_mb_before_routing"_s, double(rssBefore) / 1024.0},
            {u"peak_rss_mb"_s, double(peakRssKb()) / 1024.0},
            {u"router_checksum"_s, checksumRouter},
        };
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
        return 0;
    } catch (const Error& e) {
        std::fprintf(stderr, "bench_route_pending: %s\n", qPrintable(e.message()));
        return 1;
    }
}
