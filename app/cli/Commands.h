#pragma once

#include <QString>
#include <QStringList>

namespace ordo::cli {

// Each command takes the whole argument list (program, command name, options) and returns the exit code.
int runImportCommand(const QStringList& arguments);
int runDemoCommand(const QStringList& arguments);
int runOrdersCommand(const QStringList& arguments);
int runOrderCommand(const QStringList& arguments);

struct CommandInfo {
    QString name;
    QString summary;
    int (*run)(const QStringList&);
};
// The command table, in the order `ordo --help` lists them.
const QList<CommandInfo>& commands();

} // namespace ordo::cli
