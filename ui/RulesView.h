#pragma once

#include "RulesService.h"
#include "model/Actor.h"
#include "sourcing/RuleSetCheck.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTableWidget;
class QPlainTextEdit;

class QChartView;

namespace ordo::ui {

class CostModelModel;
class OrderBackend;
class RoutingChangeModel;
class SimulationModel;
class StrategyEditor;

// Routing rules for administrators: the active rule set and the drafts, edited in forms and tables
// (strategies added, removed and reordered; conditions, filters, weights, split policy, fallback; the cost
// model per location type), validated with messages that name the field, saved, simulated on the last 30 days
// against the active rules and the greedy baseline, published with a comment; and the history of versions
// with their differences.
class RulesView : public QWidget {
    Q_OBJECT

public:
    enum Tab { StrategiesTab, CostsTab, SimulationTab, HistoryTab };

    RulesView(OrderBackend* backend, const Actor& actor, std::shared_ptr<RulesService> service,
              QWidget* parent = nullptr);
    ~RulesView() override;

    void refresh();
    // The rule set shown, with the editor's pending edits.
    RuleSet currentRuleSet() const;
    const QList<RuleSet>& ruleSets() const { return m_ruleSets; }
    bool isDirty() const { return m_dirty; }
    bool isBusy() const { return m_busy; }

    // The actions behind the buttons, without their dialogs.
    void selectRuleSet(qint64 id);
    void newDraft();                  // a draft copied from the rule set shown
    QList<RuleSetProblem> validate(); // shows the problems and returns them
    void saveDraft();
    void publish(const QString& comment); // the draft shown; saved first when edited
    void simulate(const QDateTime& from, const QDateTime& to);
    void simulateLastDays(int days);
    void cancelSimulation();
    void addStrategy();
    void removeStrategy(int index);
    void moveStrategy(int index, int delta);
    void selectStrategy(int index);
    void showDifferences(int fromVersion, int toVersion);

    StrategyEditor* strategyEditor() const { return m_editor; }
    CostModelModel* costModel() const { return m_costs; }
    SimulationModel* simulationModel() const { return m_simulation; }
    RoutingChangeModel* changeModel() const { return m_changes; }
    QListWidget* strategyList() const { return m_strategyList; }
    QListWidget* problemList() const { return m_problems; }
    QTabWidget* tabs() const { return m_tabs; }
    QChartView* chartView() const { return m_chart; }

signals:
    void statusMessage(const QString& message);
    void loaded();
    void saved(const ordo::RuleSet& ruleSet);
    void published(const ordo::RuleSet& ruleSet);
    void simulated();
    void differencesShown();
    void actionFailed(const QString& error);
    void openOrderRequested(qint64 orderId);

private:
    void buildLayout();
    QWidget* buildStrategiesPage();
    QWidget* buildCostsPage();
    QWidget* buildSimulationPage();
    QWidget* buildHistoryPage();
    void showRuleSet(const RuleSet& rules);
    void commitEditor();
    void fillStrategyList();
    void fillHistory();
    void fillCombo();
    void updateActions();
    void markDirty();
    void setBusy(bool busy, const QString& message = {});
    void fail(const QString& error);
    void showSimulation(const SimulationReport& report);
    void askPublish();
    bool editable() const;

    OrderBackend* m_backend;
    Actor m_actor;
    std::shared_ptr<RulesService> m_service;
    QList<RuleSet> m_ruleSets;
    RuleSet m_current;
    int m_strategyIndex = -1;
    bool m_dirty = false;
    bool m_busy = false;
    bool m_filling = false;
    std::shared_ptr<std::atomic_bool> m_cancel;

    QComboBox* m_combo = nullptr;
    QLabel* m_stateLabel = nullptr;
    QPushButton* m_newDraft = nullptr;
    QPushButton* m_validate = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_simulate = nullptr;
    QPushButton* m_publish = nullptr;
    QTabWidget* m_tabs = nullptr;
    QListWidget* m_strategyList = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_up = nullptr;
    QPushButton* m_down = nullptr;
    StrategyEditor* m_editor = nullptr;
    CostModelModel* m_costs = nullptr;
    QTableView* m_costTable = nullptr;
    QLineEdit* m_currency = nullptr;
    QListWidget* m_problems = nullptr;
    SimulationModel* m_simulation = nullptr;
    RoutingChangeModel* m_changes = nullptr;
    QTableView* m_simulationTable = nullptr;
    QTableView* m_changeTable = nullptr;
    QChartView* m_chart = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QLabel* m_simulationNote = nullptr;
    QTableWidget* m_history = nullptr;
    QPlainTextEdit* m_diff = nullptr;
};

} // namespace ordo::ui
