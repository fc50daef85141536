// `ordo exceptions route-again|assign|backorder`: the Exceptions queue's routing actions, as the console
// offers them (RoutingService::routeAgain, assignByHand, backorder).
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

namespace {

// "ordo exceptions assign" is shown as the program.
QStringList subArguments(const QStringList& arguments) {
    QStringList args = arguments.mid(3);
    args.prepend(arguments.mid(1, 2).join(u' '));
    args.prepend(arguments.value(0));
    return args;
}

qint64 orderId(Database& db, const QString& wanted) {
    const auto id = OrderQuery(db).findId(wanted);
    if (!id)
        throw Error::notFound(u"there is no order %1 in %2"_s.arg(wanted, db.displayName()));
    return *id;
}

void printRouted(const QCommandLineParser& parser, const RoutedOrder& r) {
    if (wantsJson(parser)) {
        QJsonObject o = DecisionJson::toJson(r.decision);
        o.insert(u"action"_s, r.action);
        o.insert(u"reserved"_s, r.reserved);
        printJson(o);
        return;
    }
    out() << u"%1: %2"_s.arg(r.orderNumber, r.action);
    QStringList from;
    for (const Shipment& s : r.decision.shipments)
        from << s.locationCode;
    if (!from.isEmpty())
        out() << u" at "_s << from.join(u", "_s);
    if (!r.decision.reason.isEmpty())
        out() << u" ("_s << r.decision.reason << u')';
    out() << u'\n';
    out().flush();
}

} // namespace

int runExceptionActionsCommand(const QStringList& arguments) {
    const QString action = arguments.value(2);
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({u"order"_s, u"The order (its number, or the channel's order id)."_s, u"number"_s});
    parser.addOption(
        {u"note"_s, u"Why (kept in the audit trail; required for assign and backorder)."_s, u"text"_s});
    if (action == u"assign"_s)
        parser.addOption(
            {u"line"_s, u"LINE=LOCATION: where a line ships from; one per open line."_s, u"n=code"_s});
    const QString description =
        action == u"route-again"_s ? u"Takes an order the router held out of the queue and routes it now on "
                                     u"today's stock and rules; "
                                     "if it still cannot be placed it goes back with the new reason."_s
        : action == u"assign"_s
            ? u"Chooses the location of each open line by hand: reserves there (never beyond what is free) "
              "and audits the choice with what the router would have done."_s
            : u"Lets a held order wait for stock: back to validated, backordered by routing runs until it "
              u"can "
              "be placed; prints the inbound supply expected for each line."_s;
    if (auto exit = parse(parser, subArguments(arguments), description))
        return *exit;
    if (!parser.isSet(u"order"_s)) {
        err() << u"ordo exceptions %1: give --order NUMBER\n"_s.arg(action);
        err().flush();
        return UsageError;
    }
    QList<HandAssignment> lines;
    if (action == u"assign"_s) {
        for (const QString& value : parser.values(u"line"_s)) {
            const qsizetype eq = value.indexOf(u'=');
            bool ok = false;
            const int no = eq > 0 ? value.left(eq).toInt(&ok) : 0;
            if (!ok || no < 1 || eq == value.size() - 1) {
                err() << u"ordo exceptions assign: --line takes LINE=LOCATION, not '%1'\n"_s.arg(value);
                err().flush();
                return UsageError;
            }
            lines << HandAssignment{no, value.mid(eq + 1)};
        }
        if (lines.isEmpty()) {
            err() << u"ordo exceptions assign: give --line LINE=LOCATION for each open line\n"_s;
            err().flush();
            return UsageError;
        }
    }
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        RoutingService service(db, commandLineActor());
        const qint64 id = orderId(db, parser.value(u"order"_s));
        const QString note = parser.value(u"note"_s);
        if (action == u"route-again"_s) {
            printRouted(parser, service.routeAgain(id, note));
        } else if (action == u"assign"_s) {
            printRouted(parser, service.assignByHand(id, lines, note));
        } else {
            const BackorderResult b = service.backorder(id, note);
            if (wantsJson(parser)) {
                QJsonArray list;
                for (const BackorderLine& l : b.lines)
                    list.append(QJsonObject{
                        {u"line"_s, l.lineNo},
                        {u"sku"_s, l.skuCode},
                        {u"quantity"_s, l.quantity},
                        {u"expected_at"_s, l.expectedAt.isValid()
                                               ? QJsonValue(l.expectedAt.toString(Qt::ISODate))
                                               : QJsonValue()},
                        {u"reference"_s, l.reference.isEmpty() ? QJsonValue() : QJsonValue(l.reference)}});
                printJson(QJsonObject{{u"order_id"_s, b.orderNumber}, {u"lines"_s, list}});
            } else {
                out() << u"%1 on backorder: %2\n"_s.arg(b.orderNumber, b.summary);
                out().flush();
            }
        }
        return int(Success);
    });
}

} // namespace ordo::cli
