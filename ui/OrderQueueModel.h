#pragma once

#include "orders/OrderQuery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ordo::ui {

class OrderBackend;

// The order queue over the whole database: filtered and sorted by the server, loaded in pages as the view
// scrolls (canFetchMore/fetchMore), so that a million orders stay responsive. Queries run in the backend's
// thread; every change of filter or sort starts a new generation and answers for older ones are dropped.
class OrderQueueModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Number, Placed, Status, Channel, Customer, Email, Lines, Delivery, Total, ColumnCount };
    enum Role {
        RawRole = Qt::UserRole, // the sortable value behind the text
        IdRole,                 // the order's database id
        StatusRole,             // the OrderStatus as int, for the badge delegate
    };
    static constexpr int pageSize = 200;

    explicit OrderQueueModel(OrderBackend* backend, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    // Sorting runs in the database; columns without a server-side order are left as they are.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static bool isSortable(int column);
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    const OrderFilter& filter() const { return m_filter; }
    void setFilter(const OrderFilter& filter);
    // Asks again with the same filter and sort (after a change elsewhere).
    void refresh();

    qint64 totalCount() const { return m_totalCount; } // -1 until counted
    bool isLoading() const { return m_pagePending; }
    quint64 generation() const { return m_generation; }
    const OrderSummary& summary(int row) const { return m_rows.at(row); }
    int rowForId(qint64 orderId) const { return m_rowById.value(orderId, -1); }

public slots:
    // Answers from the backend; those for another generation are ignored.
    void applyPage(quint64 generation, int offset, const QList<ordo::OrderSummary>& rows);
    void applyCount(quint64 generation, qint64 count);
    void applyFailure(quint64 generation, const QString& error);

signals:
    void totalCountChanged(qint64 count);
    void pageLoaded(int rowsNow);
    void loadFailed(const QString& error);

private:
    void reload();
    void requestPage();

    OrderBackend* m_backend;
    OrderFilter m_filter;
    int m_sortColumn = Placed;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    quint64 m_generation = 0;
    QList<OrderSummary> m_rows;
    QHash<qint64, int> m_rowById;
    qint64 m_totalCount = -1;
    bool m_pagePending = false;
    int m_pendingOffset = 0;
    bool m_endReached = false;
};

} // namespace ordo::ui
