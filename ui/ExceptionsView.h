#pragma once

#include "model/Actor.h"
#include "sourcing/RoutingService.h"

#include <QSet>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ordo::ui {

class ExceptionCorrections;
class ExceptionQueueModel;
class OrderBackend;
class RoutingActions;

// Orders held in Exception, grouped by reason, and the actions the state machine allows on them: approve
// (send the order back where it was held, overriding what a person has checked) and cancel with a reason, on
// one order or on every order selected; for orders the router held, route again, choose a location by hand
// (with the router's explanation beside it) and backorder.
class ExceptionsView : public QWidget {
    Q_OBJECT

public:
    ExceptionsView(OrderBackend* backend, const Actor& actor, QWidget* parent = nullptr);

    void refresh();
    // These orders changed elsewhere (the order detail, another view): their rows alone are read again.
    void ordersChanged(const QList<qint64>& orderIds);
    // The actions behind the buttons, without their dialogs. Each runs in the backend's thread; the queue
    // refreshes when it is done and a failure is shown in a message box.
    void release(qint64 orderId, const QString& note);
    void cancel(qint64 orderId, const QString& reasonCode, const QString& note);
    // Bulk: the same action on several orders; the queue refreshes once, when all are done.
    void releaseAll(const QList<qint64>& orderIds, const QString& note);
    void cancelAll(const QList<qint64>& orderIds, const QString& reasonCode, const QString& note);
    // Routing actions, for orders held by routing (reason ROUTING_*).
    void routeAgainAll(const QList<qint64>& orderIds, const QString& note);
    void backorderAll(const QList<qint64>& orderIds, const QString& note);
    void assignByHand(qint64 orderId, const QList<ordo::HandAssignment>& lines, const QString& note);
    // Asks the core what the router would do with the order, then opens the hand-choice dialog on it.
    void askChooseLocation();
    RoutingActions* routingActions() const { return m_routing; }
    // Whether every selected order was held by routing.
    bool selectionHeldByRouting() const;
    // Shows only the orders held for `reasonCode` (empty: every reason).
    void showReason(const QString& reasonCode);
    QStringList reasons() const; // the reason codes in the queue, most frequent first

    ExceptionQueueModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    qint64 currentOrderId() const;
    QList<qint64> selectedOrderIds() const;
    QComboBox* reasonFilter() const { return m_reasonFilter; }
    // Edit address, Map SKU, Validate again.
    ExceptionCorrections* corrections() const { return m_corrections; }

signals:
    void statusMessage(const QString& message);
    void openOrderRequested(qint64 orderId);
    void countChanged(int count);
    // An action changed an order: other views showing it update its row.
    void orderChanged(qint64 orderId);
    void actionFailed(const QString& error);

private:
    void askRelease();
    void askCancel();
    void askRouteAgain();
    void askBackorder();
    void onActionFinished(quint64 ticket, qint64 orderId, const QString& error);
    void onRoutingFinished(quint64 ticket, qint64 orderId, const QString& message, const QString& error);
    void onProposal(quint64 ticket, qint64 orderId, const ordo::Decision& proposal, const QString& error);
    void updateActions();
    void fillReasons();
    void showCount(int count);

    OrderBackend* m_backend;
    Actor m_actor;
    ExceptionQueueModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table = nullptr;
    QLabel* m_count = nullptr;
    QComboBox* m_reasonFilter = nullptr;
    QPushButton* m_releaseButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_openButton = nullptr;
    QPushButton* m_routeAgainButton = nullptr;
    QPushButton* m_chooseButton = nullptr;
    QPushButton* m_backorderButton = nullptr;
    RoutingActions* m_routing;
    quint64 m_proposalTicket = 0;
    ExceptionCorrections* m_corrections = nullptr;
    QSet<quint64> m_pendingTickets;
    QString m_lastMessage; // what the routing action that just finished did
    QStringList m_errors;  // of the actions still running, shown together when the last one finishes
    QList<qint64>
        m_changed; // orders the running actions touched, updated together when the last one finishes
};

} // namespace ordo::ui
