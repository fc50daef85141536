#include "CorrectionBackend.h"

#include "OrderBackend.h"
#include "SkuSearch.h"
#include "channels/OutboundDocuments.h"

#include <QPointer>

#include <memory>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

QList<BulkMapResult> single(const CorrectionOutcome& outcome) {
    return {BulkMapResult{outcome.orderId, outcome.orderNumber, {}, outcome, {}}};
}

} // namespace

CorrectionBackend::CorrectionBackend(OrderBackend* backend, QObject* parent)
    : QObject(parent)
    , m_backend(backend) {}

void CorrectionBackend::fetchContext(quint64 generation, qint64 orderId) {
    auto context = std::make_shared<CorrectionContext>();
    m_backend->run([=](Database& db) { *context = OrderCorrections(db).context(orderId); },
                   [=, self = QPointer(this)](const QString& error) {
                       if (!self)
                           return;
                       if (error.isEmpty())
                           emit self->contextReady(generation, *context);
                       else
                           emit self->requestFailed(generation, error);
                   });
}

void CorrectionBackend::findSkus(quint64 generation, const QString& text, int limit) {
    searchSkus(m_backend, text, limit,
               [=, self = QPointer(this)](const QList<SkuMatch>& matches, const QString& error) {
                   if (!self)
                       return;
                   if (error.isEmpty())
                       emit self->skusFound(generation, text, matches);
                   else
                       emit self->requestFailed(generation, error);
               });
}

quint64 CorrectionBackend::correct(const Actor& actor,
                                   std::function<QList<BulkMapResult>(OrderCorrections&)> work) {
    const quint64 ticket = OrderBackend::nextGeneration();
    auto results = std::make_shared<QList<BulkMapResult>>();
    m_backend->run(
        [=, work = std::move(work)](Database& db) {
            OrderCorrections corrections(db);
            *results = work(corrections);
            for (const BulkMapResult& r : std::as_const(*results))
                if (r.outcome && r.outcome->released)
                    OutboundDocuments(db, actor).acknowledgeWhenDue(r.orderId);
        },
        [=, self = QPointer(this)](const QString& error) {
            if (self)
                emit self->corrected(ticket, error.isEmpty() ? *results : QList<BulkMapResult>{}, error);
        });
    return ticket;
}

quint64 CorrectionBackend::correctShipTo(qint64 orderId, const Address& address, const Actor& actor,
                                         const QString& note) {
    return correct(
        actor, [=](OrderCorrections& c) { return single(c.correctShipTo(orderId, address, actor, note)); });
}

quint64 CorrectionBackend::mapSku(qint64 orderId, int lineNo, const QString& skuCode, const Actor& actor,
                                  bool remember) {
    return correct(actor, [=](OrderCorrections& c) {
        return single(c.mapUnknownSku(orderId, lineNo, skuCode, actor, remember));
    });
}

quint64 CorrectionBackend::mapSkuEverywhere(const QString& rawCode, const QString& skuCode,
                                            const Actor& actor, bool remember) {
    return correct(actor, [=](OrderCorrections& c) {
        return c.mapUnknownSkuEverywhere(rawCode, skuCode, actor, remember);
    });
}

quint64 CorrectionBackend::revalidate(qint64 orderId, const Actor& actor) {
    return correct(actor, [=](OrderCorrections& c) { return single(c.revalidate(orderId, actor)); });
}

} // namespace ordo::ui
