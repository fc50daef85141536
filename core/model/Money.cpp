#include "Money.h"

#include <QStringList>

#include <limits>

using namespace Qt::StringLiterals;

namespace ordo {

int Money::minorDigits(const QString& currency) {
    static const QStringList zero = {u"JPY"_s, u"KRW"_s, u"VND"_s, u"CLP"_s, u"ISK"_s, u"UGX"_s, u"PYG"_s};
    static const QStringList three = {u"KWD"_s, u"BHD"_s, u"OMR"_s, u"JOD"_s, u"TND"_s, u"LYD"_s, u"IQD"_s};
    if (zero.contains(currency))
        return 0;
    if (three.contains(currency))
        return 3;
    return 2;
}

std::optional<qint64> Money::parseMinor(QStringView text, const QString& currency) {
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool negative = false;
    if (text.front() == u'-' || text.front() == u'+') {
        negative = text.front() == u'-';
        text = text.mid(1);
    }
    const int digits = minorDigits(currency);
    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? text : text.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : text.mid(dot + 1);
    if (whole.isEmpty() && fraction.isEmpty())
        return std::nullopt;
    if (fraction.size() > digits)
        return std::nullopt;

    qint64 value = 0;
    auto append = [&](QChar c) {
        if (c < u'0' || c > u'9')
            return false;
        const int digit = c.unicode() - u'0';
        // Check before multiplying: signed overflow is undefined, so it cannot be detected afterwards.
        if (value > (std::numeric_limits<qint64>::max() - digit) / 10)
            return false;
        value = value * 10 + digit;
        return true;
    };
    for (QChar c : whole)
        if (!append(c))
            return std::nullopt;
    for (int i = 0; i < digits; ++i)
        if (!append(i < fraction.size() ? fraction[i] : u'0'))
            return std::nullopt;
    return negative ? -value : value;
}

std::optional<qint64> Money::times(qint64 minor, qint64 count) {
    qint64 product = 0;
    if (__builtin_mul_overflow(minor, count, &product) || !inRange(product))
        return std::nullopt;
    return product;
}

std::optional<qint64> Money::plus(qint64 a, qint64 b) {
    qint64 sum = 0;
    if (__builtin_add_overflow(a, b, &sum) || !inRange(sum))
        return std::nullopt;
    return sum;
}

QString Money::ceilingText(const QString& currency) {
    return Money{maxMinor, currency}.toString().trimmed() + u", the largest amount Ordo keeps"_s;
}

QString Money::toDecimalString() const {
    const int digits = minorDigits(currency);
    const bool negative = minor < 0;
    // Work on the unsigned magnitude so that the most negative value does not overflow.
    const quint64 magnitude = negative ? quint64(0) - quint64(minor) : quint64(minor);
    quint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    QString text = QString::number(magnitude / scale);
    if (digits > 0)
        text += u'.' + QString::number(magnitude % scale).rightJustified(digits, u'0');
    return negative ? u'-' + text : text;
}

QString Money::toString() const {
    return toDecimalString() + u' ' + currency;
}

bool isCurrencyCode(const QString& code) {
    if (code.size() != 3)
        return false;
    for (QChar c : code)
        if (c < u'A' || c > u'Z')
            return false;
    return true;
}

} // namespace ordo
