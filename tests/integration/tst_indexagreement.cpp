// The in-memory InventoryIndex and the database agree: a fixed-seed random run of a few thousand mixed
// operations (on-hand changes, ledger deltas, conditional reservations and releases, safety stock,
// rolled-back changes, and pool, policy, exclusion and future-supply changes) written to the database, the
// index told through the PositionSink after each commit and reloadSegmentation() after each segmentation
// change. After every operation every position's figures are compared with the table; the index's kept
// per-channel sums with a walk over its positions for every SKU; and atp(), atpTotal() and stockByScan() with
// AtpService, the SQL-backed reference, for three random SKUs under every channel (and none), a random
// delivery method and now and then one location. Every 25 operations the other two ways of serving ATP are
// checked the same way for a random SKU: an index loaded for that SKU alone (what `ordo atp` does), and an
// index built at the start, never told of a change, and brought up to date for that SKU by refresh() (what
// the console does before answering). And an inventory CSV imported through ImportService (`ordo import`)
// with the index as its PositionSink leaves the two equal, whether counts below reserved are refused or
// allowed.
#include "Error.h"
#include "LedgerChains.h"
#include "TestDatabase.h"
#include "channels/ImportService.h"
#include "inventory/AtpService.h"
#include "inventory/InventoryIndex.h"
#include "inventory/InventoryLedger.h"
#include "inventory/SegmentationRepository.h"
#include "model/Sku.h"
#include "storage/LocationRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

constexpr int locationCount = 10;
constexpr int skuCount = 60;
constexpr int operationCount = 3000;
constexpr quint32 seed = 20261102;
const QDateTime at(QDate(2026, 11, 2), QTime(12, 0), Qt::UTC);

QString locationCodeOf(int i) {
    return (i % 3 == 2 ? u"ST-%1"_s : u"DC-%1"_s).arg(i, 2, 10, QChar(u'0'));
}
QString skuCodeOf(int i) {
    return u"SKU-%1"_s.arg(i, 3, 10, QChar(u'0'));
}

QString describe(const AtpResult& r) {
    QStringList parts;
    for (const AtpLocationFigure& f : r.locations)
        parts << u"%1 %2/%3/%4 b%5 f%6 =%7"_s.arg(f.locationCode)
                     .arg(f.onHand)
                     .arg(f.reserved)
                     .arg(f.safetyStock)
                     .arg(f.buffer)
                     .arg(f.future)
                     .arg(f.atp);
    return u"%1 %2: %3 [%4]"_s.arg(r.skuCode, r.channel ? channelCode(*r.channel) : u"-"_s)
        .arg(r.atp)
        .arg(parts.join(u"; "_s));
}

} // namespace

class tst_IndexAgreement : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() {
        // Whatever the operations wrote to the ledger, every position's chain still follows it.
        const QString broken = m_test ? test::brokenLedgerChains(m_test->db()) : QString();
        m_reference.reset(); // its prepared statement goes back to the connection before that closes
        m_test.reset();
        QVERIFY2(broken.isEmpty(), qPrintable(broken));
    }

    void randomOperationsKeepIndexAndDatabaseEqual();
    void oneSkuIndexAndRefresh();
    void csvImportKeepsIndexAndDatabaseEqual();

private:
    qint64 randomLocation() { return m_locationIds[int(m_random.bounded(locationCount))]; }
    qint64 randomSku() { return m_skuIds[int(m_random.bounded(skuCount))]; }
    QString randomChannel() {
        return channelCode(allChannels[m_random.bounded(int(std::size(allChannels)))]);
    }
    // Runs one statement that changes one position and RETURNs its figures, in its own unit of work; tells
    // the index after the commit when a row changed. With rollback the work is abandoned and nobody is told.
    void positionStatement(const QString& sql, qint64 location, qint64 sku, qint64 value,
                           bool rollback = false);
    void segmentationChange();
    void ledgerDeltas();
    bool agrees(int operation);
    bool oneSkuAgrees(int operation, InventoryIndex& stale);
    // AtpService's answer equals the index's for the SKU under every channel (and none) and delivery method.
    bool sameAnswers(const InventoryIndex& index, const QString& sku, const QString& what, int operation);

    std::unique_ptr<test::TestDatabase> m_test;
    QRandomGenerator m_random{seed};
    QList<qint64> m_locationIds;
    QList<qint64> m_skuIds;
    std::optional<InventoryIndex> m_index;
    std::unique_ptr<AtpService> m_reference;
    int m_eventNo = 0;
    QHash<QString, int> m_counts; // operations by kind, for the log
};

void tst_IndexAgreement::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    Database& db = m_test->db();
    m_random.seed(seed);
    m_counts.clear();
    m_eventNo = 0;
    m_locationIds.clear();
    m_skuIds.clear();
    Transaction tx(db);
    LocationRepository locations(db);
    for (int i = 0; i < locationCount; ++i) {
        Location l;
        l.code = locationCodeOf(i);
        l.name = l.code;
        l.type = i % 3 == 2 ? LocationType::Store : LocationType::Dc;
        l.ships = i % 3 != 2 && i != locationCount - 1; // the last one neither ships nor hands over
        l.pickup = i % 3 != 0 && i != locationCount - 1;
        m_locationIds << locations.upsert(l);
    }
    SkuRepository skus(db);
    for (int i = 0; i < skuCount; ++i)
        m_skuIds << skus.upsert(Sku{0, skuCodeOf(i), u"Item %1"_s.arg(i), 100, Money{1000, u"USD"_s}});
    SqlQuery insert(
        db, u"INSERT INTO positions (location_id, sku_id, on_hand, reserved, safety_stock, updated_at) "
            "VALUES (:l, :s, :oh, :r, :ss, 0)"_s);
    for (qint64 sku : std::as_const(m_skuIds))
        for (qint64 location : std::as_const(m_locationIds)) {
            if (m_random.bounded(10) < 4)
                continue; // 60 % of the pairs have a position at the start
            const qint64 onHand = m_random.bounded(60);
            insert.bind(u":l"_s, location)
                .bind(u":s"_s, sku)
                .bind(u":oh"_s, onHand)
                .bind(u":r"_s, qint64(m_random.bounded(int(onHand / 3) + 1)))
                .bind(u":ss"_s, qint64(m_random.bounded(6)));
            insert.exec();
        }
    tx.commit();
    m_index = InventoryIndex::load(db);
    m_reference = std::make_unique<AtpService>(db);
}

void tst_IndexAgreement::positionStatement(const QString& sql, qint64 location, qint64 sku, qint64 value,
                                           bool rollback) {
    Database& db = m_test->db();
    std::optional<PositionFigures> after;
    {
        Transaction tx(db);
        SqlQuery q(db, sql);
        q.bind(u":l"_s, location).bind(u":s"_s, sku).bind(u":v"_s, value);
        q.exec();
        if (q.next())
            after =
                PositionFigures{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
        q.raw().finish();
        if (rollback)
            return; // the guard rolls back; the index must not hear of it
        tx.commit();
    }
    if (after)
        m_index->positionChanged(location, sku, *after);
}

void tst_IndexAgreement::ledgerDeltas() {
    QList<InventoryEvent> events;
    const int n = 1 + int(m_random.bounded(4));
    for (int i = 0; i < n; ++i) {
        InventoryEvent e;
        e.eventId = u"E-%1"_s.arg(++m_eventNo);
        e.locationCode = locationCodeOf(int(m_random.bounded(locationCount)));
        e.skuCode = skuCodeOf(int(m_random.bounded(skuCount)));
        e.kind = m_random.bounded(5) == 0 ? InventoryEventKind::Snapshot : InventoryEventKind::Delta;
        e.quantity = e.kind == InventoryEventKind::Snapshot ? m_random.bounded(80) : m_random.bounded(30) - 8;
        e.reason = u"count"_s;
        events << e;
    }
    ApplyOptions options;
    options.partial = m_random.bounded(2) == 0; // atomic batches with a negative result roll back whole
    options.source = u"agreement test"_s;
    InventoryLedger(m_test->db()).apply(events, options, Actor::system(), &*m_index);
}

void tst_IndexAgreement::segmentationChange() {
    Database& db = m_test->db();
    Transaction tx(db);
    const QString channel = randomChannel();
    switch (m_random.bounded(9)) {
    case 0:
    case 1: {
        SqlQuery q(db, u"INSERT INTO channel_pools (channel, delivery, location_id) VALUES (:c, :d, :l) "
                       "ON CONFLICT DO NOTHING"_s);
        q.bind(u":c"_s, channel)
            .bind(u":d"_s, m_random.bounded(2) ? u"ship"_s : u"pickup"_s)
            .bind(u":l"_s, randomLocation());
        q.exec();
        break;
    }
    case 2: {
        SqlQuery q(db, u"DELETE FROM channel_pools WHERE channel = :c AND location_id = :l"_s);
        q.bind(u":c"_s, channel).bind(u":l"_s, randomLocation());
        q.exec();
        break;
    }
    case 3: { // the channel falls back to every location that ships / hands over
        SqlQuery q(db, u"DELETE FROM channel_pools WHERE channel = :c"_s);
        q.bind(u":c"_s, channel);
        q.exec();
        break;
    }
    case 4: {
        const bool percent = m_random.bounded(2) == 0;
        SqlQuery q(db, u"INSERT INTO channel_policies (channel, buffer_units, buffer_percent, allow_future, "
                       "horizon_days) VALUES (:c, :u, :p, :f, :h) ON CONFLICT (channel) DO UPDATE SET "
                       "buffer_units = excluded.buffer_units, buffer_percent = excluded.buffer_percent, "
                       "allow_future = excluded.allow_future, horizon_days = excluded.horizon_days"_s);
        q.bind(u":c"_s, channel)
            .bind(u":u"_s, percent ? qint64(0) : qint64(m_random.bounded(8)))
            .bind(u":p"_s, percent ? int(1 + m_random.bounded(40)) : 0)
            .bind(u":f"_s, int(m_random.bounded(2)))
            .bind(u":h"_s, int(m_random.bounded(30)));
        q.exec();
        break;
    }
    case 5: {
        SqlQuery q(db, u"DELETE FROM channel_policies WHERE channel = :c"_s);
        q.bind(u":c"_s, channel);
        q.exec();
        break;
    }
    case 6: { // a SKU, a location, or a SKU at a location
        const int kind = int(m_random.bounded(3));
        SqlQuery q(db,
                   u"INSERT INTO channel_exclusions (channel, sku_id, location_id) VALUES (:c, :s, :l)"_s);
        q.bind(u":c"_s, channel)
            .bind(u":s"_s, kind == 1 ? nullInt64() : QVariant(randomSku()))
            .bind(u":l"_s, kind == 0 ? nullInt64() : QVariant(randomLocation()));
        q.exec();
        break;
    }
    case 7: {
        SqlQuery q(db, u"DELETE FROM channel_exclusions WHERE id IN (SELECT id FROM channel_exclusions "
                       "ORDER BY id LIMIT 1 OFFSET :n)"_s);
        q.bind(u":n"_s, int(m_random.bounded(4)));
        q.exec();
        break;
    }
    default: { // future supply: new, replaced (same reference) or removed
        if (m_random.bounded(4) == 0) {
            SqlQuery q(db, u"DELETE FROM future_supply WHERE id IN (SELECT id FROM future_supply "
                           "ORDER BY id LIMIT 1 OFFSET :n)"_s);
            q.bind(u":n"_s, int(m_random.bounded(6)));
            q.exec();
            break;
        }
        const qint64 arrives =
            at.toMSecsSinceEpoch() + qint64(m_random.bounded(45 * 24) - 5 * 24) * 3'600'000;
        SqlQuery q(db,
                   u"INSERT INTO future_supply (reference, location_id, sku_id, quantity, arrives_at) "
                   "VALUES (:r, :l, :s, :q, :a) ON CONFLICT (reference, location_id, sku_id) DO UPDATE SET "
                   "quantity = excluded.quantity, arrives_at = excluded.arrives_at"_s);
        q.bind(u":r"_s, u"PO-%1"_s.arg(m_random.bounded(20)))
            .bind(u":l"_s, randomLocation())
            .bind(u":s"_s, randomSku())
            .bind(u":q"_s, qint64(1 + m_random.bounded(50)))
            .bind(u":a"_s, arrives);
        q.exec();
        break;
    }
    }
    tx.commit();
    m_index->reloadSegmentation(SegmentationRepository(db, Actor::system()).load());
    m_reference->reload();
}

bool tst_IndexAgreement::agrees(int operation) {
    Database& db = m_test->db();
    SqlQuery q(db, u"SELECT location_id, sku_id, on_hand, reserved, safety_stock FROM positions"_s);
    q.exec();
    qint64 rows = 0;
    while (q.next()) {
        ++rows;
        const PositionFigures stored{q.value(2).toLongLong(), q.value(3).toLongLong(),
                                     q.value(4).toLongLong()};
        const auto held = m_index->figures(m_index->skuIdForDatabaseId(q.value(1).toLongLong()),
                                           m_index->locationIdForDatabaseId(q.value(0).toLongLong()));
        if (held != stored) {
            qWarning(
                "after operation %d: position (%lld, %lld) is %lld/%lld/%lld in the database, %s in the "
                "index",
                operation, q.value(0).toLongLong(), q.value(1).toLongLong(), stored.onHand, stored.reserved,
                stored.safetyStock,
                held ? qPrintable(u"%1/%2/%3"_s.arg(held->onHand).arg(held->reserved).arg(held->safetyStock))
                     : "missing");
            return false;
        }
    }
    if (rows != m_index->positionCount()) {
        qWarning("after operation %d: %lld positions in the database, %lld in the index", operation, rows,
                 m_index->positionCount());
        return false;
    }
    // The kept per-channel sums equal a walk over the positions for every SKU, channel and delivery (asked at
    // a time after every arrival, so that no future supply counts).
    const qint64 noFuture = std::numeric_limits<qint64>::max() / 2;
    for (int s = 0; s < m_index->skuCount(); ++s)
        for (int c = InventoryIndex::noChannel; c < InventoryIndex::channelCount; ++c)
            for (int d = 0; d < InventoryIndex::deliveryCount; ++d)
                if (m_index->atpTotal(s, c, d, noFuture) != m_index->stockByScan(s, c, d)) {
                    qWarning("after operation %d: kept sum %lld, walked %lld for %s channel %d delivery %d",
                             operation, m_index->atpTotal(s, c, d, noFuture), m_index->stockByScan(s, c, d),
                             qPrintable(m_index->skuCode(s)), c, d);
                    return false;
                }
    for (int sample = 0; sample < 3; ++sample) {
        const QString sku = skuCodeOf(int(m_random.bounded(skuCount)));
        for (int c = -1; c < int(std::size(allChannels)); ++c) {
            AtpQuery query;
            query.skuCode = sku;
            query.at = at;
            if (c >= 0)
                query.channel = allChannels[c];
            const int delivery = int(m_random.bounded(3));
            if (delivery < 2)
                query.delivery = delivery == 0 ? DeliveryMethod::Ship : DeliveryMethod::Pickup;
            if (m_random.bounded(8) == 0)
                query.locationCode = locationCodeOf(int(m_random.bounded(locationCount)));
            const AtpResult expected = m_reference->atp(query);
            const AtpResult actual = m_index->atp(query);
            const qint64 total = m_index->atpTotal(
                m_index->skuId(sku), c, InventoryIndex::deliveryIndex(query.delivery), at.toMSecsSinceEpoch(),
                query.locationCode.isEmpty() ? -1 : m_index->locationId(query.locationCode));
            // The stock part alone, walking the positions instead of reading the kept sums.
            qint64 stockPart = 0;
            for (const AtpLocationFigure& f : expected.locations)
                stockPart += f.atp - f.future;
            const qint64 scanned = m_index->stockByScan(
                m_index->skuId(sku), c, InventoryIndex::deliveryIndex(query.delivery),
                query.locationCode.isEmpty() ? -1 : m_index->locationId(query.locationCode));
            if (actual.channel != expected.channel || actual.atp != expected.atp ||
                actual.locations != expected.locations || total != expected.atp || scanned != stockPart) {
                qWarning("after operation %d (delivery %d, location %s): SQL %s\n  index %s\n"
                         "  hot path %lld, scan %lld",
                         operation, delivery, qPrintable(query.locationCode), qPrintable(describe(expected)),
                         qPrintable(describe(actual)), total, scanned);
                return false;
            }
        }
    }
    return true;
}

bool tst_IndexAgreement::sameAnswers(const InventoryIndex& index, const QString& sku, const QString& what,
                                     int operation) {
    for (int c = -1; c < int(std::size(allChannels)); ++c)
        for (int delivery = 0; delivery < 3; ++delivery) {
            AtpQuery query;
            query.skuCode = sku;
            query.at = at;
            if (c >= 0)
                query.channel = allChannels[c];
            if (delivery < 2)
                query.delivery = delivery == 0 ? DeliveryMethod::Ship : DeliveryMethod::Pickup;
            const AtpResult expected = m_reference->atp(query);
            const AtpResult actual = index.atp(query);
            if (actual.atp != expected.atp || actual.locations != expected.locations) {
                qWarning("after operation %d, %s (delivery %d): SQL %s\n  index %s", operation,
                         qPrintable(what), delivery, qPrintable(describe(expected)),
                         qPrintable(describe(actual)));
                return false;
            }
        }
    return true;
}

bool tst_IndexAgreement::oneSkuAgrees(int operation, InventoryIndex& stale) {
    Database& db = m_test->db();
    const QString sku = skuCodeOf(int(m_random.bounded(skuCount)));
    const InventoryIndex one = InventoryIndex::load(db, sku);
    if (one.skuCount() != 1 || one.locationCount() != locationCount) {
        qWarning("the index loaded for %s holds %d SKUs and %d locations", qPrintable(sku), one.skuCount(),
                 one.locationCount());
        return false;
    }
    stale.refresh(db, sku);
    return sameAnswers(one, sku, u"loaded for "_s + sku, operation) &&
           sameAnswers(stale, sku, u"refreshed for "_s + sku, operation);
}

void tst_IndexAgreement::oneSkuIndexAndRefresh() {
    Database& db = m_test->db();
    // Unknown codes are refused with the reference's words.
    const InventoryIndex none = InventoryIndex::load(db, u"NO-SUCH"_s);
    QCOMPARE(none.skuCount(), 0);
    QCOMPARE(none.locationCount(), locationCount);
    AtpQuery unknown;
    unknown.skuCode = u"NO-SUCH"_s;
    try {
        none.atp(unknown);
        QFAIL("an unknown SKU was answered");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::NotFound);
        QCOMPARE(e.message(), u"unknown SKU \"NO-SUCH\""_s);
    }

    // A location, a SKU, positions and a pool added behind a stale index's back: refresh() for the SKU sees
    // them.
    InventoryIndex stale = InventoryIndex::load(db);
    Transaction tx(db);
    Location added;
    added.code = u"DC-99"_s;
    added.name = added.code;
    added.ships = true;
    const qint64 location = LocationRepository(db).upsert(added);
    const qint64 sku =
        SkuRepository(db).upsert(Sku{0, u"SKU-NEW"_s, u"New item"_s, 100, Money{1000, u"USD"_s}});
    SqlQuery insert(
        db, u"INSERT INTO positions (location_id, sku_id, on_hand, reserved, safety_stock, updated_at) "
            "VALUES (:l, :s, :oh, :r, :ss, 0)"_s);
    insert.bind(u":l"_s, location)
        .bind(u":s"_s, sku)
        .bind(u":oh"_s, 40)
        .bind(u":r"_s, 5)
        .bind(u":ss"_s, 3)
        .exec();
    insert.bind(u":l"_s, m_locationIds.first())
        .bind(u":s"_s, sku)
        .bind(u":oh"_s, 7)
        .bind(u":r"_s, 0)
        .bind(u":ss"_s, 0)
        .exec();
    SqlQuery pool(db,
                  u"INSERT INTO channel_pools (channel, delivery, location_id) VALUES ('web', 'ship', :l)"_s);
    pool.bind(u":l"_s, location).exec();
    tx.commit();
    m_reference->reload();
    stale.refresh(db, u"SKU-NEW"_s);
    QVERIFY(sameAnswers(stale, u"SKU-NEW"_s, u"refreshed"_s, 0));
    QVERIFY(sameAnswers(InventoryIndex::load(db, u"SKU-NEW"_s), u"SKU-NEW"_s, u"loaded"_s, 0));
    AtpQuery web;
    web.skuCode = u"SKU-NEW"_s;
    web.channel = Channel::Web;
    web.delivery = DeliveryMethod::Ship;
    QCOMPARE(stale.atp(web).atp, 32); // the web ship pool is DC-99 alone: 40 - 5 - 3
    QCOMPARE(stale.figures(stale.skuId(u"SKU-NEW"_s), stale.locationId(u"DC-99"_s)),
             (PositionFigures{40, 5, 3}));
}

void tst_IndexAgreement::randomOperationsKeepIndexAndDatabaseEqual() {
    QVERIFY(agrees(0));
    InventoryIndex stale = InventoryIndex::load(m_test->db()); // never told: refreshed SKU by SKU
    const int every = 1; // compare after every operation (both engines stay well under half a minute)
    const QString onHandSql =
        u"INSERT INTO positions (location_id, sku_id, on_hand, reserved, safety_stock, "
        "updated_at) VALUES (:l, :s, :v, 0, 0, 0) ON CONFLICT (location_id, sku_id) DO UPDATE "
        "SET on_hand = positions.on_hand + excluded.on_hand "
        "RETURNING on_hand, reserved, safety_stock"_s;
    const QString reserveSql = u"UPDATE positions SET reserved = reserved + :v WHERE location_id = :l AND "
                               "sku_id = :s AND on_hand - reserved - safety_stock >= :v "
                               "RETURNING on_hand, reserved, safety_stock"_s;
    const QString releaseSql = u"UPDATE positions SET reserved = reserved - :v WHERE location_id = :l AND "
                               "sku_id = :s AND reserved >= :v RETURNING on_hand, reserved, safety_stock"_s;
    const QString safetySql =
        u"UPDATE positions SET safety_stock = :v WHERE location_id = :l AND sku_id = :s "
        "RETURNING on_hand, reserved, safety_stock"_s;
    QElapsedTimer timer;
    timer.start();
    for (int op = 1; op <= operationCount; ++op) {
        const int dice = int(m_random.bounded(100));
        const qint64 location = randomLocation();
        const qint64 sku = randomSku();
        if (dice < 22) {
            ++m_counts[u"on hand"_s];
            positionStatement(onHandSql, location, sku, m_random.bounded(26) - 5);
        } else if (dice < 32) {
            ++m_counts[u"ledger"_s];
            ledgerDeltas();
        } else if (dice < 57) {
            ++m_counts[u"reserve"_s];
            positionStatement(reserveSql, location, sku, 1 + m_random.bounded(6));
        } else if (dice < 67) {
            ++m_counts[u"release"_s];
            positionStatement(releaseSql, location, sku, 1 + m_random.bounded(4));
        } else if (dice < 75) {
            ++m_counts[u"safety stock"_s];
            positionStatement(safetySql, location, sku, m_random.bounded(8));
        } else if (dice < 80) {
            ++m_counts[u"rolled back"_s];
            positionStatement(onHandSql, location, sku, 1 + m_random.bounded(20), true);
        } else {
            ++m_counts[u"segmentation"_s];
            segmentationChange();
        }
        if (op % every == 0 || op == operationCount)
            QVERIFY2(agrees(op), qPrintable(u"index and database differ after operation %1"_s.arg(op)));
        if (op % 25 == 0)
            QVERIFY2(oneSkuAgrees(op, stale),
                     qPrintable(u"one SKU's index differs after operation %1"_s.arg(op)));
    }
    QStringList counts;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        counts << u"%1 %2"_s.arg(it.key()).arg(it.value());
    counts.sort();
    qInfo("%d operations (%s) in %lld ms; %lld positions, %d exclusions, %d supply lines", operationCount,
          qPrintable(counts.join(u", "_s)), timer.elapsed(), m_index->positionCount(),
          int(m_reference->segmentation().exclusions.size()),
          int(m_reference->segmentation().futureSupply.size()));
}

void tst_IndexAgreement::csvImportKeepsIndexAndDatabaseEqual() {
    QVERIFY(agrees(0));
    // Counts of random positions, some of them new, many below what is reserved there, some repeated, with
    // and without safety stock.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"counts.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("location_id,sku,on_hand,safety_stock\n");
    for (int i = 0; i < 400; ++i) {
        const QString safety = m_random.bounded(3) == 0 ? QString() : QString::number(m_random.bounded(6));
        file.write(u"%1,%2,%3,%4\n"_s
                       .arg(locationCodeOf(int(m_random.bounded(locationCount))),
                            skuCodeOf(int(m_random.bounded(skuCount))))
                       .arg(m_random.bounded(25))
                       .arg(safety)
                       .toUtf8());
    }
    file.close();
    const qint64 positionsBefore = m_index->positionCount();

    InventoryImportOptions options;
    options.sink = &*m_index;
    ImportReport report = ImportService(m_test->db(), Actor::system(), options).importFiles({path});
    QCOMPARE(report.refusedFiles, 0);
    QVERIFY2(report.rejected > 0, "no count fell below reserved: the test proves less than it says");
    for (const ImportIssue& issue : std::as_const(report.errors))
        QVERIFY2(issue.message.contains(u"reserved"_s), qPrintable(issue.message));
    QVERIFY(report.accepted > 0);
    QVERIFY(m_index->positionCount() > positionsBefore); // new positions reached the index too
    QVERIFY2(agrees(1), "index and database differ after the import");
    qInfo("400 counts: %d taken, %d duplicates, %d refused below reserved; %lld positions before, %lld after",
          report.accepted, report.duplicates, report.rejected, positionsBefore, m_index->positionCount());

    // The refused counts, allowed this time.
    options.allowBelowReserved = true;
    report = ImportService(m_test->db(), Actor::system(), options).importFiles({path});
    QCOMPARE(report.rejected, 0);
    QVERIFY(report.accepted > 0);
    QVERIFY2(agrees(2), "index and database differ after the import allowed below reserved");
}

QTEST_GUILESS_MAIN(tst_IndexAgreement)
#include "tst_indexagreement.moc"
