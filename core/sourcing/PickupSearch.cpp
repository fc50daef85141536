#include "PickupSearch.h"

#include <algorithm>

namespace ordo::routing {

SearchResult searchPickup(const Problem& p, bool shipAvailable) {
    SearchResult result;
    result.exact = true;
    std::vector<int> order;
    for (int c = 0; c < int(p.candidates.size()); ++c)
        if (p.candidates[size_t(c)].eligible())
            order.push_back(c);
    std::sort(order.begin(), order.end(), [&](int x, int y) {
        const bool px = p.candidates[size_t(x)].location == p.pickupLocation;
        const bool py = p.candidates[size_t(y)].location == p.pickupLocation;
        if (px != py)
            return px;
        if (p.candidates[size_t(x)].km != p.candidates[size_t(y)].km)
            return p.candidates[size_t(x)].km < p.candidates[size_t(y)].km;
        return p.codeLess(x, y);
    });
    // Each candidate's shipment: every line, or with ship available the lines that fit in line order.
    std::vector<Assignment> options;
    std::vector<qint64> demand;
    for (const int c : order) {
        Assignment a;
        a.candidateOfLine.assign(size_t(p.lineCount()), -1);
        demand.assign(size_t(p.skuCount), 0);
        for (int i = 0; i < p.lineCount(); ++i) {
            const Line& line = p.lines[size_t(i)];
            if (demand[size_t(line.skuSlot)] + line.quantity <= p.usableAt(c, line.skuSlot)) {
                demand[size_t(line.skuSlot)] += line.quantity;
                a.candidateOfLine[size_t(i)] = c;
            }
        }
        evaluate(p, a);
        if (a.filledLines == p.lineCount() || (shipAvailable && a.filledLines > 0))
            options.push_back(std::move(a));
    }
    // Most lines first (only differs with ship available); the order above breaks ties.
    std::stable_sort(options.begin(), options.end(),
                     [](const Assignment& a, const Assignment& b) { return a.filledLines > b.filledLines; });
    if (!options.empty())
        result.best = options[0];
    if (options.size() > 1)
        result.runnerUp = options[1];
    return result;
}

} // namespace ordo::routing
