#include "Error.h"
#include "inventory/InventoryIndex.h"

#include <QTest>

using namespace Qt::StringLiterals;
using ordo::AtpQuery;
using ordo::AtpResult;
using ordo::Channel;
using ordo::DeliveryMethod;
using ordo::InventoryIndex;
using ordo::Location;
using ordo::PositionFigures;
using ordo::Segmentation;

namespace {

const QDateTime at(QDate(2026, 11, 2), QTime(12, 0), Qt::UTC);

Location location(qint64 id, const QString& code, bool ships, bool pickup) {
    Location l;
    l.id = id;
    l.code = code;
    l.ships = ships;
    l.pickup = pickup;
    return l;
}

// The world every case is computed by hand from:
//   locations DC-EAST (ships), ST-NYC (ships, pickup), ST-BOS (pickup only), VN-ACME (ships), WH-RET
//   (neither) SKU-A: DC-EAST 101/10/5 (on hand/reserved/safety), ST-NYC 20/2/3, ST-BOS 8/0/0, VN-ACME 50/0/0,
//   WH-RET 30/0/0 SKU-B: DC-EAST 5/4/2 (negative before the floor), ST-NYC 12/0/0;  SKU-C: no positions web,
//   phone: no pool, default policy;  app: ship pool {DC-EAST}, buffer 4 units marketplace: ship pool
//   {DC-EAST, VN-ACME}, buffer 10 %, future within 30 days pos: pickup pool {ST-NYC, ST-BOS}, ST-BOS excluded
//   from pos b2b: no pool, future within 10 days, SKU-B excluded, SKU-A excluded at VN-ACME future supply of
//   SKU-A: DC-EAST 40 at +5 d, 6 at +10 d (the horizon's last instant), 100 a day ago, 11 exactly at `at`
//   (not after it); VN-ACME 7 at +20 d; ST-BOS 9 at +3 d.  SKU-C: DC-EAST 15 at +2 d.
QList<Location> locations() {
    return {location(1, u"DC-EAST"_s, true, false), location(2, u"ST-NYC"_s, true, true),
            location(3, u"ST-BOS"_s, false, true), location(4, u"VN-ACME"_s, true, false),
            location(5, u"WH-RET"_s, false, false)};
}

QList<InventoryIndex::SkuRef> skus() {
    return {{10, u"SKU-A"_s}, {11, u"SKU-B"_s}, {12, u"SKU-C"_s}};
}

QList<InventoryIndex::PositionRow> positions() {
    return {{1, 10, {101, 10, 5}}, {2, 10, {20, 2, 3}}, {3, 10, {8, 0, 0}}, {4, 10, {50, 0, 0}},
            {5, 10, {30, 0, 0}},   {1, 11, {5, 4, 2}},  {2, 11, {12, 0, 0}}};
}

ordo::FutureSupplyLine supply(const QString& reference, const QString& locationCode, const QString& sku,
                              qint64 quantity, const QDateTime& arrivesAt) {
    return {reference, locationCode, sku, quantity, arrivesAt};
}

Segmentation segmentation() {
    Segmentation s;
    s.pools[u"app"_s][u"ship"_s] = {u"DC-EAST"_s};
    s.pools[u"marketplace"_s][u"ship"_s] = {u"DC-EAST"_s, u"VN-ACME"_s};
    s.pools[u"pos"_s][u"pickup"_s] = {u"ST-NYC"_s, u"ST-BOS"_s};
    ordo::ChannelPolicy app;
    app.channel = Channel::App;
    app.bufferUnits = 4;
    ordo::ChannelPolicy marketplace;
    marketplace.channel = Channel::Marketplace;
    marketplace.bufferPercent = 10;
    marketplace.allowFutureSupply = true;
    marketplace.horizonDays = 30;
    ordo::ChannelPolicy b2b;
    b2b.channel = Channel::B2b;
    b2b.allowFutureSupply = true;
    b2b.horizonDays = 10;
    s.policies.insert(u"app"_s, app);
    s.policies.insert(u"marketplace"_s, marketplace);
    s.policies.insert(u"b2b"_s, b2b);
    s.exclusions = {
        {u"pos"_s, {}, u"ST-BOS"_s}, {u"b2b"_s, u"SKU-B"_s, {}}, {u"b2b"_s, u"SKU-A"_s, u"VN-ACME"_s}};
    s.futureSupply = {supply(u"PO-1"_s, u"DC-EAST"_s, u"SKU-A"_s, 40, at.addDays(5)),
                      supply(u"PO-7"_s, u"DC-EAST"_s, u"SKU-A"_s, 6, at.addDays(10)),
                      supply(u"PO-5"_s, u"DC-EAST"_s, u"SKU-A"_s, 100, at.addDays(-1)),
                      supply(u"PO-6"_s, u"DC-EAST"_s, u"SKU-A"_s, 11, at),
                      supply(u"PO-2"_s, u"VN-ACME"_s, u"SKU-A"_s, 7, at.addDays(20)),
                      supply(u"PO-3"_s, u"ST-BOS"_s, u"SKU-A"_s, 9, at.addDays(3)),
                      supply(u"PO-4"_s, u"DC-EAST"_s, u"SKU-C"_s, 15, at.addDays(2))};
    return s;
}

InventoryIndex sampleIndex() {
    return InventoryIndex(locations(), skus(), positions(), segmentation());
}

// "CODE:buffer:future:atp" per listed location.
QStringList breakdown(const AtpResult& result) {
    QStringList lines;
    for (const ordo::AtpLocationFigure& f : result.locations)
        lines << u"%1:%2:%3:%4"_s.arg(f.locationCode).arg(f.buffer).arg(f.future).arg(f.atp);
    return lines;
}

AtpQuery query(const QString& sku, const QString& channel, const QString& delivery,
               const QString& locationCode = {}) {
    AtpQuery q;
    q.skuCode = sku;
    if (!channel.isEmpty())
        q.channel = ordo::channelFromCode(channel);
    if (!delivery.isEmpty())
        q.delivery = ordo::deliveryMethodFromCode(delivery);
    q.locationCode = locationCode;
    q.at = at;
    return q;
}

qint64 hotTotal(const InventoryIndex& index, const AtpQuery& q) {
    return index.atpTotal(index.skuId(q.skuCode),
                          q.channel ? InventoryIndex::channelIndex(*q.channel) : InventoryIndex::noChannel,
                          InventoryIndex::deliveryIndex(q.delivery), q.at.toMSecsSinceEpoch(),
                          q.locationCode.isEmpty() ? -1 : index.locationId(q.locationCode));
}

} // namespace

class tst_InventoryIndex : public QObject {
    Q_OBJECT

private slots:
    void atp_data();
    void atp();
    void figuresOfAPosition();
    void unknownCodesAreRefused();
    void writeThroughUpdatesAndCreates();
    void overflowIsCompacted();
    void figuresBeyond32BitsStayExact();
    void positionOfUnknownSkuWaitsForIt();
    void laterLocationIsListedInCodeOrder();
    void reloadSegmentationChangesPools();
};

void tst_InventoryIndex::atp_data() {
    QTest::addColumn<QString>("sku");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("delivery");
    QTest::addColumn<QString>("location");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QStringList>("lines");

    // No channel: every location (even one that neither ships nor hands over), no buffer, no future.
    QTest::newRow("no channel") << u"SKU-A"_s << QString() << QString() << QString() << qint64(189)
                                << QStringList{u"DC-EAST:0:0:86"_s, u"ST-BOS:0:0:8"_s, u"ST-NYC:0:0:15"_s,
                                               u"VN-ACME:0:0:50"_s, u"WH-RET:0:0:30"_s};
    QTest::newRow("no channel, one location") << u"SKU-A"_s << QString() << QString() << u"WH-RET"_s
                                              << qint64(30) << QStringList{u"WH-RET:0:0:30"_s};
    // No pool rows: ship = locations that ship, pickup = those that hand over, none given = both.
    QTest::newRow("web, either") << u"SKU-A"_s << u"web"_s << QString() << QString() << qint64(159)
                                 << QStringList{u"DC-EAST:0:0:86"_s, u"ST-BOS:0:0:8"_s, u"ST-NYC:0:0:15"_s,
                                                u"VN-ACME:0:0:50"_s};
    QTest::newRow("web, ship") << u"SKU-A"_s << u"web"_s << u"ship"_s << QString() << qint64(151)
                               << QStringList{u"DC-EAST:0:0:86"_s, u"ST-NYC:0:0:15"_s, u"VN-ACME:0:0:50"_s};
    QTest::newRow("web, pickup") << u"SKU-A"_s << u"web"_s << u"pickup"_s << QString() << qint64(23)
                                 << QStringList{u"ST-BOS:0:0:8"_s, u"ST-NYC:0:0:15"_s};
    QTest::newRow("web, one location") << u"SKU-A"_s << u"web"_s << QString() << u"ST-NYC"_s << qint64(15)
                                       << QStringList{u"ST-NYC:0:0:15"_s};
    // Pool rows for ship only: a pickup asks an empty pool, not every location.
    QTest::newRow("app, buffer in units")
        << u"SKU-A"_s << u"app"_s << QString() << QString() << qint64(82) << QStringList{u"DC-EAST:4:0:82"_s};
    QTest::newRow("app, pickup pool empty")
        << u"SKU-A"_s << u"app"_s << u"pickup"_s << QString() << qint64(0) << QStringList{};
    QTest::newRow("app, location outside pool")
        << u"SKU-A"_s << u"app"_s << QString() << u"ST-NYC"_s << qint64(0) << QStringList{};
    // 10 % of 101 rounds up to 11; of 50 it is 5. Future within 30 days: 40 + 6 at DC-EAST (not the one a day
    // ago, not the one exactly at `at`), 7 at VN-ACME; ST-BOS is not in the pool.
    QTest::newRow("marketplace, percent and future")
        << u"SKU-A"_s << u"marketplace"_s << QString() << QString() << qint64(173)
        << QStringList{u"DC-EAST:11:46:121"_s, u"VN-ACME:5:7:52"_s};
    QTest::newRow("marketplace, no stock, future only")
        << u"SKU-C"_s << u"marketplace"_s << QString() << QString() << qint64(15)
        << QStringList{u"DC-EAST:0:15:15"_s, u"VN-ACME:0:0:0"_s};
    // ST-BOS has inbound SKU-A but is not in the marketplace pool: nothing, not even its future supply.
    QTest::newRow("marketplace, location outside pool with supply")
        << u"SKU-A"_s << u"marketplace"_s << QString() << u"ST-BOS"_s << qint64(0) << QStringList{};
    QTest::newRow("pos, excluded location")
        << u"SKU-A"_s << u"pos"_s << QString() << QString() << qint64(15) << QStringList{u"ST-NYC:0:0:15"_s};
    // Horizon 10 days: +10 d counts (inclusive), +20 d does not; VN-ACME excluded for SKU-A.
    QTest::newRow("b2b, sku excluded at a location")
        << u"SKU-A"_s << u"b2b"_s << QString() << QString() << qint64(164)
        << QStringList{u"DC-EAST:0:46:132"_s, u"ST-BOS:0:9:17"_s, u"ST-NYC:0:0:15"_s};
    QTest::newRow("b2b, sku excluded")
        << u"SKU-B"_s << u"b2b"_s << QString() << QString() << qint64(0) << QStringList{};
    // 5 - 4 - 2 = -1 floors at 0; locations without a position row are listed with zeros.
    QTest::newRow("phone, floor and empty rows")
        << u"SKU-B"_s << u"phone"_s << QString() << QString() << qint64(12)
        << QStringList{u"DC-EAST:0:0:0"_s, u"ST-BOS:0:0:0"_s, u"ST-NYC:0:0:12"_s, u"VN-ACME:0:0:0"_s};
    QTest::newRow("web, no positions")
        << u"SKU-C"_s << u"web"_s << u"ship"_s << QString() << qint64(0)
        << QStringList{u"DC-EAST:0:0:0"_s, u"ST-NYC:0:0:0"_s, u"VN-ACME:0:0:0"_s};
}

void tst_InventoryIndex::atp() {
    QFETCH(QString, sku);
    QFETCH(QString, channel);
    QFETCH(QString, delivery);
    QFETCH(QString, location);
    QFETCH(qint64, total);
    QFETCH(QStringList, lines);

    const InventoryIndex index = sampleIndex();
    const AtpQuery q = query(sku, channel, delivery, location);
    const AtpResult result = index.atp(q);
    QCOMPARE(result.skuCode, sku);
    QCOMPARE(result.channel.has_value(), !channel.isEmpty());
    QCOMPARE(breakdown(result), lines);
    QCOMPARE(result.atp, total);
    QCOMPARE(hotTotal(index, q), total);
}

void tst_InventoryIndex::figuresOfAPosition() {
    const InventoryIndex index = sampleIndex();
    const AtpResult result = index.atp(query(u"SKU-A"_s, u"app"_s, {}));
    QCOMPARE(result.locations.size(), 1);
    const ordo::AtpLocationFigure& f = result.locations.first();
    QCOMPARE(f.onHand, 101);
    QCOMPARE(f.reserved, 10);
    QCOMPARE(f.safetyStock, 5);
    QCOMPARE(index.figures(index.skuId(u"SKU-B"_s), index.locationId(u"DC-EAST"_s)),
             (PositionFigures{5, 4, 2}));
    QVERIFY(!index.figures(index.skuId(u"SKU-C"_s), index.locationId(u"DC-EAST"_s)));
    QCOMPARE(index.positionCount(), 7);
    QCOMPARE(index.locationId(u"DC-EAST"_s), 0); // dense ids in code order
    QCOMPARE(index.locationId(u"WH-RET"_s), 4);
    QCOMPARE(index.skuId(u"SKU-X"_s), -1);
    QCOMPARE(index.atpTotal(-1, InventoryIndex::noChannel), 0);
}

void tst_InventoryIndex::unknownCodesAreRefused() {
    const InventoryIndex index = sampleIndex();
    try {
        index.atp(query(u"SKU-X"_s, {}, {}));
        QFAIL("an unknown SKU was answered");
    } catch (const ordo::Error& e) {
        QCOMPARE(e.kind(), ordo::Error::Kind::NotFound);
        QVERIFY(e.message().contains(u"SKU-X"_s));
    }
    QVERIFY_THROWS_EXCEPTION(ordo::Error, index.atp(query(u"SKU-A"_s, {}, {}, u"NOWHERE"_s)));
}

void tst_InventoryIndex::writeThroughUpdatesAndCreates() {
    InventoryIndex index = sampleIndex();
    index.positionChanged(2, 10, {20, 12, 3}); // ST-NYC SKU-A: 10 more reserved
    QCOMPARE(index.atp(query(u"SKU-A"_s, u"web"_s, u"pickup"_s)).atp, 13);
    index.positionChanged(4, 11, {9, 1, 1}); // VN-ACME SKU-B: new position
    QCOMPARE(index.positionCount(), 8);
    const AtpQuery q = query(u"SKU-B"_s, u"web"_s, u"ship"_s);
    QCOMPARE(breakdown(index.atp(q)),
             (QStringList{u"DC-EAST:0:0:0"_s, u"ST-NYC:0:0:12"_s, u"VN-ACME:0:0:7"_s}));
    QCOMPARE(hotTotal(index, q), 19);
    index.positionChanged(4, 11, {10, 1, 1}); // and again, now in the overflow
    QCOMPARE(hotTotal(index, q), 20);
    index.compact();
    QCOMPARE(index.positionCount(), 8);
    QCOMPARE(hotTotal(index, q), 20);
    QCOMPARE(index.figures(index.skuId(u"SKU-B"_s), index.locationId(u"VN-ACME"_s)),
             (PositionFigures{10, 1, 1}));
}

void tst_InventoryIndex::overflowIsCompacted() {
    // 1,000 SKUs without positions; 5,000 positions then arrive through the sink, more than the overflow
    // holds before it is merged into the CSR arrays; every figure stays readable before and after.
    QList<InventoryIndex::SkuRef> many;
    for (int i = 0; i < 1000; ++i)
        many.append({100 + i, u"S%1"_s.arg(i, 4, 10, QChar(u'0'))});
    InventoryIndex index(locations(), many, {}, Segmentation{});
    for (int i = 0; i < 1000; ++i)
        for (qint64 l = 5; l >= 1; --l)
            index.positionChanged(l, 100 + i, {i + l, 1, 0});
    QCOMPARE(index.positionCount(), 5000);
    for (int i = 0; i < 1000; i += 97) {
        const int sku = index.skuId(u"S%1"_s.arg(i, 4, 10, QChar(u'0')));
        // every location: sum over l of (i + l - 1) = 5i + 10
        QCOMPARE(index.atpTotal(sku, InventoryIndex::noChannel), 5 * i + 10);
        QCOMPARE(index.figures(sku, index.locationId(u"ST-NYC"_s)), (PositionFigures{i + 2, 1, 0}));
    }
}

void tst_InventoryIndex::figuresBeyond32BitsStayExact() {
    InventoryIndex index = sampleIndex();
    const qint64 big = 5'000'000'000;
    index.positionChanged(1, 10, {big, 10, 5}); // DC-EAST SKU-A, a CSR slot
    const AtpQuery q = query(u"SKU-A"_s, u"marketplace"_s, u"ship"_s);
    // Buffer 10 % of 5e9 = 5e8. DC-EAST: 5e9 - 10 - 5 - 5e8, plus 46 future; VN-ACME as before, 52.
    const qint64 expected = big - 15 - big / 10 + 46 + 52;
    QCOMPARE(index.atp(q).atp, expected);
    QCOMPARE(hotTotal(index, q), expected);
    index.positionChanged(1, 10, {101, 10, 5});
    index.compact(); // looks at the SKU again: back in 32 bits
    QCOMPARE(hotTotal(index, q), 173);
}

void tst_InventoryIndex::positionOfUnknownSkuWaitsForIt() {
    InventoryIndex index = sampleIndex();
    index.positionChanged(1, 99, {7, 0, 0});
    QCOMPARE(index.positionCount(), 7);
    index.addSku(99, u"SKU-NEW"_s);
    QCOMPARE(index.positionCount(), 8);
    QCOMPARE(index.atp(query(u"SKU-NEW"_s, u"app"_s, {})).atp, 3); // 7 - buffer 4
}

void tst_InventoryIndex::laterLocationIsListedInCodeOrder() {
    InventoryIndex index = sampleIndex();
    index.positionChanged(6, 10, {4, 0, 0}); // location 6 not known yet
    index.addLocation(location(6, u"AA-FIRST"_s, true, false));
    const AtpQuery q = query(u"SKU-A"_s, u"web"_s, u"ship"_s);
    QCOMPARE(breakdown(index.atp(q)), (QStringList{u"AA-FIRST:0:0:4"_s, u"DC-EAST:0:0:86"_s,
                                                   u"ST-NYC:0:0:15"_s, u"VN-ACME:0:0:50"_s}));
    QCOMPARE(hotTotal(index, q), 155);
}

void tst_InventoryIndex::reloadSegmentationChangesPools() {
    InventoryIndex index = sampleIndex();
    Segmentation s = segmentation();
    s.pools[u"web"_s][u"ship"_s] = {u"WH-RET"_s};
    s.exclusions.clear();
    s.policies.remove(u"app"_s);
    index.reloadSegmentation(s);
    QCOMPARE(breakdown(index.atp(query(u"SKU-A"_s, u"web"_s, {}))), QStringList{u"WH-RET:0:0:30"_s});
    QCOMPARE(index.atp(query(u"SKU-A"_s, u"app"_s, {})).atp, 86);
    QCOMPARE(index.atp(query(u"SKU-B"_s, u"b2b"_s, {})).atp, 12);
    QCOMPARE(hotTotal(index, query(u"SKU-A"_s, u"pos"_s, {})), 23);
}

QTEST_GUILESS_MAIN(tst_InventoryIndex)
#include "tst_inventoryindex.moc"
