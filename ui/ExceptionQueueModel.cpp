#include "ExceptionQueueModel.h"

#include "Format.h"
#include "OrderBackend.h"

using namespace Qt::StringLiterals;

namespace ordo::ui {

ExceptionQueueModel::ExceptionQueueModel(OrderBackend* backend, QObject* parent)
    : QAbstractTableModel(parent)
    , m_backend(backend)
    , m_now(QDateTime::currentDateTimeUtc())
{
    connect(m_backend, &OrderBackend::pageReady, this, &ExceptionQueueModel::applyPage);
    connect(m_backend, &OrderBackend::requestFailed, this, &ExceptionQueueModel::applyFailure);
    refresh();
}

int ExceptionQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExceptionQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExceptionQueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OrderSummary& order = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Number: return order.orderNumber;
        case Reason: return order.exceptionCode;
        case Detail: return order.exceptionDetail;
        case Age: return formatAge(order.statusChangedAt, m_now);
        case Channel: return channelName(order.channel);
        case Customer: return order.customerName;
        case Total: return formatMoney(order.totalMinor, order.currency);
        }
        break;
    case RawRole:
        switch (index.column()) {
        case Number: return order.orderNumber;
        case Reason: return order.exceptionCode;
        case Detail: return order.exceptionDetail;
        case Age: return order.statusChangedAt.isValid() ? order.statusChangedAt.secsTo(m_now) : qint64(0);
        case Channel: return channelCode(order.channel);
        case Customer: return order.customerName;
        case Total: return order.totalMinor;
        }
        break;
    case IdRole: return order.id;
    case StatusRole: return int(order.status);
    case Qt::ToolTipRole:
        if (index.column() == Detail || index.column() == Reason)
            return order.exceptionDetail;
        if (index.column() == Age)
            return tr("In Exception since %1").arg(formatDateTime(order.statusChangedAt));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Total || index.column() == Age)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant ExceptionQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && (section == Total || section == Age))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return tr("Order");
    case Reason: return tr("Reason");
    case Detail: return tr("Detail");
    case Age: return tr("Age");
    case Channel: return tr("Channel");
    case Customer: return tr("Customer");
    case Total: return tr("Total");
    }
    return {};
}

void ExceptionQueueModel::setNow(const QDateTime& now)
{
    m_now = now;
    m_fixedNow = true;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Age), index(int(m_rows.size()) - 1, Age), {Qt::DisplayRole, RawRole});
}

void ExceptionQueueModel::refresh()
{
    // The rows on screen stay until the new list is complete, so that a refresh does not flicker.
    m_generation = OrderBackend::nextGeneration();
    m_incoming.clear();
    m_loading = true;
    requestPage();
}

void ExceptionQueueModel::requestPage()
{
    OrderFilter filter;
    filter.status = OrderStatus::Exception;
    // Oldest first: the order that waited longest is the first to look at.
    m_backend->fetchPage(m_generation, filter, OrderSort::OrderedAt, false, int(m_incoming.size()), pageSize);
}

void ExceptionQueueModel::applyPage(quint64 generation, int offset, const QList<OrderSummary>& rows)
{
    if (generation != m_generation || offset != m_incoming.size() || !m_loading)
        return;
    m_incoming.append(rows);
    if (rows.size() == pageSize) {
        requestPage();
        return;
    }
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    for (const OrderSummary& row : std::as_const(m_incoming)) {
        if (m_rowById.contains(row.id))
            continue;
        m_rowById.insert(row.id, int(m_rows.size()));
        m_rows.append(row);
    }
    m_incoming.clear();
    if (!m_fixedNow)
        m_now = QDateTime::currentDateTimeUtc();
    m_loading = false;
    endResetModel();
    emit loaded(int(m_rows.size()));
}

void ExceptionQueueModel::applyFailure(quint64 generation, const QString& error)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    m_incoming.clear();
    emit loadFailed(error);
}

} // namespace ordo::ui
