#pragma once

#include "model/Actor.h"
#include "model/Channel.h"
#include "model/Order.h"
#include "model/OrderStatus.h"

#include <QColor>
#include <QDateTime>
#include <QString>

namespace ordo::ui {

// How the console shows core values to people: translated names, local times, money and ages.
QString statusName(OrderStatus status);
QString channelName(Channel channel);
QString deliveryName(DeliveryMethod method);
QString roleName(Role role);

// Subtle badge colours: a light fill and a darker text of the same hue.
struct BadgeColors {
    QColor fill;
    QColor text;
};
BadgeColors statusColors(OrderStatus status);

// "1,234.50 USD" in the user's locale, exact from minor units.
QString formatMoney(qint64 minor, const QString& currency);
// A UTC time shown in local time: "2024-05-03 14:22".
QString formatDateTime(const QDateTime& utc);
// "45 s", "12 min", "3 h", "2 d" — how long ago `since` was, relative to `now`.
QString formatAge(const QDateTime& since, const QDateTime& now);
// "47.60620° N, 122.33210° W".
QString formatCoordinates(double latitude, double longitude);
// "12,345" in the user's locale.
QString formatCount(qint64 count);

} // namespace ordo::ui
