#include "WeightedPicker.h"

#include "DemoRandom.h"
#include "Error.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

WeightedPicker::WeightedPicker(const QList<double>& weights) {
    m_cumulative.reserve(weights.size());
    double sum = 0.0;
    for (double w : weights) {
        sum += std::max(0.0, w);
        m_cumulative.append(sum);
    }
}

int WeightedPicker::indexAt(double u) const {
    if (!canPick())
        throw Error::usage(u"cannot pick from weights that are all zero"_s);
    const double target = std::clamp(u, 0.0, 1.0) * totalWeight();
    // The first index whose cumulative weight exceeds the target; zero-weight entries are never chosen.
    const auto it = std::upper_bound(m_cumulative.cbegin(), m_cumulative.cend(), target);
    if (it == m_cumulative.cend()) {
        // u == 1.0: the last index with a weight.
        qsizetype i = m_cumulative.size() - 1;
        while (i > 0 && m_cumulative.at(i - 1) == m_cumulative.at(i))
            --i;
        return int(i);
    }
    return int(it - m_cumulative.cbegin());
}

int WeightedPicker::pick(DemoRandom& random) const {
    return indexAt(random.uniform());
}

} // namespace ordo
