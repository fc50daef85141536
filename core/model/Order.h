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
    int lineNo = 0; // 1-based within the order
    QString skuCode;
    int quantity = 0;
    Money unitPrice;
    OrderStatus status = OrderStatus::Pending;
    QString locationCode; // where the line is fulfilled from, once routed

    qint64 totalMinor() const { return unitPrice.minor * quantity; }
};

// Why an order is held in Exception; codes are stable and shown to users.
struct ExceptionReason {
    QString code;   // e.g. "UNKNOWN_SKU"
    QString detail; // e.g. "line 2: SKU 'XJ-9' is not in the catalogue"
};

struct Order {
    qint64 id = 0;       // database id, 0 until stored
    QString orderNumber; // what customers and staff quote; unique
    Channel channel = Channel::Web;
    QString externalId;  // the channel's own id, exact (64-bit ids are kept as text)
    OrderStatus status = OrderStatus::Pending;
    QDateTime orderedAt; // UTC
    QString customerEmail;
    QString customerPhone;
    Address shipTo;
    DeliveryMethod delivery = DeliveryMethod::Ship;
    QString pickupLocationCode;
    QDateTime requestedAt; // UTC; null when the customer asked for no date
    int priority = 0;      // higher is more urgent
    QString currency;
    QList<OrderLine> lines;
    QList<ExceptionReason> exceptionReasons;

    qint64 totalMinor() const
    {
        qint64 sum = 0;
        for (const OrderLine& line : lines)
            sum += line.totalMinor();
        return sum;
    }
};

} // namespace ordo
