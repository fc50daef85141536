#pragma once

#include "model/GeoPoint.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace ordo {

// Field parsers for the CSV importers. Each takes the trimmed text and the column name, returns the exact
// value or throws Error::input with a message naming the column, the value and what was expected.
namespace CsvFields {

// 1/0, true/false, yes/no (any case).
bool flag(const QString& text, const QString& column);
// A whole number without separators or exponent, within [min, max].
qint64 integer(const QString& text, const QString& column, qint64 min, qint64 max);
// A decimal number with at most `digits` fractional digits, scaled to an integer (weight_kg -> grams).
qint64 scaled(const QString& text, const QString& column, int digits);
// A latitude/longitude pair; both empty gives nullopt, one without the other or out of range throws.
std::optional<GeoPoint> position(const QString& latitude, const QString& longitude);
// ISO 8601: a date (midnight UTC) or a date and time with Z or an offset; returned in UTC.
QDateTime timestamp(const QString& text, const QString& column);
// Three letters, upper-cased.
QString currency(const QString& text, const QString& column);
// Exact minor units of the currency.
qint64 money(const QString& text, const QString& currencyCode, const QString& column);
// Empty, or ISO 3166-1 alpha-2 (two letters), upper-cased.
QString country(const QString& text, const QString& column);

} // namespace CsvFields

} // namespace ordo
