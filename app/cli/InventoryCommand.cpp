// `ordo inventory apply`: stock deltas and snapshots from a file or standard input into the ledger;
// `ordo inventory <segmentation subcommand>` is handed to runInventorySegmentationCommand.
#include "CliSupport.h"
#include "Commands.h"
#include "formats/InventoryFileReader.h"
#include "inventory/InventoryLedger.h"
#include "storage/Database.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

const QStringList segmentationSubcommands = {u"group"_s,   u"pool"_s,   u"policy"_s,
                                             u"exclude"_s, u"supply"_s, u"config"_s};

void printUsage(QTextStream& stream) {
    stream << u"Usage: ordo inventory <subcommand> [options]   (ordo inventory <subcommand> --help)\n\n"
              "Subcommands:\n"
              "  apply     Apply stock deltas and snapshots from a CSV or JSON lines file, or stdin.\n"
              "  group     Location groups.\n"
              "  pool      Which locations serve a channel, per delivery method.\n"
              "  policy    A channel's buffer and future supply horizon.\n"
              "  exclude   SKUs or locations kept from a channel.\n"
              "  supply    Inbound purchase orders (future supply).\n"
              "  config    Import or export the whole segmentation configuration.\n"_s;
    stream.flush();
}

void printText(const ApplyReport& report, const QString& source) {
    if (report.rolledBack)
        out() << source
              << u": nothing applied: %1 rejected event(s); without --partial one bad event stops the "
                 "whole input (%2 unchanged, %3 duplicates)\n"_s.arg(report.rejected)
                     .arg(report.unchanged)
                     .arg(report.duplicates);
    else
        out() << source << u": %1 applied"_s.arg(report.applied)
              << (report.zeroed > 0 ? u" (%1 set to zero by the full snapshot)"_s.arg(report.zeroed)
                                    : QString())
              << u", %1 unchanged, %2 duplicates, %3 rejected\n"_s.arg(report.unchanged)
                     .arg(report.duplicates)
                     .arg(report.rejected);
    out().flush();
    for (const ImportIssue& issue : report.errors) {
        err() << u"error: "_s << issue.file;
        if (issue.line > 0)
            err() << u" line "_s << issue.line;
        err() << u": "_s << issue.message << u'\n';
    }
    err().flush();
}

int runApply(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    addProgressOption(parser);
    parser.addOption(
        {u"partial"_s, u"Apply the good events and list the rejected ones (default: all or nothing)."_s});
    parser.addOption(
        {u"full"_s, u"A snapshot sets the SKUs of its locations that it does not list to zero."_s});
    parser.addOption({u"format"_s, u"csv or jsonl (default: recognised from the content)."_s, u"format"_s});
    parser.addOption({u"batch-size"_s,
                      u"With --partial: events per transaction (default %1 on SQLite, %2 on PostgreSQL)."_s
                          .arg(InventoryLedger::defaultBatchSize(Engine::Sqlite))
                          .arg(InventoryLedger::defaultBatchSize(Engine::Postgres)),
                      u"n"_s});
    parser.addPositionalArgument(u"file"_s, u"The file to apply, or - for standard input."_s, u"FILE|-"_s);
    const QString description =
        u"Applies inventory events to the positions and records each in the ledger:\n"
        "  deltas CSV     event_id,location_id,sku,delta,reason[,occurred_at]\n"
        "  snapshot CSV   location_id,sku,on_hand[,safety_stock]\n"
        "  JSON lines     one object per line with those fields and \"type\": \"delta\" or \"snapshot\"\n"
        "Each event is applied once: replaying a file changes nothing (its events count as duplicates). "
        "Events "
        "that change nothing are not written. A delta may not make on hand negative. Without --partial the "
        "input is applied in one transaction, or not at all when any event is rejected. With --full, a bad "
        "row stops the whole input even with --partial (an incomplete count must not zero stock).\n"
        "Exit codes: 0 everything applied, unchanged or duplicate; 3 an event rejected or the input refused; "
        "2 usage error; 1 a database failure."_s;
    // "ordo inventory apply" is shown as the program.
    QStringList args = arguments.mid(3);
    args.prepend(arguments.value(1) + u' ' + arguments.value(2));
    args.prepend(arguments.value(0));
    if (auto exit = parse(parser, args, description))
        return *exit;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        err() << u"ordo inventory apply: give one file, or - for standard input\n"
                 "Try 'ordo inventory apply --help'.\n"_s;
        err().flush();
        return UsageError;
    }
    int batchSize = 0;
    if (parser.isSet(u"batch-size"_s)) {
        bool ok = false;
        batchSize = parser.value(u"batch-size"_s).toInt(&ok);
        if (!ok || batchSize < 1 || !parser.isSet(u"partial"_s)) {
            err()
                << u"ordo inventory apply: --batch-size goes with --partial and is a whole number of events, "
                   "at least 1\nTry 'ordo inventory apply --help'.\n"_s;
            err().flush();
            return UsageError;
        }
    }
    InventoryFileFormat format = InventoryFileFormat::Auto;
    if (parser.isSet(u"format"_s)) {
        const QString name = parser.value(u"format"_s);
        if (name == u"csv"_s) {
            format = InventoryFileFormat::Csv;
        } else if (name == u"jsonl"_s) {
            format = InventoryFileFormat::JsonLines;
        } else {
            err() << u"ordo inventory apply: --format must be csv or jsonl, not '%1'\n"_s.arg(name);
            err().flush();
            return UsageError;
        }
    }

    return guarded([&] {
        const bool json = wantsJson(parser);
        const QString path = files.first();
        InventoryFile file;
        try {
            file = InventoryFileReader::readFile(path, format);
        } catch (const Error& e) {
            if (!json || e.kind() != Error::Kind::Input)
                throw;
            ApplyReport refused;
            refused.rolledBack = true;
            refused.errors << ImportIssue{path == u"-"_s ? u"stdin"_s : path, 0, e.message()};
            QJsonObject report = refused.toJson();
            report.insert(u"refused"_s, true);
            printJson(report);
            return int(InputRejected);
        }
        Database db = Database::open(databaseUrl(parser));
        ApplyOptions options;
        options.partial = parser.isSet(u"partial"_s);
        options.fullSnapshot = parser.isSet(u"full"_s);
        options.batchSize = batchSize;
        options.source = file.source;
        if (wantsProgress(parser))
            options.onCommitted = [](qsizetype done, qsizetype total, const ApplyReport&) {
                printCommitted(u"%1 of %2 events"_s.arg(done).arg(total));
            };
        // Rows that could not be read: without --partial (or with --full) nothing is written, but every event
        // is still checked so that the report lists all the problems at once.
        const bool unreadable = !file.errors.isEmpty();
        options.dryRun = unreadable && (!options.partial || options.fullSnapshot);
        ApplyReport report = InventoryLedger(db).apply(file.events, options, commandLineActor());
        if (unreadable) {
            report.rejected += int(file.errors.size());
            report.errors += file.errors;
            std::stable_sort(report.errors.begin(), report.errors.end(),
                             [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
            if (options.dryRun) {
                report.rolledBack = true;
                report.applied = 0;
                report.zeroed = 0;
            }
        }
        if (json)
            printJson(report.toJson());
        else
            printText(report, file.source);
        return int(report.rejected == 0 ? Success : InputRejected);
    });
}

} // namespace

int runInventoryCommand(const QStringList& arguments) {
    const QString sub = arguments.value(2);
    if (sub == u"apply"_s)
        return runApply(arguments);
    if (segmentationSubcommands.contains(sub))
        return runInventorySegmentationCommand(arguments);
    if (sub == u"--help"_s || sub == u"-h"_s || sub == u"help"_s) {
        printUsage(out());
        return Success;
    }
    if (sub.isEmpty())
        err() << u"ordo inventory: no subcommand given\n"_s;
    else
        err() << u"ordo inventory: unknown subcommand '%1'\n"_s.arg(sub);
    printUsage(err());
    return UsageError;
}

} // namespace ordo::cli
