#pragma once

#include "UsPlaces.h"

#include <QString>

namespace ordo {

class DemoRandom;

// A made-up customer living in or near a real US city. E-mail addresses use the reserved example domains and
// phone numbers the fictional 555 exchange, so that a demo database can never reach a real person.
struct DemoPerson {
    QString firstName;
    QString lastName;
    QString fullName;
    QString email;
    QString phone;
    QString address1;
    QString city;
    QString state;
    QString zip;
    GeoPoint position;
};

class PersonGenerator {
public:
    enum class EmailStyle { FirstDotLast, FirstLast, InitialLast, FirstUnderscoreLast, FirstDotInitial };
    enum class PhoneStyle { Parenthesised, Dashed, International, Digits };

    static DemoPerson make(DemoRandom& random, const UsPlace& place);
    // A business customer for B2B orders, e.g. "Blue Ridge Outfitters"; contact details as for a person.
    static DemoPerson makeBusiness(DemoRandom& random, const UsPlace& place);

    // Pure helpers, exposed for tests.
    // "ana.lopez7" style local parts, lower case ASCII, no spaces or apostrophes; number 0 means none.
    static QString emailLocalPart(const QString& first, const QString& last, EmailStyle style, int number);
    // "(312) 555-0147", "312-555-0147", "+1 312 555 0147" or "3125550147" for area 312, line 147.
    static QString formatPhone(const QString& areaCode, int line, PhoneStyle style);
    // A ZIP code in the same three-digit area as `baseZip`, offset by `offset` within it.
    static QString nearbyZip(const QString& baseZip, int offset);
    // A point `northKm` and `eastKm` away from `origin`.
    static GeoPoint offsetKm(const GeoPoint& origin, double northKm, double eastKm);
};

} // namespace ordo
