// IndexStockLevels and networkFromIndex(): the router reading live stock from an InventoryIndex, with the
// index's dense ids (locations in code order), its channel pools and buffers, groups and capacity.
#include "inventory/InventoryIndex.h"
#include "sourcing/IndexStockLevels.h"
#include "sourcing/Router.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

Location location(qint64 id, const QString& code, LocationType type, double lat, double lon,
                  int dailyCapacity) {
    Location l;
    l.id = id;
    l.code = code;
    l.type = type;
    l.position = GeoPoint{lat, lon};
    l.ships = true;
    l.dailyCapacity = dailyCapacity;
    return l;
}

// Database ids in an order other than the codes: ST-NYC 1, DC-WEST 2, DC-EAST 3. Dense ids follow the codes:
// DC-EAST 0, DC-WEST 1, ST-NYC 2.
InventoryIndex index() {
    const QList<Location> locations{location(1, u"ST-NYC"_s, LocationType::Store, 40.75, -73.99, 0),
                                    location(2, u"DC-WEST"_s, LocationType::Dc, 37.0, -120.0, 40),
                                    location(3, u"DC-EAST"_s, LocationType::Dc, 40.0, -75.0, 0)};
    const QList<InventoryIndex::SkuRef> skus{{10, u"SKU-A"_s}, {11, u"SKU-B"_s}};
    // SKU-A: ST-NYC 5 free, DC-WEST 50, DC-EAST 12 on hand - 2 reserved - 4 safety = 6. SKU-B: DC-WEST only.
    const QList<InventoryIndex::PositionRow> positions{
        {1, 10, {5, 0, 0}}, {2, 10, {50, 0, 0}}, {3, 10, {12, 2, 4}}, {2, 11, {9, 0, 0}}};
    Segmentation segmentation;
    ChannelPolicy app{Channel::App, 5, 0, false, 0}; // app keeps 5 units back at every position
    segmentation.policies.insert(u"app"_s, app);
    segmentation.pools[u"marketplace"_s][u"ship"_s] = {u"DC-WEST"_s};
    return InventoryIndex(locations, skus, positions, segmentation);
}

Order order(Channel channel, int quantity) {
    Order o;
    o.id = 5;
    o.channel = channel;
    o.currency = u"USD"_s;
    o.shipTo.position = GeoPoint{40.71, -74.01};
    OrderLine line;
    line.lineNo = 1;
    line.skuCode = u"SKU-A"_s;
    line.quantity = quantity;
    o.lines = {line};
    return o;
}

} // namespace

class TestIndexStockLevels : public QObject {
    Q_OBJECT

private slots:
    void networkFollowsTheIndex() {
        const InventoryIndex idx = index();
        const RoutingNetwork network = networkFromIndex(
            idx, {{u"EAST"_s, {u"DC-EAST"_s, u"ST-NYC"_s}}, {u"ALL"_s, {u"DC-EAST"_s}}}, {{u"ST-NYC"_s, 3}});
        QCOMPARE(network.size(), 3);
        QCOMPARE(network.at(0).location.code, u"DC-EAST"_s);
        QCOMPARE(network.indexOf(u"ST-NYC"_s), idx.locationId(u"ST-NYC"_s));
        QCOMPARE(network.at(0).groups, (QStringList{u"ALL"_s, u"EAST"_s}));
        QCOMPARE(network.at(2).groups, QStringList{u"EAST"_s});
        QCOMPARE(network.at(0).capacityLeft, -1); // no daily limit
        QCOMPARE(network.at(1).capacityLeft, 40); // its daily capacity
        QCOMPARE(network.at(2).capacityLeft, 3);  // as given
    }

    void viewReadsAtp() {
        const InventoryIndex idx = index();
        const IndexStockLevels view(idx);
        QCOMPARE(view.skuIndex(u"SKU-B"_s), idx.skuId(u"SKU-B"_s));
        QCOMPARE(view.skuIndex(u"SKU-Z"_s), -1);
        std::vector<StockLevels::Stocked> out;
        view.stocked(view.skuIndex(u"SKU-A"_s), int(Channel::Web), InventoryIndex::Ship, 0, out);
        QCOMPARE(out.size(), size_t(3));
        QCOMPARE(out[0].location, 0);
        QCOMPARE(out[0].available, 6);
        QCOMPARE(out[1].available, 50);
        QCOMPARE(out[2].available, 5);
        // app: 5 units kept back everywhere; ST-NYC has nothing left and is not listed.
        view.stocked(view.skuIndex(u"SKU-A"_s), int(Channel::App), InventoryIndex::Ship, 0, out);
        QCOMPARE(out.size(), size_t(2));
        QCOMPARE(out[0].available, 1);
        QCOMPARE(out[1].available, 45);
        view.stocked(-1, int(Channel::Web), InventoryIndex::Ship, 0, out);
        QVERIFY(out.empty());
    }

    void routesOverTheIndex() {
        const InventoryIndex idx = index();
        const IndexStockLevels view(idx);
        const RoutingNetwork network = networkFromIndex(idx);
        const RuleSet rules = RuleSet::defaults();
        // Web, 6 units: DC-EAST (6 free, 115 km, 5.15) beats DC-WEST; ST-NYC has 5.
        Decision d = route(order(Channel::Web, 6), rules, view, network);
        QCOMPARE(d.shipments.size(), 1);
        QCOMPARE(d.shipments.first().locationCode, u"DC-EAST"_s);
        QCOMPARE(d.totalCostMinor, 515);
        // App keeps 5 back: DC-EAST has 1 left, so DC-WEST.
        d = route(order(Channel::App, 6), rules, view, network);
        QCOMPARE(d.shipments.first().locationCode, u"DC-WEST"_s);
        // Marketplace ships from DC-WEST only.
        d = route(order(Channel::Marketplace, 1), rules, view, network);
        QCOMPARE(d.shipments.first().locationCode, u"DC-WEST"_s);
        QCOMPARE(d.candidates.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestIndexStockLevels)
#include "tst_indexstocklevels.moc"
