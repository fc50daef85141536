#pragma once

#include <QString>
#include <QtGlobal>

#include <vector>

namespace ordo {

// The mixed-integer model of BatchOptimizer, in dense numbers only, and its solution by GLPK. Kept apart from
// the orders and decisions so that the solver's part can be read (and tested) on its own.
struct BatchModelInput {
    struct Line {
        int order = 0; // index into orders
        int sku = 0;   // dense SKU id
        qint64 quantity = 0;
        std::vector<int> locations; // dense location ids that may take the whole line
        // Beside `locations`: the units the line's order may take there (its channel's and delivery's ATP
        // less the strategy's minimum), before any other order of the batch takes some.
        std::vector<qint64> available;
    };
    struct Order {
        std::vector<int> lines;        // indices into lines
        std::vector<int> locations;    // every location of its lines, once
        std::vector<qint64> costMinor; // cost of one shipment from each of `locations`
        bool complete = false;         // ship complete: every line or none
        int maxShipments = 0;          // 0: no limit beyond one per line
    };
    std::vector<Line> lines;
    std::vector<Order> orders;
    std::vector<int> capacityLeft; // per dense location id: shipments it can still take, -1 unlimited
};

struct BatchModelResult {
    enum class Status {
        Optimal,    // proven optimal
        Feasible,   // the time limit stopped the search with a solution in hand
        NoSolution, // the time limit came before any solution
        Failed,     // the solver reported an error
    };
    Status status = Status::Failed;
    QString detail;                // the solver's words, for the report
    std::vector<int> lineLocation; // per line: the location it ships from, -1 unfilled
    double seconds = 0.0;
    int variables = 0;
    int constraints = 0;
    bool seedAccepted = false;
};

// `seed` (optional, one location or -1 per line): a known assignment handed to the solver as its first
// incumbent; ignored when it breaks a constraint of the model.
BatchModelResult solveBatchModel(const BatchModelInput& input, double timeLimitSeconds,
                                 const std::vector<int>* seed = nullptr);

} // namespace ordo
