// `ordo` opens the operations console; `ordo <command>` runs a command-line command. Both front ends call the
// same core services; this file only decides which one starts.
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>

#ifdef ORDO_WITH_GUI
#include "Console.h"

#include <QApplication>
#endif

using namespace Qt::StringLiterals;

namespace {

void setIdentity() {
    QCoreApplication::setOrganizationName(u"Ordo"_s);
    QCoreApplication::setApplicationName(u"ordo"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ORDO_VERSION));
}

void printUsage() {
    using namespace ordo::cli;
    out() << u"Usage: ordo [--db URL] [--user NAME]      open the operations console\n"
             "       ordo <command> [options]            run a command (ordo <command> --help)\n"
             "       ordo --version                      the program's version and its database schema's\n\n"
             "Commands:\n"_s;
    qsizetype width = 0;
    for (const CommandInfo& c : commands())
        width = std::max(width, c.name.size());
    for (const CommandInfo& c : commands())
        out() << u"  "_s << c.name.leftJustified(width + 1) << c.summary << u'\n';
    out() << u"\nExit codes: 0 success, 1 failure, 2 usage error, 3 input rejected.\n"_s;
    out().flush();
}

int runCommand(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    setIdentity();
    const QStringList arguments = QCoreApplication::arguments();
    const QString name = arguments.value(1);
    if (name == u"help"_s || name == u"--help"_s || name == u"-h"_s) {
        printUsage();
        return ordo::cli::Success;
    }
    if (name == u"--version"_s) {
        // The schema version says which databases this program opens: older ones it migrates, newer it
        // refuses.
        ordo::cli::out() << u"ordo "_s << QCoreApplication::applicationVersion() << u"\ndatabase schema "_s
                         << ordo::Migrations::latestVersion() << u'\n';
        ordo::cli::out().flush();
        return ordo::cli::Success;
    }
    for (const ordo::cli::CommandInfo& c : ordo::cli::commands())
        if (c.name == name)
            return c.run(arguments);
    ordo::cli::err() << u"ordo: unknown command '%1'\n"_s.arg(name);
    ordo::cli::err().flush();
    printUsage();
    return ordo::cli::UsageError;
}

} // namespace

int main(int argc, char** argv) {
    const bool console = argc < 2 || (argv[1][0] == '-' && qstrcmp(argv[1], "--help") != 0 &&
                                      qstrcmp(argv[1], "-h") != 0 && qstrcmp(argv[1], "--version") != 0);
    if (!console)
        return runCommand(argc, argv);

#ifdef ORDO_WITH_GUI
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(u"Ordo"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"db"_s, u"Database: a file path or postgresql://user@host:port/dbname."_s, u"url"_s});
    parser.addOption({u"user"_s, u"Sign in as this user (default: the login name)."_s, u"name"_s});
    parser.process(app);
    ordo::ui::ConsoleOptions options;
    options.databaseUrl = parser.isSet(u"db"_s) ? parser.value(u"db"_s) : ordo::Database::defaultUrl();
    options.actor = ordo::cli::commandLineActor();
    if (parser.isSet(u"user"_s))
        options.actor.user = parser.value(u"user"_s);
    return ordo::ui::runConsole(options);
#else
    return runCommand(argc, argv);
#endif
}
