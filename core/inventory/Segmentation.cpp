#include "Segmentation.h"

namespace ordo {

ChannelPolicy Segmentation::policyFor(Channel channel) const {
    const auto it = policies.constFind(channelCode(channel));
    if (it != policies.cend())
        return *it;
    ChannelPolicy policy;
    policy.channel = channel;
    return policy;
}

bool Segmentation::isExcluded(Channel channel, const QString& skuCode, const QString& locationCode) const {
    const QString code = channelCode(channel);
    for (const Exclusion& e : exclusions) {
        if (e.channel != code)
            continue;
        const bool skuMatches = e.skuCode.isEmpty() || e.skuCode == skuCode;
        const bool locationMatches = e.locationCode.isEmpty() || e.locationCode == locationCode;
        if (skuMatches && locationMatches)
            return true;
    }
    return false;
}

} // namespace ordo
