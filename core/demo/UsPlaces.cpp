#include "UsPlaces.h"

#include "Error.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

const QStringList expectedHeader = {u"city"_s,       u"state"_s, u"latitude"_s, u"longitude"_s,
                                    u"population"_s, u"zip"_s,   u"area_code"_s};

bool allDigits(const QString& s, int length) {
    if (s.size() != length)
        return false;
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

} // namespace

QList<UsPlace> UsPlaces::parse(const QByteArray& csv, const QString& sourceName) {
    QList<UsPlace> places;
    bool headerSeen = false;
    int lineNo = 0;
    for (const QByteArray& rawLine : csv.split('\n')) {
        ++lineNo;
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList fields = line.split(u',');
        const auto fail = [&](const QString& what) {
            return Error::input(u"%1 line %2: %3"_s.arg(sourceName).arg(lineNo).arg(what));
        };
        if (!headerSeen) {
            if (fields != expectedHeader)
                throw fail(u"the header must be '%1'"_s.arg(expectedHeader.join(u',')));
            headerSeen = true;
            continue;
        }
        if (fields.size() != expectedHeader.size())
            throw fail(u"expected %1 fields, found %2"_s.arg(expectedHeader.size()).arg(fields.size()));
        UsPlace place;
        place.city = fields.at(0).trimmed();
        place.state = fields.at(1).trimmed();
        if (place.city.isEmpty())
            throw fail(u"the city is empty"_s);
        if (place.state.size() != 2 || place.state.toUpper() != place.state)
            throw fail(u"state '%1' is not a two-letter USPS code"_s.arg(place.state));
        bool okLat = false, okLon = false, okPop = false;
        place.position.latitude = fields.at(2).toDouble(&okLat);
        place.position.longitude = fields.at(3).toDouble(&okLon);
        place.population = fields.at(4).toLongLong(&okPop);
        if (!okLat || place.position.latitude < 18.0 || place.position.latitude > 72.0)
            throw fail(u"latitude '%1' is not a number inside the United States"_s.arg(fields.at(2)));
        if (!okLon || place.position.longitude < -180.0 || place.position.longitude > -60.0)
            throw fail(u"longitude '%1' is not a number inside the United States"_s.arg(fields.at(3)));
        if (!okPop || place.population <= 0)
            throw fail(u"population '%1' is not a positive whole number"_s.arg(fields.at(4)));
        place.zip = fields.at(5).trimmed();
        if (!allDigits(place.zip, 5))
            throw fail(u"zip '%1' is not five digits"_s.arg(place.zip));
        place.areaCode = fields.at(6).trimmed();
        if (!allDigits(place.areaCode, 3))
            throw fail(u"area_code '%1' is not three digits"_s.arg(place.areaCode));
        places.append(place);
    }
    if (!headerSeen)
        throw Error::input(u"%1: no header line"_s.arg(sourceName));
    if (places.isEmpty())
        throw Error::input(u"%1: no places"_s.arg(sourceName));
    return places;
}

const QList<UsPlace>& UsPlaces::builtIn() {
    static const QList<UsPlace> places = [] {
        const QString path = u":/ordo/core/demo/us_places.csv"_s;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw Error::storage(u"the demo geography %1 is missing from this build"_s.arg(path));
        try {
            return parse(file.readAll(), path);
        } catch (const Error& e) {
            throw Error::storage(e.message());
        }
    }();
    return places;
}

} // namespace ordo
