#include "OutboundDocuments.h"

#include "Error.h"
#include "channels/TradingPartners.h"
#include "channels/X12ControlNumbers.h"
#include "formats/FulfillmentJsonWriter.h"
#include "orders/OrderRepository.h"
#include "orders/OrderTransitions.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

Order loadOrder(Database& db, qint64 orderId) {
    auto order = OrderRepository(db).load(orderId);
    if (!order)
        throw Error::notFound(u"there is no order with id %1"_s.arg(orderId));
    return *order;
}

// The order's X12 source document read back; nullopt when the order did not come from X12.
std::optional<X12StoredPurchaseOrder> x12Source(Database& db, qint64 orderId) {
    SqlQuery q(db, u"SELECT content, file_name, reference FROM source_documents "
                   "WHERE order_id = :order AND format = 'x12' ORDER BY id"_s);
    q.bind(u":order"_s, orderId);
    q.exec();
    if (!q.next())
        return std::nullopt;
    const QString name = u"%1 (%2)"_s.arg(q.value(1).toString(), q.value(2).toString());
    return readX12SourceDocument(q.value(0).toString().toUtf8(), name);
}

X12StoredPurchaseOrder requireX12Source(Database& db, const Order& order) {
    auto source = x12Source(db, order.id);
    if (!source)
        throw Error::state(
            u"order %1 did not come from an X12 purchase order; it has no X12 source document"_s.arg(
                order.orderNumber));
    return std::move(*source);
}

OutboundDocument fromRow(SqlQuery& q) {
    OutboundDocument d;
    d.id = q.value(0).toLongLong();
    d.orderId = q.value(1).toLongLong();
    d.kind = q.value(2).toString();
    d.controlNumber = q.value(3).toString();
    d.content = q.value(4).toString();
    d.createdAt = fromStoredTime(q.value(5));
    return d;
}

const QString selectColumns = u"SELECT id, order_id, kind, control_number, content, created_at "
                              "FROM outbound_documents "_s;

bool hasLeft(OrderStatus status) {
    return status == OrderStatus::Shipped || status == OrderStatus::Delivered;
}

// The lines a ship notice may name: those asked for, each of which must have shipped, or else every line that
// has. An advance ship notice tells a partner a shipment left; for goods still on the shelf it would be
// false.
QList<int> linesThatLeft(const Order& order, const QList<int>& asked) {
    const QString rule = u"an 856 ship notice is made only for a shipment that left"_s;
    QList<int> left;
    for (const OrderLine& line : order.lines)
        if (hasLeft(line.status))
            left << line.lineNo;
    if (asked.isEmpty()) {
        if (left.isEmpty()) {
            const QString state = order.status == OrderStatus::Exception ? u"held in exception"_s
                                                                         : orderStatusCode(order.status);
            throw Error::state(
                u"order %1 is %2; %3, and no line of it has shipped"_s.arg(order.orderNumber, state, rule));
        }
        return left;
    }
    for (int lineNo : asked) {
        const auto line = std::find_if(order.lines.cbegin(), order.lines.cend(),
                                       [lineNo](const OrderLine& l) { return l.lineNo == lineNo; });
        if (line == order.lines.cend())
            throw Error::input(u"order %1 has no line %2"_s.arg(order.orderNumber).arg(lineNo));
        if (!hasLeft(line->status))
            throw Error::state(u"order %1: line %2 has not shipped (it is %3); %4"_s.arg(order.orderNumber)
                                   .arg(lineNo)
                                   .arg(orderStatusCode(line->status), rule));
    }
    return asked;
}

} // namespace

OutboundDocuments::OutboundDocuments(Database& db, const Actor& actor)
    : m_db(db)
    , m_actor(actor) {}

OutboundDocument OutboundDocuments::store(qint64 orderId, const QString& kind, const QString& controlNumber,
                                          const QString& content) {
    const qint64 now = nowStoredTime();
    SqlQuery q(m_db, u"INSERT INTO outbound_documents (order_id, kind, control_number, content, created_at) "
                     "VALUES (:order, :kind, :control, :content, :at) RETURNING id"_s);
    q.bind(u":order"_s, orderId)
        .bind(u":kind"_s, kind)
        .bind(u":control"_s, controlNumber.isEmpty() ? nullString() : QVariant(controlNumber))
        .bind(u":content"_s, content)
        .bind(u":at"_s, now);
    OutboundDocument d{q.scalar().toLongLong(), orderId, kind, controlNumber, content, fromStoredTime(now)};
    OrderTransitions(m_db).note(orderId, u"document"_s, kind,
                                controlNumber.isEmpty()
                                    ? u"document %1"_s.arg(d.id)
                                    : u"document %1, control number %2"_s.arg(d.id).arg(controlNumber),
                                m_actor, now);
    return d;
}

QHash<int, X12LineAck> OutboundDocuments::lineAcks(const Order& order, const X12PurchaseOrder& ordered,
                                                   UnfillableLines unfillable) const {
    QHash<int, X12LineAck> acks;
    const SkuRepository skus(m_db);
    for (const OrderLine& line : order.lines) {
        if (line.status == OrderStatus::Cancelled) {
            acks.insert(line.lineNo, X12LineAck{0, 0, line.quantity});
            continue;
        }
        if (!line.skuCode.isEmpty() && skus.idForCode(line.skuCode))
            continue; // a known item: accepted
        // Ordo cannot fill a line whose item it does not know: it says so, and why.
        QString reason;
        if (line.skuCode.isEmpty()) {
            QStringList ids;
            for (const PartNumber& p : ordered.imported.partNumbers.value(line.lineNo))
                ids << p.qualifier + u' ' + p.number;
            reason = u"UNKNOWN_SKU - no SKU of ours for the item (%1)"_s.arg(ids.join(u", "_s));
        } else {
            reason = u"UNKNOWN_SKU - SKU %1 is not in our catalogue"_s.arg(line.skuCode);
        }
        acks.insert(line.lineNo, unfillable == UnfillableLines::Backorder
                                     ? X12LineAck{0, line.quantity, 0, reason}
                                     : X12LineAck{0, 0, line.quantity, reason});
    }
    return acks;
}

OutboundDocument OutboundDocuments::acknowledge(qint64 orderId, const QHash<int, X12LineAck>& lines) {
    if (!m_actor.may(Permission::CaptureOrders))
        throw Error::denied(u"%1 may not acknowledge purchase orders"_s.arg(m_actor.user));
    return runUnitOfWork(m_db, [&](Transaction&) {
        const Order order = loadOrder(m_db, orderId);
        const X12StoredPurchaseOrder source = requireX12Source(m_db, order);
        const QString& partner = source.order.imported.partner;
        const UnfillableLines unfillable = TradingPartners(m_db, m_actor).unfillableLines(partner);
        if (unfillable == UnfillableLines::Wait && order.status == OrderStatus::Exception)
            throw Error::state(
                u"order %1 is held in exception; partner %2's 855 waits until the exception is "
                "resolved (ordo partners)"_s.arg(order.orderNumber, partner));
        QHash<int, X12LineAck> decisions = lineAcks(order, source.order, unfillable);
        for (auto it = lines.cbegin(); it != lines.cend(); ++it)
            decisions.insert(it.key(), it.value());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const qint64 control = X12ControlNumbers::next(m_db);
        const QByteArray content = X12Writer::write(
            X12AcknowledgementWriter::replyEnvelope(source.interchange, u"PR"_s, control, now),
            {X12AcknowledgementWriter::build(source.order, decisions, now)});
        OutboundDocument d = store(orderId, u"x12_855"_s, QString::number(control).rightJustified(9, u'0'),
                                   QString::fromUtf8(content));
        return d;
    });
}

std::optional<OutboundDocument> OutboundDocuments::acknowledgeCaptured(qint64 orderId) {
    return runUnitOfWork(m_db, [&](Transaction&) -> std::optional<OutboundDocument> {
        const Order order = loadOrder(m_db, orderId);
        const X12StoredPurchaseOrder source = requireX12Source(m_db, order);
        const QString& partner = source.order.imported.partner;
        if (order.status == OrderStatus::Exception &&
            TradingPartners(m_db, m_actor).unfillableLines(partner) == UnfillableLines::Wait) {
            OrderTransitions(m_db).note(
                orderId, u"document"_s, u"x12_855_waiting"_s,
                u"partner %1 is acknowledged when the exception is resolved"_s.arg(partner), m_actor,
                nowStoredTime());
            return std::nullopt;
        }
        OutboundDocument d = acknowledge(orderId);
        return d;
    });
}

std::optional<OutboundDocument> OutboundDocuments::acknowledgeWhenDue(qint64 orderId) {
    // Most orders did not come from X12, and most that did were acknowledged as they were captured: two
    // indexed look-ups settle it before the order is loaded.
    SqlQuery due(m_db,
                 u"SELECT count(*) FROM source_documents s WHERE s.order_id = :order AND s.format = 'x12' "
                 "AND NOT EXISTS (SELECT 1 FROM outbound_documents d WHERE d.order_id = :order2 "
                 "AND d.kind = 'x12_855')"_s);
    due.bind(u":order"_s, orderId).bind(u":order2"_s, orderId);
    if (due.scalar().toLongLong() == 0)
        return std::nullopt;
    return runUnitOfWork(m_db, [&](Transaction&) {
        std::optional<OutboundDocument> made;
        try {
            if (loadOrder(m_db, orderId).status != OrderStatus::Exception)
                made = acknowledge(orderId);
        } catch (const Error& e) {
            // A source document that no longer reads must not undo the release or cancel it follows.
            if (e.kind() != Error::Kind::Input)
                throw;
            OrderTransitions(m_db).note(orderId, u"document"_s, u"x12_855_failed"_s, e.message(), m_actor,
                                        nowStoredTime());
        }
        return made;
    });
}

OutboundDocument OutboundDocuments::shipNotice(qint64 orderId, const ShipmentInfo& shipment) {
    if (!m_actor.may(Permission::AdvanceOrders))
        throw Error::denied(u"%1 may not send ship notices"_s.arg(m_actor.user));
    return runUnitOfWork(m_db, [&](Transaction&) {
        const Order order = loadOrder(m_db, orderId);
        const X12StoredPurchaseOrder source = requireX12Source(m_db, order);
        ShipmentInfo info = shipment;
        info.lineNos = linesThatLeft(order, shipment.lineNos);
        if (!info.shippedAt.isValid())
            info.shippedAt = QDateTime::currentDateTimeUtc();
        const qint64 control = X12ControlNumbers::next(m_db);
        const QByteArray content = X12Writer::write(
            X12AcknowledgementWriter::replyEnvelope(source.interchange, u"SH"_s, control, info.shippedAt),
            {X12ShipNoticeWriter::build(source.order, order, info)});
        OutboundDocument d = store(orderId, u"x12_856"_s, QString::number(control).rightJustified(9, u'0'),
                                   QString::fromUtf8(content));
        return d;
    });
}

OutboundDocument OutboundDocuments::fulfillment(qint64 orderId, const ShipmentInfo& shipment) {
    if (!m_actor.may(Permission::AdvanceOrders))
        throw Error::denied(u"%1 may not send fulfillments"_s.arg(m_actor.user));
    return runUnitOfWork(m_db, [&](Transaction&) {
        const Order order = loadOrder(m_db, orderId);
        const QByteArray content =
            FulfillmentJsonWriter::write(order, shipment.trackingNumber, shipment.carrier, shipment.lineNos);
        OutboundDocument d = store(orderId, u"fulfillment_json"_s, QString(), QString::fromUtf8(content));
        return d;
    });
}

void OutboundDocuments::orderShipped(qint64 orderId, const QList<int>& lineNos) {
    runUnitOfWork(m_db, [&](Transaction&) {
        // Most orders did not come from X12: one indexed look-up settles it before the order is loaded.
        QString problem;
        try {
            const std::optional<X12StoredPurchaseOrder> source = x12Source(m_db, orderId);
            const Order order = source ? loadOrder(m_db, orderId) : Order{};
            if (source && order.channel == Channel::B2b) {
                ShipmentInfo shipment;
                shipment.shippedAt = QDateTime::currentDateTimeUtc();
                shipment.lineNos = lineNos;
                const qint64 control = X12ControlNumbers::next(m_db);
                const QByteArray content =
                    X12Writer::write(X12AcknowledgementWriter::replyEnvelope(source->interchange, u"SH"_s,
                                                                             control, shipment.shippedAt),
                                     {X12ShipNoticeWriter::build(source->order, order, shipment)});
                store(orderId, u"x12_856"_s, QString::number(control).rightJustified(9, u'0'),
                      QString::fromUtf8(content));
            }
        } catch (const Error& e) {
            // A source document that no longer reads, or a partner id an ISA cannot carry, must not stop the
            // shipment; anything else (the database) does.
            if (e.kind() != Error::Kind::Input)
                throw;
            problem = e.message();
        }
        if (!problem.isEmpty())
            OrderTransitions(m_db).note(orderId, u"document"_s, u"x12_856_failed"_s, problem, m_actor,
                                        nowStoredTime());
    });
}

QList<OutboundDocument> OutboundDocuments::forOrder(qint64 orderId) const {
    SqlQuery q(m_db, selectColumns + u"WHERE order_id = :order ORDER BY id"_s);
    q.bind(u":order"_s, orderId);
    q.exec();
    QList<OutboundDocument> out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

std::optional<OutboundDocument> OutboundDocuments::find(qint64 id) const {
    SqlQuery q(m_db, selectColumns + u"WHERE id = :id"_s);
    q.bind(u":id"_s, id);
    q.exec();
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

} // namespace ordo
