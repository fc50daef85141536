#pragma once

#include "model/Actor.h"
#include "model/AuditEvent.h"
#include "model/Order.h"

#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace ordo {

class BulkInsert;
class Database;
class OrderRepository;
class SqlQuery;

// Why an order moves: each cause needs its own permission of the actor.
enum class TransitionCause {
    Capture,    // validated (or held) as it is captured: CaptureOrders
    Correction, // validated again after a person corrected it: ResolveExceptions
    Routing,    // stock reserved (Validated -> Routed), or handed back to routing: AdvanceOrders
    Fulfilment, // released, picked, packed, shipped, delivered: AdvanceOrders
    Hold,       // held in Exception by a person or a service: ResolveExceptions
    Release,    // let out of Exception: ResolveExceptions
    Cancel,     // CancelOrders
};

// One order's move, as the caller found the order under its lock.
struct Transition {
    qint64 orderId = 0;
    OrderStatus from = OrderStatus::Pending;
    OrderStatus to = OrderStatus::Pending;
    TransitionCause cause = TransitionCause::Fulfilment;
    // to == Exception: the state the order is held from (default: `from`). An order held again while held
    // (a correction that still fails validation) changes only this.
    std::optional<OrderStatus> heldFrom;
    // The state the order's open (not cancelled) lines take; nullopt: the lines stay as they are.
    std::optional<OrderStatus> lines;
    QString action = QStringLiteral("transition"); // the audit event's action
    QString reason;                                // reason code
    QString detail;                                // for people
};

// An order the caller locked: LockedOrder::status is what the order is now, read under the lock.
struct LockedOrder {
    OrderStatus status = OrderStatus::Pending;
    std::optional<OrderStatus> heldFrom;
    QString orderNumber;
    qint64 pickupLocationId = 0; // a pickup order's location, 0: shipped
};

// An order whose stock was just held, moving Validated -> Routed: the lines held now with their locations and
// the "reserve" audit event's text.
struct RoutedLines {
    qint64 orderId = 0;
    QList<std::pair<int, qint64>> lineLocations; // (line number, location id), in line order
    QString heldDetail;                          // "line 1: 2 x SKU at DC; ...", empty: nothing held now
    bool earlierHolds = false;                   // some open lines were held by an earlier call
};

// An event on an order that changes no state, one of a set written together (OrderTransitions::noteMany).
struct OrderNote {
    qint64 orderId = 0;
    QString action;
    QString reason;
    QString detail;
};

// The one owner of an order's and its lines' status (ARCHITECTURE.md, "The way an order travels"). Every
// change of orders.status or order_lines.status, and every audit event on an order, is written here, for one
// order or for a set of orders at once, so that the state machine, the actor's permission and the audit row
// are never forgotten by a new path. The services decide what happens (reserve, release, ship, correct) and
// call this to record it, in their own unit of work. scripts/check-owners.sh keeps it so.
//
// Changed order ids are collected (changedOrders()) for those that tell others of the change: one owner also
// means one place to publish change notices from.
class OrderTransitions {
public:
    explicit OrderTransitions(Database& db);
    ~OrderTransitions();
    OrderTransitions(const OrderTransitions&) = delete;
    OrderTransitions& operator=(const OrderTransitions&) = delete;

    // Locks the order's row for the rest of the caller's transaction (a no-op UPDATE takes the row lock on
    // both engines) and reads its state; nullopt when there is no such order.
    std::optional<LockedOrder> lock(qint64 orderId);

    // One order's move: checks the actor's permission for the cause and the state machine (Error::Denied,
    // Error::State naming the order and the refused move), writes the status, the lines and the audit event.
    void apply(const Transition& t, const Actor& actor, qint64 atMs);
    // A newly captured order, stored as validation left it (Validated, or Exception with its lines Pending):
    // the capture event, then its move out of Pending (passed validation, or held with every reason).
    void recordCapture(qint64 orderId, const QString& captureDetail, const QList<ExceptionReason>& reasons,
                       const Actor& actor, qint64 atMs);
    // Some lines of a split order move to `to` (each checked one step forward along the path), with a "lines"
    // audit event; the order takes the state of its least advanced open line. Returns that state.
    OrderStatus advanceLines(qint64 orderId, OrderStatus orderStatus, const QList<int>& lineNos,
                             OrderStatus to, const Actor& actor, qint64 atMs);
    // Holds and their resolution go with the move to and from Exception.
    void addHolds(qint64 orderId, const QList<ExceptionReason>& reasons, const Actor& actor, qint64 atMs);
    void resolveHolds(qint64 orderId, const QString& resolution, const Actor& actor, qint64 atMs,
                      const QStringList& codes = {});
    // An event on the order that changes no state (captured, corrected, stock released, a document sent).
    void note(qint64 orderId, const QString& action, const QString& reason, const QString& detail,
              const Actor& actor, qint64 atMs, const QString& fromState = {}, const QString& toState = {});
    // The same for many orders at once, with multi-row inserts.
    void noteMany(const QList<OrderNote>& notes, const Actor& actor, qint64 atMs);

    // Validated -> Routed, for the reservation paths (permission AdvanceOrders, checked once per call).
    // claimRouted moves the order in the statement that locks it, when it is Validated: the order number and
    // pickup location, or nullopt (not Validated, or unknown).
    std::optional<LockedOrder> claimRouted(qint64 orderId, const Actor& actor, qint64 atMs);
    // What a reservation leaves on the order after its stock was held: the lines' locations and status, the
    // order's status (moveOrder false when claimRouted moved it already) and the transition and reserve audit
    // events. routed false: only the lines' locations and the reserve event (a partial hold stays Validated).
    void recordRouted(const RoutedLines& order, bool routed, bool moveOrder, const Actor& actor, qint64 atMs);
    // The same for a group of orders, each routed whole, in a few set statements.
    void recordRoutedGroup(const QList<RoutedLines>& orders, const Actor& actor, qint64 atMs);
    // PostgreSQL's one-trip reservation builds its statements from these parts (values as literals):
    //   claimRoutedSql   an UPDATE ... RETURNING id, order_number, delivery, pickup_location_id for a WITH;
    //   routedScript     recordRouted as a script of statements;
    //   routedTailSql    "l AS (UPDATE order_lines ...) INSERT INTO audit_events ...", the end of a WITH.
    QString claimRoutedSql(qint64 orderId, const Actor& actor, qint64 atMs);
    QString routedScript(const RoutedLines& order, bool routed, bool moveOrder, const Actor& actor,
                         qint64 atMs);
    QString routedTailSql(const RoutedLines& order, const Actor& actor, qint64 atMs);

    // A generator of past orders (the demo) stores them as they stand and records their histories here, in
    // bulk: each event with its own time (its entity is the order). flushPast() sends what is buffered; call
    // it after the orders themselves are written.
    void recordPast(qint64 orderId, const AuditEvent& event);
    void flushPast();
    qint64 pastEventsWritten() const;

    // The orders changed since the last call, and forgets them.
    QSet<qint64> takeChangedOrders() { return std::exchange(m_changed, {}); }

    // The permission a cause needs.
    static Permission permissionFor(TransitionCause cause);

private:
    void require(const Actor& actor, TransitionCause cause, const QString& what) const;
    void requireRouting(const Actor& actor);
    void writeStatus(qint64 orderId, OrderStatus to, std::optional<OrderStatus> heldFrom, qint64 atMs);
    void writeLines(qint64 orderId, OrderStatus to, const QList<int>& lineNos = {});
    SqlQuery& prepared(std::unique_ptr<SqlQuery>& slot, const QString& sql);

    Database& m_db;
    std::unique_ptr<OrderRepository> m_orders;
    QSet<qint64> m_changed;
    std::unique_ptr<BulkInsert> m_past;
    std::unique_ptr<SqlQuery> m_lock, m_claim, m_status, m_lines, m_lineStatus, m_audit, m_routedStatus,
        m_lineLocation, m_lineLocationStatus;
};

} // namespace ordo
