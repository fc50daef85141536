#pragma once

#include "StockFormat.h" // locationTypeName
#include "model/Decision.h"
#include "model/Location.h"
#include "model/RuleSet.h"

#include <QString>

namespace ordo::ui {

// How the console names routing values: criteria, filters, outcomes, fallbacks (location types:
// StockFormat.h). Translated here rather than taken from the core codes, which stay stable for files and the
// command line.
QString criterionName(Criterion criterion);
QString criterionUnit(Criterion criterion); // "USD", "100 km", "days", "shipments"...
QString filterName(const QString& filterCode);
QString outcomeName(RoutingOutcome outcome);
QString fallbackName(Fallback::Action action);
QString splitModeName(SplitPolicy::Mode mode);
QString shortageName(SplitPolicy::Shortage shortage);
QString ruleSetStateName(RuleSetState state);

// "1,234 km" (no decimals from 10 km up, one below).
QString formatKm(double km);
// A score or criterion value: two decimals in the user's locale.
QString formatScore(double value);
// "#1 SKU-1 × 2, #3 SKU-3 × 1"
QString formatShipmentLines(const QList<ShipmentLine>& lines);

} // namespace ordo::ui
