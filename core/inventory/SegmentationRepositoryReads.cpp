// The reading half of SegmentationRepository: lists and the whole configuration for ATP.
#include "Error.h"
#include "SegmentationRepository.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

#include <QMap>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace ordo {

QList<LocationGroup> SegmentationRepository::groups() const {
    SqlQuery q(m_db, u"SELECT g.code, g.name, l.code FROM location_groups g "
                     "LEFT JOIN location_group_members m ON m.group_code = g.code "
                     "LEFT JOIN locations l ON l.id = m.location_id"_s);
    q.exec();
    QMap<QString, LocationGroup> byCode;
    while (q.next()) {
        LocationGroup& g = byCode[q.value(0).toString()];
        g.code = q.value(0).toString();
        g.name = q.value(1).toString();
        if (!q.value(2).isNull())
            g.locationCodes << q.value(2).toString();
    }
    QList<LocationGroup> result;
    for (LocationGroup& g : byCode) {
        g.locationCodes.sort();
        result << g;
    }
    return result;
}

QStringList SegmentationRepository::groupMembers(const QString& code) const {
    SqlQuery exists(m_db, u"SELECT 1 FROM location_groups WHERE code = :code"_s);
    exists.bind(u":code"_s, code);
    if (!exists.optionalScalar())
        throw Error::input(u"unknown location group \"%1\""_s.arg(code));
    SqlQuery q(m_db, u"SELECT l.code FROM location_group_members m JOIN locations l ON l.id = m.location_id "
                     "WHERE m.group_code = :code"_s);
    q.bind(u":code"_s, code).exec();
    QStringList result;
    while (q.next())
        result << q.value(0).toString();
    result.sort();
    return result;
}

QList<PoolEntry> SegmentationRepository::pools(std::optional<Channel> channel) const {
    SqlQuery q(m_db, u"SELECT p.channel, p.delivery, l.code FROM channel_pools p "
                     "JOIN locations l ON l.id = p.location_id"_s);
    q.exec();
    QList<PoolEntry> result;
    while (q.next()) {
        const auto c = channelFromCode(q.value(0).toString());
        const auto d = deliveryMethodFromCode(q.value(1).toString());
        if (!c || !d || (channel && *c != *channel))
            continue;
        result << PoolEntry{*c, *d, q.value(2).toString()};
    }
    std::sort(result.begin(), result.end(), [](const PoolEntry& a, const PoolEntry& b) {
        return std::tuple(channelCode(a.channel), deliveryMethodCode(a.delivery), a.locationCode) <
               std::tuple(channelCode(b.channel), deliveryMethodCode(b.delivery), b.locationCode);
    });
    return result;
}

QList<ChannelPolicy> SegmentationRepository::policies() const {
    SqlQuery q(m_db, u"SELECT channel, buffer_units, buffer_percent, allow_future, horizon_days "
                     "FROM channel_policies ORDER BY channel"_s);
    q.exec();
    QList<ChannelPolicy> result;
    while (q.next()) {
        const auto c = channelFromCode(q.value(0).toString());
        if (!c)
            continue;
        result << ChannelPolicy{*c, q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toInt() != 0,
                                q.value(4).toInt()};
    }
    return result;
}

QList<Segmentation::Exclusion> SegmentationRepository::exclusions(std::optional<Channel> channel) const {
    SqlQuery q(m_db, u"SELECT e.channel, s.code, l.code FROM channel_exclusions e "
                     "LEFT JOIN skus s ON s.id = e.sku_id LEFT JOIN locations l ON l.id = e.location_id"_s);
    q.exec();
    QList<Segmentation::Exclusion> result;
    const QString wanted = channel ? channelCode(*channel) : QString();
    while (q.next()) {
        Segmentation::Exclusion e{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
        if (wanted.isEmpty() || e.channel == wanted)
            result << e;
    }
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) {
        return std::tie(a.channel, a.skuCode, a.locationCode) <
               std::tie(b.channel, b.skuCode, b.locationCode);
    });
    return result;
}

QList<FutureSupplyLine> SegmentationRepository::futureSupply(const QString& skuCode) const {
    QString sql = u"SELECT f.reference, l.code, s.code, f.quantity, f.arrives_at FROM future_supply f "
                  "JOIN locations l ON l.id = f.location_id JOIN skus s ON s.id = f.sku_id"_s;
    if (!skuCode.isEmpty())
        sql += u" WHERE s.code = :sku"_s;
    SqlQuery q(m_db, sql);
    if (!skuCode.isEmpty())
        q.bind(u":sku"_s, skuCode);
    q.exec();
    QList<FutureSupplyLine> result;
    while (q.next())
        result << FutureSupplyLine{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                   q.value(3).toLongLong(), fromStoredTime(q.value(4))};
    std::sort(result.begin(), result.end(), [](const FutureSupplyLine& a, const FutureSupplyLine& b) {
        return std::tie(a.arrivesAt, a.reference, a.locationCode, a.skuCode) <
               std::tie(b.arrivesAt, b.reference, b.locationCode, b.skuCode);
    });
    return result;
}

Segmentation SegmentationRepository::load() const {
    Segmentation s;
    for (const PoolEntry& p : pools())
        s.pools[channelCode(p.channel)][deliveryMethodCode(p.delivery)].insert(p.locationCode);
    for (const ChannelPolicy& p : policies())
        s.policies.insert(channelCode(p.channel), p);
    s.exclusions = exclusions();
    s.futureSupply = futureSupply();
    for (const LocationGroup& g : groups())
        s.groups.insert(g.code, QSet<QString>(g.locationCodes.cbegin(), g.locationCodes.cend()));
    return s;
}

} // namespace ordo
