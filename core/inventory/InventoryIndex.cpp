#include "InventoryIndex.h"

#include "Error.h"
#include "inventory/Atp.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;

template <typename T> inline void prefetchRange(const T* first, const T* last) {
#if defined(__GNUC__) || defined(__clang__)
    for (const char* p = reinterpret_cast<const char*>(first); p < reinterpret_cast<const char*>(last);
         p += 64)
        __builtin_prefetch(p);
#else
    Q_UNUSED(first);
    Q_UNUSED(last);
#endif
}

} // namespace

InventoryIndex::InventoryIndex() {
    m_offsets.push_back(0);
    m_supplyOffsets.push_back(0);
    applySegmentation();
}

InventoryIndex::InventoryIndex(const QList<Location>& locations, const QList<SkuRef>& skus,
                               const QList<PositionRow>& positions, const Segmentation& segmentation)
    : m_segmentation(segmentation) {
    // Locations get their dense ids in code order, so that a SKU's slots, sorted by dense id, list by code.
    m_locations.assign(locations.cbegin(), locations.cend());
    std::sort(m_locations.begin(), m_locations.end(),
              [](const Location& a, const Location& b) { return a.code < b.code; });
    m_locationsByCode.reserve(m_locations.size());
    for (int i = 0; i < int(m_locations.size()); ++i) {
        m_locationByCode.insert(m_locations[size_t(i)].code, i);
        m_locationByDbId.insert(m_locations[size_t(i)].id, i);
        m_locationsByCode.push_back(i);
    }
    m_skus.assign(skus.cbegin(), skus.cend());
    m_skuByCode.reserve(qsizetype(m_skus.size()));
    m_skuByDbId.reserve(qsizetype(m_skus.size()));
    for (int i = 0; i < int(m_skus.size()); ++i) {
        m_skuByCode.insert(m_skus[size_t(i)].code, i);
        m_skuByDbId.insert(m_skus[size_t(i)].id, i);
    }

    // CSR: count per SKU, prefix sums, fill, sort each SKU's run by location.
    std::vector<std::pair<int, int>> dense(size_t(positions.size()), {-1, -1}); // (sku, location)
    std::vector<std::uint32_t> counts(m_skus.size() + 1, 0);
    for (qsizetype i = 0; i < positions.size(); ++i) {
        const PositionRow& row = positions[i];
        const int sku = skuIdForDatabaseId(row.skuId);
        const int location = locationIdForDatabaseId(row.locationId);
        if (sku < 0 || location < 0) {
            m_orphans.insert({row.locationId, row.skuId}, row.figures);
            continue;
        }
        dense[size_t(i)] = {sku, location};
        ++counts[size_t(sku) + 1];
    }
    m_offsets.assign(m_skus.size() + 1, 0);
    for (size_t s = 0; s < m_skus.size(); ++s)
        m_offsets[s + 1] = m_offsets[s] + counts[s + 1];
    m_slots.resize(m_offsets.back());
    std::vector<std::uint32_t> fill(m_offsets.begin(), m_offsets.end() - 1);
    for (qsizetype i = 0; i < positions.size(); ++i) {
        const auto [sku, location] = dense[size_t(i)];
        if (sku < 0)
            continue;
        const PositionFigures& f = positions[i].figures;
        m_slots[fill[size_t(sku)]++] = Slot{f.onHand, f.reserved, f.safetyStock, location};
    }
    for (size_t s = 0; s < m_skus.size(); ++s)
        std::sort(m_slots.begin() + m_offsets[s], m_slots.begin() + m_offsets[s + 1],
                  [](const Slot& a, const Slot& b) { return a.location < b.location; });
    m_skuMeta.assign(m_skus.size(), SkuMeta{});
    rebuildHot();
    applySegmentation();
}

int InventoryIndex::deliveryIndex(std::optional<DeliveryMethod> delivery) {
    if (!delivery)
        return EitherDelivery;
    return *delivery == DeliveryMethod::Pickup ? Pickup : Ship;
}

qint64 InventoryIndex::positionCount() const {
    return qint64(m_slots.size()) + m_overflowSize;
}

// The segmentation in dense form. The rules, as AtpService applies them:
//   - a channel's locations for a delivery method are its pool rows for that method; the union of both
//     methods when none is given;
//   - a channel with no pool rows at all is served by every location that ships (ship) or hands over pickups
//     (pickup);
//   - a location excluded from the channel (for every SKU) is taken out of the channel's pools here; a SKU
//     excluded from the channel, or a SKU excluded at one location, is looked up per check
//     (SkuMeta::channelFlags, m_locationExclusions);
//   - a channel without a stored policy has the default one (no buffer, no future supply).
void InventoryIndex::applySegmentation() {
    const size_t words = std::max<size_t>(1, (m_locations.size() + 63) / 64);
    m_pools.assign(size_t(channelCount * deliveryCount), std::vector<std::uint64_t>(words, 0));
    auto set = [](std::vector<std::uint64_t>& mask, int location) {
        mask[size_t(location) >> 6] |= std::uint64_t(1) << (location & 63);
    };
    for (int c = 0; c < channelCount; ++c) {
        const Channel channel = allChannels[c];
        const QString code = channelCode(channel);
        const auto pool = m_segmentation.pools.constFind(code);
        const bool hasPool = pool != m_segmentation.pools.cend() && !pool->isEmpty();
        std::vector<std::uint64_t>& ship = m_pools[size_t(c * deliveryCount + Ship)];
        std::vector<std::uint64_t>& pickup = m_pools[size_t(c * deliveryCount + Pickup)];
        std::vector<std::uint64_t>& either = m_pools[size_t(c * deliveryCount + EitherDelivery)];
        if (hasPool) {
            const QSet<QString> shipCodes = pool->value(deliveryMethodCode(DeliveryMethod::Ship));
            const QSet<QString> pickupCodes = pool->value(deliveryMethodCode(DeliveryMethod::Pickup));
            for (const QString& location : shipCodes)
                if (const int l = locationId(location); l >= 0)
                    set(ship, l);
            for (const QString& location : pickupCodes)
                if (const int l = locationId(location); l >= 0)
                    set(pickup, l);
        } else {
            for (int l = 0; l < int(m_locations.size()); ++l) {
                if (m_locations[size_t(l)].ships)
                    set(ship, l);
                if (m_locations[size_t(l)].pickup)
                    set(pickup, l);
            }
        }
        for (size_t w = 0; w < words; ++w)
            either[w] = ship[w] | pickup[w];
        m_policies[c] = m_segmentation.policyFor(channel);
    }

    for (SkuMeta& meta : m_skuMeta)
        std::fill(std::begin(meta.channelFlags), std::end(meta.channelFlags), 0);
    m_locationExclusions.clear();
    for (const Segmentation::Exclusion& e : m_segmentation.exclusions) {
        const std::optional<Channel> channel = channelFromCode(e.channel);
        if (!channel)
            continue;
        const int c = channelIndex(*channel);
        const int sku = e.skuCode.isEmpty() ? -1 : skuId(e.skuCode);
        const int location = e.locationCode.isEmpty() ? -1 : locationId(e.locationCode);
        if ((!e.skuCode.isEmpty() && sku < 0) || (!e.locationCode.isEmpty() && location < 0))
            continue; // names something this index does not hold
        if (sku < 0 && location < 0) {
            // Names neither (the schema refuses such a row): keeps every SKU everywhere from the channel.
            for (int d = 0; d < deliveryCount; ++d)
                std::fill(m_pools[size_t(c * deliveryCount + d)].begin(),
                          m_pools[size_t(c * deliveryCount + d)].end(), 0);
        } else if (sku < 0) {
            for (int d = 0; d < deliveryCount; ++d) {
                std::vector<std::uint64_t>& mask = m_pools[size_t(c * deliveryCount + d)];
                mask[size_t(location) >> 6] &= ~(std::uint64_t(1) << (location & 63));
            }
        } else if (location < 0) {
            m_skuMeta[size_t(sku)].channelFlags[c] |= SkuExcluded;
        } else {
            m_skuMeta[size_t(sku)].channelFlags[c] |= SkuHasLocationExclusions;
            m_locationExclusions.insert(exclusionKey(c, sku, location));
        }
    }

    // Future supply per SKU, sorted by arrival (then location, for a stable order).
    std::vector<std::pair<int, Supply>> lines;
    lines.reserve(size_t(m_segmentation.futureSupply.size()));
    for (const FutureSupplyLine& line : m_segmentation.futureSupply) {
        const int sku = skuId(line.skuCode);
        const int location = locationId(line.locationCode);
        if (sku < 0 || location < 0 || !line.arrivesAt.isValid())
            continue;
        lines.push_back({sku, Supply{line.arrivesAt.toMSecsSinceEpoch(), line.quantity, location}});
    }
    std::sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first)
            return a.first < b.first;
        if (a.second.arrivesAtMs != b.second.arrivesAtMs)
            return a.second.arrivesAtMs < b.second.arrivesAtMs;
        return a.second.location < b.second.location;
    });
    m_supplyOffsets.assign(m_skus.size() + 1, 0);
    m_supply.clear();
    m_supply.reserve(lines.size());
    size_t next = 0;
    for (size_t s = 0; s < m_skus.size(); ++s) {
        while (next < lines.size() && lines[next].first == int(s))
            m_supply.push_back(lines[next++].second);
        m_supplyOffsets[s + 1] = std::uint32_t(m_supply.size());
    }

    m_stockTotals.assign(m_skus.size() * totalsPerSku, 0);
    for (int s = 0; s < int(m_skus.size()); ++s)
        computeTotals(s);
}

void InventoryIndex::reloadSegmentation(const Segmentation& segmentation) {
    m_segmentation = segmentation;
    applySegmentation();
}

bool InventoryIndex::locationExcluded(int channel, int sku, int location) const {
    if (!(m_skuMeta[size_t(sku)].channelFlags[channel] & SkuHasLocationExclusions))
        return false;
    return m_locationExclusions.count(exclusionKey(channel, sku, location)) != 0;
}

// The stock part of the hot path's sum (see atp() for the rules), walking the SKU's positions. The buffer
// comes from Atp::bufferUnits, asked once per check when it is a fixed number of units and once per position
// when it is a percentage of on hand; the position's figure from Atp::fromStock, given on hand - reserved -
// safety stock already subtracted (the compact hot copy). The pool test and the sum are branch-free so that a
// pool of scattered locations costs no mispredictions.
qint64 InventoryIndex::stockByScan(int sku, int channelIndex, int delivery, int location) const noexcept {
    if (sku < 0 || sku >= int(m_skus.size()))
        return 0;
    const SkuMeta& meta = m_skuMeta[size_t(sku)];
    const size_t begin = meta.begin;
    const size_t end = meta.end;
    const std::vector<Slot>* overflow = meta.overflow ? &m_overflow.find(sku)->second : nullptr;
    const bool wide = meta.wide;
    qint64 total = 0;
    if (!wide) {
        // Ask for all the SKU's cache lines at once rather than one after another as the loop reaches them:
        // with millions of positions they come from memory, and the misses then overlap.
        prefetchRange(m_hotLocation.data() + begin, m_hotLocation.data() + end);
        prefetchRange(m_hotFree.data() + begin, m_hotFree.data() + end);
    }

    // Calls add(location, onHand - reserved - safetyStock, onHand) for every position of the SKU.
    auto forEachPosition = [&](auto&& add) {
        if (!wide) {
            const std::uint16_t* loc = m_hotLocation.data();
            const std::int32_t* free = m_hotFree.data();
            const std::int32_t* onHand = m_hotOnHand.data();
            for (size_t i = begin; i < end; ++i)
                add(loc[i], qint64(free[i]), qint64(onHand[i]));
        } else {
            for (size_t i = begin; i < end; ++i) {
                const Slot& s = m_slots[i];
                add(s.location, s.onHand - s.reserved - s.safetyStock, s.onHand);
            }
        }
        if (overflow)
            for (const Slot& s : *overflow)
                add(s.location, s.onHand - s.reserved - s.safetyStock, s.onHand);
    };

    if (channelIndex == noChannel) {
        forEachPosition([&](int l, qint64 free, qint64) {
            const qint64 v = Atp::fromStock(free, 0, 0, 0);
            total += (location < 0 || l == location) ? v : 0;
        });
        return total;
    }

    const std::uint8_t flags = meta.channelFlags[channelIndex];
    if (flags & SkuExcluded)
        return 0;
    if (location >= 0 && !inPool(channelIndex, delivery, location))
        return 0;
    const std::uint64_t* mask = m_pools[size_t(channelIndex * deliveryCount + delivery)].data();
    const bool checkExclusions = flags & SkuHasLocationExclusions;
    auto eligible = [&](int l) {
        bool in = location >= 0 ? l == location : ((mask[size_t(l) >> 6] >> (l & 63)) & 1U) != 0;
        if (checkExclusions && in)
            in = !m_locationExclusions.count(exclusionKey(channelIndex, sku, l));
        return in;
    };
    const ChannelPolicy& policy = m_policies[channelIndex];
    if (policy.bufferPercent > 0) {
        if (!wide)
            prefetchRange(m_hotOnHand.data() + begin, m_hotOnHand.data() + end);
        forEachPosition([&](int l, qint64 free, qint64 onHand) {
            const qint64 v = Atp::fromStock(free, 0, 0, Atp::bufferUnits(policy, onHand));
            total += eligible(l) ? v : 0;
        });
    } else {
        const qint64 buffer = Atp::bufferUnits(policy, 0);
        forEachPosition([&](int l, qint64 free, qint64) {
            const qint64 v = Atp::fromStock(free, 0, 0, buffer);
            total += eligible(l) ? v : 0;
        });
    }

    return total;
}

// The hot path: the same total as atp() (see there for the rules) without the per-location breakdown. Over a
// whole pool the stock part is read from m_stockTotals, kept by computeTotals(); for one location it is
// walked (stockByScan). Future supply depends on the time asked, so it is always summed here: the SKU's lines
// arriving in (at, at + horizon], as Atp::futureCounts judges it (UTC days are 24 hours), at eligible
// locations.
qint64 InventoryIndex::atpTotal(int sku, int channelIndex, int delivery, qint64 atMs,
                                int location) const noexcept {
    if (sku < 0 || sku >= int(m_skus.size()))
        return 0;
    const qint64* totals = m_stockTotals.data() + size_t(sku) * totalsPerSku;
    if (channelIndex == noChannel)
        return location < 0 ? totals[totalsPerSku - 1] : stockByScan(sku, noChannel, delivery, location);
    const std::uint8_t flags = m_skuMeta[size_t(sku)].channelFlags[channelIndex];
    if (flags & SkuExcluded)
        return 0;
    qint64 total = location < 0 ? totals[channelIndex * deliveryCount + delivery]
                                : stockByScan(sku, channelIndex, delivery, location);
    const ChannelPolicy& policy = m_policies[channelIndex];
    if (!policy.allowFutureSupply)
        return total;
    const Supply* first = m_supply.data() + m_supplyOffsets[size_t(sku)];
    const Supply* last = m_supply.data() + m_supplyOffsets[size_t(sku) + 1];
    first =
        std::upper_bound(first, last, atMs, [](qint64 at, const Supply& s) { return at < s.arrivesAtMs; });
    const qint64 until = atMs + qint64(policy.horizonDays) * msPerDay;
    for (; first != last && first->arrivesAtMs <= until; ++first) {
        const int l = first->location;
        const bool in = (location < 0 || l == location) && inPool(channelIndex, delivery, l);
        if (in && !((flags & SkuHasLocationExclusions) && locationExcluded(channelIndex, sku, l)))
            total += first->quantity;
    }
    return total;
}

// Available to promise, with each location's breakdown:
//   atp(location) = max(0, on hand - reserved - safety stock - buffer) + future, where the buffer is the
//   channel policy's units or its percentage of on hand rounded up (Atp::bufferUnits) and future is the
//   inbound supply at that location arriving in (at, at + horizon] when the channel allows future supply
//   (Atp::futureCounts). With no channel: every location, no buffer, no future supply.
//   The locations are the channel's pool for the delivery method (see applySegmentation), less exclusions: a
//   SKU excluded from the channel has no location; an excluded location is left out. Given a location code,
//   only that location (when it is one of them). Listed in location-code order; a location without a position
//   row is listed with zero stock (plus its future supply). Total = the sum of the listed locations' atp.
AtpResult InventoryIndex::atp(const AtpQuery& query) const {
    int onlyLocation = -1;
    if (!query.locationCode.isEmpty()) {
        onlyLocation = locationId(query.locationCode);
        if (onlyLocation < 0)
            throw Error::notFound(u"unknown location \"%1\""_s.arg(query.locationCode));
    }
    const int sku = skuId(query.skuCode);
    if (sku < 0)
        throw Error::notFound(u"unknown SKU \"%1\""_s.arg(query.skuCode));
    const QDateTime at = query.at.isValid() ? query.at.toUTC() : QDateTime::currentDateTimeUtc();

    AtpResult result;
    result.skuCode = query.skuCode;
    result.channel = query.channel;
    const int channel = query.channel ? channelIndex(*query.channel) : noChannel;
    const int delivery = deliveryIndex(query.delivery);
    if (channel != noChannel && (m_skuMeta[size_t(sku)].channelFlags[channel] & SkuExcluded))
        return result;
    const ChannelPolicy policy = channel == noChannel ? ChannelPolicy{} : m_policies[channel];
    const Supply* supplyBegin = m_supply.data() + m_supplyOffsets[size_t(sku)];
    const Supply* supplyEnd = m_supply.data() + m_supplyOffsets[size_t(sku) + 1];

    for (const int l : m_locationsByCode) {
        if (onlyLocation >= 0 && l != onlyLocation)
            continue;
        if (channel != noChannel && (!inPool(channel, delivery, l) || locationExcluded(channel, sku, l)))
            continue;
        const PositionFigures stock = figures(sku, l).value_or(PositionFigures{});
        qint64 buffer = 0;
        qint64 future = 0;
        if (channel != noChannel) {
            buffer = Atp::bufferUnits(policy, stock.onHand);
            for (const Supply* s = supplyBegin; s != supplyEnd; ++s)
                if (s->location == l &&
                    Atp::futureCounts(policy, at, QDateTime::fromMSecsSinceEpoch(s->arrivesAtMs, Qt::UTC)))
                    future += s->quantity;
        }
        result.locations << Atp::atLocation(m_locations[size_t(l)].code, stock, buffer, future);
        result.atp += result.locations.constLast().atp;
    }
    return result;
}

} // namespace ordo
