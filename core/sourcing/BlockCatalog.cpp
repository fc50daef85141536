#include "BlockCatalog.h"

#include "sourcing/Criteria.h"

#include <algorithm>
#include <bit>

namespace ordo::routing {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

} // namespace

void BlockCatalog::build(const Problem& p) {
    m_p = &p;
    m_n = p.lineCount();
    m_penalty = p.splitPenalty;
    m_lineScores = p.weights.balance() != 0.0;
    const size_t masks = size_t(1) << m_n;
    const unsigned all = unsigned(masks - 1);
    m_coverable = 0;
    m_order.clear();
    m_alone.clear();
    m_tight.clear();
    for (int c = 0; c < int(p.candidates.size()); ++c) {
        if (!p.candidates[size_t(c)].eligible())
            continue;
        unsigned alone = 0;
        for (int i = 0; i < m_n; ++i)
            if (p.canTake(c, i))
                alone |= 1U << i;
        if (alone) {
            m_order.push_back(c);
            m_coverable |= alone;
        }
    }
    std::sort(m_order.begin(), m_order.end(), [&](int a, int b) {
        const double sa = p.candidates[size_t(a)].fixedScore;
        const double sb = p.candidates[size_t(b)].fixedScore;
        return sa != sb ? sa < sb : p.codeLess(a, b);
    });
    // What each takes alone, and the lines of SKUs whose lines it cannot all give at once.
    thread_local std::vector<qint64> demand;
    for (const int c : m_order) {
        unsigned alone = 0;
        demand.assign(size_t(p.skuCount), 0);
        for (int i = 0; i < m_n; ++i)
            if (p.canTake(c, i)) {
                alone |= 1U << i;
                demand[size_t(p.lines[size_t(i)].skuSlot)] += p.lines[size_t(i)].quantity;
            }
        unsigned tight = 0;
        for (int i = 0; i < m_n; ++i) {
            const int slot = p.lines[size_t(i)].skuSlot;
            if ((alone & (1U << i)) && demand[size_t(slot)] > p.usableAt(c, slot))
                tight |= 1U << i;
        }
        m_alone.push_back(alone);
        m_tight.push_back(tight);
    }
    m_nonNegative = m_penalty >= 0.0;
    m_positionsOf.resize(size_t(m_n));
    for (int i = 0; i < m_n; ++i)
        m_positionsOf[size_t(i)].clear();
    for (int pos = 0; pos < int(m_order.size()); ++pos) {
        m_nonNegative = m_nonNegative && p.candidates[size_t(m_order[size_t(pos)])].fixedScore >= 0.0;
        for (unsigned a = m_alone[size_t(pos)]; a; a &= a - 1)
            m_positionsOf[size_t(std::countr_zero(a))].push_back(pos);
    }

    if (!m_lineScores) {
        m_first.assign(masks, noPosition);
        m_seeds.clear();
        for (int pos = 0; pos < int(m_order.size()); ++pos)
            addSeeds(pos);
        for (int i = 0; i < m_n; ++i) {
            const unsigned bit = 1U << i;
            for (unsigned t = 0; t < masks; ++t)
                if (!(t & bit))
                    m_first[t] = std::min(m_first[t], m_first[t | bit]);
        }
        // The seeds no other beats (a cheaper or as cheap one that takes every line it takes and more), by
        // line; the bound by covers uses only those (any cover can swap the others for them at no loss).
        m_seedsOf.resize(size_t(m_n));
        for (int i = 0; i < m_n; ++i)
            m_seedsOf[size_t(i)].clear();
        for (const Seed& seed : m_seeds) {
            bool kept = m_first[seed.lines] == seed.position;
            for (unsigned other = all & ~seed.lines; other && kept; other &= other - 1)
                kept = m_first[seed.lines | (other & (0U - other))] > seed.position;
            if (kept)
                for (unsigned b = seed.lines; b; b &= b - 1)
                    m_seedsOf[size_t(std::countr_zero(b))].push_back(seed);
        }
    } else {
        thread_local std::vector<std::pair<unsigned, Entry>> listed;
        listed.clear();
        for (const int c : m_order)
            listSubsets(c, listed);
        m_offset.assign(masks + 1, 0);
        for (const auto& [block, entry] : listed)
            ++m_offset[block + 1];
        for (size_t t = 0; t < masks; ++t)
            m_offset[t + 1] += m_offset[t];
        m_entries.resize(listed.size());
        thread_local std::vector<int> fill;
        fill.assign(m_offset.begin(), m_offset.end() - 1);
        for (const auto& [block, entry] : listed)
            m_entries[size_t(fill[block]++)] = entry;
        for (size_t t = 1; t < masks; ++t)
            std::sort(m_entries.begin() + m_offset[t], m_entries.begin() + m_offset[t + 1],
                      [&](const Entry& a, const Entry& b) {
                          return a.score != b.score ? a.score < b.score
                                                    : p.codeLess(a.candidate, b.candidate);
                      });
    }

    m_coverBound = fixedNonNegative();
    m_objective.assign(masks, infinity);
    m_shipments.assign(masks, std::uint8_t(infiniteBlocks));
    m_blocks.assign(masks, std::uint8_t(infiniteBlocks));
    m_known.assign(masks, 0);
    m_objective[0] = 0.0;
    m_shipments[0] = 0;
    m_blocks[0] = 0;
    m_known[0] = 1;
}

double BlockCatalog::bestScore(unsigned block) const {
    if (m_lineScores)
        return m_offset[block] != m_offset[block + 1] ? m_entries[size_t(m_offset[block])].score : infinity;
    const int first = m_first[block];
    return first == noPosition ? infinity : m_p->candidates[size_t(m_order[size_t(first)])].fixedScore;
}

bool BlockCatalog::fitsTight(int position, unsigned block) const {
    const Problem& p = *m_p;
    const int c = m_order[size_t(position)];
    const unsigned tight = block & m_tight[size_t(position)];
    // Few lines: sum each tight line's SKU over the block's lines of that SKU.
    for (unsigned rest = tight; rest;) {
        const int i = std::countr_zero(rest);
        const int slot = p.lines[size_t(i)].skuSlot;
        qint64 units = 0;
        for (unsigned same = tight; same; same &= same - 1) {
            const int j = std::countr_zero(same);
            if (p.lines[size_t(j)].skuSlot == slot) {
                units += p.lines[size_t(j)].quantity;
                rest &= ~(1U << j);
            }
        }
        if (units > p.usableAt(c, slot))
            return false;
    }
    return true;
}

void BlockCatalog::addSeeds(int pos) {
    const unsigned alone = m_alone[size_t(pos)];
    const unsigned tight = m_tight[size_t(pos)];
    if (!tight) {
        m_first[alone] = std::min(m_first[alone], pos);
        m_seeds.push_back({alone, pos});
        return;
    }
    // Each maximal subset of the tight lines that fits, with every other line it takes: subsets in a depth
    // first walk adding lines in order (a subset that does not fit has no superset that does).
    const unsigned loose = alone & ~tight;
    auto walk = [&](auto& self, unsigned chosen, unsigned rest) -> void {
        bool maximal = true;
        for (unsigned other = tight & ~chosen; other && maximal; other &= other - 1)
            maximal = !fitsTight(pos, chosen | (other & (0U - other)));
        if (maximal) {
            m_first[loose | chosen] = std::min(m_first[loose | chosen], pos);
            m_seeds.push_back({loose | chosen, pos});
        }
        while (rest) {
            const unsigned bit = rest & (0U - rest);
            rest ^= bit;
            if (fitsTight(pos, chosen | bit))
                self(self, chosen | bit, rest);
        }
    };
    walk(walk, 0, tight);
}

void BlockCatalog::listSubsets(int c, std::vector<std::pair<unsigned, Entry>>& out) const {
    const Problem& p = *m_p;
    unsigned alone = 0;
    for (int i = 0; i < m_n; ++i)
        if (p.canTake(c, i))
            alone |= 1U << i;
    qint64 demand[exactLineLimit] = {};
    auto walk = [&](auto& self, unsigned block, unsigned rest) -> void {
        while (rest) {
            const int i = std::countr_zero(rest);
            rest &= rest - 1;
            const Line& line = p.lines[size_t(i)];
            qint64& units = demand[line.skuSlot];
            units += line.quantity;
            if (units <= p.usableAt(c, line.skuSlot)) {
                out.push_back({block | (1U << i), Entry{shipmentScore(p, c, demand), c}});
                self(self, block | (1U << i), rest);
            }
            units -= line.quantity;
        }
    };
    walk(walk, 0, alone);
}

void BlockCatalog::solveUnknown(unsigned lines) {
    double objective = infinity;
    int shipments = infiniteBlocks;
    int blocks = infiniteBlocks;
    // One shipment of score `score` with the best cover of the lines it leaves.
    auto consider = [&](unsigned rest, double score) {
        solve(rest);
        if (m_blocks[rest] >= infiniteBlocks)
            return;
        const double o = score + m_penalty + m_objective[rest];
        const int s = 1 + m_shipments[rest];
        if (o < objective - objectiveEpsilon || (o <= objective + objectiveEpsilon && s < shipments)) {
            objective = std::min(objective, o);
            shipments = s;
        }
        blocks = std::min(blocks, 1 + m_blocks[rest]);
    };
    if (m_coverBound) {
        // Covers: the lowest line goes with one of the seeds holding it, which takes whatever else it holds.
        const int low = std::countr_zero(lines);
        for (const Seed& seed : m_seedsOf[size_t(low)])
            consider(lines & ~seed.lines, m_p->candidates[size_t(m_order[size_t(seed.position)])].fixedScore);
    } else {
        forEachBlock(lines, [&](unsigned block) { consider(lines ^ block, bestScore(block)); });
    }
    m_objective[lines] = objective;
    m_shipments[lines] = std::uint8_t(shipments);
    m_blocks[lines] = std::uint8_t(blocks);
    m_known[lines] = 1;
}

} // namespace ordo::routing
