#include "SimulationReport.h"

#include "model/Money.h"

#include <QJsonArray>
#include <QMap>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// Money in major units as a JSON number, rounded to the currency's minor unit (a mean is not a whole number
// of minor units).
double major(double minor, const QString& currency) {
    const double scale = std::pow(10.0, Money::minorDigits(currency));
    return std::round(minor) / scale;
}

double rounded(double value, int digits) {
    const double scale = std::pow(10.0, digits);
    return std::round(value * scale) / scale;
}

} // namespace

SimulationRun SimulationRun::of(const QString& name, int ruleVersion, const QList<Order>& orders,
                                const QList<Decision>& decisions) {
    SimulationRun run;
    run.name = name;
    run.ruleVersion = ruleVersion;
    run.orders = int(orders.size());
    QMap<QString, LocationLoad> load;
    for (qsizetype i = 0; i < orders.size() && i < decisions.size(); ++i) {
        const Decision& d = decisions.at(i);
        QHash<int, qint64> shipped;
        for (const Shipment& s : d.shipments) {
            run.totalCostMinor += s.costMinor;
            run.totalDistanceKm += s.distanceKm;
            LocationLoad& l = load[s.locationCode];
            l.locationCode = s.locationCode;
            ++l.shipments;
            for (const ShipmentLine& line : s.lines) {
                l.units += line.quantity;
                shipped[line.lineNo] += line.quantity;
            }
        }
        for (const OrderLine& line : orders.at(i).lines)
            if (line.status != OrderStatus::Cancelled)
                run.unfilledUnits += std::max<qint64>(0, line.quantity - shipped.value(line.lineNo));
        run.shipments += int(d.shipments.size());
        run.routedOrders += d.shipments.isEmpty() ? 0 : 1;
        run.splitOrders += d.shipments.size() > 1 ? 1 : 0;
        run.unfillableOrders += d.shipments.isEmpty() ? 1 : 0;
    }
    run.load = load.values();
    return run;
}

QJsonObject SimulationRun::toJson(const QString& currency) const {
    QJsonArray locations;
    for (const LocationLoad& l : load)
        locations << QJsonObject{
            {u"location_id"_s, l.locationCode}, {u"shipments"_s, l.shipments}, {u"units"_s, l.units}};
    return QJsonObject{{u"name"_s, name},
                       {u"rule_version"_s, ruleVersion},
                       {u"orders"_s, orders},
                       {u"routed_orders"_s, routedOrders},
                       {u"total_cost"_s, major(double(totalCostMinor), currency)},
                       {u"cost_per_order"_s, major(costPerOrderMinor(), currency)},
                       {u"shipments"_s, shipments},
                       {u"shipments_per_order"_s, rounded(shipmentsPerOrder(), 4)},
                       {u"split_rate"_s, rounded(splitRate(), 4)},
                       {u"unfillable_orders"_s, unfillableOrders},
                       {u"unfillable_rate"_s, rounded(unfillableRate(), 4)},
                       {u"unfilled_units"_s, unfilledUnits},
                       {u"mean_distance_km"_s, rounded(meanDistanceKm(), 1)},
                       {u"load"_s, locations}};
}

QString routingSummary(const Decision& decision) {
    if (decision.shipments.isEmpty())
        return routingOutcomeCode(decision.outcome);
    QStringList shipments;
    for (const Shipment& s : decision.shipments) {
        QStringList lines;
        for (const ShipmentLine& l : s.lines)
            lines << u"%1 x %2"_s.arg(l.skuCode).arg(l.quantity);
        shipments << u"%1: %2"_s.arg(s.locationCode, lines.join(u", "_s));
    }
    return shipments.join(u"; "_s);
}

QJsonObject SimulationReport::toJson() const {
    QJsonArray changed;
    for (const RoutingChange& c : changes)
        changed << QJsonObject{{u"order_id"_s, c.orderNumber},
                               {u"before"_s, c.before},
                               {u"after"_s, c.after},
                               {u"cost_before"_s, major(double(c.costBeforeMinor), currency)},
                               {u"cost_after"_s, major(double(c.costAfterMinor), currency)}};
    return QJsonObject{{u"from"_s, from.toUTC().toString(Qt::ISODate)},
                       {u"to"_s, to.toUTC().toString(Qt::ISODate)},
                       {u"currency"_s, currency},
                       {u"orders"_s, orders},
                       {u"units_given_back"_s, unitsGivenBack},
                       {u"draft"_s, draft.toJson(currency)},
                       {u"active"_s, active.toJson(currency)},
                       {u"greedy"_s, greedy.toJson(currency)},
                       {u"changed"_s, changed}};
}

} // namespace ordo
