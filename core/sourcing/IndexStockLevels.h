#pragma once

#include "sourcing/RoutingNetwork.h"
#include "sourcing/StockLevels.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <utility>
#include <vector>

namespace ordo {

class InventoryIndex;

// The router's view of live stock: InventoryIndex::stockedLocations() under the StockLevels interface.
// Dense ids are the index's own, so the network must come from networkFromIndex() over the same index. Holds
// a reference: the index must outlive the view. Not thread-safe (a scratch buffer is reused between calls).
class IndexStockLevels final : public StockLevels {
public:
    explicit IndexStockLevels(const InventoryIndex& index)
        : m_index(index) {}

    int skuIndex(const QString& skuCode) const override;
    void stocked(int sku, int channelIndex, int delivery, qint64 atMs,
                 std::vector<Stocked>& out) const override;

private:
    const InventoryIndex& m_index;
    mutable std::vector<std::pair<int, qint64>> m_scratch;
};

// The index's locations as a RoutingNetwork with the same dense ids. groups: group code -> location codes
// (Segmentation::groups). capacityLeft: shipments each location can still take today, by location code; a
// location not named there gets its daily capacity (-1, no limit, when that is 0).
RoutingNetwork networkFromIndex(const InventoryIndex& index, const QHash<QString, QSet<QString>>& groups = {},
                                const QHash<QString, int>& capacityLeft = {});

} // namespace ordo
