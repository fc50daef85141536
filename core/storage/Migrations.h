#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace ordo {

class Database;

// Forward-only schema migrations. Version N is reached by applying steps 1..N in order, each in its own
// transaction together with the version bump, so a failed step leaves the database at N-1. A database whose
// version is newer than the program is refused: an older Ordo must not write a schema it does not know.
struct Migration {
    int version;
    QString description;
    std::function<void(Database&)> apply;
};

class Migrations {
public:
    static const QList<Migration>& all();
    static int latestVersion();
    // 0 for an empty database.
    static int currentVersion(Database& db);
    // Applies pending steps (or, with migrate false, refuses a database that needs them).
    static void bringUpToDate(Database& db, bool migrate);
};

} // namespace ordo
