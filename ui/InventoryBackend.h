#pragma once

#include "inventory/InventoryQuery.h"
#include "inventory/InventoryTypes.h"
#include "model/Actor.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

namespace ordo::ui {

class OrderBackend;

// Everything the Inventory view shows of one SKU, read in one request.
struct SkuInventory {
    QString skuCode;
    QString skuName;
    QList<StockPosition> positions; // location-code order
    AtpResult overall;              // no channel: every location, no buffer
    QList<AtpResult> channels;      // one per channel, in allChannels order
    QStringList locationCodes;      // every location, for adjusting stock where there is none yet
};

// A stock correction typed by a person: applied as one delta event with a fresh event id.
struct StockAdjustment {
    QString locationCode;
    QString skuCode;
    qint64 delta = 0;
    QString reasonCode; // CYCLE_COUNT, DAMAGED, ...
    QString note;
};

// The Inventory view's door to the core: runs InventoryQuery and InventoryLedger in the console's database
// thread (through OrderBackend::run) and answers with signals on the GUI thread, tagged with the generation
// or ticket the caller passed, like OrderBackend. Available-to-promise comes from an InventoryIndex that
// lives in that thread: loaded on the first request after a database is opened, written through by the
// adjustments made here (it is their PositionSink), and refreshed for a SKU before answering about it, since
// other consoles and processes may have changed it.
class InventoryBackend : public QObject {
    Q_OBJECT

public:
    explicit InventoryBackend(OrderBackend* backend, QObject* parent = nullptr);

    void findSkus(quint64 generation, const QString& text, int limit);
    void fetchSku(quint64 generation, const QString& skuCode);
    void fetchLedger(quint64 generation, const QString& locationCode, const QString& skuCode, int limit);
    // Returns the ticket adjustFinished will carry.
    quint64 adjust(const StockAdjustment& adjustment, const Actor& actor);

    // The ledger's reason text for an adjustment: "DAMAGED" or "DAMAGED: fell off the shelf".
    static QString reasonText(const StockAdjustment& adjustment);

signals:
    void skusFound(quint64 generation, const QString& text, const QList<ordo::SkuMatch>& matches);
    void skuLoaded(quint64 generation, const ordo::ui::SkuInventory& inventory);
    void ledgerLoaded(quint64 generation, const QList<ordo::LedgerEntry>& entries);
    void adjustFinished(quint64 ticket, const QString& error); // error empty on success
    void requestFailed(quint64 generation, const QString& error);

private:
    struct IndexState; // used in the database thread only
    OrderBackend* m_backend;
    std::shared_ptr<IndexState> m_index;
};

} // namespace ordo::ui
