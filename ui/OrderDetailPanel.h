#pragma once

#include "model/Decision.h"
#include "orders/OrderQuery.h"

#include <QWidget>

class QFormLayout;
class QHBoxLayout;
class QLabel;
class QSplitter;
class QTableWidget;
class QTabWidget;
class QTreeWidget;

namespace ordo::ui {

class OrderActions;
class RoutingPanel;

// One order's whole story: header, lines with their own state and location, customer and ship-to, and the
// audit timeline on the Overview tab; the latest routing decision, explained, on the Routing tab. It shows
// what it is given; the actions on the order (OrderActions, set by the view that knows the database and the
// user) sit in its header.
class OrderDetailPanel : public QWidget {
    Q_OBJECT

public:
    explicit OrderDetailPanel(QWidget* parent = nullptr);

    void showDetail(const OrderDetail& detail);
    // The latest routing decision stored with order `orderId` (none: never routed), for the Routing tab.
    void showDecision(qint64 orderId, const std::optional<Decision>& decision);
    void showLoading(const QString& orderNumber);
    void showError(const QString& message);
    qint64 orderId() const { return m_orderId; }
    QSplitter* bodySplitter() const { return m_body; }
    QTabWidget* tabs() const { return m_tabs; }
    RoutingPanel* routingPanel() const { return m_routing; }
    // Puts the action buttons in the header; they follow the order shown.
    void setActions(OrderActions* actions);
    OrderActions* actions() const { return m_actions; }

    enum { StatusRole = Qt::UserRole + 1 };

signals:
    void closeRequested();

private:
    QLabel* addFact(int column, const QString& caption, const QString& objectName);
    void fillLines(const Order& order);
    void fillParties(const OrderDetail& detail);
    void fillTimeline(const QList<AuditEvent>& events);

    qint64 m_orderId = 0;
    OrderActions* m_actions = nullptr;
    QHBoxLayout* m_header = nullptr;
    qint64 m_decisionOrderId = 0;
    QLabel* m_number = nullptr;
    QLabel* m_badge = nullptr;
    QLabel* m_message = nullptr;
    QWidget* m_factsBox = nullptr;
    QLabel* m_channel = nullptr;
    QLabel* m_placed = nullptr;
    QLabel* m_total = nullptr;
    QLabel* m_delivery = nullptr;
    QLabel* m_external = nullptr;
    QLabel* m_requested = nullptr;
    QLabel* m_exceptions = nullptr;
    QTabWidget* m_tabs = nullptr;
    QSplitter* m_body = nullptr;
    RoutingPanel* m_routing = nullptr;
    QTableWidget* m_lines = nullptr;
    QFormLayout* m_customerForm = nullptr;
    QLabel* m_customerName = nullptr;
    QLabel* m_email = nullptr;
    QLabel* m_phone = nullptr;
    QLabel* m_address = nullptr;
    QLabel* m_coordinates = nullptr;
    QTreeWidget* m_timeline = nullptr;
};

} // namespace ordo::ui
