#include "OrderQueueModel.h"

#include "Format.h"
#include "OrderBackend.h"

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

std::optional<OrderSort> serverSort(int column)
{
    switch (column) {
    case OrderQueueModel::Number: return OrderSort::OrderNumber;
    case OrderQueueModel::Placed: return OrderSort::OrderedAt;
    case OrderQueueModel::Status: return OrderSort::Status;
    case OrderQueueModel::Channel: return OrderSort::Channel;
    case OrderQueueModel::Total: return OrderSort::Total;
    default: return std::nullopt;
    }
}

} // namespace

OrderQueueModel::OrderQueueModel(OrderBackend* backend, QObject* parent)
    : QAbstractTableModel(parent)
    , m_backend(backend)
{
    connect(m_backend, &OrderBackend::pageReady, this, &OrderQueueModel::applyPage);
    connect(m_backend, &OrderBackend::countReady, this, &OrderQueueModel::applyCount);
    connect(m_backend, &OrderBackend::requestFailed, this, &OrderQueueModel::applyFailure);
    reload();
}

int OrderQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OrderQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderQueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OrderSummary& order = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Number: return order.orderNumber;
        case Placed: return formatDateTime(order.orderedAt);
        case Status: return statusName(order.status);
        case Channel: return channelName(order.channel);
        case Customer: return order.customerName;
        case Email: return order.customerEmail;
        case Lines: return formatCount(order.lineCount);
        case Delivery: return deliveryName(order.delivery);
        case Total: return formatMoney(order.totalMinor, order.currency);
        }
        break;
    case RawRole:
        switch (index.column()) {
        case Number: return order.orderNumber;
        case Placed: return order.orderedAt;
        case Status: return int(order.status);
        case Channel: return channelCode(order.channel);
        case Customer: return order.customerName;
        case Email: return order.customerEmail;
        case Lines: return order.lineCount;
        case Delivery: return deliveryMethodCode(order.delivery);
        case Total: return order.totalMinor;
        }
        break;
    case IdRole: return order.id;
    case StatusRole: return int(order.status);
    case Qt::TextAlignmentRole:
        if (index.column() == Total || index.column() == Lines)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (order.status == OrderStatus::Exception && !order.exceptionCode.isEmpty())
            return u"%1: %2"_s.arg(order.exceptionCode, order.exceptionDetail);
        break;
    }
    return {};
}

QVariant OrderQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && (section == Total || section == Lines))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return tr("Order");
    case Placed: return tr("Placed");
    case Status: return tr("Status");
    case Channel: return tr("Channel");
    case Customer: return tr("Customer");
    case Email: return tr("E-mail");
    case Lines: return tr("Lines");
    case Delivery: return tr("Delivery");
    case Total: return tr("Total");
    }
    return {};
}

bool OrderQueueModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_endReached && !m_pagePending;
}

void OrderQueueModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        requestPage();
}

bool OrderQueueModel::isSortable(int column)
{
    return serverSort(column).has_value();
}

void OrderQueueModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column) || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

void OrderQueueModel::setFilter(const OrderFilter& filter)
{
    m_filter = filter;
    reload();
}

void OrderQueueModel::refresh()
{
    reload();
}

void OrderQueueModel::reload()
{
    beginResetModel();
    m_generation = OrderBackend::nextGeneration();
    m_rows.clear();
    m_rowById.clear();
    m_pagePending = false;
    m_endReached = false;
    endResetModel();
    if (m_totalCount != -1) {
        m_totalCount = -1;
        emit totalCountChanged(m_totalCount);
    }
    m_backend->fetchCount(m_generation, m_filter);
    requestPage();
}

void OrderQueueModel::requestPage()
{
    m_pagePending = true;
    m_pendingOffset = int(m_rows.size());
    m_backend->fetchPage(m_generation, m_filter, *serverSort(m_sortColumn), m_sortOrder == Qt::DescendingOrder,
                         m_pendingOffset, pageSize);
}

void OrderQueueModel::applyPage(quint64 generation, int offset, const QList<OrderSummary>& rows)
{
    if (generation != m_generation || !m_pagePending || offset != m_pendingOffset)
        return; // an answer to a question this model no longer asks
    // Still "pending" while rows go in, so that views reacting to the insertion do not ask for the same page.
    QList<OrderSummary> fresh;
    fresh.reserve(rows.size());
    for (const OrderSummary& row : rows)
        if (!m_rowById.contains(row.id)) // an order that moved up while paging is not shown twice
            fresh.append(row);
    if (!fresh.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (const OrderSummary& row : std::as_const(fresh)) {
            m_rowById.insert(row.id, int(m_rows.size()));
            m_rows.append(row);
        }
        endInsertRows();
    }
    m_pagePending = false;
    m_endReached = rows.size() < pageSize;
    emit pageLoaded(int(m_rows.size()));
}

void OrderQueueModel::applyCount(quint64 generation, qint64 count)
{
    if (generation != m_generation)
        return;
    m_totalCount = count;
    emit totalCountChanged(count);
}

void OrderQueueModel::applyFailure(quint64 generation, const QString& error)
{
    if (generation != m_generation)
        return;
    m_pagePending = false;
    m_endReached = true;
    emit loadFailed(error);
}

} // namespace ordo::ui
