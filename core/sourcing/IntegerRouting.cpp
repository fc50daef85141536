// The integer programme of one order's routing problem (IntegerRouting.h). Built in dense GLPK arrays from
// the Problem; the LP relaxation first (its optimum is the first lower bound), then branch and bound from its
// basis with the bounded search's answer as the first incumbent. GLPK's MIP presolver stays off: it
// renumbers the columns, and the incumbent is handed over by column.
#include "IntegerRouting.h"

#include "sourcing/Criteria.h"
#include "sourcing/SearchDetail.h"

#include <QElapsedTimer>

#include <algorithm>
#include <climits>
#include <cmath>
#include <glpk.h>

namespace ordo::routing {

namespace {

struct Model {
    std::vector<int> xLine, xCandidate; // per x column (index j - 1): the line and the candidate
    std::vector<int> yColumn;           // per candidate: its y column, 0 when it takes no line
    std::vector<int> xOf;               // [line * candidates + candidate]: x column, 0 when none
    double reward = 0.0;                // per filled line (ship available)
    int columns = 0;
};

// Per tree callback: offers the seed once and keeps the best bound of the active nodes seen.
struct Watch {
    const std::vector<double>* seed = nullptr;
    bool offered = false;
    double bound = -std::numeric_limits<double>::infinity();
};

void watchTree(glp_tree* tree, void* info) {
    auto* watch = static_cast<Watch*>(info);
    if (const int node = glp_ios_best_node(tree); node != 0)
        watch->bound = std::max(watch->bound, glp_ios_node_bound(tree, node));
    if (glp_ios_reason(tree) == GLP_IHEUR && !watch->offered && watch->seed) {
        watch->offered = true;
        glp_ios_heur_sol(tree, watch->seed->data());
    }
}

double shipmentCost(const Problem& p, int c) {
    return p.candidates[size_t(c)].fixedScore + p.splitPenalty;
}

// The candidates worth a column. A candidate c is left out when another c2 scores no more (ties: the earlier
// in the candidates' order) and holds, for every SKU of which c could take a line, the units of every line of
// that SKU: in any assignment, moving all of c's lines to c2 keeps every stock row, opens no new shipment and
// scores no more. So the optimum, and the bound, are those of the whole model. Where a few locations hold
// the whole order this leaves a handful of columns out of thousands.
std::vector<char> worthAColumn(const Problem& p) {
    const int C = int(p.candidates.size());
    std::vector<char> kept(size_t(C), 0);
    for (int c = 0; c < C; ++c)
        kept[size_t(c)] = p.candidates[size_t(c)].eligible() ? 1 : 0;
    if (p.skuCount > 64)
        return kept;
    std::vector<qint64> demand(size_t(p.skuCount), 0);
    std::vector<qint64> smallest(size_t(p.skuCount), std::numeric_limits<qint64>::max());
    for (const Line& line : p.lines) {
        demand[size_t(line.skuSlot)] += line.quantity;
        smallest[size_t(line.skuSlot)] = std::min(smallest[size_t(line.skuSlot)], line.quantity);
    }
    std::vector<int> order;
    for (int c = 0; c < C; ++c)
        if (kept[size_t(c)])
            order.push_back(c);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return p.candidates[size_t(a)].fixedScore < p.candidates[size_t(b)].fixedScore;
    });
    std::vector<quint64> wholes; // the SKU sets some cheaper candidate holds whole
    for (const int c : order) {
        quint64 takes = 0;
        quint64 whole = 0;
        for (int s = 0; s < p.skuCount; ++s) {
            if (p.usableAt(c, s) >= smallest[size_t(s)])
                takes |= quint64(1) << s;
            if (p.usableAt(c, s) >= demand[size_t(s)])
                whole |= quint64(1) << s;
        }
        if (takes == 0 ||
            std::any_of(wholes.begin(), wholes.end(), [takes](quint64 w) { return (w & takes) == takes; })) {
            kept[size_t(c)] = 0;
            continue;
        }
        if (whole != 0 &&
            std::none_of(wholes.begin(), wholes.end(), [whole](quint64 w) { return (w & whole) == whole; }))
            wholes.push_back(whole);
    }
    return kept;
}

} // namespace

IntegerOutcome solveInteger(const Problem& p, int maxShipments, bool shipAvailable, int timeLimitMs,
                            const Assignment* seed) {
    QElapsedTimer clock;
    clock.start();
    IntegerOutcome out;
    out.linearScoresExact = p.weights.balance() == 0.0;
    const int n = p.lineCount();
    const int C = int(p.candidates.size());

    Model m;
    m.yColumn.assign(size_t(C), 0);
    m.xOf.assign(size_t(n) * size_t(C), 0);
    std::vector<double> cost{0.0};
    double dearest = std::abs(p.splitPenalty);
    const std::vector<char> kept = worthAColumn(p);
    for (int c = 0; c < C; ++c) {
        if (!kept[size_t(c)])
            continue;
        for (int l = 0; l < n; ++l)
            if (p.canTake(c, l)) {
                m.xLine.push_back(l);
                m.xCandidate.push_back(c);
                m.xOf[size_t(l * C + c)] = ++m.columns;
            }
        dearest = std::max(dearest, std::abs(shipmentCost(p, c)));
    }
    const int xColumns = m.columns;
    for (int c = 0; c < C; ++c)
        if (std::any_of(m.xCandidate.begin(), m.xCandidate.end(), [c](int k) { return k == c; }))
            m.yColumn[size_t(c)] = ++m.columns;
    // Two assignments differ in score by less than 2 n x the dearest shipment (penalty included).
    m.reward = shipAvailable ? 1.0 + 2.0 * double(n) * dearest : 0.0;
    for (int j = 1; j <= xColumns; ++j)
        cost.push_back(-m.reward);
    for (int c = 0; c < C; ++c)
        if (m.yColumn[size_t(c)])
            cost.push_back(shipmentCost(p, c));
    if (!shipAvailable)
        for (int l = 0; l < n; ++l) {
            bool any = false;
            for (int c = 0; c < C && !any; ++c)
                any = m.xOf[size_t(l * C + c)] != 0;
            if (!any) { // a line no candidate can take: nothing complete exists
                out.status = IntegerOutcome::Status::NoSolution;
                out.milliseconds = int(clock.elapsed());
                return out;
            }
        }
    if (m.columns == 0) {
        out.status = IntegerOutcome::Status::NoSolution;
        return out;
    }

    const int wasTalking = glp_term_out(GLP_OFF);
    glp_prob* lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MIN);
    glp_add_cols(lp, m.columns);
    for (int j = 1; j <= m.columns; ++j) {
        glp_set_col_kind(lp, j, GLP_BV);
        glp_set_obj_coef(lp, j, cost[size_t(j)]);
    }
    glp_set_obj_coef(lp, 0, -p.splitPenalty); // the first shipment pays no split penalty
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0.0};
    int rows = 0;
    auto row = [&](int type, double bound) {
        glp_add_rows(lp, 1);
        ++rows;
        glp_set_row_bnds(lp, rows, type, bound, bound);
        return rows;
    };
    auto put = [&](int r, int column, double coefficient) {
        ia.push_back(r);
        ja.push_back(column);
        ar.push_back(coefficient);
    };
    for (int l = 0; l < n; ++l) { // each line once (at most once under ship available)
        const int r = row(shipAvailable ? GLP_UP : GLP_FX, 1.0);
        for (int c = 0; c < C; ++c)
            if (const int x = m.xOf[size_t(l * C + c)])
                put(r, x, 1.0);
    }
    for (int j = 1; j <= xColumns; ++j) { // x[l,c] <= y[c]
        const int r = row(GLP_UP, 0.0);
        put(r, j, 1.0);
        put(r, m.yColumn[size_t(m.xCandidate[size_t(j - 1)])], -1.0);
    }
    for (int c = 0; c < C; ++c) {
        if (!m.yColumn[size_t(c)])
            continue;
        for (int s = 0; s < p.skuCount; ++s) { // units per SKU slot within what the candidate may give
            qint64 demand = 0;
            for (int l = 0; l < n; ++l)
                if (m.xOf[size_t(l * C + c)] && p.lines[size_t(l)].skuSlot == s)
                    demand += p.lines[size_t(l)].quantity;
            if (demand <= p.usableAt(c, s))
                continue; // a row every assignment meets would only slow the solver
            const int r = row(GLP_UP, double(p.usableAt(c, s)));
            for (int l = 0; l < n; ++l)
                if (const int x = m.xOf[size_t(l * C + c)]; x && p.lines[size_t(l)].skuSlot == s)
                    put(r, x, double(p.lines[size_t(l)].quantity));
        }
        if (shipmentCost(p, c) < 0.0) { // a shipment that would pay to open must carry a line
            const int r = row(GLP_UP, 0.0);
            put(r, m.yColumn[size_t(c)], 1.0);
            for (int l = 0; l < n; ++l)
                if (const int x = m.xOf[size_t(l * C + c)])
                    put(r, x, -1.0);
        }
    }
    if (maxShipments > 0) {
        const int r = row(GLP_UP, double(maxShipments));
        for (int c = 0; c < C; ++c)
            if (m.yColumn[size_t(c)])
                put(r, m.yColumn[size_t(c)], 1.0);
    }
    glp_load_matrix(lp, int(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    out.variables = m.columns;
    out.constraints = rows;

    std::vector<double> seedColumns;
    if (seed && seed->valid() && (maxShipments <= 0 || seed->shipments <= maxShipments) &&
        (shipAvailable || seed->filledLines == n)) {
        seedColumns.assign(size_t(m.columns) + 1, 0.0);
        for (int l = 0; l < n; ++l)
            if (const int c = seed->candidateOfLine[size_t(l)]; c >= 0) {
                seedColumns[size_t(m.xOf[size_t(l * C + c)])] = 1.0;
                seedColumns[size_t(m.yColumn[size_t(c)])] = 1.0;
            }
    }

    double bound = -std::numeric_limits<double>::infinity();
    glp_smcp lpParams;
    glp_init_smcp(&lpParams);
    lpParams.msg_lev = GLP_MSG_OFF;
    lpParams.meth = GLP_DUALP;
    lpParams.tm_lim = std::max(1, timeLimitMs);
    const int lpCode = glp_simplex(lp, &lpParams);
    if (lpCode == GLP_ETMLIM) {
        out.status = IntegerOutcome::Status::NoSolution;
    } else if (lpCode != 0 || glp_get_status(lp) == GLP_NOFEAS) {
        out.status = lpCode == 0 ? IntegerOutcome::Status::NoSolution : IntegerOutcome::Status::Failed;
    } else if (glp_get_status(lp) != GLP_OPT) {
        out.status = IntegerOutcome::Status::Failed;
    } else {
        bound = glp_get_obj_val(lp);
        Watch watch{seedColumns.empty() ? nullptr : &seedColumns};
        glp_iocp params;
        glp_init_iocp(&params);
        params.msg_lev = GLP_MSG_OFF;
        params.presolve = GLP_OFF;
        params.tm_lim = std::max(1, timeLimitMs - int(clock.elapsed()));
        params.cov_cuts = GLP_ON;
        params.clq_cuts = GLP_ON;
        params.cb_func = &watchTree;
        params.cb_info = &watch;
        const int code = glp_intopt(lp, &params);
        const int status = glp_mip_status(lp);
        const bool answer = status == GLP_OPT || status == GLP_FEAS;
        if (code == 0 && status == GLP_OPT)
            out.status = IntegerOutcome::Status::Optimal;
        else if (answer && (code == GLP_ETMLIM || code == 0))
            out.status = IntegerOutcome::Status::Feasible;
        else if (code == GLP_ETMLIM || status == GLP_NOFEAS)
            out.status = IntegerOutcome::Status::NoSolution;
        else
            out.status = IntegerOutcome::Status::Failed;
        bound = std::max(bound, watch.bound);
        out.modelBound = bound;
        out.reward = m.reward;
        if (answer) {
            out.assignment.candidateOfLine.assign(size_t(n), -1);
            for (int j = 1; j <= xColumns; ++j)
                if (glp_mip_col_val(lp, j) > 0.5)
                    out.assignment.candidateOfLine[size_t(m.xLine[size_t(j - 1)])] =
                        m.xCandidate[size_t(j - 1)];
            evaluate(p, out.assignment);
            if (out.assignment.valid()) {
                // The model's objective is score - reward x filled lines: the bound on the score among
                // assignments filling as many lines adds the reward back.
                const double scoreBound = bound + m.reward * double(out.assignment.filledLines);
                out.bound = out.status == IntegerOutcome::Status::Optimal
                                ? out.assignment.objective
                                : std::min(scoreBound, out.assignment.objective);
            }
        }
    }
    glp_delete_prob(lp);
    glp_term_out(wasTalking);
    out.milliseconds = int(clock.elapsed());
    return out;
}

SearchResult improveByInteger(const Problem& p, int maxShipments, bool shipAvailable, int timeLimitMs,
                              SearchResult bounded) {
    SearchResult result = std::move(bounded);
    result.method = SearchMethod::Heuristic;
    result.exact = false;
    result.bound.reset();
    const IntegerOutcome ip = solveInteger(p, maxShipments, shipAvailable, timeLimitMs,
                                           result.best.valid() ? &result.best : nullptr);
    result.solverMs = ip.milliseconds;
    const Assignment& answer = ip.assignment;
    const bool acceptable = answer.valid() && (maxShipments <= 0 || answer.shipments <= maxShipments) &&
                            (shipAvailable || answer.filledLines == p.lineCount());
    if (!acceptable)
        return result; // the bounded search's answer stands, heuristic
    if (!better(p, result.best, answer))
        offer(p, result, answer);
    if (!ip.linearScoresExact)
        return result; // the model does not see inventory balance: nothing is proven
    // What the solver proved holds for the model's optimum, which the kept answer (the model's answer, or one
    // at least as good under better()) reaches or beats.
    result.method = SearchMethod::IntegerProgramme;
    result.exact = ip.status == IntegerOutcome::Status::Optimal;
    const Assignment& best = result.best;
    result.bound = result.exact
                       ? best.objective
                       : std::min(best.objective, ip.modelBound + ip.reward * double(best.filledLines));
    return result;
}

} // namespace ordo::routing
