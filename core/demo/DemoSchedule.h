#pragma once

#include "model/Channel.h"
#include "model/Order.h"

#include <QList>

#include <optional>

namespace ordo {

class DemoRandom;

// When an order of the demo comes in, through which channel, and how it is delivered.
struct DemoSlot {
    qint64 orderedAt = 0; // ms since the epoch, UTC
    Channel channel = Channel::Web;
    DeliveryMethod delivery = DeliveryMethod::Ship;
    std::optional<OrderStatus> forced;
};

// Spreads orders over the last `days` days the way a US retailer sees them: growing towards today, more at
// weekends and during a three-day sale, by the hour of the day in US Central time (stores take orders
// while open, B2B and phone orders arrive in office hours on weekdays). Sorted by time. So that even a small
// demo shows every state, the newest orders are held in the early states, one each in Shipped, Exception
// and Cancelled, and the oldest is Delivered.
class DemoSchedule {
public:
    static QList<DemoSlot> make(DemoRandom& random, qint64 count, qint64 now, int days);

    // Shares of the channels (web, app, pos, marketplace, b2b, phone), in percent.
    static QList<double> channelShares();
    // Relative order volume per hour of the local day (24 entries) for a channel.
    static QList<double> hourWeights(Channel channel);
    // The states forced on the newest orders, newest first.
    static QList<OrderStatus> forcedNewest();
};

} // namespace ordo
