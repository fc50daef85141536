#include "ExceptionQueueModel.h"

#include "Format.h"
#include "OrderBackend.h"

#include <algorithm>
#include <tuple>
#include <utility>

using namespace Qt::StringLiterals;

namespace ordo::ui {

ExceptionQueueModel::ExceptionQueueModel(OrderBackend* backend, QObject* parent)
    : OrderRowsModel(backend, parent)
    , m_now(QDateTime::currentDateTimeUtc()) {
    connect(m_backend, &OrderBackend::pageReady, this, &ExceptionQueueModel::applyPage);
    connect(m_backend, &OrderBackend::requestFailed, this, &ExceptionQueueModel::applyFailure);
    refresh();
}

int ExceptionQueueModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExceptionQueueModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OrderSummary& order = summary(index.row());
    if (index.column() == Channel && (role == Qt::DisplayRole || role == RawRole))
        return channelCell(order, role);
    if (index.column() == Total)
        if (const QVariant total = totalCell(order, role); total.isValid())
            return total;
    if (const QVariant common = commonRole(order, role); common.isValid())
        return common;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Number:
            return order.orderNumber;
        case Reason:
            return order.exceptionCode;
        case Detail:
            return order.exceptionDetail;
        case Age:
            return formatAge(order.statusChangedAt, m_now);
        case Customer:
            return order.customerName;
        }
        break;
    case RawRole:
        switch (index.column()) {
        case Number:
            return order.orderNumber;
        case Reason:
            return order.exceptionCode;
        case Detail:
            return order.exceptionDetail;
        case Age:
            return order.statusChangedAt.isValid() ? order.statusChangedAt.secsTo(m_now) : qint64(0);
        case Customer:
            return order.customerName;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Detail || index.column() == Reason)
            return order.exceptionDetail;
        if (index.column() == Age)
            return tr("In Exception since %1").arg(formatDateTime(order.statusChangedAt));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Age)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant ExceptionQueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && (section == Total || section == Age))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number:
        return tr("Order");
    case Reason:
        return tr("Reason");
    case Detail:
        return tr("Detail");
    case Age:
        return tr("Age");
    case Channel:
        return tr("Channel");
    case Customer:
        return tr("Customer");
    case Total:
        return tr("Total");
    }
    return {};
}

void ExceptionQueueModel::setNow(const QDateTime& now) {
    m_now = now;
    m_fixedNow = true;
    if (rowCount() > 0)
        emit dataChanged(index(0, Age), index(rowCount() - 1, Age), {Qt::DisplayRole, RawRole});
}

void ExceptionQueueModel::refresh() {
    // The rows on screen stay until the new list is complete, so that a refresh does not flicker.
    m_generation = OrderBackend::nextGeneration();
    m_incoming.clear();
    m_loading = true;
    requestPage();
}

OrderFilter ExceptionQueueModel::rowFilter() const {
    OrderFilter filter;
    filter.status = OrderStatus::Exception;
    return filter;
}

bool ExceptionQueueModel::comesBefore(const OrderSummary& a, const OrderSummary& b) const {
    // Longest held first: the order that has waited longest is the first to look at.
    return std::tie(a.statusChangedAt, a.id) < std::tie(b.statusChangedAt, b.id);
}

void ExceptionQueueModel::queueSizeChanged(int, bool) {
    emit countChanged(rowCount());
}

void ExceptionQueueModel::ordersChanged(const QList<qint64>& orderIds) {
    // Rows read now could be older than the list being loaded: they are read again once it is in.
    if (m_loading)
        m_changedWhileLoading.append(orderIds);
    else
        OrderRowsModel::ordersChanged(orderIds);
}

void ExceptionQueueModel::requestPage() {
    // Pages in the order of capture (stable while paging); the rows are put in the order held once all are
    // in.
    m_backend->fetchPage(m_generation, rowFilter(), OrderSort::OrderedAt, false, int(m_incoming.size()),
                         pageSize);
}

void ExceptionQueueModel::applyPage(quint64 generation, int offset, const QList<OrderSummary>& rows) {
    if (generation != m_generation || offset != m_incoming.size() || !m_loading)
        return;
    m_incoming.append(rows);
    if (rows.size() == pageSize) {
        requestPage();
        return;
    }
    std::stable_sort(m_incoming.begin(), m_incoming.end(),
                     [this](const OrderSummary& a, const OrderSummary& b) { return comesBefore(a, b); });
    if (!m_fixedNow)
        m_now = QDateTime::currentDateTimeUtc();
    m_loading = false;
    resetRows(m_incoming);
    m_incoming.clear();
    emit loaded(rowCount());
    if (!m_changedWhileLoading.isEmpty())
        OrderRowsModel::ordersChanged(std::exchange(m_changedWhileLoading, {}));
}

void ExceptionQueueModel::applyFailure(quint64 generation, const QString& error) {
    if (generation != m_generation)
        return;
    m_loading = false;
    m_incoming.clear();
    if (!m_changedWhileLoading.isEmpty())
        OrderRowsModel::ordersChanged(std::exchange(m_changedWhileLoading, {}));
    emit loadFailed(error);
}

} // namespace ordo::ui
