#pragma once

// The generated world of bench_route, shared with bench_route_quality: 1,000 locations over the continental
// US (20 DCs, 20 3PLs, 10 dropship vendors, the rest stores, every other store shipping parcels), SKUs
// stocked at a DC with probability 60 %, a 3PL 30 %, a dropship vendor 5 %, a store 2 %; orders of 1 to 5
// lines (or as many as asked), SKUs skewed towards popular ones, 1 to 3 units a line, shipped anywhere in the
// box. Same seed, same world.

#include "inventory/InventoryIndex.h"
#include "model/Order.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <random>

namespace ordo::bench {

using namespace Qt::StringLiterals;

inline constexpr std::uint64_t seed = 20261201;
inline const qint64 nowMs = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

inline QString skuCode(int i) {
    return u"SKU-%1"_s.arg(i, 6, 10, QChar(u'0'));
}

struct World {
    QList<Location> locations;
    QList<InventoryIndex::SkuRef> skus;
    QList<InventoryIndex::PositionRow> positions;
};

inline World generate(std::mt19937_64& random, int skuCount, int locationCount) {
    auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * double(random() % 1000000) / 1e6; };
    World w;
    for (int l = 0; l < locationCount; ++l) {
        Location loc;
        loc.id = l + 1;
        const int kind = l < 20 ? 0 : l < 40 ? 1 : l < 50 ? 2 : 3;
        static const LocationType types[] = {LocationType::Dc, LocationType::ThirdPartyLogistics,
                                             LocationType::Dropship, LocationType::Store};
        static const char16_t* prefixes[] = {u"DC", u"TP", u"VN", u"ST"};
        loc.type = types[kind];
        loc.code = u"%1-%2"_s.arg(QStringView(prefixes[kind])).arg(l, 4, 10, QChar(u'0'));
        loc.name = loc.code;
        loc.position = GeoPoint{uniform(25.5, 48.5), uniform(-123.0, -70.0)};
        loc.ships = kind < 3 || l % 2 == 0;
        loc.pickup = kind == 3;
        w.locations << loc;
    }
    w.skus.reserve(skuCount);
    for (int s = 0; s < skuCount; ++s)
        w.skus.append({s + 1, skuCode(s)});
    const int percent[] = {60, 30, 5, 2};
    for (int s = 0; s < skuCount; ++s)
        for (int l = 0; l < locationCount; ++l) {
            const int kind = l < 20 ? 0 : l < 40 ? 1 : l < 50 ? 2 : 3;
            if (int(random() % 100) >= percent[kind])
                continue;
            const qint64 onHand = qint64(random() % (kind == 3 ? 8 : 60));
            w.positions.append({l + 1, s + 1, {onHand, qint64(random() % 3), 0}});
        }
    return w;
}

// Orders of minLines to maxLines lines (1 to 5 unless told).
inline QList<Order> orders(std::mt19937_64& random, int count, int skuCount, int minLines = 1,
                           int maxLines = 5) {
    auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * double(random() % 1000000) / 1e6; };
    QList<Order> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        Order o;
        o.id = i + 1;
        o.orderNumber = u"SO-%1"_s.arg(i + 1);
        o.currency = u"USD"_s;
        o.orderedAt = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
        o.shipTo.country = u"US"_s;
        o.shipTo.position = GeoPoint{uniform(25.5, 48.5), uniform(-123.0, -70.0)};
        const int lines = minLines + int(random() % quint64(maxLines - minLines + 1));
        for (int n = 0; n < lines; ++n) {
            // Skewed: a quarter of the lines from the top 1 % of SKUs.
            const int sku = random() % 4 == 0 ? int(random() % quint64(std::max(1, skuCount / 100)))
                                              : int(random() % quint64(skuCount));
            OrderLine line;
            line.lineNo = n + 1;
            line.skuCode = skuCode(sku);
            line.quantity = 1 + int(random() % 3);
            line.unitPrice = Money{1999, u"USD"_s};
            o.lines << line;
        }
        out << o;
    }
    return out;
}

} // namespace ordo::bench
