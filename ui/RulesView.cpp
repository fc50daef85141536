#include "RulesView.h"

#include "CostModelModel.h"
#include "Format.h"
#include "OrderBackend.h"
#include "RoutingText.h"
#include "SimulationChart.h"
#include "SimulationModel.h"
#include "StrategyEditor.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

// Runs `f` on the GUI thread if `view` still exists then. Safe to call from the database thread.
template <typename F> void onGui(QPointer<RulesView> view, F f) {
    QMetaObject::invokeMethod(
        qApp,
        [view, f = std::move(f)]() mutable {
            if (view)
                f();
        },
        Qt::QueuedConnection);
}

QString versionTitle(const RuleSet& rules) {
    if (rules.id == 0)
        return RulesView::tr("New draft (not saved)");
    return RulesView::tr("Version %1 — %2").arg(rules.version).arg(ruleSetStateName(rules.state));
}

} // namespace

RulesView::RulesView(OrderBackend* backend, const Actor& actor, std::shared_ptr<RulesService> service,
                     QWidget* parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_actor(actor)
    , m_service(std::move(service))
    , m_costs(new CostModelModel(this))
    , m_simulation(new SimulationModel(this))
    , m_changes(new RoutingChangeModel(this)) {
    setObjectName(u"rulesView"_s);
    buildLayout();

    connect(m_combo, &QComboBox::activated, this,
            [this](int index) { selectRuleSet(m_combo->itemData(index).toLongLong()); });
    connect(m_newDraft, &QPushButton::clicked, this, &RulesView::newDraft);
    connect(m_validate, &QPushButton::clicked, this, [this] {
        if (validate().isEmpty())
            emit statusMessage(tr("The draft has no problems."));
    });
    connect(m_save, &QPushButton::clicked, this, &RulesView::saveDraft);
    connect(m_simulate, &QPushButton::clicked, this, [this] { simulateLastDays(30); });
    connect(m_publish, &QPushButton::clicked, this, &RulesView::askPublish);
    connect(m_cancelButton, &QPushButton::clicked, this, &RulesView::cancelSimulation);
    connect(m_add, &QPushButton::clicked, this, &RulesView::addStrategy);
    connect(m_remove, &QPushButton::clicked, this, [this] { removeStrategy(m_strategyList->currentRow()); });
    connect(m_up, &QPushButton::clicked, this, [this] { moveStrategy(m_strategyList->currentRow(), -1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveStrategy(m_strategyList->currentRow(), 1); });
    connect(m_strategyList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_filling)
            selectStrategy(row);
    });
    connect(m_editor, &StrategyEditor::edited, this, [this] {
        markDirty();
        if (QListWidgetItem* item = m_strategyList->item(m_strategyIndex))
            item->setText(u"%1. %2"_s.arg(m_strategyIndex + 1).arg(m_editor->strategy().name));
    });
    connect(m_costs, &CostModelModel::edited, this, &RulesView::markDirty);
    connect(m_currency, &QLineEdit::textEdited, this, &RulesView::markDirty);
    connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const int strategy = item->data(Qt::UserRole).toInt();
        const QString field = item->data(Qt::UserRole + 1).toString();
        if (strategy < 0) {
            m_tabs->setCurrentIndex(CostsTab);
            return;
        }
        m_tabs->setCurrentIndex(StrategiesTab);
        selectStrategy(strategy);
        m_editor->revealField(field.section(u'.', 1));
    });
    connect(m_history, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row < 0 || row >= m_ruleSets.size())
            return;
        const RuleSet& to = m_ruleSets.at(row);
        if (row + 1 < m_ruleSets.size())
            showDifferences(m_ruleSets.at(row + 1).version, to.version);
        else
            m_diff->setPlainText(tr("Version %1 is the first version.").arg(to.version));
    });
    connect(m_changeTable, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit openOrderRequested(index.data(RoutingChangeModel::IdRole).toLongLong());
    });
    showRuleSet(RuleSet{});
    refresh();
}

RulesView::~RulesView() {
    if (m_cancel)
        *m_cancel = true;
}

bool RulesView::editable() const {
    // Only drafts change; an empty value (nothing stored yet) is not a draft until "New draft" fills it.
    return m_current.state == RuleSetState::Draft && m_actor.may(Permission::EditRules) &&
           (m_current.id != 0 || !m_current.strategies.isEmpty());
}

void RulesView::refresh() {
    const qint64 keep = m_current.id;
    auto rows = std::make_shared<QList<RuleSet>>();
    setBusy(true, tr("Loading rule sets…"));
    QPointer<RulesView> self(this);
    m_backend->run([service = m_service, rows](Database& db) { *rows = service->ruleSets(db); },
                   [self, rows, keep](const QString& error) {
                       if (!self)
                           return;
                       self->setBusy(false);
                       if (!error.isEmpty()) {
                           self->fail(error);
                           return;
                       }
                       self->m_ruleSets = *rows;
                       if (self->m_dirty && self->m_current.id == keep) {
                           self->fillCombo(); // keep the edits on screen
                           self->fillHistory();
                       } else {
                           // The rule set shown before, else the newest draft, else the active one.
                           qint64 show = 0;
                           for (const RuleSet& rules : std::as_const(self->m_ruleSets))
                               if (rules.id == keep && keep != 0)
                                   show = keep;
                           for (const RuleSet& rules : std::as_const(self->m_ruleSets))
                               if (show == 0 && rules.state == RuleSetState::Draft)
                                   show = rules.id;
                           for (const RuleSet& rules : std::as_const(self->m_ruleSets))
                               if (show == 0 && rules.state == RuleSetState::Active)
                                   show = rules.id;
                           self->fillHistory();
                           self->selectRuleSet(show);
                       }
                       emit self->loaded();
                   });
}

void RulesView::selectRuleSet(qint64 id) {
    if (m_current.id == id && id != 0 && m_dirty)
        return;
    for (const RuleSet& rules : std::as_const(m_ruleSets))
        if (rules.id == id) {
            showRuleSet(rules);
            return;
        }
    if (id == 0 && m_current.id == 0 && m_dirty)
        return; // the unsaved draft stays
    showRuleSet(m_ruleSets.isEmpty() ? RuleSet{} : m_ruleSets.first());
}

void RulesView::showRuleSet(const RuleSet& rules) {
    m_current = rules;
    m_dirty = false;
    m_strategyIndex = -1;
    m_costs->setCostModel(rules.costs, rules.currency);
    m_currency->setText(rules.currency);
    fillCombo();
    fillStrategyList();
    selectStrategy(rules.strategies.isEmpty() ? -1 : 0);
    m_problems->clear();
    m_problems->hide();
    updateActions();
}

void RulesView::fillCombo() {
    m_combo->clear();
    if (m_current.id == 0 && !m_current.strategies.isEmpty())
        m_combo->addItem(versionTitle(m_current), qint64(0));
    for (const RuleSet& rules : std::as_const(m_ruleSets))
        m_combo->addItem(versionTitle(rules), rules.id);
    m_combo->setCurrentIndex(std::max(0, m_combo->findData(m_current.id)));
    QString state;
    if (m_current.id == 0 && !m_current.strategies.isEmpty())
        state = tr("copied from the rule set shown before; save it to keep it");
    else if (m_current.id != 0)
        state =
            m_current.state == RuleSetState::Active
                ? tr("active since %1, by %2").arg(formatDateTime(m_current.publishedAt), m_current.author)
                : tr("by %1, %2").arg(m_current.author, formatDateTime(m_current.createdAt));
    else
        state = tr("no rule set stored yet");
    if (m_current.state != RuleSetState::Draft && m_actor.may(Permission::EditRules))
        state += tr(" — read-only: start a new draft to change it");
    m_stateLabel->setText(state);
}

void RulesView::fillStrategyList() {
    m_filling = true;
    m_strategyList->clear();
    for (int i = 0; i < m_current.strategies.size(); ++i)
        m_strategyList->addItem(u"%1. %2"_s.arg(i + 1).arg(m_current.strategies.at(i).name));
    m_filling = false;
}

void RulesView::fillHistory() {
    m_history->setRowCount(int(m_ruleSets.size()));
    for (int row = 0; row < m_ruleSets.size(); ++row) {
        const RuleSet& rules = m_ruleSets.at(row);
        const QStringList cells = {QString::number(rules.version),
                                   ruleSetStateName(rules.state),
                                   rules.author,
                                   formatDateTime(rules.createdAt),
                                   rules.publishedAt.isValid() ? formatDateTime(rules.publishedAt) : tr("—"),
                                   rules.comment};
        for (int column = 0; column < cells.size(); ++column)
            m_history->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_history->resizeColumnsToContents();
    for (int column = 0; column < m_history->columnCount() - 1; ++column)
        m_history->setColumnWidth(column, m_history->columnWidth(column) + 16);
}

void RulesView::selectStrategy(int index) {
    if (index == m_strategyIndex && index >= 0)
        return;
    commitEditor();
    m_strategyIndex = index >= 0 && index < m_current.strategies.size() ? index : -1;
    m_filling = true;
    m_strategyList->setCurrentRow(m_strategyIndex);
    m_filling = false;
    m_editor->setEnabled(m_strategyIndex >= 0);
    if (m_strategyIndex >= 0)
        m_editor->setStrategy(m_current.strategies.at(m_strategyIndex));
    else
        m_editor->setStrategy(Strategy{});
    updateActions();
}

RuleSet RulesView::currentRuleSet() const {
    RuleSet rules = m_current;
    if (!editable())
        return rules;
    if (m_strategyIndex >= 0 && m_strategyIndex < rules.strategies.size())
        rules.strategies[m_strategyIndex] = m_editor->strategy();
    rules.costs = m_costs->costModel();
    rules.currency = m_currency->text().trimmed().toUpper();
    return rules;
}

void RulesView::commitEditor() {
    m_current = currentRuleSet();
}

void RulesView::markDirty() {
    if (!editable() || m_dirty)
        return;
    m_dirty = true;
    updateActions();
}

void RulesView::updateActions() {
    const bool canEdit = editable();
    const bool idle = !m_busy;
    const bool mayEdit = m_actor.may(Permission::EditRules);
    m_newDraft->setEnabled(idle && mayEdit && (m_current.id != 0 || m_ruleSets.isEmpty()));
    m_validate->setEnabled(canEdit);
    m_save->setEnabled(idle && canEdit && (m_dirty || m_current.id == 0));
    m_publish->setEnabled(idle && canEdit);
    m_simulate->setEnabled(idle && !m_current.strategies.isEmpty());
    const int row = m_strategyIndex;
    m_add->setEnabled(canEdit);
    m_remove->setEnabled(canEdit && row >= 0 && m_current.strategies.size() > 1);
    m_up->setEnabled(canEdit && row > 0);
    m_down->setEnabled(canEdit && row >= 0 && row + 1 < m_current.strategies.size());
    m_editor->setReadOnly(!canEdit);
    m_costTable->setEditTriggers(canEdit ? QAbstractItemView::AllEditTriggers
                                         : QAbstractItemView::NoEditTriggers);
    m_currency->setReadOnly(!canEdit);
    if (!mayEdit)
        m_newDraft->setToolTip(tr("Only administrators edit the routing rules"));
}

void RulesView::setBusy(bool busy, const QString& message) {
    m_busy = busy;
    if (!message.isEmpty())
        emit statusMessage(message);
    updateActions();
}

void RulesView::fail(const QString& error) {
    emit statusMessage(error);
    emit actionFailed(error);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Routing rules"), error, QMessageBox::Ok, this);
    box->setObjectName(u"rulesErrorBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void RulesView::newDraft() {
    if (!m_actor.may(Permission::EditRules))
        return;
    commitEditor();
    RuleSet draft = m_current.strategies.isEmpty() ? RuleSet::defaults() : m_current;
    draft.id = 0;
    draft.version = 0;
    draft.state = RuleSetState::Draft;
    draft.author = m_actor.user;
    draft.createdAt = QDateTime::currentDateTimeUtc();
    draft.publishedAt = {};
    draft.comment.clear();
    showRuleSet(draft);
    m_dirty = true;
    m_tabs->setCurrentIndex(StrategiesTab);
    updateActions();
    emit statusMessage(tr("New draft: edit it, then save or publish it."));
}

void RulesView::addStrategy() {
    if (!editable())
        return;
    commitEditor();
    Strategy strategy;
    strategy.name = tr("Strategy %1").arg(m_current.strategies.size() + 1);
    strategy.fallback.action = Fallback::Action::Hold;
    m_current.strategies.append(strategy);
    m_strategyIndex = -1;
    fillStrategyList();
    m_dirty = true;
    selectStrategy(int(m_current.strategies.size()) - 1);
}

void RulesView::removeStrategy(int index) {
    if (!editable() || index < 0 || index >= m_current.strategies.size() || m_current.strategies.size() < 2)
        return;
    commitEditor();
    m_current.strategies.removeAt(index);
    m_strategyIndex = -1;
    fillStrategyList();
    m_dirty = true;
    selectStrategy(std::min<int>(index, int(m_current.strategies.size()) - 1));
}

void RulesView::moveStrategy(int index, int delta) {
    const int to = index + delta;
    if (!editable() || index < 0 || to < 0 || index >= m_current.strategies.size() ||
        to >= m_current.strategies.size())
        return;
    commitEditor();
    m_current.strategies.move(index, to);
    m_strategyIndex = -1;
    fillStrategyList();
    m_dirty = true;
    selectStrategy(to);
}

QList<RuleSetProblem> RulesView::validate() {
    commitEditor();
    const QList<RuleSetProblem> problems = checkRuleSet(m_current);
    m_problems->clear();
    for (const RuleSetProblem& problem : problems) {
        auto* item = new QListWidgetItem(problem.message, m_problems);
        item->setData(Qt::UserRole, problem.strategy);
        item->setData(Qt::UserRole + 1, problem.field);
        item->setToolTip(problem.field);
        item->setForeground(QColor(0x7a, 0x14, 0x14));
    }
    m_problems->setVisible(!problems.isEmpty());
    if (!problems.isEmpty())
        emit statusMessage(problems.size() == 1 ? tr("The draft has 1 problem.")
                                                : tr("The draft has %1 problems.").arg(problems.size()));
    return problems;
}

void RulesView::saveDraft() {
    if (!editable() || m_busy)
        return;
    if (!validate().isEmpty())
        return;
    const RuleSet draft = m_current;
    auto stored = std::make_shared<RuleSet>();
    setBusy(true, tr("Saving the draft…"));
    QPointer<RulesView> self(this);
    m_backend->run([service = m_service, draft, stored,
                    actor = m_actor](Database& db) { *stored = service->saveDraft(db, draft, actor); },
                   [self, stored](const QString& error) {
                       if (!self)
                           return;
                       self->setBusy(false);
                       if (!error.isEmpty()) {
                           self->fail(error);
                           return;
                       }
                       self->m_current = *stored;
                       self->m_dirty = false;
                       emit self->statusMessage(tr("Draft version %1 saved.").arg(stored->version));
                       emit self->saved(*stored);
                       self->refresh();
                   });
}

void RulesView::askPublish() {
    const RuleSet draft = currentRuleSet();
    bool ok = false;
    const QString comment = QInputDialog::getMultiLineText(
        this, tr("Publish the draft"),
        tr("The draft becomes the active rule set and the active one is archived. What changes, and why?"),
        {}, &ok);
    if (ok)
        publish(comment);
}

void RulesView::publish(const QString& comment) {
    if (!editable() || m_busy)
        return;
    if (!validate().isEmpty())
        return;
    const RuleSet draft = m_current;
    const bool save = m_dirty || draft.id == 0;
    auto stored = std::make_shared<RuleSet>();
    setBusy(true, tr("Publishing…"));
    QPointer<RulesView> self(this);
    m_backend->run(
        [service = m_service, draft, stored, save, comment, actor = m_actor](Database& db) {
            const int version = save ? service->saveDraft(db, draft, actor).version : draft.version;
            *stored = service->publish(db, version, comment, actor);
        },
        [self, stored](const QString& error) {
            if (!self)
                return;
            self->setBusy(false);
            if (!error.isEmpty()) {
                self->fail(error);
                return;
            }
            self->m_current = *stored;
            self->m_dirty = false;
            emit self->statusMessage(tr("Version %1 is now the active rule set.").arg(stored->version));
            emit self->published(*stored);
            self->refresh();
        });
}

void RulesView::simulateLastDays(int days) {
    const QDateTime to = QDateTime::currentDateTimeUtc();
    simulate(to.addDays(-days), to);
}

void RulesView::simulate(const QDateTime& from, const QDateTime& to) {
    if (m_busy)
        return;
    commitEditor();
    if (editable() && !validate().isEmpty())
        return;
    const RuleSet draft = m_current;
    auto result = std::make_shared<SimulationReport>();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_tabs->setCurrentIndex(SimulationTab);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancelButton->show();
    m_simulationNote->setText(
        tr("Replaying the orders from %1 to %2…").arg(formatDateTime(from), formatDateTime(to)));
    setBusy(true, tr("Simulating…"));
    QPointer<RulesView> self(this);
    const auto progress = [self, cancel = m_cancel](int done, int total) {
        onGui(self, [self, done, total] {
            self->m_progress->setRange(0, std::max(total, 1));
            self->m_progress->setValue(done);
        });
        return !*cancel;
    };
    m_backend->run([service = m_service, draft, from, to, result,
                    progress](Database& db) { *result = service->simulate(db, draft, from, to, progress); },
                   [self, result](const QString& error) {
                       if (!self)
                           return;
                       self->setBusy(false);
                       self->m_progress->hide();
                       self->m_cancelButton->hide();
                       if (!error.isEmpty()) {
                           self->m_simulationNote->setText(
                               tr("The simulation did not finish: %1").arg(error));
                           emit self->statusMessage(error);
                           return;
                       }
                       self->showSimulation(*result);
                   });
}

void RulesView::cancelSimulation() {
    if (m_cancel)
        *m_cancel = true;
    m_simulationNote->setText(tr("Cancelling…"));
}

void RulesView::showSimulation(const SimulationReport& report) {
    m_simulation->setReport(report);
    m_changes->setChanges(report.changes, report.currency);
    m_simulationTable->resizeColumnsToContents();
    for (int column = 0; column < SimulationModel::ColumnCount; ++column)
        m_simulationTable->setColumnWidth(column, m_simulationTable->columnWidth(column) + 14);
    m_changeTable->resizeColumnsToContents();
    for (int column = 0; column < RoutingChangeModel::ColumnCount - 1; ++column)
        m_changeTable->setColumnWidth(column, std::min(m_changeTable->columnWidth(column) + 24, 420));
    QChart* old = m_chart->chart();
    m_chart->setChart(makeSimulationChart(report));
    delete old;
    m_simulationNote->setText(tr("%1 orders from %2 to %3; the draft routes %4 of them differently.")
                                  .arg(formatCount(report.orders), formatDateTime(report.from),
                                       formatDateTime(report.to), formatCount(report.changes.size())));
    emit statusMessage(tr("Simulation finished."));
    emit simulated();
}

void RulesView::showDifferences(int fromVersion, int toVersion) {
    auto changes = std::make_shared<QList<RuleSetChange>>();
    QPointer<RulesView> self(this);
    m_diff->setPlainText(tr("Comparing…"));
    m_backend->run([service = m_service, fromVersion, toVersion,
                    changes](Database& db) { *changes = service->differences(db, fromVersion, toVersion); },
                   [self, changes, fromVersion, toVersion](const QString& error) {
                       if (!self)
                           return;
                       QStringList lines;
                       for (const RuleSetChange& change : std::as_const(*changes)) {
                           if (change.after == u"added"_s)
                               lines.append(tr("%1: added").arg(change.path));
                           else if (change.before == u"removed"_s)
                               lines.append(tr("%1: removed").arg(change.path));
                           else
                               lines.append(tr("%1: %2 → %3").arg(change.path, change.before, change.after));
                       }
                       if (!error.isEmpty())
                           self->m_diff->setPlainText(error);
                       else
                           self->m_diff->setPlainText(
                               lines.isEmpty()
                                   ? tr("No differences between version %1 and version %2.")
                                         .arg(fromVersion)
                                         .arg(toVersion)
                                   : tr("From version %1 to version %2:\n").arg(fromVersion).arg(toVersion) +
                                         lines.join(u'\n'));
                       emit self->differencesShown();
                   });
}

} // namespace ordo::ui
