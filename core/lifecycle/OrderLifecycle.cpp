#include "OrderLifecycle.h"

#include "Error.h"
#include "channels/OutboundDocuments.h"
#include "inventory/ReservationService.h"
#include "orders/OrderRepository.h"
#include "orders/OrderStateMachine.h"
#include "orders/OrderValidator.h"
#include "storage/AuditTrail.h"
#include "storage/Database.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

Permission permissionFor(OrderStatus to)
{
    switch (to) {
    case OrderStatus::Cancelled: return Permission::CancelOrders;
    case OrderStatus::Exception: return Permission::ResolveExceptions;
    default: return Permission::AdvanceOrders;
    }
}

void require(const Actor& actor, Permission permission, const QString& what)
{
    if (!actor.may(permission))
        throw Error::denied(u"%1 (%2) may not %3"_s.arg(actor.user, roleCode(actor.role), what));
}

OrderRepository::StateRow lockedState(OrderRepository& orders, qint64 orderId)
{
    const auto state = orders.lockState(orderId);
    if (!state)
        throw Error::notFound(u"there is no order with id %1"_s.arg(orderId));
    return *state;
}

QString refusal(qint64 orderId, OrderStatus from, OrderStatus to)
{
    return u"order %1 is %2 and cannot move to %3"_s.arg(orderId).arg(orderStatusCode(from), orderStatusCode(to));
}

} // namespace

void OrderLifecycle::transition(qint64 orderId, OrderStatus to, const Actor& actor, const QString& reason,
                                const QString& detail)
{
    if (to == OrderStatus::Exception) {
        raiseException(orderId, {ExceptionReason{reason.isEmpty() ? u"MANUAL_HOLD"_s : reason, detail}}, actor);
        return;
    }
    require(actor, permissionFor(to), u"move orders to %1"_s.arg(orderStatusCode(to)));
    Transaction tx(m_db);
    OrderRepository orders(m_db);
    const auto state = lockedState(orders, orderId);
    if (state.status == OrderStatus::Exception)
        throw Error::state(u"order %1 is held in exception; release or cancel it first"_s.arg(orderId));
    if (!OrderStateMachine::canMove(state.status, to))
        throw Error::state(refusal(orderId, state.status, to));
    const qint64 now = nowStoredTime();
    orders.setStatus(orderId, to, std::nullopt, now);
    orders.setLineStatus(orderId, to);
    AuditTrail(m_db).record({0, fromStoredTime(now), actor.user, u"order"_s, orderId, u"transition"_s,
                             orderStatusCode(state.status), orderStatusCode(to), reason, detail});
    // Shipping takes the held stock off the shelf: on hand and reserved fall together.
    ReservationService reservations(m_db, m_sink);
    if (to == OrderStatus::Shipped) {
        reservations.ship(orderId, actor);
        // A trading partner hears of the shipment: the 856 ship notice of a B2B order, in this transaction.
        OutboundDocuments(m_db, actor).orderShipped(orderId);
    }
    tx.commit();
    if (m_db.transactionDepth() == 0)
        reservations.publishChanges();
}

void OrderLifecycle::advanceLines(qint64 orderId, const QList<int>& lineNos, OrderStatus to, const Actor& actor)
{
    if (lineNos.isEmpty())
        throw Error::usage(u"name the lines to move"_s);
    require(actor, permissionFor(to), u"move order lines to %1"_s.arg(orderStatusCode(to)));
    if (progressRank(to) < 0)
        throw Error::state(u"lines move along the fulfilment path only; hold or cancel the whole order"_s);
    Transaction tx(m_db);
    OrderRepository orders(m_db);
    const auto state = lockedState(orders, orderId);
    if (state.status == OrderStatus::Exception || isTerminal(state.status))
        throw Error::state(u"order %1 is %2; its lines cannot move"_s.arg(orderId).arg(orderStatusCode(state.status)));
    const QList<OrderStatus> before = orders.lineStatuses(orderId);
    for (int no : lineNos) {
        if (no < 1 || no > before.size())
            throw Error::notFound(u"order %1 has no line %2"_s.arg(orderId).arg(no));
        const OrderStatus from = before.at(no - 1);
        if (from == OrderStatus::Cancelled || OrderStateMachine::forwardStep(from) != to)
            throw Error::state(u"line %1 of order %2 is %3 and cannot move to %4"_s.arg(no).arg(orderId).arg(
                orderStatusCode(from), orderStatusCode(to)));
    }
    orders.setLineStatus(orderId, to, lineNos);
    ReservationService reservations(m_db, m_sink);
    if (to == OrderStatus::Shipped) {
        reservations.ship(orderId, actor, lineNos);
        OutboundDocuments(m_db, actor).orderShipped(orderId, lineNos);
    }

    // The order stands where its least advanced open line stands.
    OrderStatus derived = OrderStatus::Delivered;
    for (OrderStatus s : orders.lineStatuses(orderId))
        if (s != OrderStatus::Cancelled && progressRank(s) < progressRank(derived))
            derived = s;
    const qint64 now = nowStoredTime();
    QStringList numbers;
    for (int no : lineNos)
        numbers << QString::number(no);
    AuditTrail audit(m_db);
    audit.record({0, fromStoredTime(now), actor.user, u"order"_s, orderId, u"lines"_s, QString(),
                  orderStatusCode(to), QString(), u"line(s) %1 moved to %2"_s.arg(numbers.join(u", "_s), orderStatusCode(to))});
    if (derived != state.status) {
        orders.setStatus(orderId, derived, std::nullopt, now);
        audit.record({0, fromStoredTime(now), actor.user, u"order"_s, orderId, u"transition"_s,
                      orderStatusCode(state.status), orderStatusCode(derived), QString(), u"all open lines are %1"_s.arg(orderStatusCode(derived))});
    }
    tx.commit();
    if (m_db.transactionDepth() == 0)
        reservations.publishChanges();
}

void OrderLifecycle::raiseException(qint64 orderId, const QList<ExceptionReason>& reasons, const Actor& actor)
{
    if (reasons.isEmpty())
        throw Error::usage(u"an exception needs a reason"_s);
    require(actor, Permission::ResolveExceptions, u"hold orders"_s);
    Transaction tx(m_db);
    OrderRepository orders(m_db);
    const auto state = lockedState(orders, orderId);
    if (!OrderStateMachine::canMove(state.status, OrderStatus::Exception))
        throw Error::state(refusal(orderId, state.status, OrderStatus::Exception));
    const qint64 now = nowStoredTime();
    orders.setStatus(orderId, OrderStatus::Exception, state.status, now);
    QStringList codes, details;
    for (const ExceptionReason& reason : reasons) {
        orders.addHold(orderId, reason, actor.user, now);
        codes << reason.code;
        details << reason.detail;
    }
    codes.removeDuplicates();
    AuditTrail(m_db).record({0, fromStoredTime(now), actor.user, u"order"_s, orderId, u"exception"_s,
                             orderStatusCode(state.status), orderStatusCode(OrderStatus::Exception),
                             codes.join(u','), details.join(u"; "_s)});
    tx.commit();
}

void OrderLifecycle::release(qint64 orderId, const Actor& actor, const QString& note)
{
    require(actor, Permission::ResolveExceptions, u"release held orders"_s);
    Transaction tx(m_db);
    OrderRepository orders(m_db);
    const auto state = lockedState(orders, orderId);
    if (state.status != OrderStatus::Exception)
        throw Error::state(u"order %1 is %2, not held in exception"_s.arg(orderId).arg(orderStatusCode(state.status)));
    OrderStatus target = state.heldFrom.value_or(OrderStatus::Pending);
    if (target == OrderStatus::Pending) {
        // Held at capture: it goes on only once it passes validation.
        const auto order = orders.load(orderId);
        const QList<ExceptionReason> failures = OrderValidator::fromDatabase(m_db).validate(*order);
        if (!failures.isEmpty()) {
            QStringList text;
            for (const ExceptionReason& f : failures)
                text << f.code + u": "_s + f.detail;
            throw Error::state(u"order %1 still fails validation: %2"_s.arg(orderId).arg(text.join(u"; "_s)));
        }
        target = OrderStatus::Validated;
    }
    const qint64 now = nowStoredTime();
    orders.setStatus(orderId, target, std::nullopt, now);
    orders.setLineStatus(orderId, target);
    orders.resolveHolds(orderId, actor.user, note.isEmpty() ? u"released"_s : note, now);
    AuditTrail(m_db).record({0, fromStoredTime(now), actor.user, u"order"_s, orderId, u"release"_s,
                             orderStatusCode(OrderStatus::Exception), orderStatusCode(target), QString(), note});
    tx.commit();
}

void OrderLifecycle::cancel(qint64 orderId, const Actor& actor, const QString& reasonCode, const QString& note)
{
    require(actor, Permission::CancelOrders, u"cancel orders"_s);
    if (reasonCode.trimmed().isEmpty())
        throw Error::usage(u"cancelling an order needs a reason code"_s);
    Transaction tx(m_db);
    OrderRepository orders(m_db);
    const auto state = lockedState(orders, orderId);
    // A held order can be cancelled unless it was held after it shipped.
    const OrderStatus effective = state.status == OrderStatus::Exception ? state.heldFrom.value_or(OrderStatus::Pending)
                                                                         : state.status;
    if (!OrderStateMachine::canMove(effective, OrderStatus::Cancelled))
        throw Error::state(refusal(orderId, state.status, OrderStatus::Cancelled));
    const qint64 now = nowStoredTime();
    orders.setStatus(orderId, OrderStatus::Cancelled, std::nullopt, now);
    orders.setLineStatus(orderId, OrderStatus::Cancelled);
    orders.resolveHolds(orderId, actor.user, u"cancelled: "_s + reasonCode, now);
    AuditTrail(m_db).record({0, fromStoredTime(now), actor.user, u"order"_s, orderId, u"cancel"_s,
                             orderStatusCode(state.status), orderStatusCode(OrderStatus::Cancelled), reasonCode,
                             note});
    // A cancelled order gives its held stock back.
    ReservationService reservations(m_db, m_sink);
    reservations.release(orderId, actor, reasonCode);
    tx.commit();
    if (m_db.transactionDepth() == 0)
        reservations.publishChanges();
}

} // namespace ordo
