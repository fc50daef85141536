// Available-to-promise checks per second, in process, over a generated network (default 100,000 SKUs x 50
// locations = 5,000,000 positions) with a realistic segmentation: pools per channel, a unit buffer, a
// percentage buffer, location and SKU exclusions and 100,000 future-supply lines.
//
// In-memory side: InventoryIndex::atpTotal() (the hot path the router uses) for a random SKU and a random
// channel (or none) per check: the SKU's kept per-channel stock sum plus its future supply in the horizon.
// Beside it the same checks by stockByScan(), which walks the SKU's 50 positions instead of reading the kept
// sum (index_scan_*), the cost of keeping the sums (index_writes_per_second: positionChanged() with its
// recomputation) and of a segmentation reload (which recomputes every SKU).
//   - throughput: a run of pre-drawn checks with no clock inside the loop, checks / elapsed seconds (and per
//     second of the thread's CPU time, which a busy shared machine does not dilute);
//   - latency: a second run timing every check alone with std::chrono::steady_clock; the figures include one
//     clock reading (its cost, measured the same way on an empty body, is printed as timer_overhead_ns), so
//     p50/p99 are upper bounds of the check itself.
// SQL side, on the same data in a SQLite file (WAL, as Ordo opens it): a prepared SELECT per check summing
// max(0, on_hand - reserved - safety_stock - buffer) over the SKU's positions (indexed by sku_id; no pools,
// exclusions or future supply, so it does less work than the index); and AtpService, the full SQL-backed
// answer with the breakdown. Each SQL side runs for about sql_seconds. The figures of AtpService and the
// index are compared on the checks AtpService ran (sql_index_mismatches must be 0).
//   bench_atp [skus [locations [sql_seconds [sql_skus]]]]   (sql_skus: put only the first N SKUs in SQLite)
#include "Error.h"
#include "inventory/AtpService.h"
#include "inventory/InventoryIndex.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <time.h>

using namespace Qt::StringLiterals;
using namespace ordo;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::uint64_t seed = 20261102;
const QDateTime at(QDate(2026, 11, 2), QTime(12, 0), Qt::UTC);

QString skuCode(int i) {
    return u"SKU-%1"_s.arg(i, 6, 10, QChar(u'0'));
}
QString locationCode(int i) {
    return (i < 10 ? u"DC-%1"_s : u"ST-%1"_s).arg(i, 2, 10, QChar(u'0'));
}

struct World {
    QList<Location> locations;
    QList<InventoryIndex::SkuRef> skus;
    QList<InventoryIndex::PositionRow> positions;
    Segmentation segmentation;
};

// 10 DCs that ship, the rest stores (every other one ships too, all hand over pickups). Every SKU has a
// position at every location. Database ids: locations 1..L, SKUs 1..S.
World generate(int skuCount, int locationCount) {
    World w;
    std::mt19937_64 random(seed);
    for (int l = 0; l < locationCount; ++l) {
        Location loc;
        loc.id = l + 1;
        loc.code = locationCode(l);
        loc.name = loc.code;
        loc.type = l < 10 ? LocationType::Dc : LocationType::Store;
        loc.ships = l < 10 || l % 2 == 0;
        loc.pickup = l >= 10;
        w.locations << loc;
    }
    w.skus.reserve(skuCount);
    for (int s = 0; s < skuCount; ++s)
        w.skus.append({s + 1, skuCode(s)});
    w.positions.reserve(qsizetype(skuCount) * locationCount);
    for (int s = 0; s < skuCount; ++s)
        for (int l = 0; l < locationCount; ++l) {
            const qint64 onHand = qint64(random() % 200);
            const qint64 reserved = qint64(random() % (onHand / 4 + 1));
            w.positions.append({l + 1, s + 1, {onHand, reserved, qint64(random() % 6)}});
        }
    Segmentation& seg = w.segmentation;
    for (int l = 0; l < std::min(locationCount, 10); ++l) {
        seg.pools[u"app"_s][u"ship"_s].insert(locationCode(l));
        seg.pools[u"marketplace"_s][u"ship"_s].insert(locationCode(l));
    }
    for (int l = 10; l < locationCount; l += 3)
        seg.pools[u"pos"_s][u"pickup"_s].insert(locationCode(l));
    ChannelPolicy app{Channel::App, 3, 0, false, 0};
    ChannelPolicy marketplace{Channel::Marketplace, 0, 15, true, 30};
    ChannelPolicy b2b{Channel::B2b, 0, 0, true, 14};
    seg.policies.insert(u"app"_s, app);
    seg.policies.insert(u"marketplace"_s, marketplace);
    seg.policies.insert(u"b2b"_s, b2b);
    seg.exclusions << Segmentation::Exclusion{u"web"_s, {}, locationCode(locationCount - 1)};
    for (int s = 0; s < skuCount; s += 50)
        seg.exclusions << Segmentation::Exclusion{u"marketplace"_s, skuCode(s), {}};
    for (int s = 7; s < skuCount; s += 40)
        seg.exclusions << Segmentation::Exclusion{u"b2b"_s, skuCode(s), locationCode(s % locationCount)};
    for (int i = 0; i < skuCount; ++i)
        seg.futureSupply << FutureSupplyLine{u"PO-%1"_s.arg(i), locationCode(int(random() % 10)),
                                             skuCode(int(random() % skuCount)), qint64(1 + random() % 100),
                                             at.addSecs(qint64(random() % (40 * 86400)) - 5 * 86400)};
    return w;
}

// Writes the world's locations, SKUs and positions with multi-row prepared INSERTs in one transaction.
void writeDatabase(Database& db, const World& w, int sqlSkus) {
    SqlQuery::run(db, u"PRAGMA synchronous = OFF"_s); // a throwaway file: the load need not be durable
    Transaction tx(db);
    for (const Location& l : w.locations) {
        SqlQuery q(db, u"INSERT INTO locations (id, code, name, type, latitude, longitude, ships, pickup, "
                       "daily_capacity) VALUES (:id, :code, :code2, :type, 0, 0, :ships, :pickup, 0)"_s);
        q.bind(u":id"_s, l.id)
            .bind(u":code"_s, l.code)
            .bind(u":code2"_s, l.code)
            .bind(u":type"_s, locationTypeCode(l.type))
            .bind(u":ships"_s, l.ships ? 1 : 0)
            .bind(u":pickup"_s, l.pickup ? 1 : 0);
        q.exec();
    }
    constexpr int rowsPerStatement = 200;
    auto insertRows = [&](const QString& head, const QString& row, int columns, qsizetype count,
                          auto bindRow) {
        QStringList rows(rowsPerStatement, row);
        QSqlQuery full(db.connection());
        full.prepare(head + rows.join(u','));
        for (qsizetype first = 0; first < count; first += rowsPerStatement) {
            const qsizetype n = std::min<qsizetype>(rowsPerStatement, count - first);
            QSqlQuery partial(db.connection());
            QSqlQuery& q = n == rowsPerStatement ? full : partial;
            if (n != rowsPerStatement)
                partial.prepare(head + QStringList(n, row).join(u','));
            for (qsizetype i = 0; i < n; ++i)
                bindRow(q, first + i, int(i) * columns);
            if (!q.exec())
                throw Error::storage(u"bench insert failed"_s);
        }
    };
    insertRows(u"INSERT INTO skus (id, code, name, weight_g, price_minor, currency) VALUES "_s,
               u"(?, ?, ?, 0, 0, 'USD')"_s, 3, sqlSkus, [&](QSqlQuery& q, qsizetype i, int p) {
                   q.bindValue(p, w.skus[i].id);
                   q.bindValue(p + 1, w.skus[i].code);
                   q.bindValue(p + 2, w.skus[i].code);
               });
    const qsizetype positions = qsizetype(sqlSkus) * w.locations.size();
    insertRows(
        u"INSERT INTO positions (location_id, sku_id, on_hand, reserved, safety_stock, updated_at) VALUES "_s,
        u"(?, ?, ?, ?, ?, 0)"_s, 5, positions, [&](QSqlQuery& q, qsizetype i, int p) {
            const InventoryIndex::PositionRow& r = w.positions[i];
            q.bindValue(p, r.locationId);
            q.bindValue(p + 1, r.skuId);
            q.bindValue(p + 2, r.figures.onHand);
            q.bindValue(p + 3, r.figures.reserved);
            q.bindValue(p + 4, r.figures.safetyStock);
        });
    tx.commit();
    SqlQuery::run(db, u"ANALYZE"_s);
}

// The segmentation goes in through the same tables SegmentationRepository reads (only what AtpService needs).
void writeSegmentation(Database& db, const World& w, int sqlSkus) {
    Transaction tx(db);
    for (auto c = w.segmentation.pools.cbegin(); c != w.segmentation.pools.cend(); ++c)
        for (auto d = c->cbegin(); d != c->cend(); ++d)
            for (const QString& l : *d) {
                SqlQuery q(db, u"INSERT INTO channel_pools (channel, delivery, location_id) "
                               "SELECT :c, :d, id FROM locations WHERE code = :l"_s);
                q.bind(u":c"_s, c.key()).bind(u":d"_s, d.key()).bind(u":l"_s, l);
                q.exec();
            }
    for (const ChannelPolicy& p : w.segmentation.policies) {
        SqlQuery q(db, u"INSERT INTO channel_policies (channel, buffer_units, buffer_percent, allow_future, "
                       "horizon_days) VALUES (:c, :u, :p, :f, :h)"_s);
        q.bind(u":c"_s, channelCode(p.channel))
            .bind(u":u"_s, p.bufferUnits)
            .bind(u":p"_s, p.bufferPercent)
            .bind(u":f"_s, p.allowFutureSupply ? 1 : 0)
            .bind(u":h"_s, p.horizonDays);
        q.exec();
    }
    SqlQuery exclusion(db, u"INSERT INTO channel_exclusions (channel, sku_id, location_id) VALUES (:c, :s, "
                           "(SELECT id FROM locations WHERE code = :l))"_s);
    for (const Segmentation::Exclusion& e : w.segmentation.exclusions) {
        const int sku = e.skuCode.isEmpty() ? 0 : e.skuCode.mid(4).toInt() + 1;
        if (sku > sqlSkus)
            continue;
        SqlQuery& q = exclusion;
        q.bind(u":c"_s, e.channel)
            .bind(u":s"_s, sku ? QVariant(qint64(sku)) : nullInt64())
            .bind(u":l"_s, e.locationCode.isEmpty() ? nullString() : QVariant(e.locationCode));
        q.exec();
    }
    SqlQuery supply(db, u"INSERT INTO future_supply (reference, location_id, sku_id, quantity, arrives_at) "
                        "SELECT :r, id, :s, :q, :a FROM locations WHERE code = :l "
                        "ON CONFLICT (reference, location_id, sku_id) DO NOTHING"_s);
    for (const FutureSupplyLine& f : w.segmentation.futureSupply) {
        const int sku = f.skuCode.mid(4).toInt() + 1;
        if (sku > sqlSkus)
            continue;
        SqlQuery& q = supply;
        q.bind(u":r"_s, f.reference)
            .bind(u":s"_s, qint64(sku))
            .bind(u":q"_s, f.quantity)
            .bind(u":a"_s, f.arrivesAt.toMSecsSinceEpoch())
            .bind(u":l"_s, f.locationCode);
        q.exec();
    }
    tx.commit();
}

struct Check {
    int sku;
    int channel; // InventoryIndex::noChannel or a channel index
};

// CPU time of this thread: on a shared machine the wall clock also counts the time other processes ran.
double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

double percentile(std::vector<std::uint32_t>& sorted, double p) {
    return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))];
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int skus = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100'000;
    const int locations = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 50;
    const double sqlSeconds = argc > 3 ? QString::fromLocal8Bit(argv[3]).toDouble() : 3.0;
    if (skus < 1 || locations < 1 || sqlSeconds <= 0) {
        std::fprintf(stderr, "usage: bench_atp [skus [locations [sql_seconds [sql_skus]]]]\n");
        return 2;
    }
    try {
        QElapsedTimer phase;
        phase.start();
        World world = generate(skus, locations);
        const double generateSeconds = phase.elapsed() / 1000.0;
        phase.restart();
        InventoryIndex index(world.locations, world.skus, world.positions, world.segmentation);
        const double buildSeconds = phase.elapsed() / 1000.0;
        phase.restart();
        index.reloadSegmentation(world.segmentation); // recomputes every SKU's kept per-channel sums
        const double reloadSeconds = phase.elapsed() / 1000.0;

        std::mt19937_64 random(seed + 1);
        const int channels = InventoryIndex::channelCount + 1; // every channel, and none
        auto draw = [&] {
            return Check{int(random() % std::uint64_t(skus)), int(random() % std::uint64_t(channels)) - 1};
        };
        const qint64 atMs = at.toMSecsSinceEpoch();

        // Throughput: 4M pre-drawn checks (more than the caches hold), no clock in the loop.
        std::vector<Check> checks(4'000'000);
        std::generate(checks.begin(), checks.end(), draw);
        qint64 checksum = 0;
        for (int i = 0; i < 100'000; ++i) // warm up
            checksum += index.atpTotal(checks[size_t(i)].sku, checks[size_t(i)].channel,
                                       InventoryIndex::EitherDelivery, atMs);
        const auto start = Clock::now();
        const double cpuStart = threadCpuSeconds();
        for (const Check& c : checks)
            checksum += index.atpTotal(c.sku, c.channel, InventoryIndex::EitherDelivery, atMs);
        const double indexCpuSeconds = threadCpuSeconds() - cpuStart;
        const double indexSeconds = std::chrono::duration<double>(Clock::now() - start).count();
        const double indexRate = double(checks.size()) / indexSeconds;
        const double indexCpuRate = double(checks.size()) / indexCpuSeconds;

        // The same checks walking each SKU's positions instead of reading the kept sums (stock part only).
        const auto scanStart = Clock::now();
        const double scanCpuStart = threadCpuSeconds();
        for (const Check& c : checks)
            checksum += index.stockByScan(c.sku, c.channel);
        const double scanCpuRate = double(checks.size()) / (threadCpuSeconds() - scanCpuStart);
        const double scanRate =
            double(checks.size()) / std::chrono::duration<double>(Clock::now() - scanStart).count();

        // Write-through: positionChanged() on random positions (each recomputes its SKU's kept sums).
        const int writes = 200'000;
        const auto writeStart = Clock::now();
        for (int i = 0; i < writes; ++i) {
            const qint64 sku = 1 + qint64(random() % std::uint64_t(skus));
            const qint64 location = 1 + qint64(random() % std::uint64_t(locations));
            index.positionChanged(location, sku, {qint64(random() % 200), qint64(random() % 10), 2});
        }
        const double writeRate = writes / std::chrono::duration<double>(Clock::now() - writeStart).count();
        // Back to the generated figures, which the SQL side is written from.
        for (const InventoryIndex::PositionRow& r : std::as_const(world.positions))
            index.positionChanged(r.locationId, r.skuId, r.figures);

        // Latency: every check timed alone.
        std::vector<std::uint32_t> ns(1'000'000);
        for (size_t i = 0; i < ns.size(); ++i) {
            const Check c = draw();
            const auto t0 = Clock::now();
            checksum += index.atpTotal(c.sku, c.channel, InventoryIndex::EitherDelivery, atMs);
            ns[i] = std::uint32_t(
                std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count());
        }
        std::sort(ns.begin(), ns.end());
        std::vector<std::uint32_t> overhead(1'000'000);
        for (auto& o : overhead) {
            const auto t0 = Clock::now();
            o = std::uint32_t(
                std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count());
        }
        std::sort(overhead.begin(), overhead.end());

        // SQL: the same data in a SQLite file; all SKUs when that stays quick, else a subset.
        const int sqlSkus = std::min(skus, argc > 4 ? QString::fromLocal8Bit(argv[4]).toInt() : skus);
        QTemporaryDir dir;
        Database db = Database::open(dir.filePath(u"atp.sqlite"_s));
        phase.restart();
        writeDatabase(db, world, sqlSkus);
        writeSegmentation(db, world, sqlSkus);
        const double sqlLoadSeconds = phase.elapsed() / 1000.0;
        world.positions.clear();
        world.positions.squeeze();

        std::mt19937_64 sqlRandom(seed + 2);
        const ChannelPolicy policies[] = {ChannelPolicy{}, world.segmentation.policyFor(Channel::App)};
        SqlQuery select(db, u"SELECT COALESCE(SUM(MAX(0, on_hand - reserved - safety_stock - :buffer)), 0) "
                            "FROM positions WHERE sku_id = :sku"_s);
        qint64 sqlChecks = 0;
        phase.restart();
        while (phase.elapsed() < qint64(sqlSeconds * 1000)) {
            for (int i = 0; i < 64; ++i, ++sqlChecks) {
                select.bind(u":buffer"_s, policies[sqlRandom() % 2].bufferUnits)
                    .bind(u":sku"_s, qint64(1 + sqlRandom() % std::uint64_t(sqlSkus)));
                checksum += select.scalar().toLongLong();
            }
        }
        const double sqlRate = double(sqlChecks) / (phase.elapsed() / 1000.0);

        AtpService service(db);
        qint64 serviceChecks = 0;
        qint64 mismatches = 0;
        phase.restart();
        while (phase.elapsed() < qint64(sqlSeconds * 1000)) {
            for (int i = 0; i < 16; ++i, ++serviceChecks) {
                const int sku = int(sqlRandom() % std::uint64_t(sqlSkus));
                const int channel = int(sqlRandom() % std::uint64_t(channels)) - 1;
                AtpQuery q;
                q.skuCode = skuCode(sku);
                if (channel >= 0)
                    q.channel = allChannels[channel];
                q.at = at;
                const qint64 expected = service.atp(q).atp;
                if (expected != index.atpTotal(sku, channel, InventoryIndex::EitherDelivery, atMs))
                    ++mismatches;
            }
        }
        const double serviceRate = double(serviceChecks) / (phase.elapsed() / 1000.0);

        const QJsonObject result{
            {u"skus"_s, skus},
            {u"locations"_s, locations},
            {u"positions"_s, index.positionCount()},
            {u"generate_seconds"_s, generateSeconds},
            {u"index_build_seconds"_s, buildSeconds},
            {u"index_checks_per_second"_s, qRound64(indexRate)},
            {u"index_checks_per_cpu_second"_s, qRound64(indexCpuRate)},
            {u"index_scan_checks_per_second"_s, qRound64(scanRate)},
            {u"index_scan_checks_per_cpu_second"_s, qRound64(scanCpuRate)},
            {u"index_writes_per_second"_s, qRound64(writeRate)},
            {u"segmentation_reload_seconds"_s, reloadSeconds},
            {u"index_p50_ns"_s, percentile(ns, 0.50)},
            {u"index_p99_ns"_s, percentile(ns, 0.99)},
            {u"index_p999_ns"_s, percentile(ns, 0.999)},
            {u"timer_overhead_ns"_s, percentile(overhead, 0.50)},
            {u"sql_skus"_s, sqlSkus},
            {u"sql_positions"_s, qint64(sqlSkus) * locations},
            {u"sql_subset"_s, sqlSkus < skus},
            {u"sql_load_seconds"_s, sqlLoadSeconds},
            {u"sql_select_checks_per_second"_s, qRound64(sqlRate)},
            {u"atp_service_checks_per_second"_s, qRound64(serviceRate)},
            {u"sql_index_mismatches"_s, mismatches},
            {u"index_vs_sql_select_ratio"_s, qRound64(indexRate / sqlRate)},
            {u"index_vs_atp_service_ratio"_s, qRound64(indexRate / serviceRate)},
            {u"checksum"_s, checksum},
        };
        std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputs("\n", stdout);
        return mismatches == 0 ? 0 : 1;
    } catch (const Error& e) {
        std::fprintf(stderr, "bench_atp: %s\n", e.what());
        return 1;
    }
}
