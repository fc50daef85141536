// ReservationService::reserveGroup: many orders in one unit of work, read and written set at a time. The
// group's figures are read under its locks, each line is placed in memory, and then every position the group
// takes from is held by a conditional UPDATE of the group's whole claim on it (one kept statement per
// position on SQLite, one statement over all of them on PostgreSQL): each returned row is the proof that its
// stock was free.
#include "Error.h"
#include "ReservationService.h"
#include "orders/OrderTransitions.h"
#include "storage/Database.h"
#include "storage/KeyLookup.h"
#include "storage/PositionLockOrder.h"
#include "storage/RowWriter.h"
#include "storage/SqlQuery.h"

#include <QMap>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

qint64 freeUnits(const PositionFigures& f) {
    return f.onHand - f.reserved - f.safetyStock;
}

} // namespace

// What the group read of the positions of its SKUs, kept up to date as lines are placed and handed back.
struct ReservationService::GroupStock {
    QHash<QPair<qint64, qint64>, PositionFigures> figures; // (location, SKU)
    QHash<qint64, QList<qint64>> locationsBySku;      // SKU -> location ids with a position, in code order
    QHash<QPair<qint64, qint64>, QString> lastEvents; // (location, SKU) -> where its ledger chain ends
};

QList<ReservationOutcome> ReservationService::reserveGroup(const QList<qint64>& group, const Actor& actor,
                                                           qint64 now) {
    QList<qint64> sorted = group;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    if (m_locationsByCode.isEmpty())
        locationCode(0); // loads the locations
    // PostgreSQL locks rows as statements reach them. Every group takes its orders' locks first, in id order,
    // then every position of its SKUs, in (SKU, location) order: one lock order for all workers, so no
    // deadlock, and no other process reserves the group's orders twice or changes the figures read here
    // before commit. SQLite's write transaction already excludes other writers.
    const QString forUpdate = m_db.engine() == Engine::Postgres ? u" FOR UPDATE"_s : QString();

    struct Head {
        QString status;
        QString number;
        qint64 pickupLocation = 0;
    };
    QHash<qint64, Head> heads;
    QList<qint64> validated; // sorted
    // Each read is a few kept statements over chunks of sorted keys (lookUpKeys), so PostgreSQL's row locks
    // are still taken in one global order.
    const QString validatedCode = orderStatusCode(OrderStatus::Validated);
    lookUpKeys(m_db, u"SELECT id, status, order_number, delivery, pickup_location_id FROM orders WHERE id"_s,
               sorted, u" ORDER BY id"_s + forUpdate, QVariant(), [&](auto& q) {
                   const qint64 id = q.value(0).toLongLong();
                   Head head{q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toString() == u"pickup"_s ? q.value(4).toLongLong() : 0};
                   if (head.status == validatedCode)
                       validated << id;
                   heads.insert(id, std::move(head));
               });

    QHash<qint64, QList<OpenLine>> linesByOrder;
    QSet<QPair<qint64, int>> held; // (order, line) held by an earlier partial reservation
    QList<qint64> skus;
    GroupStock stock;
    QSet<qint64> seen;
    lookUpKeys(m_db,
               u"SELECT order_id, line_no, sku_id, sku_code, quantity, location_id FROM order_lines "
               "WHERE status <> 'cancelled' AND order_id"_s,
               validated, u" ORDER BY order_id, line_no"_s, QVariant(), [&](auto& q) {
                   const OpenLine line{q.value(1).toInt(), q.value(2).toLongLong(), q.value(3).toString(),
                                       q.value(4).toLongLong(), q.value(5).toLongLong()};
                   linesByOrder[q.value(0).toLongLong()].append(line);
                   if (line.skuId != 0 && !seen.contains(line.skuId)) {
                       seen.insert(line.skuId);
                       skus << line.skuId;
                   }
               });
    QHash<qint64, int> attempts; // order -> the highest attempt of its reservations so far
    lookUpKeys(m_db, u"SELECT order_id, line_no, state, attempt FROM reservations WHERE order_id"_s,
               validated, QString(), QVariant(), [&](auto& q) {
                   const qint64 order = q.value(0).toLongLong();
                   if (q.value(2).toString() == u"held"_s)
                       held.insert({order, q.value(1).toInt()});
                   int& highest = attempts[order];
                   highest = std::max(highest, q.value(3).toInt());
               });
    if (!skus.isEmpty()) {
        std::sort(skus.begin(), skus.end());
        // The order matters only where rows are locked as they are read; SQLite would sort for nothing (each
        // SKU's locations are put in code order below).
        const QString lockInOrder =
            forUpdate.isEmpty() ? QString() : u" ORDER BY sku_id, location_id"_s + forUpdate;
        lookUpKeys(
            m_db,
            u"SELECT sku_id, location_id, on_hand, reserved, safety_stock, last_event_id FROM positions "
            "WHERE sku_id"_s,
            skus, lockInOrder, QVariant(), [&](auto& q) {
                const qint64 sku = q.value(0).toLongLong();
                const qint64 location = q.value(1).toLongLong();
                stock.figures.insert({location, sku}, {q.value(2).toLongLong(), q.value(3).toLongLong(),
                                                       q.value(4).toLongLong()});
                stock.locationsBySku[sku].append(location);
                const QVariant last = q.value(5);
                if (!last.isNull())
                    stock.lastEvents.insert({location, sku}, last.toString());
            });
        // Each SKU's locations in code order, the order a line without a named location tries them in.
        QSet<qint64> locations;
        for (const QList<qint64>& ids : std::as_const(stock.locationsBySku))
            for (qint64 id : ids)
                locations.insert(id);
        for (qint64 id : std::as_const(locations))
            locationCode(id); // a location added since the cache was filled reloads it
        QHash<qint64, int> rank;
        for (const auto& [code, id] : std::as_const(m_locationsByCode))
            rank.insert(id, int(rank.size()));
        const int unknown = int(rank.size()); // a position at a location not in the table sorts last
        for (QList<qint64>& ids : stock.locationsBySku)
            std::sort(ids.begin(), ids.end(),
                      [&](qint64 a, qint64 b) { return rank.value(a, unknown) < rank.value(b, unknown); });
    }

    QList<ReservationOutcome> outcomes;
    outcomes.reserve(group.size());
    QList<std::pair<qint64, QList<Taken>>> routed; // (order, lines taken), in group order
    QList<qint64> withEarlierHolds;                // routed orders with lines held by an earlier call
    for (qint64 orderId : group) {
        ReservationOutcome outcome;
        outcome.orderId = orderId;
        const auto head = heads.find(orderId);
        if (head == heads.end()) {
            outcome.refusal = u"there is no order with id %1"_s.arg(orderId);
            outcomes << outcome;
            continue;
        }
        outcome.orderNumber = head->number;
        if (head->status != orderStatusCode(OrderStatus::Validated)) {
            outcome.refusal = u"order %1 is %2; only validated orders have stock reserved"_s.arg(
                outcome.orderNumber, head->status);
            outcomes << outcome;
            continue;
        }
        QList<OpenLine> lines = linesByOrder.value(orderId);
        // The same order the single path takes its positions in.
        std::stable_sort(lines.begin(), lines.end(), [](const OpenLine& a, const OpenLine& b) {
            return positionLockedBefore(a.skuId, a.locationId, b.skuId, b.locationId);
        });
        const int attempt = attempts.value(orderId) + 1;
        QList<Taken> taken;
        bool earlierHolds = false;
        for (const OpenLine& line : std::as_const(lines)) {
            if (held.contains({orderId, line.lineNo})) {
                earlierHolds = true;
                continue;
            }
            QString shortage;
            std::optional<Taken> t;
            if (line.skuId == 0)
                shortage = u"line %1: SKU %2 is not in the catalogue"_s.arg(line.lineNo).arg(line.skuCode);
            else
                t = placeInGroup(line, head->pickupLocation, stock, shortage);
            if (t) {
                t->attempt = attempt;
                taken << *t;
                continue;
            }
            outcome.shortages << shortage;
            break; // each order whole
        }
        if (!outcome.shortages.isEmpty()) {
            for (const Taken& t : std::as_const(taken))
                stock.figures[{t.line.locationId, t.line.skuId}].reserved -= t.line.quantity;
            outcomes << outcome;
            continue;
        }
        std::sort(taken.begin(), taken.end(),
                  [](const Taken& a, const Taken& b) { return a.line.lineNo < b.line.lineNo; });
        for (const Taken& t : std::as_const(taken))
            outcome.reserved << t.line;
        outcome.routed = true;
        head->status = orderStatusCode(OrderStatus::Routed); // the same id again in this group is refused
        outcomes << outcome;
        routed.append({orderId, taken});
        if (earlierHolds)
            withEarlierHolds << orderId;
    }
    chainGroup(routed, stock);
    holdGroup(routed, stock, now);
    recordGroup(routed, withEarlierHolds, actor, now);
    return outcomes;
}

std::optional<ReservationService::Taken> ReservationService::placeInGroup(const OpenLine& line,
                                                                          qint64 namedLocation,
                                                                          GroupStock& stock,
                                                                          QString& shortage) {
    // The figures were read under the group's locks (or SQLite's write lock) and are kept up to date as lines
    // are placed, so they say exactly where each line fits, in location code order. Nothing is written here:
    // holdGroup() holds what the group placed, with the conditional UPDATE as the proof.
    const qint64 named = line.locationId != 0 ? line.locationId : namedLocation;
    auto fits = [&](qint64 locationId) {
        const auto f = stock.figures.constFind({locationId, line.skuId});
        return f != stock.figures.cend() && freeUnits(*f) >= line.quantity;
    };
    qint64 chosen = 0;
    if (named != 0) {
        if (fits(named))
            chosen = named;
    } else {
        // Only known locations, as the single path's JOIN on locations has it.
        for (qint64 id : stock.locationsBySku.value(line.skuId))
            if (m_locationCodes.contains(id) && fits(id)) {
                chosen = id;
                break;
            }
    }
    if (chosen != 0) {
        PositionFigures& figures = stock.figures[{chosen, line.skuId}];
        figures.reserved += line.quantity;
        return Taken{{line.lineNo, line.skuCode, line.skuId, locationCode(chosen), chosen, line.quantity},
                     figures,
                     QString(),
                     QString(), // chainGroup names and links it once the group is placed
                     1};        // reserveGroup sets the order's attempt
    }

    // Say what was free, so that a person can act.
    QMap<QString, qint64> free;
    for (qint64 id : stock.locationsBySku.value(line.skuId))
        free.insert(locationCode(id), std::max<qint64>(0, freeUnits(stock.figures.value({id, line.skuId}))));
    if (named != 0) {
        const QString code = locationCode(named);
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

void ReservationService::chainGroup(QList<std::pair<qint64, QList<Taken>>>& routed, GroupStock& stock) {
    // Each ledger row links to the position's event before it, in the order recordGroup writes them (orders
    // in group order, lines by number), and the position's chain ends with the last of them.
    for (auto& [orderId, taken] : routed)
        for (Taken& t : taken) {
            QString& last = stock.lastEvents[{t.line.locationId, t.line.skuId}];
            t.previousEventId = last;
            t.eventId = reserveEventId(orderId, t.attempt, t.line.lineNo, t.line.locationId);
            last = t.eventId;
        }
}

void ReservationService::holdGroup(const QList<std::pair<qint64, QList<Taken>>>& routed,
                                   const GroupStock& stock, qint64 now) {
    // What the group takes from each position, summed: one row per position, so that the UPDATE below matches
    // each position once and its condition checks the group's whole claim on it.
    QMap<QPair<qint64, qint64>, qint64>
        claims; // (SKU, location) -> units, in the order the group locked them
    for (const auto& [orderId, taken] : routed)
        for (const Taken& t : taken)
            claims[{t.line.skuId, t.line.locationId}] += t.line.quantity;
    if (claims.isEmpty())
        return;
    // Each returned row is the proof for its position: its figures must be the ones the group placed against.
    qsizetype held = 0;
    const auto check = [&](qint64 location, qint64 sku, qint64 onHand, qint64 reserved) {
        const PositionFigures expected = stock.figures.value({location, sku});
        if (onHand != expected.onHand || reserved != expected.reserved)
            throw Error::storage(u"the stock of SKU %1 at %2 changed while a group of orders was reserved "
                                 "(reserved %3, expected %4); nothing was reserved"_s.arg(sku)
                                     .arg(locationCode(location))
                                     .arg(reserved)
                                     .arg(expected.reserved));
        ++held;
    };
    // ARCHITECTURE.md decision 4: every position is raised only where its free stock covers the group's
    // claim, and its chain ends with the event chainGroup named last for it. On SQLite one kept statement per
    // position (no round trip to save, and no large literal to parse); on PostgreSQL one statement over all
    // of them.
    if (SqliteStatement::usable(m_db)) {
        SqliteStatement q(m_db,
                          u"UPDATE positions SET reserved = reserved + ?, updated_at = ?, "
                          "prior_event_id = last_event_id, last_event_id = ? "
                          "WHERE location_id = ? AND sku_id = ? AND on_hand - reserved - safety_stock >= ? "
                          "RETURNING on_hand, reserved"_s);
        q.bind(1, now);
        for (auto it = claims.cbegin(); it != claims.cend(); ++it) {
            const qint64 sku = it.key().first, location = it.key().second;
            q.bind(0, it.value());
            q.bind(2, stock.lastEvents.value({location, sku}));
            q.bind(3, location);
            q.bind(4, sku);
            q.bind(5, it.value());
            if (q.step())
                check(location, sku, q.int64(0), q.int64(1));
        }
    } else {
        const auto text = [this](const QString& s) { return m_db.dialect().literal(QVariant(s)); };
        QString values;
        values.reserve(claims.size() * 40);
        for (auto it = claims.cbegin(); it != claims.cend(); ++it) {
            if (!values.isEmpty())
                values += u',';
            values += u'(' + QString::number(it.key().second) + u',' + QString::number(it.key().first) +
                      u',' + QString::number(it.value()) + u',' +
                      text(stock.lastEvents.value({it.key().second, it.key().first})) + u')';
        }
        SqlQuery q(
            m_db,
            u"UPDATE positions SET reserved = positions.reserved + v.column3, updated_at = %1, "
            "prior_event_id = positions.last_event_id, last_event_id = v.column4 "
            "FROM (VALUES %2) AS v WHERE positions.location_id = v.column1 AND positions.sku_id = "
            "v.column2 AND positions.on_hand - positions.reserved - positions.safety_stock >= v.column3 "
            "RETURNING positions.location_id, positions.sku_id, positions.on_hand, positions.reserved"_s
                .arg(now)
                .arg(values));
        q.exec();
        while (q.next())
            check(q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                  q.value(3).toLongLong());
    }
    if (held != claims.size())
        throw Error::storage(
            u"%1 of the %2 positions a group of orders takes from no longer had the stock read "
            "under its locks; nothing was reserved"_s.arg(claims.size() - held)
                .arg(claims.size()));
}

void ReservationService::recordGroup(const QList<std::pair<qint64, QList<Taken>>>& routed,
                                     const QList<qint64>& withEarlierHolds, const Actor& actor, qint64 now) {
    if (routed.isEmpty())
        return;
    // Each held line is one reservations row and one ledger row (its event id makes a second one impossible),
    // in a few multi-row statements for the whole group; then OrderTransitions moves the orders and their
    // lines to Routed at the locations they were reserved at, with their audit events.
    RowWriter reservations(m_db, u"reservations"_s,
                           {u"order_id"_s, u"line_no"_s, u"location_id"_s, u"sku_id"_s, u"quantity"_s,
                            u"state"_s, u"created_at"_s, u"attempt"_s},
                           100);
    RowWriter ledger(m_db, u"inventory_events"_s,
                     {u"event_id"_s, u"location_id"_s, u"sku_id"_s, u"kind"_s, u"quantity"_s,
                      u"on_hand_after"_s, u"reserved_after"_s, u"reason"_s, u"occurred_at"_s,
                      u"recorded_at"_s, u"actor"_s, u"previous_event_id"_s},
                     50);
    const QVariant null = nullString();
    const QVariant held(u"held"_s), reserveKind(u"reserve"_s), by(actor.user), at(now);
    const QSet<qint64> earlier(withEarlierHolds.cbegin(), withEarlierHolds.cend());
    QList<RoutedLines> orders;
    orders.reserve(routed.size());
    for (const auto& [orderId, taken] : routed) {
        for (const Taken& t : taken) {
            const ReservedLine& l = t.line;
            reservations.add({orderId, l.lineNo, l.locationId, l.skuId, l.quantity, held, at, t.attempt});
            ledger.add({t.eventId, l.locationId, l.skuId, reserveKind, l.quantity, t.after.onHand,
                        t.after.reserved, null, at, at, by,
                        t.previousEventId.isEmpty() ? null : QVariant(t.previousEventId)});
            m_changed.insert({l.locationId, l.skuId}, t.after);
        }
        orders << routedLines(orderId, taken, earlier.contains(orderId));
    }
    reservations.flush();
    ledger.flush();
    m_transitions->recordRoutedGroup(orders, actor, now);
}

} // namespace ordo
