#include "RoutingActions.h"

#include "OrderBackend.h"
#include "RoutingText.h"
#include "model/Money.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace ordo::ui {

RoutingActions::RoutingActions(OrderBackend* backend, const Actor& actor, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_actor(actor) {}

QString routedOrderMessage(const RoutedOrder& routed) {
    const Decision& d = routed.decision;
    if (!routed.skipped.isEmpty())
        return routed.skipped;
    if (d.shipments.isEmpty())
        return QObject::tr("%1: %2 (%3)").arg(routed.orderNumber, outcomeName(d.outcome), d.reason);
    QStringList from;
    for (const Shipment& s : d.shipments)
        from << s.locationCode;
    return QObject::tr("%1: %2 at %3 (%4)")
        .arg(routed.orderNumber, outcomeName(d.outcome), from.join(u", "_s),
             Money{d.totalCostMinor, d.currency.isEmpty() ? u"USD"_s : d.currency}.toString());
}

quint64 RoutingActions::routeAgain(qint64 orderId, const QString& note) {
    const quint64 ticket = OrderBackend::nextGeneration();
    auto message = std::make_shared<QString>();
    m_backend->run(
        [=, actor = m_actor](Database& db) {
            *message = routedOrderMessage(RoutingService(db, actor).routeAgain(orderId, note));
        },
        [=, this](const QString& error) { emit finished(ticket, orderId, *message, error); });
    return ticket;
}

quint64 RoutingActions::assignByHand(qint64 orderId, const QList<HandAssignment>& lines,
                                     const QString& note) {
    const quint64 ticket = OrderBackend::nextGeneration();
    auto message = std::make_shared<QString>();
    m_backend->run(
        [=, actor = m_actor](Database& db) {
            *message = routedOrderMessage(RoutingService(db, actor).assignByHand(orderId, lines, note));
        },
        [=, this](const QString& error) { emit finished(ticket, orderId, *message, error); });
    return ticket;
}

quint64 RoutingActions::backorder(qint64 orderId, const QString& note) {
    const quint64 ticket = OrderBackend::nextGeneration();
    auto message = std::make_shared<QString>();
    m_backend->run(
        [=, actor = m_actor](Database& db) {
            const BackorderResult result = RoutingService(db, actor).backorder(orderId, note);
            *message = tr("%1 on backorder: %2").arg(result.orderNumber, result.summary);
        },
        [=, this](const QString& error) { emit finished(ticket, orderId, *message, error); });
    return ticket;
}

quint64 RoutingActions::fetchProposal(qint64 orderId) {
    const quint64 ticket = OrderBackend::nextGeneration();
    auto decision = std::make_shared<Decision>();
    m_backend->run(
        [=, actor = m_actor](Database& db) { *decision = RoutingService(db, actor).proposal(orderId); },
        [=, this](const QString& error) { emit proposalReady(ticket, orderId, *decision, error); });
    return ticket;
}

} // namespace ordo::ui
