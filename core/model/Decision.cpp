#include "Decision.h"

using namespace Qt::StringLiterals;

namespace ordo {

QString routingOutcomeCode(RoutingOutcome outcome) {
    switch (outcome) {
    case RoutingOutcome::Routed:
        return u"routed"_s;
    case RoutingOutcome::Partial:
        return u"partial"_s;
    case RoutingOutcome::Backordered:
        return u"backordered"_s;
    case RoutingOutcome::Held:
        return u"held"_s;
    case RoutingOutcome::Unfillable:
        return u"unfillable"_s;
    case RoutingOutcome::Cancelled:
        return u"cancelled"_s;
    }
    return {};
}

std::optional<RoutingOutcome> routingOutcomeFromCode(QStringView code) {
    for (RoutingOutcome o : {RoutingOutcome::Routed, RoutingOutcome::Partial, RoutingOutcome::Backordered,
                             RoutingOutcome::Held, RoutingOutcome::Unfillable, RoutingOutcome::Cancelled})
        if (code.compare(routingOutcomeCode(o), Qt::CaseInsensitive) == 0)
            return o;
    return std::nullopt;
}

} // namespace ordo
