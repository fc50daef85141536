// ReservationService::record: the rows a reservation leaves (reservations, ledger, order lines, audit) and
// the order's move to Routed, on SQLite with kept statements and on PostgreSQL in one round trip.
#include "ReservationService.h"
#include "demo/BulkInsert.h"
#include "orders/OrderStateMachine.h"
#include "storage/Database.h"
#include "storage/RowWriter.h"
#include "storage/SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo {

void ReservationService::record(qint64 orderId, const QList<Taken>& taken, const Actor& actor, qint64 now,
                                RouteStep route, bool noEarlierHolds) {
    if (m_db.engine() == Engine::Postgres) {
        recordInOneTrip(orderId, taken, actor, now, route, noEarlierHolds);
        return;
    }
    // Moving the order to Routed is OrderLifecycle's transition without reading the order again: reserveOne
    // holds its lock and knows it is Validated.
    const QString routedCode = orderStatusCode(OrderStatus::Routed);
    if (route == RouteStep::All)
        prepared(m_setStatus,
                 u"UPDATE orders SET status = :status, held_from = NULL, status_changed_at = :at "
                 "WHERE id = :id"_s)
            .bind(u":status"_s, routedCode)
            .bind(u":at"_s, now)
            .bind(u":id"_s, orderId)
            .exec();
    // Every open line moves with the order. With no line held from before, the open lines are the ones taken
    // now, and one statement per line sets its status and its location together.
    const bool linesAtOnce = route != RouteStep::None && noEarlierHolds;
    if (route != RouteStep::None && !linesAtOnce)
        prepared(m_setLineStatus,
                 u"UPDATE order_lines SET status = :status WHERE order_id = :id AND status <> 'cancelled'"_s)
            .bind(u":status"_s, routedCode)
            .bind(u":id"_s, orderId)
            .exec();
    SqlQuery& reservation =
        prepared(m_insertReservation,
                 u"INSERT INTO reservations (order_id, line_no, location_id, sku_id, quantity, state, "
                 "created_at) VALUES (:o, :n, :l, :s, :q, 'held', :now)"_s);
    SqlQuery& lineLocation =
        linesAtOnce
            ? prepared(m_setLineLocationStatus, u"UPDATE order_lines SET location_id = :l, status = :status "
                                                "WHERE order_id = :o AND line_no = :n"_s)
            : prepared(m_setLineLocation,
                       u"UPDATE order_lines SET location_id = :l WHERE order_id = :o AND line_no = :n"_s);
    QStringList detail;
    for (const Taken& t : taken) {
        const ReservedLine& l = t.line;
        reservation.bind(u":o"_s, orderId)
            .bind(u":n"_s, l.lineNo)
            .bind(u":l"_s, l.locationId)
            .bind(u":s"_s, l.skuId);
        reservation.bind(u":q"_s, l.quantity).bind(u":now"_s, now).exec();
        // One ledger row per reservation; its event id makes a second one impossible.
        writeLedger(t.eventId, l.locationId, l.skuId, u"reserve"_s,
                    l.quantity, t.after, t.previousEventId, QString(), actor, now);
        lineLocation.bind(u":l"_s, l.locationId).bind(u":o"_s, orderId).bind(u":n"_s, l.lineNo);
        if (linesAtOnce)
            lineLocation.bind(u":status"_s, routedCode);
        lineLocation.exec();
        detail << heldText(l.lineNo, l.quantity, l.skuCode, l.locationCode);
    }
    // The order's audit events in one statement: its transition (first when the order was claimed Routed
    // before its lines were taken) and what was reserved.
    RowWriter audit(m_db, u"audit_events"_s,
                    {u"at"_s, u"actor"_s, u"entity"_s, u"entity_id"_s, u"action"_s, u"from_state"_s,
                     u"to_state"_s, u"reason"_s, u"detail"_s},
                    2);
    const QVariant null = nullString();
    auto transition = [&] {
        audit.add({now, actor.user, u"order"_s, orderId, u"transition"_s,
                   orderStatusCode(OrderStatus::Validated), routedCode, null, u"stock reserved"_s});
    };
    if (route == RouteStep::LinesAndAudit)
        transition();
    if (!taken.isEmpty())
        audit.add(
            {now, actor.user, u"order"_s, orderId, u"reserve"_s, null, null, null, detail.join(u"; "_s)});
    if (route == RouteStep::All)
        transition();
    audit.flush();
}

void ReservationService::recordInOneTrip(qint64 orderId, const QList<Taken>& taken, const Actor& actor,
                                         qint64 now, RouteStep route, bool noEarlierHolds) {
    // PostgreSQL: the positions taken stay locked until the commit, and under many clients every round trip
    // made while holding them (a hot SKU's row) holds up the others. So the rows a reservation leaves (the
    // same as record() writes on SQLite) go as one batch of statements in one round trip; the values are
    // literals.
    const auto text = [](const QString& s) { return BulkInsert::literal(QVariant(s)); };
    const QString routedCode = text(orderStatusCode(OrderStatus::Routed));
    const QString order = QString::number(orderId);
    const QString at = QString::number(now);
    QString sql;
    if (route == RouteStep::All)
        sql +=
            u"UPDATE orders SET status = %1, held_from = NULL, status_changed_at = %2 WHERE id = %3;"_s.arg(
                routedCode, at, order);
    const bool linesAtOnce = route != RouteStep::None && noEarlierHolds;
    if (route != RouteStep::None && !linesAtOnce)
        sql += u"UPDATE order_lines SET status = %1 WHERE order_id = %2 AND status <> 'cancelled';"_s.arg(
            routedCode, order);
    QStringList detail;
    for (const Taken& t : taken) {
        const ReservedLine& l = t.line;
        const QString lineNo = QString::number(l.lineNo);
        const QString location = QString::number(l.locationId);
        const QString sku = QString::number(l.skuId);
        const QString quantity = QString::number(l.quantity);
        sql +=
            u"INSERT INTO reservations (order_id, line_no, location_id, sku_id, quantity, state, created_at) "
            "VALUES (%1, %2, %3, %4, %5, 'held', %6);"_s.arg(order, lineNo, location, sku, quantity, at);
        sql += u"INSERT INTO inventory_events (event_id, location_id, sku_id, kind, quantity, on_hand_after, "
               "reserved_after, reason, occurred_at, recorded_at, actor, previous_event_id) VALUES (%1, %2, %3, "
               "'reserve', %4, %5, %6, NULL, %7, %7, %8, %9);"_s.arg(
                   text(t.eventId), location, sku, quantity,
                   QString::number(t.after.onHand), QString::number(t.after.reserved), at, text(actor.user),
                   t.previousEventId.isEmpty() ? u"NULL"_s : text(t.previousEventId));
        sql += u"UPDATE order_lines SET location_id = %1%2 WHERE order_id = %3 AND line_no = %4;"_s.arg(
            location, linesAtOnce ? u", status = "_s + routedCode : QString(), order, lineNo);
        m_changed.insert({l.locationId, l.skuId}, t.after);
        detail << heldText(l.lineNo, l.quantity, l.skuCode, l.locationCode);
    }
    QStringList audits;
    const QString head = at + u", "_s + text(actor.user) + u", 'order', "_s + order;
    const QString transition = u"(%1, 'transition', %2, %3, NULL, 'stock reserved')"_s.arg(
        head, text(orderStatusCode(OrderStatus::Validated)), routedCode);
    if (route == RouteStep::LinesAndAudit)
        audits << transition;
    if (!taken.isEmpty())
        audits << u"(%1, 'reserve', NULL, NULL, NULL, %2)"_s.arg(head, text(detail.join(u"; "_s)));
    if (route == RouteStep::All)
        audits << transition;
    if (!audits.isEmpty())
        sql += u"INSERT INTO audit_events (at, actor, entity, entity_id, action, from_state, to_state, "
               u"reason, detail) "
               "VALUES "_s +
               audits.join(u", "_s) + u';';
    if (!sql.isEmpty())
        SqlQuery::run(m_db, sql);
}

} // namespace ordo
