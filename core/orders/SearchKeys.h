#pragma once

#include <QString>

namespace ordo {

// The normalised forms stored beside an order so that look-ups by e-mail, phone and name are index prefix
// scans: lower-case e-mail, the digits of the phone number, the lower-cased name and its last word.
struct SearchKeys {
    QString email;
    QString phoneDigits;
    QString name;
    QString surname;

    static SearchKeys from(const QString& email, const QString& phone, const QString& name);
    static QString digitsOf(const QString& text);
};

} // namespace ordo
