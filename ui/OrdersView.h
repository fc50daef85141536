#pragma once

#include "orders/OrderQuery.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QSplitter;
class QTableView;
class QToolButton;

namespace ordo::ui {

class OrderBackend;
class OrderDetailPanel;
class OrderQueueModel;

// The order queue with its filters, and the detail of the order opened from it.
class OrdersView : public QWidget {
    Q_OBJECT

public:
    explicit OrdersView(OrderBackend* backend, QWidget* parent = nullptr);

    // Shows every order matching `text` (number, e-mail, phone or name); a unique hit is opened.
    void search(const QString& text);
    void openOrder(qint64 orderId);
    void closeDetail();
    void refresh();
    // Reloads what depends on the database (location codes) and the queue, after another database was opened.
    void reloadAll();

    OrderQueueModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    OrderDetailPanel* detailPanel() const { return m_detail; }
    QSplitter* splitter() const { return m_splitter; }
    QLabel* countLabel() const { return m_count; }

signals:
    void statusMessage(const QString& message);

private:
    void applyFilters();
    void updateCount();
    void openRow(int row);
    void onPageLoaded();

    OrderBackend* m_backend;
    OrderQueueModel* m_model;
    QComboBox* m_status = nullptr;
    QComboBox* m_channel = nullptr;
    QComboBox* m_location = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLabel* m_searchChip = nullptr;
    QToolButton* m_clearSearch = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_table = nullptr;
    QSplitter* m_splitter = nullptr;
    OrderDetailPanel* m_detail = nullptr;
    QString m_searchText;
    bool m_openUniqueHit = false;
    bool m_updatingFilters = false;
    quint64 m_detailGeneration = 0;
    quint64 m_locationsGeneration = 0;
};

} // namespace ordo::ui
