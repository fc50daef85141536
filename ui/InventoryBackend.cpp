#include "InventoryBackend.h"

#include "Error.h"
#include "OrderBackend.h"
#include "SkuSearch.h"
#include "inventory/InventoryIndex.h"
#include "inventory/InventoryLedger.h"
#include "storage/Database.h"
#include "storage/LocationRepository.h"
#include "storage/SkuRepository.h"

#include <QPointer>
#include <QUuid>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace ordo::ui {

// The index and the connection it was loaded from (a database opened again gets a new connection name).
struct InventoryBackend::IndexState {
    QString connection;
    std::optional<InventoryIndex> index;

    // The index for this connection, loaded (true) or brought up to date for the SKU (false).
    InventoryIndex& forSku(Database& db, const QString& skuCode) {
        const QString name = db.connection().connectionName();
        if (!index || connection != name) {
            index.reset();
            index = InventoryIndex::load(db);
            connection = name;
        } else {
            index->refresh(db, skuCode);
        }
        return *index;
    }
    // The index to tell of a change made through this connection; none while it is not loaded for it.
    PositionSink* sink(Database& db) {
        return index && connection == db.connection().connectionName() ? &*index : nullptr;
    }
};

InventoryBackend::InventoryBackend(OrderBackend* backend, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_index(std::make_shared<IndexState>()) {}

void InventoryBackend::findSkus(quint64 generation, const QString& text, int limit) {
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

void InventoryBackend::fetchSku(quint64 generation, const QString& skuCode) {
    auto result = std::make_shared<SkuInventory>();
    m_backend->run(
        [=, state = m_index](Database& db) {
            const std::optional<Sku> sku = SkuRepository(db).findByCode(skuCode);
            if (!sku)
                throw Error::notFound(tr("There is no SKU %1.").arg(skuCode));
            result->skuCode = sku->code;
            result->skuName = sku->name;
            result->positions = InventoryQuery(db).positions(sku->code);
            const InventoryIndex& index = state->forSku(db, sku->code);
            AtpQuery query;
            query.skuCode = sku->code;
            result->overall = index.atp(query);
            for (Channel channel : allChannels) {
                query.channel = channel;
                result->channels.append(index.atp(query));
            }
            for (const Location& location : LocationRepository(db).all())
                result->locationCodes.append(location.code);
            result->locationCodes.sort();
        },
        [=, self = QPointer(this)](const QString& error) {
            if (!self)
                return;
            if (error.isEmpty())
                emit self->skuLoaded(generation, *result);
            else
                emit self->requestFailed(generation, error);
        });
}

void InventoryBackend::fetchLedger(quint64 generation, const QString& locationCode, const QString& skuCode,
                                   int limit) {
    auto entries = std::make_shared<QList<LedgerEntry>>();
    m_backend->run(
        [=](Database& db) { *entries = InventoryQuery(db).recentEvents(locationCode, skuCode, limit); },
        [=, self = QPointer(this)](const QString& error) {
            if (!self)
                return;
            if (error.isEmpty())
                emit self->ledgerLoaded(generation, *entries);
            else
                emit self->requestFailed(generation, error);
        });
}

QString InventoryBackend::reasonText(const StockAdjustment& adjustment) {
    const QString note = adjustment.note.simplified();
    return note.isEmpty() ? adjustment.reasonCode : adjustment.reasonCode + u": "_s + note;
}

quint64 InventoryBackend::adjust(const StockAdjustment& adjustment, const Actor& actor) {
    const quint64 ticket = OrderBackend::nextGeneration();
    InventoryEvent event;
    event.eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    event.locationCode = adjustment.locationCode;
    event.skuCode = adjustment.skuCode;
    event.kind = InventoryEventKind::Delta;
    event.quantity = adjustment.delta;
    event.reason = reasonText(adjustment);
    event.occurredAt = QDateTime::currentDateTimeUtc();
    m_backend->run(
        [=, state = m_index](Database& db) {
            // The ledger checks the actor's permission, writes the event and the position in one transaction
            // and records the audit event; after the commit it tells the index the position's new figures.
            ApplyOptions options;
            options.source = u"console"_s; // stored in the audit trail: not translated
            const ApplyReport report = InventoryLedger(db).apply({event}, options, actor, state->sink(db));
            if (report.rejected > 0 || !report.errors.isEmpty())
                throw Error::input(report.errors.isEmpty() ? tr("The adjustment was refused.")
                                                           : report.errors.first().message);
            if (report.applied == 0)
                throw Error::input(tr("The adjustment changed nothing."));
        },
        [=, self = QPointer(this)](const QString& error) {
            if (self)
                emit self->adjustFinished(ticket, error);
        });
    return ticket;
}

} // namespace ordo::ui
