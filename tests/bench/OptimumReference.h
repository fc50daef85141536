#pragma once

// The optimum of one ship order under the default strategy (lowest total cost, split allowed, no shipment
// limit, ship complete), solved as an integer programme by GLPK, independently of the router: only the
// network, the stock levels the router reads (the same StockLevels call), the rule set's cost model and
// distanceKm() are used.
//   x[l,c] (binary): line l ships from location c (c ships parcels and has the line's units on its own);
//   y[c] (binary): a shipment leaves c; x[l,c] <= y[c];
//   every line exactly once; per location and SKU, the units of the lines sent there within its stock;
//   minimise sum over c of (shipment cost + split penalty) y[c], less one split penalty (the first shipment
//   pays none): the router's objective in major units.

#include "model/GeoPoint.h"
#include "model/Order.h"
#include "model/RuleSet.h"
#include "sourcing/RoutingNetwork.h"
#include "sourcing/StockLevels.h"

#include <QHash>

#include <glpk.h>
#include <vector>

namespace ordo::bench {

struct Optimum {
    bool solved = false; // proven optimal
    bool feasible = false;
    double objective = 0.0;
    double seconds = 0.0;
};

inline Optimum solveOptimum(const Order& order, const RuleSet& rules, const StockLevels& stock,
                            const RoutingNetwork& network, qint64 nowMs, double timeLimitSeconds) {
    Optimum result;
    const int n = int(order.lines.size());
    // Per line, the candidate locations with their stock of its SKU.
    QHash<int, int> columnOf; // location -> index in `locations`
    std::vector<int> locations;
    std::vector<std::vector<std::pair<int, qint64>>> options(static_cast<size_t>(n)); // (location, stock)
    std::vector<StockLevels::Stocked> stocked;
    for (int l = 0; l < n; ++l) {
        const OrderLine& line = order.lines[l];
        const int sku = stock.skuIndex(line.skuCode);
        if (sku < 0)
            return result;
        stock.stocked(sku, int(order.channel), 0, nowMs, stocked);
        for (const StockLevels::Stocked& s : stocked) {
            if (!network.at(s.location).location.ships || s.available < line.quantity)
                continue;
            auto it = columnOf.find(s.location);
            if (it == columnOf.end()) {
                it = columnOf.insert(s.location, int(locations.size()));
                locations.push_back(s.location);
            }
            options[size_t(l)].push_back({it.value(), s.available});
        }
        if (options[size_t(l)].empty())
            return result;
    }
    const double penalty = double(rules.costs.splitPenaltyMinor) / 100.0;

    const int wasTalking = glp_term_out(GLP_OFF);
    glp_prob* lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MIN);
    const int yFirst = glp_add_cols(lp, int(locations.size()));
    for (int c = 0; c < int(locations.size()); ++c) {
        const Location& loc = network.at(locations[size_t(c)]).location;
        const double km = distanceKm(loc.position, *order.shipTo.position);
        glp_set_col_kind(lp, yFirst + c, GLP_BV);
        glp_set_obj_coef(lp, yFirst + c,
                         double(rules.costs.shipmentCostMinor(loc.type, km)) / 100.0 + penalty);
    }
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0.0};
    auto addRow = [&](int type, double bound, const std::vector<std::pair<int, double>>& terms) {
        const int row = glp_add_rows(lp, 1);
        glp_set_row_bnds(lp, row, type, bound, bound);
        for (const auto& [column, value] : terms) {
            ia.push_back(row);
            ja.push_back(column);
            ar.push_back(value);
        }
    };
    // Per (location index, SKU): the lines' columns and units.
    QHash<QPair<int, QString>, std::vector<std::pair<int, double>>> stockRows;
    QHash<QPair<int, QString>, qint64> stockOf;
    for (int l = 0; l < n; ++l) {
        const OrderLine& line = order.lines[l];
        std::vector<std::pair<int, double>> once;
        for (const auto& [c, available] : options[size_t(l)]) {
            const int x = glp_add_cols(lp, 1);
            glp_set_col_kind(lp, x, GLP_BV);
            once.push_back({x, 1.0});
            addRow(GLP_UP, 0.0, {{x, 1.0}, {yFirst + c, -1.0}});
            stockRows[{c, line.skuCode}].push_back({x, double(line.quantity)});
            stockOf[{c, line.skuCode}] = available;
        }
        addRow(GLP_FX, 1.0, once);
    }
    for (auto it = stockRows.cbegin(); it != stockRows.cend(); ++it)
        if (it.value().size() > 1)
            addRow(GLP_UP, double(stockOf.value(it.key())), it.value());
    glp_load_matrix(lp, int(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    glp_iocp params;
    glp_init_iocp(&params);
    params.presolve = GLP_ON;
    params.tm_lim = int(timeLimitSeconds * 1000);
    params.mip_gap = 0.0;
    const double start = double(glp_time());
    const int code = glp_intopt(lp, &params);
    result.seconds = (double(glp_time()) - start) / 1000.0;
    const int status = glp_mip_status(lp);
    result.feasible = status == GLP_OPT || status == GLP_FEAS;
    result.solved = code == 0 && status == GLP_OPT;
    result.objective = glp_mip_obj_val(lp) - penalty;
    glp_delete_prob(lp);
    glp_term_out(wasTalking);
    return result;
}

} // namespace ordo::bench
