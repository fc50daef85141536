#pragma once

#include "inventory/InventoryTypes.h"
#include "inventory/PositionSink.h"
#include "inventory/Segmentation.h"
#include "model/Channel.h"
#include "model/Location.h"
#include "model/Order.h"

#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>
#include <iterator>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ordo {

class Database;

// Available-to-promise served from memory in microseconds, with the same rules and the same answers as the
// SQL-backed AtpService (ATP rules: see atp() in InventoryIndex.cpp).
//
// Dense integer ids: locations and SKUs are numbered 0..N-1 once, when the index is built (locations in
// location-code order, so listing by dense id lists by code; locations added later go to the end and are
// put in place through a rank list). The hot path works on these ints only:
//   - positions in CSR layout: per SKU a contiguous run of (location, on hand, reserved, safety stock)
//     slots, sorted by location, plus a small per-SKU overflow for positions created after the build
//     (merged back by compact(), which runs on its own when the overflow grows);
//   - per channel and delivery (ship, pickup, either) a location bitset: the pool, without the locations
//     excluded from the channel;
//   - per (SKU, channel) a flag byte: SKU excluded, SKU has location-specific exclusions (then a hash set of
//     (channel, SKU, location) is asked);
//   - per channel its policy; per SKU its future supply sorted by arrival;
//   - per SKU the stock part of its total kept for every (channel, delivery) and for no channel, so that a
//     check over a whole pool reads one sum and adds the future supply inside the horizon (which depends on
//     the time asked). A check for one location walks the SKU's positions (stockByScan()).
//
// Written through: the index is a PositionSink, told the new figures of every position after each commit (the
// SKU's kept sums are recomputed: about 5 µs with 50 positions); reloadSegmentation() takes a changed
// segmentation and recomputes every SKU (about 0.7 s for 5,000,000 positions).
//
// Threads: not synchronised. Build it, write it through and read it from one thread (the owner's); a
// single-writer/many-reader arrangement would need a lock or copy-on-write around it, which nothing needs
// yet. Reads are const and allocate nothing in atpTotal().
class InventoryIndex final : public PositionSink {
public:
    // Delivery pools of the hot path.
    enum DeliveryIndex : int { Ship = 0, Pickup = 1, EitherDelivery = 2 };
    static constexpr int noChannel = -1;
    static constexpr int channelCount = int(std::size(allChannels));
    static constexpr int deliveryCount = 3; // ship, pickup, either

    struct SkuRef {
        qint64 id = 0; // database id
        QString code;
    };
    struct PositionRow {
        qint64 locationId = 0; // database ids
        qint64 skuId = 0;
        PositionFigures figures;
    };

    InventoryIndex();
    InventoryIndex(const QList<Location>& locations, const QList<SkuRef>& skus,
                   const QList<PositionRow>& positions, const Segmentation& segmentation);
    // Reads locations, SKUs, positions and the segmentation (SegmentationRepository::load()).
    static InventoryIndex load(Database& db);
    // The same for one SKU: every location and the whole segmentation, but only that SKU and its positions.
    // Enough to answer every question about the SKU through the same code as a full index (what `ordo atp`
    // does); for an unknown code an index with no SKU, whose atp() says so. (InventoryIndexLoad.cpp)
    static InventoryIndex load(Database& db, const QString& skuCode);
    // Brings what the index holds of one SKU up to date with the database: the SKU itself, locations added or
    // changed, the SKU's positions, and the segmentation when it differs from the one held. For a long-lived
    // index whose database is also written by others (other consoles and processes on a central database),
    // before answering about the SKU; changes made through this process reach it as a PositionSink.
    void refresh(Database& db, const QString& skuCode);
    const Segmentation& segmentation() const { return m_segmentation; }

    // The full answer with each location's breakdown, equal to AtpService::atp() for the same data.
    // Error::notFound for an unknown SKU or location code.
    AtpResult atp(const AtpQuery& query) const;

    // Hot path: the total only, no allocation. sku and location are dense ids (location -1: every location
    // of the pool); channelIndex is channelIndex(Channel) or noChannel; atMs the UTC time in ms since the
    // epoch against which future supply is judged (ignored without a channel or when the channel allows
    // none).
    qint64 atpTotal(int sku, int channelIndex, int delivery = EitherDelivery, qint64 atMs = 0,
                    int location = -1) const noexcept;

    // The stock part of atpTotal() (no future supply) computed by walking the SKU's positions instead of
    // reading the kept per-channel sums: what atpTotal() does for one location, and a yardstick for the
    // benchmark.
    qint64 stockByScan(int sku, int channelIndex, int delivery = EitherDelivery,
                       int location = -1) const noexcept;

    static int channelIndex(Channel channel) { return int(channel); }
    static int deliveryIndex(std::optional<DeliveryMethod> delivery);

    // Dense ids; -1 when unknown.
    int skuId(const QString& code) const { return m_skuByCode.value(code, -1); }
    int locationId(const QString& code) const { return m_locationByCode.value(code, -1); }
    int skuIdForDatabaseId(qint64 id) const { return m_skuByDbId.value(id, -1); }
    int locationIdForDatabaseId(qint64 id) const { return m_locationByDbId.value(id, -1); }
    const QString& skuCode(int sku) const { return m_skus[size_t(sku)].code; }
    const QString& locationCode(int location) const { return m_locations[size_t(location)].code; }
    const Location& location(int location) const { return m_locations[size_t(location)]; }
    // Every location of the channel's pool (for the delivery) with ATP > 0 for the SKU at atMs, as (dense
    // location id, ATP) pairs appended to `out` after clearing it: what the router reads (IndexStockLevels).
    // Implemented in InventoryIndexStocked.cpp.
    void stockedLocations(int sku, int channelIndex, int delivery, qint64 atMs,
                          std::vector<std::pair<int, qint64>>& out) const;
    int skuCount() const { return int(m_skus.size()); }
    int locationCount() const { return int(m_locations.size()); }
    qint64 positionCount() const;

    // The stored figures of one position, none when there is no position row.
    std::optional<PositionFigures> figures(int sku, int location) const;

    // PositionSink: sets the figures of the position (database ids), creating it when new. A position whose
    // location or SKU the index does not know yet is kept aside until addLocation()/addSku() names it.
    void positionChanged(qint64 locationId, qint64 skuId, const PositionFigures& figures) override;
    void reloadSegmentation(const Segmentation& segmentation);
    // Master data created after the build. Re-adding a known id updates the location's flags.
    void addLocation(const Location& location);
    void addSku(qint64 id, const QString& code);

    // Merges every SKU's overflow back into the CSR arrays.
    void compact();

private:
    struct Slot {
        qint64 onHand = 0;
        qint64 reserved = 0;
        qint64 safetyStock = 0;
        qint32 location = 0;
    };
    struct Supply {
        qint64 arrivesAtMs = 0;
        qint64 quantity = 0;
        qint32 location = 0;
    };
    enum SkuFlag : std::uint8_t { SkuExcluded = 1, SkuHasLocationExclusions = 2 };

    const Slot* findSlot(int sku, int location) const;
    Slot* findSlot(int sku, int location);
    bool inPool(int channel, int delivery, int location) const {
        const std::vector<std::uint64_t>& mask = m_pools[size_t(channel * deliveryCount + delivery)];
        return (mask[size_t(location) >> 6] >> (location & 63)) & 1U;
    }
    bool locationExcluded(int channel, int sku, int location) const;
    static std::uint64_t exclusionKey(int channel, int sku, int location) {
        return (std::uint64_t(std::uint32_t(sku)) << 32) | (std::uint64_t(std::uint32_t(location)) << 3) |
               std::uint64_t(channel);
    }
    void applySegmentation();
    void rebuildHot();
    void computeTotals(int sku);
    void setHot(size_t index, int sku);
    void adoptOrphans();

    // Master data.
    std::vector<Location> m_locations;  // by dense id
    std::vector<int> m_locationsByCode; // dense ids in location-code order
    std::vector<SkuRef> m_skus;         // by dense id
    QHash<QString, int> m_locationByCode;
    QHash<QString, int> m_skuByCode;
    QHash<qint64, int> m_locationByDbId;
    QHash<qint64, int> m_skuByDbId;

    // Positions: CSR (m_offsets has skuCount() + 1 entries) plus overflow. m_slots holds the exact figures;
    // beside it, index for index, the hot path reads compact copies of what it needs: the location in 16
    // bits, on hand - reserved - safety stock and on hand in 32, a fifth of the memory traffic. A SKU with a
    // figure outside 32 bits (or a location id outside 16) is marked wide and read from m_slots instead.
    std::vector<std::uint32_t> m_offsets;
    std::vector<Slot> m_slots;
    std::vector<std::uint16_t> m_hotLocation;
    std::vector<std::int32_t> m_hotFree;
    std::vector<std::int32_t> m_hotOnHand;
    // What a check needs to know of a SKU before reading its positions, in one 16-byte record (one cache miss
    // rather than one per array): its CSR range (a copy of m_offsets), whether it is wide, whether it has
    // overflow, and its SkuFlags per channel.
    struct SkuMeta {
        std::uint32_t begin = 0;
        std::uint32_t end = 0;
        std::uint8_t wide = 0;
        std::uint8_t overflow = 0;
        std::uint8_t channelFlags[channelCount] = {};
    };
    std::vector<SkuMeta> m_skuMeta; // by SKU
    std::unordered_map<int, std::vector<Slot>> m_overflow;
    qint64 m_overflowSize = 0;
    QHash<QPair<qint64, qint64>, PositionFigures> m_orphans; // (location db id, SKU db id) not known yet

    // Segmentation, as given and in dense form.
    Segmentation m_segmentation;
    std::vector<std::vector<std::uint64_t>> m_pools; // [channel * 3 + delivery] location bitsets
    std::unordered_set<std::uint64_t> m_locationExclusions;
    ChannelPolicy m_policies[channelCount];
    // Per SKU the stock part of the total over each channel's pool for each delivery, and over every location
    // with no channel: [sku * totalsPerSku + channel * deliveryCount + delivery], [.. + totalsPerSku - 1].
    // Kept by positionChanged() (one SKU) and applySegmentation() (all), both through computeTotals().
    static constexpr int totalsPerSku = channelCount * deliveryCount + 1;
    std::vector<qint64> m_stockTotals;
    std::vector<std::uint32_t> m_supplyOffsets; // skuCount() + 1
    std::vector<Supply> m_supply;               // per SKU sorted by arrival
};

} // namespace ordo
