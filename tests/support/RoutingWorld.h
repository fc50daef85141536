#pragma once

// Small routing worlds for tests: a network from a list of locations (dense ids in list order) and orders.

#include "model/Order.h"
#include "sourcing/RoutingNetwork.h"

#include <QString>

#include <vector>

namespace ordo::test {

inline NetworkLocation networkLocation(const QString& code, LocationType type, double latitude,
                                       double longitude, bool ships = true, bool pickup = false,
                                       QStringList groups = {}, int capacityLeft = -1) {
    NetworkLocation n;
    n.location.code = code;
    n.location.name = code;
    n.location.type = type;
    n.location.position = GeoPoint{latitude, longitude};
    n.location.ships = ships;
    n.location.pickup = pickup;
    n.groups = std::move(groups);
    n.capacityLeft = capacityLeft;
    return n;
}

inline OrderLine orderLine(int lineNo, const QString& sku, int quantity) {
    OrderLine line;
    line.lineNo = lineNo;
    line.skuCode = sku;
    line.quantity = quantity;
    line.unitPrice = Money{1000, QStringLiteral("USD")};
    return line;
}

inline Order shipOrder(const QList<OrderLine>& lines, double latitude, double longitude) {
    Order order;
    order.id = 1;
    order.orderNumber = QStringLiteral("SO-1");
    order.currency = QStringLiteral("USD");
    order.shipTo.country = QStringLiteral("US");
    order.shipTo.position = GeoPoint{latitude, longitude};
    order.lines = lines;
    return order;
}

} // namespace ordo::test
