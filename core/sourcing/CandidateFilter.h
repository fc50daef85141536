#pragma once

#include "model/Decision.h"
#include "sourcing/RoutingProblem.h"

#include <vector>

namespace ordo::routing {

// The stock of the lines' SKUs, read once per order: per SKU slot, every location holding it (StockLevels).
struct OrderStock {
    std::vector<Line> lines; // the lines to route, with their SKU slots
    int skuCount = 0;
    std::vector<std::vector<StockLevels::Stocked>> bySlot;
};

// The order-level part of a problem: order, rules, network, context, pickup location, currency.
void startProblem(Problem& problem, const Order& order, const RuleSet& rules, const RoutingNetwork& network,
                  const RoutingContext& context);

// The lines to route (RoutingContext::lineNos, else every line not yet routed, shipped or cancelled) and the
// stock of their SKUs for the order's channel and delivery at context.nowMs.
void readOrderStock(const Order& order, const StockLevels& inventory, const RoutingContext& context,
                    OrderStock& stock);

// Fills `problem` for one strategy: the candidates are the locations holding any line's SKU (and the pickup
// location of a pickup order), each judged by every filter the strategy sets, with its distance, cost, usable
// units and fixed score. Nothing here allocates per candidate but the vectors it grows.
void buildProblem(const OrderStock& stock, const Strategy& strategy, Problem& problem);

// Every filter applied to a candidate with its verdict and the value behind it.
QList<FilterVerdict> filterVerdicts(const Problem& problem, int candidate);
void filterVerdicts(const Problem& problem, int candidate, std::vector<FilterVerdict>& out);

// "type (store)", "max_distance (1,234 km > 800 km)": the failed filters of an ineligible candidate.
QString failedFilters(const Problem& problem, int candidate);

} // namespace ordo::routing
