#include "SimulationChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

struct SimulationChartText {
    Q_DECLARE_TR_FUNCTIONS(ordo::ui::SimulationChart)
};

const QColor armColors[] = {QColor(0x25, 0x63, 0xeb), QColor(0x9c, 0xa3, 0xaf), QColor(0xf5, 0x9e, 0x0b)};

} // namespace

double indexAgainst(double value, double base) {
    if (base == 0.0)
        return value == 0.0 ? 100.0 : 200.0;
    return 100.0 * value / base;
}

QChart* makeSimulationChart(const SimulationReport& report) {
    auto* chart = new QChart;
    chart->setTitle(SimulationChartText::tr("Per order, against the active rules (= 100; lower is better)"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    const SimulationRun& active = report.active;
    const SimulationRun* runs[] = {&report.draft, &report.active, &report.greedy};
    const QString names[] = {SimulationChartText::tr("Draft"), SimulationChartText::tr("Active"),
                             SimulationChartText::tr("Greedy")};
    auto* series = new QBarSeries;
    double top = 100.0;
    for (int i = 0; i < 3; ++i) {
        const SimulationRun& arm = *runs[i];
        auto* set = new QBarSet(names[i]);
        set->setColor(armColors[i]);
        set->setBorderColor(armColors[i]);
        const double values[] = {indexAgainst(arm.costPerOrderMinor(), active.costPerOrderMinor()),
                                 indexAgainst(arm.shipmentsPerOrder(), active.shipmentsPerOrder()),
                                 indexAgainst(arm.splitRate(), active.splitRate()),
                                 indexAgainst(arm.meanDistanceKm(), active.meanDistanceKm())};
        for (double value : values) {
            set->append(value);
            top = std::max(top, value);
        }
        series->append(set);
    }
    chart->addSeries(series);
    auto* categories = new QBarCategoryAxis;
    categories->append({SimulationChartText::tr("Cost"), SimulationChartText::tr("Shipments"),
                        SimulationChartText::tr("Splits"), SimulationChartText::tr("Distance")});
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    auto* values = new QValueAxis;
    values->setRange(0, std::ceil(top / 20.0) * 20.0);
    values->setLabelFormat(u"%d"_s);
    values->setTickCount(int(std::ceil(top / 20.0)) + 1 > 11 ? 6 : int(std::ceil(top / 20.0)) + 1);
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    return chart;
}

} // namespace ordo::ui
