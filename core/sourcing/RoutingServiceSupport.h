#pragma once

#include "inventory/ReservationService.h"
#include "model/Actor.h"
#include "model/Decision.h"
#include "model/Order.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

#include <QList>
#include <QString>

#include <optional>

namespace ordo {
class PositionSink;
}

// What RoutingService's units of work share (RoutingService.cpp and RoutingExceptionActions.cpp): wording of
// decisions for the audit trail, reason codes, permission checks.
namespace ordo::routingsupport {

// The reservation of a decided line failed: another process took the stock after the index was read.
struct StockMoved {
    QString message;
};

// Error::denied naming the user, the role and `what` they may not do.
void require(const Actor& actor, Permission permission, const QString& what);
QString lineList(const QList<int>& lineNos); // "1, 2, 3"
QString money(qint64 minor, const QString& currency);
// "DC-EAST (lines 1, 2) 12.34 USD; ST-NYC (line 3) 6.50 USD"
QString shipmentSummary(const Decision& d);
// The outcome, rule version, strategy, shipments and what is left, in one line for the audit trail.
QString decisionSummary(const Decision& d);
// The reason code of an order whose unit of work failed in a routing run (RoutingService::setAsideFailed).
inline const QString failedReasonCode = QStringLiteral("ROUTING_FAILED");
// The reason code the audit trail and the Exceptions queue use for an outcome (ROUTING_HELD...).
QString reasonCodeFor(RoutingOutcome outcome);
// Estimated days in transit, as the transit_days criterion counts them.
int transitDays(double km);
// Open lines that hold no stock yet; empty when none holds any (the router then takes every open line).
QList<int> linesToRoute(Database& db, const Order& order);

// One routing unit of work: `unit(reservations)` inside one Transaction, run again as a whole when the
// database gave up on it (TransactionRunner), each attempt with a ReservationService of its own so that
// nothing of a failed attempt is told to `sink`; the positions it changed are told after the commit (by the
// caller's own commit, when it runs inside a caller's unit of work).
template <typename Unit> void runRoutingUnit(Database& db, PositionSink* sink, Unit&& unit) {
    std::optional<ReservationService> reservations;
    TransactionRunner(db).run([&] {
        reservations.emplace(db, sink);
        Transaction tx(db);
        unit(*reservations);
        tx.commit();
    });
    if (db.transactionDepth() == 0)
        reservations->publishChanges();
}

} // namespace ordo::routingsupport
