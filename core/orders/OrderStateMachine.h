#pragma once

#include "model/OrderStatus.h"

#include <QList>

namespace ordo {

// Which moves the order lifecycle allows. Forward along the happy path one step at a time; Exception from any
// open state; Cancelled from any state before Shipped; out of Exception only back to where the order was
// held.
class OrderStateMachine {
public:
    static bool canMove(OrderStatus from, OrderStatus to);
    // The states reachable from `from` (Exception's exit depends on held_from and is not listed).
    static QList<OrderStatus> nextStates(OrderStatus from);
    // The next step on the happy path, if any (Pending -> Validated, ..., Shipped -> Delivered).
    static std::optional<OrderStatus> forwardStep(OrderStatus from);
};

} // namespace ordo
