#include "SegmentationConfigWriter.h"

#include "inventory/SegmentationRepository.h"

#include <QJsonArray>
#include <QMap>

using namespace Qt::StringLiterals;

namespace ordo::SegmentationConfigWriter {

QJsonObject toJson(Database& db) {
    const SegmentationRepository repo(db, Actor::system());
    QJsonArray groups;
    for (const LocationGroup& g : repo.groups())
        groups << QJsonObject{{u"code"_s, g.code},
                              {u"name"_s, g.name},
                              {u"locations"_s, QJsonArray::fromStringList(g.locationCodes)}};
    // One entry per (channel, delivery), locations in code order (pools() is sorted).
    QMap<QPair<QString, QString>, QStringList> pools;
    for (const PoolEntry& p : repo.pools())
        pools[{channelCode(p.channel), deliveryMethodCode(p.delivery)}] << p.locationCode;
    QJsonArray poolArray;
    for (auto it = pools.cbegin(); it != pools.cend(); ++it)
        poolArray << QJsonObject{{u"channel"_s, it.key().first},
                                 {u"delivery"_s, it.key().second},
                                 {u"locations"_s, QJsonArray::fromStringList(it.value())}};
    QJsonArray policies;
    for (const ChannelPolicy& p : repo.policies()) {
        QJsonObject o{{u"channel"_s, channelCode(p.channel)},
                      {u"allow_future"_s, p.allowFutureSupply},
                      {u"horizon_days"_s, p.horizonDays}};
        if (p.bufferPercent > 0)
            o.insert(u"buffer_percent"_s, p.bufferPercent);
        else
            o.insert(u"buffer_units"_s, p.bufferUnits);
        policies << o;
    }
    QJsonArray exclusions;
    for (const Segmentation::Exclusion& e : repo.exclusions()) {
        QJsonObject o{{u"channel"_s, e.channel}};
        if (!e.skuCode.isEmpty())
            o.insert(u"sku"_s, e.skuCode);
        if (!e.locationCode.isEmpty())
            o.insert(u"location"_s, e.locationCode);
        exclusions << o;
    }
    QJsonArray supply;
    for (const FutureSupplyLine& f : repo.futureSupply())
        supply << QJsonObject{{u"reference"_s, f.reference},
                              {u"location"_s, f.locationCode},
                              {u"sku"_s, f.skuCode},
                              {u"quantity"_s, f.quantity},
                              {u"arrives_at"_s, f.arrivesAt.toUTC().toString(Qt::ISODate)}};
    return QJsonObject{{u"groups"_s, groups},
                       {u"pools"_s, poolArray},
                       {u"policies"_s, policies},
                       {u"exclusions"_s, exclusions},
                       {u"future_supply"_s, supply}};
}

} // namespace ordo::SegmentationConfigWriter
