#include "RoutingNetwork.h"

#include <algorithm>

namespace ordo {

RoutingNetwork::RoutingNetwork(std::vector<NetworkLocation> locations)
    : m_locations(std::move(locations)) {
    m_byCode.reserve(qsizetype(m_locations.size()));
    m_codes.reserve(qsizetype(m_locations.size()));
    for (int i = 0; i < int(m_locations.size()); ++i) {
        m_byCode.insert(m_locations[size_t(i)].location.code, i);
        m_codes.append(m_locations[size_t(i)].location.code);
    }
}

std::vector<int> RoutingNetwork::capacityLeft() const {
    std::vector<int> left;
    left.reserve(m_locations.size());
    for (const NetworkLocation& l : m_locations)
        left.push_back(l.capacityLeft);
    return left;
}

void RoutingNetwork::restoreCapacity(const std::vector<int>& left) {
    for (size_t i = 0; i < left.size() && i < m_locations.size(); ++i)
        m_locations[i].capacityLeft = left[i];
}

void RoutingNetwork::useCapacity(int location, int shipments) {
    if (location < 0 || location >= size())
        return;
    int& left = m_locations[size_t(location)].capacityLeft;
    if (left < 0)
        return; // no limit
    left = std::max(0, left - shipments);
}

} // namespace ordo
