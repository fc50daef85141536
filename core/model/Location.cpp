#include "Location.h"

using namespace Qt::StringLiterals;

namespace ordo {

QString locationTypeCode(LocationType type) {
    switch (type) {
    case LocationType::Dc:
        return u"dc"_s;
    case LocationType::Store:
        return u"store"_s;
    case LocationType::ThirdPartyLogistics:
        return u"3pl"_s;
    case LocationType::Dropship:
        return u"dropship"_s;
    }
    return {};
}

std::optional<LocationType> locationTypeFromCode(QStringView code) {
    for (LocationType t :
         {LocationType::Dc, LocationType::Store, LocationType::ThirdPartyLogistics, LocationType::Dropship})
        if (code.compare(locationTypeCode(t), Qt::CaseInsensitive) == 0)
            return t;
    return std::nullopt;
}

} // namespace ordo
