#include "OrderActions.h"

#include "CancelOrderDialog.h"
#include "HoldOrderDialog.h"
#include "OrderBackend.h"
#include "ReleaseOrderDialog.h"
#include "RoutingActions.h"
#include "orders/OrderStateMachine.h"

#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace ordo::ui {

OrderActions::OrderActions(OrderBackend* backend, const Actor& actor, QWidget* parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_actor(actor)
    , m_routing(new RoutingActions(backend, actor, this))
    , m_routeNow(new QPushButton(tr("Route now")))
    , m_hold(new QPushButton(tr("Hold…")))
    , m_release(new QPushButton(tr("Release…")))
    , m_cancel(new QPushButton(tr("Cancel order…"))) {
    setObjectName(u"orderActions"_s);
    m_routeNow->setObjectName(u"routeNowButton"_s);
    m_hold->setObjectName(u"holdButton"_s);
    m_release->setObjectName(u"releaseOrderButton"_s);
    m_cancel->setObjectName(u"cancelOrderButton"_s);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QPushButton* button : {m_routeNow, m_hold, m_release, m_cancel})
        layout->addWidget(button);

    connect(m_routeNow, &QPushButton::clicked, this, &OrderActions::routeNow);
    connect(m_hold, &QPushButton::clicked, this, &OrderActions::askHold);
    connect(m_release, &QPushButton::clicked, this, &OrderActions::askRelease);
    connect(m_cancel, &QPushButton::clicked, this, &OrderActions::askCancel);
    connect(m_routing, &RoutingActions::finished, this, &OrderActions::onFinished);
    connect(m_backend, &OrderBackend::actionFinished, this,
            [this](quint64 ticket, qint64 orderId, const QString& error) {
                onFinished(ticket, orderId, QString(), error);
            });
    updateButtons();
}

OrderActions::Allowed OrderActions::allowed(OrderStatus status, bool heldByRouting, const Actor& actor) {
    Allowed a;
    // RoutingService::routeAgain: an order waiting to be routed, or one the router could not place.
    a.routeNow = (status == OrderStatus::Validated || (status == OrderStatus::Exception && heldByRouting)) &&
                 actor.may(Permission::ResolveExceptions) && actor.may(Permission::AdvanceOrders);
    a.hold = OrderStateMachine::canMove(status, OrderStatus::Exception) &&
             actor.may(Permission::ResolveExceptions);
    a.release = status == OrderStatus::Exception && actor.may(Permission::ResolveExceptions);
    a.cancel =
        OrderStateMachine::canMove(status, OrderStatus::Cancelled) && actor.may(Permission::CancelOrders);
    return a;
}

void OrderActions::setOrder(const Order& order) {
    m_orderId = order.id;
    m_orderNumber = order.orderNumber;
    m_status = order.status;
    m_heldByRouting = false;
    QStringList reasons;
    for (const ExceptionReason& reason : order.exceptionReasons) {
        m_heldByRouting = m_heldByRouting || reason.code.startsWith(u"ROUTING_"_s);
        reasons << u"%1 %2"_s.arg(reason.code, reason.detail);
    }
    m_heldFor = reasons.join(u"; "_s);
    updateButtons();
}

void OrderActions::clear() {
    m_orderId = 0;
    m_orderNumber.clear();
    updateButtons();
}

void OrderActions::updateButtons() {
    const Allowed a = m_orderId != 0 ? allowed(m_status, m_heldByRouting, m_actor) : Allowed{};
    const bool idle = m_tickets.isEmpty();
    m_routeNow->setEnabled(idle && a.routeNow);
    m_hold->setEnabled(idle && a.hold);
    m_release->setEnabled(idle && a.release);
    m_cancel->setEnabled(idle && a.cancel);
    // Say why a button stays grey when it is the role, not the state.
    m_routeNow->setToolTip(m_actor.may(Permission::AdvanceOrders) &&
                                   m_actor.may(Permission::ResolveExceptions)
                               ? tr("Route the order now, on today's stock and rules")
                               : tr("Your role may not route orders"));
    m_hold->setToolTip(m_actor.may(Permission::ResolveExceptions)
                           ? tr("Stop the order where it is and put it in the Exceptions queue")
                           : tr("Your role may not hold orders"));
    m_release->setToolTip(m_actor.may(Permission::ResolveExceptions)
                              ? tr("Send the held order back to where it was held")
                              : tr("Your role may not release held orders"));
    m_cancel->setToolTip(m_actor.may(Permission::CancelOrders) ? tr("Cancel the order with a reason")
                                                               : tr("Your role may not cancel orders"));
}

void OrderActions::started(quint64 ticket, const QString& message) {
    m_tickets.insert(ticket);
    emit statusMessage(message);
    updateButtons();
}

void OrderActions::routeNow() {
    if (m_orderId != 0)
        started(m_routing->routeAgain(m_orderId, tr("routed from the order detail")), tr("Routing…"));
}

void OrderActions::hold(const QString& reasonCode, const QString& note) {
    if (m_orderId != 0)
        started(m_backend->hold(m_orderId, m_actor, reasonCode, note), tr("Holding…"));
}

void OrderActions::release(const QString& note) {
    if (m_orderId != 0)
        started(m_backend->release(m_orderId, m_actor, note), tr("Releasing…"));
}

void OrderActions::cancel(const QString& reasonCode, const QString& note) {
    if (m_orderId != 0)
        started(m_backend->cancel(m_orderId, m_actor, reasonCode, note), tr("Cancelling…"));
}

void OrderActions::askHold() {
    if (m_orderId == 0)
        return;
    auto* dialog = new HoldOrderDialog(m_orderNumber, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { hold(dialog->reasonCode(), dialog->note()); });
    dialog->open();
}

void OrderActions::askRelease() {
    if (m_orderId == 0)
        return;
    auto* dialog = new ReleaseOrderDialog(m_orderNumber, m_heldFor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { release(dialog->note()); });
    dialog->open();
}

void OrderActions::askCancel() {
    if (m_orderId == 0)
        return;
    auto* dialog = new CancelOrderDialog(m_orderNumber, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { cancel(dialog->reasonCode(), dialog->note()); });
    dialog->open();
}

void OrderActions::onFinished(quint64 ticket, qint64 orderId, const QString& message, const QString& error) {
    if (!m_tickets.remove(ticket))
        return;
    updateButtons();
    if (error.isEmpty()) {
        emit statusMessage(message.isEmpty() ? tr("Order %1 updated.").arg(m_orderNumber) : message);
    } else {
        emit statusMessage(tr("Order %1 was not changed.").arg(m_orderNumber));
        emit actionFailed(error);
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Order %1 was not changed").arg(m_orderNumber),
                                    error, QMessageBox::Ok, this);
        box->setObjectName(u"orderActionErrorBox"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit orderChanged(orderId);
}

} // namespace ordo::ui
