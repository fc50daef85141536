#pragma once

#include "model/Order.h"
#include "orders/ValidationRules.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <functional>

namespace ordo {

// The business rules an order must pass before it is routed. Each failure is an ExceptionReason with a stable
// code; every rule that applies is reported, not only the first. Rules can be switched off and tuned
// (ValidationSettings, `ordo validation`). The validator works on in-memory lookups so that an import of
// 100,000 orders does not query per line; only the duplicate rule asks the database, through a finder.
// orders/ValidationStore sets one up over a database.
class OrderValidator {
public:
    struct PickupPoint {
        bool pickup = false;
    };
    // Order numbers of other orders of the same customer with the same items placed within `windowMs` of the
    // order (either side).
    using DuplicateFinder = std::function<QStringList(const Order& order, qint64 windowMs)>;

    OrderValidator(QSet<QString> skuCodes, QHash<QString, PickupPoint> locations);

    void setSettings(ValidationSettings settings) { m_settings = std::move(settings); }
    const ValidationSettings& settings() const { return m_settings; }
    void setDuplicateFinder(DuplicateFinder finder) { m_findDuplicates = std::move(finder); }

    QList<ExceptionReason> validate(const Order& order) const;

    // The order's value: lines (less their discounts, plus their taxes) and the order-level charges.
    static qint64 orderValueMinor(const Order& order);

    // Reason codes.
    static inline const QString unknownSku = QStringLiteral("UNKNOWN_SKU");
    static inline const QString invalidQuantity = QStringLiteral("INVALID_QUANTITY");
    static inline const QString invalidPrice = QStringLiteral("INVALID_PRICE");
    static inline const QString missingShipTo = QStringLiteral("MISSING_SHIP_TO");
    static inline const QString unknownPickupLocation = QStringLiteral("UNKNOWN_PICKUP_LOCATION");
    static inline const QString pickupNotOffered = QStringLiteral("PICKUP_NOT_OFFERED");
    static inline const QString noLines = QStringLiteral("NO_LINES");
    static inline const QString mixedCurrency = QStringLiteral("MIXED_CURRENCY");
    static inline const QString invalidPostalCode = QStringLiteral("INVALID_POSTAL_CODE");
    static inline const QString postalCodeMismatch = QStringLiteral("POSTAL_CODE_MISMATCH");
    static inline const QString paymentNotAuthorized = QStringLiteral("PAYMENT_NOT_AUTHORIZED");
    static inline const QString suspectedDuplicate = QStringLiteral("SUSPECTED_DUPLICATE");
    static inline const QString highValue = QStringLiteral("HIGH_VALUE");
    static inline const QString countryMismatch = QStringLiteral("COUNTRY_MISMATCH");

private:
    void checkLines(const Order& order, QList<ExceptionReason>& reasons) const;
    void checkDelivery(const Order& order, QList<ExceptionReason>& reasons) const;
    void checkAddress(const Address& address, QList<ExceptionReason>& reasons) const;
    void checkPayment(const Order& order, QList<ExceptionReason>& reasons) const;
    void checkRisk(const Order& order, QList<ExceptionReason>& reasons) const;
    bool on(const QString& code) const { return m_settings.enabled(code); }

    QSet<QString> m_skuCodes;
    QHash<QString, PickupPoint> m_locations;
    ValidationSettings m_settings;
    DuplicateFinder m_findDuplicates;
};

} // namespace ordo
