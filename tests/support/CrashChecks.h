#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ordo {
class Database;
}

namespace ordo::test {

// What a command said it had committed before it died: its "progress: committed ..." lines (--progress).
//   import         "order SHOP-1001 (captured)"   -> orders, with the outcome
//   route          "order SHOP-1001 (reserved)"   -> orders, with the action
//   inventory      "5000 of 60000 events"         -> events: the first 5000 of the input are behind a commit
//   demo           "3000 of 3000 orders"          -> demoOrders
struct CommittedUnits {
    QMap<QString, QString> orders; // order number -> outcome or action, the last one reported
    qint64 events = 0;
    qint64 demoOrders = 0;
    int lines = 0; // progress lines read
};
CommittedUnits readCommittedUnits(const QByteArray& progressOutput);

// The consistency of a database after a command was killed (scripts/crash-harness.sh). Each check gives one
// verdict; `failures` names what is wrong, the first few cases of each fault, empty when the check passed.
struct CrashVerdict {
    QString check;
    QString summary; // what was checked, for the log
    QStringList failures;
    bool ok() const { return failures.isEmpty(); }
};

struct CrashCheckOptions {
    CommittedUnits committed;
    // The input event ids are eventIdPrefix + a zero-padded index of eventIdDigits, in input order, and every
    // one of them changes its position (tests/crash/CrashWorld writes them so): the first `committed.events`
    // must all be in the ledger.
    QString eventIdPrefix = QStringLiteral("crash-ev-");
    int eventIdDigits = 7;
    bool ordersHaveSources = false; // every order came from a channel document: each has its source kept
};

// SQLite: PRAGMA integrity_check and foreign_key_check. PostgreSQL checks its own pages on recovery.
CrashVerdict checkStorageIntegrity(Database& db);
// Every unit a progress line reported committed is in the database.
CrashVerdict checkCommittedUnits(Database& db, const CrashCheckOptions& options);
// No order is half written: its lines (as many as it says), its capture event, its last audited move (moves
// of some of its lines aside) equal to its status, its status the one its lines give, its source document;
// what its lines hold as their state allows.
CrashVerdict checkOrdersWhole(Database& db, const CrashCheckOptions& options);
// Ledger chains unbroken (LedgerChains), each position's figures those its latest event left.
CrashVerdict checkLedger(Database& db);
// Reserved on each position is the sum of its held reservations.
CrashVerdict checkReservedStock(Database& db);

QList<CrashVerdict> runCrashChecks(Database& db, const CrashCheckOptions& options);

// What an uninterrupted run leaves and a rerun after a kill must leave too: rows of orders, lines, source
// documents, open holds, reservations, ledger events, positions, the orders' audit events (less the "route"
// notes, which a rerun writes again for the orders it tries again: backordered ones), orders with a routing
// decision, orders per status, and the sums of on hand, reserved and held quantities.
QMap<QString, qint64> crashCounts(Database& db);
QByteArray countsText(const QMap<QString, qint64>& counts); // "name value" lines
QMap<QString, qint64> countsFromText(const QByteArray& text);
CrashVerdict compareCounts(const QMap<QString, qint64>& actual, const QMap<QString, qint64>& reference);

} // namespace ordo::test
