#include "CliSupport.h"
#include "Commands.h"
#include "inventory/ReservationService.h"
#include "orders/OrderQuery.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

constexpr int maxGroup = 10000;

QJsonObject outcomeToJson(const ReservationOutcome& o) {
    QJsonArray lines;
    for (const ReservedLine& l : o.reserved)
        lines.append(QJsonObject{{u"line"_s, l.lineNo},
                                 {u"sku"_s, l.skuCode},
                                 {u"location_id"_s, l.locationCode},
                                 {u"quantity"_s, l.quantity}});
    QJsonObject json{{u"order"_s, o.orderNumber},
                     {u"routed"_s, o.routed},
                     {u"reserved"_s, lines},
                     {u"shortages"_s, QJsonArray::fromStringList(o.shortages)}};
    if (!o.refusal.isEmpty())
        json.insert(u"refused"_s, o.refusal);
    return json;
}

void printOutcome(const ReservationOutcome& o) {
    QTextStream& s = out();
    const QString number = o.orderNumber.isEmpty() ? u"#%1"_s.arg(o.orderId) : o.orderNumber;
    if (!o.refusal.isEmpty())
        s << u"%1  skipped: %2\n"_s.arg(number, o.refusal);
    else if (o.routed)
        s << u"%1  reserved, routed\n"_s.arg(number);
    else if (!o.reserved.isEmpty())
        s << u"%1  partly reserved\n"_s.arg(number);
    else
        s << u"%1  not reserved\n"_s.arg(number);
    for (const ReservedLine& l : o.reserved)
        s << u"  line %1  %2 x %3 at %4\n"_s.arg(l.lineNo).arg(l.quantity).arg(l.skuCode, l.locationCode);
    for (const QString& shortage : o.shortages)
        s << u"  short  %1\n"_s.arg(shortage);
}

} // namespace

int runReserveCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({u"order"_s,
                      u"Reserve the stock of this order (its number, or the channel's order id)."_s,
                      u"number"_s});
    parser.addOption({u"pending"_s, u"Reserve the stock of every validated order, many per transaction."_s});
    parser.addOption({u"partial"_s, u"With --order: hold the lines that can be covered, report the rest."_s});
    parser.addOption({u"shard"_s,
                      u"With --pending: only the orders whose id modulo N is K, so that N workers can "
                      "share the queue."_s,
                      u"K/N"_s});
    parser.addOption({u"group"_s,
                      u"With --pending: orders per transaction (default 500, at most %1)."_s.arg(maxGroup),
                      u"n"_s, u"500"_s});
    if (auto exit =
            parse(parser, arguments,
                  u"Reserves stock for orders: each line at the location named on it, or else at the first "
                  "location (by code) that can cover it. A fully reserved order moves to routed."_s))
        return *exit;
    const bool one = parser.isSet(u"order"_s);
    const bool pending = parser.isSet(u"pending"_s);
    bool groupOk = false;
    const int group = parser.value(u"group"_s).toInt(&groupOk);
    // A group is one transaction's orders: bounded, so that a slip of the keyboard does not hold a
    // transaction (and its memory) over every waiting order.
    if (one == pending || !groupOk || group < 1 || group > maxGroup ||
        (pending && parser.isSet(u"partial"_s))) {
        err()
            << u"ordo reserve: give either --order NUMBER [--partial] or --pending [--group N] (N from 1 to "
               "%1), e.g. 'ordo reserve --order W-100234'\n"_s.arg(maxGroup);
        err().flush();
        return UsageError;
    }
    qint64 shard = 0, shards = 1;
    if (parser.isSet(u"shard"_s)) {
        const QStringList parts = parser.value(u"shard"_s).split(u'/');
        bool kOk = false, nOk = false;
        if (parts.size() == 2) {
            shard = parts.at(0).toLongLong(&kOk);
            shards = parts.at(1).toLongLong(&nOk);
        }
        if (!pending || !kOk || !nOk || shards < 1 || shard < 0 || shard >= shards) {
            err()
                << u"ordo reserve: --shard takes K/N with 0 <= K < N, beside --pending, e.g. --shard 0/4\n"_s;
            err().flush();
            return UsageError;
        }
    }
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        ReservationService service(db);
        const Actor actor = commandLineActor();
        if (one) {
            const QString wanted = parser.value(u"order"_s);
            const auto id = OrderQuery(db).findId(wanted);
            if (!id)
                throw Error::notFound(u"there is no order %1 in %2"_s.arg(wanted, db.displayName()));
            const auto mode = parser.isSet(u"partial"_s) ? ReservationService::Mode::Partial
                                                         : ReservationService::Mode::Whole;
            const ReservationOutcome outcome = service.reserve(*id, actor, mode);
            if (wantsJson(parser))
                printJson(outcomeToJson(outcome));
            else
                printOutcome(outcome);
            out().flush();
            return int(outcome.reserved.isEmpty() && !outcome.routed ? InputRejected : Success);
        }
        QList<qint64> ids = service.validatedOrderIds();
        ids.removeIf([&](qint64 id) { return id % shards != shard; });
        const QList<ReservationOutcome> outcomes = service.reserveMany(ids, actor, group);
        int routed = 0, lines = 0, shortOrders = 0, skipped = 0;
        QJsonArray list;
        for (const ReservationOutcome& o : outcomes) {
            routed += o.routed ? 1 : 0;
            lines += int(o.reserved.size());
            shortOrders += o.shortages.isEmpty() ? 0 : 1;
            skipped += o.refusal.isEmpty() ? 0 : 1;
            if (wantsJson(parser))
                list.append(outcomeToJson(o));
            else
                printOutcome(o);
        }
        if (wantsJson(parser)) {
            printJson(QJsonObject{{u"orders"_s, list},
                                  {u"routed"_s, routed},
                                  {u"reserved_lines"_s, lines},
                                  {u"short"_s, shortOrders},
                                  {u"skipped"_s, skipped}});
        } else {
            out()
                << u"%1 order(s) looked at: %2 routed (%3 line(s) reserved), %4 short of stock, %5 skipped\n"_s
                       .arg(outcomes.size())
                       .arg(routed)
                       .arg(lines)
                       .arg(shortOrders)
                       .arg(skipped);
        }
        out().flush();
        return int(Success);
    });
}

} // namespace ordo::cli
