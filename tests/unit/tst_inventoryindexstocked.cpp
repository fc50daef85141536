// InventoryIndex::stockedLocations(): on random data (pools, exclusions, unit and percentage buffers, future
// supply inside and outside the horizon, positions added after the build), the locations it lists and their
// figures agree with atpTotal() for every location and with atpTotal() over the whole pool.
#include "inventory/InventoryIndex.h"

#include <QTest>

#include <random>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;

struct RandomWorld {
    QList<Location> locations;
    QList<InventoryIndex::SkuRef> skus;
    QList<InventoryIndex::PositionRow> positions;
    Segmentation segmentation;
};

RandomWorld randomWorld(std::mt19937_64& random, const QDateTime& at) {
    auto chance = [&](int percent) { return int(random() % 100) < percent; };
    RandomWorld w;
    const int locationCount = 1 + int(random() % 70);
    const int skuCount = 1 + int(random() % 6);
    for (int l = 0; l < locationCount; ++l) {
        Location loc;
        loc.id = 100 + l;
        // Codes in an order other than the ids, so dense ids (code order) differ from database ids.
        loc.code = u"L%1"_s.arg((l * 37) % 101, 3, 10, QChar(u'0'));
        loc.ships = chance(70);
        loc.pickup = chance(40);
        w.locations << loc;
    }
    for (int s = 0; s < skuCount; ++s)
        w.skus << InventoryIndex::SkuRef{500 + s, u"SKU-%1"_s.arg(s)};
    for (const Location& loc : std::as_const(w.locations))
        for (const InventoryIndex::SkuRef& sku : std::as_const(w.skus))
            if (chance(60))
                w.positions << InventoryIndex::PositionRow{
                    loc.id, sku.id, {qint64(random() % 40), qint64(random() % 12), qint64(random() % 6)}};
    auto someLocation = [&] { return w.locations[qsizetype(random() % quint64(w.locations.size()))].code; };
    auto someSku = [&] { return w.skus[qsizetype(random() % quint64(w.skus.size()))].code; };
    for (Channel channel : allChannels) {
        const QString code = channelCode(channel);
        if (chance(50)) {
            for (const QString& delivery : {u"ship"_s, u"pickup"_s})
                for (int i = 0; i < 1 + int(random() % 8); ++i)
                    w.segmentation.pools[code][delivery].insert(someLocation());
        }
        ChannelPolicy policy;
        policy.channel = channel;
        if (chance(40))
            policy.bufferUnits = qint64(random() % 5);
        if (chance(30))
            policy.bufferPercent = 1 + int(random() % 30);
        policy.allowFutureSupply = chance(60);
        policy.horizonDays = int(random() % 20);
        w.segmentation.policies.insert(code, policy);
        for (int i = 0; i < int(random() % 3); ++i) {
            const int kind = int(random() % 3);
            w.segmentation.exclusions << Segmentation::Exclusion{code, kind == 1 ? QString() : someSku(),
                                                                 kind == 0 ? QString() : someLocation()};
        }
    }
    for (int i = 0; i < int(random() % 25); ++i) {
        const qint64 offsetMs = (qint64(random() % 40) - 10) * msPerDay + qint64(random() % 3) * 3600 * 1000;
        w.segmentation.futureSupply << FutureSupplyLine{u"PO-%1"_s.arg(i), someLocation(), someSku(),
                                                        1 + qint64(random() % 20), at.addMSecs(offsetMs)};
    }
    return w;
}

} // namespace

class TestInventoryIndexStocked : public QObject {
    Q_OBJECT

private slots:
    void agreesWithAtpTotal() {
        const QDateTime at(QDate(2026, 11, 2), QTime(12, 0), Qt::UTC);
        const qint64 atMs = at.toMSecsSinceEpoch();
        std::mt19937_64 random(20261201);
        std::vector<std::pair<int, qint64>> listed;
        int checks = 0;
        int nonEmpty = 0;
        for (int world = 0; world < 150; ++world) {
            const RandomWorld w = randomWorld(random, at);
            InventoryIndex index(w.locations, w.skus, w.positions, w.segmentation);
            // Some positions written through after the build land in the overflow.
            for (int i = 0; i < 3; ++i) {
                const Location& loc = w.locations[qsizetype(random() % quint64(w.locations.size()))];
                const InventoryIndex::SkuRef& sku = w.skus[qsizetype(random() % quint64(w.skus.size()))];
                index.positionChanged(loc.id, sku.id, {qint64(random() % 30), 0, qint64(random() % 3)});
            }
            for (int sku = 0; sku < index.skuCount(); ++sku)
                for (int channel = InventoryIndex::noChannel; channel < InventoryIndex::channelCount;
                     ++channel)
                    for (int delivery = 0; delivery < InventoryIndex::deliveryCount; ++delivery) {
                        index.stockedLocations(sku, channel, delivery, atMs, listed);
                        qint64 sum = 0;
                        int previous = -1;
                        for (const auto& [location, atp] : listed) {
                            QVERIFY2(location > previous, "listed by dense location id, once each");
                            previous = location;
                            QVERIFY(atp > 0);
                            QCOMPARE(atp, index.atpTotal(sku, channel, delivery, atMs, location));
                            sum += atp;
                        }
                        QCOMPARE(sum, index.atpTotal(sku, channel, delivery, atMs));
                        for (int l = 0; l < index.locationCount(); ++l) {
                            const bool isListed = std::any_of(listed.begin(), listed.end(),
                                                              [l](const auto& p) { return p.first == l; });
                            if (!isListed)
                                QCOMPARE(index.atpTotal(sku, channel, delivery, atMs, l), 0);
                        }
                        ++checks;
                        nonEmpty += listed.empty() ? 0 : 1;
                    }
        }
        QVERIFY(checks > 5000);
        QVERIFY(nonEmpty > checks / 4); // the data is not mostly empty
    }

    void unknownSkuListsNothing() {
        InventoryIndex index;
        std::vector<std::pair<int, qint64>> listed{{1, 2}};
        index.stockedLocations(3, 0, InventoryIndex::Ship, 0, listed);
        QVERIFY(listed.empty());
    }
};

QTEST_GUILESS_MAIN(TestInventoryIndexStocked)
#include "tst_inventoryindexstocked.moc"
