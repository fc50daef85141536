#include "Error.h"
#include "RulesService.h"
#include "sourcing/IndexStockLevels.h"
#include "sourcing/RuleSetRepository.h"
#include "sourcing/SimulationData.h"
#include "sourcing/Simulator.h"

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

class CoreRulesService : public RulesService {
public:
    QList<RuleSet> ruleSets(Database& db) override {
        const RuleSetRepository repository(db);
        QList<RuleSet> sets;
        for (const RuleSetVersion& version : repository.list())
            if (std::optional<RuleSet> rules = repository.load(version.version)) {
                // The history shows why a version was published when it was; else why it was saved.
                if (!version.publishComment.isEmpty())
                    rules->comment = version.publishComment;
                sets.append(*rules);
            }
        return sets;
    }

    RuleSet saveDraft(Database& db, const RuleSet& draft, const Actor& actor) override {
        return RuleSetRepository(db).saveDraft(draft, actor, draft.comment);
    }

    RuleSet publish(Database& db, int version, const QString& comment, const Actor& actor) override {
        return RuleSetRepository(db).publish(version, actor, comment);
    }

    QList<RuleSetChange> differences(Database& db, int fromVersion, int toVersion) override {
        const RuleSetRepository repository(db);
        const std::optional<RuleSet> from = repository.load(fromVersion);
        const std::optional<RuleSet> to = repository.load(toVersion);
        if (!from || !to)
            throw Error::notFound(
                u"rule set version %1 does not exist"_s.arg(from ? toVersion : fromVersion));
        return diffRuleSets(*from, *to);
    }

    SimulationReport simulate(Database& db, const RuleSet& draft, const QDateTime& from, const QDateTime& to,
                              const std::function<bool(int, int)>& progress) override {
        // Three steps: the active rules, the orders and stock of the window, the replay.
        if (!progress(0, 3))
            throw Error::state(u"the simulation was cancelled"_s);
        const RuleSet active = RuleSetRepository(db).active();
        if (!progress(1, 3))
            throw Error::state(u"the simulation was cancelled"_s);
        const SimulationData data = SimulationData::load(db, from, to);
        if (!progress(2, 3))
            throw Error::state(u"the simulation was cancelled"_s);
        const IndexStockLevels start(data.inventory);
        SimulationReport report = ordo::simulate(data.orders, draft, active, start, data.network);
        report.from = data.from;
        report.to = data.to;
        report.unitsGivenBack = data.unitsGivenBack;
        progress(3, 3);
        return report;
    }
};

} // namespace

std::shared_ptr<RulesService> makeCoreRulesService() {
    return std::make_shared<CoreRulesService>();
}

} // namespace ordo::ui
