// The bounded search for orders of more lines than the exact search takes. Three greedy starts (the nearest
// rule of routeGreedy(), the best single location, and cheapest-shipment-first), then local moves from the
// best of them: move one line to another location, or move a whole shipment to another location, taking the
// best improving move each round, within a budget of evaluations. The nearest rule is one of the starts and
// every move must improve, so the result is never worse than routeGreedy() under the same eligibility.
#include "sourcing/Criteria.h"
#include "sourcing/SearchDetail.h"

#include <algorithm>

namespace ordo::routing {

namespace {

constexpr int evaluationBudget = 20000;

// Shipments beyond the limit, which an assignment must get rid of before anything else counts.
int excess(const Assignment& a, int maxShipments) {
    return maxShipments > 0 ? std::max(0, a.shipments - maxShipments) : 0;
}

bool improves(const Problem& p, const Assignment& a, const Assignment& b, int maxShipments) {
    if (!a.valid())
        return false;
    if (!b.valid())
        return true;
    const int ea = excess(a, maxShipments);
    const int eb = excess(b, maxShipments);
    if (ea != eb)
        return ea < eb;
    return better(p, a, b);
}

Assignment bestSingle(const Problem& p) {
    Assignment best;
    Assignment trial;
    trial.candidateOfLine.assign(size_t(p.lineCount()), -1);
    for (int c = 0; c < int(p.candidates.size()); ++c) {
        if (!p.candidates[size_t(c)].eligible())
            continue;
        std::fill(trial.candidateOfLine.begin(), trial.candidateOfLine.end(), c);
        if (evaluate(p, trial) && better(p, trial, best))
            best = trial;
    }
    return best;
}

// Lines in decreasing quantity, each to the shipment already open that can still take it, else to the
// candidate whose new shipment scores least.
Assignment cheapestFirst(const Problem& p, int maxShipments) {
    Assignment a;
    a.candidateOfLine.assign(size_t(p.lineCount()), -1);
    std::vector<int> order(size_t(p.lineCount()));
    for (int i = 0; i < p.lineCount(); ++i)
        order[size_t(i)] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](int x, int y) { return p.lines[size_t(x)].quantity > p.lines[size_t(y)].quantity; });
    std::vector<qint64> left(p.usable);
    std::vector<int> open;
    for (const int i : order) {
        const Line& line = p.lines[size_t(i)];
        int chosen = -1;
        for (const int c : open)
            if (left[size_t(c * p.skuCount + line.skuSlot)] >= line.quantity &&
                (chosen < 0 || p.candidates[size_t(c)].fixedScore < p.candidates[size_t(chosen)].fixedScore))
                chosen = c;
        if (chosen < 0 && (maxShipments <= 0 || int(open.size()) < maxShipments)) {
            for (int c = 0; c < int(p.candidates.size()); ++c)
                if (p.candidates[size_t(c)].eligible() &&
                    left[size_t(c * p.skuCount + line.skuSlot)] >= line.quantity &&
                    (chosen < 0 ||
                     p.candidates[size_t(c)].fixedScore < p.candidates[size_t(chosen)].fixedScore))
                    chosen = c;
            if (chosen >= 0)
                open.push_back(chosen);
        }
        if (chosen >= 0) {
            left[size_t(chosen * p.skuCount + line.skuSlot)] -= line.quantity;
            a.candidateOfLine[size_t(i)] = chosen;
        }
    }
    evaluate(p, a);
    return a;
}

} // namespace

SearchResult searchBounded(const Problem& p, int maxShipments, bool shipAvailable) {
    SearchResult result;
    result.exact = false;
    const int n = p.lineCount();
    auto acceptable = [&](const Assignment& a) {
        return a.valid() && excess(a, maxShipments) == 0 && (shipAvailable || a.filledLines == n);
    };
    auto consider = [&](const Assignment& a) {
        if (acceptable(a))
            offer(p, result, a);
    };

    Assignment current;
    for (Assignment start : {nearestGreedy(p), bestSingle(p), cheapestFirst(p, maxShipments)}) {
        consider(start);
        if (improves(p, start, current, maxShipments))
            current = std::move(start);
    }
    if (!current.valid())
        return result;

    std::vector<int> eligible;
    for (int c = 0; c < int(p.candidates.size()); ++c)
        if (p.candidates[size_t(c)].eligible())
            eligible.push_back(c);

    int evaluations = 0;
    Assignment trial;
    for (bool improved = true; improved && evaluations < evaluationBudget;) {
        improved = false;
        Assignment best = current;
        // Move one line (an unfilled one included) to another location.
        for (int i = 0; i < n && evaluations < evaluationBudget; ++i) {
            for (const int c : eligible) {
                if (c == current.candidateOfLine[size_t(i)] || !p.canTake(c, i))
                    continue;
                trial = current;
                trial.candidateOfLine[size_t(i)] = c;
                ++evaluations;
                if (evaluate(p, trial)) {
                    consider(trial);
                    if (improves(p, trial, best, maxShipments)) {
                        best = trial;
                        improved = true;
                    }
                }
            }
        }
        // Move a whole shipment to another location (an open one: two shipments merge).
        std::vector<int> open;
        for (const int c : current.candidateOfLine)
            if (c >= 0 && std::find(open.begin(), open.end(), c) == open.end())
                open.push_back(c);
        for (const int from : open) {
            for (const int to : eligible) {
                if (to == from || evaluations >= evaluationBudget)
                    continue;
                trial = current;
                for (int& c : trial.candidateOfLine)
                    if (c == from)
                        c = to;
                ++evaluations;
                if (evaluate(p, trial)) {
                    consider(trial);
                    if (improves(p, trial, best, maxShipments)) {
                        best = trial;
                        improved = true;
                    }
                }
            }
        }
        current = std::move(best);
    }
    return result;
}

} // namespace ordo::routing
