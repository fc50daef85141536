#include "LedgerChains.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "inventory/InventoryLedger.h"
#include "inventory/InventoryQuery.h"
#include "inventory/ReservationService.h"
#include "model/Sku.h"
#include "orders/OrderCapture.h"
#include "storage/LocationRepository.h"
#include "storage/PositionRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

Q_DECLARE_METATYPE(SkuMatch::Kind)

// The inventory read side on both engines: SKU search by code, scanned code and name words; a SKU's positions
// with their locations; a position's ledger, newest first.
class TestInventoryQuery : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void findSkus_data();
    void findSkus();
    void exactCodeComesFirst();
    void findSkusHonoursTheLimit();
    void positionsCarryTheLocation();
    void positionsOfAnUnknownSku();
    void recentEventsNewestFirst();
    void recentEventsFollowEveryWriter();

private:
    QStringList codes(const QString& text, int limit = 50);
    std::unique_ptr<test::TestDatabase> m_test;
};

void TestInventoryQuery::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    Database& db = m_test->db();
    test::createSampleWorld(db); // SKU-1 ... SKU-5 "Sample item N"
    Transaction tx(db);
    SkuRepository skus(db);
    skus.upsert({0, u"SKU-10"_s, u"Trail Running Shoe, blue"_s, 600, Money{8900, u"USD"_s}});
    skus.upsert({0, u"TS-100"_s, u"T-shirt organic cotton"_s, 200, Money{1900, u"USD"_s}});
    skus.upsert({0, u"ab-7"_s, u"Running socks (3 pairs)"_s, 100, Money{900, u"USD"_s}});
    skus.upsert({0, u"4006381333931"_s, u"Highlighter 100% yellow"_s, 20, Money{199, u"USD"_s}});
    skus.upsert({0, u"X_1"_s, u"Underscore test"_s, 20, Money{199, u"USD"_s}});
    tx.commit();
}

QStringList TestInventoryQuery::codes(const QString& text, int limit) {
    QStringList result;
    for (const SkuMatch& match : InventoryQuery(m_test->db()).findSkus(text, limit))
        result.append(match.code);
    return result;
}

void TestInventoryQuery::findSkus_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("exact code") << u"SKU-3"_s << QStringList{u"SKU-3"_s};
    QTest::newRow("exact code, lower case") << u"sku-3"_s << QStringList{u"SKU-3"_s};
    QTest::newRow("lower-case code, typed in upper case") << u"AB-7"_s << QStringList{u"ab-7"_s};
    QTest::newRow("scanned barcode") << u"4006381333931"_s << QStringList{u"4006381333931"_s};
    QTest::newRow("scanned barcode with spaces around")
        << u"  4006381333931 "_s << QStringList{u"4006381333931"_s};
    QTest::newRow("code prefix") << u"SKU-"_s << QStringList{u"SKU-1"_s, u"SKU-10"_s, u"SKU-2"_s,
                                                             u"SKU-3"_s, u"SKU-4"_s,  u"SKU-5"_s};
    QTest::newRow("exact code before longer codes") << u"SKU-1"_s << QStringList{u"SKU-1"_s, u"SKU-10"_s};
    QTest::newRow("code prefix, lower case") << u"ts-1"_s << QStringList{u"TS-100"_s};
    QTest::newRow("underscore is not a wildcard") << u"X_"_s << QStringList{u"X_1"_s};
    QTest::newRow("underscore is not a wildcard (name)") << u"s_mple"_s << QStringList{};
    QTest::newRow("percent is not a wildcard") << u"100%"_s << QStringList{u"4006381333931"_s};
    QTest::newRow("name word") << u"running"_s << QStringList{u"SKU-10"_s, u"ab-7"_s};
    QTest::newRow("name word prefix, any case") << u"RUNN"_s << QStringList{u"SKU-10"_s, u"ab-7"_s};
    QTest::newRow("two name words") << u"running so"_s << QStringList{u"ab-7"_s};
    QTest::newRow("words in any order") << u"blue trail"_s << QStringList{u"SKU-10"_s};
    QTest::newRow("inside a word does not match") << u"unning"_s << QStringList{};
    QTest::newRow("name after punctuation") << u"cotton"_s << QStringList{u"TS-100"_s};
    QTest::newRow("nothing") << u"zebra"_s << QStringList{};
    QTest::newRow("empty") << u"   "_s << QStringList{};
}

void TestInventoryQuery::findSkus() {
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(codes(text), expected);
}

void TestInventoryQuery::exactCodeComesFirst() {
    // "SKU-1" is a code and also begins "SKU-10": the exact one is first and says so.
    const QList<SkuMatch> matches = InventoryQuery(m_test->db()).findSkus(u"sku-1"_s, 10);
    QCOMPARE(matches.size(), 2);
    QCOMPARE(matches.at(0).code, u"SKU-1"_s);
    QCOMPARE(matches.at(0).name, u"Sample item 1"_s);
    QCOMPARE(matches.at(0).kind, SkuMatch::Kind::ExactCode);
    QCOMPARE(matches.at(1).code, u"SKU-10"_s);
    QCOMPARE(matches.at(1).kind, SkuMatch::Kind::CodePrefix);

    // A name search lists name matches after code matches, each SKU once.
    const QList<SkuMatch> sample = InventoryQuery(m_test->db()).findSkus(u"sample"_s, 10);
    QCOMPARE(sample.size(), 5);
    for (const SkuMatch& match : sample)
        QCOMPARE(match.kind, SkuMatch::Kind::Name);
}

void TestInventoryQuery::findSkusHonoursTheLimit() {
    QCOMPARE(codes(u"SKU"_s, 3), (QStringList{u"SKU-1"_s, u"SKU-10"_s, u"SKU-2"_s}));
    QCOMPARE(codes(u"sample item"_s, 2), (QStringList{u"SKU-1"_s, u"SKU-2"_s}));
    QCOMPARE(codes(u"SKU-1"_s, 1), QStringList{u"SKU-1"_s});
    QCOMPARE(codes(u"SKU-1"_s, 0), QStringList{});
}

void TestInventoryQuery::positionsCarryTheLocation() {
    Database& db = m_test->db();
    {
        Transaction tx(db);
        LocationRepository locations(db);
        const qint64 sku = SkuRepository(db).idForCode(u"SKU-2"_s).value();
        PositionRepository positions(db);
        positions.setOnHand(locations.idForCode(u"ST-NYC"_s).value(), sku, 7, 2);
        positions.setOnHand(locations.idForCode(u"DC-EAST"_s).value(), sku, 120, 10);
        SqlQuery(db, u"UPDATE positions SET reserved = 4 WHERE sku_id = :sku AND location_id = :loc"_s)
            .bind(u":sku"_s, sku)
            .bind(u":loc"_s, locations.idForCode(u"DC-EAST"_s).value())
            .exec();
        tx.commit();
    }
    const QList<StockPosition> positions = InventoryQuery(db).positions(u"SKU-2"_s);
    QCOMPARE(positions.size(), 2);
    QCOMPARE(positions.at(0).locationCode, u"DC-EAST"_s);
    QCOMPARE(positions.at(0).locationName, u"East DC, Allentown"_s);
    QCOMPARE(positions.at(0).locationType, LocationType::Dc);
    QCOMPARE(positions.at(0).onHand, 120);
    QCOMPARE(positions.at(0).reserved, 4);
    QCOMPARE(positions.at(0).safetyStock, 10);
    QVERIFY(positions.at(0).updatedAt.isValid());
    QCOMPARE(positions.at(0).updatedAt.timeSpec(), Qt::UTC);
    QCOMPARE(positions.at(1).locationCode, u"ST-NYC"_s);
    QCOMPARE(positions.at(1).locationName, u"Store Manhattan"_s);
    QCOMPARE(positions.at(1).locationType, LocationType::Store);
    QCOMPARE(positions.at(1).onHand, 7);
    QCOMPARE(positions.at(1).reserved, 0);
    QCOMPARE(positions.at(1).safetyStock, 2);
    QVERIFY(InventoryQuery(db).positions(u"SKU-3"_s).isEmpty());
}

void TestInventoryQuery::positionsOfAnUnknownSku() {
    QVERIFY(InventoryQuery(m_test->db()).positions(u"NOPE"_s).isEmpty());
    QVERIFY(InventoryQuery(m_test->db()).recentEvents(u"DC-EAST"_s, u"NOPE"_s, 10).isEmpty());
}

void TestInventoryQuery::recentEventsNewestFirst() {
    Database& db = m_test->db();
    const qint64 east = LocationRepository(db).idForCode(u"DC-EAST"_s).value();
    const qint64 nyc = LocationRepository(db).idForCode(u"ST-NYC"_s).value();
    const qint64 sku1 = SkuRepository(db).idForCode(u"SKU-1"_s).value();
    const qint64 sku2 = SkuRepository(db).idForCode(u"SKU-2"_s).value();
    const QDateTime t0(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    struct Row {
        QString id;
        qint64 location, sku;
        QString kind;
        qint64 quantity, onHand, reserved;
        QString reason, actor;
        int minutes;
        QString previous; // the position's event before
    };
    const QList<Row> rows = {
        {u"e-1"_s, east, sku1, u"snapshot"_s, 50, 50, 0, u"COUNT"_s, u"import"_s, 0, QString()},
        {u"e-2"_s, east, sku1, u"delta"_s, -3, 47, 0, u"POS_SALE"_s, u"import"_s, 10, u"e-1"_s},
        {u"e-3"_s, nyc, sku1, u"delta"_s, 9, 9, 0, u"RECEIVED"_s, u"ana"_s, 15,
         QString()}, // another position
        {u"e-4"_s, east, sku2, u"delta"_s, 4, 4, 0, u"RECEIVED"_s, u"ana"_s, 16, QString()}, // another SKU
        {u"e-5"_s, east, sku1, u"reserve"_s, 2, 47, 2, QString(), u"system"_s, 20, u"e-2"_s},
        {u"e-6"_s, east, sku1, u"delta"_s, -1, 46, 2, u"DAMAGED: dropped"_s, u"ana"_s, 30, u"e-5"_s},
    };
    {
        Transaction tx(db);
        PositionRepository positions(db);
        positions.setOnHand(east, sku1, 46, 0);
        positions.setOnHand(nyc, sku1, 9, 0);
        positions.setOnHand(east, sku2, 4, 0);
        for (const Row& r : rows) {
            SqlQuery(
                db,
                u"INSERT INTO inventory_events (event_id, location_id, sku_id, kind, quantity, "
                "on_hand_after, reserved_after, reason, occurred_at, recorded_at, actor, previous_event_id) "
                "VALUES (:id, :loc, :sku, :kind, :q, :oh, :res, :reason, :at, :rec, :actor, :previous)"_s)
                .bind(u":id"_s, r.id)
                .bind(u":loc"_s, r.location)
                .bind(u":sku"_s, r.sku)
                .bind(u":kind"_s, r.kind)
                .bind(u":q"_s, r.quantity)
                .bind(u":oh"_s, r.onHand)
                .bind(u":res"_s, r.reserved)
                .bind(u":reason"_s, r.reason.isNull() ? nullString() : QVariant(r.reason))
                .bind(u":at"_s, t0.addSecs(60LL * r.minutes).toMSecsSinceEpoch())
                .bind(u":rec"_s, t0.addSecs(60LL * r.minutes + 1).toMSecsSinceEpoch())
                .bind(u":actor"_s, r.actor)
                .bind(u":previous"_s, r.previous.isNull() ? nullString() : QVariant(r.previous))
                .exec();
            SqlQuery(db,
                     u"UPDATE positions SET last_event_id = :id WHERE location_id = :loc AND sku_id = :sku"_s)
                .bind(u":id"_s, r.id)
                .bind(u":loc"_s, r.location)
                .bind(u":sku"_s, r.sku)
                .exec();
        }
        tx.commit();
    }
    QVERIFY2(test::brokenLedgerChains(db).isEmpty(), qPrintable(test::brokenLedgerChains(db)));
    const QList<LedgerEntry> events = InventoryQuery(db).recentEvents(u"DC-EAST"_s, u"SKU-1"_s, 10);
    QStringList ids;
    for (const LedgerEntry& e : events)
        ids.append(e.eventId);
    QCOMPARE(ids, (QStringList{u"e-6"_s, u"e-5"_s, u"e-2"_s, u"e-1"_s}));
    const LedgerEntry& newest = events.first();
    QCOMPARE(newest.kind, u"delta"_s);
    QCOMPARE(newest.quantity, -1);
    QCOMPARE(newest.onHandAfter, 46);
    QCOMPARE(newest.reservedAfter, 2);
    QCOMPARE(newest.reason, u"DAMAGED: dropped"_s);
    QCOMPARE(newest.actor, u"ana"_s);
    QCOMPARE(newest.occurredAt, t0.addSecs(30 * 60));
    QCOMPARE(newest.recordedAt, t0.addSecs(30 * 60 + 1));
    QVERIFY(events.at(1).reason.isEmpty());
    QCOMPARE(events.at(1).reservedAfter, 2);

    const QList<LedgerEntry> two = InventoryQuery(db).recentEvents(u"DC-EAST"_s, u"SKU-1"_s, 2);
    QCOMPARE(two.size(), 2);
    QCOMPARE(two.at(0).eventId, u"e-6"_s);
    QCOMPARE(two.at(1).eventId, u"e-5"_s);
    QVERIFY(InventoryQuery(db).recentEvents(u"VN-ACME"_s, u"SKU-1"_s, 10).isEmpty());
}

void TestInventoryQuery::recentEventsFollowEveryWriter() {
    // Every writer of the ledger keeps the position's chain, and the recent events walk it: the inventory
    // ledger (snapshot, delta), a single reservation (on PostgreSQL in one round trip), shipping, a grouped
    // reservation and a release, mixed with events at other positions.
    Database& db = m_test->db();
    const Actor admin{u"ana"_s, Role::Admin};
    auto apply = [&](const QString& id, const QString& location, InventoryEventKind kind, qint64 quantity) {
        InventoryEvent e;
        e.eventId = id;
        e.locationCode = location;
        e.skuCode = u"SKU-1"_s;
        e.kind = kind;
        e.quantity = quantity;
        const ApplyReport report = InventoryLedger(db).apply({e}, ApplyOptions(), admin);
        QCOMPARE(report.applied, 1);
    };
    apply(u"s-1"_s, u"DC-EAST"_s, InventoryEventKind::Snapshot, 40);
    apply(u"d-1"_s, u"DC-EAST"_s, InventoryEventKind::Delta, -5);
    apply(u"n-1"_s, u"ST-NYC"_s, InventoryEventKind::Delta, 3);
    OrderCapture capture(db, Actor::system());
    const qint64 first = capture.capture(test::sampleOrder(u"W-1"_s, {{u"SKU-1"_s, 2}})).orderId;
    const qint64 second = capture.capture(test::sampleOrder(u"W-2"_s, {{u"SKU-1"_s, 4}})).orderId;
    ReservationService reservations(db);
    QVERIFY(reservations.reserve(first, admin).routed);
    QCOMPARE(reservations.ship(first, admin), 1);
    const QList<ReservationOutcome> grouped = reservations.reserveMany({second}, admin);
    QCOMPARE(grouped.size(), 1);
    QVERIFY(grouped.first().routed);
    QCOMPARE(grouped.first().reserved.first().locationCode, u"DC-EAST"_s);
    QCOMPARE(reservations.release(second, admin, u"customer cancelled"_s), 1);
    apply(u"d-2"_s, u"DC-EAST"_s, InventoryEventKind::Delta, 1);

    const QString east = QString::number(LocationRepository(db).idForCode(u"DC-EAST"_s).value());
    const QString at = u"#1:1:"_s + east; // each order's first reservation attempt
    const QStringList expected = {u"d-2"_s,
                                  u"rel:%1%2"_s.arg(second).arg(at),
                                  u"res:%1%2"_s.arg(second).arg(at),
                                  u"ship:%1%2"_s.arg(first).arg(at),
                                  u"res:%1%2"_s.arg(first).arg(at),
                                  u"d-1"_s,
                                  u"s-1"_s};
    QStringList ids;
    QList<qint64> onHand, reserved;
    for (const LedgerEntry& e : InventoryQuery(db).recentEvents(u"DC-EAST"_s, u"SKU-1"_s, 50)) {
        ids << e.eventId;
        onHand << e.onHandAfter;
        reserved << e.reservedAfter;
    }
    QCOMPARE(ids, expected);
    QCOMPARE(onHand, (QList<qint64>{34, 33, 33, 33, 35, 35, 40}));
    QCOMPARE(reserved, (QList<qint64>{0, 0, 4, 0, 2, 0, 0}));
    const QList<LedgerEntry> three = InventoryQuery(db).recentEvents(u"DC-EAST"_s, u"SKU-1"_s, 3);
    QCOMPARE(three.size(), 3);
    QCOMPARE(three.last().eventId, expected.at(2));
    QCOMPARE(InventoryQuery(db).recentEvents(u"ST-NYC"_s, u"SKU-1"_s, 50).size(), 1);
    QVERIFY(InventoryQuery(db).recentEvents(u"DC-EAST"_s, u"SKU-1"_s, 0).isEmpty());
    QVERIFY2(test::brokenLedgerChains(db).isEmpty(), qPrintable(test::brokenLedgerChains(db)));
}

QTEST_GUILESS_MAIN(TestInventoryQuery)
#include "tst_inventoryquery.moc"
