// ReservationService::reserveInOneTrip: on PostgreSQL, an order reserved whole with its hot rows locked for
// no round trip of their own.
//
// Under many clients on one hot SKU the position's row lock is the bottleneck: every client queues behind the
// holder until it commits. Taken the ordinary way the lock is held across the round trips of the dependent
// rows and of COMMIT, and on a busy machine across the holder's time off the CPU between them. Here the
// conditional UPDATE of every line, the rows a reservation leaves and the COMMIT go to the server as one
// query string, so the lock is taken and released inside one server call.
//
// The statement is one data-modifying WITH: a conditional UPDATE per line (at the line's location, the pickup
// location, or the first location by code with the units free, as take() chooses), the reservations, ledger,
// order-line and audit rows selected from what those UPDATEs returned, and ordo_require (schema step 6),
// which makes the statement fail when any line affected no row. A failed statement leaves the transaction
// aborted, so the COMMIT after it never runs: an order is held whole or not at all, and no other client ever
// sees a partial hold. The caller then rolls back and reserves the ordinary way, which says what was short or
// takes the line at the next location when a concurrent client took the stock in between.
#include "Error.h"
#include "ReservationService.h"
#include "demo/BulkInsert.h"
#include "orders/OrderStateMachine.h"
#include "storage/Transaction.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// The message ordo_require raises when a line came up short; the caller recognises it in the driver's error.
const QString shortInOneTrip = u"ordo: a line could not be held in one trip"_s;

QString text(const QString& s) {
    return BulkInsert::literal(QVariant(s));
}

} // namespace

std::optional<ReservationOutcome> ReservationService::reserveInOneTrip(qint64 orderId, const Actor& actor,
                                                                       qint64 now, Transaction& tx) {
    const std::optional<ClaimedOrder> order = claimForRouting(orderId, now);
    if (!order)
        return std::nullopt; // not Validated, or unknown: the ordinary way refuses it with the reason
    QSet<int> held;
    const QList<OpenLine> lines = openLines(orderId, held);
    if (lines.isEmpty() || !held.isEmpty())
        return std::nullopt;
    for (const OpenLine& line : lines)
        if (line.skuId == 0)
            return std::nullopt;
    if (m_locationsByCode.isEmpty())
        locationCode(0); // loads the location codes the outcome names

    const QString at = QString::number(now);
    const QString orderText = QString::number(orderId);
    const QString user = text(actor.user);
    QStringList holds, heldNames;
    for (const OpenLine& line : lines) {
        const QString sku = QString::number(line.skuId);
        const QString quantity = QString::number(line.quantity);
        const qint64 named = line.locationId != 0 ? line.locationId : order->pickupLocation;
        const QString location =
            named != 0 ? QString::number(named)
                       : u"(SELECT p.location_id FROM positions p JOIN locations c ON c.id = p.location_id "
                         "WHERE p.sku_id = %1 AND p.on_hand - p.reserved - p.safety_stock >= %2 "
                         "ORDER BY c.code LIMIT 1)"_s.arg(sku, quantity);
        const QString name = u"h%1"_s.arg(line.lineNo);
        holds
            << u"%1 AS (UPDATE positions SET reserved = reserved + %2, updated_at = %3 "
               "WHERE sku_id = %4 AND location_id = %5 AND on_hand - reserved - safety_stock >= %2 "
               "RETURNING %6 AS line_no, %7::text AS sku_code, %2::bigint AS quantity, location_id, sku_id, "
               "on_hand, reserved, safety_stock)"_s.arg(name, quantity, at, sku, location)
                   .arg(line.lineNo)
                   .arg(text(line.skuCode));
        heldNames << u"SELECT * FROM "_s + name;
    }
    const QString routed = text(orderStatusCode(OrderStatus::Routed));
    const QString check = u"checked AS (SELECT ordo_require(count(*) = %1, %2) AS ok FROM held)"_s.arg(
        QString::number(lines.size()), text(shortInOneTrip));
    const QString rest =
        u"r AS (INSERT INTO reservations (order_id, line_no, location_id, sku_id, quantity, "
        "state, created_at) "
        "SELECT %1, h.line_no, h.location_id, h.sku_id, h.quantity, 'held', %2 FROM held h, checked), "
        // One ledger row per reservation; its event id (reserveEventId) makes a second one impossible.
        "e AS (INSERT INTO inventory_events (event_id, location_id, sku_id, kind, quantity, on_hand_after, "
        "reserved_after, reason, occurred_at, recorded_at, actor) "
        "SELECT 'res:%1:' || h.line_no || ':' || h.location_id, h.location_id, h.sku_id, 'reserve', "
        "h.quantity, h.on_hand, h.reserved, NULL, %2, %2, %3 FROM held h, checked), "
        // Every open line is one of those held: each moves with the order and records its location.
        "l AS (UPDATE order_lines o SET location_id = h.location_id, status = %4 FROM held h "
        "WHERE o.order_id = %1 AND o.line_no = h.line_no), "
        // The order was claimed Routed before its lines were taken: its transition first, then what was
        // held. Reading `checked` here makes ordo_require run even when no line was held at all.
        "a AS (INSERT INTO audit_events (at, actor, entity, entity_id, action, from_state, to_state, reason, "
        "detail) SELECT %2, %3, 'order', %1, 'transition', %5, %4, NULL, 'stock reserved' FROM checked "
        "UNION ALL SELECT %2, %3, 'order', %1, 'reserve', NULL, NULL, NULL, "
        "string_agg(format('line %s: %s x %s at %s', h.line_no, h.quantity, h.sku_code, c.code), '; ' "
        "ORDER BY h.line_no) FROM held h JOIN locations c ON c.id = h.location_id) "
        "SELECT line_no, location_id, on_hand, reserved, safety_stock FROM held ORDER BY line_no"_s.arg(
            orderText, at, user, routed, text(orderStatusCode(OrderStatus::Validated)));
    const QString statement = u"WITH "_s + holds.join(u", "_s) + u", held AS ("_s +
                              heldNames.join(u" UNION ALL "_s) + u"), "_s + check + u", "_s + rest;

    QList<QVariantList> rows;
    try {
        rows = tx.commitWith(statement);
    } catch (const Error& e) {
        if (e.message().contains(shortInOneTrip))
            return std::nullopt;
        throw;
    }

    ReservationOutcome outcome;
    outcome.orderId = orderId;
    outcome.orderNumber = order->number;
    outcome.routed = true;
    QHash<int, const OpenLine*> byNumber;
    for (const OpenLine& line : lines)
        byNumber.insert(line.lineNo, &line);
    for (const QVariantList& row : std::as_const(rows)) {
        const OpenLine* line = byNumber.value(row.at(0).toInt());
        if (!line)
            throw Error::storage(
                u"order %1: the database held a line the order does not have"_s.arg(order->number));
        const qint64 locationId = row.at(1).toLongLong();
        const PositionFigures after{row.at(2).toLongLong(), row.at(3).toLongLong(), row.at(4).toLongLong()};
        outcome.reserved << ReservedLine{line->lineNo, line->skuCode, line->skuId, locationCode(locationId),
                                         locationId,   line->quantity};
        m_changed.insert({locationId, line->skuId}, after);
    }
    return outcome;
}

} // namespace ordo
