// InventoryIndex::stockedLocations(): the per-location side of atpTotal(), for the router.
#include "InventoryIndex.h"
#include "inventory/Atp.h"

#include <algorithm>

namespace ordo {

namespace {

constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;

} // namespace

// The same rules as atp() and atpTotal() (see InventoryIndex.cpp), location by location: walks the SKU's CSR
// slots and overflow for the stock part (pool bitset, SKU and SKU-at-location exclusions, the channel's
// buffer), then adds the future supply arriving in (at, at + horizon] at eligible locations, which may name a
// location with no position row. Listed by dense location id; only locations with ATP > 0.
void InventoryIndex::stockedLocations(int sku, int channelIndex, int delivery, qint64 atMs,
                                      std::vector<std::pair<int, qint64>>& out) const {
    out.clear();
    if (sku < 0 || sku >= int(m_skus.size()))
        return;
    const SkuMeta& meta = m_skuMeta[size_t(sku)];
    const std::vector<Slot>* overflow = meta.overflow ? &m_overflow.find(sku)->second : nullptr;
    bool sorted = overflow == nullptr;

    auto forEachPosition = [&](auto&& add) {
        if (!meta.wide) {
            const std::uint16_t* loc = m_hotLocation.data();
            const std::int32_t* free = m_hotFree.data();
            const std::int32_t* onHand = m_hotOnHand.data();
            for (size_t i = meta.begin; i < meta.end; ++i)
                add(int(loc[i]), qint64(free[i]), qint64(onHand[i]));
        } else {
            for (size_t i = meta.begin; i < meta.end; ++i) {
                const Slot& s = m_slots[i];
                add(int(s.location), s.onHand - s.reserved - s.safetyStock, s.onHand);
            }
        }
        if (overflow)
            for (const Slot& s : *overflow)
                add(int(s.location), s.onHand - s.reserved - s.safetyStock, s.onHand);
    };

    if (channelIndex == noChannel) {
        forEachPosition([&](int l, qint64 free, qint64) {
            if (const qint64 v = Atp::fromStock(free, 0, 0, 0); v > 0)
                out.emplace_back(l, v);
        });
    } else {
        const std::uint8_t flags = meta.channelFlags[channelIndex];
        if (flags & SkuExcluded)
            return;
        const bool checkExclusions = flags & SkuHasLocationExclusions;
        auto eligible = [&](int l) {
            return inPool(channelIndex, delivery, l) &&
                   !(checkExclusions && locationExcluded(channelIndex, sku, l));
        };
        const ChannelPolicy& policy = m_policies[channelIndex];
        forEachPosition([&](int l, qint64 free, qint64 onHand) {
            if (!eligible(l))
                return;
            // The position is listed even at zero here: future supply may still be added to it below.
            out.emplace_back(l, Atp::fromStock(free, 0, 0, Atp::bufferUnits(policy, onHand)));
        });
        if (policy.allowFutureSupply) {
            const Supply* first = m_supply.data() + m_supplyOffsets[size_t(sku)];
            const Supply* last = m_supply.data() + m_supplyOffsets[size_t(sku) + 1];
            first = std::upper_bound(first, last, atMs,
                                     [](qint64 at, const Supply& s) { return at < s.arrivesAtMs; });
            const qint64 until = atMs + qint64(policy.horizonDays) * msPerDay;
            for (; first != last && first->arrivesAtMs <= until; ++first) {
                const int l = first->location;
                if (!eligible(l))
                    continue;
                const auto it =
                    std::find_if(out.begin(), out.end(), [l](const auto& p) { return p.first == l; });
                if (it != out.end()) {
                    it->second += first->quantity;
                } else {
                    out.emplace_back(l, first->quantity);
                    sorted = false;
                }
            }
        }
        out.erase(std::remove_if(out.begin(), out.end(), [](const auto& p) { return p.second <= 0; }),
                  out.end());
    }
    if (!sorted)
        std::sort(out.begin(), out.end());
}

} // namespace ordo
