// Durable inventory ingest on SQLite with synchronous=FULL (every commit reaches the disk).
// Sets up 50 locations x 20,000 SKUs of positions, writes a file of deltas (default 1,000,000 events on
// random positions) and measures, in the same run:
//   ordo_atomic    the file read and applied by `ordo inventory apply` (InventoryFileReader +
//   InventoryLedger):
//                  one transaction for the whole file
//   ordo_batched   the same with --partial: one transaction per InventoryLedger::defaultBatchSize events
//   ordo_autocommit one event per call, so one commit per event (on a sample, default 5,000 events)
//   bare           no Ordo code: QtSql's prepared "UPDATE positions SET on_hand = on_hand + ? WHERE
//                  location_id = ? AND sku_id = ?", as many per transaction as --partial, on the same events
//                  (the practical limit: no ledger, no idempotency, no checks); and again at 10,000 per
//                  transaction, the figure earlier runs compared against
//   same_rows      no Ordo code either, but the rows Ordo writes: per event the position's UPDATE ...
//   RETURNING
//                  on_hand (moving its ledger chain on) and its ledger row (with the ledger's unique event id
//                  and its link to the position's event before), as many per transaction as --partial: what
//                  the ledger itself costs, with no lookups, checks or batching
// and prints JSON with events/s for each and Ordo's rate as a fraction of the bare loop.
//   synchronous_modes  the database opened again with each SQLite synchronous mode of ORDO_BENCH_SYNCHRONOUS
//                  (default NORMAL,FULL): a batched ingest of events / 5 new deltas and the autocommit sample
//   bench_ingest [events] [autocommit_events] [cache_mib]
// cache_mib sets SQLite's page cache of the connection (default: what Database::open sets) for every
// measurement.
#include "formats/InventoryFileReader.h"
#include "inventory/InventoryLedger.h"
#include "storage/BulkInsert.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

constexpr int locationCount = 50;
constexpr int skuCount = 20'000;

struct Delta {
    int location; // 1-based, also the database id
    int sku;
    int quantity;
};

void setUp(Database& db) {
    Transaction tx(db);
    BulkInsert locations(db, u"locations"_s,
                         {u"id"_s, u"code"_s, u"name"_s, u"type"_s, u"latitude"_s, u"longitude"_s, u"ships"_s,
                          u"pickup"_s, u"daily_capacity"_s});
    for (int l = 1; l <= locationCount; ++l)
        locations.add({l, u"L%1"_s.arg(l), u"Location %1"_s.arg(l), u"store"_s, 40.0, -75.0, 1, 1, 0});
    locations.flush();
    BulkInsert skus(db, u"skus"_s,
                    {u"id"_s, u"code"_s, u"name"_s, u"weight_g"_s, u"price_minor"_s, u"currency"_s});
    for (int s = 1; s <= skuCount; ++s)
        skus.add({s, u"S%1"_s.arg(s), u"Item %1"_s.arg(s), 100, 999, u"USD"_s});
    skus.flush();
    BulkInsert positions(
        db, u"positions"_s,
        {u"location_id"_s, u"sku_id"_s, u"on_hand"_s, u"reserved"_s, u"safety_stock"_s, u"updated_at"_s});
    for (int l = 1; l <= locationCount; ++l)
        for (int s = 1; s <= skuCount; ++s)
            positions.add({l, s, 1'000'000, 0, 0, qint64(0)});
    positions.flush();
    tx.commit();
    BulkInsert::syncIdentity(db, u"locations"_s);
    BulkInsert::syncIdentity(db, u"skus"_s);
}

QList<Delta> makeDeltas(int count, quint32 seed) {
    QRandomGenerator random(seed);
    QList<Delta> deltas;
    deltas.reserve(count);
    for (int i = 0; i < count; ++i) {
        int quantity = int(random.bounded(-5, 6));
        if (quantity == 0)
            quantity = 1;
        deltas.append({int(random.bounded(locationCount)) + 1, int(random.bounded(skuCount)) + 1, quantity});
    }
    return deltas;
}

void writeFile(const QString& path, const QString& prefix, const QList<Delta>& deltas) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QByteArray text = "event_id,location_id,sku,delta,reason\n";
    text.reserve(deltas.size() * 40);
    const QByteArray p = prefix.toLatin1();
    for (qsizetype i = 0; i < deltas.size(); ++i) {
        const Delta& d = deltas.at(i);
        text += p + QByteArray::number(i) + ",L" + QByteArray::number(d.location) + ",S" +
                QByteArray::number(d.sku) + ',' + QByteArray::number(d.quantity) + ",pos\n";
    }
    file.write(text);
}

struct Timed {
    double readSeconds = 0;
    double applySeconds = 0;
    double cpuSeconds = 0; // read and apply
    int applied = 0;
};

double cpuSince(std::clock_t start) {
    return double(std::clock() - start) / CLOCKS_PER_SEC;
}

// The machine's 1-minute load average, so that figures measured beside other work can be read as such.
QString loadAverage() {
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(u' ', 0, 2)
                                          : QString();
}

Timed ordoIngest(Database& db, const QString& path, bool partial) {
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    const InventoryFile file = InventoryFileReader::readFile(path);
    Timed t;
    t.readSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!file.errors.isEmpty())
        qFatal("unexpected bad rows in %s", qPrintable(path));
    timer.restart();
    ApplyOptions options;
    options.partial = partial;
    options.source = path;
    const ApplyReport report = InventoryLedger(db).apply(file.events, options, Actor::system());
    t.applySeconds = double(timer.nsecsElapsed()) / 1e9;
    t.cpuSeconds = cpuSince(cpuStart);
    t.applied = report.applied;
    return t;
}

// Runs `event(i)` for i in [0, count), `batch` per transaction on `connection`, and returns the wall time in
// seconds (and the process's CPU time in `cpuSeconds`): the shared frame of the baselines with no Ordo code.
template <typename Event>
double timedInTransactions(QSqlDatabase& connection, qsizetype count, int batch, double& cpuSeconds,
                           Event event) {
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    for (qsizetype from = 0; from < count; from += batch) {
        QSqlQuery(connection).exec(u"BEGIN"_s);
        for (qsizetype i = from; i < std::min(count, from + batch); ++i)
            event(i);
        if (!QSqlQuery(connection).exec(u"COMMIT"_s))
            qFatal("commit failed");
    }
    cpuSeconds = cpuSince(cpuStart);
    return double(timer.nsecsElapsed()) / 1e9;
}

double bareLoop(Database& db, const QList<Delta>& deltas, int batch, double& cpuSeconds) {
    QSqlDatabase connection = db.connection();
    QSqlQuery update(connection);
    if (!update.prepare(u"UPDATE positions SET on_hand = on_hand + ? WHERE location_id = ? AND sku_id = ?"_s))
        qFatal("prepare failed");
    return timedInTransactions(connection, deltas.size(), batch, cpuSeconds, [&](qsizetype i) {
        const Delta& d = deltas.at(i);
        update.bindValue(0, d.quantity);
        update.bindValue(1, d.location);
        update.bindValue(2, d.sku);
        if (!update.exec())
            qFatal("update failed");
    });
}

double sameRowsLoop(Database& db, const QList<Delta>& deltas, int batch, double& cpuSeconds) {
    QSqlDatabase connection = db.connection();
    QSqlQuery update(connection);
    QSqlQuery insert(connection);
    if (!update.prepare(u"UPDATE positions SET on_hand = on_hand + ?, updated_at = ?, prior_event_id = "
                        "last_event_id, last_event_id = ? WHERE location_id = ? AND sku_id = ? "
                        "RETURNING on_hand, reserved, prior_event_id"_s) ||
        !insert.prepare(
            u"INSERT INTO inventory_events (event_id, location_id, sku_id, kind, quantity, "
            "on_hand_after, reserved_after, reason, occurred_at, recorded_at, actor, previous_event_id) "
            "VALUES (?, ?, ?, 'delta', ?, ?, ?, 'pos', ?, ?, 'bench', ?)"_s))
        qFatal("prepare failed");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return timedInTransactions(connection, deltas.size(), batch, cpuSeconds, [&](qsizetype i) {
        const Delta& d = deltas.at(i);
        const QString eventId = u"p%1"_s.arg(i);
        update.bindValue(0, d.quantity);
        update.bindValue(1, now);
        update.bindValue(2, eventId);
        update.bindValue(3, d.location);
        update.bindValue(4, d.sku);
        if (!update.exec() || !update.next())
            qFatal("update failed");
        insert.bindValue(0, eventId);
        insert.bindValue(1, d.location);
        insert.bindValue(2, d.sku);
        insert.bindValue(3, d.quantity);
        insert.bindValue(4, update.value(0));
        insert.bindValue(5, update.value(1));
        insert.bindValue(6, now);
        insert.bindValue(7, now);
        insert.bindValue(8, update.value(2));
        update.finish();
        if (!insert.exec())
            qFatal("insert failed");
    });
}

double autocommitPerEvent(Database& db, const QList<Delta>& deltas, const QString& idPrefix = u"a"_s) {
    InventoryLedger ledger(db);
    ApplyOptions options;
    options.source = u"autocommit"_s;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < deltas.size(); ++i) {
        const Delta& d = deltas.at(i);
        InventoryEvent e;
        e.eventId = idPrefix + QString::number(i);
        e.locationCode = u"L%1"_s.arg(d.location);
        e.skuCode = u"S%1"_s.arg(d.sku);
        e.quantity = d.quantity;
        e.reason = u"pos"_s;
        ledger.apply({e}, options, Actor::system());
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

// The SQLite synchronous modes compared in one run: ORDO_BENCH_SYNCHRONOUS, a comma-separated list (default
// NORMAL,FULL; FULL is what Database::open sets). For each, the database is opened again in that mode and
// takes a batched ingest of `events` new deltas and `autocommitEvents` deltas applied one call (one commit)
// each.
QJsonObject durabilityModes(const QString& path, const QString& dir, int events, int autocommitEvents) {
    QJsonObject byMode;
    quint32 seed = 20;
    for (QString mode : qEnvironmentVariable("ORDO_BENCH_SYNCHRONOUS", u"NORMAL,FULL"_s).split(u',')) {
        mode = mode.trimmed().toUpper();
        Database::Options options;
        options.sqliteSynchronous = mode;
        Database db = Database::open(path, options);
        const QString applied = SqlQuery(db, u"PRAGMA synchronous"_s).scalar().toString();
        const QString file = dir + u"/sync-"_s + mode + u".csv"_s;
        writeFile(file, u"m"_s + mode, makeDeltas(events, ++seed));
        const Timed batched = ordoIngest(db, file, true);
        const double autocommit = autocommitPerEvent(db, makeDeltas(autocommitEvents, ++seed), u"a"_s + mode);
        byMode.insert(mode, QJsonObject{{u"pragma_synchronous"_s, applied},
                                        {u"batched_events"_s, events},
                                        {u"batched_events_per_second"_s,
                                         events / (batched.readSeconds + batched.applySeconds)},
                                        {u"autocommit_events"_s, autocommitEvents},
                                        {u"autocommit_events_per_second"_s, autocommitEvents / autocommit}});
    }
    return byMode;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QString loadAtStart = loadAverage();
    const int events = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1'000'000;
    const int autocommitEvents = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 5'000;
    QTemporaryDir dir;
    Database db = Database::open(dir.filePath(u"ingest.sqlite"_s));
    SqlQuery::run(db, u"PRAGMA synchronous=FULL"_s);
    const int cacheMib = argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 0;
    if (cacheMib > 0)
        SqlQuery::run(db, u"PRAGMA cache_size=-%1"_s.arg(cacheMib * 1024));
    SqlQuery cache(db, u"PRAGMA cache_size"_s);
    const qint64 cacheKib = -cache.scalar().toLongLong();
    SqlQuery journal(db, u"PRAGMA journal_mode"_s);
    const QString journalMode = journal.scalar().toString();
    QElapsedTimer setup;
    setup.start();
    setUp(db);
    const double setupSeconds = double(setup.nsecsElapsed()) / 1e9;

    const QList<Delta> atomicDeltas = makeDeltas(events, 1);
    const QList<Delta> batchedDeltas = makeDeltas(events, 2);
    const QList<Delta> bareDeltas = makeDeltas(events, 3);
    const QString atomicFile = dir.filePath(u"atomic.csv"_s);
    const QString batchedFile = dir.filePath(u"batched.csv"_s);
    writeFile(atomicFile, u"e"_s, atomicDeltas);
    writeFile(batchedFile, u"b"_s, batchedDeltas);

    const Timed atomic = ordoIngest(db, atomicFile, false);
    const Timed batched = ordoIngest(db, batchedFile, true);
    // As many per transaction as Ordo's --partial commits on SQLite, so that the batched runs compare alike;
    // and, for comparison with earlier figures, 10,000 per transaction.
    double bareCpu = 0;
    const double bare = bareLoop(db, bareDeltas, InventoryLedger::defaultBatchSize(Engine::Sqlite), bareCpu);
    double bareSmallCpu = 0;
    const double bareSmall = bareLoop(db, makeDeltas(events, 5), 10'000, bareSmallCpu);
    double sameRowsCpu = 0;
    const double sameRows = sameRowsLoop(db, makeDeltas(events, 6),
                                         InventoryLedger::defaultBatchSize(Engine::Sqlite), sameRowsCpu);
    const double autocommit = autocommitPerEvent(db, makeDeltas(autocommitEvents, 4));
    const QJsonObject modes = durabilityModes(dir.filePath(u"ingest.sqlite"_s), dir.path(),
                                              std::max(1, events / 5), autocommitEvents);

    auto rate = [](qint64 n, double seconds) { return seconds > 0 ? double(n) / seconds : 0.0; };
    const double sameRowsRate = rate(events, sameRows);
    const double atomicRate = rate(events, atomic.readSeconds + atomic.applySeconds);
    const double batchedRate = rate(events, batched.readSeconds + batched.applySeconds);
    const double bareRate = rate(events, bare);
    const QJsonObject result{
        {u"benchmark"_s, u"ingest"_s},
        {u"engine"_s, QString(u"SQLite synchronous=FULL, journal_mode="_s + journalMode)},
        {u"positions"_s, locationCount * skuCount},
        {u"page_cache_mib"_s, cacheKib / 1024},
        {u"events"_s, events},
        {u"load_average_at_start"_s, loadAtStart},
        {u"load_average_at_end"_s, loadAverage()},
        {u"setup_seconds"_s, setupSeconds},
        {u"ordo_atomic"_s, QJsonObject{{u"applied"_s, atomic.applied},
                                       {u"read_seconds"_s, atomic.readSeconds},
                                       {u"apply_seconds"_s, atomic.applySeconds},
                                       {u"events_per_second"_s, atomicRate},
                                       {u"apply_events_per_second"_s, rate(events, atomic.applySeconds)},
                                       {u"cpu_seconds"_s, atomic.cpuSeconds},
                                       {u"events_per_cpu_second"_s, rate(events, atomic.cpuSeconds)}}},
        {u"ordo_batched"_s,
         QJsonObject{{u"applied"_s, batched.applied},
                     {u"events_per_transaction"_s, InventoryLedger::defaultBatchSize(Engine::Sqlite)},
                     {u"read_seconds"_s, batched.readSeconds},
                     {u"apply_seconds"_s, batched.applySeconds},
                     {u"events_per_second"_s, batchedRate},
                     {u"apply_events_per_second"_s, rate(events, batched.applySeconds)},
                     {u"cpu_seconds"_s, batched.cpuSeconds},
                     {u"events_per_cpu_second"_s, rate(events, batched.cpuSeconds)}}},
        {u"ordo_autocommit_per_event"_s,
         QJsonObject{{u"events"_s, autocommitEvents},
                     {u"seconds"_s, autocommit},
                     {u"events_per_second"_s, rate(autocommitEvents, autocommit)}}},
        {u"bare_batched_update"_s, QJsonObject{{u"seconds"_s, bare},
                                               {u"events_per_second"_s, bareRate},
                                               {u"cpu_seconds"_s, bareCpu},
                                               {u"events_per_cpu_second"_s, rate(events, bareCpu)}}},
        {u"bare_update_10000_per_transaction"_s,
         QJsonObject{{u"seconds"_s, bareSmall},
                     {u"events_per_second"_s, rate(events, bareSmall)},
                     {u"cpu_seconds"_s, bareSmallCpu}}},
        {u"ratio_atomic_to_bare"_s, bareRate > 0 ? atomicRate / bareRate : 0.0},
        {u"ratio_batched_to_bare"_s, bareRate > 0 ? batchedRate / bareRate : 0.0},
        {u"same_rows_plain_loop"_s, QJsonObject{{u"seconds"_s, sameRows},
                                                {u"events_per_second"_s, sameRowsRate},
                                                {u"cpu_seconds"_s, sameRowsCpu}}},
        {u"ratio_atomic_to_same_rows"_s, sameRowsRate > 0 ? atomicRate / sameRowsRate : 0.0},
        {u"ratio_batched_to_same_rows"_s, sameRowsRate > 0 ? batchedRate / sameRowsRate : 0.0},
        {u"ratio_same_rows_to_bare"_s, bareRate > 0 ? sameRowsRate / bareRate : 0.0},
        {u"synchronous_modes"_s, modes},
        {u"ratio_group_commit_to_autocommit"_s,
         autocommit > 0 ? atomicRate / rate(autocommitEvents, autocommit) : 0.0},
    };
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
