#pragma once

#include "model/Actor.h"
#include "orders/OrderQuery.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QSplitter;
class QTableView;
class QToolButton;

namespace ordo::ui {

class OrderActions;
class OrderBackend;
class OrderDetailPanel;
class OrderQueueModel;

// The order queue with its filters, and the detail of the order opened from it.
class OrdersView : public QWidget {
    Q_OBJECT

public:
    // `actor`: who acts through the order detail's buttons.
    OrdersView(OrderBackend* backend, const Actor& actor, QWidget* parent = nullptr);

    // Shows every order matching `text` (number, e-mail, phone or name); a unique hit is opened.
    void search(const QString& text);
    void openOrder(qint64 orderId);
    void closeDetail();
    void refresh();
    // These orders changed (an action here or elsewhere): their rows alone are read again, and the detail if
    // it shows one of them.
    void ordersChanged(const QList<qint64>& orderIds);
    // Reloads what depends on the database (location codes) and the queue, after another database was opened.
    void reloadAll();

    OrderQueueModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    OrderDetailPanel* detailPanel() const { return m_detail; }
    OrderActions* actions() const { return m_actions; }
    QSplitter* splitter() const { return m_splitter; }
    QLabel* countLabel() const { return m_count; }

signals:
    void statusMessage(const QString& message);
    // An action from the order detail changed this order: other views showing it update its row.
    void orderChanged(qint64 orderId);

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
    OrderActions* m_actions = nullptr;
    QString m_searchText;
    bool m_openUniqueHit = false;
    bool m_updatingFilters = false;
    quint64 m_detailGeneration = 0;
    quint64 m_locationsGeneration = 0;
};

} // namespace ordo::ui
