#pragma once

#include "model/Actor.h"
#include "model/Order.h"

#include <QList>
#include <QString>

namespace ordo {

class Database;
class PositionSink;

// The one place order states change. Each method is a unit of work: it checks that the actor may act, checks
// the state machine, does the change, writes the audit event and commits, all in one transaction (it joins
// the caller's Transaction when there is one). Illegal moves throw Error::State with a message naming the
// order, the current state and the refused move.
class OrderLifecycle {
public:
    explicit OrderLifecycle(Database& db)
        : m_db(db) {}

    // Moves the whole order (and its open lines) to `to`.
    void transition(qint64 orderId, OrderStatus to, const Actor& actor, const QString& reason = {},
                    const QString& detail = {});
    // Moves some lines of a split order; the order's own state becomes the least advanced of its open lines.
    void advanceLines(qint64 orderId, const QList<int>& lineNos, OrderStatus to, const Actor& actor);
    // Holds the order in Exception with one or more reasons.
    void raiseException(qint64 orderId, const QList<ExceptionReason>& reasons, const Actor& actor);
    // Releases a held order back to the state it was held from. An order held before validation is validated
    // again first and stays held (Error::State listing what still fails) if it does not pass. An X12 order
    // whose partner's 855 waited for the exception gets it (OutboundDocuments::acknowledgeWhenDue).
    void release(qint64 orderId, const Actor& actor, const QString& note);
    // Cancels the order, giving its held stock back; an 855 that waited for the exception rejects its lines.
    void cancel(qint64 orderId, const Actor& actor, const QString& reasonCode, const QString& note);

    // Told the figures of the positions whose stock a cancel (release) or a shipment changed, after commit.
    void setPositionSink(PositionSink* sink) { m_sink = sink; }

private:
    Database& m_db;
    PositionSink* m_sink = nullptr;
};

} // namespace ordo
