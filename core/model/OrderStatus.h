#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace ordo {

// The order lifecycle. Lines carry the same states where an order is split across locations.
enum class OrderStatus {
    Pending,   // captured, not yet validated
    Validated, // passed validation, waiting to be routed
    Routed,    // a location is chosen and stock reserved
    Released,  // sent to the location for fulfilment
    Picking,
    Packed,
    Shipped,
    Delivered,
    Cancelled,
    Exception, // held with a reason code until somebody acts
};

inline constexpr OrderStatus allOrderStatuses[] = {
    OrderStatus::Pending,   OrderStatus::Validated, OrderStatus::Routed,  OrderStatus::Released,
    OrderStatus::Picking,   OrderStatus::Packed,    OrderStatus::Shipped, OrderStatus::Delivered,
    OrderStatus::Cancelled, OrderStatus::Exception};

// Stable lower-case codes: pending, validated, routed, released, picking, packed, shipped, delivered,
// cancelled, exception.
QString orderStatusCode(OrderStatus status);
std::optional<OrderStatus> orderStatusFromCode(QStringView code);
QStringList orderStatusCodes();

// Position along the happy path, used to derive an order's state from its lines; Cancelled and Exception
// sit outside it.
int progressRank(OrderStatus status);
bool isTerminal(OrderStatus status);

} // namespace ordo
