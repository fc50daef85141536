#include "RunInventory.h"

#include <algorithm>

namespace ordo {

void RunInventory::stocked(int sku, int channelIndex, int delivery, qint64 atMs,
                           std::vector<Stocked>& out) const {
    m_base.stocked(sku, channelIndex, delivery, atMs, out);
    if (m_taken.empty() || sku < 0)
        return;
    for (Stocked& s : out) {
        const auto it = m_taken.find(key(sku, s.location));
        if (it != m_taken.end())
            s.available -= it->second;
    }
    out.erase(std::remove_if(out.begin(), out.end(), [](const Stocked& s) { return s.available <= 0; }),
              out.end());
}

void RunInventory::take(int sku, int location, qint64 units) {
    if (sku < 0 || location < 0 || units == 0)
        return;
    m_taken[key(sku, location)] += units;
}

qint64 RunInventory::taken(int sku, int location) const {
    const auto it = m_taken.find(key(sku, location));
    return it == m_taken.end() ? 0 : it->second;
}

} // namespace ordo
