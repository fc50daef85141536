#pragma once

#include "RuleSet.h"

#include <QBitArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ordo {

// The outcome of one routing attempt, with everything a person needs to see why the order ships from where it
// ships (issue "Explainable order routing", section 4). Stored with the order (as JSON) and shown in the
// console.

enum class RoutingOutcome {
    Routed,      // every line is assigned
    Partial,     // some lines assigned, the rest backordered (split policy "ship available")
    Backordered, // nothing assigned now; the fallback backorders the order
    Held,        // nothing assigned; the fallback holds the order in the exceptions queue
    Unfillable,  // no strategy could route it and no fallback keeps it
    Cancelled,   // the fallback cancels the order (it waited longer than allowed)
};
QString routingOutcomeCode(RoutingOutcome outcome); // "routed", "partial", "backordered", "held", ...
std::optional<RoutingOutcome> routingOutcomeFromCode(QStringView code);

// How the chosen assignment was found (docs/routing.md, "How good the answer is").
enum class SearchMethod {
    Exact,            // the exact search: proven optimal
    IntegerProgramme, // the integer programme (GLPK): optimal, or within its gap of the bound at the time
                      // limit
    Heuristic,        // the bounded search, or a model that is not exact for the strategy's criteria
};
QString searchMethodCode(SearchMethod method); // "exact", "integer_programme", "heuristic"
std::optional<SearchMethod> searchMethodFromCode(QStringView code);

// One filter's verdict on one candidate location, with the value behind it ("1,234 km", "group EAST").
struct FilterVerdict {
    QString
        filter; // stable code: "type", "group", "max_distance", "capacity", "ships", "pickup", "excluded",
                // "min_atp", "stock" (the location holds at least one line's units), "rejected" (reroute)
    bool passed = true;
    QString value;
    friend bool operator==(const FilterVerdict&, const FilterVerdict&) = default;
};

// One criterion's value for a candidate (for a shipment of the whole order from it, or of the lines it can
// cover) and its weighted score.
struct CriterionScore {
    Criterion criterion = Criterion::TotalCost;
    double value = 0.0; // in the criterion's unit
    double score = 0.0; // weight x value
    friend bool operator==(const CriterionScore&, const CriterionScore&) = default;
};

struct CandidateLocation {
    QString locationCode;
    bool eligible = false; // passed every filter
    QList<FilterVerdict> filters;
    QList<CriterionScore> scores;
    double totalScore = 0.0;
    double distanceKm = 0.0;
    qint64 costMinor = 0;      // cost of one shipment from here
    QList<int> coverableLines; // line numbers it holds enough stock for
    bool chosen = false;
    QString notChosen; // why not, in a sentence: "fails max_distance (1,234 km > 800 km)", "costs 3.10 more"
    friend bool operator==(const CandidateLocation&, const CandidateLocation&) = default;
};

struct ShipmentLine {
    int lineNo = 0;
    QString skuCode;
    qint64 quantity = 0;
    friend bool operator==(const ShipmentLine&, const ShipmentLine&) = default;
};

struct Shipment {
    QString locationCode;
    QList<ShipmentLine> lines;
    double distanceKm = 0.0;
    qint64 costMinor = 0; // 0 for a pickup handed over where the stock is
    friend bool operator==(const Shipment&, const Shipment&) = default;
};

// A set of location codes. A decision names most of a network's locations among those it did not consider,
// for every order: so a set can also be kept as bits over a list of codes shared with the network (copying
// the list is one reference count, not a thousand), and only spelled out when it is read.
class LocationSet {
public:
    LocationSet() = default;
    explicit LocationSet(QStringList codes);              // exactly these, in this order
    LocationSet(QStringList universe, QBitArray members); // the codes of `universe` whose bit is set

    QStringList codes() const; // in the order given (the universe's order)
    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }
    bool contains(const QString& code) const;
    friend bool operator==(const LocationSet& a, const LocationSet& b) { return a.codes() == b.codes(); }

private:
    QStringList m_codes;
    QBitArray m_members; // with m_bits: which codes of m_codes are members
    bool m_bits = false; // false: every code of m_codes is a member
};

// Locations of the network a decision did not list as candidates, with why (ARCHITECTURE.md decision 8): "has
// none of the order's SKUs available", "does not ship parcels", ... Every location of the network is either a
// listed candidate or in exactly one group.
struct NotConsidered {
    QString reason;
    LocationSet locations;
    friend bool operator==(const NotConsidered&, const NotConsidered&) = default;
};

// Why each strategy before the applied one did not route the order.
struct StrategyTrace {
    QString name;
    bool applied = false; // this strategy produced the decision
    QString reason;       // "conditions: channel web not in [pos]", "no eligible location covers line 2"
    friend bool operator==(const StrategyTrace&, const StrategyTrace&) = default;
};

// The best assignment that was not chosen, and by how much it lost.
struct RunnerUp {
    QList<Shipment> shipments;
    qint64 totalCostMinor = 0;
    double objective = 0.0;
    QString why; // "1 more shipment, 2.35 dearer"
    friend bool operator==(const RunnerUp&, const RunnerUp&) = default;
};

struct Decision {
    qint64 orderId = 0;
    QString orderNumber;
    int ruleVersion = 0;
    QString strategy; // name of the strategy applied; empty when none applied
    QList<StrategyTrace> strategies;
    RoutingOutcome outcome = RoutingOutcome::Unfillable;
    QString reason; // for held, backordered, unfillable and cancelled: why, in a sentence
    QList<Shipment> shipments;
    QList<ShipmentLine> unfilled; // units not assigned (backordered or unfillable)
    qint64 totalCostMinor = 0;
    QString currency;
    double objective = 0.0; // the sum minimised (criteria scores and the split penalty)
    bool exact = true;      // proven optimal (false: bounded search on a large order)
    SearchMethod method = SearchMethod::Exact;
    // A proven lower bound on the objective (equal to it when exact), and the gap (objective - bound) /
    // |objective|; absent when nothing is proven (a heuristic answer, or a decision stored before they were).
    std::optional<double> bound = std::nullopt;
    std::optional<double> gap = std::nullopt;
    int solverMs = 0; // time the integer programme took (0: it did not run)
    QList<CandidateLocation> candidates;
    QList<NotConsidered> notConsidered; // every other location of the network, grouped by reason
    std::optional<RunnerUp> runnerUp;
    qint64 decidedAtMs = 0; // UTC ms since the epoch
    friend bool operator==(const Decision&, const Decision&) = default;
};

// How good a decision's assignment is, in a sentence: "proven optimal", "proven optimal (integer programme,
// 35 ms)", "within 2.4% of the lower bound (integer programme, stopped after 200 ms)" or "heuristic".
QString searchQuality(const Decision& decision);

} // namespace ordo
