#include "SharedSkuCover.h"

#include <algorithm>
#include <limits>

namespace ordo::routing {

void SharedSkuCover::build(const Problem& p) {
    m_slots.clear();
    int lines[exactLineLimit] = {};
    for (const Line& line : p.lines)
        ++lines[line.skuSlot];
    for (int s = 0; s < p.skuCount && s < exactLineLimit; ++s) {
        m_bySlot[s].clear();
        if (lines[s] < 2)
            continue;
        m_slots.push_back(s);
        for (int c = 0; c < int(p.candidates.size()); ++c)
            if (p.candidates[size_t(c)].eligible() && p.usableAt(c, s) > 0)
                m_bySlot[s].push_back(
                    {p.candidates[size_t(c)].fixedScore + p.splitPenalty, p.usableAt(c, s), c});
        std::sort(m_bySlot[s].begin(), m_bySlot[s].end(), [](const Entry& a, const Entry& b) {
            return a.score * double(b.units) < b.score * double(a.units);
        });
    }
}

double SharedSkuCover::cover(int slot, qint64 units, const int* used, int usedCount, int opened) const {
    double cost = 0.0;
    for (const Entry& e : m_bySlot[slot]) {
        if (e.candidate == opened || std::find(used, used + usedCount, e.candidate) != used + usedCount)
            continue;
        if (e.units >= units)
            return cost + e.score * double(units) / double(e.units);
        cost += e.score;
        units -= e.units;
    }
    return std::numeric_limits<double>::infinity();
}

} // namespace ordo::routing
