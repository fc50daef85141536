#pragma once

#include <QString>

namespace ordo {

// The normalised forms stored beside an order so that look-ups by e-mail, phone and name are index prefix
// scans: lower-case e-mail, the digits of the phone number reversed, the lower-cased name and its last word.
// Phone digits are stored reversed so that a prefix scan matches the number's tail: "(212) 555-0142" finds
// "+1 212 555 0142" whatever country code or trunk prefix either side was written with.
struct SearchKeys {
    QString email;
    QString phoneDigits; // reversed
    QString name;
    QString surname;

    static SearchKeys from(const QString& email, const QString& phone, const QString& name);
    static QString reversedDigitsOf(const QString& text);
};

} // namespace ordo
