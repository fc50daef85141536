#pragma once

#include <QString>

#include <optional>

namespace ordo {

// An exact amount: integer minor units (cents) and an ISO 4217 currency code. Never a double.
struct Money {
    qint64 minor = 0;
    QString currency;

    // The largest amount Ordo keeps anywhere, in minor units: a unit price, a line's total, a tax, a
    // discount, a charge, an order's total or value (10^14: a trillion dollars, a hundred trillion yen).
    // Every amount a reader takes in is checked against it and every product and sum of amounts is computed
    // with overflow checks (times(), plus()), so no amount wraps around 64 bits; and since each stored total
    // is bounded, a sum of them over 92,000 orders at the ceiling still fits in 64 bits.
    static constexpr qint64 maxMinor = 100'000'000'000'000;
    static constexpr bool inRange(qint64 value) { return value >= -maxMinor && value <= maxMinor; }
    // minor x count and a + b, or nullopt when the result is past +-maxMinor, 64-bit overflow included (the
    // compiler's checked arithmetic: a wrapped product is never seen).
    static std::optional<qint64> times(qint64 minor, qint64 count);
    static std::optional<qint64> plus(qint64 a, qint64 b);
    // "1000000000000.00 USD, the largest amount Ordo keeps": the end of every message about the ceiling.
    static QString ceilingText(const QString& currency);

    // Digits after the decimal point for a currency (2 for most, 0 for JPY, 3 for KWD...).
    static int minorDigits(const QString& currency);

    // Parses a plain decimal ("409.94", "-3", "12.5") exactly into minor units of the currency.
    // Refuses thousands separators, exponents, more fractional digits than the currency has and overflow.
    static std::optional<qint64> parseMinor(QStringView text, const QString& currency);

    // "409.94" for {40994, "USD"}.
    QString toDecimalString() const;
    // "409.94 USD".
    QString toString() const;

    friend bool operator==(const Money&, const Money&) = default;
};

// True for three upper-case ASCII letters; the code list itself is not checked.
bool isCurrencyCode(const QString& code);

} // namespace ordo
