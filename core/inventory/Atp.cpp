#include "Atp.h"

#include <algorithm>

namespace ordo::Atp {

qint64 bufferUnits(const ChannelPolicy& policy, qint64 onHand) {
    if (policy.bufferPercent > 0) {
        const qint64 base = std::max<qint64>(0, onHand);
        return (base * policy.bufferPercent + 99) / 100;
    }
    return std::max<qint64>(0, policy.bufferUnits);
}

bool futureCounts(const ChannelPolicy& policy, const QDateTime& at, const QDateTime& arrivesAt) {
    if (!policy.allowFutureSupply || !arrivesAt.isValid())
        return false;
    return arrivesAt > at && arrivesAt <= at.addDays(policy.horizonDays);
}

AtpLocationFigure atLocation(const QString& locationCode, const PositionFigures& position, qint64 buffer,
                             qint64 future) {
    AtpLocationFigure f;
    f.locationCode = locationCode;
    f.onHand = position.onHand;
    f.reserved = position.reserved;
    f.safetyStock = position.safetyStock;
    f.buffer = buffer;
    f.future = future;
    f.atp = fromStock(position.onHand, position.reserved, position.safetyStock, buffer) + future;
    return f;
}

} // namespace ordo::Atp
