#include "CsvFields.h"

#include "Error.h"
#include "model/Money.h"

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace ordo::CsvFields {

namespace {

[[noreturn]] void refuse(const QString& column, const QString& text, const QString& expected) {
    if (text.isEmpty())
        throw Error::input(u"%1 is empty; expected %2"_s.arg(column, expected));
    throw Error::input(u"%1 '%2' is not %3"_s.arg(column, text.left(80), expected));
}

bool isAsciiLetters(const QString& text) {
    for (QChar c : text)
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')))
            return false;
    return true;
}

double coordinate(const QString& text, const QString& column, double limit) {
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < -limit || value > limit)
        refuse(column, text, u"a number of degrees between -%1 and %1"_s.arg(limit));
    return value;
}

} // namespace

bool flag(const QString& text, const QString& column) {
    static const QStringList yes = {u"1"_s, u"true"_s, u"yes"_s};
    static const QStringList no = {u"0"_s, u"false"_s, u"no"_s};
    if (yes.contains(text, Qt::CaseInsensitive))
        return true;
    if (no.contains(text, Qt::CaseInsensitive))
        return false;
    refuse(column, text, u"1, 0, true, false, yes or no"_s);
}

qint64 integer(const QString& text, const QString& column, qint64 min, qint64 max) {
    bool ok = !text.isEmpty();
    for (qsizetype i = 0; ok && i < text.size(); ++i)
        ok =
            text.at(i).isDigit() || (i == 0 && (text.at(i) == u'-' || text.at(i) == u'+') && text.size() > 1);
    const qint64 value = ok ? text.toLongLong(&ok, 10) : 0;
    if (!ok)
        refuse(column, text, u"a whole number"_s);
    if (value < min || value > max)
        refuse(column, text, u"a whole number between %1 and %2"_s.arg(min).arg(max));
    return value;
}

qint64 scaled(const QString& text, const QString& column, int digits) {
    const QString expected = u"a decimal number with at most %1 decimals"_s.arg(digits);
    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? QStringView(text) : QStringView(text).left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : QStringView(text).mid(dot + 1);
    if ((whole.isEmpty() && fraction.isEmpty()) || fraction.size() > digits)
        refuse(column, text, expected);
    qint64 value = 0;
    constexpr qint64 limit = std::numeric_limits<qint64>::max() / 10 - 10;
    auto append = [&](QChar c) {
        if (c < u'0' || c > u'9' || value > limit)
            refuse(column, text, expected);
        value = value * 10 + (c.unicode() - u'0');
    };
    for (QChar c : whole)
        append(c);
    for (int i = 0; i < digits; ++i)
        append(i < fraction.size() ? fraction[i] : u'0');
    return value;
}

std::optional<GeoPoint> position(const QString& latitude, const QString& longitude) {
    if (latitude.isEmpty() && longitude.isEmpty())
        return std::nullopt;
    if (latitude.isEmpty() || longitude.isEmpty())
        throw Error::input(u"latitude and longitude go together; only the %1 is given"_s.arg(
            latitude.isEmpty() ? u"longitude"_s : u"latitude"_s));
    return GeoPoint{coordinate(latitude, u"latitude"_s, 90.0), coordinate(longitude, u"longitude"_s, 180.0)};
}

QDateTime timestamp(const QString& text, const QString& column) {
    const QString expected = u"an ISO 8601 date (2024-05-31) or date and time with Z or an offset "
                             "(2024-05-31T14:05:00Z, 2024-05-31T16:05:00+02:00)"_s;
    if (text.size() == 10) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            refuse(column, text, expected);
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    // The time part must say which zone it is in: a local time without one is ambiguous.
    const QStringView time = QStringView(text).mid(10);
    const bool zoned =
        time.endsWith(u'Z') || time.endsWith(u'z') || time.contains(u'+') || time.contains(u'-');
    if (text.size() < 16 || (text.at(10) != u'T' && text.at(10) != u't') || !zoned)
        refuse(column, text, expected);
    QString normalised = text;
    normalised[10] = u'T';
    if (normalised.endsWith(u'z'))
        normalised.back() = u'Z';
    const QDateTime value = QDateTime::fromString(normalised, Qt::ISODateWithMs);
    if (!value.isValid())
        refuse(column, text, expected);
    return value.toUTC();
}

QString currency(const QString& text, const QString& column) {
    const QString code = text.toUpper();
    if (!isCurrencyCode(code))
        refuse(column, text, u"a three-letter ISO 4217 currency code"_s);
    return code;
}

qint64 money(const QString& text, const QString& currencyCode, const QString& column) {
    const std::optional<qint64> minor = Money::parseMinor(text, currencyCode);
    if (!minor)
        refuse(column, text,
               u"a plain decimal amount with at most %1 decimals for %2 (no thousands separators)"_s
                   .arg(Money::minorDigits(currencyCode))
                   .arg(currencyCode));
    return *minor;
}

QString country(const QString& text, const QString& column) {
    if (text.isEmpty())
        return {};
    if (text.size() != 2 || !isAsciiLetters(text))
        refuse(column, text, u"an ISO 3166-1 alpha-2 country code (two letters, e.g. US, DE)"_s);
    return text.toUpper();
}

} // namespace ordo::CsvFields
