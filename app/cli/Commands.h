#pragma once

#include <QString>
#include <QStringList>

namespace ordo::cli {

// Each command takes the whole argument list (program, command name, options) and returns the exit code.
int runImportCommand(const QStringList& arguments);
int runDemoCommand(const QStringList& arguments);
int runOrdersCommand(const QStringList& arguments);
int runOrderCommand(const QStringList& arguments);
// `ordo order fix-address|map-sku|revalidate` (arguments[2] being the subcommand).
bool isOrderFixCommand(const QString& subcommand);
int runOrderFixCommand(const QStringList& arguments);
int runReserveCommand(const QStringList& arguments);
int runInventoryCommand(const QStringList& arguments);
// `ordo inventory group|pool|policy|exclude|supply|config ...`: segmentation (arguments as for every command,
// arguments[2] being the subcommand).
int runInventorySegmentationCommand(const QStringList& arguments);
int runAtpCommand(const QStringList& arguments);
int runSimulateCommand(const QStringList& arguments);
int runRouteCommand(const QStringList& arguments);
int runRejectCommand(const QStringList& arguments);
// `ordo rules list|export|import|publish` (arguments[2] being the subcommand).
int runRulesCommand(const QStringList& arguments);
int runExceptionsCommand(const QStringList& arguments);
// `ordo exceptions route-again|assign|backorder` (arguments[2] being the action).
int runExceptionActionsCommand(const QStringList& arguments);
int runDocumentsCommand(const QStringList& arguments);
int runSkusCommand(const QStringList& arguments);
int runValidationCommand(const QStringList& arguments);
// `ordo partners list|set` (arguments[2] being the subcommand).
int runPartnersCommand(const QStringList& arguments);

struct CommandInfo {
    QString name;
    QString summary;
    int (*run)(const QStringList&);
};
// The command table, in the order `ordo --help` lists them.
const QList<CommandInfo>& commands();

} // namespace ordo::cli
