#pragma once

#include "model/GeoPoint.h"

#include <QString>

#include <optional>

namespace ordo::PostalCodes {

// Whether a postal code has the shape of the country's codes. Countries checked: US (12345, 12345-6789),
// CA (A1A 1A1), GB (SW1A 1AA, M1 1AE...), DE and FR (5 digits), NL (1234 AB), AU (4 digits). Other countries:
// nullopt (not checked).
std::optional<bool> hasValidFormat(const QString& country, const QString& postalCode);
bool isChecked(const QString& country);

// The US state (USPS code) a ZIP code belongs to, from its first three digits (USPS ZIP3 prefixes, including
// DC, PR, territories and military AA/AE/AP); nullopt for an unassigned prefix.
std::optional<QString> usStateForZip(const QString& zip);
// The Canadian province or territories a postal code's first letter stands for ("ON", "QC", "NT/NU"...).
std::optional<QString> caProvinceForPostalCode(const QString& postalCode);

// A US state's bounding box in degrees, widened by `margin`; nullopt for codes without one (military, AS...).
struct Box {
    double south, north, west, east;
    bool contains(const GeoPoint& p) const {
        return p.latitude >= south && p.latitude <= north && p.longitude >= west && p.longitude <= east;
    }
};
std::optional<Box> usStateBox(const QString& state, double margin);

} // namespace ordo::PostalCodes
