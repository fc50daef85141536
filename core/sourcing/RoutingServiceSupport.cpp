#include "RoutingServiceSupport.h"

#include "Error.h"
#include "model/Money.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"

#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo::routingsupport {

void require(const Actor& actor, Permission permission, const QString& what) {
    if (!actor.may(permission))
        throw Error::denied(u"%1 (%2) may not %3"_s.arg(actor.user, roleCode(actor.role), what));
}

QString lineList(const QList<int>& lineNos) {
    QStringList numbers;
    for (int no : lineNos)
        numbers << QString::number(no);
    return numbers.join(u", "_s);
}

QString money(qint64 minor, const QString& currency) {
    return Money{minor, currency.isEmpty() ? u"USD"_s : currency}.toString();
}

// "DC-EAST (lines 1, 2) 12.34 USD; ST-NYC (line 3) 6.50 USD"
QString shipmentSummary(const Decision& d) {
    QStringList parts;
    for (const Shipment& s : d.shipments) {
        QList<int> lines;
        for (const ShipmentLine& l : s.lines)
            lines << l.lineNo;
        parts << u"%1 (line%2 %3) %4"_s.arg(s.locationCode, lines.size() == 1 ? QString() : u"s"_s,
                                            lineList(lines), money(s.costMinor, d.currency));
    }
    return parts.join(u"; "_s);
}

QString decisionSummary(const Decision& d) {
    QString text = u"%1 under rules v%2"_s.arg(routingOutcomeCode(d.outcome)).arg(d.ruleVersion);
    if (!d.strategy.isEmpty())
        text += u", strategy \"%1\""_s.arg(d.strategy);
    if (!d.shipments.isEmpty())
        text += u": "_s + shipmentSummary(d) + u", total "_s + money(d.totalCostMinor, d.currency);
    if (!d.unfilled.isEmpty()) {
        QList<int> lines;
        for (const ShipmentLine& l : d.unfilled)
            lines << l.lineNo;
        text += u"; not assigned: line(s) "_s + lineList(lines);
    }
    if (!d.reason.isEmpty())
        text += u" ("_s + d.reason + u')';
    return text;
}

QString reasonCodeFor(RoutingOutcome outcome) {
    switch (outcome) {
    case RoutingOutcome::Routed:
        return u"ROUTED"_s;
    case RoutingOutcome::Partial:
        return u"ROUTED_PARTIAL"_s;
    case RoutingOutcome::Backordered:
        return u"ROUTING_BACKORDERED"_s;
    case RoutingOutcome::Held:
        return u"ROUTING_HELD"_s;
    case RoutingOutcome::Unfillable:
        return u"ROUTING_UNFILLABLE"_s;
    case RoutingOutcome::Cancelled:
        return u"ROUTING_CANCELLED"_s;
    }
    return {};
}

// Estimated days in transit, as the transit_days criterion counts them.
int transitDays(double km) {
    return 1 + int(std::floor(km / 800.0));
}

// Open lines that hold no stock yet; empty when none holds any (the router then
// takes every open line).
QList<int> linesToRoute(Database& db, const Order& order) {
    SqlQuery q(db, u"SELECT DISTINCT line_no FROM reservations WHERE order_id = :o AND state = 'held'"_s);
    q.bind(u":o"_s, order.id).exec();
    QSet<int> held;
    while (q.next())
        held.insert(q.value(0).toInt());
    if (held.isEmpty())
        return {};
    QList<int> open;
    for (const OrderLine& line : order.lines)
        if (line.status != OrderStatus::Cancelled && !held.contains(line.lineNo))
            open << line.lineNo;
    return open;
}

} // namespace ordo::routingsupport
