#pragma once

#include "DemoOrderFactory.h"
#include "DemoRules.h"
#include "model/Decision.h"
#include "sourcing/RoutingNetwork.h"

#include <QList>

namespace ordo {

class DemoStock;

// Routes the demo's orders with the real router (route(), the pure function), each at the moment its story
// routes it, under the rule-set version in force then, on the demo's stock of that moment and with the
// capacity its locations have left that (UTC) day, and holds the stock the decision takes. Orders come in
// the order they are routed. When the router cannot route an order that the story routes, stock is brought
// first (a transfer to the pickup store, an expedited purchase order at the nearest DC or the vendor), as
// somebody would have; the decision kept is the one that routed it.
class DemoRouting {
public:
    DemoRouting(const DemoNetwork& network, const QList<DemoSku>& catalog,
                const QList<DemoRuleVersion>& rules, DemoStock& stock);

    // Routes the order at `at` (the order's index + 1 is its id) and reserves its lines. The decision is
    // routed; its shipments name every line. Throws Error::state if no way of routing it is found.
    Decision route(const DemoOrder& order, qint64 at);
    // The network index of each line's location in a decision, in line order.
    QList<int> locationsOf(const DemoOrder& order, const Decision& decision) const;
    // "rules v2, strategy "Lowest total cost", 12.34 USD": how a decision routed, for the audit trail.
    static QString note(const Decision& decision);

    qint64 expedited() const { return m_expedited; }

private:
    Order toOrder(const DemoOrder& order) const;
    RoutingNetwork networkOf(bool limited) const;
    void expedite(const DemoOrder& order, qint64 at);

    const DemoNetwork& m_network;
    const QList<DemoSku>& m_catalog;
    const QList<DemoRuleVersion>& m_rules;
    DemoStock& m_stock;
    RoutingNetwork m_today;
    qint64 m_day = -1;
    qint64 m_expedited = 0;
};

} // namespace ordo
