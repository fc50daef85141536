#include "BatchOptimizer.h"

#include "model/Money.h"
#include "sourcing/BatchModel.h"
#include "sourcing/RoutingNetwork.h"
#include "sourcing/RunInventory.h"
#include "sourcing/SequentialRouting.h"
#include "sourcing/StockLevels.h"

#include <QHash>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

bool routable(const OrderLine& line, const RoutingContext& context) {
    return line.status != OrderStatus::Cancelled && line.quantity > 0 &&
           (context.lineNos.isEmpty() || context.lineNos.contains(line.lineNo));
}

const Strategy* strategyNamed(const RuleSet& rules, const QString& name) {
    for (const Strategy& strategy : rules.strategies)
        if (strategy.name == name)
            return &strategy;
    return nullptr;
}

// Where an order's lines may go in the joint model, taken from the router's own decision on the whole stock:
// its eligible candidates (every filter of the applied strategy passed) that hold the line's units beyond the
// strategy's minimum ATP. Two lines of one SKU may each fit where both together do not: the stock rows of the
// model decide that, not the candidate list.
struct OrderPlan {
    int modelOrder = -1;   // index in BatchModelInput::orders, -1: not in the model
    QList<int> modelLines; // indices in BatchModelInput::lines
    QList<int> lineNos;    // beside modelLines
};

class ModelBuilder {
public:
    ModelBuilder(const RuleSet& rules, const StockLevels& inventory, const RoutingNetwork& network,
                 const RoutingContext& context)
        : m_rules(rules)
        , m_inventory(inventory)
        , m_network(network)
        , m_context(context) {
        m_input.capacityLeft.resize(size_t(network.size()));
        for (int l = 0; l < network.size(); ++l)
            m_input.capacityLeft[size_t(l)] = network.at(l).capacityLeft;
    }

    OrderPlan add(const Order& order, const Decision& alone) {
        OrderPlan plan;
        const Strategy* strategy = strategyNamed(m_rules, alone.strategy);
        if (!strategy || alone.shipments.isEmpty())
            return plan;
        BatchModelInput::Order modelOrder;
        modelOrder.complete = strategy->split.shortage == SplitPolicy::Shortage::ShipComplete;
        modelOrder.maxShipments = strategy->split.mode == SplitPolicy::Mode::SingleLocation
                                      ? 1
                                      : std::max(0, strategy->split.maxShipments);
        const int orderIndex = int(m_input.orders.size());
        std::vector<BatchModelInput::Line> lines;
        for (const OrderLine& line : order.lines) {
            if (!routable(line, m_context))
                continue;
            BatchModelInput::Line modelLine;
            modelLine.order = orderIndex;
            modelLine.sku = m_inventory.skuIndex(line.skuCode);
            modelLine.quantity = line.quantity;
            if (modelLine.sku >= 0) {
                const QHash<int, qint64>& atp = stocked(modelLine.sku, order);
                for (const CandidateLocation& candidate : alone.candidates) {
                    const int location = m_network.indexOf(candidate.locationCode);
                    if (!candidate.eligible || location < 0)
                        continue;
                    const qint64 usable = atp.value(location) - strategy->filters.minAtpAfterSafety;
                    if (usable < line.quantity)
                        continue;
                    modelLine.locations.push_back(location);
                    modelLine.available.push_back(usable);
                    if (std::find(modelOrder.locations.begin(), modelOrder.locations.end(), location) ==
                        modelOrder.locations.end()) {
                        modelOrder.locations.push_back(location);
                        modelOrder.costMinor.push_back(candidate.costMinor);
                    }
                }
            }
            if (modelLine.locations.empty() && modelOrder.complete)
                return plan; // it cannot ship complete whatever the others do: the router decides it
            plan.lineNos << line.lineNo;
            lines.push_back(std::move(modelLine));
        }
        if (lines.empty())
            return plan;
        plan.modelOrder = orderIndex;
        for (BatchModelInput::Line& line : lines) {
            plan.modelLines << int(m_input.lines.size());
            modelOrder.lines.push_back(int(m_input.lines.size()));
            m_input.lines.push_back(std::move(line));
        }
        m_input.orders.push_back(std::move(modelOrder));
        return plan;
    }

    const BatchModelInput& input() const { return m_input; }

private:
    // ATP per location for the order's channel and delivery, asked once per (SKU, channel, delivery).
    const QHash<int, qint64>& stocked(int sku, const Order& order) {
        // As the router asks: the channel's index and the delivery pool (InventoryIndex::Ship or Pickup).
        const int channel = int(order.channel);
        const int delivery = order.delivery == DeliveryMethod::Pickup ? 1 : 0;
        const qint64 key = (qint64(sku) * 64 + channel) * 4 + delivery;
        auto it = m_stocked.find(key);
        if (it == m_stocked.end()) {
            QHash<int, qint64> atp;
            m_scratch.clear();
            m_inventory.stocked(sku, channel, delivery, m_context.nowMs, m_scratch);
            for (const StockLevels::Stocked& s : m_scratch)
                atp.insert(s.location, s.available);
            it = m_stocked.insert(key, atp);
        }
        return *it;
    }

    const RuleSet& m_rules;
    const StockLevels& m_inventory;
    const RoutingNetwork& m_network;
    const RoutingContext& m_context;
    BatchModelInput m_input;
    QHash<qint64, QHash<int, qint64>> m_stocked;
    std::vector<StockLevels::Stocked> m_scratch;
};

// The line's location in a decision when one shipment carries all its units; -1 otherwise.
int shippedFrom(const Decision& decision, int lineNo, qint64 quantity, const RoutingNetwork& network) {
    for (const Shipment& shipment : decision.shipments)
        for (const ShipmentLine& line : shipment.lines)
            if (line.lineNo == lineNo)
                return line.quantity == quantity ? network.indexOf(shipment.locationCode) : -1;
    return -1;
}

// The router's decision on the whole stock, with the joint assignment as its shipments.
Decision jointDecision(const Order& order, const Decision& alone, const QList<int>& lineNos,
                       const QHash<int, int>& locationOfLine, const RoutingNetwork& network,
                       const QString& trace, bool proven, const RoutingContext& context) {
    Decision d = alone;
    d.shipments.clear();
    d.unfilled.clear();
    d.runnerUp.reset();
    d.exact = proven;
    // The joint model's proof is about the batch, not a bound on this order alone.
    d.method = proven ? SearchMethod::IntegerProgramme : SearchMethod::Heuristic;
    d.bound.reset();
    d.gap.reset();
    QList<QString> used;
    for (const OrderLine& line : order.lines) {
        if (!routable(line, context))
            continue;
        const int location = lineNos.contains(line.lineNo) ? locationOfLine.value(line.lineNo, -1) : -1;
        if (location < 0) {
            d.unfilled.append({line.lineNo, line.skuCode, line.quantity});
            continue;
        }
        const QString& code = network.at(location).location.code;
        qsizetype s = used.indexOf(code);
        if (s < 0) {
            used << code;
            Shipment shipment;
            shipment.locationCode = code;
            for (const CandidateLocation& c : alone.candidates)
                if (c.locationCode == code) {
                    shipment.distanceKm = c.distanceKm;
                    shipment.costMinor = c.costMinor;
                }
            d.shipments.append(shipment);
            s = d.shipments.size() - 1;
        }
        d.shipments[s].lines.append({line.lineNo, line.skuCode, line.quantity});
    }
    d.totalCostMinor = 0;
    for (const Shipment& s : d.shipments)
        d.totalCostMinor += s.costMinor;
    d.objective = double(d.totalCostMinor) / std::pow(10.0, Money::minorDigits(d.currency));
    d.outcome = d.unfilled.isEmpty() ? RoutingOutcome::Routed : RoutingOutcome::Partial;
    d.reason = d.unfilled.isEmpty() ? QString()
                                    : u"the stock of the unfilled lines went to other orders of the run"_s;
    for (CandidateLocation& c : d.candidates) {
        const bool chosen = used.contains(c.locationCode);
        if (chosen)
            c.notChosen.clear();
        else if (c.chosen)
            c.notChosen = u"the joint optimisation gave its units to other orders of the run"_s;
        c.chosen = chosen;
    }
    d.strategies.append({u"joint optimisation"_s, true, trace});
    return d;
}

} // namespace

QString batchMethodCode(BatchResult::Method method) {
    return method == BatchResult::Method::Joint ? u"joint"_s : u"sequential"_s;
}

BatchFigures batchFigures(const QList<Order>& orders, const QList<Decision>& decisions) {
    BatchFigures f;
    f.orders = int(orders.size());
    for (qsizetype i = 0; i < orders.size() && i < decisions.size(); ++i) {
        const Decision& d = decisions.at(i);
        QHash<int, qint64> shipped;
        for (const Shipment& s : d.shipments) {
            f.totalCostMinor += s.costMinor;
            for (const ShipmentLine& l : s.lines)
                shipped[l.lineNo] += l.quantity;
        }
        f.shipments += int(d.shipments.size());
        f.ordersWithShipments += d.shipments.isEmpty() ? 0 : 1;
        bool complete = true;
        for (const OrderLine& line : orders.at(i).lines) {
            if (line.status == OrderStatus::Cancelled)
                continue;
            const qint64 filled = std::min<qint64>(line.quantity, shipped.value(line.lineNo));
            f.filledUnits += filled;
            f.unfilledUnits += line.quantity - filled;
            complete = complete && filled == line.quantity;
        }
        f.completeOrders += complete ? 1 : 0;
    }
    return f;
}

BatchResult optimizeBatch(const QList<Order>& orders, const RuleSet& rules, const StockLevels& inventory,
                          const RoutingNetwork& network, const RoutingContext& context,
                          const BatchOptions& options) {
    BatchResult result;
    result.currency = rules.currency;
    QList<RoutingContext> contexts;
    for (const Order& order : orders) {
        contexts << context;
        contexts.last().rejectedLocations += options.rejectedLocations.value(order.id);
    }
    {
        RunInventory run(inventory);
        RoutingNetwork left = network;
        for (qsizetype i = 0; i < orders.size(); ++i) {
            result.sequential << route(orders.at(i), rules, run, left, contexts.at(i));
            takeDecision(result.sequential.last(), run, left);
        }
    }
    result.sequentialFigures = batchFigures(orders, result.sequential);

    // Each order alone on the whole stock: the router's candidates, filters and costs for the model.
    ModelBuilder builder(rules, inventory, network, context);
    QList<Decision> alone;
    QList<OrderPlan> plans;
    std::vector<int> seed;
    for (qsizetype i = 0; i < orders.size(); ++i) {
        alone << route(orders.at(i), rules, inventory, network, contexts.at(i));
        plans << builder.add(orders.at(i), alone.last());
        for (qsizetype k = 0; k < plans.last().modelLines.size(); ++k) {
            const int line = plans.last().modelLines.at(k);
            seed.push_back(shippedFrom(result.sequential.at(i), plans.last().lineNos.at(k),
                                       builder.input().lines[size_t(line)].quantity, network));
        }
    }
    const BatchModelInput& input = builder.input();
    result.modelOrders = int(input.orders.size());
    const BatchModelResult solved =
        solveBatchModel(input, options.timeLimitSeconds, options.seedWithSequential ? &seed : nullptr);
    result.solveSeconds = solved.seconds;
    result.variables = solved.variables;
    result.constraints = solved.constraints;
    result.solverStatus = solved.detail;
    result.provenOptimal = solved.status == BatchModelResult::Status::Optimal;
    const bool haveSolution = result.provenOptimal || solved.status == BatchModelResult::Status::Feasible;
    if (!haveSolution) {
        result.method = BatchResult::Method::Sequential;
        result.decisions = result.sequential;
        result.figures = result.sequentialFigures;
        return result;
    }

    // The joint assignment as decisions; the stock and capacity it uses are taken before the orders it left
    // empty go through the router.
    RunInventory run(inventory);
    RoutingNetwork left = network;
    QList<Decision> joint;
    QList<qsizetype> empty;
    const QString trace =
        u"lines assigned by the joint model of %1 orders (%2)"_s.arg(input.orders.size()).arg(solved.detail);
    for (qsizetype i = 0; i < orders.size(); ++i) {
        const OrderPlan& plan = plans.at(i);
        QHash<int, int> locationOfLine;
        for (qsizetype k = 0; k < plan.modelLines.size(); ++k)
            locationOfLine.insert(plan.lineNos.at(k), solved.lineLocation[size_t(plan.modelLines.at(k))]);
        bool any = false;
        for (int location : std::as_const(locationOfLine))
            any = any || location >= 0;
        if (!any) {
            joint << Decision{};
            empty << i;
            continue;
        }
        joint << jointDecision(orders.at(i), alone.at(i), plan.lineNos, locationOfLine, network, trace,
                               result.provenOptimal, context);
        takeDecision(joint.last(), run, left);
    }
    for (qsizetype i : std::as_const(empty)) {
        joint[i] = route(orders.at(i), rules, run, left, contexts.at(i));
        takeDecision(joint[i], run, left);
    }

    const BatchFigures jointFigures = batchFigures(orders, joint);
    const BatchFigures& seq = result.sequentialFigures;
    const bool better =
        jointFigures.unfilledUnits < seq.unfilledUnits ||
        (jointFigures.unfilledUnits == seq.unfilledUnits && jointFigures.totalCostMinor < seq.totalCostMinor);
    if (better) {
        result.method = BatchResult::Method::Joint;
        result.decisions = std::move(joint);
        result.figures = jointFigures;
    } else {
        result.method = BatchResult::Method::Sequential;
        result.solverStatus += u"; no better than sequential routing, which is kept"_s;
        result.decisions = result.sequential;
        result.figures = seq;
    }
    return result;
}

} // namespace ordo
