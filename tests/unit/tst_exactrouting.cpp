// route() is exact up to exactLineLimit lines: on hundreds of seeded random worlds (6 to 12 lines, and 1 to
// 5, over 10 to 40 locations, 1 to 3 units a line, some SKUs on two lines, sparse stock) every decision
// equals an enumeration written here, independently of the router: every assignment of each line to a
// location that ships and holds its units (or, shipping what is available, to none), the stock of lines
// sharing a SKU checked together, the objective the sum of each shipment's weighted criteria (cost model, km
// / 100, transit days, 1 per shipment, minus the days of cover left) plus the split penalty per shipment
// after the first. Asserted per decision: the outcome, the objective (within 1e-9), the shipments, the
// location of every line (ties resolved as better() says: most lines filled, objective, fewest shipments,
// then the lines' location codes in line order), and the runner-up (the best other assignment filling as many
// lines): its objective and locations. Strategies with and without a shipment limit, one location only, ship
// available, split penalties, mixed and tied weights, inventory balance.
//
// The enumeration walks the lines in order, each to every option; it leaves a branch only when its partial
// objective (shipments opened so far, scores never negative) is already beyond the second best found with as
// many lines filled as it could still reach: nothing it skips could enter the best two.
#include "RoutingWorld.h"
#include "sourcing/Router.h"
#include "sourcing/RoutingProblem.h"
#include "sourcing/SnapshotInventory.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace Qt::StringLiterals;
using namespace ordo;
using namespace ordo::test;

namespace {

struct World {
    std::vector<NetworkLocation> locations;
    QList<SnapshotInventory::Row> stock;
    Order order;
};

const LocationType types[] = {LocationType::Dc, LocationType::Store, LocationType::ThirdPartyLogistics,
                              LocationType::Dropship};

World randomWorld(std::mt19937_64& random, int lines, int locationCount, int stockPercent, int deepPercent) {
    auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * double(random() % 1000000) / 1e6; };
    World w;
    // Codes in another order than the network's ids, so that the code tie-break is not the id order.
    std::vector<int> numbers(static_cast<size_t>(locationCount));
    for (int l = 0; l < locationCount; ++l)
        numbers[size_t(l)] = l;
    std::shuffle(numbers.begin(), numbers.end(), random);
    for (int l = 0; l < locationCount; ++l)
        w.locations.push_back(networkLocation(u"L%1"_s.arg(numbers[size_t(l)], 2, 10, QChar(u'0')),
                                              types[random() % 4], uniform(30, 45), uniform(-110, -75),
                                              random() % 10 != 0));
    QList<OrderLine> orderLines;
    QStringList skus;
    for (int i = 0; i < lines; ++i) {
        // About one line in five repeats the SKU of an earlier line.
        const QString sku =
            i > 0 && random() % 5 == 0 ? orderLines[int(random() % quint64(i))].skuCode : u"S%1"_s.arg(i);
        orderLines << orderLine(i + 1, sku, 1 + int(random() % 3));
        if (!skus.contains(sku))
            skus << sku;
    }
    // One to three deep locations hold most SKUs (a DC), the others a few.
    const int deep = 1 + int(random() % 3);
    for (const QString& sku : std::as_const(skus))
        for (int l = 0; l < locationCount; ++l)
            if (int(random() % 100) < (l < deep ? deepPercent : stockPercent))
                w.stock << SnapshotInventory::Row{sku, l, qint64(1 + random() % 6)};
    w.order = shipOrder(orderLines, uniform(30, 45), uniform(-110, -75));
    return w;
}

struct Weights {
    double cost = 1.0;
    double distance = 0.0;
    double transit = 0.0;
    double shipments = 0.0;
    double balance = 0.0;
};

// One assignment: the location of each line (-1: unfilled) with its figures.
struct Found {
    std::vector<int> at;
    double objective = 0.0;
    int shipments = 0;
    int filled = 0;
    bool valid = false;
};

// The exhaustive reference, knowing nothing of the router but the cost model and distanceKm().
class Enumeration {
public:
    Enumeration(const World& w, const RuleSet& rules, const Weights& weights, int maxShipments,
                bool shipAvailable)
        : m_w(w)
        , m_weights(weights)
        , m_maxShipments(maxShipments)
        , m_shipAvailable(shipAvailable)
        , m_n(int(w.order.lines.size()))
        , m_locations(int(w.locations.size())) {
        m_penalty = weights.cost * double(rules.costs.splitPenaltyMinor) / 100.0;
        for (const OrderLine& line : w.order.lines)
            if (!m_skus.contains(line.skuCode))
                m_skus << line.skuCode;
        m_stock.assign(size_t(m_locations * m_skus.size()), 0);
        for (const SnapshotInventory::Row& row : w.stock)
            m_stock[size_t(row.location * m_skus.size() + m_skus.indexOf(row.skuCode))] += row.available;
        for (int l = 0; l < m_locations; ++l) {
            const Location& loc = w.locations[size_t(l)].location;
            const double km = distanceKm(loc.position, *w.order.shipTo.position);
            m_fixed.push_back(weights.cost * double(rules.costs.shipmentCostMinor(loc.type, km)) / 100.0 +
                              weights.distance * km / 100.0 +
                              weights.transit * (1.0 + std::floor(km / 800.0)) + weights.shipments);
        }
        m_used.assign(m_stock.size(), 0);
        m_linesAt.assign(size_t(m_locations), 0);
        m_at.assign(size_t(m_n), -1);
        walk(0, 0, 0.0, 0);
    }

    const Found& best() const { return m_best; }
    const Found& second() const { return m_second; }
    const QString& code(int l) const { return m_w.locations[size_t(l)].location.code; }

    // better() as documented: more lines filled, lower objective, fewer shipments, the lines' location codes.
    bool before(const Found& a, const Found& b) const {
        if (!b.valid)
            return a.valid;
        if (!a.valid)
            return false;
        if (a.filled != b.filled)
            return a.filled > b.filled;
        if (std::abs(a.objective - b.objective) > routing::objectiveEpsilon)
            return a.objective < b.objective;
        if (a.shipments != b.shipments)
            return a.shipments < b.shipments;
        for (int i = 0; i < m_n; ++i)
            if (a.at[size_t(i)] != b.at[size_t(i)]) {
                if (a.at[size_t(i)] < 0 || b.at[size_t(i)] < 0)
                    return b.at[size_t(i)] < 0;
                return code(a.at[size_t(i)]) < code(b.at[size_t(i)]);
            }
        return false;
    }

private:
    int slot(int line) const { return int(m_skus.indexOf(m_w.order.lines[line].skuCode)); }

    double objective() const {
        double total = 0.0;
        int shipments = 0;
        for (int l = 0; l < m_locations; ++l) {
            if (!m_linesAt[size_t(l)])
                continue;
            total += m_fixed[size_t(l)] + (shipments++ > 0 ? m_penalty : 0.0);
            if (m_weights.balance == 0.0)
                continue;
            double lowest = 365.0;
            for (int s = 0; s < int(m_skus.size()); ++s) {
                const qint64 taken = m_used[size_t(l * m_skus.size() + s)];
                if (taken > 0)
                    lowest = std::min(lowest,
                                      std::min(365.0, double(m_stock[size_t(l * m_skus.size() + s)] - taken) /
                                                          double(taken)));
            }
            total -= m_weights.balance * lowest;
        }
        return total;
    }

    void offer(const Found& f) {
        if (before(f, m_best)) {
            m_second = m_best;
            m_best = f;
        } else if (before(f, m_second)) {
            m_second = f;
        }
    }

    void walk(int i, int filled, double partial, int open) {
        if (m_maxShipments > 0 && open > m_maxShipments)
            return;
        // Cut only what cannot enter the best two: fewer lines than the second fills, or (scores never
        // negative without inventory balance) an objective already beyond it.
        if (m_second.valid) {
            const int reach = filled + (m_n - i);
            if (reach < m_second.filled)
                return;
            if (reach == m_second.filled && m_weights.balance == 0.0 &&
                partial > m_second.objective + routing::objectiveEpsilon)
                return;
        }
        if (i == m_n) {
            if (filled == 0)
                return;
            Found f;
            f.at = m_at;
            f.objective = objective();
            f.shipments = open;
            f.filled = filled;
            f.valid = true;
            offer(f);
            return;
        }
        const OrderLine& line = m_w.order.lines[i];
        const int s = slot(i);
        for (int l = 0; l < m_locations; ++l) {
            qint64& used = m_used[size_t(l * m_skus.size() + s)];
            if (!m_w.locations[size_t(l)].location.ships ||
                used + line.quantity > m_stock[size_t(l * m_skus.size() + s)])
                continue;
            const bool opens = m_linesAt[size_t(l)]++ == 0;
            used += line.quantity;
            m_at[size_t(i)] = l;
            walk(i + 1, filled + 1,
                 partial + (opens ? m_fixed[size_t(l)] + (open > 0 ? m_penalty : 0.0) : 0.0),
                 open + (opens ? 1 : 0));
            m_at[size_t(i)] = -1;
            used -= line.quantity;
            --m_linesAt[size_t(l)];
        }
        if (m_shipAvailable)
            walk(i + 1, filled, partial, open);
    }

    const World& m_w;
    Weights m_weights;
    int m_maxShipments;
    bool m_shipAvailable;
    int m_n;
    int m_locations;
    double m_penalty = 0.0;
    QStringList m_skus;
    std::vector<qint64> m_stock; // [location * skus + sku]
    std::vector<double> m_fixed; // weighted criteria of a shipment that depend on the location alone
    std::vector<qint64> m_used;
    std::vector<int> m_linesAt;
    std::vector<int> m_at;
    Found m_best;
    Found m_second;
};

// The location (network id) of each line in a list of shipments, -1 for a line in none.
std::vector<int> locationsOf(const QList<Shipment>& shipments, const Order& order,
                             const RoutingNetwork& network) {
    std::vector<int> at(size_t(order.lines.size()), -1);
    for (const Shipment& s : shipments)
        for (const ShipmentLine& line : s.lines)
            at[size_t(line.lineNo - 1)] = network.indexOf(s.locationCode);
    return at;
}

QString text(const std::vector<int>& at, const Enumeration& e) {
    QStringList parts;
    for (const int l : at)
        parts << (l < 0 ? u"-"_s : e.code(l));
    return parts.join(u' ');
}

} // namespace

class TestExactRouting : public QObject {
    Q_OBJECT

private slots:
    void equalsEnumeration_data() {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("worlds");
        QTest::addColumn<int>("minLines");
        QTest::addColumn<int>("maxLines");
        QTest::addColumn<QString>("weights");  // cost | mixed | ties | balance
        QTest::addColumn<int>("maxShipments"); // -1: 1 to 3 at random; 0: no limit
        QTest::addColumn<bool>("single");
        QTest::addColumn<bool>("shipAvailable");
        QTest::addColumn<bool>("penalty"); // a random split penalty from 0.00 to 19.99
        QTest::newRow("cost, 6-12 lines")
            << quint64(11) << 120 << 6 << 12 << u"cost"_s << 0 << false << false << false;
        QTest::newRow("cost and split penalty, 6-12 lines")
            << quint64(12) << 120 << 6 << 12 << u"cost"_s << 0 << false << false << true;
        QTest::newRow("at most 1-3 shipments, 6-12 lines")
            << quint64(13) << 100 << 6 << 12 << u"cost"_s << -1 << false << false << true;
        QTest::newRow("one location only, 6-8 lines")
            << quint64(14) << 200 << 6 << 8 << u"cost"_s << 0 << true << false << false;
        QTest::newRow("one location only, ship available, 6-12 lines")
            << quint64(21) << 100 << 6 << 12 << u"cost"_s << 0 << true << true << false;
        QTest::newRow("ship available, 6-12 lines")
            << quint64(15) << 100 << 6 << 12 << u"cost"_s << 0 << false << true << true;
        QTest::newRow("ship available, at most 1-3 shipments, 6-10 lines")
            << quint64(16) << 100 << 6 << 10 << u"cost"_s << -1 << false << true << false;
        QTest::newRow("mixed weights, 6-10 lines")
            << quint64(17) << 100 << 6 << 10 << u"mixed"_s << 0 << false << false << true;
        QTest::newRow("tied scores, 6-9 lines")
            << quint64(18) << 100 << 6 << 9 << u"ties"_s << 0 << false << false << false;
        QTest::newRow("inventory balance, 6-8 lines")
            << quint64(19) << 80 << 6 << 8 << u"balance"_s << 0 << false << false << true;
        QTest::newRow("1-5 lines, every policy")
            << quint64(20) << 200 << 1 << 5 << u"mixed"_s << -1 << false << true << true;
    }

    void equalsEnumeration() {
        QFETCH(quint64, seed);
        QFETCH(int, worlds);
        QFETCH(int, minLines);
        QFETCH(int, maxLines);
        QFETCH(QString, weights);
        QFETCH(int, maxShipments);
        QFETCH(bool, single);
        QFETCH(bool, shipAvailable);
        QFETCH(bool, penalty);
        std::mt19937_64 random(seed);
        int routed = 0, split = 0, partial = 0, held = 0, runnersUp = 0, tiedRunnersUp = 0;
        for (int k = 0; k < worlds; ++k) {
            const int lines = minLines + int(random() % quint64(maxLines - minLines + 1));
            const int locationCount = 10 + int(random() % 31);
            // Sparser stock for more lines and locations keeps the enumeration short.
            const int stockPercent = std::max(6, 40 - 2 * lines - locationCount / 3);
            const World w =
                randomWorld(random, lines, locationCount, stockPercent, single && !shipAvailable ? 95 : 70);
            RuleSet rules = RuleSet::defaults();
            rules.costs.splitPenaltyMinor = penalty ? qint64(random() % 2000) : 0;
            Strategy& s = rules.strategies.first();
            Weights wt;
            if (weights == u"mixed"_s)
                wt = Weights{double(1 + random() % 2), double(random() % 3) * 0.5, double(random() % 2),
                             double(random() % 3), 0.0};
            else if (weights == u"ties"_s) // the same score everywhere but for the transit days
                wt = Weights{0.0, 0.0, double(random() % 2), 1.0, 0.0};
            else if (weights == u"balance"_s)
                wt = Weights{1.0, 0.0, 0.0, 0.0, 0.01 * double(1 + random() % 5)};
            s.ranking = {CriterionWeight{Criterion::TotalCost, wt.cost},
                         CriterionWeight{Criterion::Distance, wt.distance},
                         CriterionWeight{Criterion::TransitDays, wt.transit},
                         CriterionWeight{Criterion::FewestShipments, wt.shipments},
                         CriterionWeight{Criterion::InventoryBalance, wt.balance}};
            const int limit = single ? 1 : maxShipments < 0 ? 1 + int(random() % 3) : maxShipments;
            s.split.mode = single ? SplitPolicy::Mode::SingleLocation : SplitPolicy::Mode::Split;
            s.split.maxShipments = single ? 0 : limit;
            s.split.shortage =
                shipAvailable ? SplitPolicy::Shortage::ShipAvailable : SplitPolicy::Shortage::ShipComplete;

            const RoutingNetwork network(w.locations);
            const SnapshotInventory inventory(w.stock);
            const Decision d = route(w.order, rules, inventory, network);
            const Enumeration e(w, rules, wt, limit, shipAvailable);
            const QString where = u"world %1 (seed %2): %3 lines, %4 locations, limit %5"_s.arg(k)
                                      .arg(seed)
                                      .arg(lines)
                                      .arg(locationCount)
                                      .arg(limit);
            const Found& best = e.best();
            if (!best.valid) {
                QVERIFY2(d.outcome == RoutingOutcome::Held, qPrintable(where));
                ++held;
                continue;
            }
            const bool complete = best.filled == lines;
            QVERIFY2(d.outcome == (complete ? RoutingOutcome::Routed : RoutingOutcome::Partial),
                     qPrintable(where + u": "_s + d.reason));
            QVERIFY2(d.exact, qPrintable(where));
            QVERIFY2(std::abs(d.objective - best.objective) <= 1e-9,
                     qPrintable(where + u": objective %1, enumeration %2"_s.arg(d.objective, 0, 'f', 12)
                                            .arg(best.objective, 0, 'f', 12)));
            QVERIFY2(int(d.shipments.size()) == best.shipments, qPrintable(where));
            const std::vector<int> chosen = locationsOf(d.shipments, w.order, network);
            QVERIFY2(
                chosen == best.at,
                qPrintable(where + u": chose "_s + text(chosen, e) + u", enumeration "_s + text(best.at, e) +
                           u" (objective %1, %2 shipments; runner-up %3 %4)"_s.arg(best.objective)
                               .arg(best.shipments)
                               .arg(d.runnerUp ? text(locationsOf(d.runnerUp->shipments, w.order, network), e)
                                               : u"none"_s)
                               .arg(d.runnerUp ? d.runnerUp->objective : 0.0)));
            // The runner-up: the best other assignment filling as many lines, when there is one.
            const Found& second = e.second();
            if (second.valid && second.filled == best.filled) {
                QVERIFY2(d.runnerUp.has_value(), qPrintable(where + u": no runner-up"_s));
                QVERIFY2(std::abs(d.runnerUp->objective - second.objective) <= 1e-9,
                         qPrintable(where + u": runner-up objective %1, enumeration %2"_s
                                                .arg(d.runnerUp->objective, 0, 'f', 12)
                                                .arg(second.objective, 0, 'f', 12)));
                const std::vector<int> other = locationsOf(d.runnerUp->shipments, w.order, network);
                QVERIFY2(other == second.at, qPrintable(where + u": runner-up "_s + text(other, e) +
                                                        u", enumeration "_s + text(second.at, e)));
                ++runnersUp;
                tiedRunnersUp += std::abs(second.objective - best.objective) <= 1e-9 ? 1 : 0;
            } else {
                QVERIFY2(!d.runnerUp.has_value(), qPrintable(where + u": a runner-up filling fewer lines"_s));
            }
            ++routed;
            partial += complete ? 0 : 1;
            split += d.shipments.size() > 1 ? 1 : 0;
        }
        // The worlds exercise what they should: many route (most without a shipment limit), some split, some
        // cannot be routed.
        QVERIFY(routed > worlds / (single ? 10 : maxShipments != 0 ? 5 : 2));
        QVERIFY(single || split > worlds / 10);
        QVERIFY(held > 0 || shipAvailable);
        QVERIFY(shipAvailable ? partial > worlds / 20 : partial == 0);
        QVERIFY(runnersUp > (single ? 0 : routed / 2));
        qInfo("%d worlds: %d routed (%d split, %d partial), %d held; %d runners-up (%d tied)", worlds, routed,
              split, partial, held, runnersUp, tiedRunnersUp);
    }
};

QTEST_GUILESS_MAIN(TestExactRouting)
#include "tst_exactrouting.moc"
