#pragma once

#include "model/Actor.h"
#include "model/Decision.h"
#include "sourcing/RoutingService.h"

#include <QList>
#include <QObject>

namespace ordo::ui {

class OrderBackend;

// The Exceptions queue's routing actions, run in the backend's database thread through the core's
// RoutingService: route again, what the router proposes, choose a location by hand, backorder. Each request
// returns a ticket; its answer arrives as finished() (or proposalReady()) on the GUI thread.
class RoutingActions : public QObject {
    Q_OBJECT

public:
    RoutingActions(OrderBackend* backend, const Actor& actor, QObject* parent = nullptr);

    quint64 routeAgain(qint64 orderId, const QString& note);
    quint64 assignByHand(qint64 orderId, const QList<ordo::HandAssignment>& lines, const QString& note);
    quint64 backorder(qint64 orderId, const QString& note);
    quint64 fetchProposal(qint64 orderId);

signals:
    // `message` says what happened, for the status bar ("W-1 reserved at DC-EAST"); `error` is empty on
    // success.
    void finished(quint64 ticket, qint64 orderId, const QString& message, const QString& error);
    void proposalReady(quint64 ticket, qint64 orderId, const ordo::Decision& decision, const QString& error);

private:
    OrderBackend* m_backend;
    Actor m_actor;
};

// "reserved at DC-EAST, ST-NYC (12.34 USD)", "held again: no location has the units"...
QString routedOrderMessage(const ordo::RoutedOrder& routed);

} // namespace ordo::ui
