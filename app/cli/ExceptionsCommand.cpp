// `ordo exceptions`: the orders held in Exception with their reasons, or (--overdue) every order that has
// stayed in its state past the active rules' time limit.
#include "CliSupport.h"
#include "Commands.h"
#include "orders/OrderJson.h"
#include "orders/OrderQuery.h"
#include "sourcing/OverdueOrders.h"
#include "sourcing/RuleSetRepository.h"
#include "storage/Database.h"
#include "storage/TimeCodec.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ordo::cli {

int runExceptionsCommand(const QStringList& arguments) {
    const QString action = arguments.value(2);
    if (action == u"route-again"_s || action == u"assign"_s || action == u"backorder"_s)
        return runExceptionActionsCommand(arguments);
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({u"overdue"_s, u"List the orders past their state's time limit (the active rules' "
                                    "state_limit_hours) instead, longest waiting first."_s});
    parser.addOption({u"limit"_s,
                      u"At most this many orders (default 100, at most %1)."_s.arg(OrderQuery::maxPageSize),
                      u"n"_s, u"100"_s});
    if (auto exit = parse(
            parser, arguments,
            u"Lists the orders held in exception with their reason codes, or with --overdue the orders "
            "that have waited in one state longer than the routing rules allow.\n"
            "Actions on orders the router held: ordo exceptions route-again|assign|backorder --help."_s))
        return *exit;
    return guarded([&] {
        const int limit = int(integerOption(parser, u"limit"_s, 1, OrderQuery::maxPageSize));
        Database db = Database::open(databaseUrl(parser));
        if (!parser.isSet(u"overdue"_s)) {
            OrderFilter filter;
            filter.status = OrderStatus::Exception;
            const QList<OrderSummary> held =
                OrderQuery(db).page(filter, OrderSort::OrderedAt, false, 0, limit);
            if (wantsJson(parser)) {
                QJsonArray list;
                for (const OrderSummary& s : held)
                    list.append(orderSummaryToJson(s));
                printJson(list);
                return int(Success);
            }
            for (const OrderSummary& s : held)
                out() << u"%1  %2  %3\n"_s.arg(s.orderNumber, s.exceptionCode, s.exceptionDetail);
            out() << u"%1 order(s) held in exception\n"_s.arg(held.size());
            out().flush();
            return int(Success);
        }
        const RuleSet rules = RuleSetRepository(db).active();
        const QList<OverdueOrder> overdue = OverdueOrders(db).list(rules, nowStoredTime(), limit);
        if (wantsJson(parser)) {
            QJsonArray list;
            for (const OverdueOrder& o : overdue)
                list.append(QJsonObject{
                    {u"order_id"_s, o.orderNumber},
                    {u"status"_s, orderStatusCode(o.status)},
                    {u"since"_s, o.since.toString(Qt::ISODateWithMs)},
                    {u"waited_hours"_s, qRound(o.waitedHours * 10) / 10.0},
                    {u"limit_hours"_s, o.limitHours},
                    {u"exception"_s, o.exceptionCode.isEmpty() ? QJsonValue() : o.exceptionCode}});
            printJson(list);
            return int(Success);
        }
        if (rules.stateLimitHours.isEmpty())
            out() << u"The active rules (version %1) set no time limit per state.\n"_s.arg(rules.version);
        for (const OverdueOrder& o : overdue)
            out() << u"%1  %2 for %3 h (limit %4 h)%5\n"_s.arg(o.orderNumber, orderStatusCode(o.status))
                         .arg(o.waitedHours, 0, 'f', 1)
                         .arg(o.limitHours)
                         .arg(o.exceptionCode.isEmpty() ? QString() : u"  "_s + o.exceptionCode);
        out() << u"%1 order(s) overdue\n"_s.arg(overdue.size());
        out().flush();
        return int(Success);
    });
}

} // namespace ordo::cli
