// Routing quality in two comparisons, printed as one JSON object.
//
// 1. "split_penalty": the router against the nearest-location rule (routeGreedy) on bench_route's world
// (RouteWorld.h: 1,000 locations, 100,000 SKUs) and its first 10,000 orders, each against the same stock,
// with the default rule set at split penalties from 0 to 50.00, the cost model's default among them, in this
// run. For each: % cost saved against greedy (orders both route in full), shipments per order, and the split
// rates of both (share of those orders shipped in more than one parcel). "default" repeats the default
// penalty's row and says whether the router splits no more often than greedy does.
//
// 2. "optimum": on the same world, orders of 1-5, 6-10 and 11-16 lines (default rule set: lowest total cost,
// split penalty 40.00, no shipment limit, ship complete), the router and the greedy rule against the optimum
// of the router's own objective (cost + split penalty per extra shipment). The reference is an integer
// programme solved by GLPK, built from the network, the stock and the cost model alone (OptimumReference.h),
// not from the router; orders it does not prove optimal within its time limit are left out and counted. For
// each bucket and each of router and greedy (orders both route in full): the share at the optimum, the mean
// and the worst % of objective above it; and how many router decisions fall below the reference (0 unless one
// of them is wrong).
//
// 3. Joint optimisation against sequential routing when stock is scarce (docs/routing.md, "Routing
// runs: joint optimisation").
//
// A generated network of 1,000 locations in the continental United States (100 DCs, 900 stores, every other
// store ships), default rules (lowest total cost, split allowed, ship complete, hold). The orders (10,000 by
// default, 1 to 3 lines of 1 or 2 units, shipped to random points) come in batches (100 by default), each
// over its own 60 scarce SKUs stocked at 4 random locations with 1 to 4 units: every line has few sources and
// many SKUs run out, so which order gets a unit matters. Each batch is routed twice over the same stock:
// route() one order after the other through a RunInventory (sequential), and optimizeBatch() (joint, GLPK
// under a time limit, seeded with the sequential assignment). Printed as JSON: for each side the total cost,
// cost per filled unit, shipments per order, unfilled units and complete orders; the joint/sequential ratios
// of the same run; the solver's time per batch and how many batches it proved optimal.
//   bench_route_quality [orders [batch [time_limit_s [locations]]]]
#include "OptimumReference.h"
#include "RouteWorld.h"
#include "sourcing/BatchOptimizer.h"
#include "sourcing/IndexStockLevels.h"
#include "sourcing/Router.h"
#include "sourcing/RoutingNetwork.h"
#include "sourcing/SnapshotInventory.h"

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

namespace {

constexpr std::uint64_t seed = 20261201;
constexpr int skusPerBatch = 60;
constexpr int locationsPerSku = 4;

double uniform(std::mt19937_64& random, double low, double high) {
    return low + (high - low) * double(random() >> 11) / double(1ULL << 53);
}

GeoPoint usPoint(std::mt19937_64& random) {
    return {uniform(random, 29.0, 47.0), uniform(random, -122.0, -72.0)};
}

RoutingNetwork generateNetwork(std::mt19937_64& random, int count) {
    std::vector<NetworkLocation> locations;
    for (int l = 0; l < count; ++l) {
        NetworkLocation n;
        const bool dc = l < count / 10;
        n.location.id = l + 1;
        n.location.code = (dc ? u"DC-%1"_s : u"ST-%1"_s).arg(l, 4, 10, QChar(u'0'));
        n.location.name = n.location.code;
        n.location.type = dc ? LocationType::Dc : LocationType::Store;
        n.location.position = usPoint(random);
        n.location.ships = dc || l % 2 == 0;
        n.location.pickup = !dc;
        n.capacityLeft = -1;
        locations.push_back(std::move(n));
    }
    return RoutingNetwork(std::move(locations));
}

struct Totals {
    qint64 cost = 0;
    qint64 shipments = 0;
    qint64 ordersWithShipments = 0;
    qint64 completeOrders = 0;
    qint64 filled = 0;
    qint64 unfilled = 0;

    void add(const BatchFigures& f) {
        cost += f.totalCostMinor;
        shipments += f.shipments;
        ordersWithShipments += f.ordersWithShipments;
        completeOrders += f.completeOrders;
        filled += f.filledUnits;
        unfilled += f.unfilledUnits;
    }
    double shipmentsPerOrder() const {
        return ordersWithShipments ? double(shipments) / ordersWithShipments : 0;
    }
    double costPerUnit() const { return filled ? double(cost) / 100.0 / double(filled) : 0; }
    QJsonObject toJson() const {
        return QJsonObject{{u"total_cost"_s, double(cost) / 100.0},
                           {u"cost_per_filled_unit"_s, costPerUnit()},
                           {u"shipments"_s, shipments},
                           {u"shipments_per_order"_s, shipmentsPerOrder()},
                           {u"filled_units"_s, filled},
                           {u"unfilled_units"_s, unfilled},
                           {u"complete_orders"_s, completeOrders}};
    }
};

double ratio(double a, double b) {
    return b != 0 ? a / b : 0.0;
}

// Router against greedy at each penalty, over the same orders and stock (nothing taken).
QJsonObject splitPenaltyComparison(int orderCount, int locationCount) {
    constexpr int skuCount = 100'000;
    std::mt19937_64 random(bench::seed);
    bench::World world = bench::generate(random, skuCount, locationCount);
    const InventoryIndex index(world.locations, world.skus, world.positions, Segmentation{});
    world = bench::World{};
    const IndexStockLevels view(index);
    const RoutingNetwork network = networkFromIndex(index);
    const QList<Order> orders = bench::orders(random, orderCount, skuCount);
    const RoutingContext context{bench::nowMs, {}, {}};
    const RuleSet defaults = RuleSet::defaults();

    struct Greedy {
        bool routed = false;
        qint64 cost = 0;
        qsizetype shipments = 0;
    };
    std::vector<Greedy> greedy;
    greedy.reserve(size_t(orders.size()));
    for (const Order& o : orders) {
        const Decision g = routeGreedy(o, defaults, view, network, context);
        greedy.push_back({g.outcome == RoutingOutcome::Routed, g.totalCostMinor, g.shipments.size()});
    }

    QJsonArray rows;
    QJsonObject atDefault;
    const QList<qint64> penalties{0, 500, 1000, 2000, 3000, CostModel::defaultSplitPenaltyMinor, 5000};
    for (const qint64 penalty : penalties) {
        RuleSet rules = defaults;
        rules.costs.splitPenaltyMinor = penalty;
        qint64 compared = 0, costRouter = 0, costGreedy = 0, shipmentsRouter = 0, shipmentsGreedy = 0;
        qint64 splitsRouter = 0, splitsGreedy = 0;
        for (qsizetype i = 0; i < orders.size(); ++i) {
            const Decision d = route(orders[i], rules, view, network, context);
            const Greedy& g = greedy[size_t(i)];
            if (d.outcome != RoutingOutcome::Routed || !g.routed)
                continue;
            ++compared;
            costRouter += d.totalCostMinor;
            costGreedy += g.cost;
            shipmentsRouter += d.shipments.size();
            shipmentsGreedy += g.shipments;
            splitsRouter += d.shipments.size() > 1 ? 1 : 0;
            splitsGreedy += g.shipments > 1 ? 1 : 0;
        }
        const double n = double(std::max<qint64>(1, compared));
        const QJsonObject row{
            {u"split_penalty"_s, double(penalty) / 100.0},
            {u"compared"_s, compared},
            {u"router_total_cost"_s, double(costRouter) / 100.0},
            {u"greedy_total_cost"_s, double(costGreedy) / 100.0},
            {u"cost_saved_percent"_s,
             100.0 * double(costGreedy - costRouter) / double(std::max<qint64>(1, costGreedy))},
            {u"router_split_rate"_s, double(splitsRouter) / n},
            {u"greedy_split_rate"_s, double(splitsGreedy) / n},
            {u"router_shipments_per_order"_s, double(shipmentsRouter) / n},
            {u"greedy_shipments_per_order"_s, double(shipmentsGreedy) / n},
            {u"router_splits_no_more_than_greedy"_s, splitsRouter <= splitsGreedy},
        };
        rows.append(row);
        if (penalty == CostModel::defaultSplitPenaltyMinor)
            atDefault = row;
    }
    return QJsonObject{{u"orders"_s, orderCount},
                       {u"locations"_s, locationCount},
                       {u"skus"_s, skuCount},
                       {u"default"_s, atDefault},
                       {u"by_penalty"_s, rows}};
}

// Router and greedy against the proven optimum, by number of lines.
QJsonObject optimumComparison(int perBucket, int locationCount) {
    constexpr int skuCount = 100'000;
    std::mt19937_64 random(bench::seed);
    bench::World world = bench::generate(random, skuCount, locationCount);
    const InventoryIndex index(world.locations, world.skus, world.positions, Segmentation{});
    world = bench::World{};
    const IndexStockLevels view(index);
    const RoutingNetwork network = networkFromIndex(index);
    const RoutingContext context{bench::nowMs, {}, {}};
    const RuleSet rules = RuleSet::defaults();
    const double penalty = double(rules.costs.splitPenaltyMinor) / 100.0;
    QJsonObject buckets;
    for (const auto& [low, high] : {std::pair{1, 5}, std::pair{6, 10}, std::pair{11, 16}}) {
        std::mt19937_64 drawn(bench::seed + 100 + std::uint64_t(low));
        const QList<Order> orders = bench::orders(drawn, perBucket, skuCount, low, high);
        struct Side {
            qint64 atOptimum = 0;
            double above = 0.0;
            double worst = 0.0;
        } router, greedy;
        qint64 compared = 0, unproven = 0, below = 0, exact = 0;
        double solveSeconds = 0.0, solveWorst = 0.0;
        auto count = [](Side& side, double objective, double optimum) {
            const double above = 100.0 * (objective - optimum) / optimum;
            side.atOptimum += objective <= optimum + 1e-6 ? 1 : 0;
            side.above += std::max(0.0, above);
            side.worst = std::max(side.worst, above);
        };
        for (const Order& o : orders) {
            const bench::Optimum optimum = bench::solveOptimum(o, rules, view, network, bench::nowMs, 10.0);
            solveSeconds += optimum.seconds;
            solveWorst = std::max(solveWorst, optimum.seconds);
            const Decision d = route(o, rules, view, network, context);
            const Decision g = routeGreedy(o, rules, view, network, context);
            if (!optimum.solved) {
                unproven += optimum.feasible ? 1 : 0;
                continue;
            }
            if (d.outcome != RoutingOutcome::Routed || g.outcome != RoutingOutcome::Routed)
                continue;
            ++compared;
            exact += d.exact ? 1 : 0;
            below += d.objective < optimum.objective - 1e-6 ? 1 : 0;
            count(router, d.objective, optimum.objective);
            count(greedy, double(g.totalCostMinor) / 100.0 + penalty * double(g.shipments.size() - 1),
                  optimum.objective);
        }
        const double c = double(std::max<qint64>(1, compared));
        auto side = [&](const Side& s) {
            return QJsonObject{{u"share_at_optimum"_s, double(s.atOptimum) / c},
                               {u"mean_percent_above"_s, s.above / c},
                               {u"worst_percent_above"_s, s.worst}};
        };
        buckets.insert(u"%1-%2"_s.arg(low).arg(high),
                       QJsonObject{{u"orders"_s, perBucket},
                                   {u"compared"_s, compared},
                                   {u"not_proven_by_reference"_s, unproven},
                                   {u"router_exact_share"_s, double(exact) / c},
                                   {u"router_below_reference"_s, below},
                                   {u"router"_s, side(router)},
                                   {u"greedy"_s, side(greedy)},
                                   {u"reference_seconds_mean"_s, solveSeconds / double(perBucket)},
                                   {u"reference_seconds_max"_s, solveWorst}});
    }
    return QJsonObject{{u"locations"_s, locationCount},
                       {u"reference"_s, u"GLPK integer programme (OptimumReference.h)"_s},
                       {u"by_lines"_s, buckets}};
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int orderCount = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int batchSize = argc > 2 ? std::atoi(argv[2]) : 100;
    const double timeLimit = argc > 3 ? std::atof(argv[3]) : 10.0;
    const int locationCount = argc > 4 ? std::atoi(argv[4]) : 1000;
    if (orderCount < 1 || batchSize < 1 || timeLimit <= 0 || locationCount < 10) {
        std::fprintf(stderr, "usage: bench_route_quality [orders [batch [time_limit_s [locations]]]]\n");
        return 2;
    }
    QElapsedTimer penaltyWall;
    penaltyWall.start();
    QJsonObject penaltyComparison = splitPenaltyComparison(orderCount, locationCount);
    penaltyComparison.insert(u"wall_seconds"_s, penaltyWall.elapsed() / 1000.0);
    QElapsedTimer optimumWall;
    optimumWall.start();
    QJsonObject optimum = optimumComparison(std::max(1, std::min(orderCount, 300)), locationCount);
    optimum.insert(u"wall_seconds"_s, optimumWall.elapsed() / 1000.0);

    std::mt19937_64 random(seed);
    const RoutingNetwork network = generateNetwork(random, locationCount);
    std::vector<int> shipping;
    for (int l = 0; l < network.size(); ++l)
        if (network.at(l).location.ships)
            shipping.push_back(l);

    BatchOptions options;
    options.timeLimitSeconds = timeLimit;
    RoutingContext context;
    context.nowMs = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    Totals sequential, joint;
    std::vector<double> solveSeconds;
    int batches = 0, jointBatches = 0, optimalBatches = 0;
    qint64 variables = 0, constraints = 0;
    QElapsedTimer wall;
    wall.start();
    for (int first = 0; first < orderCount; first += batchSize, ++batches) {
        const int size = std::min(batchSize, orderCount - first);
        QList<SnapshotInventory::Row> rows;
        for (int s = 0; s < skusPerBatch; ++s)
            for (int k = 0; k < locationsPerSku; ++k)
                rows.append({u"B%1-S%2"_s.arg(batches).arg(s), shipping[size_t(random() % shipping.size())],
                             qint64(1 + random() % 4)});
        const SnapshotInventory stock(rows);
        QList<Order> orders;
        for (int o = 0; o < size; ++o) {
            Order order;
            order.id = first + o + 1;
            order.orderNumber = u"W-%1"_s.arg(order.id);
            order.status = OrderStatus::Validated;
            order.currency = u"USD"_s;
            order.shipTo.country = u"US"_s;
            order.shipTo.position = usPoint(random);
            const int lines = 1 + int(random() % 3);
            for (int k = 0; k < lines; ++k) {
                OrderLine line;
                line.lineNo = k + 1;
                line.skuCode = u"B%1-S%2"_s.arg(batches).arg(random() % skusPerBatch);
                line.quantity = 1 + int(random() % 2);
                line.unitPrice = Money{2500, u"USD"_s};
                line.status = OrderStatus::Validated;
                order.lines << line;
            }
            orders << order;
        }
        const BatchResult result =
            optimizeBatch(orders, RuleSet::defaults(), stock, network, context, options);
        sequential.add(result.sequentialFigures);
        joint.add(result.figures);
        solveSeconds.push_back(result.solveSeconds);
        jointBatches += result.method == BatchResult::Method::Joint ? 1 : 0;
        optimalBatches += result.provenOptimal ? 1 : 0;
        variables += result.variables;
        constraints += result.constraints;
    }
    std::vector<double> sorted = solveSeconds;
    std::sort(sorted.begin(), sorted.end());
    double total = 0;
    for (double s : solveSeconds)
        total += s;
    const QJsonObject out{
        {u"split_penalty"_s, penaltyComparison},
        {u"optimum"_s, optimum},
        {u"benchmark"_s, u"route_quality_joint_vs_sequential"_s},
        {u"orders"_s, orderCount},
        {u"batch_size"_s, batchSize},
        {u"batches"_s, batches},
        {u"locations"_s, locationCount},
        {u"scarce_skus_per_batch"_s, skusPerBatch},
        {u"time_limit_s"_s, timeLimit},
        {u"sequential"_s, sequential.toJson()},
        {u"joint"_s, joint.toJson()},
        {u"ratios_joint_over_sequential"_s,
         QJsonObject{
             {u"total_cost"_s, ratio(double(joint.cost), double(sequential.cost))},
             {u"cost_per_filled_unit"_s, ratio(joint.costPerUnit(), sequential.costPerUnit())},
             {u"shipments_per_order"_s, ratio(joint.shipmentsPerOrder(), sequential.shipmentsPerOrder())},
             {u"filled_units"_s, ratio(double(joint.filled), double(sequential.filled))},
             {u"unfilled_units"_s, ratio(double(joint.unfilled), double(sequential.unfilled))}}},
        {u"unfilled_units_saved"_s, sequential.unfilled - joint.unfilled},
        {u"solver"_s, QJsonObject{{u"batches_joint_kept"_s, jointBatches},
                                  {u"batches_proven_optimal"_s, optimalBatches},
                                  {u"mean_variables"_s, double(variables) / batches},
                                  {u"mean_constraints"_s, double(constraints) / batches},
                                  {u"solve_seconds_total"_s, total},
                                  {u"solve_seconds_mean"_s, total / batches},
                                  {u"solve_seconds_p50"_s, sorted[sorted.size() / 2]},
                                  {u"solve_seconds_max"_s, sorted.back()}}},
        {u"wall_seconds"_s, wall.elapsed() / 1000.0},
    };
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return 0;
}
