// Routing decisions per second with the full explanation, and routing quality against the greedy baseline.
//
// World: 1,000 locations over the continental US (20 DCs, 20 3PLs, 10 dropship vendors, 950 stores, every
// other store shipping parcels), 100,000 SKUs, stock in an InventoryIndex read through IndexStockLevels
// (the live path): each SKU at a DC with probability 60 %, a 3PL 30 %, a dropship vendor 5 %, a store 2 %.
// Orders of 1 to 5 lines (uniform), SKUs drawn with a skew towards popular ones, 1 to 3 units a line, ship-to
// anywhere in the box. The default rule set (lowest total cost, split allowed).
//   - speed: route() over pre-drawn orders, single-threaded, decisions / elapsed seconds (and per second
//     of the thread's CPU time); latency: a second pass timing every decision alone (p50, p99, p999) by the
//     wall clock and by the thread's CPU clock, and the CPU p99 by number of lines;
//   - by number of lines: 1,000 orders of exactly n lines for n = 1 to 16 (the exact range; drawn as above
//     from their own seed), decisions / second of the thread's CPU time, p50 and p99 latency by the CPU
//     clock, the share decided exactly and the share routed in full;
//   - quality: on 10,000 orders (each against the same stock, nothing taken), route() against routeGreedy()
//     ("the nearest location that has the whole order, else the nearest location for each line"): total cost,
//     shipments per order, split rate, % cost saved, % splits removed (orders both route in full).
//   bench_route [orders [skus [locations]]]
#include "Error.h"
#include "RouteWorld.h"
#include "inventory/InventoryIndex.h"
#include "sourcing/IndexStockLevels.h"
#include "sourcing/Router.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <time.h>

using namespace Qt::StringLiterals;
using namespace ordo;
using namespace ordo::bench;
using Clock = std::chrono::steady_clock;

namespace {

double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

double percentile(std::vector<double>& sorted, double p) {
    return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))];
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int orderCount = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 50'000;
    const int skus = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 100'000;
    const int locations = argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 1'000;
    if (orderCount < 1 || skus < 1 || locations < 1) {
        std::fprintf(stderr, "usage: bench_route [orders [skus [locations]]]\n");
        return 2;
    }
    try {
        std::mt19937_64 random(seed);
        QElapsedTimer phase;
        phase.start();
        World world = generate(random, skus, locations);
        const InventoryIndex index(world.locations, world.skus, world.positions, Segmentation{});
        const qint64 positions = index.positionCount();
        world = World{};
        const double buildSeconds = phase.elapsed() / 1000.0;
        const IndexStockLevels view(index);
        const RoutingNetwork network = networkFromIndex(index);
        const RuleSet rules = RuleSet::defaults();
        const QList<Order> batch = orders(random, orderCount, skus);
        const RoutingContext context{nowMs, {}, {}};

        // Warm up (first-touch of the index's pages, thread-local scratch).
        qint64 checksum = 0;
        for (int i = 0; i < std::min<int>(2000, int(batch.size())); ++i)
            checksum += route(batch[i], rules, view, network, context).totalCostMinor;

        // Throughput.
        phase.restart();
        const double cpu0 = threadCpuSeconds();
        qint64 candidates = 0;
        qint64 routed = 0;
        for (const Order& o : batch) {
            const Decision d = route(o, rules, view, network, context);
            checksum += d.totalCostMinor;
            candidates += d.candidates.size();
            routed += d.outcome == RoutingOutcome::Routed ? 1 : 0;
        }
        const double wall = phase.nsecsElapsed() / 1e9;
        const double cpu = threadCpuSeconds() - cpu0;

        // Latency, every decision timed alone: by the wall clock (which on a busy shared machine also counts
        // the time other processes ran) and by this thread's CPU clock.
        std::vector<double> us;
        std::vector<double> cpuUs;
        us.reserve(size_t(batch.size()));
        cpuUs.reserve(size_t(batch.size()));
        for (const Order& o : batch) {
            const double c0 = threadCpuSeconds();
            const auto t0 = Clock::now();
            const Decision d = route(o, rules, view, network, context);
            const auto t1 = Clock::now();
            cpuUs.push_back((threadCpuSeconds() - c0) * 1e6);
            checksum += d.totalCostMinor;
            us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
        }
        std::sort(us.begin(), us.end());
        std::sort(cpuUs.begin(), cpuUs.end());
        std::vector<double> byLines[6];
        for (int i = 0; i < int(batch.size()); ++i) {
            const double c0 = threadCpuSeconds();
            const Decision d = route(batch[i], rules, view, network, context);
            checksum += d.objective > 0 ? 1 : 0;
            byLines[std::min<qsizetype>(5, batch[i].lines.size())].push_back((threadCpuSeconds() - c0) * 1e6);
            if (i >= 20000)
                break;
        }
        QJsonObject p99ByLines;
        for (int n = 1; n <= 5; ++n) {
            std::sort(byLines[n].begin(), byLines[n].end());
            if (!byLines[n].empty())
                p99ByLines.insert(QString::number(n), percentile(byLines[n], 0.99));
        }

        // Quality on 10,000 orders: default strategy against the greedy rule.
        const int qualityOrders = std::min<int>(10'000, int(batch.size()));
        qint64 costRouter = 0, costGreedy = 0, shipmentsRouter = 0, shipmentsGreedy = 0;
        qint64 splitsRouter = 0, splitsGreedy = 0, compared = 0, exactCount = 0;
        phase.restart();
        for (int i = 0; i < qualityOrders; ++i) {
            const Decision d = route(batch[i], rules, view, network, context);
            const Decision g = routeGreedy(batch[i], rules, view, network, context);
            if (d.outcome != RoutingOutcome::Routed || g.outcome != RoutingOutcome::Routed)
                continue;
            ++compared;
            exactCount += d.exact ? 1 : 0;
            costRouter += d.totalCostMinor;
            costGreedy += g.totalCostMinor;
            shipmentsRouter += d.shipments.size();
            shipmentsGreedy += g.shipments.size();
            splitsRouter += d.shipments.size() > 1 ? 1 : 0;
            splitsGreedy += g.shipments.size() > 1 ? 1 : 0;
        }

        // By number of lines, 1 to 16 (orders drawn from their own seed: the figures above stay comparable).
        QJsonObject byLineCount;
        for (int n = 1; n <= 16; ++n) {
            std::mt19937_64 drawn(seed + std::uint64_t(n));
            const QList<Order> sized = orders(drawn, 1000, skus, n, n);
            std::vector<double> latency;
            latency.reserve(size_t(sized.size()));
            qint64 exact = 0, full = 0;
            const double start = threadCpuSeconds();
            for (const Order& o : sized) {
                const double c0 = threadCpuSeconds();
                const Decision d = route(o, rules, view, network, context);
                latency.push_back((threadCpuSeconds() - c0) * 1e6);
                exact += d.exact ? 1 : 0;
                full += d.outcome == RoutingOutcome::Routed ? 1 : 0;
                checksum += d.totalCostMinor;
            }
            const double seconds = threadCpuSeconds() - start;
            std::sort(latency.begin(), latency.end());
            byLineCount.insert(
                QString::number(n),
                QJsonObject{{u"decisions_per_cpu_second"_s, qRound64(double(sized.size()) / seconds)},
                            {u"cpu_p50_us"_s, percentile(latency, 0.50)},
                            {u"cpu_p99_us"_s, percentile(latency, 0.99)},
                            {u"cpu_max_us"_s, latency.back()},
                            {u"exact_share"_s, double(exact) / double(sized.size())},
                            {u"routed_share"_s, double(full) / double(sized.size())}});
        }

        const double rate = double(batch.size()) / wall;
        const QJsonObject result{
            {u"locations"_s, locations},
            {u"skus"_s, skus},
            {u"positions"_s, positions},
            {u"build_seconds"_s, buildSeconds},
            {u"orders"_s, int(batch.size())},
            {u"routed_share"_s, double(routed) / double(batch.size())},
            {u"candidates_listed_per_decision"_s, double(candidates) / double(batch.size())},
            {u"decisions_per_second"_s, qRound64(rate)},
            {u"decisions_per_cpu_second"_s, qRound64(double(batch.size()) / cpu)},
            {u"p50_us"_s, percentile(us, 0.50)},
            {u"p99_us"_s, percentile(us, 0.99)},
            {u"p999_us"_s, percentile(us, 0.999)},
            {u"cpu_p50_us"_s, percentile(cpuUs, 0.50)},
            {u"cpu_p99_us"_s, percentile(cpuUs, 0.99)},
            {u"cpu_p999_us"_s, percentile(cpuUs, 0.999)},
            {u"cpu_p99_us_by_lines"_s, p99ByLines},
            {u"quality_orders"_s, qualityOrders},
            {u"quality_compared"_s, compared},
            {u"quality_exact_share"_s, double(exactCount) / double(std::max<qint64>(1, compared))},
            {u"router_total_cost"_s, double(costRouter) / 100.0},
            {u"greedy_total_cost"_s, double(costGreedy) / 100.0},
            {u"router_shipments_per_order"_s,
             double(shipmentsRouter) / double(std::max<qint64>(1, compared))},
            {u"greedy_shipments_per_order"_s,
             double(shipmentsGreedy) / double(std::max<qint64>(1, compared))},
            {u"router_split_rate"_s, double(splitsRouter) / double(std::max<qint64>(1, compared))},
            {u"greedy_split_rate"_s, double(splitsGreedy) / double(std::max<qint64>(1, compared))},
            {u"cost_saved_percent"_s,
             100.0 * double(costGreedy - costRouter) / double(std::max<qint64>(1, costGreedy))},
            {u"splits_removed_percent"_s,
             100.0 * double(splitsGreedy - splitsRouter) / double(std::max<qint64>(1, splitsGreedy))},
            {u"by_lines"_s, byLineCount},
            {u"checksum"_s, checksum},
        };
        std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputs("\n", stdout);
        return 0;
    } catch (const Error& e) {
        std::fprintf(stderr, "bench_route: %s\n", e.what());
        return 1;
    }
}
