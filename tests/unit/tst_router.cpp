// route() and routeGreedy() on a small world whose costs are computed by hand (default cost model, ship-to in
// New York at 40.71, -74.01):
//   DC-EAST  dc     40.00, -75.00    115.194 km ->  515   ships            groups EAST
//   DC-WEST  dc     37.00, -120.00  3958.198 km -> 4358   ships            groups WEST
//   ST-BOS   store  42.36, -71.06    306.486 km ->  968   pickup only      groups EAST
//   ST-NYC   store  40.75, -73.99      4.756 km ->  606   ships, pickup    groups EAST
//   TP-MID   3pl    39.00, -95.00   1797.459 km -> 2247   ships
// Stock: SKU-A DC-EAST 10, DC-WEST 50, ST-BOS 5, ST-NYC 2, TP-MID 20; SKU-B DC-WEST 10, ST-NYC 3, TP-MID 5;
//        SKU-C DC-WEST 4.
#include "RoutingWorld.h"
#include "sourcing/Router.h"
#include "sourcing/RunInventory.h"
#include "sourcing/SnapshotInventory.h"
#include "sourcing/StrategyMatcher.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;
using namespace ordo::test;

namespace {

enum Loc { DcEast, DcWest, StBos, StNyc, TpMid };

const qint64 nowMs = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

std::vector<NetworkLocation> locations() {
    return {networkLocation(u"DC-EAST"_s, LocationType::Dc, 40.0, -75.0, true, false, {u"EAST"_s}),
            networkLocation(u"DC-WEST"_s, LocationType::Dc, 37.0, -120.0, true, false, {u"WEST"_s}),
            networkLocation(u"ST-BOS"_s, LocationType::Store, 42.36, -71.06, false, true, {u"EAST"_s}),
            networkLocation(u"ST-NYC"_s, LocationType::Store, 40.75, -73.99, true, true, {u"EAST"_s}),
            networkLocation(u"TP-MID"_s, LocationType::ThirdPartyLogistics, 39.0, -95.0, true, false)};
}

SnapshotInventory stock() {
    return SnapshotInventory({{u"SKU-A"_s, DcEast, 10},
                              {u"SKU-A"_s, DcWest, 50},
                              {u"SKU-A"_s, StBos, 5},
                              {u"SKU-A"_s, StNyc, 2},
                              {u"SKU-A"_s, TpMid, 20},
                              {u"SKU-B"_s, DcWest, 10},
                              {u"SKU-B"_s, StNyc, 3},
                              {u"SKU-B"_s, TpMid, 5},
                              {u"SKU-C"_s, DcWest, 4}});
}

Order order(const QList<OrderLine>& lines) {
    Order o = shipOrder(lines, 40.71, -74.01);
    o.orderedAt = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).addDays(-1);
    return o;
}

// The costs in the table above are shipment costs alone: no split penalty (splitPenalty() adds one).
RuleSet rulesWith(const Strategy& strategy) {
    RuleSet rules = RuleSet::defaults();
    rules.version = 7;
    rules.strategies = {strategy};
    rules.costs.splitPenaltyMinor = 0;
    return rules;
}

QStringList groupReasons(const Decision& d) {
    QStringList reasons;
    for (const NotConsidered& g : d.notConsidered)
        reasons << g.reason;
    return reasons;
}

Strategy defaultStrategy() {
    return RuleSet::defaults().strategies.first();
}

// "DC-EAST:1,2 ST-NYC:3" - each shipment's location and line numbers.
QString shipmentsText(const QList<Shipment>& shipments) {
    QStringList parts;
    for (const Shipment& s : shipments) {
        QStringList lines;
        for (const ShipmentLine& l : s.lines)
            lines << QString::number(l.lineNo);
        parts << s.locationCode + u':' + lines.join(u',');
    }
    return parts.join(u' ');
}

const CandidateLocation* candidate(const Decision& d, const QString& code) {
    for (const CandidateLocation& c : d.candidates)
        if (c.locationCode == code)
            return &c;
    return nullptr;
}

const FilterVerdict* verdict(const CandidateLocation& c, const QString& filter) {
    for (const FilterVerdict& v : c.filters)
        if (v.filter == filter)
            return &v;
    return nullptr;
}

} // namespace

Q_DECLARE_METATYPE(ordo::Strategy)
Q_DECLARE_METATYPE(ordo::Order)

class TestRouter : public QObject {
    Q_OBJECT

private slots:
    void routesCheapest_data() {
        QTest::addColumn<QList<OrderLine>>("lines");
        QTest::addColumn<QString>("shipments");
        QTest::addColumn<qint64>("cost");
        QTest::newRow("one line: DC-EAST 515 beats ST-NYC 606")
            << QList<OrderLine>{orderLine(1, u"SKU-A"_s, 1)} << u"DC-EAST:1"_s << qint64(515);
        QTest::newRow("A+B: ST-NYC alone 606 beats DC-EAST + ST-NYC 1121")
            << QList<OrderLine>{orderLine(1, u"SKU-A"_s, 1), orderLine(2, u"SKU-B"_s, 1)} << u"ST-NYC:1,2"_s
            << qint64(606);
        QTest::newRow("3 A + B: split 515 + 606 beats TP-MID 2247")
            << QList<OrderLine>{orderLine(1, u"SKU-A"_s, 3), orderLine(2, u"SKU-B"_s, 1)}
            << u"DC-EAST:1 ST-NYC:2"_s << qint64(1121);
        QTest::newRow("same SKU twice: 6 + 6 A fit DC-EAST's 10 one by one, not together")
            << QList<OrderLine>{orderLine(1, u"SKU-A"_s, 6), orderLine(2, u"SKU-A"_s, 6)} << u"TP-MID:1,2"_s
            << qint64(2247);
        QTest::newRow("C only at DC-WEST: all there 4358 beats split")
            << QList<OrderLine>{orderLine(1, u"SKU-A"_s, 1), orderLine(2, u"SKU-C"_s, 1)} << u"DC-WEST:1,2"_s
            << qint64(4358);
    }

    void routesCheapest() {
        QFETCH(QList<OrderLine>, lines);
        QFETCH(QString, shipments);
        QFETCH(qint64, cost);
        const RoutingNetwork network(locations());
        const SnapshotInventory inventory = stock();
        const Decision d =
            route(order(lines), rulesWith(defaultStrategy()), inventory, network, {nowMs, {}, {}});
        QCOMPARE(d.outcome, RoutingOutcome::Routed);
        QCOMPARE(shipmentsText(d.shipments), shipments);
        QCOMPARE(d.totalCostMinor, cost);
        QCOMPARE(d.objective, double(cost) / 100.0);
        QVERIFY(d.exact);
        QCOMPARE(d.ruleVersion, 7);
        QCOMPARE(d.strategy, u"Lowest total cost"_s);
        QCOMPARE(d.decidedAtMs, nowMs);
        for (const Shipment& s : d.shipments)
            QVERIFY(candidate(d, s.locationCode) && candidate(d, s.locationCode)->chosen);
    }

    void explainsDecision() {
        const RoutingNetwork network(locations());
        const SnapshotInventory inventory = stock();
        const Decision d = route(order({orderLine(1, u"SKU-A"_s, 1), orderLine(2, u"SKU-B"_s, 1)}),
                                 rulesWith(defaultStrategy()), inventory, network, {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), u"ST-NYC:1,2"_s);
        QCOMPARE(d.shipments.first().costMinor, 606);
        QVERIFY(qAbs(d.shipments.first().distanceKm - 4.7564) < 1e-3);
        // Runner-up: DC-EAST for A (515) + ST-NYC for B (606).
        QVERIFY(d.runnerUp);
        QCOMPARE(shipmentsText(d.runnerUp->shipments), u"DC-EAST:1 ST-NYC:2"_s);
        QCOMPARE(d.runnerUp->totalCostMinor, 1121);
        QCOMPARE(d.runnerUp->why, u"1 more shipment(s), 5.15 dearer"_s);
        // Every location holding a line's SKU is a candidate.
        QCOMPARE(d.candidates.size(), 5);
        const CandidateLocation* nyc = candidate(d, u"ST-NYC"_s);
        QVERIFY(nyc->chosen && nyc->eligible && nyc->notChosen.isEmpty());
        QCOMPARE(nyc->coverableLines, (QList<int>{1, 2}));
        QCOMPARE(nyc->scores.size(), 1);
        QCOMPARE(nyc->scores.first().criterion, Criterion::TotalCost);
        QCOMPARE(nyc->scores.first().value, 6.06);
        const CandidateLocation* west = candidate(d, u"DC-WEST"_s);
        QVERIFY(!west->chosen && west->eligible);
        QCOMPARE(west->notChosen,
                 u"the whole order from here costs 43.58, 37.52 more than the chosen routing"_s);
        const CandidateLocation* east = candidate(d, u"DC-EAST"_s);
        QCOMPARE(east->coverableLines, QList<int>{1});
        QCOMPARE(east->notChosen,
                 u"covers only line(s) 1 of 2; a shipment of them from here would cost 5.15"_s);
        const CandidateLocation* bos = candidate(d, u"ST-BOS"_s);
        QVERIFY(!bos->eligible);
        QCOMPARE(bos->notChosen, u"fails ships (does not ship parcels)"_s);
        QCOMPARE(d.strategies.size(), 1);
        QVERIFY(d.strategies.first().applied);
    }

    void filters_data() {
        QTest::addColumn<Strategy>("strategy");
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<QString>("judged"); // location whose verdict is checked
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("capacityOfEast");

        Strategy s = defaultStrategy();
        QTest::newRow("no filter set")
            << s << u"DC-EAST"_s << u"ST-BOS"_s << u"ships"_s << false << u"does not ship parcels"_s << -1;
        s = defaultStrategy();
        s.filters.types = {LocationType::Dc};
        QTest::newRow("type dc: store fails")
            << s << u"DC-EAST"_s << u"ST-NYC"_s << u"type"_s << false << u"store"_s << -1;
        QTest::newRow("type dc: dc passes")
            << s << u"DC-EAST"_s << u"DC-WEST"_s << u"type"_s << true << u"dc"_s << -1;
        s = defaultStrategy();
        s.filters.groups = {u"WEST"_s};
        QTest::newRow("group WEST") << s << u"DC-WEST"_s << u"DC-EAST"_s << u"group"_s << false
                                    << u"group EAST"_s << -1;
        QTest::newRow("no group") << s << u"DC-WEST"_s << u"TP-MID"_s << u"group"_s << false << u"no group"_s
                                  << -1;
        s = defaultStrategy();
        s.filters.maxDistanceKm = 100;
        QTest::newRow("max distance 100 km")
            << s << u"ST-NYC"_s << u"DC-EAST"_s << u"max_distance"_s << false << u"115 km > 100 km"_s << -1;
        QTest::newRow("max distance passes")
            << s << u"ST-NYC"_s << u"ST-NYC"_s << u"max_distance"_s << true << u"5 km <= 100 km"_s << -1;
        s = defaultStrategy();
        QTest::newRow("no capacity left")
            << s << u"ST-NYC"_s << u"DC-EAST"_s << u"capacity"_s << false << u"none left today"_s << 0;
        QTest::newRow("capacity left")
            << s << u"DC-EAST"_s << u"DC-EAST"_s << u"capacity"_s << true << u"3 left today"_s << 3;
        s.filters.requireCapacity = false;
        QTest::newRow("capacity not required")
            << s << u"DC-EAST"_s << u"DC-EAST"_s << u"stock"_s << true << u"covers 1 of 1 line(s)"_s << 0;
        s = defaultStrategy();
        s.filters.excludedLocations = {u"DC-EAST"_s};
        QTest::newRow("excluded") << s << u"ST-NYC"_s << u"DC-EAST"_s << u"excluded"_s << false
                                  << u"excluded by the strategy"_s << -1;
        s = defaultStrategy();
        s.filters.minAtpAfterSafety = 10;
        // DC-EAST 10 - 1 = 9 < 10; TP-MID 20 - 1 = 19 (2247) beats DC-WEST (4358).
        QTest::newRow("min ATP 10") << s << u"TP-MID"_s << u"DC-EAST"_s << u"min_atp"_s << false
                                    << u"1 line(s) would leave less than 10"_s << -1;
        QTest::newRow("min ATP passes")
            << s << u"TP-MID"_s << u"TP-MID"_s << u"min_atp"_s << true << u"keeps at least 10"_s << -1;
        s = defaultStrategy();
        s.filters.requireShipping = false;
        QTest::newRow("shipping not required: ST-BOS may ship")
            << s << u"DC-EAST"_s << u"ST-BOS"_s << u"stock"_s << true << u"covers 1 of 1 line(s)"_s << -1;
    }

    void filters() {
        QFETCH(Strategy, strategy);
        QFETCH(QString, chosen);
        QFETCH(QString, judged);
        QFETCH(QString, filter);
        QFETCH(bool, passed);
        QFETCH(QString, value);
        QFETCH(int, capacityOfEast);
        std::vector<NetworkLocation> locs = locations();
        locs[DcEast].capacityLeft = capacityOfEast;
        const RoutingNetwork network(std::move(locs));
        const SnapshotInventory inventory = stock();
        const Decision d = route(order({orderLine(1, u"SKU-A"_s, 1)}), rulesWith(strategy), inventory,
                                 network, {nowMs, {}, {}});
        QCOMPARE(d.outcome, RoutingOutcome::Routed);
        QCOMPARE(shipmentsText(d.shipments), chosen + u":1"_s);
        const CandidateLocation* c = candidate(d, judged);
        QVERIFY(c);
        const FilterVerdict* v = verdict(*c, filter);
        QVERIFY2(v, qPrintable(u"no verdict %1"_s.arg(filter)));
        QCOMPARE(v->passed, passed);
        QCOMPARE(v->value, value);
        if (!passed) {
            QVERIFY(!c->eligible);
            QVERIFY(c->notChosen.startsWith(u"fails "_s));
            QVERIFY(c->notChosen.contains(value));
        }
    }

    void conditions_data() {
        QTest::addColumn<Order>("order");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<QString>("reason");
        const Order base = order({orderLine(1, u"SKU-A"_s, 2)}); // web, ship, priority 0, 20.00, US
        QTest::newRow("base") << base << true << QString();
        Order o = base;
        o.channel = Channel::Pos;
        QTest::newRow("channel") << o << false << u"channel pos not in [web, app]"_s;
        o = base;
        o.delivery = DeliveryMethod::Pickup;
        QTest::newRow("delivery") << o << false << u"delivery pickup, not ship"_s;
        o = base;
        o.priority = -1;
        QTest::newRow("priority") << o << false << u"priority -1 below 0"_s;
        o = base;
        o.lines = {orderLine(1, u"SKU-A"_s, 1)};
        QTest::newRow("value below") << o << false << u"order value 10.00 below 15.00"_s;
        o.lines = {orderLine(1, u"SKU-A"_s, 6)};
        QTest::newRow("value above") << o << false << u"order value 60.00 above 50.00"_s;
        o = base;
        o.shipTo.country = u"CA"_s;
        QTest::newRow("country") << o << false << u"country CA not in [US]"_s;
        o = base;
        o.shipTo.region = u"NJ"_s;
        QTest::newRow("region") << o << false << u"region NJ not in [NY, MA]"_s;
        o = base;
        o.lines = {orderLine(1, u"SKU-B"_s, 2)};
        QTest::newRow("sku tag") << o << false << u"no line's SKU is tagged [fragile]"_s;
    }

    void conditions() {
        QFETCH(Order, order);
        QFETCH(bool, matches);
        QFETCH(QString, reason);
        StrategyConditions when;
        when.channels = {Channel::Web, Channel::App};
        when.delivery = DeliveryMethod::Ship;
        when.minPriority = 0;
        when.minOrderValueMinor = 1500;
        when.maxOrderValueMinor = 5000;
        when.countries = {u"US"_s};
        when.regions = {u"NY"_s, u"MA"_s};
        when.skuTags = {u"fragile"_s};
        RoutingNetwork network(locations());
        network.setSkuTags({{u"SKU-A"_s, {u"glass"_s, u"fragile"_s}}});
        if (order.shipTo.region.isEmpty())
            order.shipTo.region = u"NY"_s;
        QString why;
        QCOMPARE(strategyMatches(when, order, network, &why), matches);
        QCOMPARE(why, reason);
        QVERIFY(strategyMatches(StrategyConditions{}, order, network));
    }

    void splitPolicy_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("maxShipments");
        QTest::addColumn<int>("shortage");
        QTest::addColumn<QList<OrderLine>>("lines");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("shipments");
        QTest::addColumn<QString>("unfilled");
        const int split = int(SplitPolicy::Mode::Split);
        const int single = int(SplitPolicy::Mode::SingleLocation);
        const int complete = int(SplitPolicy::Shortage::ShipComplete);
        const int available = int(SplitPolicy::Shortage::ShipAvailable);
        const QList<OrderLine> threeAB{orderLine(1, u"SKU-A"_s, 3), orderLine(2, u"SKU-B"_s, 1)};
        const QList<OrderLine> threeAC{orderLine(1, u"SKU-A"_s, 3), orderLine(2, u"SKU-C"_s, 1)};
        QTest::newRow("split, no limit") << split << 0 << complete << threeAB << int(RoutingOutcome::Routed)
                                         << u"DC-EAST:1 ST-NYC:2"_s << QString();
        QTest::newRow("split, at most 2") << split << 2 << complete << threeAB << int(RoutingOutcome::Routed)
                                          << u"DC-EAST:1 ST-NYC:2"_s << QString();
        QTest::newRow("split, at most 1") << split << 1 << complete << threeAB << int(RoutingOutcome::Routed)
                                          << u"TP-MID:1,2"_s << QString();
        QTest::newRow("single location") << single << 0 << complete << threeAB << int(RoutingOutcome::Routed)
                                         << u"TP-MID:1,2"_s << QString();
        // DC-WEST excluded: nobody has SKU-C.
        QTest::newRow("ship complete holds")
            << split << 0 << complete << threeAC << int(RoutingOutcome::Held) << QString() << u"1,2"_s;
        QTest::newRow("ship available: partial")
            << split << 0 << available << threeAC << int(RoutingOutcome::Partial) << u"DC-EAST:1"_s << u"2"_s;
    }

    void splitPolicy() {
        QFETCH(int, mode);
        QFETCH(int, maxShipments);
        QFETCH(int, shortage);
        QFETCH(QList<OrderLine>, lines);
        QFETCH(int, outcome);
        QFETCH(QString, shipments);
        QFETCH(QString, unfilled);
        Strategy s = defaultStrategy();
        s.split = SplitPolicy{SplitPolicy::Mode(mode), maxShipments, SplitPolicy::Shortage(shortage)};
        s.filters.excludedLocations = {u"DC-WEST"_s};
        const RoutingNetwork network(locations());
        const SnapshotInventory inventory = stock();
        const Decision d = route(order(lines), rulesWith(s), inventory, network, {nowMs, {}, {}});
        QCOMPARE(int(d.outcome), outcome);
        QCOMPARE(shipmentsText(d.shipments), shipments);
        QStringList unfilledLines;
        for (const ShipmentLine& l : d.unfilled)
            unfilledLines << QString::number(l.lineNo);
        QCOMPARE(unfilledLines.join(u','), unfilled);
        if (d.outcome == RoutingOutcome::Held)
            QCOMPARE(d.reason, u"no eligible location covers line 2 (SKU-C x 1); held"_s);
    }

    void fallbacks_data() {
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("cancelAfterDays");
        QTest::addColumn<int>("waitedDays");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("reason");
        using A = Fallback::Action;
        const QString cannot = u"no location has line 2's units (SKU-Z x 1)"_s;
        QTest::newRow("next strategy, then none")
            << int(A::NextStrategy) << 0 << 1 << int(RoutingOutcome::Unfillable)
            << u"no strategy could route the order: "_s + cannot;
        QTest::newRow("hold") << int(A::Hold) << 0 << 1 << int(RoutingOutcome::Held) << cannot + u"; held"_s;
        QTest::newRow("backorder") << int(A::Backorder) << 0 << 1 << int(RoutingOutcome::Backordered)
                                   << cannot + u"; backordered"_s;
        QTest::newRow("cancel after 3 days, waited 2")
            << int(A::Cancel) << 3 << 2 << int(RoutingOutcome::Held)
            << cannot + u"; held: waited 2.0 days, cancelled after 3"_s;
        QTest::newRow("cancel after 3 days, waited 3")
            << int(A::Cancel) << 3 << 3 << int(RoutingOutcome::Cancelled)
            << cannot + u"; cancelled: waited 3.0 days, limit 3"_s;
        QTest::newRow("cancel after 3 days, waited 5")
            << int(A::Cancel) << 3 << 5 << int(RoutingOutcome::Cancelled)
            << cannot + u"; cancelled: waited 5.0 days, limit 3"_s;
    }

    void fallbacks() {
        QFETCH(int, action);
        QFETCH(int, cancelAfterDays);
        QFETCH(int, waitedDays);
        QFETCH(int, outcome);
        QFETCH(QString, reason);
        Strategy s = defaultStrategy();
        s.name = u"First"_s;
        s.fallback = Fallback{Fallback::Action(action), cancelAfterDays};
        const RoutingNetwork network(locations());
        const SnapshotInventory inventory = stock();
        Order o = order({orderLine(1, u"SKU-A"_s, 1), orderLine(2, u"SKU-Z"_s, 1)});
        o.orderedAt = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).addDays(-waitedDays);
        const Decision d = route(o, rulesWith(s), inventory, network, {nowMs, {}, {}});
        QCOMPARE(int(d.outcome), outcome);
        QCOMPARE(d.reason, reason);
        QVERIFY(d.shipments.isEmpty());
        QCOMPARE(d.unfilled.size(), 2);
        QCOMPARE(d.strategies.size(), 1);
        QCOMPARE(d.strategies.first().applied, Fallback::Action(action) != Fallback::Action::NextStrategy);
        QVERIFY(!d.candidates.isEmpty()); // the explanation still lists where the stock is
    }

    void strategiesInOrder() {
        Strategy stores = defaultStrategy();
        stores.name = u"Stores for POS"_s;
        stores.when.channels = {Channel::Pos};
        Strategy local = defaultStrategy();
        local.name = u"Local only"_s;
        local.filters.maxDistanceKm = 50;
        local.fallback.action = Fallback::Action::NextStrategy;
        Strategy anywhere = defaultStrategy();
        anywhere.name = u"Anywhere"_s;
        RuleSet rules = rulesWith(stores);
        rules.strategies << local << anywhere;
        const RoutingNetwork network(locations());
        const SnapshotInventory inventory = stock();
        // SKU-C is only at DC-WEST: the local strategy cannot route it.
        const Decision d =
            route(order({orderLine(1, u"SKU-C"_s, 1)}), rules, inventory, network, {nowMs, {}, {}});
        QCOMPARE(d.outcome, RoutingOutcome::Routed);
        QCOMPARE(d.strategy, u"Anywhere"_s);
        QCOMPARE(d.strategies.size(), 3);
        QCOMPARE(d.strategies[0].reason, u"conditions: channel web not in [pos]"_s);
        QVERIFY(!d.strategies[0].applied);
        QCOMPARE(d.strategies[1].reason, u"no eligible location covers line 1 (SKU-C x 1); next strategy"_s);
        QVERIFY(!d.strategies[1].applied);
        QVERIFY(d.strategies[2].applied);
        QCOMPARE(shipmentsText(d.shipments), u"DC-WEST:1"_s);

        RuleSet none = rulesWith(stores);
        const Decision n =
            route(order({orderLine(1, u"SKU-A"_s, 1)}), none, inventory, network, {nowMs, {}, {}});
        QCOMPARE(n.outcome, RoutingOutcome::Unfillable);
        QCOMPARE(n.reason, u"no strategy applies to the order"_s);
        QVERIFY(n.strategy.isEmpty());
    }

    void reroute() {
        const RoutingNetwork network(locations());
        const SnapshotInventory inventory = stock();
        const Order o = order({orderLine(1, u"SKU-A"_s, 1), orderLine(2, u"SKU-B"_s, 1)});
        const RuleSet rules = rulesWith(defaultStrategy());
        // ST-NYC rejected: TP-MID alone (2247) beats DC-EAST + TP-MID (2762) and DC-WEST (4358).
        RoutingContext rejected{nowMs, {u"ST-NYC"_s}, {}};
        Decision d = route(o, rules, inventory, network, rejected);
        QCOMPARE(shipmentsText(d.shipments), u"TP-MID:1,2"_s);
        const CandidateLocation* nyc = candidate(d, u"ST-NYC"_s);
        QVERIFY(!nyc->eligible);
        QCOMPARE(verdict(*nyc, u"rejected"_s)->value, u"rejected a line of this order"_s);
        // Only line 2 again.
        d = route(o, rules, inventory, network, RoutingContext{nowMs, {}, {2}});
        QCOMPARE(shipmentsText(d.shipments), u"ST-NYC:2"_s);
        QCOMPARE(d.totalCostMinor, 606);
        d = route(o, rules, inventory, network, RoutingContext{nowMs, {u"ST-NYC"_s}, {2}});
        QCOMPARE(shipmentsText(d.shipments), u"TP-MID:2"_s);
        // Lines already routed are not routed again unless named.
        Order routed = o;
        routed.lines[0].status = OrderStatus::Routed;
        d = route(routed, rules, inventory, network, {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), u"ST-NYC:2"_s);
    }

    void tieBreaking() {
        // Two DCs at the same place with the same stock: the lower code wins; the other is the runner-up.
        const RoutingNetwork twins({networkLocation(u"DC-B"_s, LocationType::Dc, 40.0, -75.0),
                                    networkLocation(u"DC-A"_s, LocationType::Dc, 40.0, -75.0)});
        const SnapshotInventory both({{u"SKU-A"_s, 0, 5}, {u"SKU-A"_s, 1, 5}});
        Decision d = route(order({orderLine(1, u"SKU-A"_s, 1)}), rulesWith(defaultStrategy()), both, twins,
                           {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), u"DC-A:1"_s);
        QCOMPARE(shipmentsText(d.runnerUp->shipments), u"DC-B:1"_s);
        QCOMPARE(d.runnerUp->why, u"ties on score; loses on location code"_s);
        QCOMPARE(candidate(d, u"DC-B"_s)->notChosen,
                 u"ties with the chosen location on score; loses on location code"_s);

        // Every assignment scores 0 (priority list empty): the fewest shipments win, then the lowest code.
        Strategy s = defaultStrategy();
        s.ranking = {CriterionWeight{Criterion::LocationPriority, 1.0}};
        const RoutingNetwork network(locations());
        const SnapshotInventory inventory = stock();
        d = route(order({orderLine(1, u"SKU-A"_s, 1), orderLine(2, u"SKU-B"_s, 1)}), rulesWith(s), inventory,
                  network, {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), u"DC-WEST:1,2"_s);
        QCOMPARE(d.objective, 0.0);
        // With a priority list the listed location wins even at a higher cost.
        RuleSet rules = rulesWith(s);
        rules.locationPriority = {u"TP-MID"_s, u"ST-NYC"_s};
        d = route(order({orderLine(1, u"SKU-A"_s, 1), orderLine(2, u"SKU-B"_s, 1)}), rules, inventory,
                  network, {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), u"TP-MID:1,2"_s);
        QCOMPARE(d.totalCostMinor, 2247);
    }

    void criteria() {
        // Distance x 1 + transit days x 2 for ST-NYC (4.756 km): 0.04756 + 2 x 1.
        Strategy s = defaultStrategy();
        s.ranking = {CriterionWeight{Criterion::Distance, 1.0}, CriterionWeight{Criterion::TransitDays, 2.0}};
        const RoutingNetwork network(locations());
        const SnapshotInventory inventory = stock();
        const Decision d =
            route(order({orderLine(1, u"SKU-A"_s, 1)}), rulesWith(s), inventory, network, {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), u"ST-NYC:1"_s);
        const CandidateLocation* nyc = candidate(d, u"ST-NYC"_s);
        QCOMPARE(nyc->scores.size(), 2);
        QVERIFY(qAbs(nyc->scores[0].value - 0.047564) < 1e-5);
        QCOMPARE(nyc->scores[1].value, 1.0);
        QCOMPARE(nyc->scores[1].score, 2.0);
        // DC-WEST: 3958 km -> 1 + floor(3958 / 800) = 5 transit days.
        const CandidateLocation* west = candidate(d, u"DC-WEST"_s);
        QCOMPARE(west->scores[1].value, 5.0);
        // Inventory balance: DC-WEST keeps 49 of 50 A after 1 (49 days of cover, capped at 365), the deepest.
        s.ranking = {CriterionWeight{Criterion::InventoryBalance, 1.0}};
        const Decision b =
            route(order({orderLine(1, u"SKU-A"_s, 1)}), rulesWith(s), inventory, network, {nowMs, {}, {}});
        QCOMPARE(shipmentsText(b.shipments), u"DC-WEST:1"_s);
        QCOMPARE(b.objective, -49.0);
    }

    void pickup() {
        const RoutingNetwork network(locations());
        const SnapshotInventory inventory = stock();
        Order o = order({orderLine(1, u"SKU-A"_s, 1)});
        o.delivery = DeliveryMethod::Pickup;
        o.pickupLocationCode = u"ST-BOS"_s;
        Decision d = route(o, rulesWith(defaultStrategy()), inventory, network, {nowMs, {}, {}});
        QCOMPARE(d.outcome, RoutingOutcome::Routed);
        QCOMPARE(shipmentsText(d.shipments), u"ST-BOS:1"_s);
        QCOMPARE(d.totalCostMinor, 0);
        // ST-BOS has no SKU-B: held unless the strategy allows the nearest pickup location with stock.
        o.lines = {orderLine(1, u"SKU-B"_s, 1)};
        d = route(o, rulesWith(defaultStrategy()), inventory, network, {nowMs, {}, {}});
        QCOMPARE(d.outcome, RoutingOutcome::Held);
        QCOMPARE(verdict(*candidate(d, u"ST-NYC"_s), u"pickup"_s)->value,
                 u"not the order's pickup location"_s);
        Strategy nearest = defaultStrategy();
        nearest.nearestPickupAllowed = true;
        d = route(o, rulesWith(nearest), inventory, network, {nowMs, {}, {}});
        QCOMPARE(d.outcome, RoutingOutcome::Routed);
        QCOMPARE(shipmentsText(d.shipments), u"ST-NYC:1"_s);
        QCOMPARE(d.totalCostMinor, 0);
        QVERIFY(!candidate(d, u"DC-WEST"_s)->eligible); // does not hand over pickups
    }

    void runInventoryAndCapacity() {
        RoutingNetwork network(locations());
        const SnapshotInventory inventory = stock();
        RunInventory run(inventory);
        const RuleSet rules = rulesWith(defaultStrategy());
        const Order o = order({orderLine(1, u"SKU-A"_s, 9)});
        Decision d = route(o, rules, run, network, {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), u"DC-EAST:1"_s);
        run.take(inventory.skuIndex(u"SKU-A"_s), DcEast, 9);
        QCOMPARE(run.taken(inventory.skuIndex(u"SKU-A"_s), DcEast), 9);
        // 1 left at DC-EAST: the next order of 9 goes to TP-MID.
        d = route(o, rules, run, network, {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), u"TP-MID:1"_s);
        std::vector<StockLevels::Stocked> stocked;
        run.stocked(inventory.skuIndex(u"SKU-A"_s), 0, 0, nowMs, stocked);
        QCOMPARE(stocked.front().location, int(DcEast));
        QCOMPARE(stocked.front().available, 1);
        run.take(inventory.skuIndex(u"SKU-A"_s), DcEast, 1);
        run.stocked(inventory.skuIndex(u"SKU-A"_s), 0, 0, nowMs, stocked);
        QCOMPARE(stocked.front().location, int(DcWest)); // DC-EAST has nothing left: dropped
        // Capacity taken by the run: TP-MID had one shipment left.
        network = RoutingNetwork([] {
            std::vector<NetworkLocation> locs = locations();
            locs[TpMid].capacityLeft = 1;
            return locs;
        }());
        network.useCapacity(TpMid);
        QCOMPARE(network.at(TpMid).capacityLeft, 0);
        d = route(o, rules, run, network, {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), u"DC-WEST:1"_s);
        network.useCapacity(DcWest); // no limit: unchanged
        QCOMPARE(network.at(DcWest).capacityLeft, -1);
    }

    void splitPenalty_data() {
        QTest::addColumn<qint64>("penalty");
        QTest::addColumn<QString>("shipments");
        QTest::addColumn<qint64>("cost");
        QTest::addColumn<double>("objective");
        QTest::addColumn<QString>("runnerUpWhy");
        // 3 A + 1 B: split DC-EAST 5.15 + ST-NYC 6.06 = 11.21 saves 11.26 on TP-MID alone (22.47).
        QTest::newRow("no penalty: split") << qint64(0) << u"DC-EAST:1 ST-NYC:2"_s << qint64(1121) << 11.21
                                           << u"1 fewer shipment(s), 11.26 dearer"_s;
        QTest::newRow("5.00 < saving: still split") << qint64(500) << u"DC-EAST:1 ST-NYC:2"_s << qint64(1121)
                                                    << 16.21 << u"1 fewer shipment(s), 11.26 dearer"_s;
        QTest::newRow("11.25, a cent under the saving: split")
            << qint64(1125) << u"DC-EAST:1 ST-NYC:2"_s << qint64(1121) << 22.46
            << u"1 fewer shipment(s), 11.26 dearer"_s;
        QTest::newRow("11.26, equal to the saving: a tie, fewer shipments win")
            << qint64(1126) << u"TP-MID:1,2"_s << qint64(2247) << 22.47
            << u"1 more shipment(s), 11.26 cheaper, 11.26 split penalty, ties on score; loses on shipments"_s;
        QTest::newRow("20.00 > saving: kept whole")
            << qint64(2000) << u"TP-MID:1,2"_s << qint64(2247) << 22.47
            << u"1 more shipment(s), 11.26 cheaper, 20.00 split penalty"_s;
        // The split now scores 51.21: the runner-up is DC-WEST alone (43.58).
        QTest::newRow("the default, 40.00: kept whole")
            << CostModel::defaultSplitPenaltyMinor << u"TP-MID:1,2"_s << qint64(2247) << 22.47
            << u"21.11 dearer"_s;
    }

    void splitPenalty() {
        QFETCH(qint64, penalty);
        QFETCH(QString, shipments);
        QFETCH(qint64, cost);
        QFETCH(double, objective);
        QFETCH(QString, runnerUpWhy);
        RuleSet rules = rulesWith(defaultStrategy());
        rules.costs.splitPenaltyMinor = penalty;
        const RoutingNetwork network(locations());
        const SnapshotInventory inventory = stock();
        const Decision d = route(order({orderLine(1, u"SKU-A"_s, 3), orderLine(2, u"SKU-B"_s, 1)}), rules,
                                 inventory, network, {nowMs, {}, {}});
        QCOMPARE(d.outcome, RoutingOutcome::Routed);
        QCOMPARE(shipmentsText(d.shipments), shipments);
        // The penalty weighs in the choice; the decision's total cost stays what the shipments cost.
        QCOMPARE(d.totalCostMinor, cost);
        QVERIFY2(qAbs(d.objective - objective) < 1e-9, qPrintable(QString::number(d.objective, 'f', 4)));
        QVERIFY(d.exact);
        QVERIFY(d.runnerUp);
        QCOMPARE(d.runnerUp->why, runnerUpWhy);
    }

    void splitPenaltyWeighsAsTotalCost_data() {
        QTest::addColumn<double>("costWeight");
        QTest::addColumn<QString>("shipments");
        QTest::addColumn<double>("objective");
        // Penalty 12.00, total cost x w + transit days x 1. Split: w x (11.21 + 12.00) + 1 + 1 day; TP-MID
        // alone: w x 22.47 + 3 days. The split wins while w x 0.74 < 1.
        QTest::newRow("total cost x 1: split") << 1.0 << u"DC-EAST:1 ST-NYC:2"_s << 23.21 + 2.0;
        QTest::newRow("total cost x 3: the penalty weighs 3 x too, kept whole")
            << 3.0 << u"TP-MID:1,2"_s << 3 * 22.47 + 3.0;
        QTest::newRow("no total cost: no penalty") << 0.0 << u"DC-EAST:1 ST-NYC:2"_s << 2.0;
    }

    void splitPenaltyWeighsAsTotalCost() {
        QFETCH(double, costWeight);
        QFETCH(QString, shipments);
        QFETCH(double, objective);
        Strategy s = defaultStrategy();
        s.ranking = {CriterionWeight{Criterion::TotalCost, costWeight},
                     CriterionWeight{Criterion::TransitDays, 1.0}};
        RuleSet rules = rulesWith(s);
        rules.costs.splitPenaltyMinor = 1200;
        const RoutingNetwork network(locations());
        const SnapshotInventory inventory = stock();
        const Decision d = route(order({orderLine(1, u"SKU-A"_s, 3), orderLine(2, u"SKU-B"_s, 1)}), rules,
                                 inventory, network, {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), shipments);
        QVERIFY2(qAbs(d.objective - objective) < 1e-9, qPrintable(QString::number(d.objective, 'f', 4)));
    }

    void notConsidered() {
        // 20 DCs and 20 stores on a line west of New York; SKU-A everywhere but the last 4 stores. The
        // strategy takes DCs only: the cheapest DC ships, 15 other DCs are listed and 4 are not; 5 of the 16
        // stores with stock are listed (the nearest ineligible), 11 are not; 4 stores hold no SKU-A.
        std::vector<NetworkLocation> world;
        QList<SnapshotInventory::Row> rows;
        for (int i = 0; i < 40; ++i) {
            const bool dc = i < 20;
            world.push_back(networkLocation(u"%1-%2"_s.arg(dc ? u"DC"_s : u"ST"_s).arg(i, 2, 10, QChar(u'0')),
                                            dc ? LocationType::Dc : LocationType::Store, 40.7,
                                            -74.5 - 0.5 * (i % 20), dc || i % 2 == 0));
            if (i < 36)
                rows.append({u"SKU-A"_s, i, 5});
        }
        const RoutingNetwork network(world);
        const SnapshotInventory inventory(rows);
        Strategy s = defaultStrategy();
        s.filters.types = {LocationType::Dc};
        const Decision d =
            route(order({orderLine(1, u"SKU-A"_s, 1)}), rulesWith(s), inventory, network, {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), u"DC-00:1"_s);
        QCOMPARE(d.candidates.size(), 1 + 15 + 5);
        QCOMPARE(groupReasons(d),
                 (QStringList{u"eligible, but scores worse than the 15 eligible locations listed"_s,
                              u"not one of the strategy's location types"_s,
                              u"has none of the order's SKUs available"_s}));
        QCOMPARE(d.notConsidered.at(0).locations.codes(),
                 (QStringList{u"DC-16"_s, u"DC-17"_s, u"DC-18"_s, u"DC-19"_s}));
        QCOMPARE(d.notConsidered.at(1).locations.size(), 11);
        QVERIFY(d.notConsidered.at(1).locations.contains(u"ST-35"_s));
        QVERIFY(!d.notConsidered.at(1).locations.contains(u"ST-20"_s)); // the nearest store is listed
        QCOMPARE(d.notConsidered.at(2).locations.codes(),
                 (QStringList{u"ST-36"_s, u"ST-37"_s, u"ST-38"_s, u"ST-39"_s}));
        QCOMPARE(partitionProblem(d, network), QString());

        // Every location holds SKU-A, none is left out: nothing to account for beyond the candidates.
        const Decision small = route(order({orderLine(1, u"SKU-A"_s, 1)}), rulesWith(defaultStrategy()),
                                     stock(), RoutingNetwork(locations()), {nowMs, {}, {}});
        QVERIFY(small.notConsidered.isEmpty());
        // SKU-C only at DC-WEST: the others hold none of it.
        const RoutingNetwork five(locations());
        const Decision c = route(order({orderLine(1, u"SKU-C"_s, 1)}), rulesWith(defaultStrategy()), stock(),
                                 five, {nowMs, {}, {}});
        QCOMPARE(groupReasons(c), QStringList{u"has none of the order's SKUs available"_s});
        QCOMPARE(c.notConsidered.first().locations.codes(),
                 (QStringList{u"DC-EAST"_s, u"ST-BOS"_s, u"ST-NYC"_s, u"TP-MID"_s}));
        QCOMPARE(partitionProblem(c, five), QString());
        // No strategy applies: every location, with that reason.
        Strategy web = defaultStrategy();
        web.when.channels = {Channel::Pos};
        const Decision none =
            route(order({orderLine(1, u"SKU-A"_s, 1)}), rulesWith(web), stock(), five, {nowMs, {}, {}});
        QCOMPARE(none.outcome, RoutingOutcome::Unfillable);
        QCOMPARE(groupReasons(none), QStringList{u"no strategy applies to the order"_s});
        QCOMPARE(none.notConsidered.first().locations.size(), 5);
        QCOMPARE(partitionProblem(none, five), QString());
    }

    void greedyBaseline() {
        const RoutingNetwork network(locations());
        const SnapshotInventory inventory = stock();
        // Nearest with the whole order: ST-NYC (4.8 km) for 1 A + 1 B.
        Decision d = routeGreedy(order({orderLine(1, u"SKU-A"_s, 1), orderLine(2, u"SKU-B"_s, 1)}),
                                 RuleSet::defaults(), inventory, network, {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), u"ST-NYC:1,2"_s);
        // 3 A + 1 B: the nearest with the whole order is TP-MID (1797 km, 22.47) where route() splits
        // (11.21).
        d = routeGreedy(order({orderLine(1, u"SKU-A"_s, 3), orderLine(2, u"SKU-B"_s, 1)}),
                        RuleSet::defaults(), inventory, network, {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), u"TP-MID:1,2"_s);
        QCOMPARE(d.totalCostMinor, 2247);
        // 6 A + 6 A + 4 B, other stock: per line, nearest with units left: DC-EAST, TP-MID, ST-NYC.
        d = routeGreedy(
            order({orderLine(1, u"SKU-A"_s, 6), orderLine(2, u"SKU-A"_s, 6), orderLine(3, u"SKU-B"_s, 4)}),
            RuleSet::defaults(),
            SnapshotInventory({{u"SKU-A"_s, DcEast, 10}, {u"SKU-A"_s, TpMid, 20}, {u"SKU-B"_s, StNyc, 4}}),
            network, {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), u"DC-EAST:1 ST-NYC:3 TP-MID:2"_s);
        // One A: the nearest is ST-NYC (606) where route() picks DC-EAST (515).
        d = routeGreedy(order({orderLine(1, u"SKU-A"_s, 1)}), RuleSet::defaults(), inventory, network,
                        {nowMs, {}, {}});
        QCOMPARE(shipmentsText(d.shipments), u"ST-NYC:1"_s);
        QCOMPARE(d.totalCostMinor, 606);
        QVERIFY(!d.exact);
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
