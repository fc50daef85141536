#include "CliSupport.h"

#include "storage/Database.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace ordo::cli {

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err() {
    static QTextStream stream(stderr);
    return stream;
}

void addCommonOptions(QCommandLineParser& parser, bool withJson) {
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addOption({u"db"_s,
                      u"Database: a file path (SQLite) or postgresql://user@host:port/dbname. "
                      "Default: %1"_s.arg(Database::defaultUrl()),
                      u"url"_s});
    if (withJson)
        parser.addOption({u"json"_s, u"Print JSON instead of text."_s});
}

std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments,
                         const QString& description) {
    parser.setApplicationDescription(description);
    // QCommandLineParser expects the program name first; "ordo import" is shown as the program.
    QStringList args = arguments.mid(2);
    args.prepend(arguments.value(0) + u' ' + arguments.value(1));
    if (!parser.parse(args)) {
        err() << parser.errorText() << u"\n"_s << u"Try '%1 --help'.\n"_s.arg(args.first());
        err().flush();
        return UsageError;
    }
    if (parser.isSet(u"help"_s)) {
        out() << parser.helpText().replace(QFileInfo(args.first()).fileName(), args.first());
        out().flush();
        return Success;
    }
    return std::nullopt;
}

QString databaseUrl(const QCommandLineParser& parser) {
    return parser.isSet(u"db"_s) ? parser.value(u"db"_s) : Database::defaultUrl();
}

bool wantsJson(const QCommandLineParser& parser) {
    return parser.optionNames().contains(u"json"_s) && parser.isSet(u"json"_s);
}

qint64 integerOption(const QCommandLineParser& parser, const QString& name, qint64 low, qint64 high) {
    bool ok = false;
    const qint64 value = parser.value(name).trimmed().toLongLong(&ok);
    if (!ok || value < low || value > high)
        throw Error::usage(u"--%1 '%2' must be a whole number from %3 to %4"_s.arg(name, parser.value(name))
                               .arg(low)
                               .arg(high));
    return value;
}

qint64 byteSizeOption(const QCommandLineParser& parser, const QString& name, qint64 most) {
    const QString text = parser.value(name).trimmed();
    static const QRegularExpression shape(u"^([0-9]{1,15})\\s*(|k|kib|m|mib|g|gib)$"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = shape.match(text);
    const qint64 number = match.hasMatch() ? match.captured(1).toLongLong() : 0;
    if (number <= 0)
        throw Error::usage(u"--%1 '%2' is not a size: give bytes, or a number with K, M or G (64M, 1G)"_s.arg(
            name, parser.value(name)));
    const QChar unit = match.captured(2).isEmpty() ? QChar() : match.captured(2).at(0).toLower();
    const int shift = unit == u'k' ? 10 : unit == u'm' ? 20 : unit == u'g' ? 30 : 0;
    if (number > (most >> shift))
        throw Error::usage(
            u"--%1 '%2' is too large: at most %3 GiB"_s.arg(name, parser.value(name)).arg(most >> 30));
    return number << shift;
}

Actor commandLineActor() {
    QString user = qEnvironmentVariable("ORDO_USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USER", u"operator"_s);
    return Actor{user, Role::Admin};
}

void addProgressOption(QCommandLineParser& parser) {
    parser.addOption({u"progress"_s, u"Print \"progress: committed ...\" on standard error as each unit of "
                                     "work commits (what it names is saved even if the command is stopped "
                                     "right after)."_s});
}

bool wantsProgress(const QCommandLineParser& parser) {
    return parser.optionNames().contains(u"progress"_s) && parser.isSet(u"progress"_s);
}

void printCommitted(const QString& what) {
    err() << u"progress: committed "_s << what << u'\n';
    err().flush();
}

void printJson(const QJsonValue& value) {
    QByteArray text;
    if (value.isArray())
        text = QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
    else
        text = QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    out() << QString::fromUtf8(text);
    out().flush();
}

int exitCodeFor(const Error& error) {
    switch (error.kind()) {
    case Error::Kind::Usage:
        return UsageError;
    case Error::Kind::Input:
    case Error::Kind::State:
    case Error::Kind::NotFound:
    case Error::Kind::Denied:
        return InputRejected;
    case Error::Kind::Storage:
        return Failure;
    }
    return Failure;
}

int guarded(const std::function<int()>& body) {
    try {
        return body();
    } catch (const Error& e) {
        out().flush();
        err() << u"ordo: "_s << e.message() << u'\n';
        err().flush();
        return exitCodeFor(e);
    } catch (const std::exception& e) {
        out().flush();
        err() << u"ordo: unexpected failure: "_s << QString::fromLocal8Bit(e.what()) << u'\n';
        err().flush();
        return Failure;
    }
}

} // namespace ordo::cli
