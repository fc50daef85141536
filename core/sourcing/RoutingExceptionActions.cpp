// The Exceptions queue's routing actions of RoutingService: route again, choose a location by hand,
// backorder.
#include "Error.h"
#include "RoutingService.h"
#include "RoutingServiceSupport.h"
#include "inventory/InventoryIndex.h"
#include "inventory/ReservationService.h"
#include "inventory/SegmentationRepository.h"
#include "lifecycle/OrderLifecycle.h"
#include "orders/OrderRepository.h"
#include "orders/OrderTransitions.h"
#include "sourcing/RoutingNetwork.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

using namespace routingsupport;

namespace {

const QString byHandStrategy = u"chosen by hand"_s;

// Takes a held order out of the queue (back to Validated) inside the caller's unit of work.
void leaveQueue(Database& db, const Order& order, const Actor& actor, const QString& note) {
    if (order.status == OrderStatus::Exception)
        OrderLifecycle(db).release(order.id, actor, note);
}

} // namespace

Order RoutingService::loadActionable(qint64 orderId, const QString& action) {
    OrderRepository orders(m_db);
    const auto order = orders.load(orderId);
    if (!order)
        throw Error::notFound(u"there is no order with id %1"_s.arg(orderId));
    if (order->status == OrderStatus::Validated)
        return *order;
    if (order->status == OrderStatus::Exception) {
        const auto state = OrderTransitions(m_db).lock(orderId);
        if (state && state->heldFrom == OrderStatus::Validated)
            return *order;
        throw Error::state(
            u"order %1 was held before it was validated; fix what fails validation before you %2"_s.arg(
                order->orderNumber, action));
    }
    throw Error::state(
        u"order %1 is %2; only an order waiting to be routed (validated, or held by routing) can "
        u"be %3"_s.arg(order->orderNumber, orderStatusCode(order->status), action));
}

bool RoutingService::isBackordered(qint64 orderId) {
    SqlQuery q(m_db, u"SELECT 1 FROM routing_backorders WHERE order_id = :o"_s);
    q.bind(u":o"_s, orderId);
    return q.optionalScalar().has_value();
}

RoutedOrder RoutingService::routeAgain(qint64 orderId, const QString& note) {
    require(m_actor, Permission::ResolveExceptions, u"route held orders again"_s);
    require(m_actor, Permission::AdvanceOrders, u"route orders"_s);
    loadActionable(orderId, u"routed again"_s);
    run(); // loaded before the unit of work, which stays short
    for (int attempt = 0;; ++attempt) {
        RoutedOrder result;
        Order order;
        try {
            runRoutingUnit(m_db, &runIndex(), [&](ReservationService& reservations) {
                order = loadActionable(orderId, u"routed again"_s);
                leaveQueue(m_db, order, m_actor, note.isEmpty() ? u"routed again"_s : note);
                order.status = OrderStatus::Validated;
                const Decision decision = decide(order, linesToRoute(m_db, order));
                result = RoutedOrder{order.id, order.orderNumber, decision, false, attempt > 0, {}, {}, {}};
                act(order, decision, result, reservations);
            });
        } catch (const StockMoved& moved) {
            if (attempt > 0)
                throw Error::state(u"order %1: stock moved twice while it was routed again: %2"_s.arg(
                    order.orderNumber, moved.message));
            refreshStock(order);
            continue;
        }
        takeInRun(result.decision, false);
        return result;
    }
}

Decision RoutingService::proposal(qint64 orderId) {
    const Order order = loadActionable(orderId, u"routed"_s);
    return decide(order, linesToRoute(m_db, order));
}

RoutedOrder RoutingService::assignByHand(qint64 orderId, const QList<HandAssignment>& lines,
                                         const QString& note) {
    require(m_actor, Permission::ResolveExceptions, u"choose locations by hand"_s);
    require(m_actor, Permission::AdvanceOrders, u"route orders"_s);
    if (note.trimmed().isEmpty())
        throw Error::usage(u"choosing a location by hand needs a note saying why"_s);
    Order order = loadActionable(orderId, u"routed by hand"_s);
    const Decision router = decide(order, linesToRoute(m_db, order));

    // Which lines must be named, and where each goes.
    QList<int> open = linesToRoute(m_db, order);
    if (open.isEmpty())
        for (const OrderLine& line : std::as_const(order.lines))
            if (line.status != OrderStatus::Cancelled)
                open << line.lineNo;
    QHash<int, QString> chosen;
    for (const HandAssignment& a : lines) {
        if (!open.contains(a.lineNo))
            throw Error::input(u"order %1 has no open line %2 waiting for a location"_s.arg(order.orderNumber)
                                   .arg(a.lineNo));
        if (chosen.contains(a.lineNo))
            throw Error::input(u"line %1 is given twice"_s.arg(a.lineNo));
        chosen.insert(a.lineNo, a.locationCode);
    }
    QList<int> missing;
    for (int no : std::as_const(open))
        if (!chosen.contains(no))
            missing << no;
    if (!missing.isEmpty())
        throw Error::input(
            u"choose a location for line(s) %1 of order %2 too"_s.arg(lineList(missing), order.orderNumber));

    // The shipments, costed as the router costs them.
    RoutingNetwork& net = network();
    const bool pickup = order.delivery == DeliveryMethod::Pickup;
    Decision d = router;
    d.strategy = byHandStrategy;
    for (StrategyTrace& t : d.strategies)
        if (t.applied) {
            t.applied = false;
            t.reason = u"the router would have applied this strategy; overridden by hand"_s;
        }
    d.strategies << StrategyTrace{byHandStrategy, true,
                                  u"chosen by %1: %2"_s.arg(m_actor.user, note.trimmed())};
    d.outcome = RoutingOutcome::Routed;
    d.shipments.clear();
    d.unfilled.clear();
    d.totalCostMinor = 0;
    d.exact = true;
    d.method = SearchMethod::Exact; // what the person chose, not a search: no bound, no solver time
    d.bound.reset();
    d.gap.reset();
    d.solverMs = 0;
    d.decidedAtMs = nowStoredTime();
    for (const OrderLine& line : std::as_const(order.lines)) {
        if (!chosen.contains(line.lineNo))
            continue;
        const QString code = chosen.value(line.lineNo);
        const int at = net.indexOf(code);
        if (at < 0)
            throw Error::notFound(u"there is no location %1 (line %2)"_s.arg(code).arg(line.lineNo));
        const Location& location = net.at(at).location;
        if (pickup ? !location.pickup : !location.ships)
            throw Error::input(u"%1 does not %2 (line %3)"_s
                                   .arg(code, pickup ? u"hand over pickups"_s : u"ship to customers"_s)
                                   .arg(line.lineNo));
        auto shipment = std::find_if(d.shipments.begin(), d.shipments.end(),
                                     [&](const Shipment& s) { return s.locationCode == code; });
        if (shipment == d.shipments.end()) {
            Shipment s;
            s.locationCode = code;
            if (!pickup && order.shipTo.position) {
                s.distanceKm = distanceKm(location.position, *order.shipTo.position);
                s.costMinor = rules().costs.shipmentCostMinor(location.type, s.distanceKm);
            }
            d.shipments << s;
            shipment = d.shipments.end() - 1;
        }
        shipment->lines << ShipmentLine{line.lineNo, line.skuCode, line.quantity};
    }
    for (const Shipment& s : std::as_const(d.shipments))
        d.totalCostMinor += s.costMinor;
    d.objective = double(d.totalCostMinor);
    d.reason = u"chosen by hand by %1 (%2); the router would have: %3"_s.arg(m_actor.user, note.trimmed(),
                                                                             decisionSummary(router));
    QSet<QString> used;
    for (const Shipment& s : std::as_const(d.shipments))
        used.insert(s.locationCode);
    for (CandidateLocation& c : d.candidates) {
        const bool wasChosen = c.chosen;
        c.chosen = used.contains(c.locationCode);
        if (c.chosen)
            c.notChosen.clear();
        else if (wasChosen)
            c.notChosen = u"the router's choice, overridden by hand"_s;
    }
    d.runnerUp.reset();
    if (!router.shipments.isEmpty())
        d.runnerUp =
            RunnerUp{router.shipments, router.totalCostMinor, router.objective,
                     u"the router's choice: %1 in total"_s.arg(money(router.totalCostMinor, d.currency))};

    QString comparison;
    if (router.shipments.isEmpty())
        comparison = u"the router could not place it (%1)"_s.arg(router.reason);
    else {
        const qint64 difference = d.totalCostMinor - router.totalCostMinor;
        comparison = u"the router would have shipped %1 for %2; chosen by hand %3 for %4 (%5)"_s.arg(
            shipmentSummary(router), money(router.totalCostMinor, d.currency), shipmentSummary(d),
            money(d.totalCostMinor, d.currency),
            difference == 0
                ? u"the same cost"_s
                : money(std::abs(difference), d.currency) + (difference > 0 ? u" dearer"_s : u" cheaper"_s));
    }

    RoutedOrder result;
    try {
        runRoutingUnit(m_db, &runIndex(), [&](ReservationService& reservations) {
            result = RoutedOrder{order.id, order.orderNumber, d, false, false, {}, {}, {}};
            order = loadActionable(orderId, u"routed by hand"_s);
            leaveQueue(m_db, order, m_actor, u"location chosen by hand: "_s + note.trimmed());
            order.status = OrderStatus::Validated;
            act(order, d, result, reservations);
            OrderTransitions(m_db).note(order.id, u"route_by_hand"_s, u"ROUTED_BY_HAND"_s,
                                        note.trimmed() + u"; "_s + comparison, m_actor, nowStoredTime());
        });
    } catch (const StockMoved& shortage) {
        throw Error::state(
            u"order %1 cannot be reserved where chosen: %2"_s.arg(order.orderNumber, shortage.message));
    }
    takeInRun(d, false);
    return result;
}

BackorderResult RoutingService::backorder(qint64 orderId, const QString& note) {
    require(m_actor, Permission::ResolveExceptions, u"backorder held orders"_s);
    if (note.trimmed().isEmpty())
        throw Error::usage(u"a backorder needs a note"_s);
    const Segmentation segmentation = SegmentationRepository(m_db, m_actor).load();

    return runUnitOfWork(m_db, [&](Transaction&) {
        const Order order = loadActionable(orderId, u"backordered"_s);
        BackorderResult result{order.id, order.orderNumber, {}, {}};

        // Inbound supply per SKU in order of arrival; each open line takes what it needs in line order.
        QHash<QString, QList<FutureSupplyLine>> inbound;
        for (const FutureSupplyLine& f : segmentation.futureSupply)
            inbound[f.skuCode] << f;
        for (auto& list : inbound)
            std::sort(list.begin(), list.end(), [](const FutureSupplyLine& a, const FutureSupplyLine& b) {
                return a.arrivesAt < b.arrivesAt;
            });
        QHash<QString, qint64> taken; // units of each SKU's inbound supply promised to earlier lines
        QStringList parts;
        for (const OrderLine& line : order.lines) {
            if (line.status == OrderStatus::Cancelled)
                continue;
            BackorderLine b{line.lineNo, line.skuCode, line.quantity, {}, {}};
            qint64 before = taken.value(line.skuCode);
            qint64 cumulative = 0;
            for (const FutureSupplyLine& f : inbound.value(line.skuCode)) {
                cumulative += f.quantity;
                if (cumulative - before >= line.quantity) {
                    b.expectedAt = f.arrivesAt;
                    b.reference = f.reference;
                    break;
                }
            }
            taken[line.skuCode] = before + line.quantity;
            parts << (b.expectedAt.isValid()
                          ? u"line %1 (%2 x %3) expected %4 with %5"_s.arg(line.lineNo)
                                .arg(line.quantity)
                                .arg(line.skuCode, b.expectedAt.date().toString(Qt::ISODate), b.reference)
                          : u"line %1 (%2 x %3) no inbound supply known"_s.arg(line.lineNo)
                                .arg(line.quantity)
                                .arg(line.skuCode));
            result.lines << b;
        }
        result.summary = parts.join(u"; "_s);

        leaveQueue(m_db, order, m_actor, u"backordered: "_s + note.trimmed());
        const qint64 now = nowStoredTime();
        SqlQuery mark(m_db,
                      u"INSERT INTO routing_backorders (order_id, actor, note, expected, created_at) "
                      u"VALUES (:o, :actor, :note, :expected, :now) ON CONFLICT (order_id) DO UPDATE SET "
                      u"actor = excluded.actor, note = excluded.note, expected = excluded.expected, "
                      u"created_at = excluded.created_at"_s);
        mark.bind(u":o"_s, order.id).bind(u":actor"_s, m_actor.user).bind(u":note"_s, note.trimmed());
        mark.bind(u":expected"_s, result.summary).bind(u":now"_s, now).exec();
        OrderTransitions(m_db).note(order.id, u"backorder"_s, reasonCodeFor(RoutingOutcome::Backordered),
                                    note.trimmed() + u"; "_s + result.summary, m_actor, now);
        return result;
    });
}

} // namespace ordo
