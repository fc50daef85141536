#pragma once

#include "sourcing/StockLevels.h"

#include <cstdint>
#include <unordered_map>

namespace ordo {

// A routing run over several orders: the units each decision took, laid over another view so that the next
// order sees what is left (nothing is reserved while the run decides). Holds a reference to the base view.
class RunInventory final : public StockLevels {
public:
    explicit RunInventory(const StockLevels& base)
        : m_base(base) {}

    int skuIndex(const QString& skuCode) const override { return m_base.skuIndex(skuCode); }
    // The base view's figures less what this run took; locations left with nothing are dropped.
    void stocked(int sku, int channelIndex, int delivery, qint64 atMs,
                 std::vector<Stocked>& out) const override;

    // Records `units` of the SKU (dense id) taken at the location (dense id) by a decision of this run.
    void take(int sku, int location, qint64 units);
    qint64 taken(int sku, int location) const;
    void clear() { m_taken.clear(); }

private:
    static std::uint64_t key(int sku, int location) {
        return (std::uint64_t(std::uint32_t(sku)) << 32) | std::uint32_t(location);
    }
    const StockLevels& m_base;
    std::unordered_map<std::uint64_t, qint64> m_taken;
};

} // namespace ordo
