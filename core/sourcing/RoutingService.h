#pragma once

#include "model/Actor.h"
#include "model/Decision.h"
#include "model/Order.h"
#include "model/RuleSet.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace ordo {

class Database;
class Error;
class InventoryIndex;
class StockLevels;
class ReservationService;
class RoutingNetwork;

// What routing one order did.
struct RoutedOrder {
    qint64 orderId = 0;
    QString orderNumber;
    Decision decision;
    bool reserved = false; // stock is now held for every assigned line
    bool rerouted = false; // the first reservation failed (stock moved since the
                           // index was read): routed again
    QString action;        // "reserved", "partly reserved", "backordered", "held",
                           // "unfillable", "cancelled", "dry run", "failed" (set
                           // aside), or empty when the order was skipped
    QString skipped;       // why the order was not routed (no longer validated...)
    // The decision as stored (compact JSON, DecisionJson) when the run has it at hand; empty: build it from
    // `decision`.
    QByteArray decisionJson;
};

// What a location's rejection did.
struct RejectResult {
    qint64 orderId = 0;
    QString orderNumber;
    int released = 0;              // reservations given back
    QStringList rejectedLocations; // every location that has rejected lines of
                                   // this order, the new one included
    RoutedOrder rerouted;          // the new decision for the rejected lines
    bool promiseAtRisk = false;    // the new shipment(s) may arrive after the requested date
    QString promiseNote;
    QString notification; // the message queued for the customer
};

// A person's choice for one line, from the Exceptions queue.
struct HandAssignment {
    int lineNo = 0;
    QString locationCode;
};

// What putting an order on backorder told the person: for each open line, the inbound supply expected to
// cover it (none known: empty).
struct BackorderLine {
    int lineNo = 0;
    QString skuCode;
    qint64 quantity = 0;
    QDateTime expectedAt; // when inbound supply (future_supply) covers the line; invalid: none expected
    QString reference;    // the purchase order that covers it
};

struct BackorderResult {
    qint64 orderId = 0;
    QString orderNumber;
    QList<BackorderLine> lines;
    QString summary; // in a sentence, as audited
};

// The database-facing side of routing (the router itself is the pure function
// route()): reads the active rules, the inventory index and the network, routes
// orders one by one in a run (each sees the units and the capacity the earlier
// ones took), and acts on each decision in ONE transaction: the decision
// record, each line's location, the reservation (ReservationService), the
// exception or backorder for what could not be routed, the audit events. A
// reservation that fails because stock moved since the index was read routes
// the order once more on fresh figures. A dry run decides the same way (a
// RunInventory overlay holds what each decision would take) and writes nothing.
//
// Capacity left today is each location's daily capacity minus the shipments of
// decisions stored since midnight UTC (routing_shipments).
class RoutingService {
public:
    RoutingService(Database& db, const Actor& actor);
    ~RoutingService();
    RoutingService(const RoutingService&) = delete;
    RoutingService& operator=(const RoutingService&) = delete;

    // Routes one Validated order; Error::notFound for an unknown id, Error::state
    // for an order not Validated.
    RoutedOrder routeOrder(qint64 orderId, bool dryRun = false);
    // Routes every Validated order, oldest first (at most `limit`, 0: all), in
    // sequence; each order is its own unit of work. Orders that are not routable
    // any more when their turn comes are reported as skipped. An order whose unit of work fails (the database
    // refused a row, a deadlock outlasted its retries) never stops the run: it is set aside (setAsideFailed)
    // and the run goes on. onRouted, when given, is told of each order as soon as its unit of work has
    // committed (or, in a dry run, been decided, or been set aside).
    QList<RoutedOrder> routePending(bool dryRun = false, int limit = 0,
                                    const std::function<void(const RoutedOrder&)>& onRouted = {});
    // The same run, keeping nothing per order: each order is handed to onRouted once its unit of work has
    // committed (a dry run: once decided), and forgotten. Returns how many orders the run met. What a
    // backlog of any size goes through (`ordo route --pending`): memory stays flat.
    qint64 routeBacklog(bool dryRun, int limit, const std::function<void(const RoutedOrder&)>& onRouted);
    // How many orders routeBacklog reads, decides and stores together in one unit of work (default 1,000).
    void setBacklogBatch(int orders) { m_backlogBatch = std::max(1, orders); }
    // An order whose unit of work failed in a run, after that unit rolled back: held in Exception with the
    // reason code ROUTING_FAILED and the error as its detail (nothing is written on a dry run), so that a
    // person sees it and the next run does not meet it again. Reported with action "failed" and the error in
    // `skipped`.
    RoutedOrder setAsideFailed(const Order& order, const Error& error, bool dryRun = false);

    // A location rejects lines it was to fulfil (not on the shelf, damaged, over
    // capacity): in one transaction the lines' reservations are released, the
    // location is remembered as rejecting the order, the lines are routed again
    // without any location that rejected this order, the promise date is checked
    // against the new shipments' transit time, a customer notification is queued
    // and the audit trail says it all. The order must be Routed and each line
    // held at `locationCode` (else Error::state / Error::input).
    RejectResult reject(qint64 orderId, const QString& locationCode, const QList<int>& lineNos,
                        const QString& reason);

    // Acts on a decision made elsewhere for a Validated order (the joint
    // optimiser routes many orders together and hands each decision here): stores
    // it, reserves, holds or backorders exactly as routeOrder() would.
    RoutedOrder apply(const Order& order, const Decision& decision, bool dryRun = false);

    // The Exceptions queue's routing actions. Each is one unit of work, audited, for an order the router
    // could not place (held in Exception from Validated) or one waiting to be routed (Validated).
    //
    // Routes the order again now (after stock arrived or the rules changed): takes it out of the queue and
    // acts on the new decision as routeOrder() does; if it still cannot be placed it goes back to the queue
    // with the new reason.
    RoutedOrder routeAgain(qint64 orderId, const QString& note);
    // What the router would decide for the order now, reserving nothing: the explanation a person reads
    // before choosing a location by hand.
    Decision proposal(qint64 orderId);
    // A person chooses the location of each open line. Every open line must be named; a location must
    // exist, be active and ship (hand over pickups, for a pickup order). The lines are reserved there (never
    // beyond what it has: Error::state naming the short lines, nothing changed). The stored decision keeps
    // the router's explanation (its candidates, the strategy it would have applied) with the shipments
    // chosen by hand, and the audit trail says what the router would have done and the difference in cost.
    RoutedOrder assignByHand(qint64 orderId, const QList<HandAssignment>& lines, const QString& note);
    // The order waits for stock: it leaves the queue (back to Validated) marked as backordered, so routing
    // runs backorder it instead of holding it again until it can be placed; the result says, per line, the
    // inbound supply expected to cover it.
    BackorderResult backorder(qint64 orderId, const QString& note);
    // Whether a person put the order on backorder (cleared once it is routed).
    bool isBackordered(qint64 orderId);

    // What a run routes against, loaded on first use: for a caller that decides
    // itself (the optimiser).
    const RuleSet& rules();
    const StockLevels& inventory(); // live figures, plus what this run's dry-run decisions took
    RoutingNetwork& network();
    QList<qint64> pendingOrderIds(int limit = 0);
    // The Validated orders themselves, oldest first, as the router reads them.
    QList<Order> pendingOrders(int limit = 0);
    // Order id -> locations (codes) that have rejected its lines.
    QStringList rejectedLocations(qint64 orderId);

private:
    struct Run;
    struct PageFacts;
    struct Batched;
    using Tell = std::function<void(const RoutedOrder&)>;
    Run& run();
    InventoryIndex& runIndex();
    Order loadActionable(qint64 orderId, const QString& action);
    RoutedOrder routeLoaded(const Order& order, bool dryRun);
    Decision decide(const Order& order, const QList<int>& lineNos);
    // backordered: nullopt, read it when it matters (the decision holds the order).
    Decision decide(const Order& order, const QList<int>& lineNos, const QSet<QString>& rejected,
                    std::optional<bool> backordered, const StockLevels& stock);
    // A backlog in batches (RoutingServiceBacklog.cpp).
    PageFacts pageFacts(const QList<qint64>& orderIds);
    bool batchable(const Order& order, const QList<int>& lineNos, const Decision& decision) const;
    void takeInBatch(const Decision& decision);
    void flushBatch(QList<Batched>& batch, std::vector<int>& capacityBefore, const Tell& tell);
    void storeBatch(QList<Batched>& batch, ReservationService& reservations);
    void act(const Order& order, const Decision& decision, RoutedOrder& result,
             ReservationService& reservations);
    void refreshStock(const Order& order);
    void takeInRun(const Decision& decision, bool inventoryToo);

    Database& m_db;
    Actor m_actor;
    std::unique_ptr<Run> m_run;
    int m_backlogBatch = 1000;
};

} // namespace ordo
