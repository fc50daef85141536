#include "StrategyMatcher.h"

#include "model/Money.h"
#include "sourcing/RoutingNetwork.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QString money(qint64 minor, const QString& currency) {
    return Money{minor, currency}.toDecimalString();
}

bool fail(QString* reason, const QString& text) {
    if (reason)
        *reason = text;
    return false;
}

bool containsCode(const QStringList& list, const QString& code) {
    return list.contains(code, Qt::CaseInsensitive);
}

} // namespace

bool strategyMatches(const StrategyConditions& when, const Order& order, const RoutingNetwork& network,
                     QString* reason) {
    if (!when.channels.isEmpty() && !when.channels.contains(order.channel)) {
        QStringList codes;
        for (Channel c : when.channels)
            codes << channelCode(c);
        return fail(reason, u"channel %1 not in [%2]"_s.arg(channelCode(order.channel), codes.join(u", "_s)));
    }
    if (when.delivery && *when.delivery != order.delivery)
        return fail(reason, u"delivery %1, not %2"_s.arg(deliveryMethodCode(order.delivery),
                                                         deliveryMethodCode(*when.delivery)));
    if (when.minPriority && order.priority < *when.minPriority)
        return fail(reason, u"priority %1 below %2"_s.arg(order.priority).arg(*when.minPriority));
    const qint64 value = order.totalMinor();
    if (when.minOrderValueMinor && value < *when.minOrderValueMinor)
        return fail(reason,
                    u"order value %1 below %2"_s.arg(money(value, order.currency),
                                                     money(*when.minOrderValueMinor, order.currency)));
    if (when.maxOrderValueMinor && value > *when.maxOrderValueMinor)
        return fail(reason,
                    u"order value %1 above %2"_s.arg(money(value, order.currency),
                                                     money(*when.maxOrderValueMinor, order.currency)));
    if (!when.countries.isEmpty() && !containsCode(when.countries, order.shipTo.country))
        return fail(reason, u"country %1 not in [%2]"_s.arg(
                                order.shipTo.country.isEmpty() ? u"(none)"_s : order.shipTo.country,
                                when.countries.join(u", "_s)));
    if (!when.regions.isEmpty() && !containsCode(when.regions, order.shipTo.region))
        return fail(reason, u"region %1 not in [%2]"_s.arg(
                                order.shipTo.region.isEmpty() ? u"(none)"_s : order.shipTo.region,
                                when.regions.join(u", "_s)));
    if (!when.skuTags.isEmpty()) {
        for (const OrderLine& line : order.lines)
            for (const QString& tag : network.skuTags(line.skuCode))
                if (containsCode(when.skuTags, tag))
                    return true;
        return fail(reason, u"no line's SKU is tagged [%1]"_s.arg(when.skuTags.join(u", "_s)));
    }
    return true;
}

} // namespace ordo
