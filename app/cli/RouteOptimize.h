#pragma once

#include "sourcing/BatchOptimizer.h"
#include "sourcing/RoutingService.h"

#include <QList>

namespace ordo::cli {

// `ordo route --pending --optimize`: every validated order decided together by the batch optimiser (under the
// active rules, on the run's live stock and network, each order's rejected locations kept out), then each
// decision handed to RoutingService::apply(), which stores, reserves, holds or backorders it as a sequential
// run would. `batch` receives the optimiser's report (its figures against sequential routing).
QList<RoutedOrder> routePendingJointly(RoutingService& service, bool dryRun, double timeLimitSeconds,
                                       BatchResult& batch);

} // namespace ordo::cli
