#include "CostModelModel.h"
#include "CriteriaWeightModel.h"
#include "GuiFixture.h"
#include "MainWindow.h"
#include "OrderBackend.h"
#include "RulesService.h"
#include "RulesView.h"
#include "Screenshots.h"
#include "SimulationModel.h"
#include "StrategyEditor.h"
#include "TestDatabase.h"
#include "WidgetLookup.h"
#include "sourcing/RuleSetRepository.h"
#include "storage/PositionRepository.h"
#include "storage/SqlQuery.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using ordo::Criterion;
using ordo::RuleSetState;
using ordo::ui::CostModelModel;
using ordo::ui::CriteriaWeightModel;
using ordo::ui::RulesView;
using ordo::ui::SimulationModel;

class TestRulesView : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsTheActiveRuleSetReadOnly();
    void newDraftEditsAWeightAndSavesIt();
    void validationNamesTheField();
    void strategiesAreAddedReorderedAndRemoved();
    void simulationShowsTableChartAndChanges();
    void publishMakesTheDraftActive();
    void historyShowsTheDifferences();
    void onlyAdminsSeeTheRulesEntry();
    void savesScreenshots();

private:
    template <typename T> T* find(const QString& name) const {
        return ordo::test::gui::findWidget<T>(m_view.get(), name);
    }
    void setWeight(Criterion criterion, double weight);
    // The story the slots build on, each from a fresh database: version 2 saved as a draft (the distance
    // weighs 0.5, the distribution centres' base fee is 3.75)...
    void saveADraft();
    // ...then edited again (the fee 4.00) and published: the edits are saved as version 3, which is active.
    void publishAnEditedDraft();
    ordo::RuleSetRepository repository() const { return ordo::RuleSetRepository(m_database->db()); }

    std::unique_ptr<ordo::test::TestDatabase> m_database;
    std::unique_ptr<ordo::ui::OrderBackend> m_backend;
    std::unique_ptr<RulesView> m_view;
    ordo::Actor m_admin{u"alex"_s, ordo::Role::Admin};
    QString m_strategyName;
};

void TestRulesView::init() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"OrdoTest"_s);
    QCoreApplication::setApplicationName(u"tst_rulesview"_s);
    m_database = ordo::test::TestDatabase::create(u"sqlite"_s);
    QVERIFY(m_database);
    ordo::test::gui::populate(m_database->db()); // orders to simulate on
    {
        // Stock to route them from: 40 units of every SKU at every location, fewer than the orders ask for,
        // so that the replays fill some orders and leave others unfillable.
        ordo::PositionRepository positions(m_database->db());
        ordo::SqlQuery locations(m_database->db(), u"SELECT id FROM locations"_s);
        locations.exec();
        while (locations.next()) {
            ordo::SqlQuery skus(m_database->db(), u"SELECT id FROM skus"_s);
            skus.exec();
            while (skus.next())
                positions.setOnHand(locations.value(0).toLongLong(), skus.value(0).toLongLong(), 40, 0);
        }
    }
    {
        // Version 1, active: the defaults.
        ordo::RuleSetRepository rules(m_database->db());
        const ordo::RuleSet first = rules.saveDraft(ordo::RuleSet::defaults(), m_admin, u"first rules"_s);
        rules.publish(first.version, m_admin, u"first rules"_s);
    }
    m_strategyName = ordo::RuleSet::defaults().strategies.first().name;
    m_backend = std::make_unique<ordo::ui::OrderBackend>();
    m_backend->open(m_database->url());
    m_view = std::make_unique<RulesView>(m_backend.get(), m_admin, ordo::ui::makeCoreRulesService());
    QSignalSpy loaded(m_view.get(), &RulesView::loaded);
    m_view->resize(1300, 760);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QVERIFY(loaded.count() > 0 || loaded.wait(10000));
}

void TestRulesView::cleanup() {
    m_view.reset();
    m_backend.reset();
    m_database.reset();
}

void TestRulesView::setWeight(Criterion criterion, double weight) {
    CriteriaWeightModel* model = m_view->strategyEditor()->criteria();
    const int row = model->rowOf(criterion);
    QVERIFY(
        model->setData(model->index(row, CriteriaWeightModel::Criterion), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model->setData(model->index(row, CriteriaWeightModel::Weight), weight, Qt::EditRole));
}

void TestRulesView::saveADraft() {
    m_view->newDraft();
    setWeight(Criterion::Distance, 0.5);
    QVERIFY(m_view->costModel()->setData(m_view->costModel()->index(0, CostModelModel::BaseFee), u"3.75"_s));
    QSignalSpy saved(m_view.get(), &RulesView::saved);
    QSignalSpy loaded(m_view.get(), &RulesView::loaded);
    m_view->saveDraft();
    QVERIFY(saved.wait(10000));
    QVERIFY(loaded.count() > 0 || loaded.wait(10000));
    QVERIFY(!m_view->isDirty());
}

void TestRulesView::publishAnEditedDraft() {
    saveADraft();
    QVERIFY(m_view->costModel()->setData(m_view->costModel()->index(0, CostModelModel::BaseFee), u"4.00"_s));
    QVERIFY(m_view->isDirty());
    QSignalSpy published(m_view.get(), &RulesView::published);
    QSignalSpy loaded(m_view.get(), &RulesView::loaded);
    m_view->publish(u"Distance counts too"_s);
    QVERIFY(published.wait(10000));
    QVERIFY(loaded.count() > 0 || loaded.wait(10000));
}

void TestRulesView::showsTheActiveRuleSetReadOnly() {
    auto* combo = find<QComboBox>(u"ruleSetCombo"_s);
    QCOMPARE(combo->count(), 1);
    QCOMPARE(combo->currentText(), u"Version 1 — Active"_s);
    QCOMPARE(m_view->currentRuleSet().state, RuleSetState::Active);
    QCOMPARE(m_view->strategyList()->count(), 1);
    QCOMPARE(m_view->strategyList()->item(0)->text(), u"1. "_s + m_strategyName);
    QVERIFY(!find<QPushButton>(u"saveDraftButton"_s)->isEnabled());
    QVERIFY(!find<QPushButton>(u"publishButton"_s)->isEnabled());
    QVERIFY(find<QPushButton>(u"newDraftButton"_s)->isEnabled());
    QVERIFY(find<QLineEdit>(u"strategyName"_s)->isReadOnly());
}

void TestRulesView::newDraftEditsAWeightAndSavesIt() {
    m_view->newDraft();
    QVERIFY(m_view->isDirty());
    QCOMPARE(m_view->currentRuleSet().state, RuleSetState::Draft);
    QCOMPARE(find<QComboBox>(u"ruleSetCombo"_s)->currentText(), u"New draft (not saved)"_s);
    QVERIFY(!find<QLineEdit>(u"strategyName"_s)->isReadOnly());
    setWeight(Criterion::Distance, 0.5);
    QVERIFY(m_view->costModel()->setData(m_view->costModel()->index(0, CostModelModel::BaseFee), u"3.75"_s));

    QSignalSpy saved(m_view.get(), &RulesView::saved);
    QSignalSpy loaded(m_view.get(), &RulesView::loaded);
    m_view->saveDraft();
    QVERIFY(saved.wait(10000));
    QVERIFY(loaded.wait(10000));
    // What the database holds now: version 2, a draft, with the weight typed in.
    const std::optional<ordo::RuleSet> draft = repository().load(2);
    QVERIFY(draft);
    QCOMPARE(draft->state, RuleSetState::Draft);
    QCOMPARE(draft->author, u"alex"_s);
    QVERIFY2(draft->strategies.first().ranking.contains(ordo::CriterionWeight{Criterion::Distance, 0.5}),
             "the saved draft has the weight typed in");
    QCOMPARE(draft->costs.forType(ordo::LocationType::Dc).baseFeeMinor, 375);
    QCOMPARE(repository().active().version, 1);
    QCOMPARE(find<QComboBox>(u"ruleSetCombo"_s)->currentText(), u"Version 2 — Draft"_s);
    QVERIFY(!m_view->isDirty());
}

void TestRulesView::validationNamesTheField() {
    saveADraft();
    auto* fallback = find<QComboBox>(u"fallbackAction"_s);
    fallback->setCurrentIndex(fallback->findData(int(ordo::Fallback::Action::NextStrategy)));
    find<QLineEdit>(u"strategyName"_s)->clear();
    QVERIFY(m_view->isDirty());
    const QList<ordo::RuleSetProblem> problems = m_view->validate();
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(0).field, u"strategies[0].name"_s);
    QCOMPARE(problems.at(0).message, u"Strategy 1, name: a strategy needs a name"_s);
    QCOMPARE(problems.at(1).field, u"strategies[0].fallback.action"_s);
    QVERIFY(m_view->problemList()->isVisible());
    QCOMPARE(m_view->problemList()->count(), 2);
    // Saving refuses while the draft has problems.
    const int versions = int(repository().list().size());
    m_view->saveDraft();
    QVERIFY(!m_view->isBusy());
    QCOMPARE(repository().list().size(), versions);
    // Activating a problem shows the tab with its field.
    m_view->strategyEditor()->tabs()->setCurrentIndex(0);
    emit m_view->problemList()->itemActivated(m_view->problemList()->item(1));
    QCOMPARE(m_view->strategyEditor()->tabs()->currentIndex(), 3);

    find<QLineEdit>(u"strategyName"_s)->setText(m_strategyName);
    fallback->setCurrentIndex(fallback->findData(int(ordo::Fallback::Action::Hold)));
    QVERIFY(m_view->validate().isEmpty());
    QVERIFY(m_view->problemList()->isHidden());
}

void TestRulesView::strategiesAreAddedReorderedAndRemoved() {
    saveADraft();
    m_view->addStrategy();
    QCOMPARE(m_view->strategyList()->count(), 2);
    QCOMPARE(m_view->strategyList()->currentRow(), 1);
    auto* name = find<QLineEdit>(u"strategyName"_s);
    name->setText(u"Stores nearby"_s);
    emit name->textEdited(name->text());
    find<QCheckBox>(u"type_store"_s)->setChecked(true);
    m_view->moveStrategy(1, -1);
    ordo::RuleSet rules = m_view->currentRuleSet();
    QCOMPARE(rules.strategies.size(), 2);
    QCOMPARE(rules.strategies.at(0).name, u"Stores nearby"_s);
    QCOMPARE(rules.strategies.at(0).filters.types, QList<ordo::LocationType>{ordo::LocationType::Store});
    QCOMPARE(rules.strategies.at(1).name, m_strategyName);
    QCOMPARE(m_view->strategyList()->item(0)->text(), u"1. Stores nearby"_s);
    m_view->removeStrategy(0);
    rules = m_view->currentRuleSet();
    QCOMPARE(rules.strategies.size(), 1);
    QCOMPARE(rules.strategies.at(0).name, m_strategyName);
}

void TestRulesView::simulationShowsTableChartAndChanges() {
    // The fixture's 450 orders, one an hour back from 2026-11-02 14:30 UTC.
    QSignalSpy simulated(m_view.get(), &RulesView::simulated);
    m_view->simulate(QDateTime(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC),
                     QDateTime(QDate(2026, 11, 3), QTime(0, 0), Qt::UTC));
    QVERIFY(m_view->isBusy());
    QVERIFY(simulated.wait(60000));
    QVERIFY(!m_view->isBusy());
    QCOMPARE(m_view->tabs()->currentIndex(), int(RulesView::SimulationTab));
    SimulationModel* model = m_view->simulationModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0, SimulationModel::Arm).data().toString(), u"Draft"_s);
    QCOMPARE(model->index(1, SimulationModel::Arm).data().toString(), u"Active (version 1)"_s);
    QCOMPARE(model->index(2, SimulationModel::Arm).data().toString(), u"Greedy baseline"_s);
    const ordo::SimulationReport& report = model->report();
    QCOMPARE(report.orders, ordo::test::gui::orderCount);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(model->index(row, SimulationModel::Orders).data().toString(), u"450"_s);
        QCOMPARE(model->index(row, SimulationModel::TotalCost).data(SimulationModel::RawRole).toLongLong(),
                 model->run(row).totalCostMinor);
        // Scarce stock: every replay ships some orders at a cost and leaves others unfilled.
        QVERIFY(model->run(row).routedOrders > 0);
        QVERIFY(model->run(row).unfillableOrders > 0);
        QVERIFY(model->run(row).totalCostMinor > 0);
        QCOMPARE(model->run(row).routedOrders + model->run(row).unfillableOrders, 450);
    }
    QCOMPARE(m_view->changeModel()->rowCount(), int(report.changes.size()));
    auto* progress = find<QProgressBar>(u"simulationProgress"_s);
    QCOMPARE(progress->value(), 3);
    QCOMPARE(progress->maximum(), 3);
    QChart* chart = m_view->chartView()->chart();
    QCOMPARE(chart->series().size(), 1);
    auto* bars = qobject_cast<QBarSeries*>(chart->series().first());
    QVERIFY(bars);
    QCOMPARE(bars->count(), 3);
    QCOMPARE(bars->barSets().at(1)->at(0), 100.0); // the active rules are the yardstick
}

void TestRulesView::publishMakesTheDraftActive() {
    saveADraft();
    // An edit since the save: publishing saves it first.
    QVERIFY(m_view->costModel()->setData(m_view->costModel()->index(0, CostModelModel::BaseFee), u"4.00"_s));
    QSignalSpy published(m_view.get(), &RulesView::published);
    QSignalSpy loaded(m_view.get(), &RulesView::loaded);
    m_view->publish(u"Distance counts too"_s);
    QVERIFY(published.wait(10000));
    QVERIFY(loaded.wait(10000));
    // The edits since the save were saved first (version 3), then published.
    const ordo::RuleSet active = repository().active();
    QCOMPARE(active.version, 3);
    QCOMPARE(active.state, RuleSetState::Active);
    QVERIFY(active.strategies.first().ranking.contains(ordo::CriterionWeight{Criterion::Distance, 0.5}));
    QCOMPARE(active.costs.forType(ordo::LocationType::Dc).baseFeeMinor, 400);
    QCOMPARE(repository().load(1)->state, RuleSetState::Archived);
    QCOMPARE(find<QComboBox>(u"ruleSetCombo"_s)->currentText(), u"Version 3 — Active"_s);
    QVERIFY(find<QLineEdit>(u"strategyName"_s)->isReadOnly());
    QVERIFY(!find<QPushButton>(u"publishButton"_s)->isEnabled());
}

void TestRulesView::historyShowsTheDifferences() {
    publishAnEditedDraft();
    m_view->tabs()->setCurrentIndex(RulesView::HistoryTab);
    auto* history = find<QTableWidget>(u"historyTable"_s);
    QCOMPARE(history->rowCount(), 3);
    QCOMPARE(history->item(0, 0)->text(), u"3"_s);
    QCOMPARE(history->item(0, 1)->text(), u"Active"_s);
    QCOMPARE(history->item(1, 1)->text(), u"Draft"_s);
    QCOMPARE(history->item(2, 1)->text(), u"Archived"_s);
    QCOMPARE(history->item(0, 5)->text(), u"Distance counts too"_s); // the publish comment
    QCOMPARE(history->item(2, 5)->text(), u"first rules"_s);
    QSignalSpy shown(m_view.get(), &RulesView::differencesShown);
    history->setCurrentCell(2, 0);
    QCOMPARE(find<QPlainTextEdit>(u"diffText"_s)->toPlainText(), u"Version 1 is the first version."_s);
    history->setCurrentCell(1, 0); // version 2 against version 1: the weight and the fee
    QVERIFY(shown.wait(10000));
    const QString diff = find<QPlainTextEdit>(u"diffText"_s)->toPlainText();
    QVERIFY2(diff.startsWith(u"From version 1 to version 2:"_s), qPrintable(diff));
    QVERIFY2(diff.contains(u"ranking"_s) && diff.contains(u"costs"_s), qPrintable(diff));
}

void TestRulesView::onlyAdminsSeeTheRulesEntry() {
    publishAnEditedDraft();
    using ordo::ui::MainWindow;
    const MainWindow::DatabaseInfo info{m_database->url(), m_database->db().displayName(), false};
    MainWindow manager(info, ordo::Actor{u"mia"_s, ordo::Role::Manager});
    QVERIFY(!manager.rulesView());
    QCOMPARE(ordo::test::gui::findWidget<QListWidget>(&manager, u"navigation"_s)->count(), 3);
    MainWindow admin(info, m_admin);
    QVERIFY(admin.rulesView());
    auto* navigation = ordo::test::gui::findWidget<QListWidget>(&admin, u"navigation"_s);
    QCOMPARE(navigation->count(), 4);
    QCOMPARE(navigation->item(3)->text(), u"Routing rules"_s);
    admin.showView(MainWindow::View::Rules);
    QCOMPARE(admin.currentView(), MainWindow::View::Rules);
    QSignalSpy loaded(admin.rulesView(), &RulesView::loaded);
    QVERIFY(loaded.count() > 0 || loaded.wait(10000));
    QCOMPARE(admin.rulesView()->ruleSets().size(), 3);
}

void TestRulesView::savesScreenshots() {
    const QString dir = ordo::test::gui::screenshotDir();
    m_view->tabs()->setCurrentIndex(RulesView::SimulationTab);
    QTest::qWait(50);
    QVERIFY(m_view->grab().save(dir + u"/rules-simulation.png"_s));
    m_view->tabs()->setCurrentIndex(RulesView::HistoryTab);
    QTest::qWait(50);
    QVERIFY(m_view->grab().save(dir + u"/rules-history.png"_s));
    m_view->newDraft();
    m_view->addStrategy();
    m_view->selectStrategy(0);
    m_view->tabs()->setCurrentIndex(RulesView::StrategiesTab);
    m_view->strategyEditor()->tabs()->setCurrentIndex(2);
    QTest::qWait(50);
    QVERIFY(m_view->grab().save(dir + u"/rules-ranking.png"_s));
    m_view->strategyEditor()->tabs()->setCurrentIndex(0);
    QTest::qWait(50);
    QVERIFY(m_view->grab().save(dir + u"/rules-conditions.png"_s));
    m_view->strategyEditor()->tabs()->setCurrentIndex(1);
    QTest::qWait(50);
    QVERIFY(m_view->grab().save(dir + u"/rules-filters.png"_s));
    m_view->strategyEditor()->tabs()->setCurrentIndex(3);
    find<QLineEdit>(u"strategyName"_s)->clear();
    m_view->validate();
    QTest::qWait(50);
    QVERIFY(m_view->grab().save(dir + u"/rules-split-validation.png"_s));
    m_view->tabs()->setCurrentIndex(RulesView::CostsTab);
    QTest::qWait(50);
    QVERIFY(m_view->grab().save(dir + u"/rules-costs.png"_s));
}

QTEST_MAIN(TestRulesView)
#include "tst_rulesview.moc"
