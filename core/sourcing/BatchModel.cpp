#include "BatchModel.h"

#include <QElapsedTimer>
#include <QHash>

#include <algorithm>
#include <climits>
#include <glpk.h>
#include <map>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// A sparse constraint row: sum coef x col, bounded above (or fixed) by `bound`.
struct Row {
    std::vector<int> columns; // 1-based GLPK column numbers
    std::vector<double> coefficients;
    int type = GLP_UP;
    double bound = 0.0;
};

struct Layout {
    std::vector<std::vector<int>> lineColumns;  // per line, beside Line::locations: the x column
    std::vector<std::vector<int>> orderColumns; // per order, beside Order::locations: the y column
    std::vector<int> completeColumn;            // per order: its z column (ship complete), 0 when none
    int columns = 0;
    std::vector<double> cost; // per column (index 0 unused)
    std::vector<Row> rows;
};

int locationSlot(const std::vector<int>& locations, int location) {
    return int(std::find(locations.begin(), locations.end(), location) - locations.begin());
}

Layout layOut(const BatchModelInput& in) {
    Layout m;
    m.cost.push_back(0.0);
    auto column = [&](double cost) {
        m.cost.push_back(cost);
        return ++m.columns;
    };
    // The penalty of an unfilled unit exceeds the dearest set of shipments any solution can open, so that no
    // saving in cost ever pays for a unit left unfilled.
    double penalty = 1.0;
    for (const BatchModelInput::Order& order : in.orders) {
        const qint64 dearest =
            order.costMinor.empty() ? 0 : *std::max_element(order.costMinor.begin(), order.costMinor.end());
        penalty += double(dearest) * double(std::min(order.lines.size(), order.locations.size()));
    }
    m.lineColumns.resize(in.lines.size());
    m.orderColumns.resize(in.orders.size());
    m.completeColumn.assign(in.orders.size(), 0);
    for (size_t o = 0; o < in.orders.size(); ++o) {
        const BatchModelInput::Order& order = in.orders[o];
        auto orderCost = [&](int location) {
            return double(order.costMinor[size_t(locationSlot(order.locations, location))]);
        };
        // An order of one line opens a shipment exactly where the line goes: its x columns serve as y.
        const bool oneLine = order.lines.size() == 1;
        if (!oneLine)
            for (size_t k = 0; k < order.locations.size(); ++k)
                m.orderColumns[o].push_back(column(double(order.costMinor[k])));
        else
            m.orderColumns[o].assign(order.locations.size(), 0);
        if (order.complete && !oneLine)
            m.completeColumn[o] = column(0.0);
        if (!oneLine && order.maxShipments > 0 && size_t(order.maxShipments) < order.locations.size()) {
            Row split;
            for (int y : m.orderColumns[o]) {
                split.columns.push_back(y);
                split.coefficients.push_back(1.0);
            }
            split.bound = order.maxShipments;
            m.rows.push_back(std::move(split));
        }
        for (int l : order.lines) {
            const BatchModelInput::Line& line = in.lines[size_t(l)];
            Row once;
            once.bound = 1.0;
            for (int location : line.locations) {
                const double unfilled = -penalty * double(line.quantity);
                const int x = column(oneLine ? unfilled + orderCost(location) : unfilled);
                m.lineColumns[size_t(l)].push_back(x);
                once.columns.push_back(x);
                once.coefficients.push_back(1.0);
                const size_t slot = size_t(locationSlot(order.locations, location));
                if (oneLine) {
                    m.orderColumns[o][slot] = x;
                    continue;
                }
                // x[o,l,loc] <= y[o,loc]
                m.rows.push_back(Row{{x, m.orderColumns[o][slot]}, {1.0, -1.0}, GLP_UP, 0.0});
            }
            if (m.completeColumn[o]) {
                once.columns.push_back(m.completeColumn[o]);
                once.coefficients.push_back(-1.0);
                once.type = GLP_FX;
                once.bound = 0.0;
            }
            if (!once.columns.empty())
                m.rows.push_back(std::move(once));
        }
    }
    // Capacity: shipments opened at a location with a daily limit.
    std::map<int, Row> capacity;
    for (size_t o = 0; o < in.orders.size(); ++o)
        for (size_t k = 0; k < in.orders[o].locations.size(); ++k) {
            const int location = in.orders[o].locations[k];
            const int left = location < int(in.capacityLeft.size()) ? in.capacityLeft[size_t(location)] : -1;
            if (left < 0)
                continue;
            Row& row = capacity[location];
            row.columns.push_back(m.orderColumns[o][k]);
            row.coefficients.push_back(1.0);
            row.bound = left;
        }
    for (auto& [location, row] : capacity)
        if (row.columns.size() > size_t(row.bound))
            m.rows.push_back(std::move(row));
    // Stock per (SKU, location). Each stock class (an ordering channel and delivery) may promise its own
    // amount A_c of the same free units, and a unit one class takes is gone for all. Some order of taking
    // exists in which every class stays within its A_c exactly when, for each class c, the units taken by the
    // classes promising no more than A_c add up to at most A_c (take the smallest promise first): one row per
    // class.
    struct Take {
        int column;
        qint64 quantity;
        qint64 available;
    };
    std::map<std::pair<int, int>, std::vector<Take>> takes;
    for (size_t l = 0; l < in.lines.size(); ++l) {
        const BatchModelInput::Line& line = in.lines[l];
        for (size_t k = 0; k < line.locations.size(); ++k)
            takes[{line.sku, line.locations[k]}].push_back(
                {m.lineColumns[l][k], line.quantity, line.available[k]});
    }
    for (auto& [key, list] : takes) {
        std::vector<qint64> limits;
        for (const Take& t : list)
            limits.push_back(t.available);
        std::sort(limits.begin(), limits.end());
        limits.erase(std::unique(limits.begin(), limits.end()), limits.end());
        for (qint64 limit : limits) {
            Row row;
            qint64 demand = 0;
            for (const Take& t : list)
                if (t.available <= limit) {
                    row.columns.push_back(t.column);
                    row.coefficients.push_back(double(t.quantity));
                    demand += t.quantity;
                }
            row.bound = double(limit);
            if (demand > limit) // a row every assignment meets would only slow the solver
                m.rows.push_back(std::move(row));
        }
    }
    return m;
}

// The seed as column values, or empty when it breaks a row.
std::vector<double> seedColumns(const BatchModelInput& in, const Layout& m, const std::vector<int>& seed) {
    std::vector<double> x(size_t(m.columns) + 1, 0.0);
    for (size_t o = 0; o < in.orders.size(); ++o) {
        const BatchModelInput::Order& order = in.orders[o];
        bool all = true;
        for (int l : order.lines) {
            const int location = seed[size_t(l)];
            const BatchModelInput::Line& line = in.lines[size_t(l)];
            const int k = location < 0 ? int(line.locations.size()) : locationSlot(line.locations, location);
            if (k == int(line.locations.size())) {
                all = false;
                continue;
            }
            x[size_t(m.lineColumns[size_t(l)][size_t(k)])] = 1.0;
            x[size_t(m.orderColumns[o][size_t(locationSlot(order.locations, location))])] = 1.0;
        }
        if (order.complete && !all) { // ship complete: a partial order is no order
            for (int l : order.lines)
                for (int c : m.lineColumns[size_t(l)])
                    x[size_t(c)] = 0.0;
            for (int c : m.orderColumns[o])
                x[size_t(c)] = 0.0;
        } else if (m.completeColumn[o]) {
            x[size_t(m.completeColumn[o])] = 1.0;
        }
    }
    for (const Row& row : m.rows) {
        double sum = 0.0;
        for (size_t i = 0; i < row.columns.size(); ++i)
            sum += row.coefficients[i] * x[size_t(row.columns[i])];
        if (sum > row.bound + 1e-9 || (row.type == GLP_FX && sum < row.bound - 1e-9))
            return {};
    }
    return x;
}

struct SeedOffer {
    const std::vector<double>* columns = nullptr;
    bool offered = false;
    bool accepted = false;
};

void offerSeed(glp_tree* tree, void* info) {
    auto* offer = static_cast<SeedOffer*>(info);
    if (glp_ios_reason(tree) != GLP_IHEUR || offer->offered || !offer->columns)
        return;
    offer->offered = true;
    offer->accepted = glp_ios_heur_sol(tree, offer->columns->data()) == 0;
}

int milliseconds(double seconds) {
    return int(std::clamp(seconds * 1000.0, 1.0, double(INT_MAX)));
}

} // namespace

BatchModelResult solveBatchModel(const BatchModelInput& input, double timeLimitSeconds,
                                 const std::vector<int>* seed) {
    QElapsedTimer clock;
    clock.start();
    BatchModelResult result;
    result.lineLocation.assign(input.lines.size(), -1);
    const Layout m = layOut(input);
    result.variables = m.columns;
    result.constraints = int(m.rows.size());
    if (m.columns == 0) {
        result.status = BatchModelResult::Status::Optimal;
        result.detail = u"optimal (nothing to assign)"_s;
        return result;
    }

    const int wasTalking = glp_term_out(GLP_OFF);
    glp_prob* lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MIN);
    glp_add_cols(lp, m.columns);
    for (int j = 1; j <= m.columns; ++j) {
        glp_set_col_kind(lp, j, GLP_BV);
        glp_set_obj_coef(lp, j, m.cost[size_t(j)]);
    }
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0.0};
    if (!m.rows.empty())
        glp_add_rows(lp, int(m.rows.size()));
    for (size_t r = 0; r < m.rows.size(); ++r) {
        const Row& row = m.rows[r];
        const int i = int(r) + 1;
        glp_set_row_bnds(lp, i, row.type, row.bound, row.bound);
        for (size_t k = 0; k < row.columns.size(); ++k) {
            ia.push_back(i);
            ja.push_back(row.columns[k]);
            ar.push_back(row.coefficients[k]);
        }
    }
    glp_load_matrix(lp, int(ia.size()) - 1, ia.data(), ja.data(), ar.data());

    // The LP relaxation first (branch and bound starts from its optimal basis), then the search; both share
    // the time limit. The MIP presolver stays off: it renumbers columns, and the seed is given by column.
    glp_smcp lpParams;
    glp_init_smcp(&lpParams);
    lpParams.msg_lev = GLP_MSG_OFF;
    lpParams.tm_lim = milliseconds(timeLimitSeconds);
    const int lpCode = glp_simplex(lp, &lpParams);
    if (lpCode == GLP_ETMLIM) {
        result.status = BatchModelResult::Status::NoSolution;
        result.detail = u"time limit reached in the LP relaxation, no solution"_s;
    } else if (lpCode != 0 || glp_get_status(lp) != GLP_OPT) {
        result.status = BatchModelResult::Status::Failed;
        result.detail =
            u"the LP relaxation failed (GLPK code %1, status %2)"_s.arg(lpCode).arg(glp_get_status(lp));
    } else {
        std::vector<double> seedValues;
        if (seed && seed->size() == input.lines.size())
            seedValues = seedColumns(input, m, *seed);
        SeedOffer offer{seedValues.empty() ? nullptr : &seedValues};
        glp_iocp params;
        glp_init_iocp(&params);
        params.msg_lev = GLP_MSG_OFF;
        params.presolve = GLP_OFF;
        params.tm_lim = milliseconds(timeLimitSeconds - clock.elapsed() / 1000.0);
        params.mir_cuts = GLP_ON;
        params.cov_cuts = GLP_ON;
        params.clq_cuts = GLP_ON;
        params.fp_heur = GLP_ON;
        params.cb_func = &offerSeed;
        params.cb_info = &offer;
        const int code = glp_intopt(lp, &params);
        const int status = glp_mip_status(lp);
        result.seedAccepted = offer.accepted;
        const bool solution = status == GLP_OPT || status == GLP_FEAS;
        if (code == 0 && status == GLP_OPT) {
            result.status = BatchModelResult::Status::Optimal;
            result.detail = u"optimal"_s;
        } else if (code == GLP_ETMLIM && solution) {
            result.status = BatchModelResult::Status::Feasible;
            result.detail = u"time limit reached: best solution found kept"_s;
        } else if (code == GLP_ETMLIM) {
            result.status = BatchModelResult::Status::NoSolution;
            result.detail = u"time limit reached before any solution"_s;
        } else {
            result.status = BatchModelResult::Status::Failed;
            result.detail = u"the search failed (GLPK code %1, status %2)"_s.arg(code).arg(status);
        }
        if (result.status == BatchModelResult::Status::Optimal ||
            result.status == BatchModelResult::Status::Feasible)
            for (size_t l = 0; l < input.lines.size(); ++l)
                for (size_t k = 0; k < m.lineColumns[l].size(); ++k)
                    if (glp_mip_col_val(lp, m.lineColumns[l][k]) > 0.5)
                        result.lineLocation[l] = input.lines[l].locations[k];
    }
    glp_delete_prob(lp);
    glp_term_out(wasTalking);
    result.seconds = clock.elapsed() / 1000.0;
    return result;
}

} // namespace ordo
