#include "OrderTransitions.h"

#include "Error.h"
#include "orders/OrderRepository.h"
#include "orders/OrderStateMachine.h"
#include "storage/BulkInsert.h"
#include "storage/Database.h"
#include "storage/RowWriter.h"
#include "storage/SqlQuery.h"
#include "storage/SqliteStatement.h"
#include "storage/TimeCodec.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QVariant textOrNull(const QString& s) {
    return s.isEmpty() ? nullString() : QVariant(s);
}

QString refusal(qint64 orderId, OrderStatus from, OrderStatus to) {
    return u"order %1 is %2 and cannot move to %3"_s.arg(orderId).arg(orderStatusCode(from),
                                                                      orderStatusCode(to));
}

QString idList(const QList<qint64>& ids) {
    QString list;
    for (qint64 id : ids) {
        if (!list.isEmpty())
            list += u',';
        list += QString::number(id);
    }
    return list;
}

const QString auditInsert =
    u"INSERT INTO audit_events (at, actor, entity, entity_id, action, from_state, to_state, "
    "reason, detail) VALUES "_s;
const QStringList auditColumns{u"at"_s,         u"actor"_s,    u"entity"_s, u"entity_id"_s, u"action"_s,
                               u"from_state"_s, u"to_state"_s, u"reason"_s, u"detail"_s};
const QString stockReserved = u"stock reserved"_s;

} // namespace

OrderTransitions::OrderTransitions(Database& db)
    : m_db(db)
    , m_orders(std::make_unique<OrderRepository>(db)) {}

OrderTransitions::~OrderTransitions() = default;

SqlQuery& OrderTransitions::prepared(std::unique_ptr<SqlQuery>& slot, const QString& sql) {
    if (!slot)
        slot = std::make_unique<SqlQuery>(m_db, sql);
    return *slot;
}

Permission OrderTransitions::permissionFor(TransitionCause cause) {
    switch (cause) {
    case TransitionCause::Capture:
        return Permission::CaptureOrders;
    case TransitionCause::Correction:
    case TransitionCause::Hold:
    case TransitionCause::Release:
        return Permission::ResolveExceptions;
    case TransitionCause::Cancel:
        return Permission::CancelOrders;
    case TransitionCause::Routing:
    case TransitionCause::Fulfilment:
        return Permission::AdvanceOrders;
    }
    return Permission::AdvanceOrders;
}

void OrderTransitions::require(const Actor& actor, TransitionCause cause, const QString& what) const {
    if (!actor.may(permissionFor(cause)))
        throw Error::denied(u"%1 (%2) may not %3"_s.arg(actor.user, roleCode(actor.role), what));
}

void OrderTransitions::requireRouting(const Actor& actor) {
    require(actor, TransitionCause::Routing, u"move orders to routed"_s);
    if (!OrderStateMachine::canMove(OrderStatus::Validated, OrderStatus::Routed))
        throw Error::state(u"validated orders cannot move to routed"_s);
}

std::optional<LockedOrder> OrderTransitions::lock(qint64 orderId) {
    // FOR UPDATE would be PostgreSQL-only; a no-op UPDATE takes the row lock on both engines (SQLite already
    // holds the database write lock inside BEGIN IMMEDIATE), so that two consoles cannot move one order at
    // once.
    SqlQuery& q =
        prepared(m_lock, u"UPDATE orders SET status = status WHERE id = :id "
                         "RETURNING status, held_from, order_number, delivery, pickup_location_id"_s);
    q.bind(u":id"_s, orderId).exec();
    std::optional<LockedOrder> row;
    if (q.next()) {
        row = LockedOrder{orderStatusFromCode(q.value(0).toString()).value_or(OrderStatus::Pending),
                          std::nullopt, q.value(2).toString(),
                          q.value(3).toString() == u"pickup"_s ? q.value(4).toLongLong() : 0};
        if (!q.value(1).isNull())
            row->heldFrom = orderStatusFromCode(q.value(1).toString());
    }
    q.raw().finish();
    return row;
}

void OrderTransitions::writeStatus(qint64 orderId, OrderStatus to, std::optional<OrderStatus> heldFrom,
                                   qint64 atMs) {
    SqlQuery& q =
        prepared(m_status, u"UPDATE orders SET status = :status, held_from = :held, status_changed_at = :at "
                           "WHERE id = :id"_s);
    q.bind(u":status"_s, orderStatusCode(to))
        .bind(u":held"_s, heldFrom ? QVariant(orderStatusCode(*heldFrom)) : nullString())
        .bind(u":at"_s, atMs)
        .bind(u":id"_s, orderId);
    q.exec();
    m_changed.insert(orderId);
}

void OrderTransitions::writeLines(qint64 orderId, OrderStatus to, const QList<int>& lineNos) {
    if (lineNos.isEmpty()) {
        SqlQuery& q = prepared(
            m_lines,
            u"UPDATE order_lines SET status = :status WHERE order_id = :id AND status <> 'cancelled'"_s);
        q.bind(u":status"_s, orderStatusCode(to)).bind(u":id"_s, orderId);
        q.exec();
        m_changed.insert(orderId);
        return;
    }
    SqlQuery& q = prepared(
        m_lineStatus, u"UPDATE order_lines SET status = :status WHERE order_id = :id AND line_no = :no"_s);
    for (int no : lineNos) {
        q.bind(u":status"_s, orderStatusCode(to)).bind(u":id"_s, orderId).bind(u":no"_s, no);
        q.exec();
        if (q.rowsAffected() != 1)
            throw Error::notFound(u"the order has no line %1"_s.arg(no));
    }
    m_changed.insert(orderId);
}

void OrderTransitions::note(qint64 orderId, const QString& action, const QString& reason,
                            const QString& detail, const Actor& actor, qint64 atMs, const QString& fromState,
                            const QString& toState) {
    SqlQuery& q =
        prepared(m_audit, auditInsert + u"(:at, :actor, 'order', :id, :action, :from, :to, :reason, "
                                        ":detail)"_s);
    q.bind(u":at"_s, atMs)
        .bind(u":actor"_s, actor.user)
        .bind(u":id"_s, orderId)
        .bind(u":action"_s, action)
        .bind(u":from"_s, textOrNull(fromState))
        .bind(u":to"_s, textOrNull(toState))
        .bind(u":reason"_s, textOrNull(reason))
        .bind(u":detail"_s, textOrNull(detail));
    q.exec();
    m_changed.insert(orderId);
}

void OrderTransitions::noteMany(const QList<OrderNote>& notes, const Actor& actor, qint64 atMs) {
    RowWriter audit(m_db, u"audit_events"_s, auditColumns, 50);
    const QVariant null = nullString();
    const QVariant order(u"order"_s), by(actor.user), at(atMs);
    for (const OrderNote& n : notes) {
        audit.add(
            {at, by, order, n.orderId, n.action, null, null, textOrNull(n.reason), textOrNull(n.detail)});
        m_changed.insert(n.orderId);
    }
    audit.flush();
}

void OrderTransitions::apply(const Transition& t, const Actor& actor, qint64 atMs) {
    require(actor, t.cause, u"move orders to %1"_s.arg(orderStatusCode(t.to)));
    const bool heldAgain = t.from == OrderStatus::Exception && t.to == OrderStatus::Exception &&
                           t.cause == TransitionCause::Correction;
    if (!heldAgain && !OrderStateMachine::canMove(t.from, t.to))
        throw Error::state(refusal(t.orderId, t.from, t.to));
    std::optional<OrderStatus> heldFrom;
    if (t.to == OrderStatus::Exception)
        heldFrom = t.heldFrom.value_or(t.from);
    writeStatus(t.orderId, t.to, heldFrom, atMs);
    if (t.lines)
        writeLines(t.orderId, *t.lines);
    note(t.orderId, t.action, t.reason, t.detail, actor, atMs, orderStatusCode(t.from),
         orderStatusCode(t.to));
}

void OrderTransitions::recordCapture(qint64 orderId, const QString& captureDetail,
                                     const QList<ExceptionReason>& reasons, const Actor& actor, qint64 atMs) {
    require(actor, TransitionCause::Capture, u"capture orders"_s);
    const QString pending = orderStatusCode(OrderStatus::Pending);
    note(orderId, u"capture"_s, QString(), captureDetail, actor, atMs, QString(), pending);
    if (reasons.isEmpty()) {
        // Stored Validated by the insert that created it: the move is recorded, not written again.
        note(orderId, u"transition"_s, QString(), u"passed validation"_s, actor, atMs, pending,
             orderStatusCode(OrderStatus::Validated));
        return;
    }
    QStringList codes, details;
    for (const ExceptionReason& reason : reasons) {
        codes << reason.code;
        details << reason.detail;
    }
    codes.removeDuplicates();
    addHolds(orderId, reasons, actor, atMs);
    apply({orderId, OrderStatus::Pending, OrderStatus::Exception, TransitionCause::Capture,
           OrderStatus::Pending, std::nullopt, u"exception"_s, codes.join(u','), details.join(u"; "_s)},
          actor, atMs);
}

OrderStatus OrderTransitions::advanceLines(qint64 orderId, OrderStatus orderStatus, const QList<int>& lineNos,
                                           OrderStatus to, const Actor& actor, qint64 atMs) {
    require(actor, TransitionCause::Fulfilment, u"move order lines to %1"_s.arg(orderStatusCode(to)));
    const QList<OrderStatus> before = m_orders->lineStatuses(orderId);
    for (int no : lineNos) {
        if (no < 1 || no > before.size())
            throw Error::notFound(u"order %1 has no line %2"_s.arg(orderId).arg(no));
        const OrderStatus from = before.at(no - 1);
        if (from == OrderStatus::Cancelled || OrderStateMachine::forwardStep(from) != to)
            throw Error::state(u"line %1 of order %2 is %3 and cannot move to %4"_s.arg(no).arg(orderId).arg(
                orderStatusCode(from), orderStatusCode(to)));
    }
    writeLines(orderId, to, lineNos);

    // The order stands where its least advanced open line stands.
    OrderStatus derived = OrderStatus::Delivered;
    for (OrderStatus s : m_orders->lineStatuses(orderId))
        if (s != OrderStatus::Cancelled && progressRank(s) < progressRank(derived))
            derived = s;
    QStringList numbers;
    for (int no : lineNos)
        numbers << QString::number(no);
    note(orderId, u"lines"_s, QString(),
         u"line(s) %1 moved to %2"_s.arg(numbers.join(u", "_s), orderStatusCode(to)), actor, atMs, QString(),
         orderStatusCode(to));
    if (derived != orderStatus) {
        if (!OrderStateMachine::canMove(orderStatus, derived))
            throw Error::state(refusal(orderId, orderStatus, derived));
        writeStatus(orderId, derived, std::nullopt, atMs);
        note(orderId, u"transition"_s, QString(), u"all open lines are %1"_s.arg(orderStatusCode(derived)),
             actor, atMs, orderStatusCode(orderStatus), orderStatusCode(derived));
    }
    return derived;
}

void OrderTransitions::addHolds(qint64 orderId, const QList<ExceptionReason>& reasons, const Actor& actor,
                                qint64 atMs) {
    for (const ExceptionReason& reason : reasons)
        m_orders->addHold(orderId, reason, actor.user, atMs);
    m_changed.insert(orderId);
}

void OrderTransitions::resolveHolds(qint64 orderId, const QString& resolution, const Actor& actor,
                                    qint64 atMs, const QStringList& codes) {
    m_orders->resolveHolds(orderId, actor.user, resolution, atMs, codes);
    m_changed.insert(orderId);
}

void OrderTransitions::recordPast(qint64 orderId, const AuditEvent& e) {
    if (!m_past)
        m_past =
            std::make_unique<BulkInsert>(m_db, u"audit_events"_s, auditColumns, BulkInsert::Send::OnFlush);
    m_past->add({toStoredTime(e.at), e.actor, u"order"_s, orderId, e.action, textOrNull(e.fromState),
                 textOrNull(e.toState), textOrNull(e.reason), textOrNull(e.detail)});
}

void OrderTransitions::flushPast() {
    if (m_past)
        m_past->flush();
}

qint64 OrderTransitions::pastEventsWritten() const {
    return m_past ? m_past->rowsWritten() : 0;
}

// ---- Validated -> Routed, for the reservation paths ----

std::optional<LockedOrder> OrderTransitions::claimRouted(qint64 orderId, const Actor& actor, qint64 atMs) {
    requireRouting(actor);
    SqlQuery& claim =
        prepared(m_claim, u"UPDATE orders SET status = :routed, held_from = NULL, status_changed_at = :at "
                          "WHERE id = :id AND status = :validated "
                          "RETURNING order_number, delivery, pickup_location_id"_s);
    claim.bind(u":routed"_s, orderStatusCode(OrderStatus::Routed))
        .bind(u":at"_s, atMs)
        .bind(u":id"_s, orderId);
    claim.bind(u":validated"_s, orderStatusCode(OrderStatus::Validated)).exec();
    std::optional<LockedOrder> order;
    if (claim.next()) {
        order = LockedOrder{OrderStatus::Routed, std::nullopt, claim.value(0).toString(),
                            claim.value(1).toString() == u"pickup"_s ? claim.value(2).toLongLong() : 0};
        m_changed.insert(orderId);
    }
    claim.raw().finish();
    return order;
}

void OrderTransitions::recordRouted(const RoutedLines& order, bool routed, bool moveOrder, const Actor& actor,
                                    qint64 atMs) {
    requireRouting(actor);
    if (m_db.engine() == Engine::Postgres) {
        const QString script = routedScript(order, routed, moveOrder, actor, atMs);
        if (!script.isEmpty())
            SqlQuery::run(m_db, script);
        return;
    }
    // SQLite: kept statements, each a few microseconds. The order was locked by the caller and is Validated.
    const QString routedCode = orderStatusCode(OrderStatus::Routed);
    const qint64 orderId = order.orderId;
    if (routed && moveOrder)
        prepared(m_routedStatus,
                 u"UPDATE orders SET status = :status, held_from = NULL, status_changed_at = :at "
                 "WHERE id = :id"_s)
            .bind(u":status"_s, routedCode)
            .bind(u":at"_s, atMs)
            .bind(u":id"_s, orderId)
            .exec();
    // Every open line moves with the order. With no line held from before, the open lines are the ones taken
    // now, and one statement per line sets its status and its location together.
    const bool linesAtOnce = routed && !order.earlierHolds;
    if (routed && !linesAtOnce)
        prepared(m_lines,
                 u"UPDATE order_lines SET status = :status WHERE order_id = :id AND status <> 'cancelled'"_s)
            .bind(u":status"_s, routedCode)
            .bind(u":id"_s, orderId)
            .exec();
    SqlQuery& lineLocation =
        linesAtOnce
            ? prepared(m_lineLocationStatus, u"UPDATE order_lines SET location_id = :l, status = :status "
                                             "WHERE order_id = :o AND line_no = :n"_s)
            : prepared(m_lineLocation,
                       u"UPDATE order_lines SET location_id = :l WHERE order_id = :o AND line_no = :n"_s);
    for (const auto& [lineNo, locationId] : order.lineLocations) {
        lineLocation.bind(u":l"_s, locationId).bind(u":o"_s, orderId).bind(u":n"_s, lineNo);
        if (linesAtOnce)
            lineLocation.bind(u":status"_s, routedCode);
        lineLocation.exec();
    }
    // The order's audit events in one statement: its transition (first when the order was claimed Routed
    // before its lines were taken) and what was reserved.
    RowWriter audit(m_db, u"audit_events"_s, auditColumns, 2);
    const QVariant null = nullString();
    auto transition = [&] {
        audit.add({atMs, actor.user, u"order"_s, orderId, u"transition"_s,
                   orderStatusCode(OrderStatus::Validated), routedCode, null, stockReserved});
    };
    if (routed && !moveOrder)
        transition();
    if (!order.heldDetail.isEmpty())
        audit.add({atMs, actor.user, u"order"_s, orderId, u"reserve"_s, null, null, null, order.heldDetail});
    if (routed && moveOrder)
        transition();
    audit.flush();
    m_changed.insert(orderId);
}

QString OrderTransitions::claimRoutedSql(qint64 orderId, const Actor& actor, qint64 atMs) {
    // Values go into the text through the one quoting function (Dialect::literal).
    const auto literal = [this](const QString& text) { return m_db.dialect().literal(QVariant(text)); };
    requireRouting(actor);
    m_changed.insert(orderId);
    return u"UPDATE orders SET status = %1, held_from = NULL, status_changed_at = %2 WHERE id = %3 AND "
           u"status = %4 "
           "RETURNING id, order_number, delivery, pickup_location_id"_s.arg(
               literal(orderStatusCode(OrderStatus::Routed)), QString::number(atMs), QString::number(orderId),
               literal(orderStatusCode(OrderStatus::Validated)));
}

QString OrderTransitions::routedScript(const RoutedLines& order, bool routed, bool moveOrder,
                                       const Actor& actor, qint64 atMs) {
    // Values go into the text through the one quoting function (Dialect::literal).
    const auto literal = [this](const QString& text) { return m_db.dialect().literal(QVariant(text)); };
    requireRouting(actor);
    const QString routedCode = literal(orderStatusCode(OrderStatus::Routed));
    const QString id = QString::number(order.orderId);
    const QString at = QString::number(atMs);
    QString sql;
    if (routed && moveOrder)
        sql +=
            u"UPDATE orders SET status = %1, held_from = NULL, status_changed_at = %2 WHERE id = %3;"_s.arg(
                routedCode, at, id);
    const bool linesAtOnce = routed && !order.earlierHolds;
    if (routed && !linesAtOnce)
        sql += u"UPDATE order_lines SET status = %1 WHERE order_id = %2 AND status <> 'cancelled';"_s.arg(
            routedCode, id);
    for (const auto& [lineNo, locationId] : order.lineLocations)
        sql += u"UPDATE order_lines SET location_id = %1%2 WHERE order_id = %3 AND line_no = %4;"_s.arg(
            QString::number(locationId), linesAtOnce ? u", status = "_s + routedCode : QString(), id,
            QString::number(lineNo));
    QStringList audits;
    const QString head = at + u", "_s + literal(actor.user) + u", 'order', "_s + id;
    const QString transition = u"(%1, 'transition', %2, %3, NULL, %4)"_s.arg(
        head, literal(orderStatusCode(OrderStatus::Validated)), routedCode, literal(stockReserved));
    if (routed && !moveOrder)
        audits << transition;
    if (!order.heldDetail.isEmpty())
        audits << u"(%1, 'reserve', NULL, NULL, NULL, %2)"_s.arg(head, literal(order.heldDetail));
    if (routed && moveOrder)
        audits << transition;
    if (!audits.isEmpty())
        sql += auditInsert + audits.join(u", "_s) + u';';
    m_changed.insert(order.orderId);
    return sql;
}

QString OrderTransitions::routedTailSql(const RoutedLines& order, const Actor& actor, qint64 atMs) {
    // Values go into the text through the one quoting function (Dialect::literal).
    const auto literal = [this](const QString& text) { return m_db.dialect().literal(QVariant(text)); };
    requireRouting(actor);
    QStringList locations;
    for (const auto& [lineNo, locationId] : order.lineLocations)
        locations << u"WHEN %1 THEN %2"_s.arg(QString::number(lineNo), QString::number(locationId));
    const QString routedCode = literal(orderStatusCode(OrderStatus::Routed));
    const QString id = QString::number(order.orderId);
    const QString head = QString::number(atMs) + u", "_s + literal(actor.user) + u", 'order', "_s + id;
    m_changed.insert(order.orderId);
    // The order was claimed Routed before its lines were taken: its transition first, then what was held.
    return u"l AS (UPDATE order_lines SET location_id = CASE line_no %1 END, status = %2 "
           "WHERE order_id = %3 AND status <> 'cancelled') "_s.arg(locations.join(u' '), routedCode, id) +
           auditInsert +
           u"(%1, 'transition', %2, %3, NULL, %4), (%1, 'reserve', NULL, NULL, NULL, %5)"_s.arg(
               head, literal(orderStatusCode(OrderStatus::Validated)), routedCode, literal(stockReserved),
               literal(order.heldDetail));
}

void OrderTransitions::recordRoutedGroup(const QList<RoutedLines>& orders, const Actor& actor, qint64 atMs) {
    if (orders.isEmpty())
        return;
    requireRouting(actor);
    // Each order has its reserve and transition audit events and moves to Routed with its open lines, which
    // take the locations they were reserved at.
    RowWriter audit(m_db, u"audit_events"_s, auditColumns, 50);
    const QVariant null = nullString();
    const QVariant order(u"order"_s), by(actor.user), at(atMs), transition(u"transition"_s),
        reserve(u"reserve"_s), reserved(stockReserved);
    const QString validatedCode = orderStatusCode(OrderStatus::Validated);
    const QString routedCode = orderStatusCode(OrderStatus::Routed);
    QList<qint64> orderIds, withEarlierHolds;
    orderIds.reserve(orders.size());
    const bool native = SqliteStatement::usable(m_db);
    QString lineLocations; // PostgreSQL: (order, line, location) rows of a VALUES list
    for (const RoutedLines& o : orders) {
        orderIds << o.orderId;
        if (o.earlierHolds)
            withEarlierHolds << o.orderId;
        if (!o.heldDetail.isEmpty())
            audit.add({at, by, order, o.orderId, reserve, null, null, null, o.heldDetail});
        audit.add({at, by, order, o.orderId, transition, validatedCode, routedCode, null, reserved});
        if (!native)
            for (const auto& [lineNo, locationId] : o.lineLocations) {
                if (!lineLocations.isEmpty())
                    lineLocations += u',';
                lineLocations += u'(' + QString::number(o.orderId) + u',' + QString::number(lineNo) + u',' +
                                 QString::number(locationId) + u')';
            }
        m_changed.insert(o.orderId);
    }
    audit.flush();
    // On SQLite, where a statement costs no round trip, one kept statement run per row (a large literal costs
    // more to parse than the rows to update); on PostgreSQL one statement for all lines and one for all
    // orders, each a round trip.
    if (native) {
        SqliteStatement line(m_db, u"UPDATE order_lines SET location_id = ?, status = ? "
                                   "WHERE order_id = ? AND line_no = ?"_s);
        line.bind(1, routedCode);
        for (const RoutedLines& o : orders)
            for (const auto& [lineNo, locationId] : o.lineLocations) {
                line.bind(0, locationId);
                line.bind(2, o.orderId);
                line.bind(3, qint64(lineNo));
                line.step();
            }
    } else if (!lineLocations.isEmpty()) {
        SqlQuery::run(m_db,
                      u"UPDATE order_lines SET location_id = v.column3, status = '%1' FROM (VALUES %2) AS v "
                      "WHERE order_lines.order_id = v.column1 AND order_lines.line_no = v.column2"_s.arg(
                          routedCode, lineLocations));
    }
    // An order that had lines held by an earlier call moves those too.
    if (!withEarlierHolds.isEmpty())
        SqlQuery::run(
            m_db,
            u"UPDATE order_lines SET status = '%1' WHERE order_id IN (%2) AND status <> 'cancelled'"_s.arg(
                routedCode, idList(withEarlierHolds)));
    if (native) {
        SqliteStatement head(m_db, u"UPDATE orders SET status = ?, held_from = NULL, status_changed_at = ? "
                                   "WHERE id = ?"_s);
        head.bind(0, routedCode);
        head.bind(1, atMs);
        for (qint64 orderId : std::as_const(orderIds)) {
            head.bind(2, orderId);
            head.step();
        }
        return;
    }
    SqlQuery::run(
        m_db, u"UPDATE orders SET status = '%1', held_from = NULL, status_changed_at = %2 WHERE id IN (%3)"_s
                  .arg(routedCode)
                  .arg(atMs)
                  .arg(idList(orderIds)));
}

} // namespace ordo
