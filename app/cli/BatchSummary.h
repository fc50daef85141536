#pragma once

#include "sourcing/BatchOptimizer.h"

#include <QJsonObject>

namespace ordo::cli {

// How `ordo route --pending --optimize` reports a joint routing run beside sequential routing of the same
// orders: {"method":"joint|sequential","solver":..,"proven_optimal":..,"solve_seconds":X,"model":{"orders":N,
// "variables":N,"constraints":N},"optimised":FIGURES,"sequential":FIGURES}, FIGURES being {"orders":N,
// "total_cost":X,"shipments":N,"shipments_per_order":X,"filled_units":N,"unfilled_units":N,"complete_orders":N}.
QJsonObject batchSummaryJson(const BatchResult& result);
void printBatchSummary(const BatchResult& result);

} // namespace ordo::cli
