#include "OrderQueueModel.h"

#include "Format.h"
#include "OrderBackend.h"

#include <tuple>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

std::optional<OrderSort> serverSort(int column) {
    switch (column) {
    case OrderQueueModel::Number:
        return OrderSort::OrderNumber;
    case OrderQueueModel::Placed:
        return OrderSort::OrderedAt;
    case OrderQueueModel::Status:
        return OrderSort::Status;
    case OrderQueueModel::Channel:
        return OrderSort::Channel;
    case OrderQueueModel::Total:
        return OrderSort::Total;
    default:
        return std::nullopt;
    }
}

} // namespace

OrderQueueModel::OrderQueueModel(OrderBackend* backend, QObject* parent)
    : OrderRowsModel(backend, parent) {
    connect(m_backend, &OrderBackend::pageReady, this, &OrderQueueModel::applyPage);
    connect(m_backend, &OrderBackend::countReady, this, &OrderQueueModel::applyCount);
    connect(m_backend, &OrderBackend::requestFailed, this, &OrderQueueModel::applyFailure);
    reload();
}

int OrderQueueModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderQueueModel::data(const QModelIndex& index, int role) const {
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
        case Placed:
            return formatDateTime(order.orderedAt);
        case Status:
            return statusName(order.status);
        case Customer:
            return order.customerName;
        case Email:
            return order.customerEmail;
        case Lines:
            return formatCount(order.lineCount);
        case Delivery:
            return deliveryName(order.delivery);
        }
        break;
    case RawRole:
        switch (index.column()) {
        case Number:
            return order.orderNumber;
        case Placed:
            return order.orderedAt;
        case Status:
            return int(order.status);
        case Customer:
            return order.customerName;
        case Email:
            return order.customerEmail;
        case Lines:
            return order.lineCount;
        case Delivery:
            return deliveryMethodCode(order.delivery);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Lines)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (order.status == OrderStatus::Exception && !order.exceptionCode.isEmpty())
            return u"%1: %2"_s.arg(order.exceptionCode, order.exceptionDetail);
        break;
    }
    return {};
}

QVariant OrderQueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && (section == Total || section == Lines))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number:
        return tr("Order");
    case Placed:
        return tr("Placed");
    case Status:
        return tr("Status");
    case Channel:
        return tr("Channel");
    case Customer:
        return tr("Customer");
    case Email:
        return tr("E-mail");
    case Lines:
        return tr("Lines");
    case Delivery:
        return tr("Delivery");
    case Total:
        return tr("Total");
    }
    return {};
}

bool OrderQueueModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_endReached && !m_pagePending;
}

void OrderQueueModel::fetchMore(const QModelIndex& parent) {
    if (canFetchMore(parent))
        requestPage();
}

bool OrderQueueModel::isSortable(int column) {
    return serverSort(column).has_value();
}

void OrderQueueModel::sort(int column, Qt::SortOrder order) {
    if (!isSortable(column) || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

void OrderQueueModel::setFilter(const OrderFilter& filter) {
    m_filter = filter;
    reload();
}

void OrderQueueModel::refresh() {
    reload();
}

void OrderQueueModel::reload() {
    m_generation = OrderBackend::nextGeneration();
    m_pagePending = false;
    m_endReached = false;
    resetRows({});
    if (m_totalCount != -1) {
        m_totalCount = -1;
        emit totalCountChanged(m_totalCount);
    }
    m_backend->fetchCount(m_generation, m_filter);
    requestPage();
}

void OrderQueueModel::requestPage() {
    m_pagePending = true;
    m_pageStale = false;
    m_pendingOffset = rowCount();
    m_backend->fetchPage(m_generation, m_filter, *serverSort(m_sortColumn),
                         m_sortOrder == Qt::DescendingOrder, m_pendingOffset, pageSize);
}

void OrderQueueModel::applyPage(quint64 generation, int offset, const QList<OrderSummary>& rows) {
    if (generation != m_generation || !m_pagePending || offset != m_pendingOffset)
        return; // an answer to a question this model no longer asks
    if (m_pageStale) {
        // Rows went in or out above the offset it was asked at: it would skip or repeat orders. Ask again.
        requestPage();
        return;
    }
    // Still "pending" while rows go in, so that views reacting to the insertion do not ask for the same page.
    appendRows(rows); // an order that moved up while paging is not shown twice
    m_pagePending = false;
    m_endReached = rows.size() < pageSize;
    emit pageLoaded(rowCount());
}

bool OrderQueueModel::comesBefore(const OrderSummary& a, const OrderSummary& b) const {
    // The database's ORDER BY (OrderQuery), each key in the same direction.
    const OrderSummary& x = m_sortOrder == Qt::DescendingOrder ? b : a;
    const OrderSummary& y = m_sortOrder == Qt::DescendingOrder ? a : b;
    switch (*serverSort(m_sortColumn)) {
    case OrderSort::OrderedAt:
        return std::tie(x.orderedAt, x.id) < std::tie(y.orderedAt, y.id);
    case OrderSort::OrderNumber:
        return std::tie(x.orderNumber, x.id) < std::tie(y.orderNumber, y.id);
    case OrderSort::Status: {
        const QString xs = orderStatusCode(x.status), ys = orderStatusCode(y.status);
        return std::tie(xs, x.orderedAt, x.id) < std::tie(ys, y.orderedAt, y.id);
    }
    case OrderSort::Channel: {
        const QString xc = channelCode(x.channel), yc = channelCode(y.channel);
        return std::tie(xc, x.orderedAt, x.id) < std::tie(yc, y.orderedAt, y.id);
    }
    case OrderSort::Total:
        return std::tie(x.totalMinor, x.id) < std::tie(y.totalMinor, y.id);
    }
    return x.id < y.id;
}

void OrderQueueModel::queueSizeChanged(int delta, bool unloadedChanged) {
    if (unloadedChanged || m_totalCount < 0) {
        // An order outside the loaded rows entered or left the filter: ask again (one indexed count).
        m_backend->fetchCount(m_generation, m_filter);
        return;
    }
    m_totalCount += delta;
    emit totalCountChanged(m_totalCount);
}

void OrderQueueModel::loadedRowsShifted() {
    if (m_pagePending)
        m_pageStale = true;
}

void OrderQueueModel::applyCount(quint64 generation, qint64 count) {
    if (generation != m_generation)
        return;
    m_totalCount = count;
    emit totalCountChanged(count);
}

void OrderQueueModel::applyFailure(quint64 generation, const QString& error) {
    if (generation != m_generation)
        return;
    m_pagePending = false;
    m_endReached = true;
    emit loadFailed(error);
}

} // namespace ordo::ui
