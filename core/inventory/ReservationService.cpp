#include "ReservationService.h"

#include "Error.h"
#include "inventory/PositionSink.h"
#include "orders/OrderTransitions.h"
#include "storage/Database.h"
#include "storage/PositionLockOrder.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

#include <QMap>
#include <QSet>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

void require(const Actor& actor, bool allowed, const QString& what) {
    if (!allowed)
        throw Error::denied(u"%1 (%2) may not %3"_s.arg(actor.user, roleCode(actor.role), what));
}

PositionFigures figuresOf(SqlQuery& q) {
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
}

} // namespace

ReservationService::ReservationService(Database& db, PositionSink* sink)
    : m_db(db)
    , m_sink(sink)
    , m_transitions(std::make_unique<OrderTransitions>(db)) {}

ReservationService::~ReservationService() = default;

SqlQuery& ReservationService::prepared(std::unique_ptr<SqlQuery>& slot, const QString& sql) {
    if (!slot)
        slot = std::make_unique<SqlQuery>(m_db, sql);
    return *slot;
}

template <typename Body> auto ReservationService::withRetry(Body body) -> decltype(body()) {
    if (m_db.transactionDepth() > 0)
        return body(); // the caller owns the unit of work, and its retry
    m_changed.clear(); // left by a caller's unit of work that was never published (rolled back)
    // A deadlock (PostgreSQL) or a busy database (SQLite) runs the whole unit again (TransactionRunner);
    // what a failed attempt changed in memory is forgotten, and the sink hears only what was committed.
    auto result = TransactionRunner(m_db).run([&] {
        m_changed.clear();
        return body();
    });
    publishChanges();
    return result;
}

void ReservationService::publishChanges() {
    const auto changed = std::exchange(m_changed, {});
    if (!m_sink)
        return;
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        m_sink->positionChanged(it.key().first, it.key().second, it.value());
}

QString ReservationService::locationCode(qint64 locationId) {
    if (!m_locationCodes.contains(locationId)) {
        m_locationCodes.clear();
        m_locationsByCode.clear();
        SqlQuery q(m_db, u"SELECT id, code FROM locations ORDER BY code"_s);
        q.exec();
        while (q.next()) {
            m_locationCodes.insert(q.value(0).toLongLong(), q.value(1).toString());
            m_locationsByCode.append({q.value(1).toString(), q.value(0).toLongLong()});
        }
    }
    const auto code = m_locationCodes.constFind(locationId);
    return code != m_locationCodes.cend() ? *code : u'#' + QString::number(locationId);
}

ReservationOutcome ReservationService::reserve(qint64 orderId, const Actor& actor, Mode mode) {
    require(actor, actor.may(Permission::AdvanceOrders), u"reserve stock for orders"_s);
    return withRetry([&] {
        const qint64 now = nowStoredTime();
        // PostgreSQL, an order on its own and whole: held and recorded by the statement that commits
        // (ReservationServiceOneTrip.cpp). When it cannot be, that unit rolls back and the way below decides.
        if (mode == Mode::Whole && m_db.engine() == Engine::Postgres && m_db.transactionDepth() == 0) {
            Transaction tx(m_db);
            if (std::optional<ReservationOutcome> done = reserveInOneTrip(orderId, actor, now, tx))
                return *done;
        }
        Transaction tx(m_db);
        ReservationOutcome outcome = reserveOne(orderId, actor, mode, now);
        tx.commit();
        return outcome;
    });
}

QList<ReservationOutcome> ReservationService::reserveMany(const QList<qint64>& orderIds, const Actor& actor,
                                                          int groupSize) {
    require(actor, actor.may(Permission::AdvanceOrders), u"reserve stock for orders"_s);
    groupSize = std::max(1, groupSize);
    QList<ReservationOutcome> outcomes;
    outcomes.reserve(orderIds.size());
    for (qsizetype start = 0; start < orderIds.size(); start += groupSize) {
        const QList<qint64> group = orderIds.mid(start, groupSize);
        outcomes += withRetry([&] {
            Transaction tx(m_db);
            QList<ReservationOutcome> done = reserveGroup(group, actor, nowStoredTime());
            tx.commit();
            return done;
        });
    }
    return outcomes;
}

SqlQuery& ReservationService::reserveStatement() {
    // Every UPDATE that a ledger row follows moves the position's chain on to that row's event id, and
    // returns where it ended before (schema step 7).
    return prepared(m_reserve,
                    u"UPDATE positions SET reserved = reserved + :q, updated_at = :now, "
                    "prior_event_id = last_event_id, last_event_id = :event "
                    "WHERE location_id = :l AND sku_id = :s AND on_hand - reserved - safety_stock >= :q2 "
                    "RETURNING on_hand, reserved, safety_stock, prior_event_id"_s);
}

QString ReservationService::reserveEventPrefix(qint64 orderId, int attempt, int lineNo) {
    // Concatenated rather than QString::arg: built for every line of every group reserved.
    return u"res:"_s + QString::number(orderId) + u'#' + QString::number(attempt) + u':' +
           QString::number(lineNo) + u':';
}

QString ReservationService::closeEventId(bool shipping, const StoredReservation& r) {
    return (shipping ? u"ship:"_s : u"rel:"_s) + QString::number(r.orderId) + u'#' +
           QString::number(r.attempt) + u':' + QString::number(r.lineNo) + u':' +
           QString::number(r.locationId);
}

QString ReservationService::heldText(int lineNo, qint64 quantity, const QString& skuCode,
                                     const QString& locationCode) {
    return u"line "_s + QString::number(lineNo) + u": "_s + QString::number(quantity) + u" x "_s + skuCode +
           u" at "_s + locationCode;
}

QString ReservationService::reserveEventId(qint64 orderId, int attempt, int lineNo, qint64 locationId) {
    return reserveEventPrefix(orderId, attempt, lineNo) + QString::number(locationId);
}

QList<qint64> ReservationService::validatedOrderIds(int limit) {
    SqlQuery q(m_db, u"SELECT id FROM orders WHERE status = 'validated' ORDER BY ordered_at, id"_s +
                         (limit > 0 ? u" LIMIT %1"_s.arg(limit) : QString()));
    q.exec();
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

ReservationOutcome ReservationService::reserveOne(qint64 orderId, const Actor& actor, Mode mode, qint64 now) {
    ReservationOutcome outcome;
    outcome.orderId = orderId;
    qint64 pickupLocation = 0;
    // One order on its own, all or nothing: move it to Routed in the statement that locks it, so that the
    // positions it then locks (hot rows under many clients) stay locked for as few statements as possible; a
    // shortage below rolls the move back with the rest.
    const bool routeFirst = mode == Mode::Whole;
    std::optional<LockedOrder> order;
    bool claimed = false;
    if (routeFirst) {
        order = m_transitions->claimRouted(orderId, actor, now);
        claimed = order.has_value();
        if (claimed)
            order->status = OrderStatus::Validated; // as it was found
    }
    if (!order) {
        // Lock the order first so that two processes never reserve one order twice: the second sees it Routed
        // once the first commits. Not claimed above: not Validated (refused below), or Validated only since
        // the claim looked (then it moves after its lines, as in Partial mode).
        order = m_transitions->lock(orderId);
        if (!order)
            throw Error::notFound(u"there is no order with id %1"_s.arg(orderId));
    }
    outcome.orderNumber = order->orderNumber;
    pickupLocation = order->pickupLocationId;
    if (order->status != OrderStatus::Validated) {
        // Reserving is not repeated: a routed order already holds its stock.
        throw Error::state(u"order %1 is %2; only validated orders have stock reserved"_s.arg(
            outcome.orderNumber, orderStatusCode(order->status)));
    }

    QSet<int> held; // lines held by an earlier partial reservation
    int attempt = 1;
    const QList<OpenLine> lines = openLines(orderId, held, attempt);

    QList<Taken> taken;
    for (const OpenLine& line : lines) {
        if (held.contains(line.lineNo))
            continue;
        QString shortage;
        std::optional<Taken> t;
        if (line.skuId == 0)
            shortage = u"line %1: SKU %2 is not in the catalogue"_s.arg(line.lineNo).arg(line.skuCode);
        else
            t = take(orderId, attempt, line, pickupLocation, now, shortage);
        if (t) {
            taken << *t;
            continue;
        }
        outcome.shortages << shortage;
        if (mode == Mode::Whole)
            break;
    }
    if (!outcome.shortages.isEmpty() &&
        mode == Mode::Whole) // the caller's Transaction rolls back what was taken
        throw Error::state(u"order %1 cannot be reserved whole, nothing was held: %2"_s.arg(
            outcome.orderNumber, outcome.shortages.join(u"; "_s)));
    std::sort(taken.begin(), taken.end(),
              [](const Taken& a, const Taken& b) { return a.line.lineNo < b.line.lineNo; });
    const bool routed = outcome.shortages.isEmpty();
    record(orderId, taken, actor, now,
           routed ? (claimed ? RouteStep::LinesAndAudit : RouteStep::All) : RouteStep::None, held.isEmpty());
    for (const Taken& t : taken)
        outcome.reserved << t.line;
    outcome.routed = routed;
    return outcome;
}

QList<ReservationService::OpenLine> ReservationService::openLines(qint64 orderId, QSet<int>& held,
                                                                  int& attempt) {
    QList<OpenLine> lines;
    SqlQuery& open = prepared(
        m_openLines, u"SELECT l.line_no, l.sku_id, l.sku_code, l.quantity, l.location_id, "
                     // Earlier holds by the order's own id, not through the line: the
                     // correlated form reads all reservations on PostgreSQL.
                     "EXISTS (SELECT 1 FROM reservations r WHERE r.order_id = :held "
                     "AND r.line_no = l.line_no AND r.state = 'held'), "
                     // Computed once (not correlated), under the order's lock.
                     "(SELECT COALESCE(MAX(a.attempt), 0) FROM reservations a WHERE a.order_id = :tries) "
                     "FROM order_lines l "
                     "WHERE l.order_id = :id AND l.status <> 'cancelled' ORDER BY l.line_no"_s);
    open.bind(u":held"_s, orderId).bind(u":tries"_s, orderId).bind(u":id"_s, orderId).exec();
    attempt = 1;
    while (open.next()) {
        lines << OpenLine{open.value(0).toInt(), open.value(1).toLongLong(), open.value(2).toString(),
                          open.value(3).toLongLong(), open.value(4).toLongLong()};
        if (open.value(5).toBool())
            held.insert(lines.last().lineNo);
        attempt = open.value(6).toInt() + 1;
    }
    open.raw().finish();
    // Positions are locked in one global order, (SKU, location), by every writer
    // (storage/PositionLockOrder.h).
    std::stable_sort(lines.begin(), lines.end(), [](const OpenLine& a, const OpenLine& b) {
        return positionLockedBefore(a.skuId, a.locationId, b.skuId, b.locationId);
    });
    return lines;
}

std::optional<ReservationService::Taken> ReservationService::take(qint64 orderId, int attempt,
                                                                  const OpenLine& line, qint64 namedLocation,
                                                                  qint64 now, QString& shortage) {
    if (m_locationsByCode.isEmpty())
        locationCode(0); // loads the locations
    QList<qint64> tries;
    if (line.locationId != 0 || namedLocation != 0) {
        tries << (line.locationId != 0 ? line.locationId : namedLocation);
    } else {
        // Usually the first location by code that has the units free takes the line: chosen and held in one
        // conditional UPDATE. Its condition is checked again on the row it locks, so a concurrent writer that
        // took the stock in between makes it affect nothing, and the locations are then tried one by one.
        SqlQuery& first =
            prepared(m_reserveFirst,
                     u"UPDATE positions SET reserved = reserved + :q, updated_at = :now, "
                     "prior_event_id = last_event_id, "
                     "last_event_id = CAST(:prefix AS TEXT) || CAST(location_id AS TEXT) "
                     "WHERE sku_id = :s AND on_hand - reserved - safety_stock >= :q2 AND location_id = "
                     "(SELECT p.location_id FROM positions p JOIN locations c ON c.id = p.location_id "
                     "WHERE p.sku_id = :s2 AND p.on_hand - p.reserved - p.safety_stock >= :q3 "
                     "ORDER BY c.code LIMIT 1) "
                     "RETURNING location_id, on_hand, reserved, safety_stock, prior_event_id"_s);
        first.bind(u":q"_s, line.quantity)
            .bind(u":now"_s, now)
            .bind(u":prefix"_s, reserveEventPrefix(orderId, attempt, line.lineNo));
        first.bind(u":s"_s, line.skuId).bind(u":q2"_s, line.quantity);
        first.bind(u":s2"_s, line.skuId).bind(u":q3"_s, line.quantity).exec();
        if (first.next()) {
            const qint64 locationId = first.value(0).toLongLong();
            const PositionFigures after{first.value(1).toLongLong(), first.value(2).toLongLong(),
                                        first.value(3).toLongLong()};
            const QString previous = first.value(4).toString();
            first.raw().finish();
            return Taken{
                {line.lineNo, line.skuCode, line.skuId, locationCode(locationId), locationId, line.quantity},
                after,
                previous,
                reserveEventId(orderId, attempt, line.lineNo, locationId),
                attempt};
        }
        first.raw().finish();
        // Where the line could be covered now; the conditional UPDATE below is what decides.
        SqlQuery& c = prepared(m_candidates, u"SELECT location_id FROM positions WHERE sku_id = :s "
                                             "AND on_hand - reserved - safety_stock >= :q"_s);
        c.bind(u":s"_s, line.skuId).bind(u":q"_s, line.quantity).exec();
        QSet<qint64> free;
        while (c.next())
            free.insert(c.value(0).toLongLong());
        c.raw().finish();
        for (qint64 id : std::as_const(free))
            locationCode(id); // a location added since the cache was filled reloads it
        for (const auto& [code, id] : std::as_const(m_locationsByCode))
            if (free.contains(id))
                tries << id;
    }
    SqlQuery& reserve = reserveStatement();
    for (qint64 locationId : std::as_const(tries)) {
        reserve.bind(u":q"_s, line.quantity).bind(u":now"_s, now).bind(u":l"_s, locationId);
        const QString eventId = reserveEventId(orderId, attempt, line.lineNo, locationId);
        reserve.bind(u":event"_s, eventId);
        reserve.bind(u":s"_s, line.skuId).bind(u":q2"_s, line.quantity).exec();
        const bool affected = reserve.next(); // the returned row is the affected row
        if (affected) {
            const PositionFigures after = figuresOf(reserve);
            const QString previous = reserve.value(3).toString();
            reserve.raw().finish();
            return Taken{
                {line.lineNo, line.skuCode, line.skuId, locationCode(locationId), locationId, line.quantity},
                after,
                previous,
                eventId,
                attempt};
        }
        reserve.raw().finish();
    }

    // Say what was free, so that a person can act.
    SqlQuery& available =
        prepared(m_available, u"SELECT location_id, on_hand - reserved - safety_stock FROM positions "
                              "WHERE sku_id = :s"_s);
    available.bind(u":s"_s, line.skuId).exec();
    QList<QPair<qint64, qint64>> rows; // read to the end before looking up codes: one result at a time
    while (available.next())
        rows.append({available.value(0).toLongLong(), std::max<qint64>(0, available.value(1).toLongLong())});
    available.raw().finish();
    QMap<QString, qint64> free;
    for (const auto& [id, units] : std::as_const(rows))
        free.insert(locationCode(id), units);
    if (tries.size() == 1 && (line.locationId != 0 || namedLocation != 0)) {
        const QString code = locationCode(tries.first());
        shortage = u"line %1: %2 x %3 cannot be covered at %4 (free: %5)"_s.arg(line.lineNo)
                       .arg(line.quantity)
                       .arg(line.skuCode, code)
                       .arg(free.value(code, 0));
        return std::nullopt;
    }
    QStringList where;
    for (auto it = free.cbegin(); it != free.cend(); ++it)
        where << u"%1 %2"_s.arg(it.key()).arg(it.value());
    shortage = u"line %1: %2 x %3 cannot be covered at any location (free: %4)"_s.arg(line.lineNo)
                   .arg(line.quantity)
                   .arg(line.skuCode, where.isEmpty() ? u"no stock anywhere"_s : where.join(u", "_s));
    return std::nullopt;
}

void ReservationService::writeLedger(const QString& eventId, qint64 locationId, qint64 skuId,
                                     const QString& kind, qint64 quantity, const PositionFigures& after,
                                     const QString& previousEventId, const QString& reason,
                                     const Actor& actor, qint64 now) {
    SqlQuery& q = prepared(m_insertEvent,
                           u"INSERT INTO inventory_events (event_id, location_id, sku_id, kind, quantity, "
                           "on_hand_after, reserved_after, reason, occurred_at, recorded_at, actor, "
                           "previous_event_id) VALUES (:event, :l, :s, :kind, :q, :onhand, :reserved, "
                           ":reason, :at, :now, :actor, :previous)"_s);
    q.bind(u":event"_s, eventId).bind(u":l"_s, locationId).bind(u":s"_s, skuId).bind(u":kind"_s, kind);
    q.bind(u":q"_s, quantity).bind(u":onhand"_s, after.onHand).bind(u":reserved"_s, after.reserved);
    q.bind(u":reason"_s, reason.isEmpty() ? nullString() : QVariant(reason))
        .bind(u":at"_s, now)
        .bind(u":now"_s, now);
    q.bind(u":actor"_s, actor.user);
    q.bind(u":previous"_s, previousEventId.isEmpty() ? nullString() : QVariant(previousEventId)).exec();
    m_changed.insert({locationId, skuId}, after);
}

int ReservationService::release(qint64 orderId, const Actor& actor, const QString& reason,
                                const QList<int>& lineNos) {
    require(actor, actor.may(Permission::AdvanceOrders) || actor.may(Permission::CancelOrders),
            u"release reserved stock"_s);
    return withRetry([&] { return close(orderId, actor, lineNos, false, reason); });
}

int ReservationService::ship(qint64 orderId, const Actor& actor, const QList<int>& lineNos) {
    require(actor, actor.may(Permission::AdvanceOrders), u"ship reserved stock"_s);
    return withRetry([&] { return close(orderId, actor, lineNos, true, u"shipped"_s); });
}

int ReservationService::close(qint64 orderId, const Actor& actor, const QList<int>& lineNos, bool shipping,
                              const QString& reason) {
    Transaction tx(m_db);
    const qint64 now = nowStoredTime();
    QList<StoredReservation> all = forOrder(orderId);
    // Positions are changed in the one global lock order, (SKU, location) (storage/PositionLockOrder.h).
    std::stable_sort(all.begin(), all.end(), [](const StoredReservation& a, const StoredReservation& b) {
        return positionLockedBefore(a.skuId, a.locationId, b.skuId, b.locationId);
    });
    SqlQuery& change =
        shipping ? prepared(m_ship,
                            u"UPDATE positions SET on_hand = on_hand - :q, reserved = reserved - :q2, "
                            u"updated_at = :now, "
                            "prior_event_id = last_event_id, last_event_id = :event "
                            "WHERE location_id = :l AND sku_id = :s AND reserved >= :q3 AND on_hand >= :q4 "
                            "RETURNING on_hand, reserved, safety_stock, prior_event_id"_s)
                 : prepared(m_release, u"UPDATE positions SET reserved = reserved - :q, updated_at = :now, "
                                       "prior_event_id = last_event_id, last_event_id = :event "
                                       "WHERE location_id = :l AND sku_id = :s AND reserved >= :q2 "
                                       "RETURNING on_hand, reserved, safety_stock, prior_event_id"_s);
    SqlQuery& closeRow =
        prepared(m_closeReservation, u"UPDATE reservations SET state = :state, closed_at = :now "
                                     "WHERE id = :id AND state = 'held'"_s);
    const QString kind = shipping ? u"ship"_s : u"release"_s;
    QList<std::pair<std::pair<int, qint64>, QString>> detail; // by (line, location), as people read it
    for (const StoredReservation& r : all) {
        if (r.state != u"held"_s || (!lineNos.isEmpty() && !lineNos.contains(r.lineNo)))
            continue;
        const QString eventId = closeEventId(shipping, r);
        change.bind(u":q"_s, r.quantity).bind(u":q2"_s, r.quantity).bind(u":now"_s, now);
        change.bind(u":event"_s, eventId).bind(u":l"_s, r.locationId).bind(u":s"_s, r.skuId);
        if (shipping)
            change.bind(u":q3"_s, r.quantity).bind(u":q4"_s, r.quantity);
        change.exec();
        if (!change.next()) {
            change.raw().finish();
            throw Error::state(
                u"order %1 line %2: the position at %3 holds fewer than the %4 units reserved for it"_s
                    .arg(orderId)
                    .arg(r.lineNo)
                    .arg(locationCode(r.locationId))
                    .arg(r.quantity));
        }
        const PositionFigures after = figuresOf(change);
        const QString previous = change.value(3).toString();
        change.raw().finish();
        closeRow.bind(u":state"_s, shipping ? u"shipped"_s : u"released"_s)
            .bind(u":now"_s, now)
            .bind(u":id"_s, r.id);
        closeRow.exec();
        writeLedger(eventId, r.locationId, r.skuId, kind, r.quantity, after, previous, reason, actor, now);
        detail.append({{r.lineNo, r.locationId},
                       u"line %1: %2 at %3"_s.arg(r.lineNo).arg(r.quantity).arg(locationCode(r.locationId))});
    }
    if (!detail.isEmpty()) {
        std::sort(detail.begin(), detail.end());
        QStringList text;
        for (const auto& [key, line] : std::as_const(detail))
            text << line;
        m_transitions->note(orderId, shipping ? u"ship-stock"_s : u"release-stock"_s, reason,
                            text.join(u"; "_s), actor, now);
    }
    tx.commit();
    return int(detail.size());
}

QList<StoredReservation> ReservationService::forOrder(qint64 orderId) {
    SqlQuery q(m_db, u"SELECT id, line_no, location_id, sku_id, quantity, state, attempt FROM reservations "
                     "WHERE order_id = :o ORDER BY attempt, line_no, location_id"_s);
    q.bind(u":o"_s, orderId).exec();
    QList<StoredReservation> rows;
    while (q.next())
        rows << StoredReservation{q.value(0).toLongLong(), orderId,
                                  q.value(1).toInt(),      q.value(2).toLongLong(),
                                  q.value(3).toLongLong(), q.value(4).toLongLong(),
                                  q.value(5).toString(),   q.value(6).toInt()};
    return rows;
}

} // namespace ordo
