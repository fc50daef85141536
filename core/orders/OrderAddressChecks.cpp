// The address rules of OrderValidator: completeness, the shape of the postal code, and whether the postal
// code agrees with the region and the coordinates given beside it.
#include "OrderValidator.h"
#include "orders/PostalCodes.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

const QStringList countriesWithRegions = {u"US"_s, u"CA"_s, u"AU"_s};
constexpr double kmPerDegree = 111.0;

} // namespace

void OrderValidator::checkAddress(const Address& a, QList<ExceptionReason>& reasons) const {
    const QString country = a.country.trimmed().toUpper();
    if (on(missingShipTo)) {
        QStringList missing;
        if (a.name.trimmed().isEmpty())
            missing << u"name"_s;
        if (a.line1.trimmed().isEmpty())
            missing << u"address line"_s;
        if (a.city.trimmed().isEmpty())
            missing << u"city"_s;
        if (countriesWithRegions.contains(country) && a.region.trimmed().isEmpty())
            missing << (country == u"CA"_s ? u"province"_s : u"state"_s);
        if (a.postalCode.trimmed().isEmpty())
            missing << u"postal code"_s;
        if (country.isEmpty())
            missing << u"country"_s;
        if (!missing.isEmpty())
            reasons << ExceptionReason{missingShipTo,
                                       u"the ship-to address lacks: %1"_s.arg(missing.join(u", "_s))};
    }
    const QString postal = a.postalCode.trimmed().toUpper();
    if (postal.isEmpty())
        return;
    const std::optional<bool> shaped = PostalCodes::hasValidFormat(country, postal);
    if (shaped && !*shaped) {
        if (on(invalidPostalCode))
            reasons << ExceptionReason{
                invalidPostalCode, u"'%1' is not a postal code of %2"_s.arg(a.postalCode.trimmed(), country)};
        return; // a malformed code says nothing about where it is
    }
    if (!on(postalCodeMismatch))
        return;
    const QString region = a.region.trimmed().toUpper();
    QStringList problems;
    if (country == u"US"_s) {
        const std::optional<QString> state = PostalCodes::usStateForZip(postal);
        if (!state)
            return;
        // Only two-letter regions are compared: a spelled-out state name is left alone.
        if (region.size() == 2 && region != *state)
            problems << u"ZIP %1 is in %2, the address says %3"_s.arg(postal, *state, region);
        const double margin = double(m_settings.intParam(postalCodeMismatch, u"margin_km"_s)) / kmPerDegree;
        if (a.position && a.position->isValid()) {
            if (const auto box = PostalCodes::usStateBox(*state, margin); box && !box->contains(*a.position))
                problems << u"ZIP %1 is in %2, but the coordinates %3, %4 lie outside %2"_s
                                .arg(postal, *state)
                                .arg(a.position->latitude, 0, 'f', 4)
                                .arg(a.position->longitude, 0, 'f', 4);
        }
    } else if (country == u"CA"_s && !region.isEmpty()) {
        const std::optional<QString> province = PostalCodes::caProvinceForPostalCode(postal);
        if (province && !province->split(u'/').contains(region))
            problems << u"postal code %1 is in %2, the address says %3"_s.arg(a.postalCode.trimmed(),
                                                                              *province, region);
    }
    for (const QString& p : std::as_const(problems))
        reasons << ExceptionReason{postalCodeMismatch, p};
}

} // namespace ordo
