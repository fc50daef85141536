// InventoryIndex: the position slots and their write-through, master data added after the build. Loading from
// the database is in InventoryIndexLoad.cpp, the ATP reads in InventoryIndex.cpp.
#include "InventoryIndex.h"
#include "inventory/Atp.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// Overflow is merged back into the CSR arrays once it holds more than this many slots and more than an
// eighth of the CSR slots.
constexpr qint64 overflowFloor = 4096;

} // namespace

const InventoryIndex::Slot* InventoryIndex::findSlot(int sku, int location) const {
    const Slot* begin = m_slots.data() + m_offsets[size_t(sku)];
    const Slot* end = m_slots.data() + m_offsets[size_t(sku) + 1];
    const Slot* it =
        std::lower_bound(begin, end, location, [](const Slot& s, int l) { return s.location < l; });
    if (it != end && it->location == location)
        return it;
    if (m_skuMeta[size_t(sku)].overflow) {
        for (const Slot& s : m_overflow.find(sku)->second)
            if (s.location == location)
                return &s;
    }
    return nullptr;
}

InventoryIndex::Slot* InventoryIndex::findSlot(int sku, int location) {
    return const_cast<Slot*>(std::as_const(*this).findSlot(sku, location));
}

std::optional<PositionFigures> InventoryIndex::figures(int sku, int location) const {
    if (sku < 0 || sku >= skuCount() || location < 0 || location >= locationCount())
        return std::nullopt;
    const Slot* slot = findSlot(sku, location);
    if (!slot)
        return std::nullopt;
    return PositionFigures{slot->onHand, slot->reserved, slot->safetyStock};
}

void InventoryIndex::positionChanged(qint64 locationId, qint64 skuId, const PositionFigures& figures) {
    const int location = locationIdForDatabaseId(locationId);
    const int sku = skuIdForDatabaseId(skuId);
    if (location < 0 || sku < 0) {
        m_orphans.insert({locationId, skuId}, figures);
        return;
    }
    if (Slot* slot = findSlot(sku, location)) {
        slot->onHand = figures.onHand;
        slot->reserved = figures.reserved;
        slot->safetyStock = figures.safetyStock;
        if (slot >= m_slots.data() && slot < m_slots.data() + m_slots.size())
            setHot(size_t(slot - m_slots.data()), sku);
    } else {
        m_overflow[sku].push_back(Slot{figures.onHand, figures.reserved, figures.safetyStock, location});
        m_skuMeta[size_t(sku)].overflow = 1;
        ++m_overflowSize;
    }
    computeTotals(sku);
    if (m_overflowSize > overflowFloor && m_overflowSize > qint64(m_slots.size() / 8))
        compact();
}

// The SKU's kept sums, from its exact figures: per channel the buffer of its policy (Atp::bufferUnits), the
// SKU-at-location exclusions left out, each position counted in every delivery pool it belongs to.
void InventoryIndex::computeTotals(int sku) {
    qint64* totals = m_stockTotals.data() + size_t(sku) * totalsPerSku;
    std::fill(totals, totals + totalsPerSku, 0);
    const SkuMeta& meta = m_skuMeta[size_t(sku)];
    auto add = [&](const Slot& s) {
        totals[totalsPerSku - 1] += Atp::fromStock(s.onHand, s.reserved, s.safetyStock, 0);
        for (int c = 0; c < channelCount; ++c) {
            if ((meta.channelFlags[c] & SkuExcluded) || locationExcluded(c, sku, s.location))
                continue;
            const qint64 v = Atp::fromStock(s.onHand, s.reserved, s.safetyStock,
                                            Atp::bufferUnits(m_policies[c], s.onHand));
            for (int d = 0; d < deliveryCount; ++d)
                if (inPool(c, d, s.location))
                    totals[c * deliveryCount + d] += v;
        }
    };
    for (size_t i = m_offsets[size_t(sku)]; i < m_offsets[size_t(sku) + 1]; ++i)
        add(m_slots[i]);
    if (meta.overflow)
        for (const Slot& s : m_overflow.find(sku)->second)
            add(s);
}

void InventoryIndex::compact() {
    if (m_overflowSize == 0) {
        rebuildHot(); // still looks again at SKUs marked wide
        return;
    }
    std::vector<std::uint32_t> offsets(m_skus.size() + 1, 0);
    std::vector<Slot> merged;
    merged.reserve(m_slots.size() + size_t(m_overflowSize));
    for (size_t s = 0; s < m_skus.size(); ++s) {
        const size_t first = merged.size();
        merged.insert(merged.end(), m_slots.begin() + m_offsets[s], m_slots.begin() + m_offsets[s + 1]);
        if (m_skuMeta[s].overflow) {
            const std::vector<Slot>& extra = m_overflow[int(s)];
            merged.insert(merged.end(), extra.begin(), extra.end());
            std::sort(merged.begin() + qsizetype(first), merged.end(),
                      [](const Slot& a, const Slot& b) { return a.location < b.location; });
        }
        offsets[s + 1] = std::uint32_t(merged.size());
    }
    m_offsets = std::move(offsets);
    m_slots = std::move(merged);
    m_overflow.clear();
    for (SkuMeta& meta : m_skuMeta)
        meta.overflow = 0;
    m_overflowSize = 0;
    rebuildHot();
}

void InventoryIndex::rebuildHot() {
    m_hotLocation.resize(m_slots.size());
    m_hotFree.resize(m_slots.size());
    m_hotOnHand.resize(m_slots.size());
    for (size_t s = 0; s < m_skus.size(); ++s) {
        m_skuMeta[s].begin = m_offsets[s];
        m_skuMeta[s].end = m_offsets[s + 1];
        m_skuMeta[s].wide = 0;
    }
    for (size_t s = 0; s < m_skus.size(); ++s)
        for (size_t i = m_offsets[s]; i < m_offsets[s + 1]; ++i)
            setHot(i, int(s));
}

void InventoryIndex::setHot(size_t index, int sku) {
    const Slot& slot = m_slots[index];
    const qint64 free = slot.onHand - slot.reserved - slot.safetyStock;
    auto fits = [](qint64 v) {
        return v >= std::numeric_limits<std::int32_t>::min() && v <= std::numeric_limits<std::int32_t>::max();
    };
    const bool locationFits = slot.location <= std::numeric_limits<std::uint16_t>::max();
    if (!fits(free) || !fits(slot.onHand) || !locationFits)
        m_skuMeta[size_t(sku)].wide = 1; // until the next compact() looks again
    m_hotLocation[index] = locationFits ? std::uint16_t(slot.location) : 0;
    m_hotFree[index] = fits(free) ? std::int32_t(free) : 0;
    m_hotOnHand[index] = fits(slot.onHand) ? std::int32_t(slot.onHand) : 0;
}

void InventoryIndex::addLocation(const Location& location) {
    const int known = locationIdForDatabaseId(location.id);
    if (known >= 0) {
        m_locationByCode.remove(m_locations[size_t(known)].code);
        m_locations[size_t(known)] = location;
        m_locationByCode.insert(location.code, known);
        std::sort(m_locationsByCode.begin(), m_locationsByCode.end(),
                  [this](int a, int b) { return m_locations[size_t(a)].code < m_locations[size_t(b)].code; });
    } else {
        const int dense = locationCount();
        m_locations.push_back(location);
        m_locationByCode.insert(location.code, dense);
        m_locationByDbId.insert(location.id, dense);
        const auto at = std::lower_bound(
            m_locationsByCode.begin(), m_locationsByCode.end(), location.code,
            [this](int l, const QString& code) { return m_locations[size_t(l)].code < code; });
        m_locationsByCode.insert(at, dense);
    }
    applySegmentation();
    adoptOrphans();
}

void InventoryIndex::addSku(qint64 id, const QString& code) {
    const int known = skuIdForDatabaseId(id);
    if (known >= 0) {
        m_skuByCode.remove(m_skus[size_t(known)].code);
        m_skus[size_t(known)].code = code;
        m_skuByCode.insert(code, known);
    } else {
        const int dense = skuCount();
        m_skus.push_back(SkuRef{id, code});
        m_skuByCode.insert(code, dense);
        m_skuByDbId.insert(id, dense);
        m_offsets.push_back(m_offsets.back());
        SkuMeta meta;
        meta.begin = meta.end = m_offsets.back();
        m_skuMeta.push_back(meta);
    }
    applySegmentation();
    adoptOrphans();
}

void InventoryIndex::adoptOrphans() {
    const auto orphans = std::exchange(m_orphans, {});
    for (auto it = orphans.cbegin(); it != orphans.cend(); ++it)
        positionChanged(it.key().first, it.key().second, it.value());
}

} // namespace ordo
