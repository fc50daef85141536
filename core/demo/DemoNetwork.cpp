#include "DemoNetwork.h"

#include "DemoRandom.h"
#include "Error.h"
#include "PersonGenerator.h"

#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

struct Site {
    QString code;
    QString name;
    QString city;
    GeoPoint position;
};

// Real logistics hubs (industrial parks outside the cities they serve).
const QList<Site>& dcSites() {
    static const QList<Site> sites = {
        {u"DC-RENO"_s, u"Reno Distribution Center"_s, u"Sparks, NV"_s, {39.5349, -119.7527}},
        {u"DC-COLUMBUS"_s, u"Columbus Distribution Center"_s, u"Groveport, OH"_s, {39.8784, -82.8838}},
        {u"DC-DALLAS"_s, u"Dallas Distribution Center"_s, u"Lancaster, TX"_s, {32.5921, -96.7561}},
        {u"DC-LEHIGH"_s, u"Lehigh Valley Distribution Center"_s, u"Breinigsville, PA"_s, {40.5387, -75.6305}},
        {u"DC-ATLANTA"_s, u"Atlanta Distribution Center"_s, u"Union City, GA"_s, {33.5871, -84.5424}},
        {u"DC-INLAND"_s,
         u"Inland Empire Distribution Center"_s,
         u"Moreno Valley, CA"_s,
         {33.9217, -117.2437}},
    };
    return sites;
}

const QList<Site>& vendorSites() {
    static const QList<Site> sites = {
        {u"VN-HIGHPOINT"_s,
         u"Highpoint Furniture Works (drop-ship)"_s,
         u"High Point, NC"_s,
         {35.9557, -80.0053}},
        {u"VN-GREATLAKES"_s,
         u"Great Lakes Appliance & Fitness (drop-ship)"_s,
         u"Wyoming, MI"_s,
         {42.9134, -85.7053}},
    };
    return sites;
}

QString asciiLower(const QString& s) {
    QString out;
    for (QChar c : s.toLower())
        if (c >= u'a' && c <= u'z')
            out += c;
    return out;
}

qint64 roundUp(double value, qint64 step) {
    return std::max<qint64>(step, qint64(std::ceil(value / double(step))) * step);
}

} // namespace

QString DemoNetwork::addUser(DemoRandom& random, const UsPlace& place, const QString& role) {
    const DemoPerson p = PersonGenerator::make(random, place);
    const QString base = asciiLower(p.firstName.left(1) + p.lastName);
    QString name = base;
    for (int n = 2;
         std::any_of(m_users.cbegin(), m_users.cend(), [&](const DemoUser& u) { return u.userName == name; });
         ++n)
        name = base + QString::number(n);
    m_users.append({name, p.fullName, role});
    return name;
}

DemoNetwork DemoNetwork::build(DemoRandom& random, const QList<UsPlace>& places, int locationCount,
                               qint64 ordersPerDay) {
    if (locationCount < minimumLocations)
        throw Error::usage(u"the demo needs at least %1 locations (3 DCs, 30 stores, 2 vendors), not %2"_s
                               .arg(minimumLocations)
                               .arg(locationCount));
    DemoNetwork net;
    const int dcCount = std::min(6, 3 + (locationCount - minimumLocations) / 40);
    const int storeCount = locationCount - dcCount - 2;
    const UsPlace& home = places.first();

    for (int i = 0; i < dcCount; ++i) {
        const Site& site = dcSites().at(i);
        DemoLocation dc;
        dc.location = {0,
                       site.code,
                       site.name,
                       LocationType::Dc,
                       site.position,
                       true,
                       false,
                       int(roundUp(double(ordersPerDay) * random.real(0.45, 0.7), 100))};
        dc.city = site.city;
        for (int s = 0; s < 4; ++s)
            dc.staff << net.addUser(random, home, u"warehouse"_s);
        net.m_dcs << int(net.m_locations.size());
        net.m_locations << dc;
    }

    // Stores in the largest cities, at least 80 km apart while there are such cities; then second stores.
    QList<int> byPopulation(places.size());
    for (int i = 0; i < places.size(); ++i)
        byPopulation[i] = i;
    std::stable_sort(byPopulation.begin(), byPopulation.end(),
                     [&](int a, int b) { return places.at(a).population > places.at(b).population; });
    QList<int> storePlaces;
    for (int round = 0; storePlaces.size() < storeCount && round < 8; ++round) {
        for (int p : std::as_const(byPopulation)) {
            if (storePlaces.size() >= storeCount)
                break;
            const int already = int(std::count(storePlaces.cbegin(), storePlaces.cend(), p));
            if (already != round || places.at(p).population < (round == 0 ? 0 : 400000 * round))
                continue;
            const bool crowded =
                round == 0 && std::any_of(storePlaces.cbegin(), storePlaces.cend(), [&](int q) {
                    return distanceKm(places.at(p).position, places.at(q).position) < 80.0;
                });
            if (!crowded)
                storePlaces << p;
        }
    }
    if (storePlaces.size() < storeCount)
        throw Error::usage(
            u"the demo geography has room for %1 stores, not %2"_s.arg(storePlaces.size()).arg(storeCount));
    static const QStringList quarters = {QString(),  u" North"_s,   u" South"_s,  u" East"_s,
                                         u" West"_s, u" Midtown"_s, u" Uptown"_s, u" Riverside"_s};
    for (int i = 0; i < storeCount; ++i) {
        const UsPlace& place = places.at(storePlaces.at(i));
        const int nth = int(std::count(storePlaces.cbegin(), storePlaces.cbegin() + i, storePlaces.at(i)));
        DemoLocation store;
        const GeoPoint at = PersonGenerator::offsetKm(place.position, random.real(-4.0, 4.0) + nth * 6.0,
                                                      random.real(-4.0, 4.0));
        store.location = {0,
                          u"ST-%1"_s.arg(i + 1, 4, 10, QChar(u'0')),
                          place.city + quarters.at(nth % quarters.size()),
                          LocationType::Store,
                          at,
                          true,
                          true,
                          int(random.between(6, 25)) * 10};
        store.city = place.city + u", "_s + place.state;
        for (int s = 0; s < 2; ++s)
            store.staff << net.addUser(random, place, u"warehouse"_s);
        net.m_stores << int(net.m_locations.size());
        net.m_locations << store;
    }

    for (const Site& site : vendorSites()) {
        DemoLocation vendor;
        vendor.location = {0,
                           site.code,
                           site.name,
                           LocationType::Dropship,
                           site.position,
                           true,
                           false,
                           int(roundUp(double(ordersPerDay) * 0.05, 50))};
        vendor.city = site.city;
        vendor.staff << u"import"_s; // vendors report progress through their feed
        net.m_vendors << int(net.m_locations.size());
        net.m_locations << vendor;
    }
    for (int i = 0; i < 8; ++i)
        net.m_csrs << net.addUser(random, home, u"csr"_s);
    for (int i = 0; i < 3; ++i)
        net.m_managers << net.addUser(random, home, u"manager"_s);

    for (const UsPlace& place : places) {
        QList<int> dcs = net.m_dcs;
        std::stable_sort(dcs.begin(), dcs.end(), [&](int a, int b) {
            return distanceKm(place.position, net.m_locations.at(a).location.position) <
                   distanceKm(place.position, net.m_locations.at(b).location.position);
        });
        net.m_dcsByDistance << dcs;
        int best = net.m_stores.first();
        for (int s : std::as_const(net.m_stores))
            if (distanceKm(place.position, net.m_locations.at(s).location.position) <
                distanceKm(place.position, net.m_locations.at(best).location.position))
                best = s;
        net.m_nearestStore << best;
    }
    return net;
}

} // namespace ordo
