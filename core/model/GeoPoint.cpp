#include "GeoPoint.h"

#include <cmath>
#include <numbers>

namespace ordo {

double distanceKm(const GeoPoint& a, const GeoPoint& b) {
    constexpr double earthRadiusKm = 6371.0;
    constexpr double toRadians = std::numbers::pi / 180.0;
    const double dLat = (b.latitude - a.latitude) * toRadians;
    const double dLon = (b.longitude - a.longitude) * toRadians;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) + std::cos(a.latitude * toRadians) *
                                                                   std::cos(b.latitude * toRadians) *
                                                                   std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2.0 * earthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

} // namespace ordo
