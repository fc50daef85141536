#include "PostalCodes.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ordo::PostalCodes {

namespace {

struct Format {
    const char16_t* country;
    const char16_t* pattern;
};

// Shapes only: a code of the right shape may still not exist.
const Format formats[] = {
    {u"US", uR"(^\d{5}(-\d{4})?$)"},
    {u"CA", uR"(^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$)"},
    {u"GB",
     uR"(^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPS-UW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$)"},
    {u"DE", uR"(^\d{5}$)"},
    {u"FR", uR"(^\d{5}$)"},
    {u"NL", uR"(^[1-9]\d{3} ?[A-Z]{2}$)"},
    {u"AU", uR"(^\d{4}$)"},
};

// USPS ZIP3 prefixes, as ranges of the first three digits.
struct ZipRange {
    int from, to;
    const char16_t* state;
};
const ZipRange zipRanges[] = {
    {5, 5, u"NY"},     {6, 7, u"PR"},     {8, 8, u"VI"},     {9, 9, u"PR"},     {10, 27, u"MA"},
    {28, 29, u"RI"},   {30, 38, u"NH"},   {39, 49, u"ME"},   {50, 54, u"VT"},   {55, 55, u"MA"},
    {56, 59, u"VT"},   {60, 69, u"CT"},   {70, 89, u"NJ"},   {90, 98, u"AE"},   {100, 149, u"NY"},
    {150, 196, u"PA"}, {197, 199, u"DE"}, {200, 200, u"DC"}, {201, 201, u"VA"}, {202, 205, u"DC"},
    {206, 219, u"MD"}, {220, 246, u"VA"}, {247, 268, u"WV"}, {270, 289, u"NC"}, {290, 299, u"SC"},
    {300, 319, u"GA"}, {320, 339, u"FL"}, {340, 340, u"AA"}, {341, 349, u"FL"}, {350, 369, u"AL"},
    {370, 385, u"TN"}, {386, 397, u"MS"}, {398, 399, u"GA"}, {400, 427, u"KY"}, {430, 459, u"OH"},
    {460, 479, u"IN"}, {480, 499, u"MI"}, {500, 528, u"IA"}, {530, 549, u"WI"}, {550, 567, u"MN"},
    {569, 569, u"DC"}, {570, 577, u"SD"}, {580, 588, u"ND"}, {590, 599, u"MT"}, {600, 629, u"IL"},
    {630, 658, u"MO"}, {660, 679, u"KS"}, {680, 693, u"NE"}, {700, 714, u"LA"}, {716, 729, u"AR"},
    {730, 732, u"OK"}, {733, 733, u"TX"}, {734, 749, u"OK"}, {750, 799, u"TX"}, {800, 816, u"CO"},
    {820, 831, u"WY"}, {832, 838, u"ID"}, {840, 847, u"UT"}, {850, 865, u"AZ"}, {870, 884, u"NM"},
    {885, 885, u"TX"}, {889, 898, u"NV"}, {900, 961, u"CA"}, {962, 966, u"AP"}, {967, 968, u"HI"},
    {969, 969, u"GU"}, {970, 979, u"OR"}, {980, 994, u"WA"}, {995, 999, u"AK"},
};

// Bounding boxes of the states (south, north, west, east), rounded outwards to about a kilometre. Alaska's
// box stops at the 180th meridian (the western Aleutians are left out).
struct StateBox {
    const char16_t* state;
    double south, north, west, east;
};
const StateBox stateBoxes[] = {
    {u"AL", 30.14, 35.01, -88.48, -84.89},   {u"AK", 51.20, 71.44, -179.99, -129.97},
    {u"AZ", 31.33, 37.01, -114.82, -109.04}, {u"AR", 33.00, 36.50, -94.62, -89.64},
    {u"CA", 32.53, 42.01, -124.48, -114.13}, {u"CO", 36.99, 41.01, -109.06, -102.04},
    {u"CT", 40.95, 42.06, -73.73, -71.78},   {u"DE", 38.45, 39.84, -75.79, -75.05},
    {u"DC", 38.79, 39.00, -77.12, -76.91},   {u"FL", 24.39, 31.00, -87.64, -79.97},
    {u"GA", 30.36, 35.00, -85.61, -80.84},   {u"HI", 18.91, 28.41, -178.33, -154.80},
    {u"ID", 41.99, 49.00, -117.25, -111.04}, {u"IL", 36.97, 42.51, -91.52, -87.49},
    {u"IN", 37.77, 41.77, -88.10, -84.78},   {u"IA", 40.37, 43.51, -96.64, -90.14},
    {u"KS", 36.99, 40.01, -102.06, -94.59},  {u"KY", 36.49, 39.15, -89.58, -81.96},
    {u"LA", 28.92, 33.02, -94.04, -88.82},   {u"ME", 42.98, 47.46, -71.09, -66.95},
    {u"MD", 37.89, 39.73, -79.49, -75.05},   {u"MA", 41.24, 42.89, -73.51, -69.93},
    {u"MI", 41.70, 48.31, -90.42, -82.41},   {u"MN", 43.50, 49.39, -97.24, -89.49},
    {u"MS", 30.17, 35.01, -91.66, -88.10},   {u"MO", 35.99, 40.62, -95.77, -89.10},
    {u"MT", 44.36, 49.00, -116.05, -104.04}, {u"NE", 40.00, 43.00, -104.05, -95.31},
    {u"NV", 35.00, 42.00, -120.01, -114.04}, {u"NH", 42.70, 45.31, -72.56, -70.61},
    {u"NJ", 38.93, 41.36, -75.56, -73.89},   {u"NM", 31.33, 37.00, -109.05, -103.00},
    {u"NY", 40.50, 45.02, -79.76, -71.86},   {u"NC", 33.84, 36.59, -84.32, -75.46},
    {u"ND", 45.94, 49.00, -104.05, -96.55},  {u"OH", 38.40, 41.98, -84.82, -80.52},
    {u"OK", 33.62, 37.00, -103.00, -94.43},  {u"OR", 41.99, 46.29, -124.57, -116.46},
    {u"PA", 39.72, 42.27, -80.52, -74.69},   {u"RI", 41.15, 42.02, -71.91, -71.12},
    {u"SC", 32.03, 35.22, -83.35, -78.54},   {u"SD", 42.48, 45.95, -104.06, -96.44},
    {u"TN", 34.98, 36.68, -90.31, -81.65},   {u"TX", 25.84, 36.50, -106.65, -93.51},
    {u"UT", 36.99, 42.00, -114.05, -109.04}, {u"VT", 42.73, 45.02, -73.44, -71.46},
    {u"VA", 36.54, 39.47, -83.68, -75.24},   {u"WA", 45.54, 49.00, -124.85, -116.92},
    {u"WV", 37.20, 40.64, -82.64, -77.72},   {u"WI", 42.49, 47.31, -92.89, -86.25},
    {u"WY", 40.99, 45.01, -111.06, -104.05}, {u"PR", 17.88, 18.52, -67.95, -65.22},
};

struct ProvinceLetter {
    char16_t letter;
    const char16_t* province;
};
const ProvinceLetter provinceLetters[] = {
    {u'A', u"NL"}, {u'B', u"NS"}, {u'C', u"PE"}, {u'E', u"NB"}, {u'G', u"QC"},    {u'H', u"QC"},
    {u'J', u"QC"}, {u'K', u"ON"}, {u'L', u"ON"}, {u'M', u"ON"}, {u'N', u"ON"},    {u'P', u"ON"},
    {u'R', u"MB"}, {u'S', u"SK"}, {u'T', u"AB"}, {u'V', u"BC"}, {u'X', u"NT/NU"}, {u'Y', u"YT"},
};

} // namespace

bool isChecked(const QString& country) {
    for (const Format& f : formats)
        if (country == QStringView(f.country))
            return true;
    return false;
}

std::optional<bool> hasValidFormat(const QString& country, const QString& postalCode) {
    for (const Format& f : formats) {
        if (country != QStringView(f.country))
            continue;
        const QRegularExpression re(QString::fromUtf16(f.pattern), QRegularExpression::CaseInsensitiveOption);
        return re.match(postalCode.trimmed()).hasMatch();
    }
    return std::nullopt;
}

std::optional<QString> usStateForZip(const QString& zip) {
    const QString z = zip.trimmed();
    if (z.size() < 3)
        return std::nullopt;
    bool ok = false;
    const int prefix = z.left(3).toInt(&ok);
    if (!ok)
        return std::nullopt;
    for (const ZipRange& r : zipRanges)
        if (prefix >= r.from && prefix <= r.to)
            return QString::fromUtf16(r.state);
    return std::nullopt;
}

std::optional<QString> caProvinceForPostalCode(const QString& postalCode) {
    const QString p = postalCode.trimmed().toUpper();
    if (p.isEmpty())
        return std::nullopt;
    for (const ProvinceLetter& l : provinceLetters)
        if (p.front() == QChar(l.letter))
            return QString::fromUtf16(l.province);
    return std::nullopt;
}

std::optional<Box> usStateBox(const QString& state, double margin) {
    for (const StateBox& b : stateBoxes)
        if (state == QStringView(b.state))
            return Box{b.south - margin, b.north + margin, b.west - margin, b.east + margin};
    return std::nullopt;
}

} // namespace ordo::PostalCodes
