#pragma once

#include "inventory/InventoryQuery.h"
#include "model/Actor.h"
#include "orders/OrderCorrections.h"

#include <QObject>

namespace ordo::ui {

class OrderBackend;

// The corrections of held orders (OrderCorrections) and the look-ups their dialogs need, run in the console's
// database thread through OrderBackend::run. Answers come back as signals on the GUI thread, tagged with the
// generation or ticket the caller passed or was given.
class CorrectionBackend : public QObject {
    Q_OBJECT

public:
    explicit CorrectionBackend(OrderBackend* backend, QObject* parent = nullptr);

    void fetchContext(quint64 generation, qint64 orderId);
    void findSkus(quint64 generation, const QString& text, int limit);
    // Each returns the ticket its corrected() answer carries.
    quint64 correctShipTo(qint64 orderId, const Address& address, const Actor& actor, const QString& note);
    quint64 mapSku(qint64 orderId, int lineNo, const QString& skuCode, const Actor& actor, bool remember);
    quint64 mapSkuEverywhere(const QString& rawCode, const QString& skuCode, const Actor& actor,
                             bool remember);
    quint64 revalidate(qint64 orderId, const Actor& actor);

signals:
    void contextReady(quint64 generation, const ordo::CorrectionContext& context);
    void skusFound(quint64 generation, const QString& text, const QList<ordo::SkuMatch>& matches);
    void requestFailed(quint64 generation, const QString& error);
    // One result per order touched (a single correction: one, without error); `error` when the whole request
    // was refused and nothing changed.
    void corrected(quint64 ticket, const QList<ordo::BulkMapResult>& results, const QString& error);

private:
    // Runs a correction; an X12 order it releases gets the 855 its partner waited for.
    quint64 correct(const Actor& actor, std::function<QList<BulkMapResult>(OrderCorrections&)> work);

    OrderBackend* m_backend;
};

} // namespace ordo::ui
