#include "OrderLifecycle.h"

#include "Error.h"
#include "channels/OutboundDocuments.h"
#include "inventory/ReservationService.h"
#include "orders/OrderRepository.h"
#include "orders/OrderStateMachine.h"
#include "orders/OrderTransitions.h"
#include "orders/ValidationStore.h"
#include "storage/Database.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

void require(const Actor& actor, TransitionCause cause, const QString& what) {
    if (!actor.may(OrderTransitions::permissionFor(cause)))
        throw Error::denied(u"%1 (%2) may not %3"_s.arg(actor.user, roleCode(actor.role), what));
}

TransitionCause causeOf(OrderStatus to) {
    switch (to) {
    case OrderStatus::Cancelled:
        return TransitionCause::Cancel;
    case OrderStatus::Exception:
        return TransitionCause::Hold;
    case OrderStatus::Validated:
        return TransitionCause::Routing; // handed back to routing
    default:
        return TransitionCause::Fulfilment;
    }
}

LockedOrder lockedState(OrderTransitions& transitions, qint64 orderId) {
    const auto state = transitions.lock(orderId);
    if (!state)
        throw Error::notFound(u"there is no order with id %1"_s.arg(orderId));
    return *state;
}

QString refusal(qint64 orderId, OrderStatus from, OrderStatus to) {
    return u"order %1 is %2 and cannot move to %3"_s.arg(orderId).arg(orderStatusCode(from),
                                                                      orderStatusCode(to));
}

} // namespace

void OrderLifecycle::transition(qint64 orderId, OrderStatus to, const Actor& actor, const QString& reason,
                                const QString& detail) {
    if (to == OrderStatus::Exception) {
        raiseException(orderId, {ExceptionReason{reason.isEmpty() ? u"MANUAL_HOLD"_s : reason, detail}},
                       actor);
        return;
    }
    require(actor, causeOf(to), u"move orders to %1"_s.arg(orderStatusCode(to)));
    // Each attempt of the unit (TransactionRunner) with its own ReservationService: the sink hears only what
    // the attempt that committed changed.
    std::optional<ReservationService> reservations;
    runUnitOfWork(m_db, [&](Transaction&) {
        OrderTransitions transitions(m_db);
        const auto state = lockedState(transitions, orderId);
        if (state.status == OrderStatus::Exception)
            throw Error::state(u"order %1 is held in exception; release or cancel it first"_s.arg(orderId));
        if (!OrderStateMachine::canMove(state.status, to))
            throw Error::state(refusal(orderId, state.status, to));
        const qint64 now = nowStoredTime();
        transitions.apply(
            {orderId, state.status, to, causeOf(to), std::nullopt, to, u"transition"_s, reason, detail},
            actor, now);
        // Shipping takes the held stock off the shelf: on hand and reserved fall together.
        reservations.emplace(m_db, m_sink);
        if (to == OrderStatus::Shipped) {
            reservations->ship(orderId, actor);
            // A trading partner hears of the shipment: the 856 ship notice of a B2B order, in this
            // transaction.
            OutboundDocuments(m_db, actor).orderShipped(orderId);
        }
    });
    if (m_db.transactionDepth() == 0)
        reservations->publishChanges();
}

void OrderLifecycle::advanceLines(qint64 orderId, const QList<int>& lineNos, OrderStatus to,
                                  const Actor& actor) {
    if (lineNos.isEmpty())
        throw Error::usage(u"name the lines to move"_s);
    require(actor, TransitionCause::Fulfilment, u"move order lines to %1"_s.arg(orderStatusCode(to)));
    if (progressRank(to) < 0)
        throw Error::state(u"lines move along the fulfilment path only; hold or cancel the whole order"_s);
    std::optional<ReservationService> reservations;
    runUnitOfWork(m_db, [&](Transaction&) {
        OrderTransitions transitions(m_db);
        const auto state = lockedState(transitions, orderId);
        if (state.status == OrderStatus::Exception || isTerminal(state.status))
            throw Error::state(
                u"order %1 is %2; its lines cannot move"_s.arg(orderId).arg(orderStatusCode(state.status)));
        transitions.advanceLines(orderId, state.status, lineNos, to, actor, nowStoredTime());
        reservations.emplace(m_db, m_sink);
        if (to == OrderStatus::Shipped) {
            reservations->ship(orderId, actor, lineNos);
            OutboundDocuments(m_db, actor).orderShipped(orderId, lineNos);
        }
    });
    if (m_db.transactionDepth() == 0)
        reservations->publishChanges();
}

void OrderLifecycle::raiseException(qint64 orderId, const QList<ExceptionReason>& reasons,
                                    const Actor& actor) {
    if (reasons.isEmpty())
        throw Error::usage(u"an exception needs a reason"_s);
    require(actor, TransitionCause::Hold, u"hold orders"_s);
    runUnitOfWork(m_db, [&](Transaction&) {
        OrderTransitions transitions(m_db);
        const auto state = lockedState(transitions, orderId);
        if (!OrderStateMachine::canMove(state.status, OrderStatus::Exception))
            throw Error::state(refusal(orderId, state.status, OrderStatus::Exception));
        const qint64 now = nowStoredTime();
        QStringList codes, details;
        for (const ExceptionReason& reason : reasons) {
            codes << reason.code;
            details << reason.detail;
        }
        codes.removeDuplicates();
        transitions.addHolds(orderId, reasons, actor, now);
        transitions.apply({orderId, state.status, OrderStatus::Exception, TransitionCause::Hold, state.status,
                           std::nullopt, u"exception"_s, codes.join(u','), details.join(u"; "_s)},
                          actor, now);
    });
}

void OrderLifecycle::release(qint64 orderId, const Actor& actor, const QString& note) {
    require(actor, TransitionCause::Release, u"release held orders"_s);
    runUnitOfWork(m_db, [&](Transaction&) {
        OrderTransitions transitions(m_db);
        const auto state = lockedState(transitions, orderId);
        if (state.status != OrderStatus::Exception)
            throw Error::state(
                u"order %1 is %2, not held in exception"_s.arg(orderId).arg(orderStatusCode(state.status)));
        OrderStatus target = state.heldFrom.value_or(OrderStatus::Pending);
        if (target == OrderStatus::Pending) {
            // Held at capture: it goes on only once it passes validation.
            const auto order = OrderRepository(m_db).load(orderId);
            const QList<ExceptionReason> failures = ValidationStore::validator(m_db).validate(*order);
            if (!failures.isEmpty()) {
                QStringList text;
                for (const ExceptionReason& f : failures)
                    text << f.code + u": "_s + f.detail;
                throw Error::state(
                    u"order %1 still fails validation: %2"_s.arg(orderId).arg(text.join(u"; "_s)));
            }
            target = OrderStatus::Validated;
        }
        const qint64 now = nowStoredTime();
        transitions.resolveHolds(orderId, note.isEmpty() ? u"released"_s : note, actor, now);
        transitions.apply({orderId, OrderStatus::Exception, target, TransitionCause::Release, std::nullopt,
                           target, u"release"_s, QString(), note},
                          actor, now);
        // A trading partner whose 855 waited for the exception to be settled gets it now.
        OutboundDocuments(m_db, actor).acknowledgeWhenDue(orderId);
    });
}

void OrderLifecycle::cancel(qint64 orderId, const Actor& actor, const QString& reasonCode,
                            const QString& note) {
    require(actor, TransitionCause::Cancel, u"cancel orders"_s);
    if (reasonCode.trimmed().isEmpty())
        throw Error::usage(u"cancelling an order needs a reason code"_s);
    std::optional<ReservationService> reservations;
    runUnitOfWork(m_db, [&](Transaction&) {
        OrderTransitions transitions(m_db);
        const auto state = lockedState(transitions, orderId);
        // A held order can be cancelled unless it was held after it shipped.
        const OrderStatus effective = state.status == OrderStatus::Exception
                                          ? state.heldFrom.value_or(OrderStatus::Pending)
                                          : state.status;
        if (!OrderStateMachine::canMove(effective, OrderStatus::Cancelled))
            throw Error::state(refusal(orderId, state.status, OrderStatus::Cancelled));
        const qint64 now = nowStoredTime();
        transitions.resolveHolds(orderId, u"cancelled: "_s + reasonCode, actor, now);
        transitions.apply({orderId, state.status, OrderStatus::Cancelled, TransitionCause::Cancel,
                           std::nullopt, OrderStatus::Cancelled, u"cancel"_s, reasonCode, note},
                          actor, now);
        // A cancelled order gives its held stock back.
        reservations.emplace(m_db, m_sink);
        reservations->release(orderId, actor, reasonCode);
        // An 855 that waited for the exception says now that every line is rejected.
        OutboundDocuments(m_db, actor).acknowledgeWhenDue(orderId);
    });
    if (m_db.transactionDepth() == 0)
        reservations->publishChanges();
}

} // namespace ordo
