#include "RoutingService.h"

#include "Error.h"
#include "RoutingServiceRun.h"
#include "RoutingServiceSupport.h"
#include "inventory/InventoryIndex.h"
#include "inventory/ReservationService.h"
#include "inventory/SegmentationRepository.h"
#include "lifecycle/OrderLifecycle.h"
#include "orders/OrderRepository.h"
#include "orders/OrderTransitions.h"
#include "sourcing/DecisionRepository.h"
#include "sourcing/IndexStockLevels.h"
#include "sourcing/Router.h"
#include "sourcing/RoutingNetwork.h"
#include "sourcing/RuleSetRepository.h"
#include "sourcing/RunInventory.h"
#include "storage/Database.h"
#include "storage/LocationRepository.h"
#include "storage/SkuTags.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo {

using namespace routingsupport;

RoutingService::RoutingService(Database& db, const Actor& actor)
    : m_db(db)
    , m_actor(actor) {}

RoutingService::~RoutingService() = default;

RoutingService::Run& RoutingService::run() {
    if (m_run)
        return *m_run;
    auto r = std::make_unique<Run>();
    r->rules = RuleSetRepository(m_db).active();
    r->index = InventoryIndex::load(m_db);
    r->live = std::make_unique<IndexStockLevels>(r->index);
    r->overlay = std::make_unique<RunInventory>(*r->live);
    r->batch = std::make_unique<RunInventory>(*r->overlay);
    // Capacity left today: the daily capacity less the shipments decided since
    // midnight UTC.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QHash<QString, int> used = DecisionRepository(m_db).shipmentsSince(
        QDateTime(now.date(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
    QHash<QString, int> left;
    for (const Location& l : LocationRepository(m_db).all())
        if (l.dailyCapacity > 0 && used.contains(l.code))
            left.insert(l.code, std::max(0, l.dailyCapacity - used.value(l.code)));
    r->network = networkFromIndex(r->index, SegmentationRepository(m_db, m_actor).load().groups, left);
    r->network.setSkuTags(SkuTags(m_db, m_actor).all());
    m_run = std::move(r);
    return *m_run;
}

InventoryIndex& RoutingService::runIndex() {
    return run().index;
}

const RuleSet& RoutingService::rules() {
    return run().rules;
}

const StockLevels& RoutingService::inventory() {
    return *run().overlay;
}

RoutingNetwork& RoutingService::network() {
    return run().network;
}

QList<qint64> RoutingService::pendingOrderIds(int limit) {
    return ReservationService(m_db).validatedOrderIds(limit);
}

QList<Order> RoutingService::pendingOrders(int limit) {
    QList<Order> orders;
    OrderRepository repository(m_db);
    for (qint64 id : pendingOrderIds(limit))
        if (auto order = repository.load(id))
            orders << *order;
    return orders;
}

QStringList RoutingService::rejectedLocations(qint64 orderId) {
    SqlQuery q(m_db, u"SELECT DISTINCT l.code FROM routing_rejections r JOIN "
                     u"locations l ON l.id = r.location_id "
                     "WHERE r.order_id = :o ORDER BY l.code"_s);
    q.bind(u":o"_s, orderId).exec();
    QStringList codes;
    while (q.next())
        codes << q.value(0).toString();
    return codes;
}

Decision RoutingService::decide(const Order& order, const QList<int>& lineNos) {
    QSet<QString> rejected;
    for (const QString& code : rejectedLocations(order.id))
        rejected.insert(code);
    return decide(order, lineNos, rejected, std::nullopt, *run().overlay);
}

Decision RoutingService::decide(const Order& order, const QList<int>& lineNos, const QSet<QString>& rejected,
                                std::optional<bool> backordered, const StockLevels& stock) {
    Run& r = run();
    RoutingContext context;
    context.nowMs = nowStoredTime();
    context.lineNos = lineNos;
    context.rejectedLocations = rejected;
    Decision d = route(order, r.rules, stock, r.network, context);
    d.orderId = order.id;
    if (d.orderNumber.isEmpty())
        d.orderNumber = order.orderNumber;
    if (d.decidedAtMs == 0)
        d.decidedAtMs = context.nowMs;
    if (d.currency.isEmpty())
        d.currency = r.rules.currency;
    // A person put the order on backorder from the Exceptions queue: it waits for stock rather than going
    // back to the queue.
    if ((d.outcome == RoutingOutcome::Held || d.outcome == RoutingOutcome::Unfillable) &&
        (backordered ? *backordered : isBackordered(order.id))) {
        d.outcome = RoutingOutcome::Backordered;
        d.reason += u"; on backorder, waiting for stock"_s;
    }
    return d;
}

void RoutingService::takeInRun(const Decision& decision, bool inventoryToo) {
    Run& r = run();
    for (const Shipment& s : decision.shipments) {
        const int location = r.network.indexOf(s.locationCode);
        if (location < 0)
            continue;
        r.network.useCapacity(location, 1);
        if (!inventoryToo)
            continue;
        for (const ShipmentLine& l : s.lines)
            if (const int sku = r.overlay->skuIndex(l.skuCode); sku >= 0)
                r.overlay->take(sku, location, l.quantity);
    }
}

void RoutingService::refreshStock(const Order& order) {
    Run& r = run();
    QSet<QString> skus;
    for (const OrderLine& line : order.lines)
        skus.insert(line.skuCode);
    SqlQuery q(m_db, u"SELECT p.location_id, p.sku_id, p.on_hand, p.reserved, "
                     u"p.safety_stock FROM positions p "
                     "JOIN skus s ON s.id = p.sku_id WHERE s.code = :code"_s);
    for (const QString& code : std::as_const(skus)) {
        q.bind(u":code"_s, code).exec();
        QList<std::tuple<qint64, qint64, PositionFigures>> rows;
        while (q.next())
            rows.append(
                {q.value(0).toLongLong(), q.value(1).toLongLong(),
                 PositionFigures{q.value(2).toLongLong(), q.value(3).toLongLong(), q.value(4).toLongLong()}});
        q.raw().finish();
        for (const auto& [location, sku, figures] : std::as_const(rows))
            r.index.positionChanged(location, sku, figures);
    }
}

void RoutingService::act(const Order& order, const Decision& d, RoutedOrder& result,
                         ReservationService& reservations) {
    DecisionRepository(m_db).store(d, m_actor.user);
    const qint64 now = nowStoredTime();
    OrderTransitions(m_db).note(order.id, u"route"_s, reasonCodeFor(d.outcome), decisionSummary(d), m_actor,
                                now);
    OrderLifecycle lifecycle(m_db);
    switch (d.outcome) {
    case RoutingOutcome::Routed:
    case RoutingOutcome::Partial: {
        // reserve() holds each line at the location named on it.
        SqlQuery setLocation(m_db, u"UPDATE order_lines SET location_id = (SELECT "
                                   u"id FROM locations WHERE code = :c) "
                                   "WHERE order_id = :o AND line_no = :n"_s);
        QSet<int> assigned;
        for (const Shipment& s : d.shipments)
            for (const ShipmentLine& l : s.lines) {
                setLocation.bind(u":c"_s, s.locationCode)
                    .bind(u":o"_s, order.id)
                    .bind(u":n"_s, l.lineNo)
                    .exec();
                assigned.insert(l.lineNo);
            }
        const bool partial = d.outcome == RoutingOutcome::Partial;
        ReservationOutcome outcome;
        try {
            outcome = reservations.reserve(order.id, m_actor,
                                           partial ? ReservationService::Mode::Partial
                                                   : ReservationService::Mode::Whole);
        } catch (const Error& e) {
            if (e.kind() == Error::Kind::State)
                throw StockMoved{e.message()};
            throw;
        }
        QSet<int> reserved;
        QList<int> unassigned;
        for (const ReservedLine& l : outcome.reserved) {
            reserved.insert(l.lineNo);
            if (!assigned.contains(l.lineNo))
                unassigned << l.lineNo;
        }
        for (int no : std::as_const(assigned))
            if (!reserved.contains(no))
                throw StockMoved{outcome.shortages.join(u"; "_s)};
        if (!unassigned.isEmpty()) {
            // reserve() found stock for a line the rules left unassigned (at a
            // location they exclude): give it back, the line waits for the rules.
            reservations.release(order.id, m_actor, reasonCodeFor(RoutingOutcome::Partial), unassigned);
            if (outcome.routed)
                lifecycle.transition(
                    order.id, OrderStatus::Validated, m_actor, reasonCodeFor(RoutingOutcome::Partial),
                    u"line(s) %1 wait for stock the rules allow"_s.arg(lineList(unassigned)));
        }
        result.reserved = true;
        result.action = partial ? u"partly reserved"_s : u"reserved"_s;
        if (!partial) {
            SqlQuery placed(m_db, u"DELETE FROM routing_backorders WHERE order_id = :o"_s);
            placed.bind(u":o"_s, order.id).exec();
        }
        break;
    }
    case RoutingOutcome::Backordered:
        // The order stays Validated: the next routing run tries it again.
        result.action = u"backordered"_s;
        break;
    case RoutingOutcome::Held:
    case RoutingOutcome::Unfillable:
        lifecycle.raiseException(order.id, {ExceptionReason{reasonCodeFor(d.outcome), d.reason}}, m_actor);
        result.action = routingOutcomeCode(d.outcome);
        break;
    case RoutingOutcome::Cancelled:
        lifecycle.cancel(order.id, m_actor, reasonCodeFor(d.outcome), d.reason);
        result.action = u"cancelled"_s;
        break;
    }
}

RoutedOrder RoutingService::apply(const Order& order, const Decision& decision, bool dryRun) {
    require(m_actor, Permission::AdvanceOrders, u"route orders"_s);
    RoutedOrder result{order.id, order.orderNumber, decision, false, false, {}, {}, {}};
    if (dryRun) {
        result.action = u"dry run"_s;
        takeInRun(decision, true);
        return result;
    }
    try {
        runRoutingUnit(m_db, &run().index, [&](ReservationService& reservations) {
            result = RoutedOrder{order.id, order.orderNumber, decision, false, false, {}, {}, {}};
            act(order, decision, result, reservations);
        });
    } catch (const StockMoved& moved) {
        throw Error::state(
            u"order %1 cannot be reserved as decided: %2"_s.arg(order.orderNumber, moved.message));
    }
    takeInRun(decision, false);
    return result;
}

RoutedOrder RoutingService::routeOrder(qint64 orderId, bool dryRun) {
    require(m_actor, Permission::AdvanceOrders, u"route orders"_s);
    const auto order = OrderRepository(m_db).load(orderId);
    if (!order)
        throw Error::notFound(u"there is no order with id %1"_s.arg(orderId));
    if (order->status != OrderStatus::Validated)
        throw Error::state(u"order %1 is %2; only validated orders are routed"_s.arg(
            order->orderNumber, orderStatusCode(order->status)));
    return routeLoaded(*order, dryRun);
}

QList<RoutedOrder> RoutingService::routePending(bool dryRun, int limit,
                                                const std::function<void(const RoutedOrder&)>& onRouted) {
    QList<RoutedOrder> results;
    routeBacklog(dryRun, limit, [&](const RoutedOrder& r) {
        results << r;
        if (onRouted)
            onRouted(r);
    });
    return results;
}

RoutedOrder RoutingService::setAsideFailed(const Order& order, const Error& error, bool dryRun) {
    RoutedOrder result{order.id, order.orderNumber, {}, false, false, u"failed"_s, {}, {}};
    result.skipped = u"order %1 could not be routed: %2"_s.arg(order.orderNumber, error.message());
    if (dryRun || m_db.transactionDepth() > 0)
        return result; // a dry run writes nothing; a caller's unit of work fails with the order
    try {
        OrderLifecycle(m_db).raiseException(order.id, {ExceptionReason{failedReasonCode, error.message()}},
                                            m_actor);
        result.skipped += u"; held in Exception (%1)"_s.arg(failedReasonCode);
    } catch (const Error& e) {
        result.skipped += u"; it could not be held in Exception either: %1"_s.arg(e.message());
    }
    return result;
}

RoutedOrder RoutingService::routeLoaded(const Order& loaded, bool dryRun) {
    Order order = loaded;
    RoutedOrder result{order.id, order.orderNumber, {}, false, false, {}, {}, {}};
    if (order.status != OrderStatus::Validated) {
        result.skipped = u"order %1 is %2; only validated orders are routed"_s.arg(
            order.orderNumber, orderStatusCode(order.status));
        return result;
    }
    QList<int> lineNos = linesToRoute(m_db, order);
    Decision decision = decide(order, lineNos);
    if (dryRun) {
        result.decision = decision;
        result.action = u"dry run"_s;
        takeInRun(decision, true);
        return result;
    }
    for (int attempt = 0;; ++attempt) {
        RoutedOrder attemptResult;
        try {
            runRoutingUnit(m_db, &run().index, [&](ReservationService& reservations) {
                attemptResult = result;
                attemptResult.decision = decision;
                act(order, decision, attemptResult, reservations);
            });
        } catch (const StockMoved& moved) {
            // Everything of this attempt is rolled back. Read the order's positions
            // again and decide once more.
            refreshStock(order);
            const auto again = OrderRepository(m_db).load(order.id);
            if (attempt > 0 || !again || again->status != OrderStatus::Validated) {
                result.decision = decision;
                result.skipped = u"stock moved while order %1 was being reserved: %2"_s.arg(order.orderNumber,
                                                                                            moved.message);
                return result;
            }
            order = *again;
            lineNos = linesToRoute(m_db, order);
            decision = decide(order, lineNos);
            result.rerouted = true;
            continue;
        }
        takeInRun(decision, false); // capacity; the index itself is written through
                                    // by the reservation
        return attemptResult;
    }
}

RejectResult RoutingService::reject(qint64 orderId, const QString& locationCode, const QList<int>& lineNos,
                                    const QString& reason) {
    require(m_actor, Permission::AdvanceOrders, u"record rejected lines"_s);
    if (lineNos.isEmpty())
        throw Error::usage(u"name the rejected lines"_s);
    if (reason.trimmed().isEmpty())
        throw Error::usage(u"a rejection needs a reason"_s);
    const auto locationId = LocationRepository(m_db).idForCode(locationCode);
    if (!locationId)
        throw Error::notFound(u"there is no location %1"_s.arg(locationCode));
    run(); // loaded before the unit of work, which stays short

    for (int attempt = 0;; ++attempt) {
        RejectResult result;
        Order order;
        try {
            runRoutingUnit(m_db, &run().index, [&](ReservationService& reservations) {
                result = RejectResult();
                OrderRepository orders(m_db);
                auto loaded = orders.load(orderId);
                if (!loaded)
                    throw Error::notFound(u"there is no order with id %1"_s.arg(orderId));
                order = *loaded;
                result.orderId = orderId;
                result.orderNumber = order.orderNumber;
                if (order.status != OrderStatus::Routed)
                    throw Error::state(
                        u"order %1 is %2; a location rejects lines of a routed order only"_s.arg(
                            order.orderNumber, orderStatusCode(order.status)));
                QSet<int> heldHere;
                for (const StoredReservation& r : reservations.forOrder(orderId))
                    if (r.state == u"held"_s && r.locationId == *locationId)
                        heldHere.insert(r.lineNo);
                for (int no : lineNos)
                    if (!heldHere.contains(no))
                        throw Error::input(u"line %1 of order %2 is not held at %3"_s.arg(no).arg(
                            order.orderNumber, locationCode));
                const qint64 now = nowStoredTime();
                SqlQuery remember(m_db, u"INSERT INTO routing_rejections (order_id, location_id, "
                                        u"line_no, reason, actor, "
                                        "rejected_at) VALUES (:o, :l, :n, :reason, :actor, :now)"_s);
                SqlQuery unassign(
                    m_db,
                    u"UPDATE order_lines SET location_id = NULL WHERE order_id = :o AND line_no = :n"_s);
                for (int no : lineNos) {
                    remember.bind(u":o"_s, orderId).bind(u":l"_s, *locationId).bind(u":n"_s, no);
                    remember.bind(u":reason"_s, reason)
                        .bind(u":actor"_s, m_actor.user)
                        .bind(u":now"_s, now)
                        .exec();
                    unassign.bind(u":o"_s, orderId).bind(u":n"_s, no).exec();
                }
                result.released = reservations.release(orderId, m_actor, u"ROUTING_REJECTED"_s, lineNos);
                const QString detail =
                    u"%1 rejected line(s) %2: %3"_s.arg(locationCode, lineList(lineNos), reason);
                OrderLifecycle(m_db).transition(orderId, OrderStatus::Validated, m_actor,
                                                u"ROUTING_REJECTED"_s, detail);
                order = *orders.load(orderId);
                result.rejectedLocations = rejectedLocations(orderId);

                const Decision decision = decide(order, lineNos);
                result.rerouted = RoutedOrder{orderId, order.orderNumber, decision, false, false, {}, {}, {}};
                act(order, decision, result.rerouted, reservations);

                // The promise: the latest estimated arrival of the new shipments against
                // the requested date.
                QDateTime eta;
                for (const Shipment& s : decision.shipments) {
                    const QDateTime arrives = fromStoredTime(now).addDays(transitDays(s.distanceKm));
                    if (!eta.isValid() || arrives > eta)
                        eta = arrives;
                }
                const QString lines = lineList(lineNos);
                if (!order.requestedAt.isValid()) {
                    result.promiseNote = u"no delivery date was requested"_s;
                } else if (!eta.isValid()) {
                    result.promiseAtRisk = true;
                    result.promiseNote =
                        u"the lines have no new location yet; the requested date %1 is at risk"_s.arg(
                            order.requestedAt.toString(Qt::ISODate));
                } else if (eta > order.requestedAt) {
                    result.promiseAtRisk = true;
                    result.promiseNote = u"estimated arrival %1 is after the requested date %2"_s.arg(
                        eta.toString(Qt::ISODate), order.requestedAt.toString(Qt::ISODate));
                } else {
                    result.promiseNote = u"estimated arrival %1 meets the requested date %2"_s.arg(
                        eta.toString(Qt::ISODate), order.requestedAt.toString(Qt::ISODate));
                }
                QString kind;
                if (decision.shipments.isEmpty()) {
                    kind = u"delay"_s;
                    result.notification = u"Order %1: item(s) on line(s) %2 cannot be sent "
                                          u"from the store or warehouse "
                                          "first chosen. We are finding another way to "
                                          "fulfil them and will write "
                                          "again."_s.arg(order.orderNumber, lines);
                } else {
                    kind = result.promiseAtRisk ? u"delay"_s : u"reroute"_s;
                    QStringList from;
                    for (const Shipment& s : decision.shipments)
                        from << s.locationCode;
                    result.notification = u"Order %1: item(s) on line(s) %2 will now ship from %3."_s.arg(
                        order.orderNumber, lines, from.join(u", "_s));
                    if (result.promiseAtRisk)
                        result.notification +=
                            u" They may arrive after the date you asked for (estimated %1)."_s.arg(
                                eta.date().toString(Qt::ISODate));
                }
                SqlQuery notify(m_db, u"INSERT INTO notifications (order_id, kind, message, created_at) "
                                      "VALUES (:o, :kind, :message, :now)"_s);
                notify.bind(u":o"_s, orderId).bind(u":kind"_s, kind).bind(u":message"_s, result.notification);
                notify.bind(u":now"_s, now).exec();
                OrderTransitions(m_db).note(orderId, u"reject"_s, u"ROUTING_REJECTED"_s,
                                            detail + u"; rerouted: "_s + decisionSummary(decision) +
                                                u"; promise: "_s + result.promiseNote +
                                                (result.promiseAtRisk ? u" (flagged)"_s : QString()) +
                                                u"; customer notified ("_s + kind + u')',
                                            m_actor, now);
            });
        } catch (const StockMoved& moved) {
            if (attempt > 0)
                throw Error::state(
                    u"order %1: stock moved twice while the rejected lines were rerouted: %2"_s.arg(
                        result.orderNumber, moved.message));
            refreshStock(order);
            continue;
        }
        takeInRun(result.rerouted.decision, false);
        return result;
    }
}

} // namespace ordo
