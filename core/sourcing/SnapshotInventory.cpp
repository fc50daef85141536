#include "SnapshotInventory.h"

#include <algorithm>

namespace ordo {

SnapshotInventory::SnapshotInventory(const QList<Row>& rows) {
    for (const Row& row : rows)
        add(row.skuCode, row.location, row.available);
}

void SnapshotInventory::add(const QString& skuCode, int location, qint64 available) {
    int sku = m_skuByCode.value(skuCode, -1);
    if (sku < 0) {
        sku = int(m_stock.size());
        m_skuByCode.insert(skuCode, sku);
        m_stock.emplace_back();
    }
    std::vector<Stocked>& stock = m_stock[size_t(sku)];
    auto it = std::lower_bound(stock.begin(), stock.end(), location,
                               [](const Stocked& s, int l) { return s.location < l; });
    if (it == stock.end() || it->location != location)
        it = stock.insert(it, Stocked{location, 0});
    it->available += available;
    if (it->available <= 0)
        stock.erase(it);
}

void SnapshotInventory::stocked(int sku, int, int, qint64, std::vector<Stocked>& out) const {
    out.clear();
    if (sku < 0 || sku >= int(m_stock.size()))
        return;
    const std::vector<Stocked>& stock = m_stock[size_t(sku)];
    out.assign(stock.begin(), stock.end());
}

} // namespace ordo
