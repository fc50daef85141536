#pragma once

#include "model/Actor.h"
#include "model/Order.h"

#include <QSet>
#include <QWidget>

class QPushButton;

namespace ordo::ui {

class OrderBackend;
class RoutingActions;

// The actions of the order detail, where a person looking at one order needs them: Route now, Hold,
// Release and Cancel. Each button is enabled only for the roles that may and in the states the order
// lifecycle allows, asks with the same dialogs as the Exceptions view and runs the same core services
// (OrderLifecycle through the backend, RoutingService through RoutingActions) in the database thread.
class OrderActions : public QWidget {
    Q_OBJECT

public:
    OrderActions(OrderBackend* backend, const Actor& actor, QWidget* parent = nullptr);

    // Which actions an order in `status` allows to `actor`; `heldByRouting`: held because the router could
    // not place it (reason ROUTING_*), so that routing it again may settle it.
    struct Allowed {
        bool routeNow = false;
        bool hold = false;
        bool release = false;
        bool cancel = false;
    };
    static Allowed allowed(OrderStatus status, bool heldByRouting, const Actor& actor);

    // The order the buttons act on (as last shown); clear() for none.
    void setOrder(const Order& order);
    void clear();
    qint64 orderId() const { return m_orderId; }
    bool isBusy() const { return !m_tickets.isEmpty(); }

    // The actions without their dialogs.
    void routeNow();
    void hold(const QString& reasonCode, const QString& note);
    void release(const QString& note);
    void cancel(const QString& reasonCode, const QString& note);
    // The dialogs (window-modal); the action runs when one is accepted.
    void askHold();
    void askRelease();
    void askCancel();

    QPushButton* routeNowButton() const { return m_routeNow; }
    QPushButton* holdButton() const { return m_hold; }
    QPushButton* releaseButton() const { return m_release; }
    QPushButton* cancelButton() const { return m_cancel; }

signals:
    void orderChanged(qint64 orderId);
    void statusMessage(const QString& message);
    void actionFailed(const QString& error);

private:
    void started(quint64 ticket, const QString& message);
    void onFinished(quint64 ticket, qint64 orderId, const QString& message, const QString& error);
    void updateButtons();

    OrderBackend* m_backend;
    Actor m_actor;
    RoutingActions* m_routing;
    qint64 m_orderId = 0;
    QString m_orderNumber;
    OrderStatus m_status = OrderStatus::Pending;
    bool m_heldByRouting = false;
    QString m_heldFor; // the reasons, for the release dialog
    QSet<quint64> m_tickets;
    QPushButton* m_routeNow;
    QPushButton* m_hold;
    QPushButton* m_release;
    QPushButton* m_cancel;
};

} // namespace ordo::ui
