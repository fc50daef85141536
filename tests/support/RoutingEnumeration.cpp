#include "RoutingEnumeration.h"

#include "model/GeoPoint.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo::test {

namespace {

const LocationType types[] = {LocationType::Dc, LocationType::Store, LocationType::ThirdPartyLogistics,
                              LocationType::Dropship};

} // namespace

RoutingCase randomRoutingCase(std::mt19937_64& random, int lines, int locations, int skus, int stockPercent,
                              int depth, int codeDigits) {
    auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * double(random() % 1000000) / 1e6; };
    RoutingCase c;
    for (int l = 0; l < locations; ++l)
        c.locations.push_back(networkLocation(u"L%1"_s.arg(l, codeDigits, 10, QChar(u'0')),
                                              types[random() % 4], uniform(25, 49), uniform(-124, -67),
                                              random() % 10 != 0));
    for (int s = 0; s < skus; ++s)
        for (int l = 0; l < locations; ++l)
            if (int(random() % 100) < stockPercent)
                c.stock << SnapshotInventory::Row{u"S%1"_s.arg(s), l, qint64(1 + random() % 8) * depth};
    QList<OrderLine> orderLines;
    for (int i = 0; i < lines; ++i)
        orderLines << orderLine(i + 1, u"S%1"_s.arg(random() % quint64(skus)), 1 + int(random() % 4));
    c.order = shipOrder(orderLines, uniform(25, 49), uniform(-124, -67));
    return c;
}

EnumerationBest enumerateBest(const RoutingCase& c, const RuleSet& rules, const EnumerationWeights& w,
                              int maxShipments, bool shipAvailable) {
    const double penalty = w.cost * double(rules.costs.splitPenaltyMinor) / 100.0;
    const int n = int(c.order.lines.size());
    const int L = int(c.locations.size());
    QList<QString> skuCodes;
    for (const OrderLine& line : c.order.lines)
        if (!skuCodes.contains(line.skuCode))
            skuCodes << line.skuCode;
    const int S = int(skuCodes.size());
    std::vector<qint64> stock(static_cast<size_t>(L * S), 0);
    for (const SnapshotInventory::Row& row : c.stock)
        if (const qsizetype s = skuCodes.indexOf(row.skuCode); s >= 0)
            stock[size_t(row.location * S + int(s))] += row.available;
    std::vector<double> shipmentScore(static_cast<size_t>(L));
    for (int l = 0; l < L; ++l) {
        const Location& loc = c.locations[size_t(l)].location;
        const double km = distanceKm(loc.position, *c.order.shipTo.position);
        shipmentScore[size_t(l)] = w.cost * double(rules.costs.shipmentCostMinor(loc.type, km)) / 100.0 +
                                   w.distance * km / 100.0 + w.transit * (1.0 + std::floor(km / 800.0)) +
                                   w.shipments;
    }
    std::vector<std::vector<int>> options(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const int s = int(skuCodes.indexOf(c.order.lines[i].skuCode));
        for (int l = 0; l < L; ++l)
            if (c.locations[size_t(l)].location.ships &&
                stock[size_t(l * S + s)] >= c.order.lines[i].quantity)
                options[size_t(i)].push_back(l);
        if (shipAvailable)
            options[size_t(i)].push_back(-1); // left unfilled
        if (options[size_t(i)].empty())
            return {};
    }
    EnumerationBest best;
    std::vector<int> pick(static_cast<size_t>(n), 0);
    std::vector<qint64> used(static_cast<size_t>(L * S), 0);
    std::vector<int> lineCount(static_cast<size_t>(L), 0);
    while (true) {
        std::fill(used.begin(), used.end(), 0);
        std::fill(lineCount.begin(), lineCount.end(), 0);
        bool fits = true;
        double objective = 0.0;
        int shipments = 0;
        int filled = 0;
        for (int i = 0; i < n && fits; ++i) {
            const int l = options[size_t(i)][size_t(pick[size_t(i)])];
            if (l < 0)
                continue;
            ++filled;
            const int s = int(skuCodes.indexOf(c.order.lines[i].skuCode));
            used[size_t(l * S + s)] += c.order.lines[i].quantity;
            fits = used[size_t(l * S + s)] <= stock[size_t(l * S + s)];
            if (lineCount[size_t(l)]++ == 0) {
                objective += shipmentScore[size_t(l)] + (shipments > 0 ? penalty : 0.0);
                ++shipments;
            }
        }
        // More lines filled first, then the objective, then fewer shipments.
        if (fits && filled > 0 && (maxShipments == 0 || shipments <= maxShipments)) {
            if (!best.found || filled > best.filled ||
                (filled == best.filled &&
                 (objective < best.objective - 1e-9 ||
                  (objective <= best.objective + 1e-9 && shipments < best.shipments)))) {
                best.objective = objective;
                best.shipments = shipments;
                best.filled = filled;
                best.found = true;
            }
        }
        int i = 0;
        while (i < n && ++pick[size_t(i)] == int(options[size_t(i)].size()))
            pick[size_t(i++)] = 0;
        if (i == n)
            break;
    }
    return best;
}

} // namespace ordo::test
