#pragma once

#include "orders/OrderQuery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace ordo::ui {

class OrderBackend;

// What the two order queues (OrderQueueModel, ExceptionQueueModel) share: rows of OrderSummary kept in the
// queue's order with an id -> row map, de-duplicated by id, the roles, the channel and total cells, and the
// update of single orders. ordersChanged() re-reads only the orders named, through the backend, and then
// changes only their rows, as qBittorrent's transfer list does: a batched dataChanged for the rows that stay,
// rowsRemoved for an order that left the queue's filter, rowsInserted (at its place in the queue's order) for
// one that entered it, rowsMoved for one whose sort key moved it. One order's change costs one row, not a
// reload.
class OrderRowsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Role {
        RawRole = Qt::UserRole, // the sortable value behind the text
        IdRole,                 // the order's database id
        StatusRole,             // the OrderStatus as int, for the badge delegate
    };

    int rowCount(const QModelIndex& parent = {}) const override;

    const OrderSummary& summary(int row) const { return m_rows.at(row); }
    int rowForId(qint64 orderId) const { return m_rowById.value(orderId, -1); }

    // These orders changed (an action, a correction, a change notice): their rows are read again and updated,
    // inserted or removed; nothing else is reloaded.
    virtual void ordersChanged(const QList<qint64>& orderIds);
    // Whether answers to ordersChanged() are still on their way.
    bool isUpdating() const { return !m_changeTickets.isEmpty(); }

signals:
    // The rows of these orders were brought up to date (some may have left the queue).
    void ordersUpdated(const QList<qint64>& orderIds);

protected:
    OrderRowsModel(OrderBackend* backend, QObject* parent);

    // The filter whose orders this model shows.
    virtual OrderFilter rowFilter() const = 0;
    // Whether `a` comes before `b` in this model's order (ties broken by id, so that the order is total).
    virtual bool comesBefore(const OrderSummary& a, const OrderSummary& b) const = 0;
    // Whether the rows are the whole queue: if not, an order that sorts after the last row is left for a
    // later page rather than inserted.
    virtual bool holdsWholeQueue() const = 0;
    // Called after ordersChanged() inserted (+1) or removed (-1) rows, for a model that counts its queue.
    virtual void queueSizeChanged(int delta, bool unloadedChanged);
    // Called after ordersChanged() inserted or removed a row among those loaded: a page asked for before then
    // was asked at an offset that no longer holds.
    virtual void loadedRowsShifted() {}

    // Replaces every row (a reset), dropping duplicate ids and the answers of earlier ordersChanged().
    void resetRows(const QList<OrderSummary>& rows);
    // Appends a page's rows that are not shown yet; returns how many went in.
    int appendRows(const QList<OrderSummary>& rows);

    // Cells both queues show the same way.
    static QVariant channelCell(const OrderSummary& order, int role);
    static QVariant totalCell(const OrderSummary& order, int role);
    // The roles every column answers alike (IdRole, StatusRole); an invalid QVariant for the others.
    static QVariant commonRole(const OrderSummary& order, int role);

    OrderBackend* m_backend;

private:
    void applyOrders(quint64 ticket, const QList<qint64>& asked, const QList<OrderSummary>& rows);
    void applyChangeFailure(quint64 ticket, const QString& error);
    int insertionRow(const OrderSummary& order, int skipRow = -1) const;
    void reindexFrom(int row);
    void emitChanged(QList<int> rows);

    QList<OrderSummary> m_rows;
    QHash<qint64, int> m_rowById;
    QSet<quint64> m_changeTickets;
};

} // namespace ordo::ui
