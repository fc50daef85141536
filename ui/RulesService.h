#pragma once

#include "model/Actor.h"
#include "model/RuleSet.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace ordo {
class Database;
}

namespace ordo::ui {

// One arm of a what-if simulation (the draft, the active rules or the greedy baseline) over the same orders.
struct SimulationArm {
    QString name;
    qint64 orders = 0;
    qint64 totalCostMinor = 0;
    double shipmentsPerOrder = 0.0;
    double splitRate = 0.0;      // share of orders in more than one shipment, 0..1
    double unfillableRate = 0.0; // share of orders that could not be routed, 0..1
    double meanDistanceKm = 0.0; // per shipment
};

// An order the draft routes differently from the active rules.
struct RoutingChange {
    qint64 orderId = 0;
    QString orderNumber;
    QString before; // "DC-EAST" or "DC-EAST + ST-NYC"; "unfillable"
    QString after;
    qint64 costDeltaMinor = 0; // after minus before
};

struct SimulationSummary {
    QString currency;
    QDateTime from; // UTC
    QDateTime to;
    QList<SimulationArm> arms; // in this order: the draft, the active rules, the greedy baseline
    QList<RoutingChange> changed;
};

// What the Routing rules view needs from the core, called in the console's database thread with its
// connection. Kept as an interface so that the view does not depend on how rule sets are stored and
// simulated.
class RulesService {
public:
    virtual ~RulesService() = default;

    // Every stored version, newest first.
    virtual QList<RuleSet> ruleSets(Database& db) = 0;
    // Stores a draft (a new one when its id is 0) and returns it as stored.
    virtual RuleSet saveDraft(Database& db, const RuleSet& draft, const Actor& actor) = 0;
    // Makes the draft the active rule set (the active one is archived) and returns it.
    virtual RuleSet publish(Database& db, qint64 ruleSetId, const QString& comment, const Actor& actor) = 0;
    // What changed from one version to another, one sentence a line.
    virtual QStringList differences(Database& db, qint64 fromId, qint64 toId) = 0;
    // Replays the orders placed in [from, to) under `draft`, the active rules and the greedy baseline,
    // reserving nothing. `progress(done, total)` is called now and then; when it returns false the run stops
    // (Error).
    virtual SimulationSummary simulate(Database& db, const RuleSet& draft, const QDateTime& from,
                                       const QDateTime& to,
                                       const std::function<bool(int, int)>& progress) = 0;
};

} // namespace ordo::ui
