#pragma once

#include "sourcing/StockLevels.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace ordo {

// A plain in-memory view: a table of (SKU, location, available) fixed when it is built, for tests, the
// simulation and benchmarks. Channel, delivery and time are not asked: the figures are already the ATP to
// use.
class SnapshotInventory final : public StockLevels {
public:
    struct Row {
        QString skuCode;
        int location = 0; // dense id in the RoutingNetwork the router reads
        qint64 available = 0;
    };

    SnapshotInventory() = default;
    explicit SnapshotInventory(const QList<Row>& rows);

    // Adds to (or, with a negative figure, takes from) the available units of a position.
    void add(const QString& skuCode, int location, qint64 available);

    int skuIndex(const QString& skuCode) const override { return m_skuByCode.value(skuCode, -1); }
    void stocked(int sku, int channelIndex, int delivery, qint64 atMs,
                 std::vector<Stocked>& out) const override;
    int skuCount() const { return int(m_stock.size()); }

private:
    QHash<QString, int> m_skuByCode;
    std::vector<std::vector<Stocked>> m_stock; // by SKU, sorted by location, available > 0
};

} // namespace ordo
