#include "OrderRowsModel.h"

#include "Format.h"
#include "OrderBackend.h"

#include <algorithm>

namespace ordo::ui {

OrderRowsModel::OrderRowsModel(OrderBackend* backend, QObject* parent)
    : QAbstractTableModel(parent)
    , m_backend(backend) {
    connect(m_backend, &OrderBackend::ordersReady, this, &OrderRowsModel::applyOrders);
    connect(m_backend, &OrderBackend::requestFailed, this, &OrderRowsModel::applyChangeFailure);
}

int OrderRowsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

void OrderRowsModel::queueSizeChanged(int, bool) {}

void OrderRowsModel::ordersChanged(const QList<qint64>& orderIds) {
    if (orderIds.isEmpty())
        return;
    const quint64 ticket = OrderBackend::nextGeneration();
    m_changeTickets.insert(ticket);
    m_backend->fetchOrders(ticket, rowFilter(), orderIds);
}

void OrderRowsModel::resetRows(const QList<OrderSummary>& rows) {
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    // Answers to questions asked before this reset would describe rows that are no longer here.
    m_changeTickets.clear();
    for (const OrderSummary& row : rows) {
        if (m_rowById.contains(row.id))
            continue;
        m_rowById.insert(row.id, int(m_rows.size()));
        m_rows.append(row);
    }
    endResetModel();
}

int OrderRowsModel::appendRows(const QList<OrderSummary>& rows) {
    QList<OrderSummary> fresh;
    fresh.reserve(rows.size());
    QSet<qint64> seen;
    for (const OrderSummary& row : rows)
        if (!m_rowById.contains(row.id) && !seen.contains(row.id)) { // an order that moved while paging
            seen.insert(row.id);
            fresh.append(row);
        }
    if (fresh.isEmpty())
        return 0;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (const OrderSummary& row : std::as_const(fresh)) {
        m_rowById.insert(row.id, int(m_rows.size()));
        m_rows.append(row);
    }
    endInsertRows();
    return int(fresh.size());
}

int OrderRowsModel::insertionRow(const OrderSummary& order, int skipRow) const {
    // A binary search over the rows without `skipRow` (the order's own row, whose values are stale).
    const int size = int(m_rows.size()) - (skipRow >= 0 ? 1 : 0);
    int low = 0;
    int high = size;
    while (low < high) {
        const int middle = (low + high) / 2;
        const int row = skipRow >= 0 && middle >= skipRow ? middle + 1 : middle;
        if (comesBefore(m_rows.at(row), order))
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

void OrderRowsModel::reindexFrom(int row) {
    for (int i = row; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows.at(i).id, i);
}

void OrderRowsModel::applyOrders(quint64 ticket, const QList<qint64>& asked,
                                 const QList<OrderSummary>& rows) {
    if (!m_changeTickets.remove(ticket))
        return;
    QHash<qint64, qsizetype> found;
    for (qsizetype i = 0; i < rows.size(); ++i)
        found.insert(rows.at(i).id, i);
    QSet<qint64> changed; // ids whose row stays (perhaps moved) with new values
    QSet<qint64> done;
    int delta = 0;
    bool unloaded = false; // an order not among the rows entered or left the queue: the count is unknown
    for (qint64 id : asked) {
        if (done.contains(id))
            continue;
        done.insert(id);
        const int row = rowForId(id);
        const auto hit = found.constFind(id);
        if (hit == found.cend()) { // not in the filter any more (or gone)
            if (row < 0) {
                unloaded = true;
                continue;
            }
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            m_rowById.remove(id);
            reindexFrom(row);
            endRemoveRows();
            loadedRowsShifted();
            --delta;
            continue;
        }
        const OrderSummary& order = rows.at(*hit);
        if (row < 0) {
            const int at = insertionRow(order);
            unloaded = true;
            if (at == m_rows.size() && !holdsWholeQueue())
                continue; // after the last row loaded: a later page brings it
            beginInsertRows({}, at, at);
            m_rows.insert(at, order);
            reindexFrom(at);
            endInsertRows();
            loadedRowsShifted();
            continue;
        }
        const int at = insertionRow(order, row);
        if (at == row) {
            m_rows[row] = order;
            changed.insert(id);
            continue;
        }
        if (at == m_rows.size() - 1 && !holdsWholeQueue()) {
            // Its new place is past the rows loaded: it leaves them and comes back with a later page.
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            m_rowById.remove(id);
            reindexFrom(row);
            endRemoveRows();
            loadedRowsShifted();
            continue;
        }
        beginMoveRows({}, row, row, {}, at > row ? at + 1 : at);
        m_rows.move(row, at);
        m_rows[at] = order;
        reindexFrom(qMin(row, at));
        endMoveRows();
        changed.insert(id);
    }
    QList<int> changedRows;
    for (qint64 id : std::as_const(changed))
        if (const int row = rowForId(id); row >= 0)
            changedRows.append(row);
    emitChanged(changedRows);
    if (delta != 0 || unloaded)
        queueSizeChanged(delta, unloaded);
    emit ordersUpdated(asked);
}

void OrderRowsModel::applyChangeFailure(quint64 ticket, const QString&) {
    // The rows stay as they were; the next refresh brings them up to date.
    if (m_changeTickets.remove(ticket))
        emit ordersUpdated({});
}

void OrderRowsModel::emitChanged(QList<int> rows) {
    // One signal per run of adjacent rows.
    std::sort(rows.begin(), rows.end());
    const int lastColumn = columnCount() - 1;
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
            ++j;
        emit dataChanged(index(rows.at(i), 0), index(rows.at(j), lastColumn));
        i = j + 1;
    }
}

QVariant OrderRowsModel::channelCell(const OrderSummary& order, int role) {
    if (role == Qt::DisplayRole)
        return channelName(order.channel);
    if (role == RawRole)
        return channelCode(order.channel);
    return {};
}

QVariant OrderRowsModel::totalCell(const OrderSummary& order, int role) {
    switch (role) {
    case Qt::DisplayRole:
        return formatMoney(order.totalMinor, order.currency);
    case RawRole:
        return order.totalMinor;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant OrderRowsModel::commonRole(const OrderSummary& order, int role) {
    switch (role) {
    case IdRole:
        return order.id;
    case StatusRole:
        return int(order.status);
    }
    return {};
}

} // namespace ordo::ui
