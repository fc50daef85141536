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
void takeWhatFits(const Problem& p, int c, std::vector<qint64>& demand, std::vector<int>* lineNos) {
    demand.assign(size_t(p.skuCount), 0);
    for (const Line& line : p.lines) {
        qint64& d = demand[size_t(line.skuSlot)];
        if (d + line.quantity <= p.usableAt(c, line.skuSlot)) {
            d += line.quantity;
            if (lineNos)
                lineNos->push_back(line.lineNo);
        }
    }
}

// Hands out shared copies of lists equal to one handed out before (a handful are kept).
template <typename T> class ListCache {
public:
    template <typename Range> QList<T> share(const Range& items) {
        for (const QList<T>& known : m_known)
            if (std::equal(known.cbegin(), known.cend(), items.begin(), items.end()))
                return known;
        QList<T> list(items.begin(), items.end());
        if (m_known.size() < 8)
            m_known.append(list);
        return list;
    }

private:
    QList<QList<T>> m_known;
};

// Groups of the locations a decision does not list, in the order they are written. An ineligible location
// goes to the group of the first filter it fails, in the order the console shows the filters.
enum NotConsideredGroup {
    UnlistedEligible,
    FailsExcluded,
    FailsRejected,
    FailsType,
    FailsGroup,
    FailsShips,
    FailsPickup,
    FailsMaxDistance,
    FailsCapacity,
    FailsMinAtp,
    FailsStock,
    NoStock,
    GroupCount
};

constexpr Filter filterOfGroup[GroupCount] = {
    Filter(0),    FilterExcluded,    FilterRejected, FilterType,   FilterGroup, FilterShips,
    FilterPickup, FilterMaxDistance, FilterCapacity, FilterMinAtp, FilterStock, Filter(0)};

const QString& reasonOf(int group) {
    static const QString reasons[GroupCount] = {
        u"eligible, but scores worse than the %1 eligible locations listed"_s.arg(listedEligible),
        u"excluded by the strategy"_s,
        u"rejected a line of this order"_s,
        u"not one of the strategy's location types"_s,
        u"not in the strategy's location groups"_s,
        u"does not ship parcels"_s,
        u"does not hand over this order's pickup"_s,
        u"beyond the strategy's maximum distance"_s,
        u"no capacity left today"_s,
        u"would keep less than the strategy's minimum stock"_s,
        u"has some of the order's SKUs, too few units for any line"_s,
        u"has none of the order's SKUs available"_s,
    };
    return reasons[group];
}

int groupOf(const Candidate& c) {
    if (c.eligible())
        return UnlistedEligible;
    for (int g = FailsExcluded; g <= FailsStock; ++g)
        if (c.failed & filterOfGroup[g])
            return g;
    return FailsStock;
}

// Every location of the network the decision does not list, grouped by why. The groups are bits over the
// network's shared list of codes: nothing here copies a code, however many locations the network has.
void listNotConsidered(const Problem& p, const std::vector<char>& listed, Decision& d) {
    d.notConsidered.clear();
    const QStringList& codes = p.network->codes();
    const qsizetype n = codes.size();
    QBitArray groups[GroupCount];
    QBitArray none(n, true);
    for (int c = 0; c < int(p.candidates.size()); ++c) {
        const int location = p.candidates[size_t(c)].location;
        if (location < 0 || location >= n)
            continue;
        none.clearBit(location);
        if (listed[size_t(c)])
            continue;
        QBitArray& group = groups[groupOf(p.candidates[size_t(c)])];
        if (group.isEmpty())
            group.resize(n);
        group.setBit(location);
    }
    groups[NoStock] = std::move(none);
    for (int g = 0; g < GroupCount; ++g)
        if (!groups[g].isEmpty() && (g != NoStock || groups[g].count(true) > 0))
            d.notConsidered.append(NotConsidered{reasonOf(g), LocationSet(codes, std::move(groups[g]))});
}

} // namespace

QString money(qint64 minor, const QString& currency) {
    return Money{minor, currency}.toDecimalString();
}

QString money(qint64 minor, int digits) {
    QString text;
    appendMoney(text, minor, digits);
    return text;
}

void appendMoney(QString& text, qint64 minor, int digits) {
    // Money::toDecimalString() without looking the currency up again: this runs for every listed candidate.
    char buffer[32];
    char* end = buffer + sizeof buffer;
    char* at = end;
    const bool negative = minor < 0;
    quint64 magnitude = negative ? quint64(0) - quint64(minor) : quint64(minor);
    for (int i = 0; i < digits; ++i) {
        *--at = char('0' + magnitude % 10);
        magnitude /= 10;
    }
    if (digits > 0)
        *--at = '.';
    do {
        *--at = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (negative)
        *--at = '-';
    text += QLatin1StringView(at, end - at);
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
    d.method = r.method;
    d.solverMs = r.solverMs;
    d.bound.reset();
    d.gap.reset();
    if (r.method == SearchMethod::Exact)
        d.bound = best.objective;
    else if (r.bound)
        d.bound = r.exact ? best.objective : *r.bound;
    if (d.bound) {
        const double slack = std::max(0.0, best.objective - *d.bound);
        d.gap =
            slack <= objectiveEpsilon ? 0.0 : slack / std::max(std::abs(best.objective), objectiveEpsilon);
    }
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
            why << u"%1 dearer"_s.arg(money(dearer, p.minorDigits));
        else if (dearer < 0)
            why << u"%1 cheaper"_s.arg(money(-dearer, p.minorDigits));
        // A cheaper split loses to the penalty of its extra parcels: say so, or "cheaper" reads as a mistake.
        if (more > 0 && p.splitPenalty > 0.0 && costOnly(p))
            why << u"%1 split penalty"_s.arg(money(more * p.rules->costs.splitPenaltyMinor, p.minorDigits));
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
    const bool balance = p.weights.balance() != 0.0;
    for (int c = 0; c < count; ++c) {
        order.push_back(c);
        if (balance) {
            takeWhatFits(p, c, demand, nullptr);
            alone[size_t(c)] = shipmentScore(p, c, demand.data());
        } else {
            alone[size_t(c)] = p.candidates[size_t(c)].fixedScore;
        }
    }
    // Chosen first, then eligible by score, then ineligible by distance; ties by location code. Only the
    // listed ones are sorted: the best eligible and nearest ineligible are picked out first.
    auto rank = [&](int c) { return isChosen[size_t(c)] ? 0 : p.candidates[size_t(c)].eligible() ? 1 : 2; };
    auto less = [&](int x, int y) {
        const int rx = rank(x);
        const int ry = rank(y);
        if (rx != ry)
            return rx < ry;
        const double vx = rx == 2 ? p.candidates[size_t(x)].km : alone[size_t(x)];
        const double vy = ry == 2 ? p.candidates[size_t(y)].km : alone[size_t(y)];
        if (vx != vy)
            return vx < vy;
        return p.codeLess(x, y);
    };
    const auto firstIneligible =
        std::partition(order.begin(), order.end(), [&](int c) { return rank(c) < 2; });
    const auto chosenEnd =
        std::partition(order.begin(), firstIneligible, [&](int c) { return rank(c) == 0; });
    auto keepBest = [&](std::vector<int>::iterator first, std::vector<int>::iterator last, int keep) {
        if (last - first > keep) {
            std::nth_element(first, first + keep, last, less);
            last = first + keep;
        }
        std::sort(first, last, less);
        return last;
    };
    const auto eligibleEnd = keepBest(chosenEnd, firstIneligible, listedEligible);
    const auto ineligibleEnd = keepBest(firstIneligible, order.end(), listedIneligible);
    std::sort(order.begin(), chosenEnd, less);
    order.erase(ineligibleEnd, order.end());
    order.erase(eligibleEnd, firstIneligible);
    thread_local std::vector<char> listed;
    listed.assign(size_t(count), 0);
    for (const int c : order)
        listed[size_t(c)] = 1;
    listNotConsidered(p, listed, d);

    const bool byCost = costOnly(p);
    const int lines = p.lineCount();
    // Candidates share much of what they list (the same verdicts, the same coverable lines): equal lists are
    // shared copies of one QList rather than an allocation each.
    ListCache<FilterVerdict> verdictCache;
    ListCache<int> linesCache;
    thread_local std::vector<FilterVerdict> verdicts;
    thread_local std::vector<int> coverable;
    d.candidates.reserve(qsizetype(order.size()));
    for (const int c : order) {
        const Candidate& cand = p.candidates[size_t(c)];
        const bool picked = isChosen[size_t(c)];
        CandidateLocation out;
        out.locationCode = p.code(c);
        out.eligible = cand.eligible();
        filterVerdicts(p, c, verdicts);
        out.filters = verdictCache.share(verdicts);
        out.distanceKm = cand.km;
        out.costMinor = cand.costMinor;
        out.chosen = picked;
        coverable.clear();
        takeWhatFits(p, c, demand, &coverable);
        out.coverableLines = linesCache.share(coverable);
        out.scores = criterionScores(p, c, demand.data());
        for (const CriterionScore& s : std::as_const(out.scores))
            out.totalScore += s.score;
        if (!picked) {
            QString& why = out.notChosen;
            why.reserve(96);
            if (!cand.eligible()) {
                why += u"fails "_s;
                bool first = true;
                for (const FilterVerdict& v : std::as_const(out.filters))
                    if (!v.passed) {
                        if (!first)
                            why += u", "_s;
                        first = false;
                        why += v.filter + u" ("_s + v.value + u')';
                    }
            } else if (out.coverableLines.size() < lines) {
                why += u"covers only line(s) "_s;
                for (qsizetype i = 0; i < out.coverableLines.size(); ++i) {
                    if (i)
                        why += u", "_s;
                    why += QString::number(out.coverableLines[i]);
                }
                why += u" of "_s + QString::number(lines);
                if (chosen) {
                    if (byCost) {
                        why += u"; a shipment of them from here would cost "_s;
                        appendMoney(why, cand.costMinor, p.minorDigits);
                    } else {
                        why += u"; a shipment of them from here would score "_s + number(out.totalScore);
                    }
                }
            } else if (chosen) {
                const double worse = out.totalScore - chosen->objective;
                if (worse > objectiveEpsilon) {
                    if (byCost) {
                        why += u"the whole order from here costs "_s;
                        appendMoney(why, cand.costMinor, p.minorDigits);
                        why += u", "_s;
                        appendMoney(why, cand.costMinor - d.totalCostMinor, p.minorDigits);
                        why += u" more than the chosen routing"_s;
                    } else {
                        why += u"the whole order from here scores "_s + number(out.totalScore) + u", "_s +
                               number(worse) + u" worse than the chosen routing"_s;
                    }
                } else {
                    why = chosen->shipments > 1
                              ? u"ties with the chosen routing on score"_s
                              : u"ties with the chosen location on score; loses on location code"_s;
                }
            } else {
                why = u"no assignment was chosen"_s;
            }
        }
        d.candidates.append(std::move(out));
    }
}

namespace {

// ": DC-COLUMBUS, DC-DALLAS are at their daily capacity (200)" when locations that hold the line's units
// were left out for their daily capacity alone; empty otherwise.
QString atCapacity(const Problem& p, int lineIndex) {
    const Line& line = p.lines[size_t(lineIndex)];
    QList<const Location*> full;
    for (int c = 0; c < int(p.candidates.size()); ++c) {
        const Candidate& candidate = p.candidates[size_t(c)];
        if (candidate.failed == FilterCapacity && p.availableAt(c, line.skuSlot) >= line.quantity &&
            p.canTake(c, lineIndex))
            full << &p.network->at(candidate.location).location;
    }
    if (full.isEmpty())
        return {};
    std::sort(full.begin(), full.end(),
              [](const Location* a, const Location* b) { return a->code < b->code; });
    const bool sameCapacity = std::all_of(full.cbegin(), full.cend(), [&](const Location* l) {
        return l->dailyCapacity == full.first()->dailyCapacity;
    });
    QStringList names;
    for (const Location* l : std::as_const(full))
        names << (sameCapacity ? l->code : u"%1 (%2)"_s.arg(l->code).arg(l->dailyCapacity));
    QString text = u": "_s + names.join(u", "_s) +
                   (full.size() == 1 ? u" is at its daily capacity"_s : u" are at their daily capacity"_s);
    if (sameCapacity)
        text += u" (%1)"_s.arg(full.first()->dailyCapacity);
    return text;
}

} // namespace

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
            if (!held)
                return u"no location has line %1's units (%2 x %3)"_s.arg(line.lineNo)
                    .arg(sku)
                    .arg(line.quantity);
            return u"no eligible location covers line %1 (%2 x %3)"_s.arg(line.lineNo)
                       .arg(sku)
                       .arg(line.quantity) +
                   atCapacity(p, i);
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
