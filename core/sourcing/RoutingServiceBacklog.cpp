// RoutingService::routeBacklog: the Validated orders routed in batches. A page of orders is read at once
// (OrderRepository::loadMany and a few statements for what the router needs to know of them), each order is
// decided in turn on the run's index with what the earlier orders of the batch took laid over it (a
// RunInventory, and the network's capacity), and the batch is stored in ONE unit of work: its orders locked
// in id order, the decisions and their audit events written with multi-row inserts, the stock of its routed
// orders held by the grouped reservation (ReservationService::reserveMany, which moves them to Routed through
// OrderTransitions), the held orders moved to Exception. Each order's outcome is the one routing it alone,
// in sequence, would give.
//
// What a batch does not take: an order with lines held by an earlier call, a partial or cancelled decision,
// a decision that splits a line. The batch before it is stored, then that order is routed alone as
// routeOrder() does. A batch that cannot be stored as decided (stock moved under another process, an order
// routed elsewhere meanwhile, a row the database refused) rolls back as a whole and its orders are routed
// one by one, so that an order that fails on its own is set aside (setAsideFailed) and the others go on.
#include "Error.h"
#include "RoutingService.h"
#include "RoutingServiceRun.h"
#include "RoutingServiceSupport.h"
#include "inventory/InventoryIndex.h"
#include "inventory/ReservationService.h"
#include "lifecycle/OrderLifecycle.h"
#include "orders/OrderRepository.h"
#include "orders/OrderTransitions.h"
#include "sourcing/DecisionRepository.h"
#include "sourcing/IndexStockLevels.h"
#include "sourcing/RoutingNetwork.h"
#include "sourcing/RunInventory.h"
#include "storage/Database.h"
#include "storage/KeyLookup.h"
#include "storage/SqlQuery.h"
#include "storage/SqliteStatement.h"
#include "storage/TimeCodec.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

using namespace routingsupport;

namespace {

// The batch cannot be stored as it was decided: its orders are routed one by one.
struct BatchRefused {
    QString message;
};

} // namespace

// What the router needs to know of a page of orders besides the orders themselves.
struct RoutingService::PageFacts {
    QHash<qint64, QSet<int>> heldLines;    // order -> lines holding stock from an earlier call
    QHash<qint64, QSet<QString>> rejected; // order -> locations (codes) that rejected its lines
    QSet<qint64> backordered;              // put on backorder by a person
};

// An order of the batch being decided: its decision, and what is told of it once the batch is stored.
struct RoutingService::Batched {
    Order order;
    RoutedOrder result;
    bool decided = false; // false: skipped (no longer Validated when read), nothing to store
};

RoutingService::PageFacts RoutingService::pageFacts(const QList<qint64>& orderIds) {
    PageFacts facts;
    lookUpKeys(m_db, u"SELECT order_id, line_no FROM reservations WHERE state = 'held' AND order_id"_s,
               orderIds, QString(), QVariant(),
               [&](auto& q) { facts.heldLines[q.value(0).toLongLong()].insert(q.value(1).toInt()); });
    lookUpKeys(
        m_db,
        u"SELECT r.order_id, l.code FROM routing_rejections r JOIN locations l ON l.id = r.location_id "
        "WHERE r.order_id"_s,
        orderIds, QString(), QVariant(),
        [&](auto& q) { facts.rejected[q.value(0).toLongLong()].insert(q.value(1).toString()); });
    lookUpKeys(m_db, u"SELECT order_id FROM routing_backorders WHERE order_id"_s, orderIds, QString(),
               QVariant(), [&](auto& q) { facts.backordered.insert(q.value(0).toLongLong()); });
    return facts;
}

bool RoutingService::batchable(const Order& order, const QList<int>& lineNos, const Decision& d) const {
    if (!lineNos.isEmpty())
        return false; // some lines hold stock already: the single path knows how to route the rest
    switch (d.outcome) {
    case RoutingOutcome::Backordered:
    case RoutingOutcome::Held:
    case RoutingOutcome::Unfillable:
        return true;
    case RoutingOutcome::Partial:
    case RoutingOutcome::Cancelled:
        return false;
    case RoutingOutcome::Routed:
        break;
    }
    // Routed: every open line at exactly one known location, the way the grouped reservation holds lines.
    QSet<int> assigned;
    for (const Shipment& s : d.shipments) {
        if (m_run->network.indexOf(s.locationCode) < 0)
            return false;
        for (const ShipmentLine& l : s.lines)
            if (assigned.contains(l.lineNo))
                return false;
            else
                assigned.insert(l.lineNo);
    }
    qsizetype open = 0;
    for (const OrderLine& line : order.lines)
        if (line.status != OrderStatus::Cancelled) {
            ++open;
            if (!assigned.contains(line.lineNo))
                return false;
        }
    return open == assigned.size();
}

void RoutingService::takeInBatch(const Decision& decision) {
    Run& r = run();
    for (const Shipment& s : decision.shipments) {
        const int location = r.network.indexOf(s.locationCode);
        if (location < 0)
            continue;
        r.network.useCapacity(location, 1);
        if (decision.outcome != RoutingOutcome::Routed)
            continue;
        for (const ShipmentLine& l : s.lines)
            if (const int sku = r.batch->skuIndex(l.skuCode); sku >= 0)
                r.batch->take(sku, location, l.quantity);
    }
}

qint64 RoutingService::routeBacklog(bool dryRun, int limit, const Tell& onRouted) {
    require(m_actor, Permission::AdvanceOrders, u"route orders"_s);
    Run& r = run();
    const QList<qint64> ids = pendingOrderIds(limit);
    qint64 met = 0;
    const Tell tell = [&](const RoutedOrder& result) {
        ++met;
        if (onRouted)
            onRouted(result);
    };
    OrderRepository repository(m_db);
    // A batch is large enough that a commit (and its fsync) is spread over many orders, small enough that one
    // routed again order by order costs little.
    for (qsizetype from = 0; from < ids.size(); from += m_backlogBatch) {
        const QList<qint64> pageIds = ids.mid(from, m_backlogBatch);
        const QList<Order> page = repository.loadMany(pageIds);
        const PageFacts facts = pageFacts(pageIds);
        QList<Batched> batch;
        std::vector<int> capacityBefore = r.network.capacityLeft();
        for (const Order& order : page) {
            RoutedOrder result{order.id, order.orderNumber, {}, false, false, {}, {}, {}};
            if (order.status != OrderStatus::Validated) {
                result.skipped = u"order %1 is %2; only validated orders are routed"_s.arg(
                    order.orderNumber, orderStatusCode(order.status));
                if (dryRun)
                    tell(result);
                else
                    batch << Batched{order, result, false};
                continue;
            }
            try {
                QList<int> lineNos;
                if (const auto held = facts.heldLines.constFind(order.id); held != facts.heldLines.cend())
                    for (const OrderLine& line : order.lines)
                        if (line.status != OrderStatus::Cancelled && !held->contains(line.lineNo))
                            lineNos << line.lineNo;
                Decision decision =
                    decide(order, lineNos, facts.rejected.value(order.id),
                           facts.backordered.contains(order.id), dryRun ? *r.overlay : *r.batch);
                if (dryRun) {
                    result.decision = std::move(decision);
                    result.action = u"dry run"_s;
                    takeInRun(result.decision, true);
                    tell(result);
                    continue;
                }
                if (!batchable(order, lineNos, decision)) {
                    // What came before is stored first, so that this order meets the stock as a run in
                    // sequence leaves it; then it is routed alone.
                    flushBatch(batch, capacityBefore, tell);
                    try {
                        result = routeLoaded(order, false);
                    } catch (const Error& e) {
                        result = setAsideFailed(order, e, false);
                    }
                    tell(result);
                    capacityBefore = r.network.capacityLeft();
                    continue;
                }
                takeInBatch(decision);
                result.decision = std::move(decision);
                batch << Batched{order, std::move(result), true};
            } catch (const Error& e) {
                flushBatch(batch, capacityBefore, tell);
                tell(setAsideFailed(order, e, dryRun));
                capacityBefore = r.network.capacityLeft();
            }
        }
        flushBatch(batch, capacityBefore, tell);
    }
    return met;
}

void RoutingService::flushBatch(QList<Batched>& batch, std::vector<int>& capacityBefore, const Tell& tell) {
    if (batch.isEmpty())
        return;
    Run& r = run();
    bool stored = false;
    try {
        runRoutingUnit(m_db, &r.index,
                       [&](ReservationService& reservations) { storeBatch(batch, reservations); });
        stored = true;
    } catch (const BatchRefused&) {
    } catch (const StockMoved&) {
    } catch (const Error&) {
    }
    // Stored: the index now holds what the batch reserved (runRoutingUnit told it after the commit).
    r.batch->clear();
    if (stored) {
        for (const Batched& b : std::as_const(batch))
            tell(b.result);
        batch.clear();
        capacityBefore = r.network.capacityLeft();
        return;
    }
    // Nothing of the batch was kept: its orders are routed one by one, each in its own unit of work, as a run
    // without batches routes them. The one that fails alone is set aside; the others are routed.
    r.network.restoreCapacity(capacityBefore);
    OrderRepository repository(m_db);
    for (const Batched& b : std::as_const(batch)) {
        const auto order = repository.load(b.order.id);
        if (!order)
            continue;
        RoutedOrder result;
        try {
            result = routeLoaded(*order, false);
        } catch (const Error& e) {
            result = setAsideFailed(*order, e, false);
        }
        tell(result);
    }
    batch.clear();
    capacityBefore = r.network.capacityLeft();
}

void RoutingService::storeBatch(QList<Batched>& batch, ReservationService& reservations) {
    Run& r = run();
    const qint64 now = nowStoredTime();
    QList<qint64> ids;
    for (Batched& b : batch)
        if (b.decided) {
            ids << b.order.id;
            b.result.reserved = false; // this attempt's, should the runner run the unit again
            b.result.action.clear();
        }
    if (ids.isEmpty())
        return;
    std::sort(ids.begin(), ids.end());
    // The orders first, locked in id order as the grouped reservation locks them (then the positions, by SKU
    // and location: storage/PositionLockOrder.h), and each still Validated: another process may have routed
    // one since the page was read.
    const QString validatedCode = orderStatusCode(OrderStatus::Validated);
    const QString forUpdate = m_db.engine() == Engine::Postgres ? u" FOR UPDATE"_s : QString();
    qsizetype validated = 0;
    lookUpKeys(m_db, u"SELECT id, status FROM orders WHERE id"_s, ids, u" ORDER BY id"_s + forUpdate,
               QVariant(), [&](auto& q) { validated += q.value(1).toString() == validatedCode ? 1 : 0; });
    if (validated != ids.size())
        throw BatchRefused{u"%1 order(s) of the batch are no longer validated"_s.arg(ids.size() - validated)};

    QList<Decision> decisions;
    QList<OrderNote> notes;
    decisions.reserve(ids.size());
    notes.reserve(ids.size());
    for (const Batched& b : std::as_const(batch))
        if (b.decided) {
            const Decision& d = b.result.decision;
            decisions << d;
            notes << OrderNote{b.order.id, u"route"_s, reasonCodeFor(d.outcome), decisionSummary(d)};
        }
    const QList<QByteArray> bodies = DecisionRepository(m_db).storeMany(decisions, m_actor.user);
    OrderTransitions(m_db).noteMany(notes, m_actor, now);

    qsizetype next = 0;
    for (Batched& b : batch)
        if (b.decided)
            b.result.decisionJson = bodies.value(next++);

    // Each routed line at the location decided for it, where the grouped reservation holds it.
    QList<qint64> routed;
    QList<std::tuple<qint64, int, qint64>> lineLocations; // (order, line, location id)
    OrderLifecycle lifecycle(m_db);
    for (Batched& b : batch) {
        if (!b.decided)
            continue;
        const Decision& d = b.result.decision;
        switch (d.outcome) {
        case RoutingOutcome::Routed:
            routed << b.order.id;
            for (const Shipment& s : d.shipments) {
                const qint64 location = r.network.at(r.network.indexOf(s.locationCode)).location.id;
                for (const ShipmentLine& l : s.lines)
                    lineLocations.append({b.order.id, l.lineNo, location});
            }
            break;
        case RoutingOutcome::Backordered:
            // The order stays Validated: the next routing run tries it again.
            b.result.action = u"backordered"_s;
            break;
        case RoutingOutcome::Held:
        case RoutingOutcome::Unfillable:
            lifecycle.raiseException(b.order.id, {ExceptionReason{reasonCodeFor(d.outcome), d.reason}},
                                     m_actor);
            b.result.action = routingOutcomeCode(d.outcome);
            break;
        case RoutingOutcome::Partial:
        case RoutingOutcome::Cancelled:
            throw Error::state(u"order %1: a %2 decision is not stored with a batch"_s.arg(
                b.order.orderNumber, routingOutcomeCode(d.outcome)));
        }
    }
    if (routed.isEmpty())
        return;
    if (SqliteStatement::usable(m_db)) {
        SqliteStatement q(m_db,
                          u"UPDATE order_lines SET location_id = ? WHERE order_id = ? AND line_no = ?"_s);
        for (const auto& [order, lineNo, location] : std::as_const(lineLocations)) {
            q.bind(0, location);
            q.bind(1, order);
            q.bind(2, qint64(lineNo));
            q.step();
        }
    } else {
        QString values;
        values.reserve(lineLocations.size() * 24);
        for (const auto& [order, lineNo, location] : std::as_const(lineLocations)) {
            if (!values.isEmpty())
                values += u',';
            values += u'(' + QString::number(order) + u',' + QString::number(lineNo) + u',' +
                      QString::number(location) + u')';
        }
        SqlQuery::run(
            m_db, u"UPDATE order_lines SET location_id = v.column3 FROM (VALUES %1) AS v "
                  "WHERE order_lines.order_id = v.column1 AND order_lines.line_no = v.column2"_s.arg(values));
    }
    // Held set-wise; each order must be held whole, every line where it was decided, or the batch is refused.
    const QList<ReservationOutcome> outcomes = reservations.reserveMany(routed, m_actor, int(routed.size()));
    QHash<qint64, const ReservationOutcome*> byOrder;
    for (const ReservationOutcome& o : outcomes)
        byOrder.insert(o.orderId, &o);
    QHash<QPair<qint64, int>, qint64> decidedAt;
    for (const auto& [order, lineNo, location] : std::as_const(lineLocations))
        decidedAt.insert({order, lineNo}, location);
    for (qint64 id : std::as_const(routed)) {
        const ReservationOutcome* o = byOrder.value(id);
        if (!o || !o->routed)
            throw StockMoved{o ? (o->refusal.isEmpty() ? o->shortages.join(u"; "_s) : o->refusal)
                               : u"order %1 was not reserved"_s.arg(id)};
        for (const ReservedLine& l : o->reserved)
            if (decidedAt.value({id, l.lineNo}) != l.locationId)
                throw StockMoved{
                    u"order %1 line %2 was held elsewhere than decided"_s.arg(o->orderNumber).arg(l.lineNo)};
    }
    lookUpKeys(m_db, u"DELETE FROM routing_backorders WHERE order_id"_s, routed, QString(), QVariant(),
               [](auto&) {});
    for (Batched& b : batch)
        if (b.decided && b.result.decision.outcome == RoutingOutcome::Routed) {
            b.result.reserved = true;
            b.result.action = u"reserved"_s;
        }
}

} // namespace ordo
