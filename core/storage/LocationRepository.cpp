#include "LocationRepository.h"

#include "Error.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

const QString selectColumns =
    u"SELECT id, code, name, type, latitude, longitude, ships, pickup, daily_capacity FROM locations "_s;

Location readLocation(const SqlQuery& q) {
    Location l;
    l.id = q.value(0).toLongLong();
    l.code = q.value(1).toString();
    l.name = q.value(2).toString();
    l.type = locationTypeFromCode(q.value(3).toString()).value_or(LocationType::Dc);
    l.position = {q.value(4).toDouble(), q.value(5).toDouble()};
    l.ships = q.value(6).toInt() != 0;
    l.pickup = q.value(7).toInt() != 0;
    l.dailyCapacity = q.value(8).toInt();
    return l;
}

} // namespace

qint64 LocationRepository::upsert(const Location& location) {
    SqlQuery q(
        m_db, u"INSERT INTO locations (code, name, type, latitude, longitude, ships, pickup, daily_capacity) "
              "VALUES (:code, :name, :type, :lat, :lon, :ships, :pickup, :cap) "
              "ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type, "
              "latitude = excluded.latitude, longitude = excluded.longitude, ships = excluded.ships, "
              "pickup = excluded.pickup, daily_capacity = excluded.daily_capacity RETURNING id"_s);
    q.bind(u":code"_s, location.code)
        .bind(u":name"_s, location.name)
        .bind(u":type"_s, locationTypeCode(location.type))
        .bind(u":lat"_s, location.position.latitude)
        .bind(u":lon"_s, location.position.longitude)
        .bind(u":ships"_s, location.ships ? 1 : 0)
        .bind(u":pickup"_s, location.pickup ? 1 : 0)
        .bind(u":cap"_s, location.dailyCapacity);
    return q.scalar().toLongLong();
}

std::optional<Location> LocationRepository::findByCode(const QString& code) const {
    SqlQuery q(m_db, selectColumns + u"WHERE code = :code"_s);
    q.bind(u":code"_s, code);
    q.exec();
    if (!q.next())
        return std::nullopt;
    return readLocation(q);
}

std::optional<qint64> LocationRepository::idForCode(const QString& code) const {
    SqlQuery q(m_db, u"SELECT id FROM locations WHERE code = :code"_s);
    q.bind(u":code"_s, code);
    q.exec();
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

QList<Location> LocationRepository::all() const {
    SqlQuery q(m_db, selectColumns + u"ORDER BY code"_s);
    q.exec();
    QList<Location> result;
    while (q.next())
        result << readLocation(q);
    return result;
}

} // namespace ordo
