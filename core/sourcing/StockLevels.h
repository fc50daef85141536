#pragma once

#include <QString>
#include <QtGlobal>

#include <vector>

namespace ordo {

// What the router may know of stock: available-to-promise per (SKU, location) for the order's channel and
// delivery, by dense ids shared with the RoutingNetwork. No database behind it: an InventoryIndex adapter
// serves live routing, a copy serves simulation, and RunInventory lays the units taken earlier in the same
// run on top.
class StockLevels {
public:
    struct Stocked {
        int location = 0;     // dense location id
        qint64 available = 0; // > 0
    };

    virtual ~StockLevels() = default;

    // Dense SKU id for a code; -1 when the SKU has no stock anywhere (or is unknown).
    virtual int skuIndex(const QString& skuCode) const = 0;
    // Every location with ATP > 0 for the SKU under the channel (InventoryIndex::channelIndex, or -1 for
    // none) and delivery (InventoryIndex::DeliveryIndex), at time atMs; appended to `out` (cleared first).
    virtual void stocked(int sku, int channelIndex, int delivery, qint64 atMs,
                         std::vector<Stocked>& out) const = 0;
};

} // namespace ordo
