#pragma once

#include "model/Channel.h"
#include "model/Order.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace ordo {

// The three stored figures of a position (location, SKU).
struct PositionFigures {
    qint64 onHand = 0;
    qint64 reserved = 0;
    qint64 safetyStock = 0;
    friend bool operator==(const PositionFigures&, const PositionFigures&) = default;
};

// What a channel keeps back and may promise ahead. A channel without a stored policy has the default one:
// no buffer, no future supply.
struct ChannelPolicy {
    Channel channel = Channel::Web;
    qint64 bufferUnits = 0;
    int bufferPercent = 0; // of on hand, rounded up; used instead of bufferUnits when > 0
    bool allowFutureSupply = false;
    int horizonDays = 0; // inbound supply arriving within this many days counts
    friend bool operator==(const ChannelPolicy&, const ChannelPolicy&) = default;
};

// One inbound purchase-order line.
struct FutureSupplyLine {
    QString reference; // e.g. the purchase order number
    QString locationCode;
    QString skuCode;
    qint64 quantity = 0;
    QDateTime arrivesAt; // UTC
    friend bool operator==(const FutureSupplyLine&, const FutureSupplyLine&) = default;
};

// Available-to-promise at one location, with every figure that went into it (ARCHITECTURE.md, decision 3):
// atp = max(0, onHand - reserved - safetyStock - buffer) + future.
struct AtpLocationFigure {
    QString locationCode;
    qint64 onHand = 0;
    qint64 reserved = 0;
    qint64 safetyStock = 0;
    qint64 buffer = 0;
    qint64 future = 0;
    qint64 atp = 0;
    friend bool operator==(const AtpLocationFigure&, const AtpLocationFigure&) = default;
};

struct AtpResult {
    QString skuCode;
    std::optional<Channel> channel; // none: every location, no buffer
    qint64 atp = 0;
    QList<AtpLocationFigure> locations; // ordered by location code
};

// The question asked of ATP.
struct AtpQuery {
    QString skuCode;
    std::optional<Channel> channel;
    std::optional<DeliveryMethod> delivery; // none: the union of the channel's ship and pickup pools
    QString locationCode;                   // empty: every location in the pool
    QDateTime at;                           // UTC; null: now
};

} // namespace ordo
