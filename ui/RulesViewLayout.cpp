// The widgets of the Routing rules view; the behaviour is in RulesView.cpp.
#include "CostModelModel.h"
#include "RulesView.h"
#include "SimulationModel.h"
#include "StrategyEditor.h"

#include <QChartView>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

QPushButton* button(const QString& text, const QString& objectName, const QString& toolTip = {}) {
    auto* b = new QPushButton(text);
    b->setObjectName(objectName);
    if (!toolTip.isEmpty())
        b->setToolTip(toolTip);
    return b;
}

QTableView* readOnlyTable(const QString& objectName) {
    auto* table = new QTableView;
    table->setObjectName(objectName);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QLabel* sectionTitle(const QString& text) {
    auto* label = new QLabel(text);
    label->setProperty("role", u"sectionTitle"_s);
    return label;
}

} // namespace

void RulesView::buildLayout() {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);

    auto* bar = new QHBoxLayout;
    auto* title = new QLabel(tr("Rule set:"));
    m_combo = new QComboBox;
    m_combo->setObjectName(u"ruleSetCombo"_s);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setMinimumContentsLength(34);
    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName(u"ruleSetState"_s);
    m_newDraft = button(tr("New draft"), u"newDraftButton"_s, tr("Start a draft from the rule set shown"));
    m_validate = button(tr("Validate"), u"validateButton"_s, tr("Check the draft for mistakes"));
    m_save = button(tr("Save draft"), u"saveDraftButton"_s);
    m_simulate = button(tr("Simulate on the last 30 days"), u"simulateButton"_s,
                        tr("Replay the orders of the last 30 days under this draft, the active rules and the "
                           "greedy baseline; nothing is reserved"));
    m_publish = button(tr("Publish…"), u"publishButton"_s, tr("Make this draft the active rule set"));
    bar->addWidget(title);
    bar->addWidget(m_combo);
    bar->addWidget(m_stateLabel, 1);
    for (QPushButton* b : {m_newDraft, m_validate, m_save, m_simulate, m_publish})
        bar->addWidget(b);
    layout->addLayout(bar);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"rulesTabs"_s);
    m_tabs->addTab(buildStrategiesPage(), tr("Strategies"));
    m_tabs->addTab(buildCostsPage(), tr("Cost model"));
    m_tabs->addTab(buildSimulationPage(), tr("Simulation"));
    m_tabs->addTab(buildHistoryPage(), tr("History"));
    layout->addWidget(m_tabs, 1);

    m_problems = new QListWidget;
    m_problems->setObjectName(u"problemList"_s);
    m_problems->setMaximumHeight(m_problems->fontMetrics().height() * 6);
    m_problems->setWordWrap(true);
    m_problems->hide();
    layout->addWidget(m_problems);
}

QWidget* RulesView::buildStrategiesPage() {
    auto* split = new QSplitter(Qt::Horizontal);
    split->setObjectName(u"strategiesSplitter"_s);
    split->setChildrenCollapsible(false);

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 6, 0, 0);
    leftLayout->addWidget(sectionTitle(tr("Tried in this order")));
    m_strategyList = new QListWidget;
    m_strategyList->setObjectName(u"strategyList"_s);
    leftLayout->addWidget(m_strategyList, 1);
    auto* buttons = new QHBoxLayout;
    m_add = button(tr("Add"), u"addStrategyButton"_s);
    m_remove = button(tr("Remove"), u"removeStrategyButton"_s);
    m_up = button(tr("Up"), u"moveUpButton"_s, tr("Try this strategy earlier"));
    m_down = button(tr("Down"), u"moveDownButton"_s, tr("Try this strategy later"));
    for (QPushButton* b : {m_add, m_remove, m_up, m_down})
        buttons->addWidget(b);
    leftLayout->addLayout(buttons);
    split->addWidget(left);

    m_editor = new StrategyEditor;
    split->addWidget(m_editor);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({280, 900});
    return split;
}

QWidget* RulesView::buildCostsPage() {
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    auto* intro =
        new QLabel(tr("Shipment cost = base fee of the shipping location's type + rate per km × the "
                      "great-circle distance from the location to the ship-to address. A pickup handed "
                      "over where the stock is costs nothing."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_currency = new QLineEdit;
    m_currency->setObjectName(u"currencyEdit"_s);
    m_currency->setMaxLength(3);
    m_currency->setMaximumWidth(80);
    form->addRow(tr("Currency:"), m_currency);
    layout->addLayout(form);
    m_costTable = readOnlyTable(u"costTable"_s);
    m_costTable->setModel(m_costs);
    m_costTable->setEditTriggers(QAbstractItemView::AllEditTriggers);
    const QFontMetrics metrics = m_costTable->fontMetrics();
    QHeaderView* header = m_costTable->horizontalHeader();
    header->resizeSection(CostModelModel::Type, metrics.horizontalAdvance(tr("Distribution centre")) + 40);
    header->resizeSection(CostModelModel::BaseFee,
                          metrics.horizontalAdvance(tr("Base fee per shipment")) + 40);
    header->resizeSection(CostModelModel::PerKm, metrics.horizontalAdvance(u"0.00000 USD/km"_s) + 40);
    m_costTable->setMaximumHeight(m_costTable->verticalHeader()->defaultSectionSize() * 5 + header->height() +
                                  40);
    layout->addWidget(m_costTable);
    layout->addStretch(1);
    return page;
}

QWidget* RulesView::buildSimulationPage() {
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    auto* progressRow = new QHBoxLayout;
    m_simulationNote =
        new QLabel(tr("Run “Simulate on the last 30 days” to compare this draft with the active "
                      "rules and the greedy baseline."));
    m_simulationNote->setObjectName(u"simulationNote"_s);
    m_simulationNote->setWordWrap(true);
    m_progress = new QProgressBar;
    m_progress->setObjectName(u"simulationProgress"_s);
    m_progress->setMaximumWidth(260);
    m_progress->hide();
    m_cancelButton = button(tr("Cancel"), u"cancelSimulationButton"_s);
    m_cancelButton->hide();
    progressRow->addWidget(m_simulationNote, 1);
    progressRow->addWidget(m_progress);
    progressRow->addWidget(m_cancelButton);
    layout->addLayout(progressRow);

    auto* top = new QSplitter(Qt::Horizontal);
    top->setChildrenCollapsible(false);
    m_simulationTable = readOnlyTable(u"simulationTable"_s);
    m_simulationTable->setModel(m_simulation);
    m_simulationTable->horizontalHeader()->setStretchLastSection(false);
    top->addWidget(m_simulationTable);
    m_chart = new QChartView;
    m_chart->setObjectName(u"simulationChart"_s);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumWidth(460);
    top->addWidget(m_chart);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);

    auto* vertical = new QSplitter(Qt::Vertical);
    vertical->setChildrenCollapsible(false);
    vertical->addWidget(top);
    auto* changes = new QWidget;
    auto* changesLayout = new QVBoxLayout(changes);
    changesLayout->setContentsMargins(0, 0, 0, 0);
    changesLayout->addWidget(sectionTitle(tr("Orders the draft routes differently")));
    m_changeTable = readOnlyTable(u"changeTable"_s);
    m_changeTable->setModel(m_changes);
    m_changeTable->setSortingEnabled(false);
    changesLayout->addWidget(m_changeTable);
    vertical->addWidget(changes);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    layout->addWidget(vertical, 1);
    return page;
}

QWidget* RulesView::buildHistoryPage() {
    auto* split = new QSplitter(Qt::Vertical);
    split->setChildrenCollapsible(false);
    m_history = new QTableWidget(0, 6);
    m_history->setObjectName(u"historyTable"_s);
    m_history->setHorizontalHeaderLabels(
        {tr("Version"), tr("State"), tr("Author"), tr("Created"), tr("Published"), tr("Comment")});
    m_history->verticalHeader()->hide();
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->verticalHeader()->setDefaultSectionSize(m_history->fontMetrics().height() + 10);
    split->addWidget(m_history);
    auto* diffBox = new QWidget;
    auto* diffLayout = new QVBoxLayout(diffBox);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->addWidget(sectionTitle(tr("Changes from the version before")));
    m_diff = new QPlainTextEdit;
    m_diff->setObjectName(u"diffText"_s);
    m_diff->setReadOnly(true);
    m_diff->setPlaceholderText(tr("Select a version to see what changed."));
    diffLayout->addWidget(m_diff);
    split->addWidget(diffBox);
    return split;
}

} // namespace ordo::ui
