#include "CostModelModel.h"
#include "CriteriaWeightModel.h"
#include "SimulationChart.h"
#include "SimulationModel.h"
#include "StrategyEditor.h"
#include "WidgetLookup.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using ordo::Criterion;
using ordo::ui::CostModelModel;
using ordo::ui::CriteriaWeightModel;
using ordo::ui::SimulationModel;

class TestRulesModels : public QObject {
    Q_OBJECT

private slots:
    void criteriaModelEditsWeights();
    void costModelParsesExactDecimals();
    void costModelEditsPerLocationType();
    void strategyEditorRoundTrips();
    void simulationModelShowsEachArm();
    void chartIndexesAgainstTheActiveRules();
};

namespace {

// The documented defaults: dc 4.00 + 0.010/km, store 6.00 + 0.012/km, 3pl 4.50 + 0.010/km, dropship 7.00 +
// 0.015/km (rates in thousandths of a minor unit per km).
ordo::CostModel documentedCosts() {
    ordo::CostModel costs;
    costs.byType = {ordo::LocationTypeCost{400, 1000}, ordo::LocationTypeCost{600, 1200},
                    ordo::LocationTypeCost{450, 1000}, ordo::LocationTypeCost{700, 1500}};
    return costs;
}

ordo::SimulationRun run(const QString& name, int version, int routed, int split, int unfillable,
                        int shipments, qint64 cost, double km) {
    ordo::SimulationRun r;
    r.name = name;
    r.ruleVersion = version;
    r.orders = 200;
    r.routedOrders = routed;
    r.splitOrders = split;
    r.unfillableOrders = unfillable;
    r.shipments = shipments;
    r.totalCostMinor = cost;
    r.totalDistanceKm = km;
    return r;
}

ordo::SimulationReport sampleReport() {
    ordo::SimulationReport report;
    report.currency = u"USD"_s;
    report.orders = 200;
    // Draft: 190 routed, 19 split, 2 unfillable, 213 shipments, 1,444.00, 87,330 km.
    report.draft = run(u"draft"_s, 0, 190, 19, 2, 213, 144400, 87330.0);
    report.active = run(u"active"_s, 1, 190, 38, 4, 238, 159600, 123760.0);
    report.greedy = run(u"greedy"_s, 1, 190, 59, 4, 266, 181450, 101080.0);
    report.changes = {{11, u"SO-10011"_s, u"DC-WEST: SKU-1 x 1"_s, u"DC-EAST: SKU-1 x 1"_s, 1030, 720},
                      {12, u"SO-10012"_s, u"unfillable"_s, u"DC-EAST: SKU-2 x 2"_s, 0, 125}};
    return report;
}

} // namespace

void TestRulesModels::criteriaModelEditsWeights() {
    CriteriaWeightModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &CriteriaWeightModel::edited);
    model.setRanking({});
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), 3);
    // An empty ranking is total cost, weight 1, to the router; the table says so.
    QCOMPARE(model.ranking(), (QList<ordo::CriterionWeight>{{Criterion::TotalCost, 1.0}}));
    const int distance = model.rowOf(Criterion::Distance);
    QCOMPARE(model.index(distance, CriteriaWeightModel::Criterion).data().toString(), u"Distance"_s);
    QCOMPARE(model.index(distance, CriteriaWeightModel::Weight).data().toString(), u"–"_s);
    QCOMPARE(model.index(distance, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(!(model.flags(model.index(distance, CriteriaWeightModel::Weight)) & Qt::ItemIsEditable));
    QVERIFY(model.setData(model.index(distance, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.flags(model.index(distance, CriteriaWeightModel::Weight)) & Qt::ItemIsEditable);
    QVERIFY(model.setData(model.index(distance, CriteriaWeightModel::Weight), u"0.25"_s));
    QVERIFY(!model.setData(model.index(distance, CriteriaWeightModel::Weight), u"lots"_s));
    QCOMPARE(model.index(distance, CriteriaWeightModel::Weight).data().toString(), u"0.25"_s);
    QCOMPARE(model.ranking(),
             (QList<ordo::CriterionWeight>{{Criterion::TotalCost, 1.0}, {Criterion::Distance, 0.25}}));
    QVERIFY(
        model.setData(model.index(model.rowOf(Criterion::TotalCost), 0), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(model.ranking(), (QList<ordo::CriterionWeight>{{Criterion::Distance, 0.25}}));
    QCOMPARE(edited.count(), 3);
    model.setRanking({{Criterion::LocationPriority, 2.0}, {Criterion::TransitDays, 0.5}});
    // Handed back in the router's order of criteria.
    QCOMPARE(model.ranking(), (QList<ordo::CriterionWeight>{{Criterion::TransitDays, 0.5},
                                                            {Criterion::LocationPriority, 2.0}}));
}

void TestRulesModels::costModelParsesExactDecimals() {
    QCOMPARE(CostModelModel::parseScaled(u"4.5"_s, 2), std::optional<qint64>(450));
    QCOMPARE(CostModelModel::parseScaled(u"0.012"_s, 5), std::optional<qint64>(1200));
    QCOMPARE(CostModelModel::parseScaled(u"7"_s, 2), std::optional<qint64>(700));
    QCOMPARE(CostModelModel::parseScaled(u".5"_s, 2), std::optional<qint64>(50));
    QCOMPARE(CostModelModel::parseScaled(u" 12.30 "_s, 2), std::optional<qint64>(1230));
    QCOMPARE(CostModelModel::parseScaled(u"4.505"_s, 2), std::nullopt); // more decimals than kept
    QCOMPARE(CostModelModel::parseScaled(u"-1"_s, 2), std::nullopt);
    QCOMPARE(CostModelModel::parseScaled(u"1e3"_s, 2), std::nullopt);
    QCOMPARE(CostModelModel::parseScaled(u"."_s, 2), std::nullopt);
    QCOMPARE(CostModelModel::formatScaled(1200, 5, 3), u"0.012"_s);
    QCOMPARE(CostModelModel::formatScaled(1250, 5, 3), u"0.0125"_s);
    QCOMPARE(CostModelModel::formatScaled(450, 2, 2), u"4.50"_s);
}

void TestRulesModels::costModelEditsPerLocationType() {
    CostModelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCostModel(documentedCosts(), u"USD"_s);
    QCOMPARE(model.rowCount(), 5); // four location types, then the split penalty
    // Rows: dc, store, 3pl, dropship. A store: 6.00 + 0.012/km; 500 km cost 12.00.
    QCOMPARE(model.index(1, CostModelModel::Type).data().toString(), u"Store"_s);
    QCOMPARE(model.index(1, CostModelModel::BaseFee).data().toString(), u"6.00 USD"_s);
    QCOMPARE(model.index(1, CostModelModel::PerKm).data().toString(), u"0.012 USD/km"_s);
    QCOMPARE(model.index(1, CostModelModel::Example).data().toString(), u"12.00 USD"_s);
    QCOMPARE(model.index(3, CostModelModel::Example).data().toString(), u"14.50 USD"_s); // 7.00 + 7.50
    QCOMPARE(model.index(1, CostModelModel::BaseFee).data(Qt::EditRole).toString(), u"6.00"_s);
    QVERIFY(model.setData(model.index(1, CostModelModel::BaseFee), u"6.5"_s));
    QVERIFY(model.setData(model.index(2, CostModelModel::PerKm), u"0.0125"_s));
    QVERIFY(!model.setData(model.index(1, CostModelModel::PerKm), u"cheap"_s));
    QVERIFY(!model.setData(model.index(1, CostModelModel::Type), u"x"_s));
    QCOMPARE(model.costModel().forType(ordo::LocationType::Store).baseFeeMinor, 650);
    QCOMPARE(model.costModel().forType(ordo::LocationType::Store).perKmMilliMinor, 1200);
    QCOMPARE(model.costModel().forType(ordo::LocationType::ThirdPartyLogistics).perKmMilliMinor, 1250);
    QCOMPARE(model.index(1, CostModelModel::Example).data().toString(), u"12.50 USD"_s);
    // 4.50 + 0.0125 x 500 = 10.75
    QCOMPARE(model.index(2, CostModelModel::Example).data().toString(), u"10.75 USD"_s);

    // The split penalty: a fee per extra shipment, no rate per km.
    const int penalty = CostModelModel::SplitPenaltyRow;
    QCOMPARE(model.index(penalty, CostModelModel::Type).data().toString(), u"Split penalty"_s);
    QCOMPARE(model.index(penalty, CostModelModel::Type).data(CostModelModel::RawRole).toString(),
             u"split_penalty"_s);
    QCOMPARE(model.index(penalty, CostModelModel::BaseFee).data().toString(),
             u"0.00 USD per extra shipment"_s);
    QVERIFY(!(model.flags(model.index(penalty, CostModelModel::PerKm)) & Qt::ItemIsEditable));
    QSignalSpy edited(&model, &CostModelModel::edited);
    QVERIFY(model.setData(model.index(penalty, CostModelModel::BaseFee), u"5"_s));
    QCOMPARE(edited.size(), 1);
    QCOMPARE(model.costModel().splitPenaltyMinor, 500);
    QCOMPARE(model.index(penalty, CostModelModel::BaseFee).data(Qt::EditRole).toString(), u"5.00"_s);
    QCOMPARE(model.index(penalty, CostModelModel::BaseFee).data().toString(),
             u"5.00 USD per extra shipment"_s);
    QVERIFY(!model.setData(model.index(penalty, CostModelModel::BaseFee), u"-1"_s));
    QVERIFY(!model.setData(model.index(penalty, CostModelModel::PerKm), u"0.010"_s));
    QCOMPARE(model.costModel().splitPenaltyMinor, 500);
    QCOMPARE(edited.size(), 1);
    model.setCostModel(ordo::CostModel::defaults(), u"USD"_s);
    QCOMPARE(model.index(penalty, CostModelModel::BaseFee).data(CostModelModel::RawRole).toLongLong(),
             ordo::CostModel::defaultSplitPenaltyMinor);
}

void TestRulesModels::strategyEditorRoundTrips() {
    ordo::Strategy strategy;
    strategy.name = u"Big B2B orders"_s;
    strategy.when.channels = {ordo::Channel::B2b};
    strategy.when.delivery = ordo::DeliveryMethod::Ship;
    strategy.when.minPriority = 2;
    strategy.when.minOrderValueMinor = 50000;
    strategy.when.countries = {u"US"_s, u"CA"_s};
    strategy.when.skuTags = {u"bulky"_s};
    strategy.filters.types = {ordo::LocationType::Dc, ordo::LocationType::ThirdPartyLogistics};
    strategy.filters.maxDistanceKm = 1200.0;
    strategy.filters.requireCapacity = false;
    strategy.filters.excludedLocations = {u"ST-0042"_s};
    strategy.filters.minAtpAfterSafety = 5;
    strategy.ranking = {{Criterion::TotalCost, 1.0}, {Criterion::FewestShipments, 3.0}};
    strategy.split = {ordo::SplitPolicy::Mode::Split, 2, ordo::SplitPolicy::Shortage::ShipAvailable};
    strategy.fallback = {ordo::Fallback::Action::Cancel, 14};
    strategy.nearestPickupAllowed = true;

    ordo::ui::StrategyEditor editor;
    QSignalSpy edited(&editor, &ordo::ui::StrategyEditor::edited);
    editor.setStrategy(strategy);
    QCOMPARE(edited.count(), 0); // loading is not editing
    QCOMPARE(editor.strategy(), strategy);

    // Typing in the forms changes the value read back.
    auto* countries = ordo::test::gui::findWidget<QLineEdit>(&editor, u"countries"_s);
    countries->setText(u"us, mx"_s);
    ordo::test::gui::findWidget<QCheckBox>(&editor, u"channel_web"_s)->setChecked(true);
    auto* fallback = ordo::test::gui::findWidget<QComboBox>(&editor, u"fallbackAction"_s);
    fallback->setCurrentIndex(fallback->findData(int(ordo::Fallback::Action::Backorder)));
    QVERIFY(edited.count() >= 2);
    const ordo::Strategy read = editor.strategy();
    QCOMPARE(read.when.countries, (QStringList{u"US"_s, u"MX"_s}));
    QCOMPARE(read.when.channels, (QList<ordo::Channel>{ordo::Channel::Web, ordo::Channel::B2b}));
    QCOMPARE(read.fallback.action, ordo::Fallback::Action::Backorder);

    // Unset values stay unset.
    editor.setStrategy(ordo::Strategy{});
    const ordo::Strategy empty = editor.strategy();
    QVERIFY(!empty.when.minPriority && !empty.when.minOrderValueMinor && !empty.filters.maxDistanceKm);
    QCOMPARE(empty.ranking, (QList<ordo::CriterionWeight>{{Criterion::TotalCost, 1.0}}));
}

void TestRulesModels::simulationModelShowsEachArm() {
    SimulationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setReport(sampleReport());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, SimulationModel::Arm).data().toString(), u"Draft"_s);
    QCOMPARE(model.index(1, SimulationModel::Arm).data().toString(), u"Active (version 1)"_s);
    QCOMPARE(model.index(2, SimulationModel::Arm).data().toString(), u"Greedy baseline"_s);
    QCOMPARE(model.index(0, SimulationModel::Orders).data().toString(), u"200"_s);
    QCOMPARE(model.index(0, SimulationModel::TotalCost).data().toString(), u"1,444.00 USD"_s);
    QCOMPARE(model.index(0, SimulationModel::CostPerOrder).data().toString(), u"7.60 USD"_s);  // 144400 / 190
    QCOMPARE(model.index(1, SimulationModel::ShipmentsPerOrder).data().toString(), u"1.25"_s); // 238 / 190
    QCOMPARE(model.index(2, SimulationModel::SplitRate).data().toString(), u"31.1 %"_s);       // 59 / 190
    QCOMPARE(model.index(1, SimulationModel::UnfillableRate).data().toString(), u"2.0 %"_s);   // 4 / 200
    QCOMPARE(model.index(0, SimulationModel::MeanDistance).data().toString(), u"410 km"_s);    // 87330 / 213
    QCOMPARE(model.index(0, SimulationModel::TotalCost).data(SimulationModel::RawRole).toLongLong(), 144400);

    ordo::ui::RoutingChangeModel changes;
    QAbstractItemModelTester changeTester(&changes, QAbstractItemModelTester::FailureReportingMode::QtTest);
    changes.setChanges(sampleReport().changes, u"USD"_s);
    QCOMPARE(changes.rowCount(), 2);
    QCOMPARE(changes.index(0, ordo::ui::RoutingChangeModel::CostDelta).data().toString(), u"-3.10 USD"_s);
    QCOMPARE(changes.index(1, ordo::ui::RoutingChangeModel::CostDelta).data().toString(), u"+1.25 USD"_s);
    QCOMPARE(changes.index(1, ordo::ui::RoutingChangeModel::Before).data().toString(), u"unfillable"_s);
    QCOMPARE(changes.index(1, 0).data(ordo::ui::RoutingChangeModel::IdRole).toLongLong(), 12);
}

void TestRulesModels::chartIndexesAgainstTheActiveRules() {
    QCOMPARE(ordo::ui::indexAgainst(50.0, 100.0), 50.0);
    QCOMPARE(ordo::ui::indexAgainst(0.0, 0.0), 100.0);
    QCOMPARE(ordo::ui::indexAgainst(1.0, 0.0), 200.0);
    std::unique_ptr<QChart> chart(ordo::ui::makeSimulationChart(sampleReport()));
    QCOMPARE(chart->series().size(), 1);
    auto* bars = qobject_cast<QBarSeries*>(chart->series().first());
    QVERIFY(bars);
    QCOMPARE(bars->count(), 3);
    QCOMPARE(bars->barSets().at(0)->label(), u"Draft"_s);
    // Draft cost per order 144400/190 against the active rules' 159600/190; split 19 against 38 orders.
    QVERIFY(qAbs(bars->barSets().at(0)->at(0) - 100.0 * 144400.0 / 159600.0) < 1e-9);
    QCOMPARE(bars->barSets().at(0)->at(2), 50.0);
    QCOMPARE(bars->barSets().at(1)->at(0), 100.0);
}

QTEST_MAIN(TestRulesModels)
#include "tst_rulesmodels.moc"
