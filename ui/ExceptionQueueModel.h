#pragma once

#include "orders/OrderQuery.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

namespace ordo::ui {

class OrderBackend;

// Orders held in Exception, with the reason and how long they have been waiting. The queue is a working list
// (hundreds, a few thousand at worst), so it is loaded whole, page by page in the backend's thread, and sorted
// locally through a QSortFilterProxyModel on RawRole.
class ExceptionQueueModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Number, Reason, Detail, Age, Channel, Customer, Total, ColumnCount };
    enum Role { RawRole = Qt::UserRole, IdRole, StatusRole };
    static constexpr int pageSize = 500;

    explicit ExceptionQueueModel(OrderBackend* backend, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void refresh();
    bool isLoading() const { return m_loading; }
    quint64 generation() const { return m_generation; }
    const OrderSummary& summary(int row) const { return m_rows.at(row); }
    int rowForId(qint64 orderId) const { return m_rowById.value(orderId, -1); }
    // Ages are measured against this moment; tests set it to get stable text.
    void setNow(const QDateTime& now);

public slots:
    void applyPage(quint64 generation, int offset, const QList<ordo::OrderSummary>& rows);
    void applyFailure(quint64 generation, const QString& error);

signals:
    void loaded(int count); // the whole queue is in
    void loadFailed(const QString& error);

private:
    void requestPage();

    OrderBackend* m_backend;
    quint64 m_generation = 0;
    QList<OrderSummary> m_rows;
    QList<OrderSummary> m_incoming; // pages of the generation being loaded
    QHash<qint64, int> m_rowById;
    QDateTime m_now;
    bool m_fixedNow = false;
    bool m_loading = false;
};

} // namespace ordo::ui
