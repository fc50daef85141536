#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace ordo::json {

// Strict reading of JSON documents that people write by hand (rule sets) or that Ordo stored (decisions).
// Every refusal is Error::input naming the JSON path and the reason: "strategies[1].filters.max_distance_km:
// must be a positive number".

QString member(const QString& path, const QString& key); // "a.b" (or "b" at the top)
QString element(const QString& path, qsizetype index);   // "a[3]"

// Refuses any key of `object` not in `allowed`.
void allowKeys(const QJsonObject& object, const QString& path, const QStringList& allowed);

QJsonObject object(const QJsonValue& value, const QString& path);
QJsonArray array(const QJsonValue& value, const QString& path);
QString string(const QJsonValue& value, const QString& path);
QString nonEmptyString(const QJsonValue& value, const QString& path);
QStringList stringList(const QJsonValue& value, const QString& path, bool unique = true);
bool boolean(const QJsonValue& value, const QString& path);
double number(const QJsonValue& value, const QString& path);
// A whole number in [min, max].
qint64 integer(const QJsonValue& value, const QString& path, qint64 min, qint64 max);

// A plain decimal ("4.00", "0.012") read exactly as an integer count of 10^-digits units; refuses signs,
// exponents, more fraction digits than `digits` and overflow. nullopt when the text is not such a decimal.
std::optional<qint64> parseScaled(QStringView text, int digits);
// The inverse: at least `minDigits` fraction digits, trailing zeros beyond them dropped ("0.010", "0.0125").
QString formatScaled(qint64 value, int digits, int minDigits);

} // namespace ordo::json
