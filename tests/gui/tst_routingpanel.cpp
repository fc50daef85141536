#include "CandidateModel.h"
#include "GuiFixture.h"
#include "OrderBackend.h"
#include "OrderDetailPanel.h"
#include "OrdersView.h"
#include "RoutingPanel.h"
#include "RoutingSamples.h"
#include "Screenshots.h"
#include "ShipmentModel.h"
#include "TestDatabase.h"
#include "WidgetLookup.h"
#include "orders/OrderQuery.h"
#include "sourcing/DecisionRepository.h"
#include "storage/Transaction.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QCheckBox>
#include <QDir>
#include <QFont>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using ordo::ui::CandidateModel;
using ordo::ui::RoutingPanel;
using ordo::ui::ShipmentModel;

class TestRoutingPanel : public QObject {
    Q_OBJECT

private slots:
    void candidateModelShowsEveryLocation();
    void candidateModelColumnsFollowTheDecision();
    void candidateModelShowsLocationsNotConsidered();
    void panelTogglesLocationsNotConsidered();
    void shipmentModelShowsTheChosenShipments();
    void panelExplainsAClickedLocation();
    void panelShowsTraceAndRunnerUp();
    void neverRoutedShowsAPlaceholder();
    void detailPanelHasARoutingTab();
    void summarySaysHowGoodTheAnswerIs_data();
    void summarySaysHowGoodTheAnswerIs();
    void savesScreenshotOfALargeOrder();
    void ordersViewShowsTheStoredDecision();
    void savesScreenshot();
};

void TestRoutingPanel::candidateModelShowsEveryLocation() {
    CandidateModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDecision(ordo::test::gui::sampleDecision());
    QCOMPARE(model.rowCount(), 4);
    // Location, Eligible, 3 filters (type, max_distance, stock), 2 criteria, score, distance, cost, lines.
    QCOMPARE(model.columnCount(), 11);
    QCOMPARE(model.index(0, 0).data().toString(), u"DC-EAST (chosen)"_s);
    QCOMPARE(model.index(0, 0).data(CandidateModel::ChosenRole).toBool(), true);
    QVERIFY(model.index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(model.index(0, 0).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.index(1, 0).data().toString(), u"DC-WEST"_s);
    QVERIFY(!model.index(1, 0).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.index(2, 1).data().toString(), u"no"_s);
    QCOMPARE(model.rowForLocation(u"DS-ACME"_s), 3);

    const int stock = model.filterColumn(u"stock"_s);
    QCOMPARE(model.headerData(stock, Qt::Horizontal).toString(), u"Stock"_s);
    QCOMPARE(model.index(2, stock).data().toString(), u"✗ no line fully in stock"_s);
    QCOMPARE(model.index(2, stock).data(CandidateModel::PassedRole).toBool(), false);
    QCOMPARE(model.index(0, stock).data().toString(), u"✓ lines 1, 2"_s);
    QCOMPARE(model.index(3, model.filterColumn(u"type"_s)).data().toString(),
             u"✗ dropship not in [dc, store]"_s);

    const int cost = model.criterionColumn(ordo::Criterion::TotalCost);
    QCOMPARE(model.headerData(cost, Qt::Horizontal).toString(), u"Total cost"_s);
    QCOMPARE(model.index(1, cost).data().toString(), u"10.30 → 10.30"_s);
    const int distance = model.criterionColumn(ordo::Criterion::Distance);
    QCOMPARE(model.index(1, distance).data().toString(), u"6.30 → 3.15"_s);
    QCOMPARE(model.index(1, distance).data(CandidateModel::RawRole).toDouble(), 3.15);
    // Ineligible candidates have no scores.
    QCOMPARE(model.index(3, cost).data().toString(), u"–"_s);
    const int score = model.columnCount() - 4;
    QCOMPARE(model.headerData(score, Qt::Horizontal).toString(), u"Score"_s);
    QCOMPARE(model.index(0, score).data().toString(), u"8.80"_s);
    QCOMPARE(model.index(0, model.columnCount() - 2).data().toString(), u"7.20 USD"_s);
    QCOMPARE(model.index(2, model.columnCount() - 1).data().toString(), u"none"_s);
    QCOMPARE(model.index(0, model.columnCount() - 1).data().toString(), u"1, 2"_s);
}

void TestRoutingPanel::candidateModelColumnsFollowTheDecision() {
    CandidateModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ordo::Decision decision = ordo::test::gui::sampleDecision();
    for (ordo::CandidateLocation& candidate : decision.candidates) {
        candidate.filters.append({u"capacity"_s, true, u"12 of 40 left"_s});
        candidate.scores.removeIf(
            [](const ordo::CriterionScore& s) { return s.criterion == ordo::Criterion::Distance; });
    }
    model.setDecision(decision);
    QCOMPARE(model.columnCount(), 11); // one more filter, one criterion fewer
    QCOMPARE(model.criterionColumn(ordo::Criterion::Distance), -1);
    // The router's order of filters: type, max distance, capacity, stock.
    QCOMPARE(model.filterColumn(u"type"_s), 2);
    QCOMPARE(model.filterColumn(u"max_distance"_s), 3);
    QCOMPARE(model.filterColumn(u"capacity"_s), 4);
    QCOMPARE(model.filterColumn(u"stock"_s), 5);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

namespace {

// The sample decision, accounting for three more locations of the network.
ordo::Decision decisionWithNotConsidered() {
    ordo::Decision d = ordo::test::gui::sampleDecision();
    d.notConsidered = {
        {u"has none of the order's SKUs available"_s, ordo::LocationSet({u"ST-BOS"_s, u"ST-SEA"_s})},
        {u"does not ship parcels"_s, ordo::LocationSet({u"ST-LA"_s})}};
    return d;
}

} // namespace

void TestRoutingPanel::candidateModelShowsLocationsNotConsidered() {
    CandidateModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDecision(decisionWithNotConsidered());
    // Hidden until asked for.
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.candidateCount(), 4);
    QCOMPARE(model.notConsideredCount(), 3);
    QCOMPARE(model.index(0, 0).data(CandidateModel::NotConsideredRole).toString(), QString());

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setShowNotConsidered(true);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 4);
    QCOMPARE(inserted.at(0).at(2).toInt(), 6);
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.candidateCount(), 4);
    const QStringList codes{u"ST-BOS"_s, u"ST-SEA"_s, u"ST-LA"_s};
    const QStringList reasons{u"has none of the order's SKUs available"_s,
                              u"has none of the order's SKUs available"_s, u"does not ship parcels"_s};
    for (int i = 0; i < 3; ++i) {
        const int row = 4 + i;
        QCOMPARE(model.index(row, 0).data().toString(), codes.at(i));
        QCOMPARE(model.index(row, 0).data(CandidateModel::LocationCodeRole).toString(), codes.at(i));
        QCOMPARE(model.index(row, 0).data(CandidateModel::NotConsideredRole).toString(), reasons.at(i));
        QCOMPARE(model.index(row, 1).data().toString(), u"not considered: "_s + reasons.at(i));
        QCOMPARE(model.index(row, 0).data(Qt::ToolTipRole).toString(),
                 u"%1 was not considered: %2"_s.arg(codes.at(i), reasons.at(i)));
        QCOMPARE(model.index(row, 0).data(CandidateModel::ChosenRole).toBool(), false);
        QCOMPARE(model.index(row, model.filterColumn(u"stock"_s)).data().toString(), u"–"_s);
        // Greyed and in italics, like nothing the router weighed.
        QCOMPARE(model.index(row, 0).data(Qt::ForegroundRole).value<QBrush>().color(),
                 QColor(0x9c, 0xa3, 0xaf));
        QVERIFY(model.index(row, 0).data(Qt::FontRole).value<QFont>().italic());
    }
    // Candidates keep their rows and lookups.
    QCOMPARE(model.rowForLocation(u"DS-ACME"_s), 3);
    QCOMPARE(model.rowForLocation(u"ST-LA"_s), -1);

    // A new decision while shown: its own locations not considered, shown.
    model.setDecision(ordo::test::gui::sampleDecision());
    QCOMPARE(model.rowCount(), 4);
    model.setDecision(decisionWithNotConsidered());
    QCOMPARE(model.rowCount(), 7);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setShowNotConsidered(false);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(3, 0).data().toString(), u"DS-ACME"_s);
}

void TestRoutingPanel::panelTogglesLocationsNotConsidered() {
    RoutingPanel panel;
    panel.showDecision(ordo::test::gui::sampleDecision());
    QCheckBox* toggle = panel.notConsideredToggle();
    QVERIFY(!toggle->isEnabled()); // nothing to show
    panel.showDecision(decisionWithNotConsidered());
    QVERIFY(toggle->isEnabled());
    QCOMPARE(toggle->text(), u"Show the 3 locations not considered"_s);
    QCOMPARE(panel.candidateTable()->model()->rowCount(), 4);
    toggle->setChecked(true);
    QCOMPARE(panel.candidateTable()->model()->rowCount(), 7);
    // "Why not the store next door?" has an answer, shown or not.
    panel.explainLocation(u"ST-LA"_s);
    QCOMPARE(panel.whyLabel()->text(), u"<b>ST-LA was not considered</b>: does not ship parcels."_s);
    toggle->setChecked(false);
    QCOMPARE(panel.candidateTable()->model()->rowCount(), 4);
    panel.explainLocation(u"ST-BOS"_s);
    QVERIFY2(panel.whyLabel()->text().contains(u"has none of the order's SKUs available"_s),
             qPrintable(panel.whyLabel()->text()));
    panel.explainLocation(u"XX-NONE"_s);
    QCOMPARE(panel.whyLabel()->text(), u"XX-NONE was not a candidate."_s);
}

void TestRoutingPanel::shipmentModelShowsTheChosenShipments() {
    ShipmentModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const ordo::Decision decision = ordo::test::gui::sampleDecision();
    model.setShipments(decision.shipments, decision.currency);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, ShipmentModel::Location).data().toString(), u"DC-EAST"_s);
    QCOMPARE(model.index(0, ShipmentModel::Lines).data().toString(), u"#1 SKU-1 × 2, #2 SKU-2 × 1"_s);
    QCOMPARE(model.index(0, ShipmentModel::Units).data().toString(), u"3"_s);
    QCOMPARE(model.index(0, ShipmentModel::Distance).data().toString(), u"320 km"_s);
    QCOMPARE(model.index(0, ShipmentModel::Cost).data().toString(), u"7.20 USD"_s);
    QCOMPARE(model.index(0, ShipmentModel::Cost).data(ShipmentModel::RawRole).toLongLong(), 720);
}

void TestRoutingPanel::panelExplainsAClickedLocation() {
    RoutingPanel panel;
    panel.resize(1200, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.showDecision(ordo::test::gui::sampleDecision());
    // The chosen location is explained first.
    QVERIFY2(panel.whyLabel()->text().contains(u"DC-EAST was chosen"_s),
             qPrintable(panel.whyLabel()->text()));

    QTableView* table = panel.candidateTable();
    QCOMPARE(table->model()->rowCount(), 4);
    const QModelIndex vendor = table->model()->index(3, 0);
    QCOMPARE(vendor.data(CandidateModel::LocationCodeRole).toString(), u"DS-ACME"_s);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(vendor).center());
    const QString why = panel.whyLabel()->text();
    QVERIFY2(why.contains(u"DS-ACME was not chosen"_s), qPrintable(why));
    QVERIFY2(why.contains(u"Type: dropship not in [dc, store]"_s), qPrintable(why));
    QVERIFY2(why.contains(u"Max distance: 1,480 km &gt; 800 km"_s), qPrintable(why));
    QVERIFY(!why.contains(u"Stock:"_s)); // passed filters are not listed as failures

    const QModelIndex west = table->model()->index(1, 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(west).center());
    QVERIFY2(panel.whyLabel()->text().contains(u"costs 3.10 more"_s), qPrintable(panel.whyLabel()->text()));
    QVERIFY(panel.whyLabel()->text().contains(u"It passed every filter."_s));
}

void TestRoutingPanel::panelShowsTraceAndRunnerUp() {
    RoutingPanel panel;
    panel.showDecision(ordo::test::gui::sampleDecision());
    auto* trace = ordo::test::gui::findWidget<QTreeWidget>(&panel, u"strategyTrace"_s);
    QCOMPARE(trace->topLevelItemCount(), 2);
    QCOMPARE(trace->topLevelItem(0)->text(1), u"conditions: delivery ship is not pickup"_s);
    QCOMPARE(trace->topLevelItem(1)->text(1), u"applied"_s);
    auto* runner = ordo::test::gui::findWidget<QLabel>(&panel, u"runnerUpLabel"_s);
    QVERIFY2(runner->text().contains(u"DC-WEST"_s) && runner->text().contains(u"10.30 USD"_s) &&
                 runner->text().contains(u"3.10 dearer"_s),
             qPrintable(runner->text()));
    auto* summary = ordo::test::gui::findWidget<QLabel>(&panel, u"routingSummary"_s);
    QVERIFY2(summary->text().contains(u"Routed"_s) && summary->text().contains(u"rule set version 3"_s) &&
                 summary->text().contains(u"total cost 7.20 USD"_s),
             qPrintable(summary->text()));
    QVERIFY(ordo::test::gui::findWidget<QLabel>(&panel, u"routingReason"_s)->isHidden());
}

void TestRoutingPanel::neverRoutedShowsAPlaceholder() {
    RoutingPanel panel;
    panel.show();
    panel.showDecision(ordo::test::gui::sampleDecision());
    panel.showDecision(std::nullopt);
    auto* placeholder = ordo::test::gui::findWidget<QLabel>(&panel, u"routingPlaceholder"_s);
    QVERIFY(placeholder->isVisible());
    QCOMPARE(placeholder->text(), u"This order has not been routed yet."_s);
    QCOMPARE(panel.candidates()->rowCount(), 0);
}

void TestRoutingPanel::detailPanelHasARoutingTab() {
    ordo::ui::OrderDetailPanel detail;
    auto* tabs = ordo::test::gui::findWidget<QTabWidget>(&detail, u"detailTabs"_s);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->tabText(1), u"Routing"_s);
    QCOMPARE(tabs->widget(1), detail.routingPanel());
    ordo::OrderDetail order;
    order.order.id = 1;
    order.order.orderNumber = u"SO-20001"_s;
    detail.showDetail(order);
    detail.showDecision(1, ordo::test::gui::sampleDecision());
    QCOMPARE(detail.routingPanel()->candidates()->rowCount(), 4);
    detail.showDetail(order); // a refresh of the same order keeps its decision until the new one comes
    QCOMPARE(detail.routingPanel()->candidates()->rowCount(), 4);
    order.order.id = 2;
    detail.showDetail(order); // another order: its decision is not known yet
    QCOMPARE(detail.routingPanel()->candidates()->rowCount(), 0);
}

void TestRoutingPanel::ordersViewShowsTheStoredDecision() {
    // The latest decision stored with an order comes from the database through the backend's thread.
    std::unique_ptr<ordo::test::TestDatabase> database = ordo::test::TestDatabase::create(u"sqlite"_s);
    QVERIFY(database);
    ordo::test::gui::populate(database->db());
    const qint64 routed =
        ordo::OrderQuery(database->db()).findId(ordo::test::gui::orderNumber(1)).value_or(0);
    const qint64 never = ordo::OrderQuery(database->db()).findId(ordo::test::gui::orderNumber(2)).value_or(0);
    QVERIFY(routed && never);
    ordo::Decision older = ordo::test::gui::sampleDecision();
    older.orderId = routed;
    older.candidates.removeLast();
    older.decidedAtMs -= 60000;
    ordo::Decision latest = ordo::test::gui::sampleDecision();
    latest.orderId = routed;
    {
        ordo::Transaction tx(database->db());
        ordo::DecisionRepository decisions(database->db());
        decisions.store(older, u"system"_s);
        decisions.store(latest, u"system"_s);
        tx.commit();
    }
    ordo::ui::OrderBackend backend;
    backend.open(database->url());
    ordo::ui::OrdersView view(&backend, ordo::Actor{u"ana"_s, ordo::Role::CustomerService});
    view.resize(1300, 900);
    view.show();
    view.openOrder(routed);
    RoutingPanel* panel = view.detailPanel()->routingPanel();
    QTRY_COMPARE(panel->candidates()->rowCount(), 4); // the latest, not the older with 3
    QCOMPARE(panel->candidates()->candidate(0).locationCode, u"DC-EAST"_s);
    QCOMPARE(panel->shipments()->rowCount(), 1);
    view.openOrder(never);
    QTRY_VERIFY(ordo::test::gui::findWidget<QLabel>(panel, u"routingPlaceholder"_s)->isVisibleTo(panel));
    QCOMPARE(panel->candidates()->rowCount(), 0);
}

void TestRoutingPanel::savesScreenshot() {
    const QString dir = ordo::test::gui::screenshotDir();
    ordo::ui::OrderDetailPanel detail;
    detail.resize(1300, 640);
    ordo::OrderDetail order;
    order.order.id = 1;
    order.order.orderNumber = u"SO-20001"_s;
    order.order.status = ordo::OrderStatus::Routed;
    detail.showDetail(order);
    detail.showDecision(1, ordo::test::gui::sampleDecision());
    detail.tabs()->setCurrentIndex(1);
    detail.show();
    QVERIFY(QTest::qWaitForWindowExposed(&detail));
    detail.routingPanel()->explainLocation(u"DS-ACME"_s);
    QTest::qWait(50);
    QVERIFY(detail.grab().save(dir + u"/routing-tab.png"_s));
}

void TestRoutingPanel::summarySaysHowGoodTheAnswerIs_data() {
    QTest::addColumn<int>("method");
    QTest::addColumn<bool>("exact");
    QTest::addColumn<double>("gap"); // < 0: none
    QTest::addColumn<int>("solverMs");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("exact search") << int(ordo::SearchMethod::Exact) << true << 0.0 << 0
                                  << u"proven optimal"_s;
    QTest::newRow("integer programme, proven") << int(ordo::SearchMethod::IntegerProgramme) << true << 0.0
                                               << 42 << u"proven optimal (integer programme, 42 ms)"_s;
    QTest::newRow("integer programme, stopped")
        << int(ordo::SearchMethod::IntegerProgramme) << false << 0.0312 << 200
        << u"within 3.1% of the lower bound (integer programme, stopped after 200 ms)"_s;
    QTest::newRow("bounded search") << int(ordo::SearchMethod::Heuristic) << false << -1.0 << 0
                                    << u"heuristic: best found by a bounded search"_s;
}

void TestRoutingPanel::summarySaysHowGoodTheAnswerIs() {
    QFETCH(int, method);
    QFETCH(bool, exact);
    QFETCH(double, gap);
    QFETCH(int, solverMs);
    QFETCH(QString, sentence);
    ordo::Decision d = ordo::test::gui::sampleDecision();
    d.method = ordo::SearchMethod(method);
    d.exact = exact;
    d.gap = gap < 0 ? std::nullopt : std::optional<double>(gap);
    d.solverMs = solverMs;
    QCOMPARE(RoutingPanel::qualityText(d), sentence);
    RoutingPanel panel;
    panel.showDecision(d);
    const QString summary = ordo::test::gui::findWidget<QLabel>(&panel, u"routingSummary"_s)->text();
    QVERIFY2(summary.contains(sentence), qPrintable(summary));
}

void TestRoutingPanel::savesScreenshotOfALargeOrder() {
    // A decision of the integer programme stopped by its time limit: the summary states the gap.
    ordo::Decision d = ordo::test::gui::sampleDecision();
    d.method = ordo::SearchMethod::IntegerProgramme;
    d.exact = false;
    d.bound = d.objective * 0.976;
    d.gap = 0.024;
    d.solverMs = 200;
    ordo::ui::OrderDetailPanel detail;
    detail.resize(1300, 640);
    ordo::OrderDetail order;
    order.order.id = 1;
    order.order.orderNumber = u"SO-20001"_s;
    order.order.status = ordo::OrderStatus::Routed;
    detail.showDetail(order);
    detail.showDecision(1, d);
    detail.tabs()->setCurrentIndex(1);
    detail.show();
    QVERIFY(QTest::qWaitForWindowExposed(&detail));
    const QLabel* summary = ordo::test::gui::findWidget<QLabel>(detail.routingPanel(), u"routingSummary"_s);
    QVERIFY(summary->isVisibleTo(&detail));
    QVERIFY(summary->text().contains(
        u"within 2.4% of the lower bound (integer programme, stopped after 200 ms)"_s));
    QTest::qWait(50);
    QVERIFY(detail.grab().save(ordo::test::gui::screenshotDir() + u"/routing-tab-integer-programme.png"_s));
}

QTEST_MAIN(TestRoutingPanel)
#include "tst_routingpanel.moc"
