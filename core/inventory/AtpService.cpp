#include "AtpService.h"

#include "Error.h"
#include "inventory/Atp.h"
#include "inventory/SegmentationRepository.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

AtpService::AtpService(Database& db)
    : m_db(db) {}

AtpService::~AtpService() = default;

void AtpService::reload() {
    m_segmentation = SegmentationRepository(m_db, Actor::system()).load();
    m_futureBySku.clear();
    for (const FutureSupplyLine& line : std::as_const(m_segmentation.futureSupply))
        m_futureBySku[line.skuCode] << line;
    m_locations.clear();
    SqlQuery q(m_db, u"SELECT code, ships, pickup FROM locations"_s);
    q.exec();
    while (q.next())
        m_locations << LocationInfo{q.value(0).toString(), q.value(1).toInt() != 0, q.value(2).toInt() != 0};
    std::sort(m_locations.begin(), m_locations.end(),
              [](const LocationInfo& a, const LocationInfo& b) { return a.code < b.code; });
    m_loaded = true;
}

void AtpService::ensureLoaded() {
    if (!m_loaded)
        reload();
}

const Segmentation& AtpService::segmentation() {
    ensureLoaded();
    return m_segmentation;
}

// The locations that may serve the query, in location-code order, before exclusions:
// - no channel: every location (the delivery method is not looked at);
// - a channel with pool rows: its rows for the delivery method, or the union of its ship and pickup rows when
//   no method is given (a method without rows gives no location);
// - a channel without any pool row: every location that ships (ship), hands over pickups (pickup), or does
//   either (no method given);
// - a location named in the query narrows the set to that location.
QList<QString> AtpService::candidateLocations(const AtpQuery& query) const {
    const auto pool = query.channel ? m_segmentation.pools.constFind(channelCode(*query.channel))
                                    : m_segmentation.pools.cend();
    const bool hasPool = pool != m_segmentation.pools.cend() && !pool->isEmpty();
    QList<QString> result;
    for (const LocationInfo& l : m_locations) {
        if (!query.locationCode.isEmpty() && l.code != query.locationCode)
            continue;
        bool serves = true;
        if (query.channel && hasPool) {
            const bool inShip = pool->value(u"ship"_s).contains(l.code);
            const bool inPickup = pool->value(u"pickup"_s).contains(l.code);
            if (!query.delivery)
                serves = inShip || inPickup;
            else
                serves = *query.delivery == DeliveryMethod::Ship ? inShip : inPickup;
        } else if (query.channel) {
            if (!query.delivery)
                serves = l.ships || l.pickup;
            else
                serves = *query.delivery == DeliveryMethod::Ship ? l.ships : l.pickup;
        }
        if (serves)
            result << l.code;
    }
    return result;
}

// Available-to-promise of one SKU (ARCHITECTURE.md, decision 3):
//   atp(location) = max(0, on_hand - reserved - safety_stock - buffer) + future          (Atp::atLocation)
//   buffer = the channel policy's units, or ceil(on_hand * percent / 100)                 (Atp::bufferUnits)
//   future = inbound supply of the SKU at the location arriving in (at, at + horizon days], counted only when
//            the channel allows future supply                                            (Atp::futureCounts)
// With no channel every location counts with buffer 0 and future 0. The locations are those of
// candidateLocations(); for a channel, those where the SKU, the location or the SKU at the location is
// excluded are left out. A location without a position row counts with zero stock (plus its future supply).
// The total is the sum of the listed locations' figures; locations are listed in location-code order.
AtpResult AtpService::atp(const AtpQuery& query) {
    ensureLoaded();
    if (!query.locationCode.isEmpty() &&
        std::none_of(m_locations.cbegin(), m_locations.cend(),
                     [&](const LocationInfo& l) { return l.code == query.locationCode; }))
        throw Error::notFound(u"unknown location \"%1\""_s.arg(query.locationCode));

    // One query: the SKU (so an unknown one is told apart from one without stock) and its positions.
    if (!m_positions)
        m_positions = std::make_unique<SqlQuery>(
            m_db, u"SELECT s.id, l.code, p.on_hand, p.reserved, p.safety_stock FROM skus s "
                  "LEFT JOIN positions p ON p.sku_id = s.id LEFT JOIN locations l ON l.id = p.location_id "
                  "WHERE s.code = :sku"_s);
    SqlQuery& q = *m_positions;
    q.bind(u":sku"_s, query.skuCode);
    q.exec();
    bool known = false;
    QHash<QString, PositionFigures> positions;
    while (q.next()) {
        known = true;
        if (!q.value(1).isNull())
            positions.insert(
                q.value(1).toString(),
                PositionFigures{q.value(2).toLongLong(), q.value(3).toLongLong(), q.value(4).toLongLong()});
    }
    q.raw().finish();
    if (!known)
        throw Error::notFound(u"unknown SKU \"%1\""_s.arg(query.skuCode));

    const QDateTime at = query.at.isValid() ? query.at.toUTC() : QDateTime::currentDateTimeUtc();
    const ChannelPolicy policy = query.channel ? m_segmentation.policyFor(*query.channel) : ChannelPolicy{};
    const QList<FutureSupplyLine> noLines;
    const QList<FutureSupplyLine>& inbound =
        query.channel ? m_futureBySku.value(query.skuCode, noLines) : noLines;

    AtpResult result;
    result.skuCode = query.skuCode;
    result.channel = query.channel;
    for (const QString& location : candidateLocations(query)) {
        if (query.channel && m_segmentation.isExcluded(*query.channel, query.skuCode, location))
            continue;
        const PositionFigures figures = positions.value(location);
        const qint64 buffer = query.channel ? Atp::bufferUnits(policy, figures.onHand) : 0;
        qint64 future = 0;
        for (const FutureSupplyLine& line : inbound)
            if (line.locationCode == location && Atp::futureCounts(policy, at, line.arrivesAt))
                future += line.quantity;
        const AtpLocationFigure figure = Atp::atLocation(location, figures, buffer, future);
        result.atp += figure.atp;
        result.locations << figure;
    }
    return result;
}

} // namespace ordo
