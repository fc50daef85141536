#pragma once

// The shipments ("blocks") an order's lines can form, for the exact search over subsets of lines
// (SubsetSearch.cpp). A block is a set T of lines, a bit mask over at most exactLineLimit lines; a candidate
// can ship T when it is eligible, holds each line's units on its own and the lines of T sharing a SKU fit its
// usable units together. Shippable sets are closed under taking subsets (less demand never stops a shipment),
// which every enumeration below relies on to cut infeasible supersets.
//
// Two ways to list, for a block, its candidates cheapest first:
//   - when a shipment's score does not depend on the lines it carries (no inventory_balance weight: every
//     other criterion is per location, see Criteria.h), a candidate ships any subset of a few "seeds" (what
//     it takes alone; with lines sharing a SKU beyond its stock, each maximal subset that fits) at its fixed
//     score. The eligible candidates are sorted once by (score, location code); firstPosition(T) is the first
//     position in that order whose candidate has a seed containing T, computed for every T at once by a
//     superset-min transform (for each line bit, first[T] = min(first[T], first[T | bit])): O(n 2^n);
//   - otherwise every shippable subset of every candidate is listed with its own score (2^|lines it takes|
//     per candidate) and bucketed by block, each bucket sorted by (score, code).
//
// The bound: bound(S) is the cheapest way to split the lines S into shippable blocks, each block given its
// cheapest candidate and charged its score + the split penalty, where one location may serve several blocks.
// Every real assignment of S (distinct locations) is such a split, so bound(S) never exceeds it: it is a
// lower bound, exact whenever its own optimum happens to use distinct locations. A dynamic programme over
// subsets: bound(S) = min over shippable T containing the lowest line of S of best(T) + penalty + bound(S
// \ T) (fixing the block of the lowest line counts each split once), memoised, computed only for the subsets
// the search asks for. Its shipment count (lexicographic second key) and the least number of blocks that can
// cover S are kept beside it: with objectives tied the first bounds the shipments, and the second cuts a
// search under a shipment limit.

#include "sourcing/RoutingProblem.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace ordo::routing {

class BlockCatalog {
public:
    static constexpr int infiniteBlocks = 99;

    void build(const Problem& problem);

    int lineCount() const { return m_n; }
    // Whether every shipment's score is fixed per location and never negative: then the bound of a set of
    // lines never exceeds the bound of a larger set (BlockCatalog never charges less for covering more).
    bool fixedNonNegative() const { return !m_lineScores && m_nonNegative; }
    // Fixed scores: the eligible candidates that can take line i on its own, by (score, location code) (as
    // positions: candidate(position), alone(position)).
    const std::vector<int>& positionsOf(int line) const { return m_positionsOf[size_t(line)]; }
    int candidate(int position) const { return m_order[size_t(position)]; }
    unsigned alone(int position) const { return m_alone[size_t(position)]; }
    // Lines some eligible candidate can take on its own.
    unsigned coverable() const { return m_coverable; }
    bool feasible(unsigned block) const {
        return m_lineScores ? m_offset[block] != m_offset[block + 1] : m_first[block] != noPosition;
    }
    // The score of the block's cheapest candidate; infinite when none can ship it.
    double bestScore(unsigned block) const;

    // Calls f(candidate, score) for the candidates that can ship `block`, cheapest first (then by location
    // code), until f returns false.
    template <class F> void forEachCandidate(unsigned block, F&& f) const;

    // Calls f(T) for every shippable block T within `lines` that holds its lowest line.
    template <class F> void forEachBlock(unsigned lines, F&& f) const {
        const unsigned low = lines & (0U - lines);
        if (feasible(low))
            extend(low, lines ^ low, f);
    }

    // The relaxed optimum of the lines S (see above): score + penalty per block, shipments, least blocks.
    double boundObjective(unsigned lines) {
        solve(lines);
        return m_objective[lines];
    }
    int boundShipments(unsigned lines) {
        solve(lines);
        return m_shipments[lines];
    }
    int leastBlocks(unsigned lines) {
        solve(lines);
        return m_blocks[lines];
    }

private:
    static constexpr int noPosition = std::numeric_limits<int>::max();
    struct Entry {
        double score;
        int candidate;
    };

    template <class F> void extend(unsigned block, unsigned rest, F& f) const {
        f(block);
        while (rest) {
            const unsigned bit = rest & (0U - rest);
            rest ^= bit;
            if (feasible(block | bit))
                extend(block | bit, rest, f);
        }
    }
    bool fitsTight(int position, unsigned block) const;
    void addSeeds(int position);
    void listSubsets(int candidate, std::vector<std::pair<unsigned, Entry>>& out) const;
    void solve(unsigned lines) {
        if (!m_known[lines])
            solveUnknown(lines);
    }
    void solveUnknown(unsigned lines);

    const Problem* m_p = nullptr;
    int m_n = 0;
    unsigned m_coverable = 0;
    double m_penalty = 0.0;
    bool m_lineScores = false; // scores depend on the lines shipped (inventory_balance)
    bool m_nonNegative = true;
    bool m_coverBound = false; // the bound by covers of seeds (fixed scores, never negative)
    struct Seed {
        unsigned lines;
        int position;
    };
    std::vector<Seed> m_seeds;
    std::vector<std::vector<Seed>> m_seedsOf; // the seeds no other beats, by line
    std::vector<std::vector<int>> m_positionsOf;
    // Fixed scores: eligible candidates by (score, code), what each takes alone and its lines whose SKU it
    // cannot give to all of them at once, and per block the first position able to ship it.
    std::vector<int> m_order;
    std::vector<unsigned> m_alone;
    std::vector<unsigned> m_tight;
    std::vector<int> m_first;
    // Line-dependent scores: per block its candidates, m_entries[m_offset[T] .. m_offset[T + 1]).
    std::vector<int> m_offset;
    std::vector<Entry> m_entries;
    // The bound, memoised per subset of lines.
    std::vector<double> m_objective;
    std::vector<std::uint8_t> m_shipments;
    std::vector<std::uint8_t> m_blocks;
    std::vector<std::uint8_t> m_known;
};

template <class F> void BlockCatalog::forEachCandidate(unsigned block, F&& f) const {
    if (m_lineScores) {
        for (int e = m_offset[block]; e < m_offset[block + 1]; ++e)
            if (!f(m_entries[size_t(e)].candidate, m_entries[size_t(e)].score))
                return;
        return;
    }
    const int first = m_first[block];
    if (first == noPosition)
        return;
    for (int pos = first; pos < int(m_order.size()); ++pos) {
        if ((m_alone[size_t(pos)] & block) != block)
            continue;
        if ((m_tight[size_t(pos)] & block) && !fitsTight(pos, block))
            continue;
        const int c = m_order[size_t(pos)];
        if (!f(c, m_p->candidates[size_t(c)].fixedScore))
            return;
    }
}

} // namespace ordo::routing
