#pragma once

#include "model/Location.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace ordo {

// The fulfilment network as the router sees it: every location with what the filters ask of it. Locations are
// numbered 0..N-1 with the SAME dense ids as the StockLevels the router reads stock from (build both from one
// InventoryIndex, or both from the same ordered list), so the hot path never looks a code up.
struct NetworkLocation {
    Location location;
    QStringList groups;    // location groups it belongs to
    int capacityLeft = -1; // shipments it can still take today; -1: no limit
};

class RoutingNetwork {
public:
    RoutingNetwork() = default;
    explicit RoutingNetwork(std::vector<NetworkLocation> locations);

    int size() const { return int(m_locations.size()); }
    const NetworkLocation& at(int location) const { return m_locations[size_t(location)]; }
    int indexOf(const QString& code) const { return m_byCode.value(code, -1); }
    // Every location's code by dense id, one list shared by the decisions that name locations by bits over
    // it.
    const QStringList& codes() const { return m_codes; }

    // A routing run takes capacity as it assigns shipments, so the next order sees what is left.
    void useCapacity(int location, int shipments = 1);
    // Every location's capacity left, and back to it: a run that decided a batch it then could not store
    // gives the batch's capacity back.
    std::vector<int> capacityLeft() const;
    void restoreCapacity(const std::vector<int>& left);

    // SKU tags for the strategies' "SKU tags" condition (only SKUs that have tags).
    void setSkuTags(QHash<QString, QStringList> tags) { m_skuTags = std::move(tags); }
    QStringList skuTags(const QString& skuCode) const { return m_skuTags.value(skuCode); }

private:
    std::vector<NetworkLocation> m_locations;
    QHash<QString, int> m_byCode;
    QStringList m_codes;
    QHash<QString, QStringList> m_skuTags;
};

} // namespace ordo
