// `ordo validation list|enable|disable`: which validation rules run on captured orders, and their parameters.
#include "CliSupport.h"
#include "Commands.h"
#include "orders/ValidationStore.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

void printUsage(QTextStream& stream) {
    stream << u"Usage: ordo validation <list|enable|disable> [options]\n\n"
              "  list                              Every rule: code, on or off, parameters, what it checks.\n"
              "  enable CODE [--param key=value]   Switch a rule on, optionally setting parameters.\n"
              "  disable CODE                      Switch a rule off.\n"_s;
    stream.flush();
}

QStringList subArguments(const QStringList& arguments) {
    QStringList args = arguments.mid(3);
    args.prepend(arguments.mid(1, 2).join(u' '));
    args.prepend(arguments.value(0));
    return args;
}

QJsonObject ruleToJson(const ValidationRuleInfo& rule, const ValidationSettings& settings) {
    QJsonObject params;
    const QMap<QString, QString> values = settings.params(rule.code);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        params.insert(it.key(), it.value());
    return QJsonObject{{u"code"_s, rule.code},
                       {u"enabled"_s, settings.enabled(rule.code)},
                       {u"params"_s, params},
                       {u"description"_s, rule.description}};
}

int runList(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    if (auto exit =
            parse(parser, subArguments(arguments), u"Lists the validation rules and their settings."_s))
        return *exit;
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        const ValidationSettings settings = ValidationStore::loadSettings(db);
        if (wantsJson(parser)) {
            QJsonArray array;
            for (const ValidationRuleInfo& rule : ValidationSettings::catalogue())
                array.append(ruleToJson(rule, settings));
            printJson(array);
            return int(Success);
        }
        for (const ValidationRuleInfo& rule : ValidationSettings::catalogue()) {
            QStringList params;
            const QMap<QString, QString> values = settings.params(rule.code);
            for (auto it = values.cbegin(); it != values.cend(); ++it)
                params << it.key() + u'=' + it.value();
            out() << u"%1 %2 %3\n    %4\n"_s.arg(rule.code.leftJustified(24),
                                                 settings.enabled(rule.code) ? u"on "_s : u"off"_s,
                                                 params.join(u' '), rule.description);
        }
        out().flush();
        return int(Success);
    });
}

int runSwitch(const QStringList& arguments, bool enable) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(u"code"_s, u"The rule's reason code, e.g. HIGH_VALUE."_s, u"CODE"_s);
    if (enable)
        parser.addOption({u"param"_s, u"Set a parameter (repeatable), e.g. --param threshold_minor=250000."_s,
                          u"key=value"_s});
    if (auto exit = parse(parser, subArguments(arguments),
                          enable ? u"Switches a validation rule on; --param sets its parameters."_s
                                 : u"Switches a validation rule off."_s))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        err() << u"ordo validation: name exactly one rule code\n"_s;
        err().flush();
        return UsageError;
    }
    QMap<QString, QString> params;
    if (enable) {
        for (const QString& p : parser.values(u"param"_s)) {
            const qsizetype eq = p.indexOf(u'=');
            if (eq <= 0) {
                err() << u"ordo validation: --param takes key=value, not '%1'\n"_s.arg(p);
                err().flush();
                return UsageError;
            }
            params.insert(p.left(eq).trimmed(), p.mid(eq + 1).trimmed());
        }
    }
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        ValidationSettings settings = ValidationStore::loadSettings(db);
        const QString code = parser.positionalArguments().first().toUpper();
        settings.set(code, enable, params);
        ValidationStore::saveSetting(db, settings, code, commandLineActor());
        const ValidationRuleInfo* rule = ValidationSettings::info(code);
        if (wantsJson(parser))
            printJson(ruleToJson(*rule, settings));
        else
            out() << u"%1 is %2\n"_s.arg(code, enable ? u"on"_s : u"off"_s);
        out().flush();
        return int(Success);
    });
}

} // namespace

int runValidationCommand(const QStringList& arguments) {
    const QString sub = arguments.value(2);
    if (sub == u"list"_s)
        return runList(arguments);
    if (sub == u"enable"_s || sub == u"disable"_s)
        return runSwitch(arguments, sub == u"enable"_s);
    if (sub == u"--help"_s || sub == u"-h"_s || sub == u"help"_s) {
        printUsage(out());
        return Success;
    }
    err() << u"ordo validation: unknown subcommand '%1'\n"_s.arg(sub);
    printUsage(err());
    return UsageError;
}

} // namespace ordo::cli
