#pragma once

#include "GeoPoint.h"

#include <QString>

#include <optional>

namespace ordo {

// A postal address with the coordinates the channel or a geocoder gave for it, if any.
struct Address {
    QString name;
    QString line1;
    QString city;
    QString region;
    QString postalCode;
    QString country; // ISO 3166-1 alpha-2
    std::optional<GeoPoint> position;

    bool isEmpty() const { return line1.isEmpty() && city.isEmpty() && postalCode.isEmpty(); }
};

} // namespace ordo
