// The exact search for small orders (up to partitionLineLimit lines; SubsetSearch.cpp takes larger ones).
// Every assignment of lines to locations groups the lines into shipments: a set partition of the lines
// (Bell(5) = 52 of them for 5 lines) with a distinct location per block. For a partition of k blocks only
// each block's k cheapest feasible locations can matter: were a block given another, one of its k cheapest is
// used by none of the other k - 1 blocks and would do at least as well. So each block keeps a short list of
// its cheapest feasible locations (one more, for the runner-up) and the partitions are searched depth first,
// cut off by the sum of the remaining blocks' cheapest scores. The split penalty is the same for every
// assignment of a partition ((k - 1) x penalty), so neither argument changes.
#include "sourcing/Criteria.h"
#include "sourcing/SearchDetail.h"

#include <algorithm>
#include <array>
#include <bit>

namespace ordo::routing {

namespace {

constexpr int maskCount = 1 << partitionLineLimit;
constexpr int listLength = partitionLineLimit + 1;

// The set partitions of {0..m-1} for m = 1..partitionLineLimit, each a list of block bitmasks.
using Partition = std::vector<std::uint8_t>;

void generate(int m, int i, Partition& blocks, std::vector<Partition>& out) {
    if (i == m) {
        out.push_back(blocks);
        return;
    }
    for (size_t b = 0; b < blocks.size(); ++b) {
        blocks[b] |= std::uint8_t(1U << i);
        generate(m, i + 1, blocks, out);
        blocks[b] &= std::uint8_t(~(1U << i));
    }
    blocks.push_back(std::uint8_t(1U << i));
    generate(m, i + 1, blocks, out);
    blocks.pop_back();
}

const std::vector<Partition>& partitionsOf(int m) {
    static const std::array<std::vector<Partition>, partitionLineLimit + 1> all = [] {
        std::array<std::vector<Partition>, partitionLineLimit + 1> table;
        for (int n = 1; n <= partitionLineLimit; ++n) {
            Partition blocks;
            generate(n, 0, blocks, table[size_t(n)]);
        }
        return table;
    }();
    return all[size_t(m)];
}

struct Entry { // trivially constructible: the lists are filled before they are read
    double score;
    int candidate;
};

class ExactSearch {
public:
    ExactSearch(const Problem& p, int maxShipments)
        : m_p(p)
        , m_n(p.lineCount()) {
        m_maxBlocks = maxShipments > 0 ? std::min(maxShipments, m_n) : m_n;
        m_keep = std::min(listLength, m_maxBlocks + 1);
        buildLists();
    }

    // Lines the eligible candidates can take one by one.
    unsigned coverable() const { return m_coverable; }

    void searchSubset(unsigned lines, SearchResult& result) {
        // Positions -> line bits of this subset.
        int bits[partitionLineLimit];
        int m = 0;
        for (int i = 0; i < m_n; ++i)
            if (lines & (1U << i))
                bits[m++] = i;
        for (const Partition& partition : partitionsOf(m)) {
            const int k = int(partition.size());
            if (k > m_maxBlocks)
                continue;
            bool possible = true;
            for (int b = 0; b < k && possible; ++b) {
                unsigned mask = 0;
                for (int j = 0; j < m; ++j)
                    if (partition[size_t(b)] & (1U << j))
                        mask |= 1U << bits[j];
                m_blocks[b] = mask;
                possible = m_size[mask] > 0;
            }
            if (!possible)
                continue;
            // Blocks with the fewest options first: they cut the tree soonest.
            std::sort(m_blocks, m_blocks + k, [&](unsigned a, unsigned b) { return m_size[a] < m_size[b]; });
            m_k = k;
            m_bound[k] = 0.0;
            for (int b = k - 1; b >= 0; --b)
                m_bound[b] = m_bound[b + 1] + m_lists[m_blocks[b]][0].score;
            m_lines = lines;
            // The split penalty of a partition is known before any location is given: it starts the sum, so
            // the bound cuts with it too.
            descend(0, m_p.splitPenalty * double(k - 1), result);
        }
    }

private:
    void buildLists() {
        const unsigned all = (1U << m_n) - 1;
        std::fill(std::begin(m_size), std::end(m_size), 0);
        for (unsigned mask = 1; mask <= all; ++mask) {
            std::fill(m_demand[mask], m_demand[mask] + partitionLineLimit, 0);
            for (int i = 0; i < m_n; ++i)
                if (mask & (1U << i))
                    m_demand[mask][m_p.lines[size_t(i)].skuSlot] += m_p.lines[size_t(i)].quantity;
        }
        m_coverable = 0;
        for (int c = 0; c < int(m_p.candidates.size()); ++c) {
            if (!m_p.candidates[size_t(c)].eligible())
                continue;
            unsigned alone = 0;
            for (int i = 0; i < m_n; ++i)
                if (m_p.canTake(c, i))
                    alone |= 1U << i;
            m_coverable |= alone;
            if (!alone)
                continue;
            // Every block within what the candidate takes alone, checked for lines sharing a SKU.
            for (unsigned mask = alone; mask; mask = (mask - 1) & alone) {
                bool fits = true;
                for (int s = 0; s < m_p.skuCount && fits; ++s)
                    fits = m_demand[mask][s] <= m_p.usableAt(c, s);
                if (fits)
                    insert(mask, Entry{shipmentScore(m_p, c, m_demand[mask]), c});
            }
        }
    }

    void insert(unsigned mask, Entry e) {
        Entry* list = m_lists[mask];
        int& size = m_size[mask];
        auto before = [&](const Entry& a, const Entry& b) {
            if (a.score < b.score - objectiveEpsilon)
                return true;
            if (a.score > b.score + objectiveEpsilon)
                return false;
            return m_p.codeLess(a.candidate, b.candidate);
        };
        if (size == m_keep && !before(e, list[size - 1]))
            return;
        int at = size < m_keep ? size++ : size - 1;
        while (at > 0 && before(e, list[at - 1])) {
            list[at] = list[at - 1];
            --at;
        }
        list[at] = e;
    }

    double cutoff(const SearchResult& result) const {
        // Keep searching for anything that could beat the runner-up (and so the best).
        return result.runnerUp.valid() ? result.runnerUp.objective + objectiveEpsilon
                                       : std::numeric_limits<double>::infinity();
    }

    void descend(int b, double partial, SearchResult& result) {
        if (b == m_k) {
            if (result.runnerUp.valid() && result.runnerUp.filledLines == std::popcount(m_lines) &&
                partial > cutoff(result))
                return;
            m_leaf.candidateOfLine.assign(size_t(m_n), -1);
            for (int j = 0; j < m_k; ++j)
                for (int i = 0; i < m_n; ++i)
                    if (m_blocks[j] & (1U << i))
                        m_leaf.candidateOfLine[size_t(i)] = m_chosen[j];
            m_leaf.objective = partial;
            m_leaf.shipments = m_k;
            m_leaf.filledLines = std::popcount(m_lines);
            offer(m_p, result, m_leaf);
            return;
        }
        // m_k never exceeds partitionLineLimit; saying so lets the optimiser (and its bounds warnings) see it
        // too.
        if (b >= partitionLineLimit)
            return;
        const unsigned mask = m_blocks[b];
        const Entry* list = m_lists[mask];
        const bool bounded = result.runnerUp.valid() && result.runnerUp.filledLines == std::popcount(m_lines);
        for (int e = 0; e < m_size[mask]; ++e) {
            if (bounded && partial + list[e].score + m_bound[b + 1] > cutoff(result))
                break;
            const int c = list[e].candidate;
            if (std::find(m_chosen, m_chosen + b, c) != m_chosen + b)
                continue;
            m_chosen[b] = c;
            descend(b + 1, partial + list[e].score, result);
        }
    }

    const Problem& m_p;
    int m_n = 0;
    int m_maxBlocks = 0;
    int m_keep = 0;
    unsigned m_coverable = 0;
    qint64 m_demand[maskCount][partitionLineLimit]; // filled for the masks in use by buildLists()
    Entry m_lists[maskCount][listLength];
    int m_size[maskCount] = {};
    // The partition being searched.
    unsigned m_blocks[partitionLineLimit] = {};
    double m_bound[partitionLineLimit + 1] = {};
    int m_chosen[partitionLineLimit] = {};
    int m_k = 0;
    unsigned m_lines = 0;
    Assignment m_leaf;
};

} // namespace

SearchResult searchExact(const Problem& p, int maxShipments, bool shipAvailable) {
    SearchResult result;
    result.exact = true;
    ExactSearch search(p, maxShipments);
    const unsigned all = (1U << p.lineCount()) - 1;
    if (!shipAvailable) {
        if (search.coverable() == all)
            search.searchSubset(all, result);
        return result;
    }
    // Ship what is available: the largest subsets of the coverable lines first; the first size with a
    // feasible assignment decides (more lines filled always wins, see better()).
    const unsigned coverable = search.coverable();
    for (int size = std::popcount(coverable); size > 0 && !result.best.valid(); --size)
        for (unsigned subset = coverable; subset; subset = (subset - 1) & coverable)
            if (std::popcount(subset) == size)
                search.searchSubset(subset, result);
    return result;
}

} // namespace ordo::routing
