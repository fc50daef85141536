#pragma once

#include "model/Order.h"

#include <QString>

#include <optional>

namespace ordo {

// The ceiling on an order's amounts and quantities (Money::maxMinor, OrderLine::maxQuantity) and the messages
// that name it, shared by every reader and by OrderCapture, so that a file, a channel document and an order
// handed in through a service meet the same limits and the same words.
namespace OrderAmounts {

// "10000001 is more than 10000000, the most one line may order" (`quantity` as written in the input).
QString quantityProblem(const QString& quantity);
// "'1000000000000.01' exceeds 1000000000000.00 USD, the largest amount Ordo keeps" (`amount` as written).
QString amountProblem(const QString& amount, const QString& currency);
// "total 4000000 x 4611686018427.38 exceeds 1000000000000.00 USD, the largest amount Ordo keeps".
QString lineTotalProblem(int quantity, qint64 unitPriceMinor, const QString& currency);
// What is wrong with a line's unit price, or empty: for more than one unit the line's total that passes the
// ceiling (lineTotalProblem), else the unit price itself (amountProblem with `priceText`, the price as the
// input wrote it).
QString unitPriceProblem(int quantity, qint64 unitPriceMinor, const QString& priceText,
                         const QString& currency);
// "the order's lines add up to more than 1000000000000.00 USD, the largest amount Ordo keeps".
QString linesProblem(const QString& currency);
// "the amounts add up to more than ...", for a field that adds several amounts (a line's tax lines).
QString sumProblem(const QString& currency);
// "the order's value (lines, taxes and charges, less discounts) is more than ...".
QString valueProblem(const QString& currency);

// Adds `amount` to `sum`; false (sum unchanged) when the result would pass the ceiling.
bool add(qint64& sum, qint64 amount);

// The order's value: its lines less their discounts plus their taxes, and its charges (a discount charge
// subtracted); nullopt when any step passes the ceiling.
std::optional<qint64> value(const Order& order);

// What is wrong with the order's amounts, or empty: the first of a line's quantity, unit price, total, tax or
// discount, the lines' sum, a charge or the order's value that passes its ceiling ("line 2: total 4000000 x
// 4611686018427.38 exceeds 1000000000000.00 USD, the largest amount Ordo keeps").
QString problem(const Order& order);

} // namespace OrderAmounts

} // namespace ordo
