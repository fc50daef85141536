#pragma once

#include <QString>

namespace ordo {

// One row of the SKU cross-reference: a trading partner's part number for one of our SKUs.
struct SkuXrefEntry {
    QString partner;   // the partner's id (X12 ISA sender, "amazon"...), or "*" for every partner
    QString qualifier; // BP buyer's part, VP vendor's part, UP UPC, EN EAN, ASIN, VARIANT, PRODUCT...
    QString partNumber;
    QString skuCode;
    friend bool operator==(const SkuXrefEntry&, const SkuXrefEntry&) = default;

    // The key under which a part number is compared: qualifiers in upper case; part numbers exactly, except
    // for UPC/EAN/GTIN qualifiers (UP, UK, EN, UA, GTIN), whose numbers are compared as digits without
    // leading zeros, so a 12-digit UPC matches the same item written as a 14-digit GTIN.
    static QString normalisedQualifier(const QString& qualifier);
    static QString normalisedNumber(const QString& qualifier, const QString& number);
    // One string for a (partner, qualifier, part number), compared as the table's unique key.
    static QString key(const QString& partner, const QString& qualifier, const QString& number);
};

} // namespace ordo
