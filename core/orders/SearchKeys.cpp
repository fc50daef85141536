#include "SearchKeys.h"

namespace ordo {

QString SearchKeys::reversedDigitsOf(const QString& text) {
    QString digits;
    digits.reserve(text.size());
    for (auto it = text.crbegin(); it != text.crend(); ++it)
        if (*it >= u'0' && *it <= u'9')
            digits += *it;
    return digits;
}

SearchKeys SearchKeys::from(const QString& email, const QString& phone, const QString& name) {
    SearchKeys keys;
    keys.email = email.trimmed().toLower();
    keys.phoneDigits = reversedDigitsOf(phone);
    keys.name = name.simplified().toLower();
    const qsizetype space = keys.name.lastIndexOf(u' ');
    keys.surname = space < 0 ? keys.name : keys.name.mid(space + 1);
    return keys;
}

} // namespace ordo
