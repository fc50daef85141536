#pragma once

#include <QList>

namespace ordo {

class DemoRandom;

// Picks an index with probability proportional to its weight, in O(log n) over cumulative weights.
// Negative weights count as zero; an empty picker or one whose weights are all zero cannot pick.
class WeightedPicker {
public:
    WeightedPicker() = default;
    explicit WeightedPicker(const QList<double>& weights);

    qsizetype size() const { return m_cumulative.size(); }
    double totalWeight() const { return m_cumulative.isEmpty() ? 0.0 : m_cumulative.last(); }
    bool canPick() const { return totalWeight() > 0.0; }
    // The index for a point u in [0, 1) of the cumulative distribution (pure, for tests).
    int indexAt(double u) const;
    int pick(DemoRandom& random) const;

private:
    QList<double> m_cumulative;
};

} // namespace ordo
