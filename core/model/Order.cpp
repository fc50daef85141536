#include "Order.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

qint64 clamped(std::optional<qint64> value, bool negative) {
    return value.value_or(negative ? -Money::maxMinor : Money::maxMinor);
}

} // namespace

qint64 OrderLine::totalMinor() const {
    return clamped(checkedTotalMinor(), (unitPrice.minor < 0) != (quantity < 0));
}

std::optional<qint64> Order::checkedTotalMinor() const {
    qint64 sum = 0;
    for (const OrderLine& line : lines) {
        const std::optional<qint64> total = line.checkedTotalMinor();
        const std::optional<qint64> next = total ? Money::plus(sum, *total) : std::nullopt;
        if (!next)
            return std::nullopt;
        sum = *next;
    }
    return sum;
}

qint64 Order::totalMinor() const {
    if (const std::optional<qint64> total = checkedTotalMinor())
        return *total;
    // Past the ceiling: the sign of the lines that took it there.
    qint64 sum = 0;
    for (const OrderLine& line : lines)
        sum = clamped(Money::plus(sum, line.totalMinor()), sum < 0 || line.totalMinor() < 0);
    return sum;
}

QString deliveryMethodCode(DeliveryMethod method) {
    return method == DeliveryMethod::Pickup ? u"pickup"_s : u"ship"_s;
}

std::optional<DeliveryMethod> deliveryMethodFromCode(QStringView code) {
    if (code.compare(u"ship", Qt::CaseInsensitive) == 0)
        return DeliveryMethod::Ship;
    if (code.compare(u"pickup", Qt::CaseInsensitive) == 0)
        return DeliveryMethod::Pickup;
    return std::nullopt;
}

namespace {

const QString paymentCodes[] = {u"unknown"_s,        u"pending"_s,  u"authorized"_s, u"paid"_s,
                                u"partially_paid"_s, u"refunded"_s, u"voided"_s,     u"failed"_s};
const QString chargeCodes[] = {u"shipping"_s, u"tax"_s, u"discount"_s, u"fee"_s};

template <typename Enum, size_t N>
std::optional<Enum> fromCodes(const QString (&codes)[N], QStringView code) {
    for (size_t i = 0; i < N; ++i) {
        if (code.compare(codes[i], Qt::CaseInsensitive) == 0)
            return Enum(i);
    }
    return std::nullopt;
}

} // namespace

QString paymentStatusCode(PaymentStatus status) {
    return paymentCodes[int(status)];
}

std::optional<PaymentStatus> paymentStatusFromCode(QStringView code) {
    return fromCodes<PaymentStatus>(paymentCodes, code);
}

QString orderChargeKindCode(OrderCharge::Kind kind) {
    return chargeCodes[int(kind)];
}

std::optional<OrderCharge::Kind> orderChargeKindFromCode(QStringView code) {
    return fromCodes<OrderCharge::Kind>(chargeCodes, code);
}

} // namespace ordo
