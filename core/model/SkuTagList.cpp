#include "SkuTagList.h"

#include "Error.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

QStringList SkuTagList::parse(const QString& text, const QString& where) {
    static const QRegularExpression separators(u"[\\s;,]+"_s);
    static const QRegularExpression valid(u"^[a-z0-9][a-z0-9_-]*$"_s);
    QStringList tags;
    for (const QString& raw : text.split(separators, Qt::SkipEmptyParts)) {
        const QString tag = raw.toLower();
        if (!valid.match(tag).hasMatch() || tag.size() > maxLength)
            throw Error::input(
                u"%1: '%2' is not a tag (letters, digits, '-' and '_', at most %3 characters)"_s
                    .arg(where, raw)
                    .arg(maxLength));
        if (!tags.contains(tag))
            tags << tag;
    }
    std::sort(tags.begin(), tags.end());
    return tags;
}

} // namespace ordo
