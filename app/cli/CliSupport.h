#pragma once

#include "Error.h"
#include "model/Actor.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <optional>

namespace ordo::cli {

// Exit codes of every command (ARCHITECTURE.md, "One command line").
enum ExitCode : int { Success = 0, Failure = 1, UsageError = 2, InputRejected = 3 };

QTextStream& out(); // standard output, UTF-8
QTextStream& err(); // standard error, UTF-8

// Adds --db (and --json unless told not to) and --help.
void addCommonOptions(QCommandLineParser& parser, bool withJson = true);
// Parses `arguments` (arguments[0] is the program, arguments[1] the command). Prints help and returns Success
// for --help, prints the problem and returns UsageError for a bad command line, and nullopt to go on.
std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments,
                         const QString& description);
// --db, else the per-user standalone database.
QString databaseUrl(const QCommandLineParser& parser);
bool wantsJson(const QCommandLineParser& parser);
// The whole number given to --name, which must lie in [low, high] (Error::usage "--limit '2000000000' must be
// a whole number from 0 to 10000" otherwise): counts that size memory or work are bounded where they are
// read.
qint64 integerOption(const QCommandLineParser& parser, const QString& name, qint64 low, qint64 high);
// A size given to --name: bytes, or a number with K, M or G (KiB, MiB, GiB; any case), from 1 byte to
// `most`; Error::usage otherwise.
qint64 byteSizeOption(const QCommandLineParser& parser, const QString& name, qint64 most);
// The acting user of a command-line session: $ORDO_USER, else the login name; the command line is an
// operator's tool and acts as an administrator.
Actor commandLineActor();

// --progress: commands that commit in several units of work print a line on standard error as each commits.
void addProgressOption(QCommandLineParser& parser);
bool wantsProgress(const QCommandLineParser& parser);
// "progress: committed <what>", flushed at once: what it names is saved even if the process dies next.
void printCommitted(const QString& what);

void printJson(const QJsonValue& value);
int exitCodeFor(const Error& error);
// Runs a command body, turning ordo::Error and other exceptions into a message on stderr and an exit code.
int guarded(const std::function<int()>& body);

} // namespace ordo::cli
