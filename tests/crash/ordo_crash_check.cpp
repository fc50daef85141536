// The crash harness's two tools (scripts/crash-harness.sh):
//   ordo_crash_check world DIR [--seed S] [--skus N] [--orders N] [--events N]
//       writes the harness's input files (CrashWorld.h)
//   ordo_crash_check check --db URL [--progress FILE] [--sources] [--counts-out FILE] [--expect FILE]
//       checks a database after a command was killed (CrashChecks.h): prints one verdict a line and exits 1
//       when any fails. --progress: the killed command's standard error, with its "progress: committed"
//       lines;
//       --sources: every order came from a channel document; --counts-out: writes the figures a rerun must
//       match; --expect: compares them with those an uninterrupted run wrote.
#include "CrashChecks.h"
#include "CrashWorld.h"
#include "Error.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::input(u"cannot read %1: %2"_s.arg(path, file.errorString()));
    return file.readAll();
}

int number(const QCommandLineParser& parser, const QString& name) {
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < 0)
        throw Error::usage(u"--%1 must be a whole number, not '%2'"_s.arg(name, parser.value(name)));
    return value;
}

int makeWorld(const QCommandLineParser& parser) {
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2)
        throw Error::usage(u"world needs the folder to write to"_s);
    test::CrashWorldSize size;
    size.skus = std::max(20, number(parser, u"skus"_s));
    size.orders = number(parser, u"orders"_s);
    size.events = number(parser, u"events"_s);
    test::writeCrashWorld(args.at(1), parser.value(u"seed"_s).toULongLong(), size);
    out() << u"crash world (seed %1): %2 SKUs, %3 orders, %4 events in %5\n"_s.arg(parser.value(u"seed"_s))
                 .arg(size.skus)
                 .arg(size.orders)
                 .arg(size.events)
                 .arg(args.at(1));
    return 0;
}

int check(const QCommandLineParser& parser) {
    if (!parser.isSet(u"db"_s))
        throw Error::usage(u"check needs --db URL"_s);
    Database db = Database::open(
        parser.value(u"db"_s), Database::Options{.migrate = true, .create = false, .sqliteSynchronous = {}});
    test::CrashCheckOptions options;
    options.ordersHaveSources = parser.isSet(u"sources"_s);
    if (parser.isSet(u"progress"_s))
        options.committed = test::readCommittedUnits(readFile(parser.value(u"progress"_s)));
    QList<test::CrashVerdict> verdicts = test::runCrashChecks(db, options);
    const QMap<QString, qint64> counts = test::crashCounts(db);
    if (parser.isSet(u"counts-out"_s)) {
        QFile file(parser.value(u"counts-out"_s));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(test::countsText(counts)) < 0)
            throw Error::storage(u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString()));
    }
    if (parser.isSet(u"expect"_s))
        verdicts << test::compareCounts(counts, test::countsFromText(readFile(parser.value(u"expect"_s))));
    bool ok = true;
    for (const test::CrashVerdict& v : std::as_const(verdicts)) {
        out() << (v.ok() ? u"ok    "_s : u"FAIL  "_s) << v.check << u": "_s << v.summary << u'\n';
        for (const QString& failure : v.failures)
            out() << u"        "_s << failure << u'\n';
        ok = ok && v.ok();
    }
    out().flush();
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(u"command"_s, u"world DIR | check"_s);
    parser.addOption({u"db"_s, u"check: the database URL."_s, u"url"_s});
    parser.addOption({u"progress"_s, u"check: the killed command's standard error."_s, u"file"_s});
    parser.addOption({u"sources"_s, u"check: every order came from a channel document."_s});
    parser.addOption({u"counts-out"_s, u"check: write the figures a rerun must match."_s, u"file"_s});
    parser.addOption({u"expect"_s, u"check: the figures of an uninterrupted run."_s, u"file"_s});
    parser.addOption({u"seed"_s, u"world: the seed."_s, u"n"_s, u"1"_s});
    parser.addOption({u"skus"_s, u"world: SKUs."_s, u"n"_s, u"300"_s});
    parser.addOption({u"orders"_s, u"world: orders."_s, u"n"_s, u"2000"_s});
    parser.addOption({u"events"_s, u"world: inventory events."_s, u"n"_s, u"40000"_s});
    parser.process(app);
    const QString command = parser.positionalArguments().value(0);
    try {
        if (command == u"world"_s)
            return makeWorld(parser);
        if (command == u"check"_s)
            return check(parser);
        throw Error::usage(u"give a command: world DIR or check --db URL"_s);
    } catch (const Error& e) {
        QTextStream(stderr) << u"ordo_crash_check: "_s << e.message() << u'\n';
        return e.kind() == Error::Kind::Usage ? 2 : 1;
    }
}
