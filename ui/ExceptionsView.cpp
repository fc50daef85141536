#include "ExceptionsView.h"

#include "CancelOrderDialog.h"
#include "ChooseLocationDialog.h"
#include "ColumnFit.h"
#include "ExceptionCorrections.h"
#include "ExceptionQueueModel.h"
#include "Format.h"
#include "OrderBackend.h"
#include "ReleaseOrderDialog.h"
#include "RoutingActions.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace ordo::ui {

ExceptionsView::ExceptionsView(OrderBackend* backend, const Actor& actor, QWidget* parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_actor(actor)
    , m_model(new ExceptionQueueModel(backend, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_routing(new RoutingActions(backend, actor, this)) {
    setObjectName(u"exceptionsView"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ExceptionQueueModel::RawRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(ExceptionQueueModel::Reason);
    m_proxy->setFilterRole(ExceptionQueueModel::RawRole);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    auto* bar = new QHBoxLayout;
    m_count = new QLabel;
    m_count->setObjectName(u"exceptionCount"_s);
    m_reasonFilter = new QComboBox;
    m_reasonFilter->setObjectName(u"reasonFilter"_s);
    m_reasonFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_reasonFilter->setToolTip(tr("Work the queue one reason at a time"));
    m_releaseButton = new QPushButton(tr("Approve…"));
    m_releaseButton->setObjectName(u"releaseButton"_s);
    m_releaseButton->setToolTip(tr("Approve the selected orders: send each back to where it was held"));
    m_cancelButton = new QPushButton(tr("Cancel orders…"));
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_openButton = new QPushButton(tr("Open order"));
    m_openButton->setObjectName(u"openButton"_s);
    bar->addWidget(m_count);
    bar->addSpacing(16);
    bar->addWidget(new QLabel(tr("Reason:")));
    bar->addWidget(m_reasonFilter);
    bar->addStretch(1);
    m_routeAgainButton = new QPushButton(tr("Route again"));
    m_routeAgainButton->setObjectName(u"routeAgainButton"_s);
    m_routeAgainButton->setToolTip(tr("Route the selected orders now, on today's stock and rules"));
    m_chooseButton = new QPushButton(tr("Choose location…"));
    m_chooseButton->setObjectName(u"chooseLocationButton"_s);
    m_chooseButton->setToolTip(tr("See what the router would do, then choose the location yourself"));
    m_backorderButton = new QPushButton(tr("Backorder…"));
    m_backorderButton->setObjectName(u"backorderButton"_s);
    m_backorderButton->setToolTip(tr("Let the selected orders wait for stock instead of holding them"));
    bar->addWidget(m_openButton);
    bar->addWidget(m_releaseButton);
    bar->addWidget(m_cancelButton);
    layout->addLayout(bar);
    // A second row: fixing what validation found, and working what routing could not place.
    auto* fixes = new QHBoxLayout;
    m_corrections = new ExceptionCorrections(backend, actor, this);
    fixes->addWidget(new QLabel(tr("Fix:")));
    fixes->addWidget(m_corrections->editAddressButton());
    fixes->addWidget(m_corrections->mapSkuButton());
    fixes->addWidget(m_corrections->revalidateButton());
    fixes->addSpacing(24);
    fixes->addWidget(new QLabel(tr("Routing:")));
    fixes->addWidget(m_routeAgainButton);
    fixes->addWidget(m_chooseButton);
    fixes->addWidget(m_backorderButton);
    fixes->addStretch(1);
    layout->addLayout(fixes);

    m_table = new QTableView;
    m_table->setObjectName(u"exceptionsTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    // Each column fits its translated title and a typical value.
    fitSectionToSamples(header, ExceptionQueueModel::Number, {u"SO-0000000000"_s});
    fitSectionToSamples(header, ExceptionQueueModel::Reason, {u"UNKNOWN_PICKUP_LOCATION"_s});
    fitSectionToSamples(header, ExceptionQueueModel::Age, {u"000 min"_s});
    QStringList channels;
    for (Channel channel : allChannels)
        channels << channelName(channel);
    fitSectionToSamples(header, ExceptionQueueModel::Channel, channels);
    fitSectionToSamples(header, ExceptionQueueModel::Customer, {u"Alexandra Montgomery"_s});
    fitSectionToSamples(header, ExceptionQueueModel::Total, {formatMoney(99999999, u"USD"_s)});
    header->setSectionResizeMode(ExceptionQueueModel::Detail, QHeaderView::Stretch);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ExceptionQueueModel::Age, Qt::DescendingOrder);
    layout->addWidget(m_table, 1);

    connect(m_releaseButton, &QPushButton::clicked, this, &ExceptionsView::askRelease);
    connect(m_cancelButton, &QPushButton::clicked, this, &ExceptionsView::askCancel);
    connect(m_routeAgainButton, &QPushButton::clicked, this, &ExceptionsView::askRouteAgain);
    connect(m_chooseButton, &QPushButton::clicked, this, &ExceptionsView::askChooseLocation);
    connect(m_backorderButton, &QPushButton::clicked, this, &ExceptionsView::askBackorder);
    connect(m_routing, &RoutingActions::finished, this, &ExceptionsView::onRoutingFinished);
    connect(m_routing, &RoutingActions::proposalReady, this, &ExceptionsView::onProposal);
    connect(m_openButton, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentOrderId())
            emit openOrderRequested(id);
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit openOrderRequested(index.data(ExceptionQueueModel::IdRole).toLongLong());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ExceptionsView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ExceptionsView::updateActions);
    connect(m_model, &ExceptionQueueModel::loaded, this, &ExceptionsView::showCount);
    connect(m_model, &ExceptionQueueModel::countChanged, this, &ExceptionsView::showCount);
    // A held order's reason can change in place (a correction that leaves it held for something else).
    connect(m_model, &ExceptionQueueModel::ordersUpdated, this, [this] { fillReasons(); });
    connect(m_reasonFilter, &QComboBox::activated, this,
            [this](int index) { showReason(m_reasonFilter->itemData(index).toString()); });
    connect(m_model, &ExceptionQueueModel::loadFailed, this, &ExceptionsView::statusMessage);
    connect(m_backend, &OrderBackend::actionFinished, this, &ExceptionsView::onActionFinished);
    connect(m_corrections, &ExceptionCorrections::statusMessage, this, &ExceptionsView::statusMessage);
    connect(m_corrections, &ExceptionCorrections::orderChanged, this, [this](qint64 orderId) {
        m_model->ordersChanged({orderId});
        emit orderChanged(orderId);
    });
    connect(m_corrections, &ExceptionCorrections::failed, this, &ExceptionsView::actionFailed);
    m_count->setText(tr("Loading…"));
    updateActions();
}

void ExceptionsView::refresh() {
    m_model->refresh();
}

void ExceptionsView::ordersChanged(const QList<qint64>& orderIds) {
    m_model->ordersChanged(orderIds);
}

void ExceptionsView::showCount(int count) {
    m_count->setText(count == 0   ? tr("No orders are on hold.")
                     : count == 1 ? tr("1 order on hold")
                                  : tr("%1 orders on hold").arg(formatCount(count)));
    emit countChanged(count);
    fillReasons();
}

qint64 ExceptionsView::currentOrderId() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(ExceptionQueueModel::IdRole).toLongLong();
}

QList<qint64> ExceptionsView::selectedOrderIds() const {
    QList<qint64> ids;
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows())
        ids.append(row.data(ExceptionQueueModel::IdRole).toLongLong());
    return ids;
}

QStringList ExceptionsView::reasons() const {
    QHash<QString, int> counts;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ++counts[m_model->summary(row).exceptionCode];
    QStringList codes = counts.keys();
    std::sort(codes.begin(), codes.end(), [&](const QString& a, const QString& b) {
        return counts.value(a) != counts.value(b) ? counts.value(a) > counts.value(b) : a < b;
    });
    return codes;
}

void ExceptionsView::fillReasons() {
    const QString shown = m_reasonFilter->currentData().toString();
    QHash<QString, int> counts;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ++counts[m_model->summary(row).exceptionCode];
    m_reasonFilter->clear();
    m_reasonFilter->addItem(tr("All reasons (%1)").arg(formatCount(m_model->rowCount())), QString());
    for (const QString& code : reasons())
        m_reasonFilter->addItem(
            u"%1 (%2)"_s.arg(code.isEmpty() ? tr("(none)") : code, formatCount(counts.value(code))), code);
    const int index = m_reasonFilter->findData(shown);
    m_reasonFilter->setCurrentIndex(index < 0 ? 0 : index);
    showReason(index < 0 ? QString() : shown);
}

void ExceptionsView::showReason(const QString& reasonCode) {
    m_proxy->setFilterRegularExpression(
        reasonCode.isEmpty() ? QRegularExpression()
                             : QRegularExpression(u"^%1$"_s.arg(QRegularExpression::escape(reasonCode))));
    const int index = m_reasonFilter->findData(reasonCode);
    if (index >= 0 && index != m_reasonFilter->currentIndex())
        m_reasonFilter->setCurrentIndex(index);
    updateActions();
}

void ExceptionsView::updateActions() {
    const bool selected = currentOrderId() != 0;
    const bool idle = m_pendingTickets.isEmpty();
    m_openButton->setEnabled(selectedOrderIds().size() == 1);
    m_corrections->setOrder(selectedOrderIds().size() == 1 ? currentOrderId() : 0);
    m_releaseButton->setEnabled(selected && idle && m_actor.may(Permission::ResolveExceptions));
    m_cancelButton->setEnabled(selected && idle && m_actor.may(Permission::CancelOrders));
    const bool routing =
        selected && idle && selectionHeldByRouting() && m_actor.may(Permission::ResolveExceptions);
    m_routeAgainButton->setEnabled(routing && m_actor.may(Permission::AdvanceOrders));
    m_chooseButton->setEnabled(routing && m_actor.may(Permission::AdvanceOrders) &&
                               selectedOrderIds().size() == 1);
    m_backorderButton->setEnabled(routing);
    if (!m_actor.may(Permission::ResolveExceptions))
        m_releaseButton->setToolTip(tr("Your role may not release held orders"));
    if (!m_actor.may(Permission::CancelOrders))
        m_cancelButton->setToolTip(tr("Your role may not cancel orders"));
}

void ExceptionsView::askRelease() {
    const QList<qint64> ids = selectedOrderIds();
    if (ids.isEmpty())
        return;
    const int row = m_model->rowForId(ids.first());
    if (row < 0)
        return;
    const OrderSummary& order = m_model->summary(row);
    const QString title = ids.size() == 1 ? order.orderNumber : tr("%1 orders").arg(ids.size());
    const QString heldFor = ids.size() == 1 ? u"%1 %2"_s.arg(order.exceptionCode, order.exceptionDetail)
                                            : m_reasonFilter->currentText();
    ReleaseOrderDialog dialog(title, heldFor, this);
    if (dialog.exec() == QDialog::Accepted)
        releaseAll(ids, dialog.note());
}

void ExceptionsView::askCancel() {
    const QList<qint64> ids = selectedOrderIds();
    if (ids.isEmpty())
        return;
    const int row = m_model->rowForId(ids.first());
    if (row < 0)
        return;
    CancelOrderDialog dialog(
        ids.size() == 1 ? m_model->summary(row).orderNumber : tr("%1 orders").arg(ids.size()), this);
    if (dialog.exec() == QDialog::Accepted)
        cancelAll(ids, dialog.reasonCode(), dialog.note());
}

void ExceptionsView::releaseAll(const QList<qint64>& orderIds, const QString& note) {
    for (qint64 id : orderIds)
        m_pendingTickets.insert(m_backend->release(id, m_actor, note));
    emit statusMessage(orderIds.size() == 1 ? tr("Releasing…")
                                            : tr("Releasing %1 orders…").arg(orderIds.size()));
    updateActions();
}

void ExceptionsView::cancelAll(const QList<qint64>& orderIds, const QString& reasonCode,
                               const QString& note) {
    for (qint64 id : orderIds)
        m_pendingTickets.insert(m_backend->cancel(id, m_actor, reasonCode, note));
    emit statusMessage(orderIds.size() == 1 ? tr("Cancelling…")
                                            : tr("Cancelling %1 orders…").arg(orderIds.size()));
    updateActions();
}

void ExceptionsView::release(qint64 orderId, const QString& note) {
    m_pendingTickets.insert(m_backend->release(orderId, m_actor, note));
    emit statusMessage(tr("Releasing…"));
    updateActions();
}

void ExceptionsView::cancel(qint64 orderId, const QString& reasonCode, const QString& note) {
    m_pendingTickets.insert(m_backend->cancel(orderId, m_actor, reasonCode, note));
    emit statusMessage(tr("Cancelling…"));
    updateActions();
}

bool ExceptionsView::selectionHeldByRouting() const {
    const QList<qint64> ids = selectedOrderIds();
    for (qint64 id : ids) {
        const int row = m_model->rowForId(id);
        if (row < 0 || !m_model->summary(row).exceptionCode.startsWith(u"ROUTING_"_s))
            return false;
    }
    return !ids.isEmpty();
}

void ExceptionsView::askRouteAgain() {
    const QList<qint64> ids = selectedOrderIds();
    if (!ids.isEmpty())
        routeAgainAll(ids, tr("routed again from the Exceptions queue"));
}

void ExceptionsView::askBackorder() {
    const QList<qint64> ids = selectedOrderIds();
    if (ids.isEmpty())
        return;
    QInputDialog dialog(this);
    dialog.setObjectName(u"backorderDialog"_s);
    dialog.setWindowTitle(ids.size() == 1 ? tr("Backorder") : tr("Backorder %1 orders").arg(ids.size()));
    dialog.setLabelText(tr("The orders wait for stock; routing runs place them once it arrives.\nNote:"));
    if (dialog.exec() == QDialog::Accepted && !dialog.textValue().trimmed().isEmpty())
        backorderAll(ids, dialog.textValue().trimmed());
}

void ExceptionsView::askChooseLocation() {
    const qint64 id = currentOrderId();
    if (!id)
        return;
    m_proposalTicket = m_routing->fetchProposal(id);
    m_pendingTickets.insert(m_proposalTicket);
    emit statusMessage(tr("Asking the router…"));
    updateActions();
}

void ExceptionsView::onProposal(quint64 ticket, qint64 orderId, const Decision& proposal,
                                const QString& error) {
    if (ticket != m_proposalTicket || !m_pendingTickets.remove(ticket))
        return;
    updateActions();
    if (!error.isEmpty()) {
        emit statusMessage(error);
        emit actionFailed(error);
        return;
    }
    const int row = m_model->rowForId(orderId);
    auto* dialog = new ChooseLocationDialog(
        row >= 0 ? m_model->summary(row).orderNumber : QString::number(orderId), proposal, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, orderId] { assignByHand(orderId, dialog->assignments(), dialog->note()); });
    emit statusMessage(proposalSentence(proposal));
    dialog->open();
}

void ExceptionsView::routeAgainAll(const QList<qint64>& orderIds, const QString& note) {
    for (qint64 id : orderIds)
        m_pendingTickets.insert(m_routing->routeAgain(id, note));
    emit statusMessage(tr("Routing %n order(s)…", nullptr, int(orderIds.size())));
    updateActions();
}

void ExceptionsView::backorderAll(const QList<qint64>& orderIds, const QString& note) {
    for (qint64 id : orderIds)
        m_pendingTickets.insert(m_routing->backorder(id, note));
    emit statusMessage(tr("Backordering %n order(s)…", nullptr, int(orderIds.size())));
    updateActions();
}

void ExceptionsView::assignByHand(qint64 orderId, const QList<HandAssignment>& lines, const QString& note) {
    m_pendingTickets.insert(m_routing->assignByHand(orderId, lines, note));
    emit statusMessage(tr("Reserving where you chose…"));
    updateActions();
}

void ExceptionsView::onRoutingFinished(quint64 ticket, qint64 orderId, const QString& message,
                                       const QString& error) {
    // The routing actions report what they did; the rest (errors, refresh) is as for the lifecycle actions.
    if (error.isEmpty() && m_pendingTickets.contains(ticket))
        m_lastMessage = message;
    onActionFinished(ticket, orderId, error);
}

void ExceptionsView::onActionFinished(quint64 ticket, qint64 orderId, const QString& error) {
    if (!m_pendingTickets.remove(ticket))
        return;
    const int row = m_model->rowForId(orderId);
    const QString number = row >= 0 ? m_model->summary(row).orderNumber : QString::number(orderId);
    if (error.isEmpty()) {
        emit statusMessage(m_lastMessage.isEmpty() ? tr("Order %1 updated.").arg(number) : m_lastMessage);
        m_lastMessage.clear();
    } else {
        emit statusMessage(tr("Order %1 was not changed.").arg(number));
        emit actionFailed(error);
        m_errors.append(tr("%1: %2").arg(number, error));
    }
    m_changed.append(orderId);
    emit orderChanged(orderId);
    if (!m_pendingTickets.isEmpty())
        return; // a bulk action: one update and one message when the last order is done
    updateActions();
    if (!m_errors.isEmpty()) {
        const QString title = m_errors.size() == 1 ? tr("Order %1 was not changed").arg(number)
                                                   : tr("%1 orders were not changed").arg(m_errors.size());
        auto* box =
            new QMessageBox(QMessageBox::Warning, title, m_errors.join(u"\n\n"_s), QMessageBox::Ok, this);
        box->setObjectName(u"actionErrorBox"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        m_errors.clear();
    }
    // Only the rows of the orders acted on: those that left the queue go, the others show what they are now.
    m_model->ordersChanged(std::exchange(m_changed, {}));
}

} // namespace ordo::ui
