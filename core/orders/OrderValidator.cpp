#include "OrderValidator.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo {

OrderValidator::OrderValidator(QSet<QString> skuCodes, QHash<QString, PickupPoint> locations)
    : m_skuCodes(std::move(skuCodes))
    , m_locations(std::move(locations))
{
}

OrderValidator OrderValidator::fromDatabase(Database& db)
{
    QSet<QString> skus;
    SqlQuery s(db, u"SELECT code FROM skus"_s);
    s.exec();
    while (s.next())
        skus.insert(s.value(0).toString());
    QHash<QString, PickupPoint> locations;
    SqlQuery l(db, u"SELECT code, pickup FROM locations"_s);
    l.exec();
    while (l.next())
        locations.insert(l.value(0).toString(), PickupPoint{l.value(1).toInt() != 0});
    return OrderValidator(std::move(skus), std::move(locations));
}

QList<ExceptionReason> OrderValidator::validate(const Order& order) const
{
    QList<ExceptionReason> reasons;
    if (order.lines.isEmpty())
        reasons << ExceptionReason{noLines, u"the order has no lines"_s};
    for (const OrderLine& line : order.lines) {
        const QString where = u"line %1"_s.arg(line.lineNo);
        if (!m_skuCodes.contains(line.skuCode))
            reasons << ExceptionReason{unknownSku, u"%1: SKU '%2' is not in the catalogue"_s.arg(where, line.skuCode)};
        if (line.quantity <= 0)
            reasons << ExceptionReason{invalidQuantity,
                                       u"%1: quantity %2 is not a positive number"_s.arg(where).arg(line.quantity)};
        if (line.unitPrice.minor < 0)
            reasons << ExceptionReason{invalidPrice, u"%1: the unit price %2 is negative"_s.arg(
                                                         where, line.unitPrice.toString())};
        if (!line.unitPrice.currency.isEmpty() && line.unitPrice.currency != order.currency)
            reasons << ExceptionReason{mixedCurrency, u"%1: priced in %2, the order in %3"_s.arg(
                                                          where, line.unitPrice.currency, order.currency)};
    }
    if (order.delivery == DeliveryMethod::Ship) {
        const Address& a = order.shipTo;
        QStringList missing;
        if (a.name.trimmed().isEmpty())
            missing << u"name"_s;
        if (a.line1.trimmed().isEmpty())
            missing << u"address line"_s;
        if (a.city.trimmed().isEmpty())
            missing << u"city"_s;
        if (a.postalCode.trimmed().isEmpty())
            missing << u"postal code"_s;
        if (a.country.trimmed().isEmpty())
            missing << u"country"_s;
        if (!missing.isEmpty())
            reasons << ExceptionReason{missingShipTo,
                                       u"the ship-to address lacks: %1"_s.arg(missing.join(u", "_s))};
    } else {
        const auto location = m_locations.constFind(order.pickupLocationCode);
        if (order.pickupLocationCode.isEmpty() || location == m_locations.cend())
            reasons << ExceptionReason{unknownPickupLocation,
                                       u"pickup location '%1' does not exist"_s.arg(order.pickupLocationCode)};
        else if (!location->pickup)
            reasons << ExceptionReason{pickupNotOffered, u"location '%1' does not hand over pickups"_s.arg(
                                                             order.pickupLocationCode)};
    }
    return reasons;
}

} // namespace ordo
