#pragma once

#include <QString>

#include <optional>

namespace ordo {

// GS1 Global Trade Item Numbers, the barcodes on products: GTIN-8 (EAN-8), GTIN-12 (UPC-A), GTIN-13 (EAN-13)
// and GTIN-14 (a case or the item written with 14 digits). They are compared as GTIN-14, the shorter ones
// padded with leading zeros, so a UPC-A sent by one partner matches the same item's EAN-13 or GTIN-14.
namespace Gtin {

// The check digit of the digits before it (GS1 modulo 10: weights 3 and 1 from the right).
int checkDigit(QStringView digitsWithoutCheck);

// The 14-digit form of a GTIN of 8, 12, 13 or 14 digits whose last digit is its check digit; nullopt for
// anything else (letters, another length, a wrong check digit). Spaces around it are ignored.
std::optional<QString> normalised(QStringView text);

// Why `text` is not a GTIN, for messages: "has 11 digits, not 8, 12, 13 or 14", "ends in 6, its check digit
// is 5", "is not all digits"; empty when it is one.
QString problem(QStringView text);

// The digits followed by their check digit ("61414100003" -> "614141000036").
QString withCheckDigit(const QString& digitsWithoutCheck);

} // namespace Gtin

} // namespace ordo
