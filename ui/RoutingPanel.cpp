#include "RoutingPanel.h"

#include "CandidateModel.h"
#include "Format.h"
#include "RoutingText.h"
#include "ShipmentModel.h"

#include <QCheckBox>
#include <QDateTime>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

QTableView* makeTable(const QString& objectName) {
    auto* table = new QTableView;
    table->setObjectName(objectName);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QLabel* wrappingLabel(const QString& objectName) {
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

void fitColumns(QTableView* table) {
    table->resizeColumnsToContents();
    QHeaderView* header = table->horizontalHeader();
    for (int column = 0; column < header->count() - 1; ++column)
        header->resizeSection(column, header->sectionSize(column) + 14);
}

} // namespace

RoutingPanel::RoutingPanel(QWidget* parent)
    : QWidget(parent)
    , m_candidates(new CandidateModel(this))
    , m_candidateProxy(new QSortFilterProxyModel(this))
    , m_shipments(new ShipmentModel(this)) {
    setObjectName(u"routingPanel"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    m_pages = new QStackedWidget;
    layout->addWidget(m_pages);

    m_placeholder = new QLabel(tr("This order has not been routed yet."));
    m_placeholder->setObjectName(u"routingPlaceholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_pages->addWidget(m_placeholder);

    auto* page = new QWidget;
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = wrappingLabel(u"routingSummary"_s);
    m_summary->setTextFormat(Qt::RichText);
    m_reason = wrappingLabel(u"routingReason"_s);
    m_reason->setProperty("role", u"exceptionBox"_s);
    pageLayout->addWidget(m_summary);
    pageLayout->addWidget(m_reason);

    auto* split = new QSplitter(Qt::Horizontal);
    split->setObjectName(u"routingSplitter"_s);
    split->setChildrenCollapsible(false);
    auto* tables = new QSplitter(Qt::Vertical);
    tables->setChildrenCollapsible(false);

    auto* shipmentsBox = new QGroupBox(tr("Chosen shipments"));
    auto* shipmentsLayout = new QVBoxLayout(shipmentsBox);
    m_shipmentTable = makeTable(u"shipmentsTable"_s);
    m_shipmentTable->setModel(m_shipments);
    m_shipmentTable->horizontalHeader()->setStretchLastSection(false);
    m_shipmentTable->setMaximumHeight(m_shipmentTable->verticalHeader()->defaultSectionSize() * 4 +
                                      m_shipmentTable->horizontalHeader()->sizeHint().height() + 6);
    shipmentsLayout->addWidget(m_shipmentTable);
    tables->addWidget(shipmentsBox);

    auto* candidatesBox = new QGroupBox(tr("Candidate locations"));
    auto* candidatesLayout = new QVBoxLayout(candidatesBox);
    m_candidateProxy->setSourceModel(m_candidates);
    m_candidateProxy->setSortRole(CandidateModel::RawRole);
    m_candidateTable = makeTable(u"candidatesTable"_s);
    m_candidateTable->setModel(m_candidateProxy);
    m_candidateTable->setSortingEnabled(true);
    candidatesLayout->addWidget(m_candidateTable);
    m_showNotConsidered = new QCheckBox(tr("Show locations not considered"));
    m_showNotConsidered->setObjectName(u"showNotConsidered"_s);
    m_showNotConsidered->setToolTip(tr(
        "Add a greyed row for every other location of the network, with why the router did not consider it"));
    connect(m_showNotConsidered, &QCheckBox::toggled, m_candidates, &CandidateModel::setShowNotConsidered);
    candidatesLayout->addWidget(m_showNotConsidered);
    auto* hint = new QLabel(tr("Click a location to see why it was or was not chosen. Criteria show value → "
                               "weighted score; the lowest score wins."));
    hint->setWordWrap(true);
    hint->setProperty("role", u"hint"_s);
    candidatesLayout->addWidget(hint);
    tables->addWidget(candidatesBox);
    tables->setStretchFactor(0, 1);
    tables->setStretchFactor(1, 3);
    split->addWidget(tables);

    auto* side = new QSplitter(Qt::Vertical);
    side->setChildrenCollapsible(false);
    auto* whyBox = new QGroupBox(tr("Why this location"));
    auto* whyLayout = new QVBoxLayout(whyBox);
    m_why = wrappingLabel(u"whyNotChosen"_s);
    m_why->setTextFormat(Qt::RichText);
    whyLayout->addWidget(m_why, 1);
    side->addWidget(whyBox);

    auto* strategiesBox = new QGroupBox(tr("Strategies tried"));
    auto* strategiesLayout = new QVBoxLayout(strategiesBox);
    m_strategies = new QTreeWidget;
    m_strategies->setObjectName(u"strategyTrace"_s);
    m_strategies->setRootIsDecorated(false);
    m_strategies->setWordWrap(true);
    m_strategies->setHeaderLabels({tr("Strategy"), tr("Result")});
    m_strategies->header()->setStretchLastSection(true);
    strategiesLayout->addWidget(m_strategies);
    side->addWidget(strategiesBox);

    auto* runnerBox = new QGroupBox(tr("Runner-up"));
    auto* runnerLayout = new QVBoxLayout(runnerBox);
    m_runnerUp = wrappingLabel(u"runnerUpLabel"_s);
    m_runnerUp->setTextFormat(Qt::RichText);
    runnerLayout->addWidget(m_runnerUp, 1);
    side->addWidget(runnerBox);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({1000, 300});
    pageLayout->addWidget(split, 1);
    m_pages->addWidget(page);

    connect(m_candidateTable, &QTableView::clicked, this, [this](const QModelIndex& index) {
        explainLocation(index.data(CandidateModel::LocationCodeRole).toString());
    });
    connect(m_candidateTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    explainLocation(current.data(CandidateModel::LocationCodeRole).toString());
            });
    connect(m_shipmentTable, &QTableView::clicked, this, [this](const QModelIndex& index) {
        explainLocation(index.data(ShipmentModel::LocationCodeRole).toString());
    });
}

void RoutingPanel::showLoading() {
    m_placeholder->setText(tr("Loading the routing decision…"));
    m_pages->setCurrentWidget(m_placeholder);
}

void RoutingPanel::showError(const QString& message) {
    m_placeholder->setText(tr("The routing decision could not be read: %1").arg(message));
    m_pages->setCurrentWidget(m_placeholder);
}

QString RoutingPanel::qualityText(const Decision& d) {
    switch (d.method) {
    case SearchMethod::Exact:
        return tr("proven optimal");
    case SearchMethod::IntegerProgramme:
        if (d.exact)
            return tr("proven optimal (integer programme, %1 ms)").arg(d.solverMs);
        if (d.gap)
            return tr("within %1% of the lower bound (integer programme, stopped after %2 ms)")
                .arg(QLocale().toString(*d.gap * 100.0, 'f', 1))
                .arg(d.solverMs);
        break;
    case SearchMethod::Heuristic:
        break;
    }
    return tr("heuristic: best found by a bounded search");
}

void RoutingPanel::showDecision(const std::optional<Decision>& decision) {
    if (!decision) {
        m_decision = {};
        m_candidates->clear();
        m_shipments->setShipments({}, {});
        m_placeholder->setText(tr("This order has not been routed yet."));
        m_pages->setCurrentWidget(m_placeholder);
        return;
    }
    m_decision = *decision;
    const Decision& d = m_decision;
    QStringList facts;
    facts.append(u"<b>%1</b>"_s.arg(outcomeName(d.outcome).toHtmlEscaped()));
    if (!d.strategy.isEmpty())
        facts.append(tr("strategy “%1”").arg(d.strategy.toHtmlEscaped()));
    facts.append(tr("rule set version %1").arg(d.ruleVersion));
    facts.append(d.shipments.size() == 1 ? tr("1 shipment") : tr("%1 shipments").arg(d.shipments.size()));
    facts.append(tr("total cost %1").arg(formatMoney(d.totalCostMinor, d.currency)));
    facts.append(qualityText(d).toHtmlEscaped());
    if (d.decidedAtMs > 0)
        facts.append(
            tr("decided %1").arg(formatDateTime(QDateTime::fromMSecsSinceEpoch(d.decidedAtMs, Qt::UTC))));
    m_summary->setText(facts.join(u" · "_s));

    QStringList problems;
    if (!d.reason.isEmpty())
        problems.append(d.reason);
    if (!d.unfilled.isEmpty())
        problems.append(tr("Not assigned: %1").arg(formatShipmentLines(d.unfilled)));
    m_reason->setText(problems.join(u'\n'));
    m_reason->setVisible(!problems.isEmpty());

    m_shipments->setShipments(d.shipments, d.currency);
    m_candidates->setDecision(d);
    const int notConsidered = m_candidates->notConsideredCount();
    m_showNotConsidered->setText(notConsidered > 0
                                     ? tr("Show the %1 locations not considered").arg(notConsidered)
                                     : tr("Show locations not considered"));
    m_showNotConsidered->setEnabled(notConsidered > 0);
    m_candidateTable->sortByColumn(-1, Qt::AscendingOrder); // the router's own order until the user sorts
    fitColumns(m_shipmentTable);
    m_shipmentTable->horizontalHeader()->setSectionResizeMode(ShipmentModel::Lines, QHeaderView::Stretch);
    fitColumns(m_candidateTable);
    fillStrategies(d);
    fillRunnerUp(d);
    m_why->setText(tr("Click a location in the table."));
    if (!d.shipments.isEmpty())
        explainLocation(d.shipments.first().locationCode);
    m_pages->setCurrentIndex(1);
}

void RoutingPanel::fillStrategies(const Decision& decision) {
    m_strategies->clear();
    for (const StrategyTrace& trace : decision.strategies) {
        auto* item =
            new QTreeWidgetItem(m_strategies, {trace.name, trace.applied ? tr("applied") : trace.reason});
        item->setToolTip(1, trace.reason);
        if (trace.applied) {
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
            item->setFont(1, bold);
        }
    }
    m_strategies->resizeColumnToContents(0);
}

void RoutingPanel::fillRunnerUp(const Decision& decision) {
    if (!decision.runnerUp) {
        m_runnerUp->setText(tr("No other assignment was possible."));
        return;
    }
    const RunnerUp& runner = *decision.runnerUp;
    QStringList from;
    for (const Shipment& shipment : runner.shipments)
        from.append(
            u"%1 (%2)"_s.arg(shipment.locationCode, formatShipmentLines(shipment.lines)).toHtmlEscaped());
    m_runnerUp->setText(tr("%1<br>Total cost %2, score %3 against %4.<br><b>Lost by:</b> %5")
                            .arg(from.join(u"<br>"_s), formatMoney(runner.totalCostMinor, decision.currency),
                                 formatScore(runner.objective), formatScore(decision.objective),
                                 runner.why.toHtmlEscaped()));
}

QString RoutingPanel::explanation(const CandidateLocation& candidate, const Decision& decision) {
    QStringList parts;
    if (candidate.chosen) {
        QStringList lines;
        for (const Shipment& shipment : decision.shipments)
            if (shipment.locationCode == candidate.locationCode)
                lines.append(formatShipmentLines(shipment.lines));
        parts.append(tr("<b>%1 was chosen</b>: ships %2, %3 away, %4.")
                         .arg(candidate.locationCode.toHtmlEscaped(), lines.join(u", "_s).toHtmlEscaped(),
                              formatKm(candidate.distanceKm),
                              formatMoney(candidate.costMinor, decision.currency)));
    } else {
        parts.append(tr("<b>%1 was not chosen</b>: %2")
                         .arg(candidate.locationCode.toHtmlEscaped(),
                              candidate.notChosen.isEmpty()
                                  ? (candidate.eligible ? tr("another assignment scored lower.")
                                                        : tr("it failed a filter."))
                                  : candidate.notChosen.toHtmlEscaped()));
    }
    QStringList failed;
    for (const FilterVerdict& verdict : candidate.filters)
        if (!verdict.passed)
            failed.append(u"<li>%1: %2</li>"_s.arg(filterName(verdict.filter).toHtmlEscaped(),
                                                   verdict.value.toHtmlEscaped()));
    if (!failed.isEmpty())
        parts.append(tr("Failed filters:") + u"<ul style=\"margin-left:-24px\">"_s + failed.join(QString()) +
                     u"</ul>"_s);
    else if (!candidate.chosen)
        parts.append(tr("It passed every filter."));
    if (candidate.eligible)
        parts.append(tr("Score %1 (lower wins).").arg(formatScore(candidate.totalScore)));
    return parts.join(u"<br>"_s);
}

void RoutingPanel::explainLocation(const QString& locationCode) {
    const int row = m_candidates->rowForLocation(locationCode);
    if (row < 0) {
        for (const NotConsidered& group : std::as_const(m_decision.notConsidered))
            if (group.locations.contains(locationCode)) {
                m_why->setText(tr("<b>%1 was not considered</b>: %2.")
                                   .arg(locationCode.toHtmlEscaped(), group.reason.toHtmlEscaped()));
                return;
            }
        m_why->setText(tr("%1 was not a candidate.").arg(locationCode.toHtmlEscaped()));
        return;
    }
    m_why->setText(explanation(m_candidates->candidate(row), m_decision));
}

} // namespace ordo::ui
