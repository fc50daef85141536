#pragma once

#include "model/Actor.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ordo::ui {

class ExceptionQueueModel;
class OrderBackend;

// Orders held in Exception and the actions the state machine allows on them: release and cancel.
class ExceptionsView : public QWidget {
    Q_OBJECT

public:
    ExceptionsView(OrderBackend* backend, const Actor& actor, QWidget* parent = nullptr);

    void refresh();
    // The actions behind the buttons, without their dialogs. Each runs in the backend's thread; the queue
    // refreshes when it is done and a failure is shown in a message box.
    void release(qint64 orderId, const QString& note);
    void cancel(qint64 orderId, const QString& reasonCode, const QString& note);

    ExceptionQueueModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    qint64 currentOrderId() const;

signals:
    void statusMessage(const QString& message);
    void openOrderRequested(qint64 orderId);
    void countChanged(int count);
    // An action changed an order: other views showing it should refresh.
    void orderChanged(qint64 orderId);
    void actionFailed(const QString& error);

private:
    void askRelease();
    void askCancel();
    void onActionFinished(quint64 ticket, qint64 orderId, const QString& error);
    void updateActions();

    OrderBackend* m_backend;
    Actor m_actor;
    ExceptionQueueModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table = nullptr;
    QLabel* m_count = nullptr;
    QPushButton* m_releaseButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_openButton = nullptr;
    QSet<quint64> m_pendingTickets;
};

} // namespace ordo::ui
