#include "IndexStockLevels.h"

#include "inventory/InventoryIndex.h"

#include <algorithm>

namespace ordo {

int IndexStockLevels::skuIndex(const QString& skuCode) const {
    return m_index.skuId(skuCode);
}

void IndexStockLevels::stocked(int sku, int channelIndex, int delivery, qint64 atMs,
                               std::vector<Stocked>& out) const {
    out.clear();
    if (sku < 0)
        return;
    m_index.stockedLocations(sku, channelIndex, delivery, atMs, m_scratch);
    out.reserve(m_scratch.size());
    for (const auto& [location, available] : m_scratch)
        out.push_back(Stocked{location, available});
}

RoutingNetwork networkFromIndex(const InventoryIndex& index, const QHash<QString, QSet<QString>>& groups,
                                const QHash<QString, int>& capacityLeft) {
    // Location code -> its groups, sorted for a stable listing.
    QHash<QString, QStringList> groupsOf;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        for (const QString& code : it.value())
            groupsOf[code].append(it.key());
    std::vector<NetworkLocation> locations;
    locations.reserve(size_t(index.locationCount()));
    for (int l = 0; l < index.locationCount(); ++l) {
        NetworkLocation n;
        n.location = index.location(l);
        n.groups = groupsOf.value(n.location.code);
        std::sort(n.groups.begin(), n.groups.end());
        const auto left = capacityLeft.constFind(n.location.code);
        if (left != capacityLeft.cend())
            n.capacityLeft = *left;
        else
            n.capacityLeft = n.location.dailyCapacity > 0 ? n.location.dailyCapacity : -1;
        locations.push_back(std::move(n));
    }
    return RoutingNetwork(std::move(locations));
}

} // namespace ordo
