#include "AssignmentSearch.h"

#include "sourcing/Criteria.h"
#include "sourcing/IntegerRouting.h"
#include "sourcing/Router.h"
#include "sourcing/SearchDetail.h"

#include <algorithm>

namespace ordo::routing {

namespace {

// Scratch kept between calls: per candidate x SKU slot the units an assignment takes, and the candidates
// touched.
struct EvaluateScratch {
    std::vector<qint64> demand;
    std::vector<int> touched;
};

} // namespace

bool evaluate(const Problem& p, Assignment& a) {
    thread_local EvaluateScratch scratch;
    const size_t cells = p.candidates.size() * size_t(p.skuCount);
    if (scratch.demand.size() < cells)
        scratch.demand.resize(cells, 0);
    scratch.touched.clear();
    a.objective = 0.0;
    a.shipments = 0;
    a.filledLines = 0;
    bool feasible = true;
    for (int i = 0; i < p.lineCount(); ++i) {
        const int c = a.candidateOfLine[size_t(i)];
        if (c < 0)
            continue;
        ++a.filledLines;
        qint64* demand = scratch.demand.data() + size_t(c * p.skuCount);
        if (std::all_of(demand, demand + p.skuCount, [](qint64 d) { return d == 0; }))
            scratch.touched.push_back(c);
        demand[p.lines[size_t(i)].skuSlot] += p.lines[size_t(i)].quantity;
    }
    for (const int c : scratch.touched) {
        qint64* demand = scratch.demand.data() + size_t(c * p.skuCount);
        if (!p.candidates[size_t(c)].eligible())
            feasible = false;
        for (int s = 0; s < p.skuCount; ++s)
            if (demand[s] > p.usableAt(c, s))
                feasible = false;
        if (feasible)
            a.objective += shipmentScore(p, c, demand);
        std::fill(demand, demand + p.skuCount, 0);
    }
    a.shipments = int(scratch.touched.size());
    if (a.shipments > 1)
        a.objective += p.splitPenalty * double(a.shipments - 1);
    if (!feasible)
        a.objective = std::numeric_limits<double>::infinity();
    return feasible;
}

bool better(const Problem& p, const Assignment& a, const Assignment& b) {
    if (!b.valid())
        return a.valid();
    if (!a.valid())
        return false;
    if (a.filledLines != b.filledLines)
        return a.filledLines > b.filledLines;
    if (a.objective < b.objective - objectiveEpsilon)
        return true;
    if (a.objective > b.objective + objectiveEpsilon)
        return false;
    if (a.shipments != b.shipments)
        return a.shipments < b.shipments;
    for (size_t i = 0; i < a.candidateOfLine.size(); ++i) {
        const int ca = a.candidateOfLine[i];
        const int cb = b.candidateOfLine[i];
        if (ca == cb)
            continue;
        if (ca < 0 || cb < 0)
            return cb < 0;
        return p.codeLess(ca, cb);
    }
    return false;
}

void offer(const Problem& p, SearchResult& result, const Assignment& a) {
    if (!a.valid())
        return;
    if (better(p, a, result.best)) {
        if (result.best.valid() && result.best.candidateOfLine != a.candidateOfLine)
            result.runnerUp = std::move(result.best);
        result.best = a;
    } else if (a.candidateOfLine != result.best.candidateOfLine && better(p, a, result.runnerUp)) {
        result.runnerUp = a;
    }
}

Assignment nearestGreedy(const Problem& p) {
    Assignment a;
    a.candidateOfLine.assign(size_t(p.lineCount()), -1);
    thread_local std::vector<int> order;
    order.clear();
    for (int c = 0; c < int(p.candidates.size()); ++c)
        if (p.candidates[size_t(c)].eligible())
            order.push_back(c);
    std::sort(order.begin(), order.end(), [&](int x, int y) {
        const double kx = p.candidates[size_t(x)].km;
        const double ky = p.candidates[size_t(y)].km;
        return kx != ky ? kx < ky : p.codeLess(x, y);
    });
    thread_local std::vector<qint64> demand;
    demand.assign(size_t(p.skuCount), 0);
    for (const Line& line : p.lines)
        demand[size_t(line.skuSlot)] += line.quantity;
    for (const int c : order) {
        bool whole = true;
        for (int s = 0; s < p.skuCount && whole; ++s)
            whole = demand[size_t(s)] <= p.usableAt(c, s);
        if (whole) {
            std::fill(a.candidateOfLine.begin(), a.candidateOfLine.end(), c);
            evaluate(p, a);
            return a;
        }
    }
    thread_local std::vector<qint64> left;
    left.assign(p.usable.begin(), p.usable.end());
    for (int i = 0; i < p.lineCount(); ++i) {
        const Line& line = p.lines[size_t(i)];
        for (const int c : order) {
            qint64& units = left[size_t(c * p.skuCount + line.skuSlot)];
            if (units >= line.quantity) {
                units -= line.quantity;
                a.candidateOfLine[size_t(i)] = c;
                break;
            }
        }
    }
    evaluate(p, a);
    return a;
}

SearchResult searchAssignment(const Problem& p, int maxShipments, bool shipAvailable) {
    if (p.lineCount() == 0)
        return {};
    const int limit =
        p.context && p.context->exactLineLimit >= 0 ? p.context->exactLineLimit : exactLineLimit;
    if (p.lineCount() <= std::min(limit, partitionLineLimit))
        return searchExact(p, maxShipments, shipAvailable);
    if (p.lineCount() <= limit)
        return searchSubsets(p, maxShipments, shipAvailable);
    SearchResult bounded = searchBounded(p, maxShipments, shipAvailable);
    bounded.method = SearchMethod::Heuristic;
    const int timeLimitMs = p.context ? p.context->integerTimeLimitMs : defaultIntegerTimeLimitMs;
    return timeLimitMs > 0 ? improveByInteger(p, maxShipments, shipAvailable, timeLimitMs, std::move(bounded))
                           : bounded;
}

} // namespace ordo::routing
