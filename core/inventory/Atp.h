#pragma once

#include "inventory/InventoryTypes.h"

namespace ordo {

// The available-to-promise arithmetic, in one place for the SQL-backed service, the in-memory index and the
// tests. Pure functions, no database.
namespace Atp {

// Units kept back from a channel at a position: the policy's units, or its percentage of on hand rounded up.
qint64 bufferUnits(const ChannelPolicy& policy, qint64 onHand);

// Whether inbound supply arriving at `arrivesAt` may be promised at time `at` under `policy`: the channel
// allows future supply and the arrival lies after `at` and no later than `at` + horizon days.
bool futureCounts(const ChannelPolicy& policy, const QDateTime& at, const QDateTime& arrivesAt);

// What stock on hand leaves to promise at one position: max(0, onHand - reserved - safetyStock - buffer).
// Inline for the in-memory index's hot path, which sums it without building an AtpLocationFigure.
inline qint64 fromStock(qint64 onHand, qint64 reserved, qint64 safetyStock, qint64 buffer) {
    const qint64 free = onHand - reserved - safetyStock - buffer;
    return free > 0 ? free : 0;
}

// One location's figure. With no channel pass a default policy: no buffer, no future supply.
AtpLocationFigure atLocation(const QString& locationCode, const PositionFigures& position, qint64 buffer,
                             qint64 future);

} // namespace Atp

} // namespace ordo
