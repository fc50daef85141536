#pragma once

#include "OrderRowsModel.h"

#include <QDateTime>
#include <QList>

namespace ordo::ui {

class OrderBackend;

// Orders held in Exception, with the reason and how long they have been waiting. The queue is a working list
// (hundreds, a few thousand at worst), so it is loaded whole, page by page in the backend's thread, kept in
// the order of the time held (longest first) and sorted locally through a QSortFilterProxyModel on RawRole.
// An order that is held or leaves the queue (ordersChanged) inserts or removes its row alone.
class ExceptionQueueModel : public OrderRowsModel {
    Q_OBJECT

public:
    enum Column { Number, Reason, Detail, Age, Channel, Customer, Total, ColumnCount };
    static constexpr int pageSize = 500;

    explicit ExceptionQueueModel(OrderBackend* backend, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void refresh();
    void ordersChanged(const QList<qint64>& orderIds) override;
    bool isLoading() const { return m_loading; }
    quint64 generation() const { return m_generation; }
    // Ages are measured against this moment; tests set it to get stable text.
    void setNow(const QDateTime& now);

public slots:
    void applyPage(quint64 generation, int offset, const QList<ordo::OrderSummary>& rows);
    void applyFailure(quint64 generation, const QString& error);

signals:
    void loaded(int count);       // the whole queue is in
    void countChanged(int count); // the queue grew or shrank by single orders (ordersChanged)
    void loadFailed(const QString& error);

protected:
    OrderFilter rowFilter() const override;
    bool comesBefore(const OrderSummary& a, const OrderSummary& b) const override;
    bool holdsWholeQueue() const override { return true; }
    void queueSizeChanged(int delta, bool unloadedChanged) override;

private:
    void requestPage();

    quint64 m_generation = 0;
    QList<OrderSummary> m_incoming;      // pages of the generation being loaded
    QList<qint64> m_changedWhileLoading; // updated once the new list is in
    QDateTime m_now;
    bool m_fixedNow = false;
    bool m_loading = false;
};

} // namespace ordo::ui
