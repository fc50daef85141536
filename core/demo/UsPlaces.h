#pragma once

#include "model/GeoPoint.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ordo {

// A US city the demo world puts customers and stores in.
struct UsPlace {
    QString city;
    QString state; // USPS code, e.g. "IL"
    GeoPoint position;
    qint64 population = 0;
    QString zip;      // a real ZIP code near the centre
    QString areaCode; // the main telephone area code
};

// The demo geography (resources/demo/us_places.csv, compiled into the core library).
class UsPlaces {
public:
    // The built-in list; throws Error::Storage if the resource is missing or broken.
    static const QList<UsPlace>& builtIn();
    // Parses the CSV format: a header "city,state,latitude,longitude,population,zip,area_code", '#' comments.
    // Throws Error::Input naming the source, the line and the field for anything it cannot read.
    static QList<UsPlace> parse(const QByteArray& csv, const QString& sourceName);
};

} // namespace ordo
