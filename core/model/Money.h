#pragma once

#include <QString>

#include <optional>

namespace ordo {

// An exact amount: integer minor units (cents) and an ISO 4217 currency code. Never a double.
struct Money {
    qint64 minor = 0;
    QString currency;

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
