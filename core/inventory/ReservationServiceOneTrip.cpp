// ReservationService::reserveInOneTrip: on PostgreSQL, an order reserved whole with its hot rows locked for
// no round trip of their own.
//
// Under many clients on one hot SKU the position's row lock is the bottleneck: every client queues behind the
// holder until it commits. Taken the ordinary way the lock is held across the round trips of the dependent
// rows and of COMMIT, and on a busy machine across the holder's time off the CPU between them. Here it takes
// two round trips after BEGIN:
//   1. the order is claimed (Validated -> Routed) and its open lines read, each with the location that would
//      take it now (named on the line, the pickup location, or the first by code with the units free);
//   2. one query string: the rows that do not depend on the stock's figures (reservations, the lines'
//      locations and status, the audit events), then the conditional UPDATE of every line's position with
//      the ledger rows selected from what it returned, then COMMIT. The hot rows are locked last and
//      released by the COMMIT in the same server call.
// The hold checks itself with ordo_require (schema step 6): when a line's UPDATE affected no row (a
// concurrent client took the stock since step 1) the statement fails, so the COMMIT after it never runs and
// nothing of the order is saved: an order is held whole or not at all, and no other client ever sees a
// partial hold. The caller then rolls back and reserves the ordinary way, which tries the next location or
// says what was short.
#include "Error.h"
#include "ReservationService.h"
#include "orders/OrderTransitions.h"
#include "storage/Database.h"
#include "storage/PositionLockOrder.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// What ordo_require raises when a line came up short. The prefix is the function's own (schema step 6): the
// statement's text, which holds the message as an argument, never has it, so only the raised error matches.
const QString shortInOneTrip = u"a line could not be held in one trip"_s;
const QString raisedShort = u"ordo_require: "_s + shortInOneTrip;

QString number(qint64 n) {
    return QString::number(n);
}

} // namespace

std::optional<ReservationOutcome> ReservationService::reserveInOneTrip(qint64 orderId, const Actor& actor,
                                                                       qint64 now, Transaction& tx) {
    const QString at = number(now);
    const QString order = number(orderId);
    // Values go into the text through the one quoting function (Dialect::literal).
    const auto text = [this](const QString& s) { return m_db.dialect().literal(QVariant(s)); };

    // Round trip 1: claim the order and read its open lines, each with the location it would be held at (as
    // take() chooses: named on the line, the pickup location, or the first by code with the units free).
    // Written with its values and planned afresh each time, and earlier holds looked up by the order's own
    // id: a plan kept since the reservations table was small, or a subquery correlated through the lines,
    // reads the whole table for them and grows slower with every order held.
    const QList<QVariantList> claimed = SqlQuery::rows(
        m_db,
        u"WITH c AS (%1) "
        "SELECT c.order_number, l.line_no, l.sku_id, l.sku_code, l.quantity, "
        "COALESCE(l.location_id, CASE WHEN c.delivery = 'pickup' THEN c.pickup_location_id END, "
        "(SELECT p.location_id FROM positions p JOIN locations k ON k.id = p.location_id "
        "WHERE p.sku_id = l.sku_id AND p.on_hand - p.reserved - p.safety_stock >= l.quantity "
        "ORDER BY k.code LIMIT 1)), "
        "EXISTS (SELECT 1 FROM reservations r WHERE r.order_id = %2 "
        "AND r.line_no = l.line_no AND r.state = 'held'), "
        "(SELECT COALESCE(max(a.attempt), 0) + 1 FROM reservations a WHERE a.order_id = %2) "
        "FROM c LEFT JOIN order_lines l ON l.order_id = c.id AND l.status <> 'cancelled' "
        "ORDER BY l.sku_id, l.line_no"_s.arg(m_transitions->claimRoutedSql(orderId, actor, now), order));
    QString orderNumber;
    QList<OpenLine> lines; // in SKU order, the order positions are locked in
    QSet<QPair<qint64, qint64>> positions;
    bool forThisPath = true;
    int attempt = 1; // this reservation attempt of the order, read under the claim's lock
    for (const QVariantList& row : claimed) {
        orderNumber = row.at(0).toString();
        attempt = row.at(7).toInt();
        const OpenLine line{row.at(1).toInt(), row.at(2).toLongLong(), row.at(3).toString(),
                            row.at(4).toLongLong(), row.at(5).toLongLong()};
        // No line, a SKU not in the catalogue, no location with the units free, a line held from before, two
        // lines on one position (one statement updates a row once): the ordinary way handles these.
        if (row.at(1).isNull() || row.at(2).isNull() || row.at(5).isNull() || row.at(6).toBool() ||
            positions.contains({line.locationId, line.skuId}))
            forThisPath = false;
        positions.insert({line.locationId, line.skuId});
        lines << line;
    }
    if (lines.isEmpty() || !forThisPath)
        return std::nullopt; // not Validated (or unknown), or not for this path: the ordinary way decides
    // The hold's UPDATEs run in line order below: the one global lock order of positions, (SKU, location)
    // (storage/PositionLockOrder.h).
    std::stable_sort(lines.begin(), lines.end(), [](const OpenLine& a, const OpenLine& b) {
        return positionLockedBefore(a.skuId, a.locationId, b.skuId, b.locationId);
    });
    if (m_locationsByCode.isEmpty())
        locationCode(0); // loads the location codes the audit and the outcome name

    // Round trip 2, first statement: what the hold leaves that does not depend on the stock's figures. Every
    // open line is one of those held: each moves with the order and records its location (OrderTransitions).
    QList<OpenLine> byNumber = lines;
    std::sort(byNumber.begin(), byNumber.end(),
              [](const OpenLine& a, const OpenLine& b) { return a.lineNo < b.lineNo; });
    const QString user = text(actor.user);
    QStringList reservations, detail;
    RoutedLines routed{orderId, {}, {}, false};
    for (const OpenLine& l : std::as_const(byNumber)) {
        reservations << u"(%1, %2, %3, %4, %5, 'held', %6, %7)"_s.arg(
            order, number(l.lineNo), number(l.locationId), number(l.skuId), number(l.quantity), at,
            number(attempt));
        routed.lineLocations.append({l.lineNo, l.locationId});
        detail << heldText(l.lineNo, l.quantity, l.skuCode, locationCode(l.locationId));
    }
    routed.heldDetail = detail.join(u"; "_s);
    const QString records =
        u"WITH r AS (INSERT INTO reservations "
        "(order_id, line_no, location_id, sku_id, quantity, state, created_at, attempt) VALUES "_s +
        reservations.join(u", "_s) + u"), "_s + m_transitions->routedTailSql(routed, actor, now);

    // Second statement: the hold, one conditional UPDATE per line, and its ledger rows in line order, each
    // with its event id (reserveEventId, which makes a second one impossible). The final SELECT reads
    // `checked` first, so that ordo_require runs even when no line was held at all.
    QStringList holds, heldNames;
    for (const OpenLine& l : std::as_const(lines)) {
        const QString name = u"h%1"_s.arg(l.lineNo);
        holds
            << u"%1 AS (UPDATE positions SET reserved = reserved + %2, updated_at = %3, "
               "prior_event_id = last_event_id, last_event_id = %7 "
               "WHERE location_id = %4 AND sku_id = %5 AND on_hand - reserved - safety_stock >= %2 "
               "RETURNING %6 AS line_no, %7::text AS event_id, location_id, sku_id, %2::bigint AS quantity, "
               "on_hand, reserved, safety_stock, prior_event_id)"_s.arg(
                   name, number(l.quantity), at, number(l.locationId), number(l.skuId), number(l.lineNo),
                   text(reserveEventId(orderId, attempt, l.lineNo, l.locationId)));
        heldNames << u"SELECT * FROM "_s + name;
    }
    const QString hold =
        u"WITH "_s + holds.join(u", "_s) + u", held AS ("_s + heldNames.join(u" UNION ALL "_s) +
        u"), checked AS (SELECT ordo_require(count(*) = %1, %2) AS ok FROM held), "
        "e AS (INSERT INTO inventory_events (event_id, location_id, sku_id, kind, quantity, "
        "on_hand_after, reserved_after, reason, occurred_at, recorded_at, actor, previous_event_id) "
        "SELECT h.event_id, h.location_id, h.sku_id, 'reserve', h.quantity, h.on_hand, h.reserved, NULL, "
        "%3, %3, %4, h.prior_event_id FROM held h, checked ORDER BY h.line_no) "
        "SELECT h.line_no, h.on_hand, h.reserved, h.safety_stock "
        "FROM checked LEFT JOIN held h ON true"_s.arg(number(lines.size()), text(shortInOneTrip), at, user);

    QList<QVariantList> rows;
    try {
        rows = tx.commitWith({records, hold});
    } catch (const Error& e) {
        if (e.message().contains(raisedShort))
            return std::nullopt;
        throw;
    }

    // Committed: ordo_require saw one held row per line, each returned here.
    ++m_oneTripHolds;
    ReservationOutcome outcome;
    outcome.orderId = orderId;
    outcome.orderNumber = orderNumber;
    outcome.routed = true;
    QHash<int, PositionFigures> after;
    for (const QVariantList& row : std::as_const(rows))
        after.insert(row.at(0).toInt(),
                     {row.at(1).toLongLong(), row.at(2).toLongLong(), row.at(3).toLongLong()});
    for (const OpenLine& l : std::as_const(byNumber)) {
        outcome.reserved << ReservedLine{l.lineNo,     l.skuCode, l.skuId, locationCode(l.locationId),
                                         l.locationId, l.quantity};
        if (after.contains(l.lineNo))
            m_changed.insert({l.locationId, l.skuId}, after.value(l.lineNo));
    }
    return outcome;
}

} // namespace ordo
