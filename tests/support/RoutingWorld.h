#pragma once

// Small routing worlds for tests: a network from a list of locations (dense ids in list order) and orders.

#include "model/Decision.h"
#include "model/Order.h"
#include "sourcing/RoutingNetwork.h"

#include <QHash>
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

// Whether the decision accounts for every location of the network once: as a listed candidate or in exactly
// one not-considered group, and for nothing else. Empty when it does; else what is wrong.
inline QString partitionProblem(const Decision& d, const RoutingNetwork& network) {
    QHash<QString, int> seen;
    for (const CandidateLocation& c : d.candidates)
        ++seen[c.locationCode];
    for (const NotConsidered& g : d.notConsidered) {
        if (g.reason.isEmpty() || g.locations.isEmpty())
            return QStringLiteral("a group without a reason or a location");
        for (const QString& code : g.locations.codes())
            ++seen[code];
    }
    for (const QString& code : network.codes())
        if (seen.value(code) != 1)
            return QStringLiteral("%1 appears %2 times").arg(code).arg(seen.value(code));
    if (seen.size() != network.size())
        return QStringLiteral("%1 locations named, the network has %2").arg(seen.size()).arg(network.size());
    return {};
}

} // namespace ordo::test
