// Orders past the exact search's range (17 to 30 lines): the integer programme's time and gap, beside the
// bounded search alone on the same orders in the same run.
//
// World: bench_route's (RouteWorld.h), 1,000 locations by default and 5,000 SKUs, each order's lines drawn
// as there. Every order is routed twice against the same stock (nothing taken): with the integer programme
// switched off (RoutingContext::integerTimeLimitMs = 0, the bounded search alone) and with the default time
// limit (200 ms). Reported per band of lines: decisions, wall time per decision (p50, p99), the share proven
// optimal, the share within the time limit with a gap (mean and worst gap), the share left to the bounded
// search (no integer answer in time), and the mean score saved against the bounded search.
//   bench_route_large [orders [locations [timeLimitMs]]]
#include "Error.h"
#include "RouteWorld.h"
#include "inventory/InventoryIndex.h"
#include "sourcing/IndexStockLevels.h"
#include "sourcing/Router.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace Qt::StringLiterals;
using namespace ordo;
using namespace ordo::bench;

namespace {

struct Band {
    Band(int first, int last)
        : from(first)
        , to(last) {}
    int from = 0;
    int to = 0;
    std::vector<double> ms;
    int decisions = 0;
    int proven = 0;
    int withGap = 0;
    int heuristic = 0;
    double gapSum = 0.0;
    double gapWorst = 0.0;
    double savedPercentSum = 0.0;
    int compared = 0;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int orderCount = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 150;
    const int locations = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 1'000;
    const int timeLimitMs = argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 200;
    const int skus = 5'000;
    if (orderCount < 1 || locations < 1 || timeLimitMs < 1) {
        std::fprintf(stderr, "usage: bench_route_large [orders [locations [timeLimitMs]]]\n");
        return 2;
    }
    try {
        std::mt19937_64 random(seed);
        World world = generate(random, skus, locations);
        const InventoryIndex index(world.locations, world.skus, world.positions, Segmentation{});
        world = World{};
        const IndexStockLevels view(index);
        const RoutingNetwork network = networkFromIndex(index);
        const RuleSet rules = RuleSet::defaults();
        // Orders of 17 to 30 lines: bench_route's draw, lines added until the count is reached.
        QList<Order> batch = orders(random, orderCount, skus);
        for (Order& o : batch) {
            const int lines = 17 + int(random() % 14);
            while (o.lines.size() < lines) {
                const QList<Order> more = orders(random, 1, skus);
                for (OrderLine line : more.first().lines)
                    if (o.lines.size() < lines) {
                        line.lineNo = int(o.lines.size()) + 1;
                        o.lines << line;
                    }
            }
        }
        RoutingContext bounded;
        bounded.nowMs = nowMs;
        bounded.integerTimeLimitMs = 0;
        RoutingContext integer;
        integer.nowMs = nowMs;
        integer.integerTimeLimitMs = timeLimitMs;

        Band bands[] = {{17, 20}, {21, 25}, {26, 30}};
        std::vector<double> boundedMs;
        QElapsedTimer clock;
        for (const Order& o : batch) {
            clock.restart();
            const Decision b = route(o, rules, view, network, bounded);
            boundedMs.push_back(double(clock.nsecsElapsed()) / 1e6);
            clock.restart();
            const Decision d = route(o, rules, view, network, integer);
            const double ms = double(clock.nsecsElapsed()) / 1e6;
            Band& band = *std::find_if(std::begin(bands), std::end(bands),
                                       [&](const Band& x) { return o.lines.size() <= x.to; });
            if (d.shipments.isEmpty())
                continue;
            band.ms.push_back(ms);
            ++band.decisions;
            if (d.method == SearchMethod::IntegerProgramme && d.exact)
                ++band.proven;
            else if (d.method == SearchMethod::IntegerProgramme && d.gap) {
                ++band.withGap;
                band.gapSum += *d.gap;
                band.gapWorst = std::max(band.gapWorst, *d.gap);
            } else
                ++band.heuristic;
            if (!b.shipments.isEmpty() && b.unfilled.size() == d.unfilled.size() && b.objective > 0) {
                ++band.compared;
                band.savedPercentSum += 100.0 * (b.objective - d.objective) / b.objective;
            }
        }
        QJsonArray out;
        for (const Band& band : bands) {
            const double n = std::max(1, band.decisions);
            out.append(QJsonObject{
                {u"lines"_s, u"%1-%2"_s.arg(band.from).arg(band.to)},
                {u"decisions"_s, band.decisions},
                {u"ms_p50"_s, percentile(band.ms, 0.5)},
                {u"ms_p99"_s, percentile(band.ms, 0.99)},
                {u"proven_optimal_pct"_s, 100.0 * band.proven / n},
                {u"stopped_with_gap_pct"_s, 100.0 * band.withGap / n},
                {u"gap_mean_pct"_s, band.withGap ? 100.0 * band.gapSum / band.withGap : 0.0},
                {u"gap_worst_pct"_s, 100.0 * band.gapWorst},
                {u"bounded_search_only_pct"_s, 100.0 * band.heuristic / n},
                {u"score_saved_vs_bounded_pct"_s, band.compared ? band.savedPercentSum / band.compared : 0.0},
            });
        }
        const QJsonObject report{
            {u"orders"_s, orderCount},
            {u"locations"_s, locations},
            {u"time_limit_ms"_s, timeLimitMs},
            {u"bounded_search_ms_p50"_s, percentile(boundedMs, 0.5)},
            {u"bounded_search_ms_p99"_s, percentile(boundedMs, 0.99)},
            {u"by_lines"_s, out},
        };
        std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Indented).constData());
    } catch (const Error& e) {
        std::fprintf(stderr, "bench_route_large: %s\n", qPrintable(e.message()));
        return 1;
    }
    return 0;
}
