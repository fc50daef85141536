#pragma once

#include "UsPlaces.h"
#include "model/Location.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ordo {

class DemoRandom;

struct DemoUser {
    QString userName;
    QString displayName;
    QString role; // users.role: manager, csr, warehouse
};

struct DemoLocation {
    Location location;
    QString city;      // "Chicago, IL"
    QStringList staff; // user names of the people who pick, pack and ship there
};

// The demo's fulfilment network: distribution centres at real logistics hubs, stores in the largest cities
// spread over the country, two drop-ship vendors, and the people who work there.
class DemoNetwork {
public:
    // locationCount is the total: 3 to 6 DCs, 2 vendors, the rest stores (at least 30).
    static DemoNetwork build(DemoRandom& random, const QList<UsPlace>& places, int locationCount,
                             qint64 ordersPerDay);
    static constexpr int minimumLocations = 35;

    const QList<DemoLocation>& locations() const { return m_locations; }
    const QList<int>& dcs() const { return m_dcs; }
    const QList<int>& stores() const { return m_stores; }
    const QList<int>& vendors() const { return m_vendors; }
    const QList<DemoUser>& users() const { return m_users; }
    const QStringList& customerService() const { return m_csrs; }
    const QStringList& managers() const { return m_managers; }

    // For the customers of a place: DCs nearest first, and the nearest store.
    const QList<int>& dcsByDistance(int placeIndex) const { return m_dcsByDistance.at(placeIndex); }
    int nearestStore(int placeIndex) const { return m_nearestStore.at(placeIndex); }

private:
    QString addUser(DemoRandom& random, const UsPlace& place, const QString& role);

    QList<DemoLocation> m_locations;
    QList<int> m_dcs, m_stores, m_vendors;
    QList<DemoUser> m_users;
    QStringList m_csrs, m_managers;
    QList<QList<int>> m_dcsByDistance;
    QList<int> m_nearestStore;
};

} // namespace ordo
