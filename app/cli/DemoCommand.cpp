#include "CliSupport.h"
#include "Commands.h"
#include "demo/DemoGenerator.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

QJsonObject toJson(const DemoSummary& s, const QString& database) {
    QJsonObject byStatus, byChannel, byType;
    for (const auto& [status, n] : s.ordersByStatus)
        byStatus.insert(orderStatusCode(status), n);
    for (const auto& [channel, n] : s.ordersByChannel)
        byChannel.insert(channelCode(channel), n);
    for (const auto& [type, n] : s.locationsByType)
        byType.insert(type, n);
    const double seconds = double(std::max<qint64>(1, s.elapsedMs)) / 1000.0;
    return {{u"database"_s, database},
            {u"seed"_s, QString::number(s.seed)},
            {u"now"_s, s.now.toString(Qt::ISODateWithMs)},
            {u"orders"_s, s.orders},
            {u"orderLines"_s, s.lines},
            {u"customers"_s, s.customers},
            {u"holds"_s, s.holds},
            {u"auditEvents"_s, s.auditEvents},
            {u"routingDecisions"_s, s.decisions},
            {u"ledgerEvents"_s, s.ledgerEvents},
            {u"ruleSetVersions"_s, s.ruleSetVersions},
            {u"skus"_s, s.skus},
            {u"positions"_s, s.positions},
            {u"users"_s, s.users},
            {u"locations"_s, byType},
            {u"ordersByStatus"_s, byStatus},
            {u"ordersByChannel"_s, byChannel},
            {u"elapsedMs"_s, s.elapsedMs},
            {u"ordersPerSecond"_s, qRound64(double(s.orders) / seconds)}};
}

void printText(const DemoSummary& s, const QString& database) {
    QTextStream& o = out();
    const double seconds = double(std::max<qint64>(1, s.elapsedMs)) / 1000.0;
    o << u"Demo world written to %1 (seed %2, now %3)\n"_s.arg(database, QString::number(s.seed),
                                                               s.now.toString(Qt::ISODate));
    o << u"  locations   "_s;
    QStringList parts;
    for (const auto& [type, n] : s.locationsByType)
        parts << u"%1 %2"_s.arg(n).arg(type);
    o << parts.join(u", "_s) << u'\n';
    o << u"  skus        %1\n  positions   %2\n  customers   %3\n  orders      %4 (%5 lines)\n"_s.arg(s.skus)
             .arg(s.positions)
             .arg(s.customers)
             .arg(s.orders)
             .arg(s.lines);
    o << u"  holds       %1\n  audit       %2 events\n"_s.arg(s.holds).arg(s.auditEvents);
    o << u"  routing     %1 decisions under %2 rule-set versions\n  ledger      %3 stock events\n"_s
             .arg(s.decisions)
             .arg(s.ruleSetVersions)
             .arg(s.ledgerEvents);
    o << u"\n  by state\n"_s;
    for (const auto& [status, n] : s.ordersByStatus)
        o << u"    "_s << orderStatusCode(status).leftJustified(12) << QString::number(n).rightJustified(10)
          << u'\n';
    o << u"  by channel\n"_s;
    for (const auto& [channel, n] : s.ordersByChannel)
        o << u"    "_s << channelCode(channel).leftJustified(12) << QString::number(n).rightJustified(10)
          << u'\n';
    o << u"\n  %1 s, %2 orders/s\n"_s.arg(seconds, 0, 'f', 1).arg(qRound64(double(s.orders) / seconds));
    o.flush();
}

} // namespace

int runDemoCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    addProgressOption(parser);
    parser.addOption({u"seed"_s, u"Random seed; the same seed and --now give the same data (default 1)."_s,
                      u"n"_s, u"1"_s});
    parser.addOption(
        {u"orders"_s, u"Orders to create over the last 90 days (default 20000)."_s, u"n"_s, u"20000"_s});
    parser.addOption({u"skus"_s, u"SKUs in the catalogue (default 5000)."_s, u"n"_s, u"5000"_s});
    parser.addOption({u"locations"_s,
                      u"Locations in all, at least 35: 3 or more DCs, 2 drop-ship vendors, the rest "
                      "stores (default 35)."_s,
                      u"n"_s, u"35"_s});
    parser.addOption({u"now"_s,
                      u"The moment the demo world is seen from, ISO 8601 UTC (default: the current time)."_s,
                      u"time"_s});
    parser.addOption({u"force"_s,
                      u"Replace the demo world the database already holds: deletes every order, customer, "
                      "location, SKU, stock position, ledger event, hold and audit event in it first. Only "
                      "for a database made by `ordo demo` and an administrator; without it the command "
                      "refuses a database that is not empty."_s});
    if (auto exit =
            parse(parser, arguments,
                  u"Creates a realistic, reproducible demo world: distribution centres, stores and drop-ship "
                  "vendors in real US cities, a catalogue in sizes and colours, stock, customers, and orders "
                  "of the last 90 days from every channel in every state with their audit trail."_s))
        return *exit;

    return guarded([&] {
        DemoOptions options;
        options.seed = quint64(integerOption(parser, u"seed"_s, 0, std::numeric_limits<qint64>::max()));
        options.orders = integerOption(parser, u"orders"_s, 1, DemoGenerator::maxOrders);
        options.skus = int(integerOption(parser, u"skus"_s, 50, DemoGenerator::maxSkus));
        options.locations = int(integerOption(parser, u"locations"_s, 35, DemoGenerator::maxLocations));
        options.replace = parser.isSet(u"force"_s);
        if (parser.isSet(u"now"_s)) {
            options.now = QDateTime::fromString(parser.value(u"now"_s), Qt::ISODateWithMs);
            if (!options.now.isValid())
                throw Error::usage(u"--now '%1' is not an ISO 8601 time such as 2024-05-01T12:00:00Z"_s.arg(
                    parser.value(u"now"_s)));
        }
        const bool json = wantsJson(parser);
        if (wantsProgress(parser)) {
            // The generator reports after each of its commits.
            options.progress = [](qint64 done, qint64 total) {
                printCommitted(u"%1 of %2 orders"_s.arg(done).arg(total));
            };
        } else if (!json && isatty(fileno(stderr))) {
            options.progress = [](qint64 done, qint64 total) {
                err() << u"\r  %1 / %2 orders"_s.arg(done).arg(total);
                if (done == total)
                    err() << u'\n';
                err().flush();
            };
        }
        Database db = Database::open(databaseUrl(parser));
        const DemoSummary summary = DemoGenerator(db).run(options, commandLineActor());
        if (json)
            printJson(toJson(summary, db.displayName()));
        else
            printText(summary, db.displayName());
        return int(Success);
    });
}

} // namespace ordo::cli
