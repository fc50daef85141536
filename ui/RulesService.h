#pragma once

#include "model/Actor.h"
#include "model/RuleSet.h"
#include "sourcing/RuleSetDiff.h"
#include "sourcing/SimulationReport.h"

#include <QDateTime>
#include <QList>

#include <functional>
#include <memory>

namespace ordo {
class Database;
}

namespace ordo::ui {

// What the Routing rules view needs from the core, called in the console's database thread with its
// connection. An interface so that the view can be tested without a simulation over a real order history.
class RulesService {
public:
    virtual ~RulesService() = default;

    // Every stored version with its rules, newest first.
    virtual QList<RuleSet> ruleSets(Database& db) = 0;
    // Stores `draft` as a new draft version and returns it as stored.
    virtual RuleSet saveDraft(Database& db, const RuleSet& draft, const Actor& actor) = 0;
    // Makes a draft the active rule set (the active one is archived) and returns it.
    virtual RuleSet publish(Database& db, int version, const QString& comment, const Actor& actor) = 0;
    // What changed from one version to another.
    virtual QList<RuleSetChange> differences(Database& db, int fromVersion, int toVersion) = 0;
    // Replays the orders placed in [from, to) under `draft`, the active rules and the greedy baseline,
    // reserving nothing. `progress(done, total)` is called between steps; when it returns false the run stops
    // (Error).
    virtual SimulationReport simulate(Database& db, const RuleSet& draft, const QDateTime& from,
                                      const QDateTime& to, const std::function<bool(int, int)>& progress) = 0;
};

// The service over the core: RuleSetRepository, diffRuleSets, SimulationData and the simulator.
std::shared_ptr<RulesService> makeCoreRulesService();

} // namespace ordo::ui
