// `ordo route`: routes one order or every validated order, reserving (unless
// --dry-run), and prints each decision with its explanation.
#include "BatchSummary.h"
#include "CliSupport.h"
#include "Commands.h"
#include "RouteOptimize.h"
#include "orders/OrderQuery.h"
#include "sourcing/DecisionJson.h"
#include "sourcing/RoutingService.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

QString money(qint64 minor, const QString& currency) {
    return Money{minor, currency.isEmpty() ? u"USD"_s : currency}.toString();
}

QString shipmentText(const Shipment& s, const QString& currency) {
    QStringList lines;
    for (const ShipmentLine& l : s.lines)
        lines << u"%1: %2 x %3"_s.arg(l.lineNo).arg(l.quantity).arg(l.skuCode);
    return u"%1  %2 km  %3  [%4]"_s.arg(s.locationCode, -10)
        .arg(s.distanceKm, 0, 'f', 1)
        .arg(money(s.costMinor, currency), lines.join(u", "_s));
}

void printText(const RoutedOrder& r) {
    QTextStream& s = out();
    if (!r.skipped.isEmpty()) {
        s << u"%1  skipped: %2\n"_s.arg(r.orderNumber, r.skipped);
        return;
    }
    const Decision& d = r.decision;
    s << u"%1  %2"_s.arg(r.orderNumber, routingOutcomeCode(d.outcome));
    if (!r.action.isEmpty())
        s << u" (%1)"_s.arg(r.action);
    s << u"  rules v%1"_s.arg(d.ruleVersion);
    if (!d.strategy.isEmpty())
        s << u", strategy \"%1\""_s.arg(d.strategy);
    if (r.rerouted)
        s << u", routed again after stock moved"_s;
    s << u'\n';
    for (const Shipment& shipment : d.shipments)
        s << u"  ship from "_s << shipmentText(shipment, d.currency) << u'\n';
    if (!d.shipments.isEmpty())
        s << u"  total "_s << money(d.totalCostMinor, d.currency) << u'\n';
    for (const ShipmentLine& l : d.unfilled)
        s << u"  not assigned  line %1: %2 x %3\n"_s.arg(l.lineNo).arg(l.quantity).arg(l.skuCode);
    if (!d.reason.isEmpty())
        s << u"  why: "_s << d.reason << u'\n';
    if (!d.shipments.isEmpty() && d.method != SearchMethod::Exact)
        s << u"  assignment: "_s << searchQuality(d) << u'\n';
    if (d.runnerUp) {
        QStringList from;
        for (const Shipment& shipment : d.runnerUp->shipments)
            from << shipment.locationCode;
        s << u"  runner-up: %1, %2"_s.arg(from.join(u" + "_s), money(d.runnerUp->totalCostMinor, d.currency));
        if (!d.runnerUp->why.isEmpty())
            s << u" ("_s << d.runnerUp->why << u')';
        s << u'\n';
    }
}

QJsonObject toJson(const RoutedOrder& r) {
    QJsonObject o =
        r.skipped.isEmpty() ? DecisionJson::toJson(r.decision) : QJsonObject{{u"order_id"_s, r.orderNumber}};
    o.insert(u"action"_s, r.action.isEmpty() ? QJsonValue() : QJsonValue(r.action));
    o.insert(u"reserved"_s, r.reserved);
    o.insert(u"rerouted"_s, r.rerouted);
    if (!r.skipped.isEmpty())
        o.insert(u"skipped"_s, r.skipped);
    return o;
}

} // namespace

int runRouteCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    addProgressOption(parser);
    parser.addOption(
        {u"order"_s, u"Route this order (its number, or the channel's order id)."_s, u"number"_s});
    parser.addOption({u"pending"_s, u"Route every validated order, oldest first."_s});
    parser.addOption({u"dry-run"_s, u"Decide and print, but reserve and store nothing."_s});
    parser.addOption({u"optimize"_s,
                      u"With --pending: decide every validated order together (joint optimisation, "
                      "GLPK) and report against routing them one by one."_s});
    parser.addOption({u"time-limit"_s, u"With --optimize: the solver's time limit in seconds (default 30)."_s,
                      u"seconds"_s, u"30"_s});
    if (auto exit = parse(parser, arguments,
                          u"Routes orders under the active rules: chooses the "
                          u"location(s) each ships from, stores the "
                          "decision with its explanation, reserves the stock and "
                          "moves the order to routed; an order "
                          "that cannot be routed is held in exception with the "
                          "reason, or backordered. With "
                          "--dry-run nothing is written.\n"
                          "Exit codes: 0 done (whatever the outcomes); 3 the "
                          "order cannot be routed (not validated, "
                          "unknown); 2 usage error; 1 a database failure."_s))
        return *exit;
    const bool one = parser.isSet(u"order"_s);
    const bool pending = parser.isSet(u"pending"_s);
    if (one == pending) {
        err()
            << u"ordo route: give either --order NUMBER or --pending, e.g. 'ordo route --order W-100234'\n"_s;
        err().flush();
        return UsageError;
    }
    const bool dryRun = parser.isSet(u"dry-run"_s);
    const bool optimize = parser.isSet(u"optimize"_s);
    bool limitOk = false;
    const double timeLimit = parser.value(u"time-limit"_s).toDouble(&limitOk);
    if ((optimize && !pending) || (parser.isSet(u"time-limit"_s) && !optimize) || !limitOk ||
        timeLimit <= 0) {
        err() << u"ordo route: --optimize goes with --pending, --time-limit (seconds, more than 0) with "
                 "--optimize, e.g. 'ordo route --pending --optimize --time-limit 60'\n"_s;
        err().flush();
        return UsageError;
    }
    BatchResult batch;
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        RoutingService service(db, commandLineActor());
        QList<RoutedOrder> results;
        if (one) {
            const QString wanted = parser.value(u"order"_s);
            const auto id = OrderQuery(db).findId(wanted);
            if (!id)
                throw Error::notFound(u"there is no order %1 in %2"_s.arg(wanted, db.displayName()));
            results << service.routeOrder(*id, dryRun);
        } else {
            std::function<void(const RoutedOrder&)> onRouted;
            if (wantsProgress(parser) && !dryRun)
                onRouted = [](const RoutedOrder& r) {
                    if (r.skipped.isEmpty())
                        printCommitted(u"order %1 (%2)"_s.arg(r.orderNumber, r.action));
                };
            results = optimize ? routePendingJointly(service, dryRun, timeLimit, batch)
                               : service.routePending(dryRun, 0, onRouted);
        }
        if (wantsJson(parser)) {
            QJsonArray list;
            for (const RoutedOrder& r : std::as_const(results))
                list.append(toJson(r));
            if (optimize)
                printJson(QJsonObject{{u"optimisation"_s, batchSummaryJson(batch)}, {u"decisions"_s, list}});
            else
                printJson(list);
            return int(Success);
        }
        QHash<QString, int> counts;
        for (const RoutedOrder& r : std::as_const(results)) {
            printText(r);
            ++counts[r.skipped.isEmpty() ? routingOutcomeCode(r.decision.outcome) : u"skipped"_s];
        }
        if (pending) {
            QStringList parts;
            for (const QString& key : {u"routed"_s, u"partial"_s, u"backordered"_s, u"held"_s,
                                       u"unfillable"_s, u"cancelled"_s, u"skipped"_s})
                if (counts.value(key) > 0)
                    parts << u"%1 %2"_s.arg(counts.value(key)).arg(key);
            out() << u"%1 order(s) routed%2%3\n"_s.arg(results.size())
                         .arg(parts.isEmpty() ? QString() : u": "_s + parts.join(u", "_s))
                         .arg(dryRun ? u" (dry run: nothing reserved or stored)"_s : QString());
        } else if (dryRun) {
            out() << u"dry run: nothing reserved or stored\n"_s;
        }
        if (optimize)
            printBatchSummary(batch);
        out().flush();
        return int(Success);
    });
}

} // namespace ordo::cli
