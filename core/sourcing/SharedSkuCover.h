#pragma once

// A lower bound for the exact search (SubsetSearch.cpp) when several lines of an order share a SKU: the
// locations still to open must together hold the units the lines left ask beyond what the open locations have
// left, so they score at least the cheapest fractional cover of those units (a knapsack's linear relaxation:
// the candidates taken by score per unit, the last one in part). Internal to core/sourcing.

#include "sourcing/RoutingProblem.h"

#include <vector>

namespace ordo::routing {

class SharedSkuCover {
public:
    // Per SKU slot held by two lines or more, the eligible candidates holding it, by (fixed score + split
    // penalty) per usable unit.
    void build(const Problem& problem);

    // The slots held by two lines or more.
    const std::vector<int>& sharedSlots() const { return m_slots; }

    // The least score of new locations holding `units` of the slot, none of them among used[0..usedCount)
    // nor `opened`; infinite when the other eligible candidates hold fewer units.
    double cover(int slot, qint64 units, const int* used, int usedCount, int opened) const;

private:
    struct Entry {
        double score; // fixed score + split penalty
        qint64 units;
        int candidate;
    };
    std::vector<int> m_slots;
    std::vector<Entry> m_bySlot[exactLineLimit];
};

} // namespace ordo::routing
