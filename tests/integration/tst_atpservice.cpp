// AtpService: available-to-promise from the database, with hand-computed expected figures for every rule
// (pools, delivery methods, buffers, safety stock, exclusions, future supply and its horizon, clamping).
#include "Error.h"
#include "TestDatabase.h"
#include "inventory/AtpService.h"
#include "inventory/SegmentationRepository.h"
#include "storage/LocationRepository.h"
#include "storage/PositionRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestAtpService : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void scenarios_data();
    void scenarios();
    void skuWithoutPositionsListsEveryLocationWithZeros();
    void unknownSkuOrLocationIsNotFound();
    void segmentationIsReadOnceUntilReload();

private:
    void apply(const QString& steps);
    static QStringList render(const AtpResult& result);
    std::unique_ptr<test::TestDatabase> m_test;
    QHash<QString, qint64> m_locations;
    QHash<QString, qint64> m_skus;
};

// The world every scenario starts from, at 2026-03-01T00:00Z:
//   location  ships pickup   SKU-1: on hand reserved safety -> free
//   DC-A      yes   no               100      10       5       85
//   DC-B      yes   no                40       0       0       40
//   DC-C      yes   no                (no position row)         0
//   ST-1      yes   yes               12       2       3        7
//   ST-2      no    yes                6       0       1        5      total 137
// Inbound SKU-1: PO-1 30 at DC-B on 03-05 00:00, PO-2 8 at ST-2 on 03-10, PO-3 50 at DC-A on 04-15,
// PO-4 12 at DC-C on 03-03; SKU-2: PO-9 99 at DC-A on 03-02 (never counts for SKU-1).
void TestAtpService::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    Database& db = m_test->db();
    Transaction tx(db);
    LocationRepository locations(db);
    const auto location = [&](const QString& code, bool ships, bool pickup) {
        m_locations[code] =
            locations.upsert({0, code, code, LocationType::Dc, {40.0, -75.0}, ships, pickup, 0});
    };
    location(u"ST-2"_s, false, true); // inserted out of order: results are ordered by code all the same
    location(u"DC-A"_s, true, false);
    location(u"DC-B"_s, true, false);
    location(u"DC-C"_s, true, false);
    location(u"ST-1"_s, true, true);
    SkuRepository skus(db);
    for (const QString& code : {u"SKU-1"_s, u"SKU-2"_s, u"SKU-3"_s})
        m_skus[code] = skus.upsert({0, code, code, 100, Money{1000, u"USD"_s}});
    PositionRepository positions(db);
    positions.setOnHand(m_locations[u"DC-A"_s], m_skus[u"SKU-1"_s], 100, 5);
    positions.setOnHand(m_locations[u"DC-B"_s], m_skus[u"SKU-1"_s], 40, 0);
    positions.setOnHand(m_locations[u"ST-1"_s], m_skus[u"SKU-1"_s], 12, 3);
    positions.setOnHand(m_locations[u"ST-2"_s], m_skus[u"SKU-1"_s], 6, 1);
    positions.setOnHand(m_locations[u"DC-A"_s], m_skus[u"SKU-2"_s], 20, 0);
    tx.commit();
    apply(u"reserve DC-A 10; reserve ST-1 2;"
          "supply PO-1 DC-B SKU-1 30 2026-03-05T00:00:00Z; supply PO-2 ST-2 SKU-1 8 2026-03-10T00:00:00Z;"
          "supply PO-3 DC-A SKU-1 50 2026-04-15T00:00:00Z; supply PO-4 DC-C SKU-1 12 2026-03-03T00:00:00Z;"
          "supply PO-9 DC-A SKU-2 99 2026-03-02T00:00:00Z"_s);
}

// Steps separated by ';':
//   pool CHANNEL DELIVERY LOCATION | policy CHANNEL UNITS PERCENT ALLOW(0/1) HORIZON |
//   exclude CHANNEL SKU|- LOCATION|- | reserve LOCATION N (SKU-1) | supply REF LOCATION SKU QTY ARRIVES
void TestAtpService::apply(const QString& steps) {
    SegmentationRepository repo(m_test->db(), Actor{u"ana"_s, Role::Admin});
    for (const QString& step : steps.split(u';', Qt::SkipEmptyParts)) {
        const QStringList w = step.simplified().split(u' ');
        const auto dash = [](const QString& s) { return s == u"-"_s ? QString() : s; };
        if (w.at(0) == u"pool"_s) {
            repo.addPoolLocation(*channelFromCode(w.at(1)), *deliveryMethodFromCode(w.at(2)), w.at(3));
        } else if (w.at(0) == u"policy"_s) {
            repo.setPolicy({*channelFromCode(w.at(1)), w.at(2).toLongLong(), w.at(3).toInt(),
                            w.at(4) == u"1"_s, w.at(5).toInt()});
        } else if (w.at(0) == u"exclude"_s) {
            repo.addExclusion(*channelFromCode(w.at(1)), dash(w.at(2)), dash(w.at(3)));
        } else if (w.at(0) == u"reserve"_s) {
            SqlQuery q(m_test->db(),
                       u"UPDATE positions SET reserved = :r WHERE location_id = :l AND sku_id = :s"_s);
            q.bind(u":r"_s, w.at(2).toLongLong())
                .bind(u":l"_s, m_locations.value(w.at(1)))
                .bind(u":s"_s, m_skus.value(u"SKU-1"_s))
                .exec();
        } else if (w.at(0) == u"supply"_s) {
            repo.addFutureSupply({w.at(1), w.at(2), w.at(3), w.at(4).toLongLong(),
                                  QDateTime::fromString(w.at(5), Qt::ISODate)});
        } else {
            QFAIL(qPrintable(u"unknown step "_s + step));
        }
    }
}

// "CODE on_hand reserved safety buffer future atp" per listed location.
QStringList TestAtpService::render(const AtpResult& result) {
    QStringList rows;
    for (const AtpLocationFigure& f : result.locations)
        rows << u"%1 %2 %3 %4 %5 %6 %7"_s.arg(f.locationCode)
                    .arg(f.onHand)
                    .arg(f.reserved)
                    .arg(f.safetyStock)
                    .arg(f.buffer)
                    .arg(f.future)
                    .arg(f.atp);
    return rows;
}

void TestAtpService::scenarios_data() {
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("channel");  // empty: none
    QTest::addColumn<QString>("delivery"); // empty: none
    QTest::addColumn<QString>("location"); // empty: every one
    QTest::addColumn<QString>("at");       // empty: 2026-03-01T00:00Z
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QStringList>("figures");

    const QString a = u"DC-A 100 10 5 0 0 85"_s, b = u"DC-B 40 0 0 0 0 40"_s, c = u"DC-C 0 0 0 0 0 0"_s,
                  s1 = u"ST-1 12 2 3 0 0 7"_s, s2 = u"ST-2 6 0 1 0 0 5"_s;
    const QString none;

    QTest::newRow("no channel: every location, no buffer, no future")
        << none << none << none << none << none << 137LL << QStringList{a, b, c, s1, s2};
    QTest::newRow("no channel ignores pools, policies and exclusions")
        << u"pool web ship DC-A; policy web 5 0 1 30; exclude web SKU-1 -"_s << none << none << none << none
        << 137LL << QStringList{a, b, c, s1, s2};
    QTest::newRow("channel without pool rows, ship: locations that ship")
        << none << u"web"_s << u"ship"_s << none << none << 132LL << QStringList{a, b, c, s1};
    QTest::newRow("channel without pool rows, pickup: locations that hand over pickups")
        << none << u"web"_s << u"pickup"_s << none << none << 12LL << QStringList{s1, s2};
    QTest::newRow("channel without pool rows, no method: either")
        << none << u"web"_s << none << none << none << 137LL << QStringList{a, b, c, s1, s2};
    QTest::newRow("pool restricts locations") << u"pool web ship DC-A; pool web ship ST-1"_s << u"web"_s
                                              << u"ship"_s << none << none << 92LL << QStringList{a, s1};
    QTest::newRow("pickup pool") << u"pool web ship DC-A; pool web pickup ST-2"_s << u"web"_s << u"pickup"_s
                                 << none << none << 5LL << QStringList{s2};
    QTest::newRow("ship pool") << u"pool web ship DC-A; pool web pickup ST-2"_s << u"web"_s << u"ship"_s
                               << none << none << 85LL << QStringList{a};
    QTest::newRow("no method: both pools") << u"pool web ship DC-A; pool web pickup ST-2"_s << u"web"_s
                                           << none << none << none << 90LL << QStringList{a, s2};
    QTest::newRow("a method without pool rows serves nothing")
        << u"pool web ship DC-A"_s << u"web"_s << u"pickup"_s << none << none << 0LL << QStringList{};
    QTest::newRow("another channel's pool does not apply")
        << u"pool app ship DC-A"_s << u"web"_s << u"ship"_s << none << none << 132LL
        << QStringList{a, b, c, s1};
    QTest::newRow("pool location without a position row is listed with zeros")
        << u"pool web ship DC-B; pool web ship DC-C"_s << u"web"_s << u"ship"_s << none << none << 40LL
        << QStringList{b, c};
    QTest::newRow("buffer units at every location")
        << u"policy web 5 0 0 0"_s << u"web"_s << u"ship"_s << none << none << 117LL
        << QStringList{u"DC-A 100 10 5 5 0 80"_s, u"DC-B 40 0 0 5 0 35"_s, u"DC-C 0 0 0 5 0 0"_s,
                       u"ST-1 12 2 3 5 0 2"_s};
    QTest::newRow("buffer percent of on hand, rounded up")
        << u"policy web 0 10 0 0"_s << u"web"_s << u"ship"_s << none << none << 116LL
        << QStringList{u"DC-A 100 10 5 10 0 75"_s, u"DC-B 40 0 0 4 0 36"_s, c, u"ST-1 12 2 3 2 0 5"_s};
    QTest::newRow("safety stock at one location")
        << none << none << none << u"ST-1"_s << none << 7LL << QStringList{s1};
    QTest::newRow("buffer at one location") << u"policy web 5 0 0 0"_s << u"web"_s << u"ship"_s << u"DC-B"_s
                                            << none << 35LL << QStringList{u"DC-B 40 0 0 5 0 35"_s};
    QTest::newRow("location outside the channel's locations")
        << none << u"web"_s << u"ship"_s << u"ST-2"_s << none << 0LL << QStringList{};
    QTest::newRow("exclude the SKU") << u"exclude web SKU-1 -"_s << u"web"_s << u"ship"_s << none << none
                                     << 0LL << QStringList{};
    QTest::newRow("exclude a location")
        << u"exclude web - DC-A"_s << u"web"_s << u"ship"_s << none << none << 47LL << QStringList{b, c, s1};
    QTest::newRow("exclude the SKU at one location") << u"exclude web SKU-1 DC-B"_s << u"web"_s << u"ship"_s
                                                     << none << none << 92LL << QStringList{a, c, s1};
    QTest::newRow("exclusions of another SKU or channel do not apply")
        << u"exclude web SKU-2 -; exclude web SKU-2 DC-A; exclude app SKU-1 -"_s << u"web"_s << u"ship"_s
        << none << none << 132LL << QStringList{a, b, c, s1};
    QTest::newRow("future supply inside a 7-day horizon")
        << u"policy web 0 0 1 7"_s << u"web"_s << none << none << none << 179LL
        << QStringList{a, u"DC-B 40 0 0 0 30 70"_s, u"DC-C 0 0 0 0 12 12"_s, s1, s2};
    QTest::newRow("a 10-day horizon takes the 03-10 arrival too")
        << u"policy web 0 0 1 10"_s << u"web"_s << none << none << none << 187LL
        << QStringList{a, u"DC-B 40 0 0 0 30 70"_s, u"DC-C 0 0 0 0 12 12"_s, s1, u"ST-2 6 0 1 0 8 13"_s};
    QTest::newRow("a 60-day horizon takes everything inbound")
        << u"policy web 0 0 1 60"_s << u"web"_s << none << none << none << 237LL
        << QStringList{u"DC-A 100 10 5 0 50 135"_s, u"DC-B 40 0 0 0 30 70"_s, u"DC-C 0 0 0 0 12 12"_s, s1,
                       u"ST-2 6 0 1 0 8 13"_s};
    QTest::newRow("future supply not allowed") << u"policy web 0 0 0 60"_s << u"web"_s << none << none << none
                                               << 137LL << QStringList{a, b, c, s1, s2};
    QTest::newRow("--at moves the horizon: arrival at the moment asked no longer counts")
        << u"policy web 0 0 1 7"_s << u"web"_s << none << none << u"2026-03-05T00:00:00Z"_s << 145LL
        << QStringList{a, b, c, s1, u"ST-2 6 0 1 0 8 13"_s};
    QTest::newRow("--at a month later reaches the April arrival")
        << u"policy web 0 0 1 7"_s << u"web"_s << none << none << u"2026-04-10T00:00:00Z"_s << 187LL
        << QStringList{u"DC-A 100 10 5 0 50 135"_s, b, c, s1, s2};
    QTest::newRow("reserved above on hand minus safety clamps to 0")
        << u"reserve ST-1 11"_s << none << none << none << none << 130LL
        << QStringList{a, b, c, u"ST-1 12 11 3 0 0 0"_s, s2};
    QTest::newRow("clamped at 0, then future added")
        << u"reserve ST-2 6; policy web 0 0 1 10"_s << u"web"_s << none << none << none << 182LL
        << QStringList{a, u"DC-B 40 0 0 0 30 70"_s, u"DC-C 0 0 0 0 12 12"_s, s1, u"ST-2 6 6 1 0 8 8"_s};
    QTest::newRow("buffer and future together")
        << u"policy web 0 10 1 7; pool web ship DC-B"_s << u"web"_s << u"ship"_s << none << none << 66LL
        << QStringList{u"DC-B 40 0 0 4 30 66"_s};
}

void TestAtpService::scenarios() {
    QFETCH(QString, setup);
    QFETCH(QString, channel);
    QFETCH(QString, delivery);
    QFETCH(QString, location);
    QFETCH(QString, at);
    QFETCH(qint64, total);
    QFETCH(QStringList, figures);
    apply(setup);
    AtpQuery query;
    query.skuCode = u"SKU-1"_s;
    if (!channel.isEmpty())
        query.channel = channelFromCode(channel);
    if (!delivery.isEmpty())
        query.delivery = deliveryMethodFromCode(delivery);
    query.locationCode = location;
    query.at = QDateTime::fromString(at.isEmpty() ? u"2026-03-01T00:00:00Z"_s : at, Qt::ISODate);
    AtpService service(m_test->db());
    const AtpResult result = service.atp(query);
    QCOMPARE(render(result), figures);
    QCOMPARE(result.atp, total);
    QCOMPARE(result.skuCode, u"SKU-1"_s);
    QCOMPARE(result.channel, query.channel);
}

void TestAtpService::skuWithoutPositionsListsEveryLocationWithZeros() {
    AtpService service(m_test->db());
    const AtpResult result = service.atp({u"SKU-3"_s, std::nullopt, std::nullopt, {}, {}});
    QCOMPARE(render(result), (QStringList{u"DC-A 0 0 0 0 0 0"_s, u"DC-B 0 0 0 0 0 0"_s, u"DC-C 0 0 0 0 0 0"_s,
                                          u"ST-1 0 0 0 0 0 0"_s, u"ST-2 0 0 0 0 0 0"_s}));
    QCOMPARE(result.atp, 0);
}

void TestAtpService::unknownSkuOrLocationIsNotFound() {
    AtpService service(m_test->db());
    try {
        service.atp({u"NOPE"_s, std::nullopt, std::nullopt, {}, {}});
        QFAIL("an unknown SKU was accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::NotFound);
        QVERIFY2(e.message().contains(u"NOPE"_s), qPrintable(e.message()));
    }
    try {
        service.atp({u"SKU-1"_s, Channel::Web, std::nullopt, u"DC-Z"_s, {}});
        QFAIL("an unknown location was accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::NotFound);
        QVERIFY2(e.message().contains(u"DC-Z"_s), qPrintable(e.message()));
    }
}

void TestAtpService::segmentationIsReadOnceUntilReload() {
    AtpService service(m_test->db());
    const AtpQuery query{u"SKU-1"_s, Channel::Web, DeliveryMethod::Ship, {}, {}};
    QCOMPARE(service.atp(query).atp, 132);
    apply(u"pool web ship DC-A"_s);
    QCOMPARE(service.atp(query).atp, 132); // the segmentation is the one loaded
    // Positions are read on every call.
    apply(u"reserve DC-A 20"_s);
    QCOMPARE(service.atp(query).atp, 122);
    service.reload();
    QCOMPARE(service.atp(query).atp, 75); // DC-A only: 100 - 20 - 5
    QCOMPARE(service.segmentation().pools.value(u"web"_s).value(u"ship"_s), QSet<QString>{u"DC-A"_s});
}

QTEST_GUILESS_MAIN(TestAtpService)
#include "tst_atpservice.moc"
