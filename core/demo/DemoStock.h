#pragma once

#include "CatalogGenerator.h"
#include "DemoNetwork.h"
#include "DemoRandom.h"
#include "sourcing/StockLevels.h"
#include "storage/BulkInsert.h"

#include <QHash>
#include <QList>
#include <QString>
#include <queue>

#include <vector>

namespace ordo {

class Database;

// The demo's stock as it moves through the 90 days, in time order, and its ledger. It opens with a count of
// every position, takes weekly deliveries (each position back to its usual level once it falls below two
// fifths of it), daily cycle counts and damage write-offs, and the reservations, shipments and releases of
// the orders: every change is a row of inventory_events exactly as InventoryLedger and ReservationService
// write them (kinds snapshot, delta, reserve, ship, release; each event linked to the position's event before
// it), with explicit ids in the order the changes happened. The router reads it as its StockLevels while
// the history is made, so each order is routed on the stock of its moment. Rows go out in the caller's
// Transaction; call flush() before committing and writePositions() at the end.
class DemoStock final : public StockLevels {
public:
    DemoStock(Database& db, const DemoNetwork& network, const QList<DemoSku>& catalog, quint64 seed);

    // Opening counts at `at`; deliveries and counts are scheduled from then up to `until`.
    void open(qint64 at, qint64 until);
    // Applies in time order everything scheduled up to `at`. Time never goes back: `at` before an earlier
    // call applies nothing.
    void advanceTo(qint64 at);

    void reserve(qint64 at, int location, int sku, qint64 quantity, qint64 orderId, int lineNo);
    void scheduleShipment(qint64 at, int location, int sku, qint64 quantity, qint64 orderId, int lineNo);
    void scheduleRelease(qint64 at, int location, int sku, qint64 quantity, qint64 orderId, int lineNo);
    // A delivery outside the weekly round (a transfer or an expedited purchase order), at once.
    void receive(qint64 at, int location, int sku, qint64 quantity, const QString& reason);

    qint64 available(int location, int sku) const;
    // The usual level of a position (what a weekly delivery fills it to); 0 when not stocked there.
    qint64 usualLevel(int location, int sku) const;

    void flush() { m_ledger.flush(); }
    // Every position with its figures and the ends of its ledger chain; returns how many.
    qint64 writePositions(Database& db);
    qint64 ledgerEvents() const { return m_nextEventId - 1; }
    qint64 reservedTotal() const;

    int skuIndex(const QString& skuCode) const override { return m_skuByCode.value(skuCode, -1); }
    void stocked(int sku, int channelIndex, int delivery, qint64 atMs,
                 std::vector<Stocked>& out) const override;

private:
    struct Cell {
        qint64 onHand = 0;
        qint64 reserved = 0;
        qint64 safety = 0;
        qint64 usual = 0;
        qint64 updatedAt = 0;
        QString lastEvent;
        QString priorEvent;
        bool exists = false;
    };
    enum class Kind { Delivery, Count, Ship, Release };
    struct Pending {
        qint64 at = 0;
        qint64 seq = 0;
        Kind kind = Kind::Delivery;
        int location = 0;
        int sku = 0;
        qint64 quantity = 0;
        qint64 orderId = 0;
        int lineNo = 0;
        bool operator>(const Pending& o) const { return at != o.at ? at > o.at : seq > o.seq; }
    };

    Cell& cell(int location, int sku) { return m_cells[size_t(location) * m_skuCount + size_t(sku)]; }
    const Cell& cell(int location, int sku) const {
        return m_cells[size_t(location) * m_skuCount + size_t(sku)];
    }
    void ensure(int location, int sku);
    void schedule(Pending p);
    void apply(const Pending& p);
    void deliver(qint64 at, int location);
    void count(qint64 at, int location);
    // One ledger row; the cell's figures must already be the ones after the event.
    void record(qint64 at, int location, int sku, const QString& eventId, const QString& kind,
                qint64 quantity, const QString& reason, const QString& actor);

    const DemoNetwork& m_network;
    const QList<DemoSku>& m_catalog;
    size_t m_skuCount = 0;
    DemoRandom m_random;
    std::vector<Cell> m_cells;
    std::vector<std::vector<int>> m_locationsOfSku; // sorted
    std::vector<std::vector<int>> m_skusAt;         // sorted
    QHash<QString, int> m_skuByCode;
    std::priority_queue<Pending, std::vector<Pending>, std::greater<Pending>> m_pending;
    qint64 m_seq = 0;
    qint64 m_clock = 0;
    qint64 m_nextEventId = 1;
    qint64 m_receipts = 0;
    qint64 m_counts = 0;
    BulkInsert m_ledger;
};

} // namespace ordo
