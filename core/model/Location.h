#pragma once

#include "GeoPoint.h"

#include <QString>

#include <optional>

namespace ordo {

enum class LocationType { Dc, Store, ThirdPartyLogistics, Dropship };

// "dc", "store", "3pl", "dropship": the codes used in files, the database and on the command line.
QString locationTypeCode(LocationType type);
std::optional<LocationType> locationTypeFromCode(QStringView code);

// A place stock is kept and orders are fulfilled from.
struct Location {
    qint64 id = 0; // database id, 0 until stored
    QString code;  // the business identifier, e.g. "DC-RENO" or "ST-0042"
    QString name;
    LocationType type = LocationType::Dc;
    GeoPoint position;
    bool ships = true;     // can ship parcels to customers
    bool pickup = false;   // hands over orders collected in person
    int dailyCapacity = 0; // orders a day it can fulfil; 0 means no limit
};

} // namespace ordo
