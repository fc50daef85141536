#pragma once

#include "Address.h"
#include "Channel.h"
#include "Money.h"
#include "OrderStatus.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace ordo {

enum class DeliveryMethod { Ship, Pickup };
QString deliveryMethodCode(DeliveryMethod method); // "ship" | "pickup"
std::optional<DeliveryMethod> deliveryMethodFromCode(QStringView code);

struct OrderLine {
    // The most units one line may order (either sign): far beyond any real line, low enough that a line's
    // units never come near 32 bits and that a bad file is caught where it is read.
    static constexpr int maxQuantity = 10'000'000;

    int lineNo = 0; // 1-based within the order
    QString skuCode;
    int quantity = 0;
    Money unitPrice;
    OrderStatus status = OrderStatus::Pending;
    QString locationCode; // where the line is fulfilled from, once routed
    // What the channel sent beside the SKU, kept exactly (minor units of the order's currency).
    QString externalLineId = {}; // the channel's own line id (Shopify line item id, X12 PO101...)
    QString title = {};          // the product title as the channel showed it
    qint64 taxMinor = 0;         // tax charged on the whole line
    qint64 discountMinor = 0;    // discount taken off the whole line, as a positive amount

    // unitPrice x quantity, or nullopt past Money::maxMinor (checked, never wrapped).
    std::optional<qint64> checkedTotalMinor() const { return Money::times(unitPrice.minor, quantity); }
    // The same for showing a stored line, whose amounts capture checked (OrderAmounts): held at the ceiling
    // rather than wrapped for a line that did not come through capture.
    qint64 totalMinor() const;
};

// How far the customer has paid, as the channel reported it.
enum class PaymentStatus { Unknown, Pending, Authorized, Paid, PartiallyPaid, Refunded, Voided, Failed };
QString paymentStatusCode(PaymentStatus status); // "unknown", "pending", "authorized", "paid", ...
std::optional<PaymentStatus> paymentStatusFromCode(QStringView code);

// An order-level amount beside the lines: shipping, order tax, order discount, a fee.
struct OrderCharge {
    enum class Kind { Shipping, Tax, Discount, Fee };
    Kind kind = Kind::Shipping;
    QString label;          // e.g. "Standard Shipping", "NY State Tax", the discount code
    qint64 amountMinor = 0; // positive; a Discount is subtracted
    friend bool operator==(const OrderCharge&, const OrderCharge&) = default;
};
QString orderChargeKindCode(OrderCharge::Kind kind); // "shipping", "tax", "discount", "fee"
std::optional<OrderCharge::Kind> orderChargeKindFromCode(QStringView code);

// Why an order is held in Exception; codes are stable and shown to users.
struct ExceptionReason {
    QString code;   // e.g. "UNKNOWN_SKU"
    QString detail; // e.g. "line 2: SKU 'XJ-9' is not in the catalogue"
};

struct Order {
    qint64 id = 0;       // database id, 0 until stored
    QString orderNumber; // what customers and staff quote; unique
    Channel channel = Channel::Web;
    QString externalId; // the channel's own id, exact (64-bit ids are kept as text)
    OrderStatus status = OrderStatus::Pending;
    QDateTime orderedAt; // UTC
    QString customerEmail;
    QString customerPhone;
    QString customerName;
    Address shipTo;
    Address billTo; // empty when the channel sent none
    DeliveryMethod delivery = DeliveryMethod::Ship;
    QString pickupLocationCode;
    QDateTime requestedAt; // UTC; null when the customer asked for no date
    int priority = 0;      // higher is more urgent
    QString currency;
    QString
        shipMethod; // the ship method the customer or trading partner asked for, as sent (e.g. "UPS Ground")
    PaymentStatus payment = PaymentStatus::Unknown;
    QList<OrderCharge> charges;
    QList<OrderLine> lines;
    QList<ExceptionReason> exceptionReasons;

    // The lines' totals added up, or nullopt past Money::maxMinor (checked, never wrapped).
    std::optional<qint64> checkedTotalMinor() const;
    // The same for showing a stored order, held at the ceiling like OrderLine::totalMinor().
    qint64 totalMinor() const;
};

} // namespace ordo
