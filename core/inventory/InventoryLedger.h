#pragma once

#include "formats/ImportReport.h"
#include "model/Actor.h"
#include "model/InventoryEvent.h"
#include "storage/Dialect.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace ordo {

class Database;
class PositionSink;
struct ApplyReport;

struct ApplyOptions {
    bool partial = false;      // apply the good events and list the rest (default: all or nothing)
    bool fullSnapshot = false; // a snapshot sets the SKUs of its location that it does not list to zero
    bool dryRun = false;       // check everything and report, write nothing
    // Reject an event that takes on hand below the stock reserved for open orders, or further below it (a
    // count the import takes only when told to: `ordo import --allow-below-reserved`).
    bool refuseBelowReserved = false;
    QString source; // where the events came from, for error reports and the audit trail
    // Events per transaction with `partial` (without it: one transaction); 0:
    // InventoryLedger::defaultBatchSize.
    int batchSize = 0;
    // Told after each transaction commits: how many of the events (in input order) are now behind a commit,
    // of how many, and the report so far. A caller's progress shown from here stays true if the process dies
    // the next moment.
    std::function<void(qsizetype done, qsizetype total, const ApplyReport& soFar)> onCommitted;
};

// The outcome of applying events. Every event is counted once: applied (written to the ledger and its
// position), unchanged (it would change nothing, so nothing was written), duplicate (its event_id is already
// in the ledger, or earlier in the same input) or rejected (listed in errors with its line and reason).
struct ApplyReport {
    int applied = 0;
    int unchanged = 0;
    int duplicates = 0;
    int rejected = 0;
    int zeroed = 0;          // of applied: positions a full snapshot set to zero
    bool rolledBack = false; // atomic mode: an event was rejected, so nothing was saved
    QList<ImportIssue> errors;

    // {"applied":N,"unchanged":N,"duplicates":N,"rejected":N,"zeroed":N,"errors":[{"file","line","message"}]}
    QJsonObject toJson() const;
};

// The inventory ledger: applies deltas and snapshots to positions and records each change as a row of
// inventory_events, idempotently by event_id.
//
// Rules:
// - A delta adds to on hand; on hand may not go negative (such an event is rejected). A snapshot sets on
//   hand, and safety stock when it gives one. Reserved is never changed here; with refuseBelowReserved an
//   event that would leave on hand below reserved, and lower than it was, is rejected.
// - An event whose event_id is in the ledger already, or earlier in the same input, is a duplicate.
// - An event that changes nothing (delta 0, a count equal to on hand) is counted unchanged and written
// nowhere.
// - With fullSnapshot, right after the last snapshot event of a location in the input, every position of that
//   location whose SKU no snapshot event listed and whose on hand is not zero is set to zero; each of these
//   is a ledger event too, with an id derived from the location's snapshot event ids (so a replay is a
//   duplicate).
// - Without partial, all the events are applied in one transaction, or none if any is rejected. With partial,
//   the good events are applied in transactions of batchSize events and the rejected ones listed.
//
// Speed: each transaction reads the positions it needs once (chunked IN lists), evaluates the events in
// memory, then writes the ledger rows and the changed positions with multi-row statements: one read and at
// most one write per distinct position, never one statement per event. Event ids are not looked up first: the
// ledger's unique index refuses an id it holds as the rows go in, and only then is the transaction's work
// rolled back (to a savepoint) and run again with the ids looked up, so new events pay one index search, not
// two, and the outcome is the same. The audit trail gets one row per transaction (entity "inventory", with
// the counts); the ledger itself is the record of each event. After each commit the sink, if any, is told the
// final figures of every position whose figures changed.
class InventoryLedger {
public:
    explicit InventoryLedger(Database& db);

    ApplyReport apply(const QList<InventoryEvent>& events, const ApplyOptions& options, const Actor& actor,
                      PositionSink* sink = nullptr);

    // `partial`'s events per transaction. On SQLite a commit costs what it writes back: every page its events
    // touched, and random positions touch a page each. Past a few tens of thousands of events a batch touches
    // most pages of `positions` anyway, so larger batches cost hardly more per commit and far less per event
    // (bench_ingest, 1 M deltas over 1 M positions: 17,000 events/s at 10,000 per batch, 37,500 at 100,000);
    // the writer lock is held no longer than by an all-or-nothing apply of the same events. On PostgreSQL a
    // batch holds a row lock on every position it changes until it commits, which other writers
    // (reservations) wait for, so batches stay small there.
    static int defaultBatchSize(Engine engine) { return engine == Engine::Sqlite ? 100'000 : 10'000; }

private:
    Database& m_db;
};

} // namespace ordo
