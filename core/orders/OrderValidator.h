#pragma once

#include "model/Order.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace ordo {

class Database;

// The business rules an order must pass before it is routed. Each failure is an ExceptionReason with a stable
// code. The validator works on in-memory lookups so that an import of 100,000 orders does not query per line.
class OrderValidator {
public:
    struct PickupPoint {
        bool pickup = false;
    };
    OrderValidator(QSet<QString> skuCodes, QHash<QString, PickupPoint> locations);
    // Loads the catalogue and locations from the database.
    static OrderValidator fromDatabase(Database& db);

    QList<ExceptionReason> validate(const Order& order) const;

    // Reason codes.
    static inline const QString unknownSku = QStringLiteral("UNKNOWN_SKU");
    static inline const QString invalidQuantity = QStringLiteral("INVALID_QUANTITY");
    static inline const QString invalidPrice = QStringLiteral("INVALID_PRICE");
    static inline const QString missingShipTo = QStringLiteral("MISSING_SHIP_TO");
    static inline const QString unknownPickupLocation = QStringLiteral("UNKNOWN_PICKUP_LOCATION");
    static inline const QString pickupNotOffered = QStringLiteral("PICKUP_NOT_OFFERED");
    static inline const QString noLines = QStringLiteral("NO_LINES");
    static inline const QString mixedCurrency = QStringLiteral("MIXED_CURRENCY");

private:
    QSet<QString> m_skuCodes;
    QHash<QString, PickupPoint> m_locations;
};

} // namespace ordo
