#pragma once

#include "model/Decision.h"
#include "model/Order.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ordo {

// What `ordo simulate` reports (docs/routing.md): the past orders of a window replayed under the
// draft rules, under the active rules and under the greedy baseline, and the orders whose routing the draft
// would change.

struct LocationLoad {
    QString locationCode;
    int shipments = 0;
    qint64 units = 0;
    friend bool operator==(const LocationLoad&, const LocationLoad&) = default;
};

// The figures of one replay.
struct SimulationRun {
    QString name;        // "draft", "active", "greedy"
    int ruleVersion = 0; // of the rule set replayed (the greedy baseline: the active one, for its cost model)
    int orders = 0;
    int routedOrders = 0;     // given at least one shipment
    int splitOrders = 0;      // given more than one shipment
    int unfillableOrders = 0; // given nothing
    int shipments = 0;
    qint64 totalCostMinor = 0;
    qint64 unfilledUnits = 0;
    double totalDistanceKm = 0.0;
    QList<LocationLoad> load; // per location that ships anything, by location code

    // Per routed order; rates over every order (unfillable) or over routed orders (split). 0 when none.
    double costPerOrderMinor() const { return routedOrders ? double(totalCostMinor) / routedOrders : 0.0; }
    double shipmentsPerOrder() const { return routedOrders ? double(shipments) / routedOrders : 0.0; }
    double splitRate() const { return routedOrders ? double(splitOrders) / routedOrders : 0.0; }
    double unfillableRate() const { return orders ? double(unfillableOrders) / orders : 0.0; }
    double meanDistanceKm() const { return shipments ? totalDistanceKm / shipments : 0.0; }

    // The figures of `decisions` (decisions[i] belongs to orders[i]).
    static SimulationRun of(const QString& name, int ruleVersion, const QList<Order>& orders,
                            const QList<Decision>& decisions);
    QJsonObject toJson(const QString& currency) const;
};

// An order the draft routes differently from the active rules.
struct RoutingChange {
    qint64 orderId = 0;
    QString orderNumber;
    QString before; // under the active rules: "DC-RENO: SKU-1 x 2; ST-0042: SKU-7 x 1", or the outcome code
    QString after;  // under the draft
    qint64 costBeforeMinor = 0;
    qint64 costAfterMinor = 0;
    friend bool operator==(const RoutingChange&, const RoutingChange&) = default;
};

// How a decision ships, in one line: each shipment's location and lines, or the outcome when nothing ships.
QString routingSummary(const Decision& decision);

struct SimulationReport {
    QDateTime from; // UTC, inclusive
    QDateTime to;   // UTC, exclusive
    QString currency;
    int orders = 0;
    qint64 unitsGivenBack = 0; // units the window's orders hold or shipped, given back to rebuild the stock
    SimulationRun draft;
    SimulationRun active;
    SimulationRun greedy;
    QList<RoutingChange> changes; // in the order replayed

    QJsonObject toJson() const;
};

} // namespace ordo
