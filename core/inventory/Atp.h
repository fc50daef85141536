#pragma once

#include "inventory/InventoryTypes.h"

namespace ordo {

// The available-to-promise arithmetic, in one place for the SQL-backed service, the in-memory index and the
// tests. Pure functions, no database.
namespace Atp {

// Units kept back from a channel at a position: the policy's units, or its percentage of on hand rounded up.
qint64 bufferUnits(const ChannelPolicy& policy, qint64 onHand);

// Whether inbound supply arriving at `arrivesAt` may be promised at time `at` under `policy`: the channel allows
// future supply and the arrival lies after `at` and no later than `at` + horizon days.
bool futureCounts(const ChannelPolicy& policy, const QDateTime& at, const QDateTime& arrivesAt);

// One location's figure. With no channel pass a default policy: no buffer, no future supply.
AtpLocationFigure atLocation(const QString& locationCode, const PositionFigures& position, qint64 buffer,
                             qint64 future);

} // namespace Atp

} // namespace ordo
