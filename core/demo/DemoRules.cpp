#include "DemoRules.h"

#include "Error.h"
#include "model/Actor.h"
#include "sourcing/RuleSetRepository.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

constexpr qint64 Hour = 3600 * 1000LL;
constexpr qint64 Day = 24 * Hour;

Strategy storePickup() {
    Strategy s;
    s.name = u"Store pickup"_s;
    s.when.delivery = DeliveryMethod::Pickup;
    s.filters.types = {LocationType::Store};
    s.ranking = {CriterionWeight{Criterion::TotalCost, 1.0}};
    s.split = SplitPolicy{SplitPolicy::Mode::SingleLocation, 1, SplitPolicy::Shortage::ShipComplete};
    s.fallback = Fallback{Fallback::Action::Hold, 0};
    return s;
}

Strategy marketplaceFromDcs() {
    Strategy s;
    s.name = u"Marketplace from distribution centres"_s;
    s.when.channels = {Channel::Marketplace};
    s.when.delivery = DeliveryMethod::Ship;
    s.filters.types = {LocationType::Dc};
    s.ranking = {CriterionWeight{Criterion::TotalCost, 1.0}, CriterionWeight{Criterion::TransitDays, 2.0}};
    s.split = SplitPolicy{SplitPolicy::Mode::Split, 2, SplitPolicy::Shortage::ShipComplete};
    s.fallback = Fallback{Fallback::Action::NextStrategy, 0};
    return s;
}

Strategy highValueFromDcs() {
    Strategy s;
    s.name = u"High-value orders from distribution centres"_s;
    s.when.delivery = DeliveryMethod::Ship;
    s.when.minOrderValueMinor = DemoRules::highValueMinor;
    s.filters.types = {LocationType::Dc, LocationType::Dropship};
    s.ranking = {CriterionWeight{Criterion::TotalCost, 1.0},
                 CriterionWeight{Criterion::FewestShipments, 3.0}};
    s.split = SplitPolicy{SplitPolicy::Mode::Split, 2, SplitPolicy::Shortage::ShipComplete};
    s.fallback = Fallback{Fallback::Action::NextStrategy, 0};
    return s;
}

// The default strategy of RuleSet::defaults(), at most two parcels; with ship-from-store or without.
Strategy lowestCost(const RuleSet& base, bool fromStores) {
    Strategy s = base.strategies.isEmpty() ? Strategy{} : base.strategies.first();
    s.name = fromStores ? u"Lowest total cost, ship from store"_s : u"Lowest total cost"_s;
    s.filters.types = {LocationType::Dc, LocationType::Dropship};
    if (fromStores)
        s.filters.types.append(LocationType::Store);
    s.split.mode = SplitPolicy::Mode::Split;
    s.split.maxShipments = 2;
    s.fallback = Fallback{Fallback::Action::Hold, 0};
    return s;
}

RuleSet version(const QList<Strategy>& strategies) {
    RuleSet rules = RuleSet::defaults();
    rules.strategies = strategies;
    rules.stateLimitHours = {
        {OrderStatus::Validated, 4}, {OrderStatus::Routed, 24}, {OrderStatus::Exception, 48}};
    return rules;
}

} // namespace

QList<DemoRuleVersion> DemoRules::history(qint64 firstOrderAt, qint64 now) {
    const RuleSet base = RuleSet::defaults();
    const qint64 span = std::max<qint64>(Day, now - firstOrderAt);
    // Published at 15:00 UTC (mid-morning in the US) on their day.
    const auto at = [](qint64 t) { return (t / Day) * Day + 15 * Hour; };
    QList<DemoRuleVersion> history;
    DemoRuleVersion v1;
    v1.rules = version({storePickup(), lowestCost(base, false)});
    v1.publishedAt = at(firstOrderAt - 2 * Day);
    v1.comment = u"launch: pickups at the chosen store, everything else from DCs and vendors"_s;
    v1.publishComment = u"go-live"_s;
    DemoRuleVersion v2;
    v2.rules = version({storePickup(), marketplaceFromDcs(), lowestCost(base, false)});
    v2.publishedAt = at(firstOrderAt + span * 3 / 10);
    v2.comment = u"marketplace orders from DCs only"_s;
    v2.publishComment = u"marketplace late-shipment rate too high from vendors' backlog"_s;
    DemoRuleVersion v3;
    v3.rules = version({storePickup(), marketplaceFromDcs(), highValueFromDcs(), lowestCost(base, true)});
    v3.publishedAt = at(firstOrderAt + span * 7 / 10);
    v3.comment = u"ship from store; high-value orders stay with the DCs"_s;
    v3.publishComment = u"ship-from-store pilot approved"_s;
    history = {v1, v2, v3};
    for (qsizetype i = 0; i < history.size(); ++i) {
        history[i].rules.version = int(i) + 1;
        history[i].publishedAt = std::min(history[i].publishedAt, now - Hour);
    }
    return history;
}

const DemoRuleVersion& DemoRules::inForce(const QList<DemoRuleVersion>& history, qint64 at) {
    qsizetype found = 0;
    for (qsizetype i = 0; i < history.size(); ++i)
        if (history.at(i).publishedAt <= at)
            found = i;
    return history.at(found);
}

void DemoRules::publish(Database& db, const QList<DemoRuleVersion>& history) {
    RuleSetRepository repository(db);
    const Actor actor{u"admin"_s, Role::Admin}; // the schema's administrator: only an admin edits the rules
    for (const DemoRuleVersion& v : history) {
        const QDateTime published = QDateTime::fromMSecsSinceEpoch(v.publishedAt, Qt::UTC);
        const RuleSet draft = repository.saveDraft(v.rules, actor, v.comment, published.addSecs(-3 * 3600));
        if (draft.version != v.rules.version)
            throw Error::state(
                u"the demo's rule set version %1 was stored as version %2"_s.arg(v.rules.version)
                    .arg(draft.version));
        repository.publish(draft.version, actor, v.publishComment, published);
    }
}

} // namespace ordo
