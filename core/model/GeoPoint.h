#pragma once

#include <optional>

namespace ordo {

// A WGS84 coordinate in decimal degrees.
struct GeoPoint {
    double latitude = 0.0;
    double longitude = 0.0;

    bool isValid() const {
        return latitude >= -90.0 && latitude <= 90.0 && longitude >= -180.0 && longitude <= 180.0;
    }
    friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

// Great-circle distance in kilometres (haversine, Earth radius 6371 km).
double distanceKm(const GeoPoint& a, const GeoPoint& b);

} // namespace ordo
