#pragma once

#include "inventory/InventoryTypes.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace ordo {

// The whole segmentation configuration, loaded at once: what ATP needs besides positions. Shared by the
// SQL-backed AtpService and the in-memory InventoryIndex so both read the same rules.
struct Segmentation {
    // channel code -> delivery code ("ship"/"pickup") -> location codes. A channel absent here has no pool
    // configured and is served by every location (ship: those that ship; pickup: those that hand over
    // pickups).
    QHash<QString, QHash<QString, QSet<QString>>> pools;
    QHash<QString, ChannelPolicy> policies; // by channel code; absent: the default policy
    struct Exclusion {
        QString channel;
        QString skuCode;      // empty: every SKU
        QString locationCode; // empty: every location
        friend bool operator==(const Exclusion&, const Exclusion&) = default;
    };
    QList<Exclusion> exclusions;
    QList<FutureSupplyLine> futureSupply;
    QHash<QString, QSet<QString>> groups; // group code -> location codes

    ChannelPolicy policyFor(Channel channel) const;
    bool isExcluded(Channel channel, const QString& skuCode, const QString& locationCode) const;
    // Same configuration (a long-lived InventoryIndex reloads it only when it changed).
    friend bool operator==(const Segmentation&, const Segmentation&) = default;
};

} // namespace ordo
