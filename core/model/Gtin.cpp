#include "Gtin.h"

using namespace Qt::StringLiterals;

namespace ordo::Gtin {

namespace {

bool allDigits(QStringView text) {
    if (text.isEmpty())
        return false;
    for (QChar c : text)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

bool knownLength(qsizetype length) {
    return length == 8 || length == 12 || length == 13 || length == 14;
}

} // namespace

int checkDigit(QStringView digits) {
    int sum = 0;
    int weight = 3;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        sum += (digits[i].unicode() - u'0') * weight;
        weight = 4 - weight; // 3, 1, 3, 1, ...
    }
    return (10 - sum % 10) % 10;
}

QString problem(QStringView text) {
    const QStringView t = text.trimmed();
    if (!allDigits(t))
        return u"is not all digits"_s;
    if (!knownLength(t.size()))
        return u"has %1 digits, not 8, 12, 13 or 14"_s.arg(t.size());
    const int expected = checkDigit(t.first(t.size() - 1));
    if (t.back().unicode() - u'0' != expected)
        return u"ends in %1, its check digit is %2"_s.arg(t.back()).arg(expected);
    return {};
}

std::optional<QString> normalised(QStringView text) {
    if (!problem(text).isEmpty())
        return std::nullopt;
    return text.trimmed().toString().rightJustified(14, u'0');
}

QString withCheckDigit(const QString& digits) {
    return digits + QString::number(checkDigit(digits));
}

} // namespace ordo::Gtin
