#include "OrderStateMachine.h"

namespace ordo {

std::optional<OrderStatus> OrderStateMachine::forwardStep(OrderStatus from) {
    switch (from) {
    case OrderStatus::Pending:
        return OrderStatus::Validated;
    case OrderStatus::Validated:
        return OrderStatus::Routed;
    case OrderStatus::Routed:
        return OrderStatus::Released;
    case OrderStatus::Released:
        return OrderStatus::Picking;
    case OrderStatus::Picking:
        return OrderStatus::Packed;
    case OrderStatus::Packed:
        return OrderStatus::Shipped;
    case OrderStatus::Shipped:
        return OrderStatus::Delivered;
    case OrderStatus::Delivered:
    case OrderStatus::Cancelled:
    case OrderStatus::Exception:
        return std::nullopt;
    }
    return std::nullopt;
}

bool OrderStateMachine::canMove(OrderStatus from, OrderStatus to) {
    if (from == to || isTerminal(from))
        return false;
    if (from == OrderStatus::Exception)
        // Out of Exception only back onto the path (OrderLifecycle checks it is where the order was held).
        return progressRank(to) >= 0 || to == OrderStatus::Cancelled;
    if (to == OrderStatus::Exception)
        return true; // any open state can be held, shipped parcels too (lost, damaged in transit)
    if (to == OrderStatus::Cancelled)
        return progressRank(from) < progressRank(OrderStatus::Shipped);
    // A routed order may go back to Validated when its location rejects it and it must be routed again.
    if (from == OrderStatus::Routed && to == OrderStatus::Validated)
        return true;
    return forwardStep(from) == to;
}

QList<OrderStatus> OrderStateMachine::nextStates(OrderStatus from) {
    QList<OrderStatus> result;
    if (from == OrderStatus::Exception)
        return result;
    for (OrderStatus to : allOrderStatuses)
        if (canMove(from, to))
            result << to;
    return result;
}

} // namespace ordo
