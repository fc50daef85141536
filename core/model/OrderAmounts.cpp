#include "OrderAmounts.h"

using namespace Qt::StringLiterals;

namespace ordo::OrderAmounts {

namespace {

QString decimal(qint64 minor, const QString& currency) {
    return Money{minor, currency}.toDecimalString();
}

} // namespace

QString quantityProblem(const QString& quantity) {
    return u"%1 is more than %2, the most one line may order"_s.arg(quantity).arg(OrderLine::maxQuantity);
}

QString amountProblem(const QString& amount, const QString& currency) {
    return u"%1 exceeds %2"_s.arg(amount, Money::ceilingText(currency));
}

QString lineTotalProblem(int quantity, qint64 unitPriceMinor, const QString& currency) {
    return u"total %1 x %2 exceeds %3"_s.arg(QString::number(quantity), decimal(unitPriceMinor, currency),
                                             Money::ceilingText(currency));
}

QString unitPriceProblem(int quantity, qint64 unitPriceMinor, const QString& priceText,
                         const QString& currency) {
    const bool totalFits = Money::times(unitPriceMinor, quantity).has_value();
    if (!totalFits && (quantity > 1 || quantity < -1))
        return lineTotalProblem(quantity, unitPriceMinor, currency);
    if (!Money::inRange(unitPriceMinor))
        return amountProblem(priceText, currency);
    if (!totalFits)
        return lineTotalProblem(quantity, unitPriceMinor, currency);
    return {};
}

QString linesProblem(const QString& currency) {
    return u"the order's lines add up to more than %1"_s.arg(Money::ceilingText(currency));
}

QString sumProblem(const QString& currency) {
    return u"the amounts add up to more than %1"_s.arg(Money::ceilingText(currency));
}

QString valueProblem(const QString& currency) {
    return u"the order's value (lines, taxes and charges, less discounts) is more than %1"_s.arg(
        Money::ceilingText(currency));
}

bool add(qint64& sum, qint64 amount) {
    const std::optional<qint64> next = Money::plus(sum, amount);
    if (!next)
        return false;
    sum = *next;
    return true;
}

std::optional<qint64> value(const Order& order) {
    qint64 sum = 0;
    for (const OrderLine& line : order.lines) {
        // A discount is in range before it is negated: -(-2^63) is not a 64-bit integer.
        const std::optional<qint64> total = line.checkedTotalMinor();
        if (!total || !Money::inRange(line.discountMinor) || !Money::inRange(line.taxMinor) ||
            !add(sum, *total) || !add(sum, -line.discountMinor) || !add(sum, line.taxMinor))
            return std::nullopt;
    }
    for (const OrderCharge& charge : order.charges)
        if (!Money::inRange(charge.amountMinor) ||
            !add(sum, charge.kind == OrderCharge::Kind::Discount ? -charge.amountMinor : charge.amountMinor))
            return std::nullopt;
    return sum;
}

QString problem(const Order& order) {
    const QString& currency = order.currency;
    qint64 lines = 0;
    for (const OrderLine& line : order.lines) {
        const QString where = u"line %1: "_s.arg(line.lineNo);
        if (line.quantity > OrderLine::maxQuantity || line.quantity < -OrderLine::maxQuantity)
            return where + u"quantity "_s + quantityProblem(QString::number(line.quantity));
        const QString price =
            unitPriceProblem(line.quantity, line.unitPrice.minor,
                             u"unit price "_s + decimal(line.unitPrice.minor, currency), currency);
        if (!price.isEmpty())
            return where + price;
        const std::pair<QString, qint64> amounts[] = {{u"tax"_s, line.taxMinor},
                                                      {u"discount"_s, line.discountMinor}};
        for (const auto& [what, minor] : amounts)
            if (!Money::inRange(minor))
                return where + what + u' ' + amountProblem(decimal(minor, currency), currency);
        if (!add(lines, *line.checkedTotalMinor()))
            return where + linesProblem(currency);
    }
    for (const OrderCharge& charge : order.charges)
        if (!Money::inRange(charge.amountMinor))
            return u"%1 '%2': "_s.arg(orderChargeKindCode(charge.kind), charge.label) +
                   amountProblem(decimal(charge.amountMinor, currency), currency);
    if (!value(order))
        return valueProblem(currency);
    return {};
}

} // namespace ordo::OrderAmounts
