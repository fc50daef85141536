#include "DemoRouting.h"

#include "DemoStock.h"
#include "Error.h"
#include "model/Money.h"
#include "sourcing/Router.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

constexpr qint64 Day = 24 * 3600 * 1000LL;

} // namespace

DemoRouting::DemoRouting(const DemoNetwork& network, const QList<DemoSku>& catalog,
                         const QList<DemoRuleVersion>& rules, DemoStock& stock)
    : m_network(network)
    , m_catalog(catalog)
    , m_rules(rules)
    , m_stock(stock) {}

RoutingNetwork DemoRouting::networkOf(bool limited) const {
    // Dense ids are the network's indexes, as in DemoStock.
    std::vector<NetworkLocation> locations;
    locations.reserve(size_t(m_network.locations().size()));
    for (const DemoLocation& l : m_network.locations()) {
        NetworkLocation n;
        n.location = l.location;
        n.capacityLeft = limited && l.location.dailyCapacity > 0 ? l.location.dailyCapacity : -1;
        locations.push_back(std::move(n));
    }
    return RoutingNetwork(std::move(locations));
}

Order DemoRouting::toOrder(const DemoOrder& o) const {
    Order order;
    order.id = o.index + 1;
    order.orderNumber = o.orderNumber;
    order.channel = o.channel;
    order.externalId = o.externalId;
    order.status = OrderStatus::Validated;
    order.orderedAt = QDateTime::fromMSecsSinceEpoch(o.orderedAt, Qt::UTC);
    order.customerEmail = o.person.email;
    order.customerName = o.person.fullName;
    order.shipTo.city = o.person.city;
    order.shipTo.region = o.person.state;
    order.shipTo.postalCode = o.person.zip;
    order.shipTo.country = u"US"_s;
    order.shipTo.position = o.person.position;
    order.delivery = o.delivery;
    if (o.pickupLocation >= 0)
        order.pickupLocationCode = m_network.locations().at(o.pickupLocation).location.code;
    if (o.requestedAt > 0)
        order.requestedAt = QDateTime::fromMSecsSinceEpoch(o.requestedAt, Qt::UTC);
    order.priority = o.priority;
    order.currency = u"USD"_s;
    for (const DemoLine& l : o.lines) {
        OrderLine line;
        line.lineNo = l.lineNo;
        line.skuCode = m_catalog.at(l.sku).code;
        line.quantity = l.quantity;
        line.unitPrice = Money{l.unitPriceMinor, u"USD"_s};
        line.status = OrderStatus::Validated;
        order.lines << line;
    }
    return order;
}

void DemoRouting::expedite(const DemoOrder& order, qint64 at) {
    for (const DemoLine& line : order.lines) {
        const int vendor = m_catalog.at(line.sku).vendor;
        const int location = order.delivery == DeliveryMethod::Pickup ? order.pickupLocation
                             : vendor >= 0                            ? m_network.vendors().at(vendor)
                                                                      : order.nearestDc;
        const qint64 free = m_stock.available(location, line.sku);
        if (free >= line.quantity)
            continue;
        const qint64 quantity =
            line.quantity - free + std::max<qint64>(2, m_stock.usualLevel(location, line.sku) / 2);
        const bool store = m_network.locations().at(location).location.type == LocationType::Store;
        m_stock.receive(at, location, line.sku, quantity,
                        store ? u"RECEIVED: transfer for pickup order %1"_s.arg(order.orderNumber)
                              : u"RECEIVED: expedited for order %1"_s.arg(order.orderNumber));
        ++m_expedited;
    }
}

Decision DemoRouting::route(const DemoOrder& demoOrder, qint64 at) {
    m_stock.advanceTo(at);
    if (at / Day != m_day) {
        m_day = at / Day;
        m_today = networkOf(true);
    }
    const Order order = toOrder(demoOrder);
    const RuleSet& rules = DemoRules::inForce(m_rules, at).rules;
    RoutingContext context;
    context.nowMs = at;
    Decision d = ordo::route(order, rules, m_stock, m_today, context);
    if (d.outcome != RoutingOutcome::Routed) {
        expedite(demoOrder, at);
        d = ordo::route(order, rules, m_stock, m_today, context);
    }
    if (d.outcome != RoutingOutcome::Routed) {
        // Every location that has the stock is full today: somebody raised the day's limits.
        d = ordo::route(order, rules, m_stock, networkOf(false), context);
    }
    if (d.outcome != RoutingOutcome::Routed)
        throw Error::state(u"the demo cannot route order %1: %2"_s.arg(order.orderNumber, d.reason));
    d.orderId = order.id;
    d.decidedAtMs = at;
    const QList<int> locations = locationsOf(demoOrder, d);
    for (const Shipment& s : d.shipments)
        m_today.useCapacity(m_today.indexOf(s.locationCode));
    for (qsizetype i = 0; i < demoOrder.lines.size(); ++i) {
        const DemoLine& line = demoOrder.lines.at(i);
        m_stock.reserve(at, locations.at(i), line.sku, line.quantity, order.id, line.lineNo);
    }
    return d;
}

QList<int> DemoRouting::locationsOf(const DemoOrder& order, const Decision& decision) const {
    QHash<int, int> byLine;
    for (const Shipment& s : decision.shipments) {
        const int location = m_today.indexOf(s.locationCode);
        for (const ShipmentLine& l : s.lines)
            byLine.insert(l.lineNo, location);
    }
    QList<int> locations;
    for (const DemoLine& line : order.lines) {
        const int location = byLine.value(line.lineNo, -1);
        if (location < 0)
            throw Error::state(u"the decision for demo order %1 leaves line %2 out"_s.arg(order.orderNumber)
                                   .arg(line.lineNo));
        locations << location;
    }
    return locations;
}

QString DemoRouting::note(const Decision& d) {
    return u"rules v%1, strategy \"%2\", %3"_s.arg(d.ruleVersion)
        .arg(d.strategy, Money{d.totalCostMinor, d.currency.isEmpty() ? u"USD"_s : d.currency}.toString());
}

} // namespace ordo
