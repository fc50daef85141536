// The exact search for orders of partitionLineLimit + 1 to exactLineLimit lines (16): a branch and bound
// guided by a dynamic programme over subsets of the lines (BlockCatalog.h), whose bound(S) is the optimum of
// a relaxation (the same location may serve several blocks) and so never exceeds what any real assignment of
// the lines S to distinct locations scores.
//
// Two ways to branch, each building every assignment in exactly one way:
//   - line by line (scores fixed per location and never negative: every ranking without inventory_balance,
//     since rule sets refuse negative weights): line i goes to a location already open for an earlier line
//     that still has its units (no extra score), or opens a new one (its score, + the split penalty after the
//     first). Bound: partial + bound(R \ A), where R are the lines left and A those that the open locations
//     could take with what they have left. Valid: whatever completion is chosen, the lines it sends to new
//     locations include R \ A and form a relaxed split of their own, which costs at least bound(R \ A)
//     because with scores never negative the bound of a set never exceeds the bound of a larger one. When
//     lines share a SKU, the new locations must also hold the units the open ones lack: the bound is the
//     larger of that and a fractional cover of those units (SharedSkuCover.h);
//   - block by block (scores depend on the lines, or could be negative): the block of the lowest line not yet
//     assigned (a shippable set T of the lines left holding it), then a candidate for T not used by an
//     earlier block. Bound: partial + score + penalty + bound(lines left after T), directly a relaxation.
// Children are tried in increasing order of their bound, so the first descent usually reaches the optimum
// (the relaxation's optimum mostly uses distinct locations already).
//
// Why it is exact: a child is cut only when its bound is beyond what it must beat, and every assignment that
// could beat that stays in the search; whatever survives is offered to offer(), which keeps the best and the
// runner-up by better(). The result is the optimum of better()'s order (most lines filled, objective, fewest
// shipments, location codes line by line) and the best other assignment, the same as an exhaustive
// enumeration gives. What must be beaten is the runner-up, once there is one (what cannot beat the runner-up
// cannot beat the best either): beyond the objective, on a tie the bound's shipment count (the relaxation's
// fewest shipments among its optima), then the location codes of the lines already decided in line order, as
// better() compares them. Line by line, those are a prefix of the lines, so ties (a line that two chosen
// locations could ship, scores that are all equal) are settled as soon as they arise. Under a shipment limit
// a child is tried only when the least number of new blocks its lines left need still fits.
//
// Ship complete: the lines are every line. Ship available: the subsets of the lines some location can take,
// largest first; the first size with an assignment decides (more lines filled always wins).
#include "sourcing/BlockCatalog.h"
#include "sourcing/SearchDetail.h"
#include "sourcing/SharedSkuCover.h"

#include <algorithm>
#include <bit>

namespace ordo::routing {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

struct Option {
    unsigned block; // block by block: the block; line by line: the position of a new location, or ~open index
    double bound;
    unsigned outside = 0; // line by line: the lines left that no open location could take
    int shipments = 0;    // line by line: the bound of the shipments on a tie with `bound`
};

class SubsetSearch {
public:
    SubsetSearch(const Problem& p, BlockCatalog& blocks, int maxBlocks, SearchResult& result)
        : m_p(p)
        , m_blocks(blocks)
        , m_n(p.lineCount())
        , m_maxBlocks(maxBlocks)
        , m_penalty(p.splitPenalty)
        , m_byLine(blocks.fixedNonNegative())
        , m_result(result) {
        if (m_byLine)
            m_shared.build(p);
    }

    // Every assignment of exactly the lines `target` that could enter the best two.
    void search(unsigned target) {
        m_filled = std::popcount(target);
        std::fill(m_line, m_line + m_n, -1);
        if (m_maxBlocks == 1) {
            single(target);
            return;
        }
        if (m_blocks.leastBlocks(target) > m_maxBlocks)
            return;
        if (cannotBeat(m_blocks.boundObjective(target) - m_penalty, m_blocks.boundShipments(target), target))
            return;
        m_target = target;
        if (m_byLine)
            byLine(0, 0.0, 0);
        else
            byBlock(target, 0.0, 0);
    }

private:
    // One location for every line of the target.
    void single(unsigned target) {
        m_blocks.forEachCandidate(target, [&](int c, double score) {
            if (beyond(score))
                return false;
            std::fill(m_line, m_line + m_n, -1);
            for (unsigned b = target; b; b &= b - 1)
                m_line[std::countr_zero(b)] = c;
            leaf(score, 1);
            return true;
        });
    }

    void byLine(int i, double partial, int open) {
        while (i < m_n && !(m_target & (1U << i)))
            ++i;
        if (i == m_n) {
            leaf(partial, open);
            return;
        }
        const Line& line = m_p.lines[size_t(i)];
        const int slot = line.skuSlot;
        const unsigned left = m_target & ~((2U << i) - 1); // target lines after i
        // What the open locations have left of each SKU at most: a line later can join one of them only if
        // that covers it (the relaxation of the lines "within reach").
        qint64 most[exactLineLimit];
        for (int s = 0; s < m_p.skuCount; ++s) {
            most[s] = 0;
            for (int k = 0; k < open; ++k)
                most[s] = std::max(most[s], m_p.usableAt(m_used[k], s) - m_demand[k][s]);
        }
        // Units of each shared SKU the lines left ask for, and what the open locations have left of it.
        qint64 asked[exactLineLimit] = {};
        qint64 supply[exactLineLimit] = {};
        for (unsigned b = left; b; b &= b - 1) {
            const Line& later = m_p.lines[size_t(std::countr_zero(b))];
            asked[later.skuSlot] += later.quantity;
        }
        for (int k = 0; k < open; ++k)
            for (int s = 0; s < m_p.skuCount; ++s)
                supply[s] += m_p.usableAt(m_used[k], s) - m_demand[k][s];
        auto reachOf = [&](qint64 mostOfSlot) {
            unsigned reach = 0;
            for (unsigned b = left; b; b &= b - 1) {
                const Line& later = m_p.lines[size_t(std::countr_zero(b))];
                if ((later.skuSlot == slot ? mostOfSlot : most[later.skuSlot]) >= later.quantity)
                    reach |= b & (0U - b);
            }
            return reach;
        };
        std::vector<Option>& options = m_options[i];
        options.clear();
        // An open location that still has the units: no extra score.
        for (int k = 0; k < open; ++k) {
            if (m_demand[k][slot] + line.quantity > m_p.usableAt(m_used[k], slot))
                continue;
            qint64 mostOfSlot = 0;
            for (int o = 0; o < open; ++o)
                mostOfSlot = std::max(mostOfSlot, m_p.usableAt(m_used[o], slot) - m_demand[o][slot] -
                                                      (o == k ? line.quantity : 0));
            const unsigned outside = left & ~reachOf(mostOfSlot);
            if (m_maxBlocks < m_n && open + m_blocks.leastBlocks(outside) > m_maxBlocks)
                continue;
            supply[slot] -= line.quantity;
            const Option option = child(~unsigned(k), partial, outside, open, asked, supply, -1);
            supply[slot] += line.quantity;
            if (option.bound < infinity)
                options.push_back(option);
        }
        // A new location, for as long as the limit allows one more.
        if (open < m_maxBlocks) {
            const double charge = open > 0 ? m_penalty : 0.0;
            for (const int pos : m_blocks.positionsOf(i)) {
                const int c = m_blocks.candidate(pos);
                const double score = m_p.candidates[size_t(c)].fixedScore;
                if (beyond(partial + score + charge))
                    break;
                if (std::find(m_used, m_used + open, c) != m_used + open)
                    continue;
                // Its own units of the other SKUs, of this one what line i leaves.
                unsigned outside =
                    left & ~reachOf(std::max(most[slot], m_p.usableAt(c, slot) - line.quantity));
                for (unsigned b = outside & m_blocks.alone(pos); b; b &= b - 1) {
                    const Line& later = m_p.lines[size_t(std::countr_zero(b))];
                    if (later.skuSlot != slot || m_p.usableAt(c, slot) - line.quantity >= later.quantity)
                        outside &= ~(b & (0U - b));
                }
                if (m_maxBlocks < m_n && open + 1 + m_blocks.leastBlocks(outside) > m_maxBlocks)
                    continue;
                for (int s = 0; s < m_p.skuCount; ++s)
                    supply[s] += m_p.usableAt(c, s) - (s == slot ? line.quantity : 0);
                const Option option =
                    child(unsigned(pos), partial + score + charge, outside, open + 1, asked, supply, c);
                for (int s = 0; s < m_p.skuCount; ++s)
                    supply[s] -= m_p.usableAt(c, s) - (s == slot ? line.quantity : 0);
                if (option.bound < infinity)
                    options.push_back(option);
            }
        }
        std::stable_sort(options.begin(), options.end(),
                         [](const Option& a, const Option& b) { return a.bound < b.bound; });
        for (size_t o = 0; o < options.size(); ++o) {
            const Option option = options[o];
            if (beyond(option.bound))
                break;
            const bool opens = int(option.block) >= 0;
            const int k = opens ? open : int(~option.block);
            const int c = opens ? m_blocks.candidate(int(option.block)) : m_used[k];
            m_line[i] = c;
            if (!cannotBeat(option.bound, option.shipments, left)) {
                if (opens) {
                    m_used[k] = c;
                    std::fill(m_demand[k], m_demand[k] + m_p.skuCount, 0);
                }
                m_demand[k][slot] += line.quantity;
                byLine(i + 1,
                       opens ? partial + m_p.candidates[size_t(c)].fixedScore + (open > 0 ? m_penalty : 0.0)
                             : partial,
                       open + (opens ? 1 : 0));
                m_demand[k][slot] -= line.quantity;
            }
            m_line[i] = -1;
        }
    }

    // A child of the line by line search after line i, with `open` locations open (the child's one included,
    // `opened` when it opens one): its bound is partial + the larger of two lower bounds of what the new
    // locations still to open must score: the programme's bound of the lines no open location can take
    // (`outside`), and per SKU shared by several lines the cheapest fractional cover of the units the lines
    // left ask beyond what the open locations have (SharedSkuCover.h). On a tie with the programme's bound
    // its shipment count holds; beyond it only the least number of blocks.
    Option child(unsigned choice, double partial, unsigned outside, int open, const qint64* asked,
                 const qint64* supply, int opened) {
        Option option{choice, partial + rest(outside, open), outside, open + restShipments(outside)};
        for (const int s : m_shared.sharedSlots()) {
            if (asked[s] <= supply[s] || !(option.bound < infinity))
                continue;
            const double cover = partial + m_shared.cover(s, asked[s] - supply[s], m_used,
                                                          opened < 0 ? open : open - 1, opened);
            if (cover > option.bound + objectiveEpsilon) {
                option.bound = cover;
                option.shipments = open + (outside ? m_blocks.leastBlocks(outside) : 0);
            }
        }
        return option;
    }

    // The bound of the lines that open locations cannot take, as new shipments after `open` of them.
    double rest(unsigned lines, int open) {
        if (!lines)
            return 0.0;
        return m_blocks.boundObjective(lines) - (open == 0 ? m_penalty : 0.0);
    }
    int restShipments(unsigned lines) { return lines ? m_blocks.boundShipments(lines) : 0; }

    void byBlock(unsigned lines, double partial, int depth) {
        if (lines == 0) {
            leaf(partial - m_penalty, depth);
            return;
        }
        std::vector<Option>& options = m_options[depth];
        options.clear();
        const int after = m_maxBlocks - depth - 1; // blocks allowed after this one
        if (after == 0) {
            if (m_blocks.feasible(lines))
                options.push_back({lines, m_blocks.bestScore(lines) + m_penalty, 0});
        } else {
            m_blocks.forEachBlock(lines, [&](unsigned block) {
                const unsigned left = lines ^ block;
                if (m_blocks.leastBlocks(left) <= after)
                    options.push_back(
                        {block, m_blocks.bestScore(block) + m_penalty + m_blocks.boundObjective(left), 0});
            });
            std::sort(options.begin(), options.end(), [](const Option& a, const Option& b) {
                return a.bound != b.bound ? a.bound < b.bound : a.block > b.block;
            });
        }
        for (size_t o = 0; o < options.size(); ++o) {
            const unsigned block = options[o].block;
            const unsigned left = lines ^ block;
            if (beyond(partial + options[o].bound - m_penalty))
                break;
            const double leftBound = left ? m_blocks.boundObjective(left) : 0.0;
            const int leftShipments = left ? m_blocks.boundShipments(left) : 0;
            m_blocks.forEachCandidate(block, [&](int c, double score) {
                const double bound = partial + score + leftBound;
                if (beyond(bound))
                    return false;
                if (std::find(m_used, m_used + depth, c) != m_used + depth)
                    return true;
                for (unsigned b = block; b; b &= b - 1)
                    m_line[std::countr_zero(b)] = c;
                if (!cannotBeat(bound, depth + 1 + leftShipments, left)) {
                    m_used[depth] = c;
                    byBlock(left, partial + score + m_penalty, depth + 1);
                }
                for (unsigned b = block; b; b &= b - 1)
                    m_line[std::countr_zero(b)] = -1;
                return true;
            });
        }
    }

    void leaf(double objective, int shipments) {
        m_leaf.candidateOfLine.assign(m_line, m_line + m_n);
        m_leaf.objective = objective;
        m_leaf.shipments = shipments;
        m_leaf.filledLines = m_filled;
        offer(m_p, m_result, m_leaf);
    }

    // The reference every assignment must beat to matter: the runner-up, once there is one.
    const Assignment* reference() const { return m_result.runnerUp.valid() ? &m_result.runnerUp : nullptr; }

    // No completion can have an objective within reach of the reference.
    bool beyond(double bound) const {
        const Assignment* ref = reference();
        return ref && ref->filledLines >= m_filled && bound > ref->objective + objectiveEpsilon;
    }

    // No completion of the lines decided so far (every line but `open`) can beat the reference, given the
    // bound of its objective and of its shipments.
    bool cannotBeat(double bound, int shipments, unsigned open) const {
        const Assignment* ref = reference();
        if (!ref)
            return false;
        if (ref->filledLines != m_filled)
            return ref->filledLines > m_filled;
        if (bound > ref->objective + objectiveEpsilon)
            return true;
        if (bound < ref->objective - objectiveEpsilon)
            return false;
        if (shipments != ref->shipments)
            return shipments > ref->shipments;
        for (int i = 0; i < m_n; ++i) {
            if (open & (1U << i))
                return false; // decided later: could still be better
            const int a = m_line[i];
            const int b = ref->candidateOfLine[size_t(i)];
            if (a == b)
                continue;
            if (a < 0 || b < 0)
                return b >= 0;
            return !m_p.codeLess(a, b);
        }
        return true; // the very same assignment
    }

    const Problem& m_p;
    BlockCatalog& m_blocks;
    int m_n;
    int m_maxBlocks;
    double m_penalty;
    bool m_byLine;
    SearchResult& m_result;
    unsigned m_target = 0;
    int m_filled = 0;
    int m_line[exactLineLimit] = {};                 // candidate per line, -1 while undecided or unfilled
    int m_used[exactLineLimit] = {};                 // candidate of each shipment so far
    qint64 m_demand[exactLineLimit][exactLineLimit]; // line by line: units per SKU slot of each shipment
    // Children to try at each depth, kept between calls.
    static thread_local std::vector<Option> m_options[exactLineLimit + 1];
    static thread_local SharedSkuCover m_shared; // line by line: the bound of SKUs several lines share
    Assignment m_leaf;
};

thread_local std::vector<Option> SubsetSearch::m_options[exactLineLimit + 1];
thread_local SharedSkuCover SubsetSearch::m_shared;

} // namespace

SearchResult searchSubsets(const Problem& p, int maxShipments, bool shipAvailable) {
    SearchResult result;
    result.exact = true;
    const int n = p.lineCount();
    if (n == 0 || n > exactLineLimit)
        return result;
    thread_local BlockCatalog blocks;
    blocks.build(p);
    const int maxBlocks = maxShipments > 0 ? std::min(maxShipments, n) : n;
    SubsetSearch search(p, blocks, maxBlocks, result);
    const unsigned all = (1U << n) - 1;
    const unsigned coverable = blocks.coverable();
    if (!shipAvailable) {
        if (coverable == all)
            search.search(all);
    } else {
        for (int size = std::popcount(coverable); size > 0 && !result.best.valid(); --size) {
            if (size == std::popcount(coverable)) {
                search.search(coverable);
                continue;
            }
            for (unsigned subset = coverable; subset; subset = (subset - 1) & coverable)
                if (std::popcount(subset) == size)
                    search.search(subset);
        }
    }
    // The objectives were summed shipment by shipment; give them as evaluate() does.
    if (result.best.valid())
        evaluate(p, result.best);
    if (result.runnerUp.valid())
        evaluate(p, result.runnerUp);
    return result;
}

} // namespace ordo::routing
