#pragma once

// The router's working data for one order under one strategy, in dense form: the lines to route, the
// candidate locations with what the filters said of them, and each candidate's usable units per SKU of the
// order. Built by CandidateFilter, scored by Criteria, searched by AssignmentSearch, explained by
// Explanation. Internal to core/sourcing.

#include "model/Order.h"
#include "model/RuleSet.h"
#include "sourcing/StockLevels.h"

#include <QString>

#include <cstdint>
#include <limits>
#include <vector>

namespace ordo {

class RoutingNetwork;
struct RoutingContext;

namespace routing {

// Orders of up to this many lines are searched exactly: up to partitionLineLimit by the set partitions of the
// lines (Bell(5) = 52, ExactSearch.cpp), beyond that by a branch and bound over subsets of the lines guided
// by a dynamic programme (SubsetSearch.cpp, lines as bits of a mask).
inline constexpr int exactLineLimit = 16;
inline constexpr int partitionLineLimit = 5;
// Two objectives closer than this are equal (then fewer shipments, then location codes decide).
inline constexpr double objectiveEpsilon = 1e-9;

struct Line {
    int lineNo = 0;
    int orderIndex = 0; // index in Order::lines
    int sku = -1;       // dense id in the StockLevels; -1: no stock anywhere
    int skuSlot = 0;    // 0..skuCount-1: distinct SKUs of the lines routed
    qint64 quantity = 0;
};

// Filters, as bits of Candidate::judged (applied) and Candidate::failed.
enum Filter : std::uint16_t {
    FilterType = 1 << 0,
    FilterGroup = 1 << 1,
    FilterMaxDistance = 1 << 2,
    FilterCapacity = 1 << 3,
    FilterShips = 1 << 4,
    FilterPickup = 1 << 5,
    FilterExcluded = 1 << 6,
    FilterRejected = 1 << 7,
    FilterMinAtp = 1 << 8,
    FilterStock = 1 << 9,
};
inline constexpr int filterCount = 10;

struct Candidate {
    int location = -1; // network id
    double km = 0.0;   // to the ship-to (ship orders) or from the pickup location (pickup orders)
    qint64 costMinor = 0;
    std::uint16_t judged = 0;
    std::uint16_t failed = 0;
    bool eligible() const { return failed == 0; }
    double fixedScore = 0.0; // the weighted criteria that do not depend on the lines shipped
    int takes = 0;           // lines it can take on its own (stock, min ATP)
    int minAtpShort = 0;     // lines it holds but that would leave less than the minimum ATP
};

struct Weights {
    double byCriterion[std::size(allCriteria)] = {};
    QList<CriterionWeight> ranking; // as the strategy lists it (total cost alone when empty)
    double balance() const { return byCriterion[int(Criterion::InventoryBalance)]; }
};

struct Problem {
    const Order* order = nullptr;
    const Strategy* strategy = nullptr;
    const RuleSet* rules = nullptr;
    const RoutingNetwork* network = nullptr;
    const RoutingContext* context = nullptr;
    bool pickup = false;
    int pickupLocation = -1; // network id of the order's pickup location
    bool hasShipTo = false;
    double minorPerMajor = 100.0;
    int minorDigits = 2; // of the rule set's currency
    Weights weights;
    // Score of each shipment beyond the first: the cost model's split penalty, weighted as total cost. The
    // objective of an assignment of k shipments is the sum of their scores + (k - 1) x splitPenalty.
    double splitPenalty = 0.0;

    std::vector<Line> lines;
    int skuCount = 0;
    std::vector<Candidate>
        candidates; // the network's locations holding a line's SKU, and the pickup location
    // [candidate * skuCount + slot]: ATP at the candidate, and what a shipment may take of it (ATP less the
    // strategy's minimum ATP after safety).
    std::vector<qint64> available;
    std::vector<qint64> usable;

    int lineCount() const { return int(lines.size()); }
    qint64 availableAt(int candidate, int slot) const {
        return available[size_t(candidate * skuCount + slot)];
    }
    qint64 usableAt(int candidate, int slot) const { return usable[size_t(candidate * skuCount + slot)]; }
    bool canTake(int candidate, int line) const {
        return usableAt(candidate, lines[size_t(line)].skuSlot) >= lines[size_t(line)].quantity;
    }
    const QString& code(int candidate) const;
    // Lexicographic order of location codes, the last tie-breaker.
    bool codeLess(int a, int b) const;
};

// An assignment of lines to candidates, with its objective. candidateOfLine[i] is -1 for a line left
// unfilled.
struct Assignment {
    std::vector<int> candidateOfLine;
    double objective = std::numeric_limits<double>::infinity();
    int shipments = 0;
    int filledLines = 0;
    bool valid() const { return objective < std::numeric_limits<double>::infinity(); }
};

} // namespace routing
} // namespace ordo
