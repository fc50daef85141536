// ReservationService::record: the rows a reservation leaves (reservations, ledger), then the order's move to
// Routed with its lines and audit events (OrderTransitions), on SQLite with kept statements and on PostgreSQL
// in one round trip.
#include "ReservationService.h"
#include "orders/OrderTransitions.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo {

RoutedLines ReservationService::routedLines(qint64 orderId, const QList<Taken>& taken, bool earlierHolds) {
    RoutedLines order{orderId, {}, {}, earlierHolds};
    QStringList detail;
    for (const Taken& t : taken) {
        order.lineLocations.append({t.line.lineNo, t.line.locationId});
        detail << heldText(t.line.lineNo, t.line.quantity, t.line.skuCode, t.line.locationCode);
    }
    order.heldDetail = detail.join(u"; "_s);
    return order;
}

void ReservationService::record(qint64 orderId, const QList<Taken>& taken, const Actor& actor, qint64 now,
                                RouteStep route, bool noEarlierHolds) {
    if (m_db.engine() == Engine::Postgres) {
        recordInOneTrip(orderId, taken, actor, now, route, noEarlierHolds);
        return;
    }
    SqlQuery& reservation = prepared(
        m_insertReservation, u"INSERT INTO reservations (order_id, line_no, location_id, sku_id, quantity, "
                             "state, created_at, attempt) VALUES (:o, :n, :l, :s, :q, 'held', :now, :a)"_s);
    for (const Taken& t : taken) {
        const ReservedLine& l = t.line;
        reservation.bind(u":o"_s, orderId)
            .bind(u":n"_s, l.lineNo)
            .bind(u":l"_s, l.locationId)
            .bind(u":s"_s, l.skuId);
        reservation.bind(u":q"_s, l.quantity).bind(u":now"_s, now).bind(u":a"_s, t.attempt).exec();
        // One ledger row per reservation; its event id makes a second one impossible.
        writeLedger(t.eventId, l.locationId, l.skuId, u"reserve"_s, l.quantity, t.after, t.previousEventId,
                    QString(), actor, now);
    }
    // Moving the order to Routed without reading it again: reserveOne holds its lock and knows it is
    // Validated.
    m_transitions->recordRouted(routedLines(orderId, taken, !noEarlierHolds), route != RouteStep::None,
                                route == RouteStep::All, actor, now);
}

void ReservationService::recordInOneTrip(qint64 orderId, const QList<Taken>& taken, const Actor& actor,
                                         qint64 now, RouteStep route, bool noEarlierHolds) {
    // PostgreSQL: the positions taken stay locked until the commit, and under many clients every round trip
    // made while holding them (a hot SKU's row) holds up the others. So the rows a reservation leaves (the
    // same as record() writes on SQLite) go as one batch of statements in one round trip; the values are
    // literals.
    const auto text = [this](const QString& s) { return m_db.dialect().literal(QVariant(s)); };
    const QString order = QString::number(orderId);
    const QString at = QString::number(now);
    QString sql;
    for (const Taken& t : taken) {
        const ReservedLine& l = t.line;
        const QString location = QString::number(l.locationId);
        const QString sku = QString::number(l.skuId);
        const QString quantity = QString::number(l.quantity);
        sql +=
            u"INSERT INTO reservations (order_id, line_no, location_id, sku_id, quantity, state, created_at, "
            "attempt) VALUES (%1, %2, %3, %4, %5, 'held', %6, %7);"_s.arg(
                order, QString::number(l.lineNo), location, sku, quantity, at, QString::number(t.attempt));
        sql +=
            u"INSERT INTO inventory_events (event_id, location_id, sku_id, kind, quantity, on_hand_after, "
            "reserved_after, reason, occurred_at, recorded_at, actor, previous_event_id) VALUES (%1, %2, %3, "
            "'reserve', %4, %5, %6, NULL, %7, %7, %8, %9);"_s.arg(
                text(t.eventId), location, sku, quantity, QString::number(t.after.onHand),
                QString::number(t.after.reserved), at, text(actor.user),
                t.previousEventId.isEmpty() ? u"NULL"_s : text(t.previousEventId));
        m_changed.insert({l.locationId, l.skuId}, t.after);
    }
    sql += m_transitions->routedScript(routedLines(orderId, taken, !noEarlierHolds), route != RouteStep::None,
                                       route == RouteStep::All, actor, now);
    if (!sql.isEmpty())
        SqlQuery::run(m_db, sql);
}

} // namespace ordo
