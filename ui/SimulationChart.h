#pragma once

#include "sourcing/SimulationReport.h"

class QChart;

namespace ordo::ui {

// The simulation's figures as a grouped bar chart beside its table: cost per order, shipments per order,
// split rate and mean distance of each arm, indexed to the active rules (= 100) so that one axis serves all
// four. The caller owns the chart (QChartView::setChart takes it).
QChart* makeSimulationChart(const SimulationReport& report);

// The index of `value` against `base` (= 100); 100 when both are 0, 200 (off the scale) when only the base
// is.
double indexAgainst(double value, double base);

} // namespace ordo::ui
