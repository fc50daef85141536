// `ordo rules export|import|publish|list`: the routing rules as versioned JSON documents.
#include "CliSupport.h"
#include "Commands.h"
#include "sourcing/RuleSetJson.h"
#include "sourcing/RuleSetRepository.h"
#include "storage/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

void printUsage(QTextStream& stream) {
    stream
        << u"Usage: ordo rules <subcommand> [options]   (ordo rules <subcommand> --help)\n\n"
           "Subcommands:\n"
           "  list      Every version of the routing rules: draft, active or archived.\n"
           "  export    Write the active rules (or --version N) to a JSON file, or - for standard output.\n"
           "  import    Store a JSON file as a new draft version and print its number.\n"
           "  publish   Make a draft the active rules (the active one is archived).\n"_s;
    stream.flush();
}

// "ordo rules export" is shown as the program.
std::optional<int> parseSub(QCommandLineParser& parser, const QStringList& arguments,
                            const QString& description) {
    QStringList args = arguments.mid(3);
    args.prepend(arguments.value(1) + u' ' + arguments.value(2));
    args.prepend(arguments.value(0));
    return parse(parser, args, description);
}

int usage(const QString& sub, const QString& message) {
    err() << u"ordo rules %1: %2\nTry 'ordo rules %1 --help'.\n"_s.arg(sub, message);
    err().flush();
    return UsageError;
}

QJsonValue timeOrNull(const QDateTime& t) {
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

std::optional<int> positiveInt(const QString& text) {
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok && value > 0 ? std::optional<int>(value) : std::nullopt;
}

int runList(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    if (auto exit = parseSub(parser, arguments, u"Lists every version of the routing rules, newest first."_s))
        return *exit;
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        const QList<RuleSetVersion> versions = RuleSetRepository(db).list();
        if (wantsJson(parser)) {
            QJsonArray list;
            for (const RuleSetVersion& v : versions)
                list.append(QJsonObject{
                    {u"version"_s, v.version},
                    {u"state"_s, ruleSetStateCode(v.state)},
                    {u"author"_s, v.author},
                    {u"created_at"_s, timeOrNull(v.createdAt)},
                    {u"comment"_s, v.comment},
                    {u"published_at"_s, timeOrNull(v.publishedAt)},
                    {u"published_by"_s, v.publishedBy.isEmpty() ? QJsonValue() : v.publishedBy},
                    {u"publish_comment"_s, v.publishComment.isEmpty() ? QJsonValue() : v.publishComment}});
            printJson(list);
            return int(Success);
        }
        if (versions.isEmpty())
            out() << u"No rules stored: the built-in defaults (version 0) are active.\n"_s;
        for (const RuleSetVersion& v : versions) {
            out() << u"v%1  %2  %3  %4"_s.arg(v.version)
                         .arg(ruleSetStateCode(v.state), -8)
                         .arg(v.createdAt.toString(Qt::ISODate), v.author);
            if (!v.comment.isEmpty())
                out() << u"  \""_s << v.comment << u'"';
            if (v.publishedAt.isValid())
                out() << u"  published %1 by %2: \"%3\""_s.arg(v.publishedAt.toString(Qt::ISODate),
                                                               v.publishedBy, v.publishComment);
            out() << u'\n';
        }
        out().flush();
        return int(Success);
    });
}

int runExport(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser, false);
    parser.addOption({u"version"_s, u"Export this version instead of the active one."_s, u"n"_s});
    parser.addPositionalArgument(u"file"_s, u"Where to write the JSON, or - for standard output."_s,
                                 u"FILE|-"_s);
    if (auto exit =
            parseSub(parser, arguments,
                     u"Writes the active routing rules (or --version N) as JSON. Without stored rules the "
                     "built-in defaults are written as version 0."_s))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usage(u"export"_s, u"give one file, or - for standard output"_s);
    std::optional<int> version;
    if (parser.isSet(u"version"_s) && !(version = positiveInt(parser.value(u"version"_s))))
        return usage(u"export"_s, u"--version takes a version number of 1 or more"_s);
    const QString file = parser.positionalArguments().constFirst();
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        RuleSetRepository repository(db);
        RuleSet rules;
        if (version) {
            const auto stored = repository.load(*version);
            if (!stored)
                throw Error::notFound(
                    u"there is no rule set version %1 in %2"_s.arg(*version).arg(db.displayName()));
            rules = *stored;
        } else {
            rules = repository.active();
        }
        const QByteArray bytes = RuleSetJson::toBytes(rules);
        if (file == u"-"_s) {
            out() << QString::fromUtf8(bytes);
            out().flush();
            return int(Success);
        }
        QSaveFile target(file);
        if (!target.open(QIODevice::WriteOnly) || target.write(bytes) != bytes.size() || !target.commit())
            throw Error::input(u"%1: cannot be written: %2"_s.arg(file, target.errorString()));
        err() << u"rules version %1 (%2) written to %3\n"_s.arg(rules.version)
                     .arg(ruleSetStateCode(rules.state), file);
        err().flush();
        return int(Success);
    });
}

int runImport(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({u"comment"_s, u"What this draft changes, kept with the version."_s, u"text"_s});
    parser.addPositionalArgument(u"file"_s, u"The rules JSON, or - for standard input."_s, u"FILE|-"_s);
    if (auto exit =
            parseSub(parser, arguments,
                     u"Checks a rules JSON file and stores it as a new draft version (nothing is routed with "
                     "it until it is published). A file with any mistake is refused whole, naming the JSON "
                     "path and the reason. Prints the new version number."_s))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usage(u"import"_s, u"give one file, or - for standard input"_s);
    const QString file = parser.positionalArguments().constFirst();
    return guarded([&] {
        QByteArray bytes;
        if (file == u"-"_s) {
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly))
                throw Error::input(u"standard input cannot be read"_s);
            bytes = in.readAll();
        } else {
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly))
                throw Error::input(u"%1: cannot be read: %2"_s.arg(file, in.errorString()));
            bytes = in.readAll();
        }
        RuleSet rules;
        try {
            rules = RuleSetJson::fromBytes(bytes);
        } catch (const Error& e) {
            throw Error::input(u"%1: %2"_s.arg(file == u"-"_s ? u"standard input"_s : file, e.message()));
        }
        Database db = Database::open(databaseUrl(parser));
        const RuleSet stored =
            RuleSetRepository(db).saveDraft(rules, commandLineActor(), parser.value(u"comment"_s));
        if (wantsJson(parser))
            printJson(QJsonObject{{u"version"_s, stored.version},
                                  {u"state"_s, ruleSetStateCode(stored.state)},
                                  {u"strategies"_s, int(stored.strategies.size())}});
        else
            out() << stored.version << u'\n';
        out().flush();
        return int(Success);
    });
}

int runPublish(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({u"version"_s, u"The draft to publish."_s, u"n"_s});
    parser.addOption({u"comment"_s, u"Why it is published (required)."_s, u"text"_s});
    if (auto exit =
            parseSub(parser, arguments,
                     u"Makes a draft version the active routing rules; the active version before it is "
                     "archived, in one transaction."_s))
        return *exit;
    const auto version = positiveInt(parser.value(u"version"_s));
    if (!version)
        return usage(u"publish"_s, u"give the draft's --version N"_s);
    if (parser.value(u"comment"_s).trimmed().isEmpty())
        return usage(u"publish"_s, u"give a --comment saying why"_s);
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        const RuleSet active =
            RuleSetRepository(db).publish(*version, commandLineActor(), parser.value(u"comment"_s));
        if (wantsJson(parser))
            printJson(QJsonObject{{u"version"_s, active.version},
                                  {u"state"_s, ruleSetStateCode(active.state)},
                                  {u"published_at"_s, timeOrNull(active.publishedAt)}});
        else
            out() << u"rules version %1 is now active\n"_s.arg(active.version);
        out().flush();
        return int(Success);
    });
}

} // namespace

int runRulesCommand(const QStringList& arguments) {
    const QString sub = arguments.value(2);
    if (sub == u"list"_s)
        return runList(arguments);
    if (sub == u"export"_s)
        return runExport(arguments);
    if (sub == u"import"_s)
        return runImport(arguments);
    if (sub == u"publish"_s)
        return runPublish(arguments);
    if (sub == u"--help"_s || sub == u"-h"_s || sub == u"help"_s) {
        printUsage(out());
        return Success;
    }
    if (sub.isEmpty())
        err() << u"ordo rules: no subcommand given\n"_s;
    else
        err() << u"ordo rules: unknown subcommand '%1'\n"_s.arg(sub);
    printUsage(err());
    return UsageError;
}

} // namespace ordo::cli
