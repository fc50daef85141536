#pragma once

#include "model/Actor.h"

#include <QString>

namespace ordo::ui {

struct ConsoleOptions {
    QString databaseUrl;
    Actor actor;
};

// Opens the database, shows the console's main window and runs the event loop; returns the exit code.
// Expects the QApplication to exist. A database that cannot be opened is reported in a dialog (exit code 1).
int runConsole(const ConsoleOptions& options);

} // namespace ordo::ui
