#include "SkuXrefEntry.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

const QStringList numericQualifiers = {u"UP"_s, u"UK"_s, u"EN"_s, u"UA"_s, u"GTIN"_s};

} // namespace

QString SkuXrefEntry::normalisedQualifier(const QString& qualifier) {
    return qualifier.trimmed().toUpper();
}

QString SkuXrefEntry::normalisedNumber(const QString& qualifier, const QString& number) {
    const QString n = number.trimmed();
    if (!numericQualifiers.contains(normalisedQualifier(qualifier)))
        return n;
    qsizetype first = 0;
    while (first < n.size() - 1 && n[first] == u'0')
        ++first;
    return n.mid(first);
}

QString SkuXrefEntry::key(const QString& partner, const QString& qualifier, const QString& number) {
    return partner + QChar(0x1F) + qualifier + QChar(0x1F) + number;
}

} // namespace ordo
