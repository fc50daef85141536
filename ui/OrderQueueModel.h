#pragma once

#include "OrderRowsModel.h"

namespace ordo::ui {

class OrderBackend;

// The order queue over the whole database: filtered and sorted by the server, loaded in pages as the view
// scrolls (canFetchMore/fetchMore), so that a million orders stay responsive. Queries run in the backend's
// thread; every change of filter or sort starts a new generation and answers for older ones are dropped.
// One order's change (ordersChanged) updates, inserts or removes its row alone.
class OrderQueueModel : public OrderRowsModel {
    Q_OBJECT

public:
    enum Column { Number, Placed, Status, Channel, Customer, Email, Lines, Delivery, Total, ColumnCount };
    static constexpr int pageSize = 200;

    explicit OrderQueueModel(OrderBackend* backend, QObject* parent = nullptr);

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

public slots:
    // Answers from the backend; those for another generation are ignored.
    void applyPage(quint64 generation, int offset, const QList<ordo::OrderSummary>& rows);
    void applyCount(quint64 generation, qint64 count);
    void applyFailure(quint64 generation, const QString& error);

signals:
    void totalCountChanged(qint64 count);
    void pageLoaded(int rowsNow);
    void loadFailed(const QString& error);

protected:
    OrderFilter rowFilter() const override { return m_filter; }
    bool comesBefore(const OrderSummary& a, const OrderSummary& b) const override;
    bool holdsWholeQueue() const override { return m_endReached; }
    void queueSizeChanged(int delta, bool unloadedChanged) override;
    void loadedRowsShifted() override;

private:
    void reload();
    void requestPage();

    OrderFilter m_filter;
    int m_sortColumn = Placed;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    quint64 m_generation = 0;
    qint64 m_totalCount = -1;
    bool m_pagePending = false;
    bool m_pageStale = false; // rows went in or out since the pending page was asked for
    int m_pendingOffset = 0;
    bool m_endReached = false;
};

} // namespace ordo::ui
