#pragma once

#include "model/Address.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace ordo {

// A field of a channel's JSON that cannot be used, with the JSON path of the field: "orders[2].line_items[0]
// .price". Thrown by JsonNode, caught by the readers, which turn it into a ParseProblem and leave the order
// out.
struct JsonFieldError {
    QString where;
    QString reason;
};

// JSON documents as channels send them, read without losing a digit. QJsonDocument holds numbers as doubles,
// which would round Shopify's 64-bit ids (820982911946154508) and amounts beyond 2^53; so every number token
// of the raw text that a double might not hold exactly (a decimal, an exponent, more than 15 digits) is
// turned into a marked string before QJsonDocument sees it, and JsonNode reads the exact text.
namespace ChannelJson {

// Parses a whole document. Throws Error::input naming the file, line and column for text that is not UTF-8,
// not JSON or cut short.
QJsonValue parse(const QByteArray& content, const QString& fileName);

// The position of the first byte that is not valid UTF-8, or -1.
qsizetype invalidUtf8At(QByteArrayView bytes);

// A value read by parse() as compact JSON text again, numbers restored digit for digit (keys come out sorted:
// QJsonObject keeps them so). Used to keep each order's part of a source document.
QByteArray toText(const QJsonValue& value);

// The exact text of a JSON number token read by parse(), or nullopt for any other value.
std::optional<QString> numberText(const QJsonValue& value);

} // namespace ChannelJson

// One value in a parsed channel document and its JSON path. Accessors read what the channels really send (a
// number or a numeric string alike) and throw JsonFieldError with the path for anything else.
class JsonNode {
public:
    JsonNode(QJsonValue value, QString path)
        : m_value(std::move(value))
        , m_path(std::move(path)) {}

    const QString& path() const { return m_path; }
    const QJsonValue& value() const { return m_value; }
    bool isAbsent() const { return m_value.isUndefined() || m_value.isNull(); }
    bool isObject() const { return m_value.isObject(); }
    bool isArray() const { return m_value.isArray(); }
    bool has(const QString& key) const;

    JsonNode operator[](const QString& key) const;
    // The elements of an array; an absent value is an empty list, anything else but an array an error.
    QList<JsonNode> elements() const;
    // Fails unless this is an object (absent counts as missing).
    const JsonNode& requireObject() const;

    // A string or a number as text; empty when absent. Objects, arrays and booleans are errors.
    QString text() const;
    QString requiredText() const;
    // An id: a string, or an integer number kept digit for digit.
    QString idText() const;
    QString requiredIdText() const;
    // An integer (number or digit string) that fits 32 bits; nullopt when absent.
    std::optional<int> integer() const;
    int requiredInteger() const;
    // A line's quantity: a required integer of at most OrderLine::maxQuantity either way.
    int requiredQuantity() const;
    // An exact amount in minor units of the currency ("409.94", 409.94, "-3"), at most Money::maxMinor
    // either way; 0 when absent.
    qint64 money(const QString& currency) const;
    qint64 requiredMoney(const QString& currency) const;
    // A line's unit price for `quantity` units: a required amount whose line total stays within the
    // ceiling (for more than one unit, a total past it is named as such: "total 4000000 x ... exceeds").
    qint64 requiredUnitPrice(const QString& currency, int quantity) const;
    // Adds an amount read at this field to `sum`; fails here when the sum passes the ceiling.
    void addAmount(qint64& sum, qint64 amount, const QString& currency) const;
    std::optional<double> coordinate() const;
    bool boolean(bool fallback = false) const;
    // ISO 8601 with an offset or Z, converted to UTC; a value without offset is read as UTC. Null when
    // absent.
    QDateTime dateTime() const;

    [[noreturn]] void fail(const QString& reason) const;

private:
    QString describe() const;
    // The amount's text and exact value, not yet checked against the ceiling; nullopt when absent or empty.
    std::optional<std::pair<QString, qint64>> exactMoney(const QString& currency) const;

    QJsonValue m_value;
    QString m_path;
};

// Joins an address's first and second lines the way Ordo keeps one address line.
QString joinAddressLines(const QStringList& lines);
// "First Last" from two parts, either of which may be empty.
QString joinName(const QString& first, const QString& last);

} // namespace ordo
