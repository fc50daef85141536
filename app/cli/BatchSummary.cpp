#include "BatchSummary.h"

#include "CliSupport.h"
#include "model/Money.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

QJsonObject figuresJson(const BatchFigures& f, const QString& currency) {
    return QJsonObject{
        {u"orders"_s, f.orders},
        {u"total_cost"_s, double(f.totalCostMinor) / std::pow(10.0, Money::minorDigits(currency))},
        {u"shipments"_s, f.shipments},
        {u"shipments_per_order"_s, std::round(f.shipmentsPerOrder() * 10000.0) / 10000.0},
        {u"filled_units"_s, f.filledUnits},
        {u"unfilled_units"_s, f.unfilledUnits},
        {u"complete_orders"_s, f.completeOrders}};
}

} // namespace

QJsonObject batchSummaryJson(const BatchResult& r) {
    return QJsonObject{{u"method"_s, batchMethodCode(r.method)},
                       {u"solver"_s, r.solverStatus},
                       {u"proven_optimal"_s, r.provenOptimal},
                       {u"solve_seconds"_s, std::round(r.solveSeconds * 1000.0) / 1000.0},
                       {u"model"_s, QJsonObject{{u"orders"_s, r.modelOrders},
                                                {u"variables"_s, r.variables},
                                                {u"constraints"_s, r.constraints}}},
                       {u"optimised"_s, figuresJson(r.figures, r.currency)},
                       {u"sequential"_s, figuresJson(r.sequentialFigures, r.currency)}};
}

void printBatchSummary(const BatchResult& r) {
    QTextStream& s = out();
    s << u"Joint routing of %1 orders: %2 kept (%3, %4 s)\n"_s.arg(r.figures.orders)
             .arg(batchMethodCode(r.method), r.solverStatus)
             .arg(r.solveSeconds, 0, 'f', 2);
    const auto money = [&](qint64 minor) { return Money{minor, r.currency}.toDecimalString(); };
    s << u"%1  %2  %3\n"_s.arg(u""_s, -22).arg(u"Joint"_s, 12).arg(u"Sequential"_s, 12);
    s << u"%1  %2  %3\n"_s.arg(u"Total cost"_s, -22)
             .arg(money(r.figures.totalCostMinor), 12)
             .arg(money(r.sequentialFigures.totalCostMinor), 12);
    s << u"%1  %2  %3\n"_s.arg(u"Shipments per order"_s, -22)
             .arg(r.figures.shipmentsPerOrder(), 12, 'f', 3)
             .arg(r.sequentialFigures.shipmentsPerOrder(), 12, 'f', 3);
    s << u"%1  %2  %3\n"_s.arg(u"Unfilled units"_s, -22)
             .arg(r.figures.unfilledUnits, 12)
             .arg(r.sequentialFigures.unfilledUnits, 12);
    s << u"%1  %2  %3\n"_s.arg(u"Complete orders"_s, -22)
             .arg(r.figures.completeOrders, 12)
             .arg(r.sequentialFigures.completeOrders, 12);
    s.flush();
}

} // namespace ordo::cli
