#include "ExceptionsView.h"

#include "CancelOrderDialog.h"
#include "ExceptionQueueModel.h"
#include "Format.h"
#include "OrderBackend.h"
#include "ReleaseOrderDialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ordo::ui {

ExceptionsView::ExceptionsView(OrderBackend* backend, const Actor& actor, QWidget* parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_actor(actor)
    , m_model(new ExceptionQueueModel(backend, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(u"exceptionsView"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ExceptionQueueModel::RawRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    auto* bar = new QHBoxLayout;
    m_count = new QLabel;
    m_count->setObjectName(u"exceptionCount"_s);
    m_releaseButton = new QPushButton(tr("Release…"));
    m_releaseButton->setObjectName(u"releaseButton"_s);
    m_releaseButton->setToolTip(tr("Send the order back to where it was held"));
    m_cancelButton = new QPushButton(tr("Cancel order…"));
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_openButton = new QPushButton(tr("Open order"));
    m_openButton->setObjectName(u"openButton"_s);
    bar->addWidget(m_count);
    bar->addStretch(1);
    bar->addWidget(m_openButton);
    bar->addWidget(m_releaseButton);
    bar->addWidget(m_cancelButton);
    layout->addLayout(bar);

    m_table = new QTableView;
    m_table->setObjectName(u"exceptionsTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto widthFor = [&](const QString& sample) { return metrics.horizontalAdvance(sample) + 28; };
    header->resizeSection(ExceptionQueueModel::Number, widthFor(u"SO-0000000000"_s));
    header->resizeSection(ExceptionQueueModel::Reason, widthFor(u"UNKNOWN_PICKUP_LOCATION"_s));
    header->resizeSection(ExceptionQueueModel::Age, widthFor(u"000 min"_s));
    header->resizeSection(ExceptionQueueModel::Channel, widthFor(u"Marketplace"_s));
    header->resizeSection(ExceptionQueueModel::Customer, widthFor(u"Alexandra Montgomery"_s));
    header->resizeSection(ExceptionQueueModel::Total, widthFor(u"000,000.00 USD"_s));
    header->setSectionResizeMode(ExceptionQueueModel::Detail, QHeaderView::Stretch);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ExceptionQueueModel::Age, Qt::DescendingOrder);
    layout->addWidget(m_table, 1);

    connect(m_releaseButton, &QPushButton::clicked, this, &ExceptionsView::askRelease);
    connect(m_cancelButton, &QPushButton::clicked, this, &ExceptionsView::askCancel);
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
    connect(m_model, &ExceptionQueueModel::loaded, this, [this](int count) {
        m_count->setText(count == 0   ? tr("No orders are on hold.")
                         : count == 1 ? tr("1 order on hold")
                                      : tr("%1 orders on hold").arg(formatCount(count)));
        emit countChanged(count);
    });
    connect(m_model, &ExceptionQueueModel::loadFailed, this, &ExceptionsView::statusMessage);
    connect(m_backend, &OrderBackend::actionFinished, this, &ExceptionsView::onActionFinished);
    m_count->setText(tr("Loading…"));
    updateActions();
}

void ExceptionsView::refresh()
{
    m_model->refresh();
}

qint64 ExceptionsView::currentOrderId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(ExceptionQueueModel::IdRole).toLongLong();
}

void ExceptionsView::updateActions()
{
    const bool selected = currentOrderId() != 0;
    const bool idle = m_pendingTickets.isEmpty();
    m_openButton->setEnabled(selected);
    m_releaseButton->setEnabled(selected && idle && m_actor.may(Permission::ResolveExceptions));
    m_cancelButton->setEnabled(selected && idle && m_actor.may(Permission::CancelOrders));
    if (!m_actor.may(Permission::ResolveExceptions))
        m_releaseButton->setToolTip(tr("Your role may not release held orders"));
    if (!m_actor.may(Permission::CancelOrders))
        m_cancelButton->setToolTip(tr("Your role may not cancel orders"));
}

void ExceptionsView::askRelease()
{
    const int row = m_model->rowForId(currentOrderId());
    if (row < 0)
        return;
    const OrderSummary& order = m_model->summary(row);
    ReleaseOrderDialog dialog(order.orderNumber, u"%1 %2"_s.arg(order.exceptionCode, order.exceptionDetail), this);
    if (dialog.exec() == QDialog::Accepted)
        release(order.id, dialog.note());
}

void ExceptionsView::askCancel()
{
    const int row = m_model->rowForId(currentOrderId());
    if (row < 0)
        return;
    const OrderSummary& order = m_model->summary(row);
    CancelOrderDialog dialog(order.orderNumber, this);
    if (dialog.exec() == QDialog::Accepted)
        cancel(order.id, dialog.reasonCode(), dialog.note());
}

void ExceptionsView::release(qint64 orderId, const QString& note)
{
    m_pendingTickets.insert(m_backend->release(orderId, m_actor, note));
    emit statusMessage(tr("Releasing…"));
    updateActions();
}

void ExceptionsView::cancel(qint64 orderId, const QString& reasonCode, const QString& note)
{
    m_pendingTickets.insert(m_backend->cancel(orderId, m_actor, reasonCode, note));
    emit statusMessage(tr("Cancelling…"));
    updateActions();
}

void ExceptionsView::onActionFinished(quint64 ticket, qint64 orderId, const QString& error)
{
    if (!m_pendingTickets.remove(ticket))
        return;
    updateActions();
    const int row = m_model->rowForId(orderId);
    const QString number = row >= 0 ? m_model->summary(row).orderNumber : QString::number(orderId);
    if (error.isEmpty()) {
        emit statusMessage(tr("Order %1 updated.").arg(number));
    } else {
        emit statusMessage(tr("Order %1 was not changed.").arg(number));
        emit actionFailed(error);
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Order %1 was not changed").arg(number), error,
                                    QMessageBox::Ok, this);
        box->setObjectName(u"actionErrorBox"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    refresh();
    emit orderChanged(orderId);
}

} // namespace ordo::ui
