#include "Explanation.h"

#include "model/Money.h"
#include "sourcing/CandidateFilter.h"
#include "sourcing/Criteria.h"
#include "sourcing/RoutingNetwork.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo::routing {

namespace {

QString number(double value) {
    return QLocale::c().toString(value, 'f', 2);
}

bool costOnly(const Problem& p) {
    for (Criterion c : allCriteria)
        if (c != Criterion::TotalCost && p.weights.byCriterion[int(c)] != 0.0)
            return false;
    return p.weights.byCriterion[int(Criterion::TotalCost)] == 1.0;
}

QString lineList(const QList<int>& lineNos) {
    QStringList parts;
    for (int n : lineNos)
        parts << QString::number(n);
    return parts.join(u", "_s);
}

// Lines the candidate takes on its own, as one shipment: in line order, each while its SKU's usable units
// last.
void takeWhatFits(const Problem& p, int c, std::vector<qint64>& demand, QList<int>* lineNos) {
    demand.assign(size_t(p.skuCount), 0);
    for (const Line& line : p.lines) {
        qint64& d = demand[size_t(line.skuSlot)];
        if (d + line.quantity <= p.usableAt(c, line.skuSlot)) {
            d += line.quantity;
            if (lineNos)
                lineNos->append(line.lineNo);
        }
    }
}

} // namespace

QString money(qint64 minor, const QString& currency) {
    return Money{minor, currency}.toDecimalString();
}

QList<Shipment> shipmentsOf(const Problem& p, const Assignment& a) {
    QList<Shipment> shipments;
    std::vector<int> used;
    for (const int c : a.candidateOfLine)
        if (c >= 0 && std::find(used.begin(), used.end(), c) == used.end())
            used.push_back(c);
    std::sort(used.begin(), used.end(), [&](int x, int y) { return p.codeLess(x, y); });
    shipments.reserve(qsizetype(used.size()));
    for (const int c : used) {
        const Candidate& cand = p.candidates[size_t(c)];
        Shipment s;
        s.locationCode = p.code(c);
        s.distanceKm = cand.km;
        s.costMinor = cand.costMinor;
        for (int i = 0; i < p.lineCount(); ++i)
            if (a.candidateOfLine[size_t(i)] == c) {
                const Line& line = p.lines[size_t(i)];
                s.lines.append(
                    ShipmentLine{line.lineNo, p.order->lines[line.orderIndex].skuCode, line.quantity});
            }
        shipments.append(std::move(s));
    }
    return shipments;
}

qint64 totalCostOf(const QList<Shipment>& shipments) {
    qint64 total = 0;
    for (const Shipment& s : shipments)
        total += s.costMinor;
    return total;
}

void explain(const Problem& p, const SearchResult& r, Decision& d) {
    const Assignment& best = r.best;
    d.shipments = shipmentsOf(p, best);
    d.totalCostMinor = totalCostOf(d.shipments);
    d.objective = best.objective;
    d.exact = r.exact;
    d.unfilled.clear();
    for (int i = 0; i < p.lineCount(); ++i)
        if (best.candidateOfLine[size_t(i)] < 0) {
            const Line& line = p.lines[size_t(i)];
            d.unfilled.append(
                ShipmentLine{line.lineNo, p.order->lines[line.orderIndex].skuCode, line.quantity});
        }
    d.outcome = d.unfilled.isEmpty() ? RoutingOutcome::Routed : RoutingOutcome::Partial;
    if (!d.unfilled.isEmpty()) {
        QList<int> lineNos;
        for (const ShipmentLine& l : std::as_const(d.unfilled))
            lineNos << l.lineNo;
        d.reason =
            u"line(s) %1 backordered: no eligible location has the units left"_s.arg(lineList(lineNos));
    }

    d.runnerUp.reset();
    if (r.runnerUp.valid()) {
        RunnerUp up;
        up.shipments = shipmentsOf(p, r.runnerUp);
        up.totalCostMinor = totalCostOf(up.shipments);
        up.objective = r.runnerUp.objective;
        QStringList why;
        if (r.runnerUp.filledLines < best.filledLines)
            why << u"fills %1 line(s) fewer"_s.arg(best.filledLines - r.runnerUp.filledLines);
        const qint64 dearer = up.totalCostMinor - d.totalCostMinor;
        const int more = r.runnerUp.shipments - best.shipments;
        if (more > 0)
            why << u"%1 more shipment(s)"_s.arg(more);
        else if (more < 0)
            why << u"%1 fewer shipment(s)"_s.arg(-more);
        if (dearer > 0)
            why << u"%1 dearer"_s.arg(money(dearer, d.currency));
        else if (dearer < 0)
            why << u"%1 cheaper"_s.arg(money(-dearer, d.currency));
        const double worse = up.objective - best.objective;
        if (!costOnly(p) && std::abs(worse) > objectiveEpsilon)
            why << u"scores %1 worse"_s.arg(number(worse));
        if (why.isEmpty() || (std::abs(worse) <= objectiveEpsilon && more == 0 && dearer == 0))
            why << u"ties on score; loses on location code"_s;
        else if (std::abs(worse) <= objectiveEpsilon && more > 0)
            why << u"ties on score; loses on shipments"_s;
        up.why = why.join(u", "_s);
        d.runnerUp = std::move(up);
    }
    listCandidates(p, &best, d);
}

void listCandidates(const Problem& p, const Assignment* chosen, Decision& d) {
    d.candidates.clear();
    const int count = int(p.candidates.size());
    thread_local std::vector<int> order;
    thread_local std::vector<char> isChosen;
    thread_local std::vector<double> alone; // score of the lines the candidate takes on its own
    thread_local std::vector<qint64> demand;
    order.clear();
    isChosen.assign(size_t(count), 0);
    alone.assign(size_t(count), 0.0);
    if (chosen)
        for (const int c : chosen->candidateOfLine)
            if (c >= 0)
                isChosen[size_t(c)] = 1;
    for (int c = 0; c < count; ++c) {
        order.push_back(c);
        takeWhatFits(p, c, demand, nullptr);
        alone[size_t(c)] = shipmentScore(p, c, demand.data());
    }
    // Chosen first, then eligible by score, then ineligible by distance; ties by location code.
    auto rank = [&](int c) { return isChosen[size_t(c)] ? 0 : p.candidates[size_t(c)].eligible() ? 1 : 2; };
    std::sort(order.begin(), order.end(), [&](int x, int y) {
        const int rx = rank(x);
        const int ry = rank(y);
        if (rx != ry)
            return rx < ry;
        const double vx = rx == 2 ? p.candidates[size_t(x)].km : alone[size_t(x)];
        const double vy = ry == 2 ? p.candidates[size_t(y)].km : alone[size_t(y)];
        if (vx != vy)
            return vx < vy;
        return p.codeLess(x, y);
    });

    const bool byCost = costOnly(p);
    const int lines = p.lineCount();
    int eligibleListed = 0;
    int ineligibleListed = 0;
    d.candidates.reserve(std::min(count, listedEligible + listedIneligible));
    for (const int c : order) {
        const Candidate& cand = p.candidates[size_t(c)];
        const bool picked = isChosen[size_t(c)];
        if (!picked) {
            int& listed = cand.eligible() ? eligibleListed : ineligibleListed;
            if (listed >= (cand.eligible() ? listedEligible : listedIneligible))
                continue;
            ++listed;
        }
        CandidateLocation out;
        out.locationCode = p.code(c);
        out.eligible = cand.eligible();
        out.filters = filterVerdicts(p, c);
        out.distanceKm = cand.km;
        out.costMinor = cand.costMinor;
        out.chosen = picked;
        takeWhatFits(p, c, demand, &out.coverableLines);
        out.scores = criterionScores(p, c, demand.data());
        for (const CriterionScore& s : std::as_const(out.scores))
            out.totalScore += s.score;
        if (!picked) {
            if (!cand.eligible()) {
                out.notChosen = u"fails "_s + failedFilters(p, c);
            } else if (out.coverableLines.size() < lines) {
                out.notChosen =
                    u"covers only line(s) %1 of %2"_s.arg(lineList(out.coverableLines)).arg(lines);
                if (chosen)
                    out.notChosen +=
                        byCost
                            ? u"; a shipment of them from here would cost %1"_s.arg(
                                  money(cand.costMinor, d.currency))
                            : u"; a shipment of them from here would score %1"_s.arg(number(out.totalScore));
            } else if (chosen) {
                const double worse = out.totalScore - chosen->objective;
                if (worse > objectiveEpsilon)
                    out.notChosen =
                        byCost
                            ? u"the whole order from here costs %1, %2 more than the chosen routing"_s.arg(
                                  money(cand.costMinor, d.currency),
                                  money(cand.costMinor - d.totalCostMinor, d.currency))
                            : u"the whole order from here scores %1, %2 worse than the chosen routing"_s.arg(
                                  number(out.totalScore), number(worse));
                else
                    out.notChosen = chosen->shipments > 1
                                        ? u"ties with the chosen routing on score"_s
                                        : u"ties with the chosen location on score; loses on location code"_s;
            } else {
                out.notChosen = u"no assignment was chosen"_s;
            }
        }
        d.candidates.append(std::move(out));
    }
}

QString whyUnroutable(const Problem& p, int maxShipments) {
    if (p.lines.empty())
        return u"no open line to route"_s;
    for (int i = 0; i < p.lineCount(); ++i) {
        const Line& line = p.lines[size_t(i)];
        bool held = false;
        bool covered = false;
        for (int c = 0; c < int(p.candidates.size()) && !covered; ++c) {
            held = held || p.availableAt(c, line.skuSlot) >= line.quantity;
            covered = p.candidates[size_t(c)].eligible() && p.canTake(c, i);
        }
        if (!covered) {
            const QString& sku = p.order->lines[line.orderIndex].skuCode;
            return held ? u"no eligible location covers line %1 (%2 x %3)"_s.arg(line.lineNo)
                              .arg(sku)
                              .arg(line.quantity)
                        : u"no location has line %1's units (%2 x %3)"_s.arg(line.lineNo)
                              .arg(sku)
                              .arg(line.quantity);
        }
    }
    if (maxShipments == 1)
        return p.pickup ? u"no eligible pickup location covers every line"_s
                        : u"no single eligible location covers every line"_s;
    if (maxShipments > 1)
        return u"no assignment within %1 shipments covers every line"_s.arg(maxShipments);
    return u"the stock cannot cover every line at once"_s;
}

} // namespace ordo::routing
