#include "CsvOrderAssembler.h"

#include "Error.h"
#include "formats/CsvFields.h"
#include "model/OrderAmounts.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

constexpr QChar fieldSeparator = QChar(0x1F); // unit separator: never part of a trimmed CSV value

} // namespace

CsvOrderAssembler::CsvOrderAssembler(const CsvLayout& layout, QString file)
    : m_layout(layout)
    , m_file(std::move(file)) {}

void CsvOrderAssembler::finish(const QString& orderId) {
    const auto group = m_groups.constFind(orderId);
    if (group == m_groups.cend())
        return;
    m_orders[group->index - m_taken].complete = true;
    m_groups.erase(group); // its fields are compared no more
}

QList<CsvOrderAssembler::Assembled> CsvOrderAssembler::take(bool all) {
    QList<Assembled> taken;
    while (!m_orders.isEmpty() && (all || m_orders.constFirst().complete)) {
        taken << m_orders.takeFirst();
        ++m_taken;
    }
    if (all)
        m_groups.clear();
    return taken;
}

QString CsvOrderAssembler::orderFieldsOf(const QStringList& fields) const {
    QString joined;
    for (int column = 0; column < OrderColumn::LineFieldsStart; ++column) {
        if (column > 0)
            joined += fieldSeparator;
        joined += m_layout.value(fields, column);
    }
    return joined;
}

QString CsvOrderAssembler::describeDifference(const QString& first, const QString& here,
                                              int firstLine) const {
    const QStringList a = first.split(fieldSeparator);
    const QStringList b = here.split(fieldSeparator);
    const QStringList names = CsvFileKind::columns(CsvKind::Orders);
    for (int column = 0; column < a.size() && column < b.size(); ++column)
        if (a.at(column) != b.at(column))
            return u"%1 is '%2' here but '%3' on line %4; all rows of an order must agree"_s.arg(
                names.at(column), b.at(column).left(80), a.at(column).left(80), QString::number(firstLine));
    return u"its fields differ from line %1"_s.arg(firstLine);
}

void CsvOrderAssembler::readOrderFields(Order& order, const QStringList& fields) const {
    auto value = [&](int column) { return m_layout.value(fields, column); };

    const QString channel = value(OrderColumn::Channel);
    const std::optional<Channel> parsedChannel = channelFromCode(channel);
    if (!parsedChannel)
        throw Error::input(u"channel '%1' is not one of %2"_s.arg(channel, channelCodes().join(u", "_s)));
    order.channel = *parsedChannel;
    order.orderedAt = CsvFields::timestamp(value(OrderColumn::OrderedAt), u"ordered_at"_s);
    order.customerEmail = value(OrderColumn::CustomerEmail);
    order.customerPhone = value(OrderColumn::CustomerPhone);
    order.shipTo.name = value(OrderColumn::ShipName);
    order.shipTo.line1 = value(OrderColumn::Address1);
    order.shipTo.city = value(OrderColumn::City);
    order.shipTo.region = value(OrderColumn::Region);
    order.shipTo.postalCode = value(OrderColumn::PostalCode);
    order.shipTo.country = CsvFields::country(value(OrderColumn::Country), u"country"_s);
    order.shipTo.position = CsvFields::position(value(OrderColumn::Latitude), value(OrderColumn::Longitude));
    const QString delivery = value(OrderColumn::Delivery);
    const std::optional<DeliveryMethod> method = deliveryMethodFromCode(delivery);
    if (!method)
        throw Error::input(u"delivery '%1' is not ship or pickup"_s.arg(delivery));
    order.delivery = *method;
    order.pickupLocationCode = value(OrderColumn::PickupLocationId);
}

OrderLine CsvOrderAssembler::readLine(const QStringList& fields, int lineNo) const {
    auto value = [&](int column) { return m_layout.value(fields, column); };
    OrderLine line;
    line.lineNo = lineNo;
    line.skuCode = value(OrderColumn::Sku);
    if (line.skuCode.isEmpty())
        throw Error::input(u"sku is empty"_s);
    const QString quantity = value(OrderColumn::Quantity);
    const qint64 units = CsvFields::integer(quantity, u"quantity"_s, std::numeric_limits<qint64>::min(),
                                            std::numeric_limits<qint64>::max());
    if (units > OrderLine::maxQuantity || units < -OrderLine::maxQuantity)
        throw Error::input(u"field quantity: "_s + OrderAmounts::quantityProblem(quantity));
    line.quantity = int(units);
    const QString currency = CsvFields::currency(value(OrderColumn::Currency), u"currency"_s);
    const QString price = value(OrderColumn::UnitPrice);
    line.unitPrice = Money{CsvFields::money(price, currency, u"unit_price"_s), currency};
    const QString problem =
        OrderAmounts::unitPriceProblem(line.quantity, line.unitPrice.minor, price, currency);
    if (!problem.isEmpty())
        throw Error::input(u"field unit_price: "_s + problem);
    return line;
}

void CsvOrderAssembler::add(const CsvRecord& record) {
    const QStringList& fields = record.fields;
    const QString orderId = m_layout.value(fields, OrderColumn::OrderId);
    if (orderId.isEmpty()) {
        ++m_rejectedRows;
        m_errors << ImportIssue{m_file, record.line, u"order_id is empty; the row is rejected"_s};
        return;
    }

    auto group = m_groups.find(orderId);
    const bool first = group == m_groups.end();
    if (first) {
        group = m_groups.insert(orderId, Group{m_taken + m_orders.size(), QString(), 0});
        Assembled assembled;
        assembled.firstLine = record.line;
        assembled.order.orderNumber = orderId;
        assembled.order.externalId = orderId;
        m_orders << std::move(assembled);
    }
    Assembled& assembled = m_orders[group->index - m_taken];

    QString problem;
    if (fields.size() != m_layout.width) {
        problem = u"the row has %1 fields, the header %2"_s.arg(fields.size()).arg(m_layout.width);
    } else {
        const QString orderFields = orderFieldsOf(fields);
        if (group->fieldsLine == 0) {
            group->orderFields = orderFields;
            group->fieldsLine = record.line;
            try {
                readOrderFields(assembled.order, fields);
            } catch (const Error& e) {
                problem = e.message();
            }
        } else if (orderFields != group->orderFields) {
            problem = describeDifference(group->orderFields, orderFields, group->fieldsLine);
        }
        if (problem.isEmpty()) {
            try {
                OrderLine line = readLine(fields, int(assembled.order.lines.size()) + 1);
                if (!OrderAmounts::add(assembled.totalMinor, *line.checkedTotalMinor()))
                    throw Error::input(u"field unit_price: "_s +
                                       OrderAmounts::linesProblem(line.unitPrice.currency));
                if (!assembled.rejected) {
                    if (assembled.order.lines.isEmpty())
                        assembled.order.currency = line.unitPrice.currency;
                    assembled.order.lines << line;
                }
            } catch (const Error& e) {
                problem = e.message();
            }
        }
    }
    if (problem.isEmpty())
        return;
    m_errors << ImportIssue{m_file, record.line, u"order %1 is rejected: %2"_s.arg(orderId, problem)};
    if (!assembled.rejected) {
        assembled.rejected = true;
        assembled.order.lines.clear(); // not needed any more
    }
}

} // namespace ordo
