#pragma once

#include <QString>
#include <QStringList>

namespace ordo {

// The tags one SKU is to have (hazmat, oversize, fragile, preorder...). A tag is lower case: letters, digits,
// '-' and '_', at most maxLength characters.
struct SkuTagList {
    QString skuCode;
    QStringList tags;

    static constexpr int maxLength = 40;
    // The tags of `text`, separated by spaces, ';' or ',' ("Hazmat; fragile" -> fragile, hazmat: lower case,
    // sorted, each once), or Error::input "<where>: '<tag>' is not a tag ...".
    static QStringList parse(const QString& text, const QString& where);
};

} // namespace ordo
