#include "JsonFields.h"

#include "Error.h"

#include <QSet>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace ordo::json {

namespace {

[[noreturn]] void refuse(const QString& path, const QString& what) {
    throw Error::input(path + u": "_s + what);
}

QString typeName(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"missing"_s;
}

} // namespace

QString member(const QString& path, const QString& key) {
    return path.isEmpty() ? key : path + u'.' + key;
}

QString element(const QString& path, qsizetype index) {
    return u"%1[%2]"_s.arg(path).arg(index);
}

void allowKeys(const QJsonObject& object, const QString& path, const QStringList& allowed) {
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!allowed.contains(it.key()))
            refuse(member(path, it.key()), u"unknown key (expected one of: %1)"_s.arg(allowed.join(u", "_s)));
}

QJsonObject object(const QJsonValue& value, const QString& path) {
    if (!value.isObject())
        refuse(path, u"must be an object, not %1"_s.arg(typeName(value)));
    return value.toObject();
}

QJsonArray array(const QJsonValue& value, const QString& path) {
    if (!value.isArray())
        refuse(path, u"must be an array, not %1"_s.arg(typeName(value)));
    return value.toArray();
}

QString string(const QJsonValue& value, const QString& path) {
    if (!value.isString())
        refuse(path, u"must be a string, not %1"_s.arg(typeName(value)));
    return value.toString();
}

QString nonEmptyString(const QJsonValue& value, const QString& path) {
    const QString text = string(value, path).trimmed();
    if (text.isEmpty())
        refuse(path, u"must not be empty"_s);
    return text;
}

QStringList stringList(const QJsonValue& value, const QString& path, bool unique) {
    const QJsonArray items = array(value, path);
    QStringList result;
    QSet<QString> seen; // a hash, not a scan of the list: long lists read in linear time
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString text = nonEmptyString(items.at(i), element(path, i));
        if (unique && seen.contains(text))
            refuse(element(path, i), u"\"%1\" is listed twice"_s.arg(text));
        seen.insert(text);
        result << text;
    }
    return result;
}

bool boolean(const QJsonValue& value, const QString& path) {
    if (!value.isBool())
        refuse(path, u"must be true or false, not %1"_s.arg(typeName(value)));
    return value.toBool();
}

double number(const QJsonValue& value, const QString& path) {
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        refuse(path, u"must be a number, not %1"_s.arg(typeName(value)));
    return value.toDouble();
}

qint64 integer(const QJsonValue& value, const QString& path, qint64 min, qint64 max) {
    const double d = value.isDouble() ? value.toDouble() : std::numeric_limits<double>::quiet_NaN();
    if (!std::isfinite(d) || d != std::floor(d) || d < double(min) || d > double(max))
        refuse(path, max == std::numeric_limits<int>::max()
                         ? u"must be a whole number of at least %1"_s.arg(min)
                         : u"must be a whole number from %1 to %2"_s.arg(min).arg(max));
    return qint64(d);
}

std::optional<qint64> parseScaled(QStringView text, int digits) {
    if (text.isEmpty())
        return std::nullopt;
    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? text : text.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : text.mid(dot + 1);
    if (whole.isEmpty() || (dot >= 0 && fraction.isEmpty()) || fraction.size() > digits)
        return std::nullopt;
    qint64 value = 0;
    const auto push = [&value](QChar c) {
        if (c < u'0' || c > u'9' || value > (std::numeric_limits<qint64>::max() - 9) / 10)
            return false;
        value = value * 10 + (c.unicode() - u'0');
        return true;
    };
    for (QChar c : whole)
        if (!push(c))
            return std::nullopt;
    for (qsizetype i = 0; i < digits; ++i)
        if (!push(i < fraction.size() ? fraction[i] : u'0'))
            return std::nullopt;
    return value;
}

QString formatScaled(qint64 value, int digits, int minDigits) {
    const bool negative = value < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(value) : quint64(value);
    quint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    QString fraction = QString::number(magnitude % scale).rightJustified(digits, u'0');
    while (fraction.size() > minDigits && fraction.endsWith(u'0'))
        fraction.chop(1);
    QString text = QString::number(magnitude / scale);
    if (!fraction.isEmpty())
        text += u'.' + fraction;
    return negative ? u'-' + text : text;
}

} // namespace ordo::json
