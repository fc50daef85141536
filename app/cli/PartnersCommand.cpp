// `ordo partners list|set`: settings per trading partner (how the X12 855 answers lines Ordo cannot fill).
#include "CliSupport.h"
#include "Commands.h"
#include "channels/TradingPartners.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

QStringList subArguments(const QStringList& arguments) {
    QStringList args = arguments.mid(3);
    args.prepend(arguments.mid(1, 2).join(u' '));
    args.prepend(arguments.value(0));
    return args;
}

int usage(const QString& message) {
    err() << u"ordo partners: "_s << message << u"\nTry 'ordo partners --help'.\n"_s;
    err().flush();
    return UsageError;
}

const QString unfillableHelp =
    u"How the 855 answers a purchase order's lines whose item is not in the catalogue: reject (ACK IR with "
    "the reason, the default), backorder (ACK IB with the reason), or wait (no 855 while the order is held; "
    "it is made when the exception is resolved: released, or cancelled with every line rejected)."_s;

int runList(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    if (auto exit =
            parse(parser, subArguments(arguments),
                  u"Lists the trading partners' settings. A partner without a row takes the '*' row's, "
                  "and without that the defaults (unfillable lines rejected).\n"_s +
                      unfillableHelp))
        return *exit;
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        const QList<TradingPartner> partners = TradingPartners(db, commandLineActor()).all();
        if (wantsJson(parser)) {
            QJsonArray array;
            for (const TradingPartner& p : partners)
                array.append(QJsonObject{{u"partner"_s, p.partner},
                                         {u"unfillable_lines"_s, unfillableLinesCode(p.unfillableLines)},
                                         {u"updated_at"_s, p.updatedAt.toString(Qt::ISODateWithMs)},
                                         {u"updated_by"_s, p.updatedBy}});
            printJson(array);
            return int(Success);
        }
        if (partners.isEmpty())
            out() << u"No partner has its own settings: unfillable lines are rejected.\n"_s;
        for (const TradingPartner& p : partners)
            out() << u"%1  unfillable lines: %2  (%3, %4)\n"_s.arg(
                p.partner.leftJustified(15), unfillableLinesCode(p.unfillableLines), p.updatedBy,
                p.updatedAt.toString(u"yyyy-MM-dd HH:mm"_s));
        out().flush();
        return int(Success);
    });
}

int runSet(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser, false);
    parser.addOption(
        {u"partner"_s, u"The partner's id (the X12 sender id, ISA06), or * for every partner."_s, u"id"_s});
    parser.addOption({u"unfillable-lines"_s, unfillableHelp, u"reject|backorder|wait"_s});
    if (auto exit = parse(parser, subArguments(arguments), u"Sets a trading partner's settings."_s))
        return *exit;
    if (!parser.isSet(u"partner"_s) || !parser.isSet(u"unfillable-lines"_s))
        return usage(u"give --partner ID and --unfillable-lines reject|backorder|wait"_s);
    const auto value = unfillableLinesFromCode(parser.value(u"unfillable-lines"_s));
    if (!value)
        return usage(u"--unfillable-lines '%1' is not reject, backorder or wait"_s.arg(
            parser.value(u"unfillable-lines"_s)));
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        TradingPartners(db, commandLineActor()).setUnfillableLines(parser.value(u"partner"_s), *value);
        out() << u"Partner %1: unfillable lines %2\n"_s.arg(parser.value(u"partner"_s).trimmed(),
                                                            unfillableLinesCode(*value));
        out().flush();
        return int(Success);
    });
}

} // namespace

int runPartnersCommand(const QStringList& arguments) {
    const QString sub = arguments.value(2);
    if (sub == u"list"_s)
        return runList(arguments);
    if (sub == u"set"_s)
        return runSet(arguments);
    QTextStream& stream = sub == u"--help"_s || sub == u"-h"_s ? out() : err();
    stream << u"Usage: ordo partners <list|set> [options]\n\n"
              "  list [--json]                                         every partner's settings\n"
              "  set --partner ID --unfillable-lines reject|backorder|wait\n\n"_s
           << unfillableHelp << u'\n';
    stream.flush();
    return &stream == &out() ? int(Success) : int(UsageError);
}

} // namespace ordo::cli
