#pragma once

#include "model/Location.h"

#include <QList>
#include <QString>

#include <optional>

namespace ordo {

class Database;

// Locations by business code. Writes expect to run inside the caller's Transaction.
class LocationRepository {
public:
    explicit LocationRepository(Database& db)
        : m_db(db) {}

    // Inserts or updates by code; returns the database id.
    qint64 upsert(const Location& location);
    std::optional<Location> findByCode(const QString& code) const;
    std::optional<qint64> idForCode(const QString& code) const;
    QList<Location> all() const;

private:
    Database& m_db;
};

} // namespace ordo
