// The inventory ledger on SQLite and PostgreSQL: exact figures after deltas and snapshots, idempotent replay,
// unchanged events never written, --full, all-or-nothing against --partial, and the write-through sink.
#include "Error.h"
#include "LedgerChains.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "formats/InventoryFileReader.h"
#include "inventory/InventoryLedger.h"
#include "inventory/InventoryQuery.h"
#include "inventory/PositionSink.h"
#include "storage/PositionRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QScopeGuard>
#include <QSqlQuery>
#include <QTest>

#include <map>
#include <thread>

using namespace Qt::StringLiterals;
using namespace ordo;

Q_DECLARE_METATYPE(ordo::InventoryEvent)

namespace ordo {
// For QCOMPARE's failure messages.
char* toString(const PositionFigures& f) {
    return QTest::toString(
        u"{on hand %1, reserved %2, safety %3}"_s.arg(f.onHand).arg(f.reserved).arg(f.safetyStock));
}
} // namespace ordo

namespace {

InventoryEvent delta(const QString& id, const QString& location, const QString& sku, qint64 quantity,
                     int line = 0) {
    InventoryEvent e;
    e.eventId = id;
    e.locationCode = location;
    e.skuCode = sku;
    e.kind = InventoryEventKind::Delta;
    e.quantity = quantity;
    e.reason = u"test"_s;
    e.line = line;
    return e;
}

InventoryEvent snapshot(const QString& id, const QString& location, const QString& sku, qint64 onHand,
                        std::optional<qint64> safety = std::nullopt, int line = 0) {
    InventoryEvent e = delta(id, location, sku, onHand, line);
    e.kind = InventoryEventKind::Snapshot;
    e.safetyStock = safety;
    return e;
}

// Remembers what it was told, by (location code, SKU code) through the ids of the sample world.
class RecordingSink : public PositionSink {
public:
    void positionChanged(qint64 locationId, qint64 skuId, const PositionFigures& figures) override {
        ++calls;
        told[{locationId, skuId}] = figures;
    }
    int calls = 0;
    std::map<std::pair<qint64, qint64>, PositionFigures> told;
};

} // namespace

class TestInventoryLedger : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() {
        // Whatever a test wrote to the ledger, every position's chain still follows it.
        const QString broken = m_test ? test::brokenLedgerChains(m_test->db()) : QString();
        m_test.reset();
        QVERIFY2(broken.isEmpty(), qPrintable(broken));
    }

    void appliesDeltasAndSnapshots();
    void replayChangesNothing();
    void idsAlreadyInTheLedger_data();
    void idsAlreadyInTheLedger();
    void unchangedEventsNeverReachTheDisk();
    void fullSnapshotZeroesAbsentSkus();
    void badEvent_data();
    void badEvent();
    void readerErrorsNameLineAndReason();
    void jsonLines();
    void sinkReceivesExactlyTheChangedPositions();
    void permissionIsChecked();
    void concurrentFirstEventsOfAPositionAddUp();

private:
    Database& db() { return m_test->db(); }
    ApplyReport apply(const QList<InventoryEvent>& events, bool partial = false, bool full = false,
                      PositionSink* sink = nullptr);
    // The figures of a position; {-1, -1, -1} when it has no row.
    PositionFigures figures(const QString& location, const QString& sku);
    qint64 id(const QString& table, const QString& code);
    qint64 count(const QString& sql);
    qint64 ledgerRows() { return count(u"SELECT count(*) FROM inventory_events"_s); }
    qint64 auditRows() { return count(u"SELECT count(*) FROM audit_events WHERE entity = 'inventory'"_s); }

    std::unique_ptr<test::TestDatabase> m_test;
};

void TestInventoryLedger::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(db());
    // DC-EAST: SKU-1 10 (safety 1), SKU-2 5; ST-NYC: SKU-1 3 with 2 reserved.
    Transaction tx(db());
    PositionRepository positions(db());
    positions.setOnHand(id(u"locations"_s, u"DC-EAST"_s), id(u"skus"_s, u"SKU-1"_s), 10, 1);
    positions.setOnHand(id(u"locations"_s, u"DC-EAST"_s), id(u"skus"_s, u"SKU-2"_s), 5, std::nullopt);
    positions.setOnHand(id(u"locations"_s, u"ST-NYC"_s), id(u"skus"_s, u"SKU-1"_s), 3, std::nullopt);
    SqlQuery::run(db(), u"UPDATE positions SET reserved = 2 WHERE location_id = %1 AND sku_id = %2"_s
                            .arg(id(u"locations"_s, u"ST-NYC"_s))
                            .arg(id(u"skus"_s, u"SKU-1"_s)));
    tx.commit();
}

ApplyReport TestInventoryLedger::apply(const QList<InventoryEvent>& events, bool partial, bool full,
                                       PositionSink* sink) {
    ApplyOptions options;
    options.partial = partial;
    options.fullSnapshot = full;
    options.source = u"test.csv"_s;
    options.batchSize = 2; // several transactions with --partial, even for a few events
    return InventoryLedger(db()).apply(events, options, Actor{u"admin"_s, Role::Admin}, sink);
}

PositionFigures TestInventoryLedger::figures(const QString& location, const QString& sku) {
    SqlQuery q(
        db(),
        u"SELECT on_hand, reserved, safety_stock FROM positions WHERE location_id = :l AND sku_id = :s"_s);
    q.bind(u":l"_s, id(u"locations"_s, location)).bind(u":s"_s, id(u"skus"_s, sku));
    q.exec();
    if (!q.next())
        return {-1, -1, -1};
    return PositionFigures{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
}

qint64 TestInventoryLedger::id(const QString& table, const QString& code) {
    SqlQuery q(db(), u"SELECT id FROM %1 WHERE code = :code"_s.arg(table));
    q.bind(u":code"_s, code);
    return q.scalar().toLongLong();
}

qint64 TestInventoryLedger::count(const QString& sql) {
    SqlQuery q(db(), sql);
    return q.scalar().toLongLong();
}

void TestInventoryLedger::appliesDeltasAndSnapshots() {
    const ApplyReport report = apply({
        delta(u"d1"_s, u"DC-EAST"_s, u"SKU-1"_s, 5),
        delta(u"d2"_s, u"ST-NYC"_s, u"SKU-1"_s, -1),
        delta(u"d3"_s, u"DC-EAST"_s, u"SKU-3"_s, 4), // no position yet: created
        delta(u"d4"_s, u"DC-EAST"_s, u"SKU-1"_s, -12),
        snapshot(u"s1"_s, u"DC-EAST"_s, u"SKU-2"_s, 9, 2),
        snapshot(u"s2"_s, u"VN-ACME"_s, u"SKU-5"_s, 30),
    });
    QCOMPARE(report.applied, 6);
    QCOMPARE(report.unchanged, 0);
    QCOMPARE(report.rejected, 0);
    QVERIFY(!report.rolledBack);
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{3, 0, 1}));
    QCOMPARE(figures(u"ST-NYC"_s, u"SKU-1"_s), (PositionFigures{2, 2, 0}));
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-3"_s), (PositionFigures{4, 0, 0}));
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-2"_s), (PositionFigures{9, 0, 2}));
    QCOMPARE(figures(u"VN-ACME"_s, u"SKU-5"_s), (PositionFigures{30, 0, 0}));
    QCOMPARE(ledgerRows(), 6);
    // Each ledger row carries the figures after it, in order.
    SqlQuery q(db(),
               u"SELECT event_id, kind, quantity, on_hand_after, reserved_after, actor FROM inventory_events "
               "ORDER BY id"_s);
    q.exec();
    QStringList rows;
    while (q.next())
        rows << u"%1 %2 %3 %4 %5 %6"_s.arg(q.value(0).toString(), q.value(1).toString(),
                                           q.value(2).toString(), q.value(3).toString(),
                                           q.value(4).toString(), q.value(5).toString());
    QCOMPARE(rows, (QStringList{u"d1 delta 5 15 0 admin"_s, u"d2 delta -1 2 2 admin"_s,
                                u"d3 delta 4 4 0 admin"_s, u"d4 delta -12 3 0 admin"_s,
                                u"s1 snapshot 9 9 0 admin"_s, u"s2 snapshot 30 30 0 admin"_s}));
    QCOMPARE(auditRows(), 1); // one audit line for the whole input, not one per event
}

void TestInventoryLedger::replayChangesNothing() {
    const QByteArray file = "event_id,location_id,sku,delta,reason\n"
                            "r1,DC-EAST,SKU-1,-4,sale\n"
                            "r2,DC-EAST,SKU-2,6,receipt\n"
                            "r2,DC-EAST,SKU-2,6,receipt\n"; // the same event twice in one input
    const InventoryFile events = InventoryFileReader::readBytes(file, u"replay.csv"_s);
    QVERIFY(events.errors.isEmpty());
    ApplyReport first = apply(events.events);
    QCOMPARE(first.applied, 2);
    QCOMPARE(first.duplicates, 1);
    QCOMPARE(ledgerRows(), 2);
    const qint64 audits = auditRows();
    const ApplyReport second = apply(events.events);
    QCOMPARE(second.applied, 0);
    QCOMPARE(second.duplicates, 3);
    QCOMPARE(second.rejected, 0);
    QCOMPARE(ledgerRows(), 2);
    QCOMPARE(auditRows(), audits);
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{6, 0, 1}));
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-2"_s), (PositionFigures{11, 0, 0}));

    // A snapshot file has ids derived from its content: replaying it is a duplicate too.
    const QByteArray counts = "location_id,sku,on_hand\nDC-EAST,SKU-1,20\nST-NYC,SKU-4,7\n";
    const InventoryFile snapshots = InventoryFileReader::readBytes(counts, u"count.csv"_s);
    QCOMPARE(apply(snapshots.events).applied, 2);
    QCOMPARE(apply(snapshots.events).duplicates, 2);
    QCOMPARE(ledgerRows(), 4);
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{20, 0, 1}));
}

void TestInventoryLedger::idsAlreadyInTheLedger_data() {
    // Inputs mixing new events with events already applied by the history below. Whatever the order in which
    // the ledger finds out, an old id counts as a duplicate and nothing else: not applied, not rejected, not
    // unchanged, and the events after it see the figures without it.
    // After the history: DC-EAST SKU-1 7, SKU-2 12, SKU-3 1; five ledger rows.
    QTest::addColumn<QList<InventoryEvent>>("events");
    QTest::addColumn<int>("applied");
    QTest::addColumn<int>("duplicates");
    QTest::addColumn<int>("rejected");
    QTest::addColumn<QList<qint64>>("onHand"); // DC-EAST SKU-1, SKU-2, SKU-3 after
    QTest::addColumn<QStringList>("newRows");  // event id and on hand after, in ledger order
    const InventoryEvent h1 = delta(u"h1"_s, u"DC-EAST"_s, u"SKU-1"_s, -3);
    const InventoryEvent h2 = delta(u"h2"_s, u"DC-EAST"_s, u"SKU-2"_s, 4);
    const InventoryEvent s1 = snapshot(u"s1"_s, u"DC-EAST"_s, u"SKU-2"_s, 12);
    const InventoryEvent h5 = delta(u"h5"_s, u"DC-EAST"_s, u"SKU-3"_s, -3);
    for (const bool partial : {false, true}) {
        const char* mode = partial ? "partial" : "all or nothing";
        QTest::addRow("%s: an old id between new ones", mode)
            << QList<InventoryEvent>{delta(u"n1"_s, u"DC-EAST"_s, u"SKU-1"_s, 2), h2,
                                     delta(u"n2"_s, u"DC-EAST"_s, u"SKU-2"_s, -1)}
            << 2 << 1 << 0 << QList<qint64>{9, 11, 1} << QStringList{u"n1 9"_s, u"n2 11"_s};
        QTest::addRow("%s: an old id whose replay would starve the next event", mode)
            << QList<InventoryEvent>{h1, delta(u"n1"_s, u"DC-EAST"_s, u"SKU-1"_s, -7)} << 1 << 1 << 0
            << QList<qint64>{0, 12, 1} << QStringList{u"n1 0"_s};
        QTest::addRow("%s: an old id whose replay would go negative", mode)
            << QList<InventoryEvent>{h5, delta(u"n1"_s, u"DC-EAST"_s, u"SKU-3"_s, 1)} << 1 << 1 << 0
            << QList<qint64>{7, 12, 2} << QStringList{u"n1 2"_s};
        QTest::addRow("%s: an old id whose replay would change nothing", mode)
            << QList<InventoryEvent>{s1, delta(u"n1"_s, u"DC-EAST"_s, u"SKU-2"_s, 1)} << 1 << 1 << 0
            << QList<qint64>{7, 13, 1} << QStringList{u"n1 13"_s};
        QTest::addRow("%s: new ids only", mode)
            << QList<InventoryEvent>{delta(u"n1"_s, u"DC-EAST"_s, u"SKU-1"_s, 1),
                                     delta(u"n2"_s, u"DC-EAST"_s, u"SKU-1"_s, -8)}
            << 2 << 0 << 0 << QList<qint64>{0, 12, 1} << QStringList{u"n1 8"_s, u"n2 0"_s};
        // All or nothing: the bad event rolls everything back; partial keeps what is good (nothing here).
        QTest::addRow("%s: an old id beside a bad event", mode)
            << QList<InventoryEvent>{h2, delta(u"n1"_s, u"DC-EAST"_s, u"SKU-1"_s, -100)} << 0 << 1 << 1
            << QList<qint64>{7, 12, 1} << QStringList{};
    }
}

void TestInventoryLedger::idsAlreadyInTheLedger() {
    QFETCH(QList<InventoryEvent>, events);
    QFETCH(int, applied);
    QFETCH(int, duplicates);
    QFETCH(int, rejected);
    QFETCH(QList<qint64>, onHand);
    QFETCH(QStringList, newRows);
    const bool partial = QByteArray(QTest::currentDataTag()).startsWith("partial");
    const ApplyReport history =
        apply({delta(u"h1"_s, u"DC-EAST"_s, u"SKU-1"_s, -3), delta(u"h2"_s, u"DC-EAST"_s, u"SKU-2"_s, 4),
               snapshot(u"s1"_s, u"DC-EAST"_s, u"SKU-2"_s, 12), delta(u"h4"_s, u"DC-EAST"_s, u"SKU-3"_s, 4),
               delta(u"h5"_s, u"DC-EAST"_s, u"SKU-3"_s, -3)});
    QCOMPARE(history.applied, 5);
    const qint64 lastOld = count(u"SELECT max(id) FROM inventory_events"_s);
    RecordingSink sink;
    const ApplyReport report = apply(events, partial, false, &sink);
    QCOMPARE(report.applied, applied);
    QCOMPARE(report.duplicates, duplicates);
    QCOMPARE(report.rejected, rejected);
    QCOMPARE(report.unchanged, 0);
    QCOMPARE(report.rolledBack, !partial && rejected > 0);
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-1"_s).onHand, onHand.at(0));
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-2"_s).onHand, onHand.at(1));
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-3"_s).onHand, onHand.at(2));
    SqlQuery q(db(), u"SELECT event_id, on_hand_after FROM inventory_events WHERE id > :last ORDER BY id"_s);
    q.bind(u":last"_s, lastOld);
    q.exec();
    QStringList rows;
    while (q.next())
        rows << q.value(0).toString() + u' ' + q.value(1).toString();
    QCOMPARE(rows, newRows);
    QCOMPARE(ledgerRows(), 5 + newRows.size());
    // The console's index hears of each changed position once, with the figures the database holds.
    QCOMPARE(sink.calls, int(sink.told.size()));
    if (report.rolledBack)
        QCOMPARE(sink.calls, 0);
    for (const auto& [key, told] : sink.told) {
        SqlQuery stored(db(), u"SELECT on_hand FROM positions WHERE location_id = :l AND sku_id = :s"_s);
        stored.bind(u":l"_s, key.first).bind(u":s"_s, key.second);
        QCOMPARE(told.onHand, stored.scalar().toLongLong());
    }
}

void TestInventoryLedger::unchangedEventsNeverReachTheDisk() {
    SqlQuery stamp(db(), u"SELECT max(updated_at) FROM positions"_s);
    const qint64 before = stamp.scalar().toLongLong();
    const ApplyReport report = apply({
        delta(u"u1"_s, u"DC-EAST"_s, u"SKU-1"_s, 0),
        snapshot(u"u2"_s, u"DC-EAST"_s, u"SKU-1"_s, 10, 1), // equal to what is there
        snapshot(u"u3"_s, u"DC-EAST"_s, u"SKU-2"_s, 5),     // safety stock not given: kept
    });
    QCOMPARE(report.unchanged, 3);
    QCOMPARE(report.applied, 0);
    QCOMPARE(ledgerRows(), 0);
    QCOMPARE(auditRows(), 0);
    SqlQuery after(db(), u"SELECT max(updated_at) FROM positions"_s);
    QCOMPARE(after.scalar().toLongLong(), before);
}

void TestInventoryLedger::fullSnapshotZeroesAbsentSkus() {
    const QList<InventoryEvent> partialCount = {snapshot(u"f1"_s, u"DC-EAST"_s, u"SKU-1"_s, 4)};
    // Without --full the SKUs the count leaves out keep their stock.
    QCOMPARE(apply(partialCount).applied, 1);
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-2"_s), (PositionFigures{5, 0, 0}));

    const QList<InventoryEvent> full = {snapshot(u"f2"_s, u"DC-EAST"_s, u"SKU-1"_s, 4),
                                        snapshot(u"f3"_s, u"DC-EAST"_s, u"SKU-4"_s, 1)};
    const ApplyReport report = apply(full, false, true);
    QCOMPARE(report.applied, 2); // SKU-4 counted, SKU-2 zeroed; SKU-1 unchanged
    QCOMPARE(report.zeroed, 1);
    QCOMPARE(report.unchanged, 1);
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{4, 0, 1}));
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-2"_s), (PositionFigures{0, 0, 0}));
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-4"_s), (PositionFigures{1, 0, 0}));
    QCOMPARE(figures(u"ST-NYC"_s, u"SKU-1"_s), (PositionFigures{3, 2, 0})); // another location: untouched
    QCOMPARE(count(u"SELECT count(*) FROM inventory_events WHERE kind = 'snapshot' AND quantity = 0 "
                   "AND on_hand_after = 0 AND reason = 'not in full snapshot'"_s),
             1);
    const qint64 rows = ledgerRows();
    QCOMPARE(rows, 3);

    // Replayed after a receipt: the count and its zeroing are duplicates, the receipt stays.
    QCOMPARE(apply({delta(u"f4"_s, u"DC-EAST"_s, u"SKU-2"_s, 8)}).applied, 1);
    const ApplyReport replay = apply(full, false, true);
    QCOMPARE(replay.applied, 0);
    QCOMPARE(replay.duplicates, 1); // f3 (f2 changed nothing, so it was never recorded: unchanged again)
    QCOMPARE(replay.unchanged, 1);
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-2"_s), (PositionFigures{8, 0, 0}));
    QCOMPARE(ledgerRows(), rows + 1);
}

void TestInventoryLedger::badEvent_data() {
    QTest::addColumn<InventoryEvent>("bad");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown location") << delta(u"b"_s, u"DC-MOON"_s, u"SKU-1"_s, 1, 3)
                                      << u"location_id 'DC-MOON' is not a known location"_s;
    QTest::newRow("unknown sku") << delta(u"b"_s, u"DC-EAST"_s, u"SKU-99"_s, 1, 3)
                                 << u"sku 'SKU-99' is not in the catalogue"_s;
    QTest::newRow("negative on hand")
        << delta(u"b"_s, u"DC-EAST"_s, u"SKU-2"_s, -6, 3) << u"delta -6 would make on hand negative (-1)"_s;
    // The first event (line 2) took SKU-1 from 10 to 7; this one would take it below zero from there.
    QTest::newRow("negative after an earlier event")
        << delta(u"b"_s, u"DC-EAST"_s, u"SKU-1"_s, -8, 3) << u"delta -8 would make on hand negative (-1)"_s;
}

void TestInventoryLedger::badEvent() {
    QFETCH(InventoryEvent, bad);
    QFETCH(QString, reason);
    const QList<InventoryEvent> events = {delta(u"g1"_s, u"DC-EAST"_s, u"SKU-1"_s, -3, 2), bad,
                                          delta(u"g2"_s, u"ST-NYC"_s, u"SKU-1"_s, 4, 4)};
    // All or nothing: the database is as it was.
    const ApplyReport atomic = apply(events);
    QVERIFY(atomic.rolledBack);
    QCOMPARE(atomic.applied, 0);
    QCOMPARE(atomic.rejected, 1);
    QCOMPARE(atomic.errors.size(), 1);
    QCOMPARE(atomic.errors.first().line, 3);
    QCOMPARE(atomic.errors.first().file, u"test.csv"_s);
    QCOMPARE(atomic.errors.first().message, reason);
    QCOMPARE(ledgerRows(), 0);
    QCOMPARE(auditRows(), 0);
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{10, 0, 1}));
    QCOMPARE(figures(u"ST-NYC"_s, u"SKU-1"_s), (PositionFigures{3, 2, 0}));

    // --partial: the good events are applied, the bad one listed.
    const ApplyReport partial = apply(events, true);
    QVERIFY(!partial.rolledBack);
    QCOMPARE(partial.applied, 2);
    QCOMPARE(partial.rejected, 1);
    QCOMPARE(partial.errors.first().line, 3);
    QCOMPARE(partial.errors.first().message, reason);
    QCOMPARE(ledgerRows(), 2);
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-1"_s), (PositionFigures{7, 0, 1}));
    QCOMPARE(figures(u"ST-NYC"_s, u"SKU-1"_s), (PositionFigures{7, 2, 0}));
}

void TestInventoryLedger::readerErrorsNameLineAndReason() {
    const InventoryFile file = InventoryFileReader::readBytes("event_id,location_id,sku,delta,reason\n"
                                                              "a1,DC-EAST,SKU-1,2,receipt\n"
                                                              "a2,DC-EAST,SKU-1,two,receipt\n"
                                                              "a3,DC-EAST,,1,receipt\n",
                                                              u"bad.csv"_s);
    QCOMPARE(file.events.size(), 1);
    QCOMPARE(file.errors.size(), 2);
    QCOMPARE(file.errors.at(0).line, 3);
    QCOMPARE(file.errors.at(0).message, u"delta 'two' is not a whole number"_s);
    QCOMPARE(file.errors.at(1).line, 4);
    QCOMPARE(file.errors.at(1).message, u"sku is empty"_s);
}

void TestInventoryLedger::jsonLines() {
    const QByteArray content =
        R"({"type":"delta","event_id":"j1","location_id":"DC-EAST","sku":"SKU-2","delta":-2,"reason":"sale","occurred_at":"2026-03-01T09:30:00Z"})"
        "\n\n"
        R"({"type":"snapshot","location_id":"ST-NYC","sku":"SKU-3","on_hand":12,"safety_stock":3})"
        "\n"
        R"({"type":"delta","event_id":"j2","location_id":"ST-NYC","sku":"SKU-3","delta":1})"
        "\n";
    const InventoryFile file = InventoryFileReader::readBytes(content, u"events.jsonl"_s);
    QVERIFY(file.errors.isEmpty());
    QCOMPARE(file.events.size(), 3);
    QCOMPARE(file.events.at(1).line, 3);
    QVERIFY(file.events.at(1).eventId.startsWith(u"snap:"_s));
    const ApplyReport report = apply(file.events);
    QCOMPARE(report.applied, 3);
    QCOMPARE(figures(u"DC-EAST"_s, u"SKU-2"_s), (PositionFigures{3, 0, 0}));
    QCOMPARE(figures(u"ST-NYC"_s, u"SKU-3"_s), (PositionFigures{13, 0, 3}));
    QCOMPARE(count(u"SELECT occurred_at FROM inventory_events WHERE event_id = 'j1'"_s),
             QDateTime(QDate(2026, 3, 1), QTime(9, 30), Qt::UTC).toMSecsSinceEpoch());
}

void TestInventoryLedger::sinkReceivesExactlyTheChangedPositions() {
    RecordingSink sink;
    const ApplyReport report = apply(
        {
            delta(u"k1"_s, u"DC-EAST"_s, u"SKU-1"_s, 2, 2),
            delta(u"k2"_s, u"DC-EAST"_s, u"SKU-1"_s, 3, 3),   // same position: told once, the final figures
            delta(u"k3"_s, u"DC-EAST"_s, u"SKU-2"_s, 0, 4),   // unchanged
            delta(u"k4"_s, u"DC-EAST"_s, u"SKU-2"_s, -99, 5), // rejected
            snapshot(u"k5"_s, u"ST-NYC"_s, u"SKU-1"_s, 3, 1), // safety stock only
            delta(u"k6"_s, u"VN-ACME"_s, u"SKU-4"_s, 6, 7),   // a new position
        },
        true, false, &sink);
    QCOMPARE(report.applied, 4);
    QCOMPARE(report.rejected, 1);
    const qint64 east = id(u"locations"_s, u"DC-EAST"_s);
    const qint64 nyc = id(u"locations"_s, u"ST-NYC"_s);
    const qint64 acme = id(u"locations"_s, u"VN-ACME"_s);
    QCOMPARE(sink.calls, 3);
    QCOMPARE(sink.told.size(), size_t(3));
    QCOMPARE(sink.told.at({east, id(u"skus"_s, u"SKU-1"_s)}), (PositionFigures{15, 0, 1}));
    QCOMPARE(sink.told.at({nyc, id(u"skus"_s, u"SKU-1"_s)}), (PositionFigures{3, 2, 1}));
    QCOMPARE(sink.told.at({acme, id(u"skus"_s, u"SKU-4"_s)}), (PositionFigures{6, 0, 0}));

    // Nothing is told for a rolled-back input.
    RecordingSink none;
    QVERIFY(apply({delta(u"k7"_s, u"DC-EAST"_s, u"SKU-1"_s, 1), delta(u"k8"_s, u"DC-EAST"_s, u"SKU-9"_s, 1)},
                  false, false, &none)
                .rolledBack);
    QCOMPARE(none.calls, 0);
}

void TestInventoryLedger::permissionIsChecked() {
    try {
        InventoryLedger(db()).apply({delta(u"p1"_s, u"DC-EAST"_s, u"SKU-1"_s, 1)}, ApplyOptions{},
                                    Actor{u"csr"_s, Role::CustomerService});
        QFAIL("a customer service agent changed stock");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Denied);
    }
    QCOMPARE(ledgerRows(), 0);
}

void TestInventoryLedger::concurrentFirstEventsOfAPositionAddUp() {
    // Two clients bring the first events of one position (VN-ACME has no SKU-3 row yet) at once: neither may
    // overwrite the other's figures or the end of the other's ledger chain.
    if (db().engine() != Engine::Postgres)
        QSKIP("SQLite lets one writer in at a time: no other client can write while a unit is open");
    auto delta = [](const QString& id, qint64 quantity) {
        InventoryEvent e;
        e.eventId = id;
        e.locationCode = u"VN-ACME"_s;
        e.skuCode = u"SKU-3"_s;
        e.quantity = quantity;
        return e;
    };
    const Actor admin{u"admin"_s, Role::Admin};
    Transaction first(db()); // the first client's unit stays open...
    QCOMPARE(InventoryLedger(db()).apply({delta(u"a-1"_s, 5)}, ApplyOptions(), admin).applied, 1);
    std::optional<ApplyReport> second;
    QString error;
    std::thread client([&] { // ...while the second client applies its own event
        try {
            Database connection = Database::open(m_test->url());
            second = InventoryLedger(connection).apply({delta(u"b-1"_s, 7)}, ApplyOptions(), admin);
        } catch (const Error& e) {
            error = e.message();
        }
    });
    const auto join = qScopeGuard([&] {
        if (client.joinable()) {
            QSqlQuery(db().connection()).exec(u"ROLLBACK"_s);
            client.join();
        }
    });
    Database observer = Database::open(m_test->url());
    const auto waiting = [&] {
        return SqlQuery(observer, u"SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                  "AND datname = current_database()"_s)
            .scalar()
            .toLongLong();
    };
    QTRY_COMPARE_WITH_TIMEOUT(waiting(), 1, 20000); // the second client waits for the first's row
    first.commit();
    client.join();
    QVERIFY2(second, qPrintable(error));
    QCOMPARE(second->applied, 1);
    QCOMPARE(figures(u"VN-ACME"_s, u"SKU-3"_s).onHand, 12);
    QStringList recent;
    for (const LedgerEntry& e : InventoryQuery(db()).recentEvents(u"VN-ACME"_s, u"SKU-3"_s, 10))
        recent << u"%1 %2"_s.arg(e.eventId).arg(e.onHandAfter);
    QCOMPARE(recent, (QStringList{u"b-1 12"_s, u"a-1 5"_s}));
}

QTEST_GUILESS_MAIN(TestInventoryLedger)
#include "tst_inventoryledger.moc"
