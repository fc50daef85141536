#include "OrderValidator.h"

#include "model/OrderAmounts.h"

using namespace Qt::StringLiterals;

namespace ordo {

OrderValidator::OrderValidator(QSet<QString> skuCodes, QHash<QString, PickupPoint> locations)
    : m_skuCodes(std::move(skuCodes))
    , m_locations(std::move(locations)) {}

qint64 OrderValidator::orderValueMinor(const Order& order) {
    // Checked: an order past the ceiling (which capture refuses) counts as the most valuable there is.
    return OrderAmounts::value(order).value_or(Money::maxMinor);
}

QList<ExceptionReason> OrderValidator::validate(const Order& order) const {
    QList<ExceptionReason> reasons;
    if (order.lines.isEmpty() && on(noLines))
        reasons << ExceptionReason{noLines, u"the order has no lines"_s};
    checkLines(order, reasons);
    checkDelivery(order, reasons);
    checkPayment(order, reasons);
    checkRisk(order, reasons);
    return reasons;
}

void OrderValidator::checkLines(const Order& order, QList<ExceptionReason>& reasons) const {
    const qint64 maxQuantity = m_settings.intParam(invalidQuantity, u"max_quantity"_s);
    const qint64 maxPrice = m_settings.intParam(invalidPrice, u"max_unit_price_minor"_s);
    const bool allowZero = m_settings.intParam(invalidPrice, u"allow_zero"_s) != 0;
    for (const OrderLine& line : order.lines) {
        const QString where = u"line %1"_s.arg(line.lineNo);
        if (on(unknownSku) && !m_skuCodes.contains(line.skuCode))
            reasons << ExceptionReason{
                unknownSku, line.skuCode.isEmpty()
                                ? u"%1: the line has no SKU"_s.arg(where)
                                : u"%1: SKU '%2' is not in the catalogue"_s.arg(where, line.skuCode)};
        if (on(invalidQuantity)) {
            if (line.quantity <= 0)
                reasons << ExceptionReason{
                    invalidQuantity,
                    u"%1: quantity %2 is not a positive number"_s.arg(where).arg(line.quantity)};
            else if (maxQuantity > 0 && line.quantity > maxQuantity)
                reasons << ExceptionReason{
                    invalidQuantity,
                    u"%1: quantity %2 is more than %3"_s.arg(where).arg(line.quantity).arg(maxQuantity)};
        }
        if (on(invalidPrice)) {
            if (line.unitPrice.minor < 0)
                reasons << ExceptionReason{invalidPrice, u"%1: the unit price %2 is negative"_s.arg(
                                                             where, line.unitPrice.toString())};
            else if (line.unitPrice.minor == 0 && !allowZero)
                reasons << ExceptionReason{invalidPrice, u"%1: the unit price is zero"_s.arg(where)};
            else if (maxPrice > 0 && line.unitPrice.minor > maxPrice)
                reasons << ExceptionReason{invalidPrice, u"%1: the unit price %2 is more than %3"_s.arg(
                                                             where, line.unitPrice.toString(),
                                                             Money{maxPrice, order.currency}.toString())};
        }
        if (on(mixedCurrency) && !line.unitPrice.currency.isEmpty() &&
            line.unitPrice.currency != order.currency)
            reasons << ExceptionReason{mixedCurrency, u"%1: priced in %2, the order in %3"_s.arg(
                                                          where, line.unitPrice.currency, order.currency)};
    }
}

void OrderValidator::checkDelivery(const Order& order, QList<ExceptionReason>& reasons) const {
    if (order.delivery == DeliveryMethod::Ship) {
        checkAddress(order.shipTo, reasons);
        return;
    }
    const auto location = m_locations.constFind(order.pickupLocationCode);
    if (order.pickupLocationCode.isEmpty() || location == m_locations.cend()) {
        if (on(unknownPickupLocation))
            reasons << ExceptionReason{unknownPickupLocation, u"pickup location '%1' does not exist"_s.arg(
                                                                  order.pickupLocationCode)};
    } else if (!location->pickup && on(pickupNotOffered)) {
        reasons << ExceptionReason{
            pickupNotOffered, u"location '%1' does not hand over pickups"_s.arg(order.pickupLocationCode)};
    }
}

void OrderValidator::checkPayment(const Order& order, QList<ExceptionReason>& reasons) const {
    if (!on(paymentNotAuthorized))
        return;
    const bool requireKnown = m_settings.intParam(paymentNotAuthorized, u"require_known"_s) != 0;
    switch (order.payment) {
    case PaymentStatus::Authorized:
    case PaymentStatus::Paid:
    case PaymentStatus::PartiallyPaid:
        return;
    case PaymentStatus::Unknown:
        if (!requireKnown)
            return;
        break;
    default:
        break;
    }
    reasons << ExceptionReason{paymentNotAuthorized, u"the channel reports the payment as %1"_s.arg(
                                                         paymentStatusCode(order.payment))};
}

void OrderValidator::checkRisk(const Order& order, QList<ExceptionReason>& reasons) const {
    if (on(suspectedDuplicate) && m_findDuplicates && !order.lines.isEmpty() &&
        (!order.customerEmail.isEmpty() || !order.customerPhone.isEmpty())) {
        // Any whole number of minutes may be set; past what milliseconds can hold the window is "ever"
        // anyway.
        constexpr qint64 msPerMinute = 60 * 1000;
        const qint64 minutes = std::clamp(m_settings.intParam(suspectedDuplicate, u"window_minutes"_s),
                                          qint64(0), std::numeric_limits<qint64>::max() / msPerMinute);
        const qint64 window = minutes * msPerMinute;
        const QStringList others = m_findDuplicates(order, window);
        if (!others.isEmpty())
            reasons << ExceptionReason{
                suspectedDuplicate,
                u"the same customer ordered the same items within %1 minutes: %2"_s.arg(minutes).arg(
                    others.join(u", "_s))};
    }
    if (on(highValue)) {
        const qint64 threshold = m_settings.intParam(highValue, u"threshold_minor"_s);
        const qint64 value = orderValueMinor(order);
        if (threshold > 0 && value > threshold)
            reasons << ExceptionReason{highValue, u"the order's value %1 is over %2"_s.arg(
                                                      Money{value, order.currency}.toString(),
                                                      Money{threshold, order.currency}.toString())};
    }
    if (on(countryMismatch) && !order.billTo.country.isEmpty() && !order.shipTo.country.isEmpty() &&
        order.delivery == DeliveryMethod::Ship &&
        order.billTo.country.compare(order.shipTo.country, Qt::CaseInsensitive) != 0)
        reasons << ExceptionReason{countryMismatch, u"billed to %1, shipped to %2"_s.arg(
                                                        order.billTo.country, order.shipTo.country)};
}

} // namespace ordo
