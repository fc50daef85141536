#include "SearchKeys.h"

namespace ordo {

QString SearchKeys::digitsOf(const QString& text)
{
    QString digits;
    digits.reserve(text.size());
    for (QChar c : text)
        if (c >= u'0' && c <= u'9')
            digits += c;
    return digits;
}

SearchKeys SearchKeys::from(const QString& email, const QString& phone, const QString& name)
{
    SearchKeys keys;
    keys.email = email.trimmed().toLower();
    keys.phoneDigits = digitsOf(phone);
    keys.name = name.simplified().toLower();
    const qsizetype space = keys.name.lastIndexOf(u' ');
    keys.surname = space < 0 ? keys.name : keys.name.mid(space + 1);
    return keys;
}

} // namespace ordo
