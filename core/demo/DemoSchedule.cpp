#include "DemoSchedule.h"

#include "DemoRandom.h"
#include "WeightedPicker.h"

#include <QDateTime>

#include <algorithm>
#include <array>

namespace ordo {

namespace {

constexpr qint64 Hour = 3600 * 1000LL;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 LocalOffset = -6 * Hour; // US Central standard time

bool officeChannel(Channel c) {
    return c == Channel::B2b || c == Channel::Phone;
}

} // namespace

QList<double> DemoSchedule::channelShares() {
    return {44, 22, 10, 16, 3, 5}; // web, app, pos, marketplace, b2b, phone
}

QList<double> DemoSchedule::hourWeights(Channel channel) {
    switch (channel) {
    case Channel::Pos: // stores open 10:00-21:00
        return {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2.5, 3.5, 4.5, 4.5, 4.0, 4.0, 4.5, 5.5, 6.0, 5.0, 3.5, 0, 0, 0};
    case Channel::B2b:
        return {0, 0, 0, 0, 0, 0, 0, 0.5, 3, 4, 4, 3.5, 2.5, 3.5, 4, 3.5, 2.5, 1, 0, 0, 0, 0, 0, 0};
    case Channel::Phone:
        return {0, 0, 0, 0, 0, 0, 0, 0, 2, 3.5, 4, 4, 3.5, 3.5, 3.5, 3.5, 3, 3, 2.5, 2, 0, 0, 0, 0};
    default:
        return {1.2, 0.7, 0.4, 0.3, 0.3, 0.5, 1.0, 1.8, 2.6, 3.2, 3.6, 3.9,
                4.2, 4.0, 3.8, 3.8, 3.9, 4.1, 4.6, 5.3, 5.8, 5.6, 4.2, 2.4};
    }
}

QList<OrderStatus> DemoSchedule::forcedNewest() {
    return {OrderStatus::Pending,  OrderStatus::Validated, OrderStatus::Routed,
            OrderStatus::Released, OrderStatus::Picking,   OrderStatus::Packed,
            OrderStatus::Shipped,  OrderStatus::Exception, OrderStatus::Cancelled};
}

QList<DemoSlot> DemoSchedule::make(DemoRandom& random, qint64 count, qint64 now, int days) {
    const qint64 todayStart = ((now + LocalOffset) / Day) * Day - LocalOffset;
    const qint64 firstDay = todayStart - qint64(days - 1) * Day;
    static constexpr std::array<double, 7> weekday = {1.0, 0.97, 0.98, 1.02, 1.08, 1.15, 1.10}; // Mon..Sun
    QList<double> dayWeights;
    for (int d = 0; d < days; ++d) {
        const qint64 start = firstDay + d * Day;
        const int dow =
            QDateTime::fromMSecsSinceEpoch(start + LocalOffset + 12 * Hour, Qt::UTC).date().dayOfWeek();
        double w = (1.0 + 0.35 * double(d) / double(std::max(1, days - 1))) * weekday.at(size_t(dow - 1));
        if (d >= days / 2 && d < days / 2 + 3)
            w *= 1.9; // the mid-season sale
        dayWeights << w;
    }
    const WeightedPicker dayPicker(dayWeights);
    const WeightedPicker channelPicker(channelShares());
    std::array<WeightedPicker, std::size(allChannels)> hourPickers;
    for (Channel c : allChannels)
        hourPickers.at(size_t(c)) = WeightedPicker(hourWeights(c));

    QList<DemoSlot> schedule;
    schedule.reserve(count);
    for (qint64 i = 0; i < count; ++i) {
        DemoSlot slot;
        slot.channel = allChannels[channelPicker.pick(random)];
        for (int attempt = 0; attempt < 50; ++attempt) {
            const qint64 start = firstDay + dayPicker.pick(random) * Day;
            const qint64 at = start + hourPickers.at(size_t(slot.channel)).pick(random) * Hour +
                              random.between(0, Hour - 1);
            const int dow = QDateTime::fromMSecsSinceEpoch(at + LocalOffset, Qt::UTC).date().dayOfWeek();
            slot.orderedAt = at;
            if (at <= now - 30000 && !(officeChannel(slot.channel) && dow >= 6))
                break;
            slot.orderedAt = now - random.between(30000, 30 * Day); // fallback, rarely reached
        }
        const double pickupShare = slot.channel == Channel::Pos                                   ? 0.45
                                   : slot.channel == Channel::Web || slot.channel == Channel::App ? 0.18
                                   : slot.channel == Channel::Phone                               ? 0.08
                                                                                                  : 0.0;
        slot.delivery = random.chance(pickupShare) ? DeliveryMethod::Pickup : DeliveryMethod::Ship;
        schedule.append(slot);
    }
    std::sort(schedule.begin(), schedule.end(), [](const DemoSlot& a, const DemoSlot& b) {
        if (a.orderedAt != b.orderedAt)
            return a.orderedAt < b.orderedAt;
        if (a.channel != b.channel)
            return a.channel < b.channel;
        return a.delivery < b.delivery;
    });
    const QList<OrderStatus> forced = forcedNewest();
    for (qsizetype k = 0; k < forced.size() && k < schedule.size(); ++k)
        schedule[schedule.size() - 1 - k].forced = forced.at(k);
    if (schedule.size() > forced.size())
        schedule.first().forced = OrderStatus::Delivered;
    return schedule;
}

} // namespace ordo
