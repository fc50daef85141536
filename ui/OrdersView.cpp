#include "OrdersView.h"

#include "ColumnFit.h"
#include "Format.h"
#include "OrderActions.h"
#include "OrderBackend.h"
#include "OrderDetailPanel.h"
#include "OrderQueueModel.h"
#include "StatusBadgeDelegate.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

// The earliest date a date filter can take stands for "no limit" and shows as "Any".
const QDate noDate(2000, 1, 1);

QDateEdit* dateFilter(const QString& objectName) {
    auto* edit = new QDateEdit;
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(noDate);
    edit->setSpecialValueText(OrdersView::tr("Any"));
    edit->setDisplayFormat(u"yyyy-MM-dd"_s);
    edit->setDate(noDate);
    return edit;
}

} // namespace

OrdersView::OrdersView(OrderBackend* backend, const Actor& actor, QWidget* parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_model(new OrderQueueModel(backend, this)) {
    setObjectName(u"ordersView"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);

    // Filter bar.
    auto* filters = new QHBoxLayout;
    m_status = new QComboBox;
    m_status->setObjectName(u"statusFilter"_s);
    m_status->addItem(tr("All states"));
    for (OrderStatus status : allOrderStatuses)
        m_status->addItem(statusName(status), int(status));
    m_channel = new QComboBox;
    m_channel->setObjectName(u"channelFilter"_s);
    m_channel->addItem(tr("All channels"));
    for (Channel channel : allChannels)
        m_channel->addItem(channelName(channel), int(channel));
    m_location = new QComboBox;
    m_location->setObjectName(u"locationFilter"_s);
    m_location->addItem(tr("All locations"));
    m_location->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_from = dateFilter(u"fromFilter"_s);
    m_to = dateFilter(u"toFilter"_s);
    m_searchChip = new QLabel;
    m_searchChip->setObjectName(u"searchChip"_s);
    m_clearSearch = new QToolButton;
    m_clearSearch->setText(tr("Clear search"));
    m_clearSearch->setAutoRaise(true);
    m_count = new QLabel;
    m_count->setObjectName(u"orderCount"_s);

    filters->addWidget(new QLabel(tr("Status:")));
    filters->addWidget(m_status);
    filters->addSpacing(8);
    filters->addWidget(new QLabel(tr("Channel:")));
    filters->addWidget(m_channel);
    filters->addSpacing(8);
    filters->addWidget(new QLabel(tr("Location:")));
    filters->addWidget(m_location);
    filters->addSpacing(8);
    filters->addWidget(new QLabel(tr("Placed from:")));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to:")));
    filters->addWidget(m_to);
    filters->addSpacing(8);
    filters->addWidget(m_searchChip);
    filters->addWidget(m_clearSearch);
    filters->addStretch(1);
    filters->addWidget(m_count);
    layout->addLayout(filters);
    m_searchChip->hide();
    m_clearSearch->hide();

    // Queue above, detail below.
    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(u"ordersSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_table = new QTableView;
    m_table->setObjectName(u"ordersTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setItemDelegateForColumn(OrderQueueModel::Status,
                                      new StatusBadgeDelegate(OrderQueueModel::StatusRole, m_table));
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    // Each column fits its translated title and a typical value; the status column fits every state's badge.
    fitSectionToSamples(header, OrderQueueModel::Number, {u"SO-0000000000"_s});
    fitSectionToSamples(header, OrderQueueModel::Placed,
                        {formatDateTime(QDateTime(QDate(2000, 12, 30), QTime(23, 59), Qt::UTC))});
    fitSection(header, OrderQueueModel::Status,
               StatusBadgeDelegate::statusColumnWidth(m_table->fontMetrics()));
    QStringList channels;
    for (Channel channel : allChannels)
        channels << channelName(channel);
    fitSectionToSamples(header, OrderQueueModel::Channel, channels);
    fitSectionToSamples(header, OrderQueueModel::Customer, {u"Alexandra Montgomery"_s});
    fitSectionToSamples(header, OrderQueueModel::Email, {u"alexandra.montgomery@example.com"_s});
    fitSectionToSamples(header, OrderQueueModel::Total, {formatMoney(9999999, u"USD"_s)});
    fitSectionToSamples(header, OrderQueueModel::Lines, {formatCount(999)});
    fitSectionToSamples(header, OrderQueueModel::Delivery,
                        {deliveryName(DeliveryMethod::Ship), deliveryName(DeliveryMethod::Pickup)});
    // The e-mail gives way when the window is narrow, not the total.
    header->setSectionResizeMode(OrderQueueModel::Email, QHeaderView::Stretch);
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_table->setSortingEnabled(true);
    m_splitter->addWidget(m_table);

    m_detail = new OrderDetailPanel;
    m_actions = new OrderActions(backend, actor);
    m_detail->setActions(m_actions);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 5);
    m_detail->hide();
    layout->addWidget(m_splitter, 1);

    // Header clicks on a column the server cannot sort by put the indicator back.
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this, header](int column, Qt::SortOrder) {
        if (!OrderQueueModel::isSortable(column)) {
            const QSignalBlocker blocker(header);
            header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        }
    });
    for (QComboBox* combo : {m_status, m_channel, m_location})
        connect(combo, &QComboBox::currentIndexChanged, this, &OrdersView::applyFilters);
    for (QDateEdit* edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &OrdersView::applyFilters);
    connect(m_clearSearch, &QToolButton::clicked, this, [this] { search(QString()); });
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex& index) { openRow(index.row()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (m_detail->isVisible() && current.isValid())
                    openRow(current.row());
            });
    connect(m_detail, &OrderDetailPanel::closeRequested, this, &OrdersView::closeDetail);
    connect(m_actions, &OrderActions::statusMessage, this, &OrdersView::statusMessage);
    connect(m_actions, &OrderActions::orderChanged, this, [this](qint64 orderId) {
        ordersChanged({orderId});
        emit orderChanged(orderId);
    });
    connect(m_model, &OrderQueueModel::totalCountChanged, this, &OrdersView::updateCount);
    connect(m_model, &OrderQueueModel::pageLoaded, this, &OrdersView::onPageLoaded);
    connect(m_model, &OrderQueueModel::modelReset, this, &OrdersView::updateCount);
    connect(m_model, &OrderQueueModel::loadFailed, this, &OrdersView::statusMessage);
    connect(m_backend, &OrderBackend::decisionReady, this,
            [this](quint64 generation, qint64 orderId, const std::optional<Decision>& decision) {
                if (generation == m_detailGeneration)
                    m_detail->showDecision(orderId, decision);
            });
    connect(m_backend, &OrderBackend::detailReady, this,
            [this](quint64 generation, const OrderDetail& detail) {
                if (generation == m_detailGeneration)
                    m_detail->showDetail(detail);
            });
    connect(m_backend, &OrderBackend::requestFailed, this, [this](quint64 generation, const QString& error) {
        if (generation == m_detailGeneration)
            m_detail->showError(error);
    });
    connect(m_backend, &OrderBackend::locationsReady, this,
            [this](quint64 generation, const QStringList& codes) {
                if (generation != m_locationsGeneration)
                    return;
                const QString current = m_location->currentData().toString();
                const QSignalBlocker blocker(m_location);
                while (m_location->count() > 1)
                    m_location->removeItem(1);
                for (const QString& code : codes)
                    m_location->addItem(code, code);
                m_location->setCurrentIndex(qMax(0, m_location->findData(current)));
            });
    m_locationsGeneration = OrderBackend::nextGeneration();
    m_backend->fetchLocations(m_locationsGeneration);
    updateCount();
}

void OrdersView::applyFilters() {
    if (m_updatingFilters)
        return;
    OrderFilter filter;
    if (m_status->currentIndex() > 0)
        filter.status = OrderStatus(m_status->currentData().toInt());
    if (m_channel->currentIndex() > 0)
        filter.channel = Channel(m_channel->currentData().toInt());
    filter.locationCode = m_location->currentData().toString();
    if (m_from->date() != noDate)
        filter.from = QDateTime(m_from->date(), QTime(0, 0)).toUTC();
    if (m_to->date() != noDate)
        filter.to = QDateTime(m_to->date().addDays(1), QTime(0, 0)).toUTC();
    filter.search = m_searchText;
    m_searchChip->setText(tr("Search: “%1”").arg(m_searchText));
    m_searchChip->setVisible(!m_searchText.isEmpty());
    m_clearSearch->setVisible(!m_searchText.isEmpty());
    m_model->setFilter(filter);
}

void OrdersView::search(const QString& text) {
    m_searchText = text.trimmed();
    m_openUniqueHit = !m_searchText.isEmpty();
    // A search looks at every order: the other filters are cleared.
    m_updatingFilters = true;
    m_status->setCurrentIndex(0);
    m_channel->setCurrentIndex(0);
    m_location->setCurrentIndex(0);
    m_from->setDate(noDate);
    m_to->setDate(noDate);
    m_updatingFilters = false;
    applyFilters();
}

void OrdersView::refresh() {
    m_model->refresh();
    if (m_detail->isVisible() && m_detail->orderId() != 0)
        openOrder(m_detail->orderId());
}

void OrdersView::ordersChanged(const QList<qint64>& orderIds) {
    m_model->ordersChanged(orderIds);
    if (m_detail->isVisible() && m_detail->orderId() != 0 && orderIds.contains(m_detail->orderId()))
        openOrder(m_detail->orderId());
}

void OrdersView::reloadAll() {
    closeDetail();
    m_locationsGeneration = OrderBackend::nextGeneration();
    m_backend->fetchLocations(m_locationsGeneration);
    m_model->refresh();
}

void OrdersView::updateCount() {
    const qint64 total = m_model->totalCount();
    if (total < 0)
        m_count->setText(tr("Counting…"));
    else
        m_count->setText(total == 1 ? tr("1 order") : tr("%1 orders").arg(formatCount(total)));
}

void OrdersView::onPageLoaded() {
    if (!m_openUniqueHit)
        return;
    m_openUniqueHit = false;
    if (m_model->rowCount() == 1) {
        m_table->selectRow(0);
        openRow(0);
    } else if (m_model->rowCount() == 0) {
        emit statusMessage(tr("No order matches “%1”.").arg(m_searchText));
    }
}

void OrdersView::openRow(int row) {
    if (row < 0 || row >= m_model->rowCount())
        return;
    const OrderSummary& summary = m_model->summary(row);
    m_detail->showLoading(summary.orderNumber);
    openOrder(summary.id);
}

void OrdersView::openOrder(qint64 orderId) {
    m_detailGeneration = OrderBackend::nextGeneration();
    m_backend->fetchDetail(m_detailGeneration, orderId);
    m_backend->fetchDecision(m_detailGeneration, orderId); // answered after the detail: same thread, in order
    if (m_detail->isHidden()) {
        m_detail->show();
        // The queue keeps a third of the height, the detail the rest, unless the user set it otherwise.
        const QList<int> sizes = m_splitter->sizes();
        if (sizes.size() == 2 && sizes.at(1) < 200) {
            const int total = sizes.at(0) + sizes.at(1);
            m_splitter->setSizes({total / 3, total - total / 3});
        }
    }
}

void OrdersView::closeDetail() {
    m_detailGeneration = 0;
    m_detail->hide();
    m_table->setFocus();
}

} // namespace ordo::ui
