#pragma once

#include "inventory/InventoryTypes.h"
#include "model/Actor.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace ordo {

class Database;
class OrderTransitions;
struct RoutedLines;
class PositionSink;
class SqlQuery;
class Transaction;

// One order line's stock held at one location.
struct ReservedLine {
    int lineNo = 0;
    QString skuCode;
    qint64 skuId = 0;
    QString locationCode;
    qint64 locationId = 0;
    qint64 quantity = 0;
};

// What reserving one order did.
struct ReservationOutcome {
    qint64 orderId = 0;
    QString orderNumber;
    bool routed = false;          // every open line is now held and the order moved Validated -> Routed
    QList<ReservedLine> reserved; // lines reserved by this call
    QStringList shortages; // lines left uncovered, each naming the SKU, the location(s) and what was free
    QString refusal;       // reserveMany: why the order was not looked at (not Validated, unknown)
};

// A stored reservation row.
struct StoredReservation {
    qint64 id = 0;
    qint64 orderId = 0;
    int lineNo = 0;
    qint64 locationId = 0;
    qint64 skuId = 0;
    qint64 quantity = 0;
    QString state;   // held | released | shipped
    int attempt = 1; // the order's reservation attempt that held it (see reserveEventId)
};

// Holds, releases and ships stock for orders (ARCHITECTURE.md, decision 4). Each line is reserved by ONE
// conditional statement
//   UPDATE positions SET reserved = reserved + q WHERE location AND sku AND on_hand - reserved - safety >= q
// whose affected row (returned with the new figures) is the proof that the stock was free; the database's
// row lock makes it atomic on SQLite and PostgreSQL alike, so several processes never oversell. Every held
// reservation is one reservations row and one ledger row (inventory_events, kind reserve/release/ship) and
// every call writes one audit event on the order, all in the caller's unit of work. After the outermost
// commit the PositionSink (may be null) is told the final figures of each changed position.
//
// Location choice, until routing exists: the location named on the line (order_lines.location_id), else the
// pickup location of a pickup order, else the first location by code that can cover the line.
class ReservationService {
public:
    explicit ReservationService(Database& db, PositionSink* sink = nullptr);
    ~ReservationService();
    ReservationService(const ReservationService&) = delete;
    ReservationService& operator=(const ReservationService&) = delete;

    enum class Mode {
        Whole,   // all lines or nothing: Error::State naming the SKU, location and what was free
        Partial, // hold what can be held, report the rest; the order stays Validated until every line is held
    };

    // Reserves a Validated order's open lines that hold nothing yet and, once every line is held, moves the
    // order to Routed (OrderLifecycle) and records each line's location. An order that is not Validated
    // (already routed, say) is refused with Error::State and nothing changes.
    ReservationOutcome reserve(qint64 orderId, const Actor& actor, Mode mode = Mode::Whole);
    // Many orders, `groupSize` per transaction, each order all-or-nothing: an order that cannot be covered
    // (or is no longer Validated) is left as it was and reported; the others are committed. A group that
    // meets a deadlock (PostgreSQL) or a busy database is retried. The group is read and written set at a
    // time (a few statements for its orders, lines and positions, multi-row inserts for what it leaves); the
    // stock is held by one conditional UPDATE over the group's positions, each checked. This is the path for
    // throughput.
    QList<ReservationOutcome> reserveMany(const QList<qint64>& orderIds, const Actor& actor,
                                          int groupSize = 500);
    // Validated orders, oldest first (at most `limit`, 0: all).
    QList<qint64> validatedOrderIds(int limit = 0);

    // Gives back held stock (order cancelled, or a location rejected the lines): reserved -= q, the
    // reservations become released. Lines empty: every line. Returns how many reservations were released.
    int release(qint64 orderId, const Actor& actor, const QString& reason, const QList<int>& lineNos = {});
    // Ships held stock: on hand and reserved fall together, the reservations become shipped.
    int ship(qint64 orderId, const Actor& actor, const QList<int>& lineNos = {});

    QList<StoredReservation> forOrder(qint64 orderId);

    // How many orders this service reserved on PostgreSQL in the round trip that commits (the rest, and every
    // one on SQLite, went the ordinary way): a figure for diagnostics and the tests.
    qint64 oneTripHolds() const { return m_oneTripHolds; }

    // Tells the sink the figures of the positions changed since the last call and forgets them. Called by
    // the service itself after a commit it owns; a caller whose Transaction the service joined calls it after
    // its own commit.
    void publishChanges();

private:
    struct OpenLine {
        int lineNo = 0;
        qint64 skuId = 0; // 0: not in the catalogue
        QString skuCode;
        qint64 quantity = 0;
        qint64 locationId = 0; // named on the line, 0: none
    };
    struct Taken {
        ReservedLine line;
        PositionFigures after;
        QString previousEventId; // where the position's ledger chain ended before this line (empty: nowhere)
        QString eventId;         // its ledger event (reserveEventId); the grouped path names it in chainGroup
        int attempt = 1;         // the order's reservation attempt that holds it
    };
    struct GroupStock;
    // The order's lines that are not cancelled, in (SKU, named location) order (the order positions are
    // locked in); `held` receives those held by an earlier partial reservation, `attempt` the number of this
    // reservation attempt of the order (one more than its reservations' highest).
    QList<OpenLine> openLines(qint64 orderId, QSet<int>& held, int& attempt);
    // PostgreSQL (ReservationServiceOneTrip.cpp): claims the order and reads its lines in one round trip,
    // then writes what the hold leaves, holds every line and commits `tx` in the next. Nothing (with `tx` to
    // be rolled back) when the order is not for this path or a line came up short.
    std::optional<ReservationOutcome> reserveInOneTrip(qint64 orderId, const Actor& actor, qint64 now,
                                                       Transaction& tx);
    // reserveMany's unit of work (ReservationServiceGroup.cpp): the group's orders, lines and positions read
    // in a few statements under locks taken in one global order, its lines placed in memory, a conditional
    // UPDATE of the group's claim on each position it takes from, and the rows it leaves written with
    // multi-row statements.
    QList<ReservationOutcome> reserveGroup(const QList<qint64>& group, const Actor& actor, qint64 now);
    std::optional<Taken> placeInGroup(const OpenLine& line, qint64 namedLocation, GroupStock& stock,
                                      QString& shortage);
    void chainGroup(QList<std::pair<qint64, QList<Taken>>>& routed, GroupStock& stock);
    void holdGroup(const QList<std::pair<qint64, QList<Taken>>>& routed, const GroupStock& stock, qint64 now);
    void recordGroup(const QList<std::pair<qint64, QList<Taken>>>& routed,
                     const QList<qint64>& withEarlierHolds, const Actor& actor, qint64 now);
    SqlQuery& reserveStatement();
    // "res:<order>#<attempt>:<line>:<location>". Every call that holds stock for an order is the next attempt
    // of that order (taken under the order's lock), so a line held, given back and held again at the same
    // location gets a new reservations row and new event ids (schema step 9); release and ship ids follow
    // the same form ("rel:", "ship:").
    static QString reserveEventId(qint64 orderId, int attempt, int lineNo, qint64 locationId);
    static QString reserveEventPrefix(qint64 orderId, int attempt, int lineNo); // without the location
    static QString closeEventId(bool shipping, const StoredReservation& r);
    // "line 2: 3 x SKU-1 at DC-EAST", what the reserve audit event lists per line held.
    static QString heldText(int lineNo, qint64 quantity, const QString& skuCode, const QString& locationCode);
    // The lines taken as OrderTransitions records them, with the reserve event's text.
    static RoutedLines routedLines(qint64 orderId, const QList<Taken>& taken, bool earlierHolds);
    ReservationOutcome reserveOne(qint64 orderId, const Actor& actor, Mode mode, qint64 now);
    std::optional<Taken> take(qint64 orderId, int attempt, const OpenLine& line, qint64 namedLocation,
                              qint64 now, QString& shortage);
    // What record() does besides holding the lines: nothing more, move the lines to Routed and write the
    // transition's audit event (the order itself was claimed Routed already), or all of it.
    enum class RouteStep { None, LinesAndAudit, All };
    void record(qint64 orderId, const QList<Taken>& taken, const Actor& actor, qint64 now, RouteStep route,
                bool noEarlierHolds);
    void recordInOneTrip(qint64 orderId, const QList<Taken>& taken, const Actor& actor, qint64 now,
                         RouteStep route, bool noEarlierHolds);
    int close(qint64 orderId, const Actor& actor, const QList<int>& lineNos, bool shipping,
              const QString& reason);
    void writeLedger(const QString& eventId, qint64 locationId, qint64 skuId, const QString& kind,
                     qint64 quantity, const PositionFigures& after, const QString& previousEventId,
                     const QString& reason, const Actor& actor, qint64 now);
    QString locationCode(qint64 locationId);
    SqlQuery& prepared(std::unique_ptr<SqlQuery>& slot, const QString& sql);
    template <typename Body> auto withRetry(Body body) -> decltype(body());

    Database& m_db;
    PositionSink* m_sink;
    std::unique_ptr<OrderTransitions> m_transitions; // the orders' moves, with their kept statements
    QHash<qint64, QString> m_locationCodes;
    QList<QPair<QString, qint64>> m_locationsByCode;         // (code, id), sorted by code
    QHash<QPair<qint64, qint64>, PositionFigures> m_changed; // (location, sku) -> figures after
    qint64 m_oneTripHolds = 0;
    std::unique_ptr<SqlQuery> m_openLines, m_candidates, m_reserve, m_reserveFirst, m_insertReservation,
        m_insertEvent, m_release, m_ship, m_closeReservation, m_available;
};

} // namespace ordo
