// RuleSet and Decision codes, the default rule set, and the default cost model against costs computed by hand
// (haversine km to the cent, rounded half away from zero).
#include "model/Decision.h"
#include "model/RuleSet.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

Q_DECLARE_METATYPE(ordo::GeoPoint)
Q_DECLARE_METATYPE(ordo::LocationType)

class TestRuleSet : public QObject {
    Q_OBJECT

private slots:
    void codesRoundTrip() {
        for (RuleSetState s : {RuleSetState::Draft, RuleSetState::Active, RuleSetState::Archived})
            QCOMPARE(ruleSetStateFromCode(ruleSetStateCode(s)), s);
        QCOMPARE(ruleSetStateCode(RuleSetState::Archived), u"archived"_s);
        for (Criterion c : allCriteria)
            QCOMPARE(criterionFromCode(criterionCode(c)), c);
        QCOMPARE(criterionCode(Criterion::InventoryBalance), u"inventory_balance"_s);
        QCOMPARE(criterionFromCode(u"TOTAL_COST"), Criterion::TotalCost);
        for (auto a : {Fallback::Action::NextStrategy, Fallback::Action::Hold, Fallback::Action::Backorder,
                       Fallback::Action::Cancel})
            QCOMPARE(fallbackActionFromCode(fallbackActionCode(a)), a);
        QCOMPARE(fallbackActionCode(Fallback::Action::NextStrategy), u"next_strategy"_s);
        for (auto o : {RoutingOutcome::Routed, RoutingOutcome::Partial, RoutingOutcome::Backordered,
                       RoutingOutcome::Held, RoutingOutcome::Unfillable, RoutingOutcome::Cancelled})
            QCOMPARE(routingOutcomeFromCode(routingOutcomeCode(o)), o);
        QCOMPARE(routingOutcomeCode(RoutingOutcome::Backordered), u"backordered"_s);
        QVERIFY(!ruleSetStateFromCode(u"live"));
        QVERIFY(!criterionFromCode(u""));
        QVERIFY(!fallbackActionFromCode(u"wait"));
        QVERIFY(!routingOutcomeFromCode(u"shipped"));
    }

    void defaultRuleSet() {
        const RuleSet rules = RuleSet::defaults();
        QCOMPARE(rules.strategies.size(), 1);
        const Strategy& s = rules.strategies.first();
        QCOMPARE(s.name, u"Lowest total cost"_s);
        QCOMPARE(s.ranking.size(), 1);
        QCOMPARE(s.ranking.first().criterion, Criterion::TotalCost);
        QCOMPARE(s.split.mode, SplitPolicy::Mode::Split);
        QCOMPARE(s.split.shortage, SplitPolicy::Shortage::ShipComplete);
        QCOMPARE(s.fallback.action, Fallback::Action::Hold);
        QVERIFY(s.filters.requireShipping && s.filters.requirePickup && s.filters.requireCapacity);
        QCOMPARE(rules.costs, CostModel::defaults());
        QCOMPARE(rules.currency, u"USD"_s);
    }

    void costModelDefaults() {
        const CostModel m = CostModel::defaults();
        QCOMPARE(m.forType(LocationType::Dc), (LocationTypeCost{400, 1000}));
        QCOMPARE(m.forType(LocationType::ThirdPartyLogistics), (LocationTypeCost{450, 1000}));
        QCOMPARE(m.forType(LocationType::Store), (LocationTypeCost{600, 1200}));
        QCOMPARE(m.forType(LocationType::Dropship), (LocationTypeCost{700, 1500}));
    }

    void shipmentCost_data() {
        QTest::addColumn<GeoPoint>("from");
        QTest::addColumn<GeoPoint>("to");
        QTest::addColumn<LocationType>("type");
        QTest::addColumn<qint64>("costMinor");
        // One degree of longitude on the equator: 111.19493 km.
        QTest::newRow("dc 1 deg") << GeoPoint{0, 0} << GeoPoint{0, 1} << LocationType::Dc << qint64(511);
        QTest::newRow("3pl 1 deg") << GeoPoint{0, 0} << GeoPoint{0, 1} << LocationType::ThirdPartyLogistics
                                   << qint64(561);
        QTest::newRow("store 1 deg") << GeoPoint{0, 0} << GeoPoint{0, 1} << LocationType::Store
                                     << qint64(733);
        QTest::newRow("dropship 1 deg")
            << GeoPoint{0, 0} << GeoPoint{0, 1} << LocationType::Dropship << qint64(867);
        // 10 degrees: 1111.94927 km; store 600 + 1334.339 -> 1934; dropship 700 + 1667.924 -> 2368.
        QTest::newRow("dc 10 deg") << GeoPoint{0, 0} << GeoPoint{0, 10} << LocationType::Dc << qint64(1512);
        QTest::newRow("store 10 deg")
            << GeoPoint{0, 0} << GeoPoint{0, 10} << LocationType::Store << qint64(1934);
        QTest::newRow("dropship 10 deg")
            << GeoPoint{0, 0} << GeoPoint{0, 10} << LocationType::Dropship << qint64(2368);
        // New York - Los Angeles: 3935.746 km.
        const GeoPoint ny{40.7128, -74.0060};
        const GeoPoint la{34.0522, -118.2437};
        QTest::newRow("NY-LA dc") << ny << la << LocationType::Dc << qint64(4336);
        QTest::newRow("NY-LA 3pl") << ny << la << LocationType::ThirdPartyLogistics << qint64(4386);
        QTest::newRow("NY-LA store") << ny << la << LocationType::Store << qint64(5323);
        QTest::newRow("NY-LA dropship") << ny << la << LocationType::Dropship << qint64(6604);
        // New York - Chicago: 1144.291 km; store 600 + 1373.150 -> 1973.
        const GeoPoint chicago{41.8781, -87.6298};
        QTest::newRow("NY-CHI store") << ny << chicago << LocationType::Store << qint64(1973);
        QTest::newRow("same place") << ny << ny << LocationType::Dc << qint64(400);
    }

    void shipmentCost() {
        QFETCH(GeoPoint, from);
        QFETCH(GeoPoint, to);
        QFETCH(LocationType, type);
        QFETCH(qint64, costMinor);
        QCOMPARE(CostModel::defaults().shipmentCostMinor(type, distanceKm(from, to)), costMinor);
    }

    void roundsHalfAwayFromZero_data() {
        QTest::addColumn<LocationType>("type");
        QTest::addColumn<double>("km");
        QTest::addColumn<qint64>("costMinor");
        QTest::newRow("dc 0.5 km -> 0.5") << LocationType::Dc << 0.5 << qint64(401);
        QTest::newRow("dc 2.5 km -> 2.5") << LocationType::Dc << 2.5 << qint64(403);
        QTest::newRow("dc 2.49 km") << LocationType::Dc << 2.49 << qint64(402);
        QTest::newRow("store 1.25 km -> 1.5") << LocationType::Store << 1.25 << qint64(602);
        QTest::newRow("dropship 1 km -> 1.5") << LocationType::Dropship << 1.0 << qint64(702);
        QTest::newRow("dropship 3 km -> 4.5") << LocationType::Dropship << 3.0 << qint64(705);
    }

    void roundsHalfAwayFromZero() {
        QFETCH(LocationType, type);
        QFETCH(double, km);
        QFETCH(qint64, costMinor);
        QCOMPARE(CostModel::defaults().shipmentCostMinor(type, km), costMinor);
    }
};

QTEST_GUILESS_MAIN(TestRuleSet)
#include "tst_ruleset.moc"
