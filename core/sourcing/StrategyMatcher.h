#pragma once

#include "model/Order.h"
#include "model/RuleSet.h"

#include <QString>

namespace ordo {

class RoutingNetwork;

// Whether a strategy's order conditions hold for an order. When one does not, `reason` names it with the
// value behind it: "channel web not in [pos, app]", "order value 12.00 below 50.00".
bool strategyMatches(const StrategyConditions& when, const Order& order, const RoutingNetwork& network,
                     QString* reason = nullptr);

} // namespace ordo
