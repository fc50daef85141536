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
#include <QJsonDocument>
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

// One order as a line of JSON: the decision as the run stored it, when it has it, with what was done added
// in front (the same members toJson() gives, without building the decision's JSON a second time).
QByteArray jsonLine(const RoutedOrder& r) {
    if (r.decisionJson.size() < 2 || !r.skipped.isEmpty())
        return QJsonDocument(toJson(r)).toJson(QJsonDocument::Compact);
    const QJsonObject done{{u"action"_s, r.action.isEmpty() ? QJsonValue() : QJsonValue(r.action)},
                           {u"reserved"_s, r.reserved},
                           {u"rerouted"_s, r.rerouted}};
    QByteArray line = QJsonDocument(done).toJson(QJsonDocument::Compact);
    line.chop(1); // "}"
    line += ',';
    line += QByteArrayView(r.decisionJson).sliced(1); // after "{"
    return line;
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
    if (auto exit =
            parse(parser, arguments,
                  u"Routes orders under the active rules: chooses the "
                  u"location(s) each ships from, stores the "
                  "decision with its explanation, reserves the stock and "
                  "moves the order to routed; an order "
                  "that cannot be routed is held in exception with the "
                  "reason, or backordered. With "
                  "--dry-run nothing is written.\n"
                  "--pending routes the backlog in batches of 1,000 orders, each stored in one "
                  "transaction, and writes each order as soon as its batch has committed (in a dry run, "
                  "as soon as it is decided): with --json one JSON object per order and line (JSON "
                  "Lines), with --progress a line per committed order on standard error.\n"
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
    const bool json = wantsJson(parser);
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        RoutingService service(db, commandLineActor());
        QHash<QString, int> counts;
        qint64 met = 0;
        // Each order is written out as soon as it is known (committed, or decided in a dry run) and
        // forgotten: a backlog of any size routes in flat memory. JSON: one object a line (JSON Lines).
        const auto report = [&](const RoutedOrder& r) {
            ++met;
            ++counts[r.skipped.isEmpty() ? routingOutcomeCode(r.decision.outcome) : u"skipped"_s];
            if (json)
                out() << QString::fromUtf8(jsonLine(r)) << u'\n';
            else
                printText(r);
        };
        if (one) {
            const QString wanted = parser.value(u"order"_s);
            const auto id = OrderQuery(db).findId(wanted);
            if (!id)
                throw Error::notFound(u"there is no order %1 in %2"_s.arg(wanted, db.displayName()));
            const RoutedOrder r = service.routeOrder(*id, dryRun);
            if (json) {
                printJson(QJsonArray{toJson(r)});
                return int(Success);
            }
            printText(r);
            if (dryRun)
                out() << u"dry run: nothing reserved or stored\n"_s;
            out().flush();
            return int(Success);
        }
        if (optimize) {
            const QList<RoutedOrder> results = routePendingJointly(service, dryRun, timeLimit, batch);
            if (json) {
                QJsonArray list;
                for (const RoutedOrder& r : results)
                    list.append(toJson(r));
                printJson(QJsonObject{{u"optimisation"_s, batchSummaryJson(batch)}, {u"decisions"_s, list}});
                return int(Success);
            }
            for (const RoutedOrder& r : results)
                report(r);
        } else {
            const bool progress = wantsProgress(parser) && !dryRun;
            service.routeBacklog(dryRun, 0, [&](const RoutedOrder& r) {
                report(r);
                if (progress && r.skipped.isEmpty())
                    printCommitted(u"order %1 (%2)"_s.arg(r.orderNumber, r.action));
            });
        }
        if (json) {
            out().flush();
            return int(Success);
        }
        QStringList parts;
        for (const QString& key : {u"routed"_s, u"partial"_s, u"backordered"_s, u"held"_s, u"unfillable"_s,
                                   u"cancelled"_s, u"skipped"_s})
            if (counts.value(key) > 0)
                parts << u"%1 %2"_s.arg(counts.value(key)).arg(key);
        out() << u"%1 order(s) routed%2%3\n"_s.arg(met)
                     .arg(parts.isEmpty() ? QString() : u": "_s + parts.join(u", "_s))
                     .arg(dryRun ? u" (dry run: nothing reserved or stored)"_s : QString());
        if (optimize)
            printBatchSummary(batch);
        out().flush();
        return int(Success);
    });
}

} // namespace ordo::cli
