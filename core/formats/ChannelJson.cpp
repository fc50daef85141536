#include "ChannelJson.h"

#include "Error.h"
#include "model/Money.h"
#include "model/OrderAmounts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// Marks a string made from a number token; a control character that JSON text cannot hold unescaped.
constexpr char16_t numberMark = 0x0001;

struct TextPosition {
    qsizetype line = 1;
    qsizetype column = 1;
};

TextPosition positionOf(QByteArrayView bytes, qsizetype offset) {
    TextPosition p;
    offset = qBound(qsizetype(0), offset, bytes.size());
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((uchar(bytes[i]) & 0xC0) != 0x80) {
            ++p.column; // count characters, not continuation bytes
        }
    }
    return p;
}

bool isNumberByte(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// The JSON number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool isJsonNumber(QByteArrayView t) {
    qsizetype i = 0;
    auto digits = [&] {
        const qsizetype from = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9')
            ++i;
        return i > from;
    };
    if (i < t.size() && t[i] == '-')
        ++i;
    if (i < t.size() && t[i] == '0')
        ++i;
    else if (!digits())
        return false;
    if (i < t.size() && t[i] == '.') {
        ++i;
        if (!digits())
            return false;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == t.size();
}

// A whole number of at most 15 digits (and not -0): a double holds it exactly and QJsonDocument writes it
// back digit for digit, so it needs no mark. Quantities, small ids and counts are most of a document's
// numbers, and a marked number is a string of the document: leaving them be keeps the parsed document near
// its own size.
bool isExactAsIs(QByteArrayView t) {
    const qsizetype digits = t.size() - (t.startsWith('-') ? 1 : 0);
    if (digits < 1 || digits > 15 || t == "-0")
        return false;
    for (qsizetype i = t.size() - digits; i < t.size(); ++i)
        if (t[i] < '0' || t[i] > '9')
            return false;
    return digits == 1 || t[t.size() - digits] != '0'; // JSON has no leading zeros; leave those to the parser
}

// Rewrites every number token outside strings into a marked string: 12.50 -> "\\u000112.50", except the whole
// numbers a double holds exactly (isExactAsIs). A run of number characters that is not a JSON number is left
// alone for the parser to refuse.
QByteArray markNumbers(const QByteArray& content) {
    QByteArray out;
    out.reserve(content.size() + content.size() / 8);
    bool inString = false;
    for (qsizetype i = 0; i < content.size(); ++i) {
        const char c = content[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < content.size()) {
                out += content[++i];
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        if (c == '"') {
            inString = true;
            out += c;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            qsizetype end = i;
            while (end < content.size() && isNumberByte(content[end]))
                ++end;
            const QByteArrayView token = QByteArrayView(content).sliced(i, end - i);
            if (isExactAsIs(token)) {
                out += token; // a whole number a double holds exactly: no mark, no string in the document
            } else if (isJsonNumber(token)) {
                out += "\"\\u0001";
                out += token;
                out += '"';
            } else {
                out += token; // left as it is, so that the parser reports it
            }
            i = end - 1;
        } else {
            out += c;
        }
    }
    return out;
}

bool isPlainInteger(const QString& text) {
    if (text.isEmpty())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!(c.isDigit() && c.unicode() < 128) && !(i == 0 && c == u'-' && text.size() > 1))
            return false;
    }
    return true;
}

} // namespace

qsizetype ChannelJson::invalidUtf8At(QByteArrayView bytes) {
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    while (i < n) {
        const uchar c = uchar(bytes[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        uint code = 0;
        uint minimum = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1, code = c & 0x1F, minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, code = c & 0x0F, minimum = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, code = c & 0x07, minimum = 0x10000;
        } else {
            return i;
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n || (uchar(bytes[i + k]) & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (uchar(bytes[i + k]) & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
        if (code < minimum || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
            return i;
        i += extra + 1;
    }
    return -1;
}

QJsonValue ChannelJson::parse(const QByteArray& content, const QString& fileName) {
    if (QByteArrayView(content).trimmed().isEmpty()) // a view: no copy of a large document
        throw Error::input(u"%1: the file is empty"_s.arg(fileName));
    if (const qsizetype bad = invalidUtf8At(content); bad >= 0) {
        const TextPosition p = positionOf(content, bad);
        throw Error::input(
            u"%1: line %2, column %3: the text is not UTF-8 (byte 0x%4 at offset %5)"_s.arg(fileName)
                .arg(p.line)
                .arg(p.column)
                .arg(uchar(content[bad]), 2, 16, QChar(u'0'))
                .arg(bad));
    }
    // Numbers become marked strings first, so a number no double can hold (1e400, 30 digits) still parses.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(markNumbers(content), &error);
    if (error.error != QJsonParseError::NoError) {
        // Report the place in the text as the user wrote it.
        QJsonParseError original;
        QJsonDocument::fromJson(content, &original);
        if (original.error == QJsonParseError::NoError)
            original = error;
        const TextPosition p = positionOf(content, original.offset);
        const bool cutShort = original.offset >= QByteArrayView(content).trimmed().size() - 1;
        throw Error::input(u"%1: line %2, column %3: %4 (%5)"_s.arg(fileName).arg(p.line).arg(p.column).arg(
            cutShort ? u"the JSON is cut short"_s : u"this is not valid JSON"_s, original.errorString()));
    }
    if (doc.isArray())
        return doc.array();
    if (doc.isObject())
        return doc.object();
    throw Error::input(u"%1: the JSON is neither an object nor an array"_s.arg(fileName));
}

QByteArray ChannelJson::toText(const QJsonValue& value) {
    QByteArray text;
    if (value.isObject())
        text = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    else if (value.isArray())
        text = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else
        return {};
    // Undo markNumbers: "\\u0001123.45" -> 123.45. A marked string never holds a quote or a backslash.
    QByteArray out;
    out.reserve(text.size());
    static constexpr QByteArrayView mark = "\"\\u0001";
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(mark, from);
        if (at < 0) {
            out += QByteArrayView(text).sliced(from);
            break;
        }
        out += QByteArrayView(text).sliced(from, at - from);
        const qsizetype end = text.indexOf('"', at + mark.size());
        out += QByteArrayView(text).sliced(at + mark.size(), end - at - mark.size());
        from = end + 1;
    }
    return out;
}

std::optional<QString> ChannelJson::numberText(const QJsonValue& value) {
    if (value.isDouble()) // a whole number markNumbers left as it was
        return QString::number(value.toInteger());
    if (!value.isString())
        return std::nullopt;
    const QString s = value.toString();
    if (s.isEmpty() || s.front().unicode() != numberMark)
        return std::nullopt;
    return s.mid(1);
}

bool JsonNode::has(const QString& key) const {
    return m_value.isObject() && m_value.toObject().contains(key);
}

JsonNode JsonNode::operator[](const QString& key) const {
    const QString path = m_path.isEmpty() ? key : m_path + u'.' + key;
    if (!m_value.isObject()) {
        if (isAbsent())
            return JsonNode(QJsonValue(QJsonValue::Undefined), path);
        fail(u"expected an object, found %1"_s.arg(describe()));
    }
    return JsonNode(m_value.toObject().value(key), path);
}

QList<JsonNode> JsonNode::elements() const {
    QList<JsonNode> list;
    if (isAbsent())
        return list;
    if (!m_value.isArray())
        fail(u"expected an array, found %1"_s.arg(describe()));
    const QJsonArray array = m_value.toArray();
    list.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i)
        list << JsonNode(array.at(i), m_path + u'[' + QString::number(i) + u']');
    return list;
}

const JsonNode& JsonNode::requireObject() const {
    if (isAbsent())
        fail(u"is missing"_s);
    if (!m_value.isObject())
        fail(u"expected an object, found %1"_s.arg(describe()));
    return *this;
}

QString JsonNode::describe() const {
    if (isAbsent())
        return m_value.isNull() ? u"null"_s : u"nothing"_s;
    if (const auto number = ChannelJson::numberText(m_value))
        return u"the number %1"_s.arg(number->left(40));
    switch (m_value.type()) {
    case QJsonValue::Bool:
        return m_value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::String:
        return u"the text '%1'"_s.arg(m_value.toString().left(40));
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    default:
        return u"a value"_s;
    }
}

void JsonNode::fail(const QString& reason) const {
    throw JsonFieldError{m_path, reason};
}

QString JsonNode::text() const {
    if (isAbsent())
        return {};
    if (const auto number = ChannelJson::numberText(m_value))
        return *number;
    if (!m_value.isString())
        fail(u"expected text, found %1"_s.arg(describe()));
    return m_value.toString().trimmed();
}

QString JsonNode::requiredText() const {
    const QString t = text();
    if (t.isEmpty())
        fail(isAbsent() ? u"is missing"_s : u"is empty"_s);
    return t;
}

QString JsonNode::idText() const {
    if (isAbsent())
        return {};
    if (const auto number = ChannelJson::numberText(m_value)) {
        if (!isPlainInteger(*number))
            fail(u"the id %1 is not a whole number"_s.arg(number->left(40)));
        return *number;
    }
    if (!m_value.isString())
        fail(u"expected an id, found %1"_s.arg(describe()));
    return m_value.toString().trimmed();
}

QString JsonNode::requiredIdText() const {
    const QString id = idText();
    if (id.isEmpty())
        fail(isAbsent() ? u"is missing"_s : u"is empty"_s);
    return id;
}

std::optional<int> JsonNode::integer() const {
    if (isAbsent())
        return std::nullopt;
    const auto number = ChannelJson::numberText(m_value);
    if (!number && !m_value.isString())
        fail(u"expected a whole number, found %1"_s.arg(describe()));
    const QString t = number ? *number : m_value.toString().trimmed();
    if (!isPlainInteger(t))
        fail(u"'%1' is not a whole number"_s.arg(t.left(40)));
    bool ok = false;
    const qlonglong v = t.toLongLong(&ok);
    if (!ok || v > std::numeric_limits<int>::max() || v < std::numeric_limits<int>::min())
        fail(u"%1 is too large"_s.arg(t.left(40)));
    return int(v);
}

int JsonNode::requiredInteger() const {
    const auto v = integer();
    if (!v)
        fail(u"is missing"_s);
    return *v;
}

int JsonNode::requiredQuantity() const {
    const int v = requiredInteger();
    if (v > OrderLine::maxQuantity || v < -OrderLine::maxQuantity)
        fail(OrderAmounts::quantityProblem(QString::number(v)));
    return v;
}

void JsonNode::addAmount(qint64& sum, qint64 amount, const QString& currency) const {
    if (!OrderAmounts::add(sum, amount))
        fail(OrderAmounts::sumProblem(currency));
}

std::optional<std::pair<QString, qint64>> JsonNode::exactMoney(const QString& currency) const {
    if (isAbsent())
        return std::nullopt;
    const auto number = ChannelJson::numberText(m_value);
    if (!number && !m_value.isString())
        fail(u"expected an amount, found %1"_s.arg(describe()));
    const QString t = number ? *number : m_value.toString().trimmed();
    if (t.isEmpty())
        return std::nullopt;
    const auto minor = Money::parseMinor(t, currency);
    if (!minor)
        fail(u"'%1' is not an exact amount of %2 (a plain decimal with at most %3 decimals, within range)"_s
                 .arg(t.left(40), currency.isEmpty() ? u"the currency"_s : currency)
                 .arg(Money::minorDigits(currency)));
    return std::pair{t, *minor};
}

qint64 JsonNode::money(const QString& currency) const {
    const auto amount = exactMoney(currency);
    if (!amount)
        return 0;
    if (!Money::inRange(amount->second))
        fail(OrderAmounts::amountProblem(u"'%1'"_s.arg(amount->first.left(40)), currency));
    return amount->second;
}

qint64 JsonNode::requiredUnitPrice(const QString& currency, int quantity) const {
    if (isAbsent())
        fail(u"is missing"_s);
    const auto amount = exactMoney(currency);
    const qint64 minor = amount ? amount->second : 0;
    const QString problem = OrderAmounts::unitPriceProblem(
        quantity, minor, u"'%1'"_s.arg(amount ? amount->first.left(40) : QString()), currency);
    if (!problem.isEmpty())
        fail(problem);
    return minor;
}

qint64 JsonNode::requiredMoney(const QString& currency) const {
    if (isAbsent())
        fail(u"is missing"_s);
    return money(currency);
}

std::optional<double> JsonNode::coordinate() const {
    if (isAbsent())
        return std::nullopt;
    const auto number = ChannelJson::numberText(m_value);
    const QString t = number ? *number : (m_value.isString() ? m_value.toString().trimmed() : QString());
    if (!number && !m_value.isString())
        fail(u"expected a coordinate, found %1"_s.arg(describe()));
    if (t.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || v < -180.0 || v > 180.0)
        fail(u"'%1' is not a coordinate in degrees"_s.arg(t.left(40)));
    return v;
}

bool JsonNode::boolean(bool fallback) const {
    if (isAbsent())
        return fallback;
    if (!m_value.isBool())
        fail(u"expected true or false, found %1"_s.arg(describe()));
    return m_value.toBool();
}

QDateTime JsonNode::dateTime() const {
    const QString t = text();
    if (t.isEmpty())
        return {};
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    if (!dt.isValid())
        fail(u"'%1' is not an ISO 8601 date and time"_s.arg(t.left(40)));
    if (dt.timeSpec() == Qt::LocalTime)
        dt = QDateTime(dt.date(), dt.time(), Qt::UTC);
    return dt.toUTC();
}

QString joinAddressLines(const QStringList& lines) {
    QStringList parts;
    for (const QString& l : lines)
        if (!l.trimmed().isEmpty())
            parts << l.trimmed();
    return parts.join(u", "_s);
}

QString joinName(const QString& first, const QString& last) {
    return QStringList{first.trimmed(), last.trimmed()}.join(u' ').trimmed();
}

} // namespace ordo
