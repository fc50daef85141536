#include "CliSupport.h"
#include "Commands.h"
#include "orders/OrderJson.h"
#include "orders/OrderQuery.h"
#include "storage/Database.h"

#include <QJsonArray>

#include <limits>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

QDateTime parseDateOption(const QCommandLineParser& parser, const QString& name) {
    if (!parser.isSet(name))
        return {};
    const QString text = parser.value(name);
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    if (!t.isValid())
        throw Error::usage(u"--%1 '%2' is not a date (YYYY-MM-DD or ISO 8601 time)"_s.arg(name, text));
    return t.toUTC();
}

} // namespace

int runOrdersCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({u"status"_s, u"Only orders in this state: %1."_s.arg(orderStatusCodes().join(u", "_s)),
                      u"status"_s});
    parser.addOption({u"channel"_s, u"Only orders from this channel: %1."_s.arg(channelCodes().join(u", "_s)),
                      u"channel"_s});
    parser.addOption(
        {u"location"_s, u"Only orders fulfilled at or picked up from this location code."_s, u"code"_s});
    parser.addOption({u"from"_s, u"Only orders placed on or after this date (UTC)."_s, u"date"_s});
    parser.addOption({u"to"_s, u"Only orders placed before this date (UTC)."_s, u"date"_s});
    parser.addOption({u"search"_s, u"Order number, e-mail, phone or name (prefix)."_s, u"text"_s});
    parser.addOption(
        {u"limit"_s,
         u"At most this many orders, newest first (default 50, at most %1)."_s.arg(OrderQuery::maxPageSize),
         u"n"_s, u"50"_s});
    parser.addOption({u"offset"_s, u"Skip this many orders first (paging)."_s, u"n"_s, u"0"_s});
    if (auto exit = parse(parser, arguments, u"Lists orders, newest first."_s))
        return *exit;

    return guarded([&] {
        OrderFilter filter;
        if (parser.isSet(u"status"_s)) {
            filter.status = orderStatusFromCode(parser.value(u"status"_s));
            if (!filter.status)
                throw Error::usage(u"--status '%1' is not one of %2"_s.arg(parser.value(u"status"_s),
                                                                           orderStatusCodes().join(u", "_s)));
        }
        if (parser.isSet(u"channel"_s)) {
            filter.channel = channelFromCode(parser.value(u"channel"_s));
            if (!filter.channel)
                throw Error::usage(u"--channel '%1' is not one of %2"_s.arg(parser.value(u"channel"_s),
                                                                            channelCodes().join(u", "_s)));
        }
        filter.locationCode = parser.value(u"location"_s);
        filter.from = parseDateOption(parser, u"from"_s);
        filter.to = parseDateOption(parser, u"to"_s);
        filter.search = parser.value(u"search"_s);
        const int limit = int(integerOption(parser, u"limit"_s, 0, OrderQuery::maxPageSize));
        const int offset = int(integerOption(parser, u"offset"_s, 0, std::numeric_limits<int>::max()));

        Database db = Database::open(databaseUrl(parser));
        const QList<OrderSummary> rows =
            OrderQuery(db).page(filter, OrderSort::OrderedAt, true, offset, limit);
        if (wantsJson(parser)) {
            QJsonArray array;
            for (const OrderSummary& s : rows)
                array.append(orderSummaryToJson(s));
            printJson(array);
            return int(Success);
        }
        for (const OrderSummary& s : rows) {
            out() << s.orderNumber.leftJustified(14) << u' ' << s.orderedAt.toString(u"yyyy-MM-dd HH:mm"_s)
                  << u"  "_s << channelCode(s.channel).leftJustified(11) << u' '
                  << orderStatusCode(s.status).leftJustified(9) << u' '
                  << Money{s.totalMinor, s.currency}.toString().rightJustified(14) << u"  "_s
                  << s.customerEmail << u'\n';
        }
        out() << u"%1 order(s)\n"_s.arg(rows.size());
        out().flush();
        return int(Success);
    });
}

} // namespace ordo::cli
