// `ordo reject`: a location rejects lines of a routed order; they are released
// and routed elsewhere.
#include "CliSupport.h"
#include "Commands.h"
#include "orders/OrderQuery.h"
#include "sourcing/DecisionJson.h"
#include "sourcing/RoutingService.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ordo::cli {

int runRejectCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption(
        {u"order"_s, u"The routed order (its number, or the channel's order id)."_s, u"number"_s});
    parser.addOption({u"location"_s, u"The location that rejects the lines."_s, u"code"_s});
    parser.addOption({u"line"_s, u"A rejected line number (repeat for several)."_s, u"n"_s});
    parser.addOption(
        {u"reason"_s, u"Why, e.g. \"not on the shelf\", \"damaged\", \"over capacity\"."_s, u"text"_s});
    if (auto exit = parse(parser, arguments,
                          u"Records that a location rejects lines of a routed "
                          u"order: their stock is released, they "
                          "are routed again without any location that rejected "
                          "this order, the requested date is "
                          "checked against the new shipment, and a customer "
                          "notification is queued, in one "
                          "transaction."_s))
        return *exit;
    QList<int> lineNos;
    for (const QString& text : parser.values(u"line"_s)) {
        bool ok = false;
        const int no = text.toInt(&ok);
        if (!ok || no < 1) {
            err() << u"ordo reject: --line takes a line number of 1 or more, not '%1'\n"_s.arg(text);
            err().flush();
            return UsageError;
        }
        lineNos << no;
    }
    if (!parser.isSet(u"order"_s) || !parser.isSet(u"location"_s) || lineNos.isEmpty() ||
        parser.value(u"reason"_s).trimmed().isEmpty()) {
        err() << u"ordo reject: give --order NUMBER --location CODE --line N [--line N...] --reason TEXT\n"_s;
        err().flush();
        return UsageError;
    }
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        const QString wanted = parser.value(u"order"_s);
        const auto id = OrderQuery(db).findId(wanted);
        if (!id)
            throw Error::notFound(u"there is no order %1 in %2"_s.arg(wanted, db.displayName()));
        RoutingService service(db, commandLineActor());
        const RejectResult r =
            service.reject(*id, parser.value(u"location"_s), lineNos, parser.value(u"reason"_s));
        if (wantsJson(parser)) {
            QJsonObject decision = DecisionJson::toJson(r.rerouted.decision);
            decision.insert(u"action"_s, r.rerouted.action);
            printJson(QJsonObject{{u"order_id"_s, r.orderNumber},
                                  {u"released"_s, r.released},
                                  {u"rejected_locations"_s, QJsonArray::fromStringList(r.rejectedLocations)},
                                  {u"decision"_s, decision},
                                  {u"promise_at_risk"_s, r.promiseAtRisk},
                                  {u"promise"_s, r.promiseNote},
                                  {u"notification"_s, r.notification}});
            return int(Success);
        }
        const Decision& d = r.rerouted.decision;
        out() << u"%1: %2 reservation(s) released; rejected by %3\n"_s.arg(r.orderNumber)
                     .arg(r.released)
                     .arg(r.rejectedLocations.join(u", "_s));
        out() << u"  rerouted: %1 (%2)\n"_s.arg(routingOutcomeCode(d.outcome), r.rerouted.action);
        for (const Shipment& s : d.shipments)
            out() << u"  ship from %1  %2 km  %3\n"_s.arg(s.locationCode)
                         .arg(s.distanceKm, 0, 'f', 1)
                         .arg(Money{s.costMinor, d.currency.isEmpty() ? u"USD"_s : d.currency}.toString());
        if (!d.reason.isEmpty())
            out() << u"  why: "_s << d.reason << u'\n';
        out() << u"  promise: "_s << r.promiseNote << (r.promiseAtRisk ? u" (flagged)"_s : QString())
              << u'\n';
        out() << u"  customer notification queued: "_s << r.notification << u'\n';
        out().flush();
        return int(Success);
    });
}

} // namespace ordo::cli
