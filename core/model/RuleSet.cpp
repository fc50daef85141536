#include "RuleSet.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo {

QString ruleSetStateCode(RuleSetState state) {
    switch (state) {
    case RuleSetState::Draft:
        return u"draft"_s;
    case RuleSetState::Active:
        return u"active"_s;
    case RuleSetState::Archived:
        return u"archived"_s;
    }
    return {};
}

std::optional<RuleSetState> ruleSetStateFromCode(QStringView code) {
    for (RuleSetState s : {RuleSetState::Draft, RuleSetState::Active, RuleSetState::Archived})
        if (code.compare(ruleSetStateCode(s), Qt::CaseInsensitive) == 0)
            return s;
    return std::nullopt;
}

QString criterionCode(Criterion criterion) {
    switch (criterion) {
    case Criterion::TotalCost:
        return u"total_cost"_s;
    case Criterion::Distance:
        return u"distance"_s;
    case Criterion::TransitDays:
        return u"transit_days"_s;
    case Criterion::FewestShipments:
        return u"fewest_shipments"_s;
    case Criterion::InventoryBalance:
        return u"inventory_balance"_s;
    case Criterion::LocationPriority:
        return u"location_priority"_s;
    }
    return {};
}

std::optional<Criterion> criterionFromCode(QStringView code) {
    for (Criterion c : allCriteria)
        if (code.compare(criterionCode(c), Qt::CaseInsensitive) == 0)
            return c;
    return std::nullopt;
}

QString fallbackActionCode(Fallback::Action action) {
    switch (action) {
    case Fallback::Action::NextStrategy:
        return u"next_strategy"_s;
    case Fallback::Action::Hold:
        return u"hold"_s;
    case Fallback::Action::Backorder:
        return u"backorder"_s;
    case Fallback::Action::Cancel:
        return u"cancel"_s;
    }
    return {};
}

std::optional<Fallback::Action> fallbackActionFromCode(QStringView code) {
    for (Fallback::Action a : {Fallback::Action::NextStrategy, Fallback::Action::Hold,
                               Fallback::Action::Backorder, Fallback::Action::Cancel})
        if (code.compare(fallbackActionCode(a), Qt::CaseInsensitive) == 0)
            return a;
    return std::nullopt;
}

CostModel CostModel::defaults() {
    CostModel model;
    model.byType[size_t(LocationType::Dc)] = {400, 1000};
    model.byType[size_t(LocationType::ThirdPartyLogistics)] = {450, 1000};
    model.byType[size_t(LocationType::Store)] = {600, 1200};
    model.byType[size_t(LocationType::Dropship)] = {700, 1500};
    model.splitPenaltyMinor = defaultSplitPenaltyMinor;
    return model;
}

qint64 CostModel::shipmentCostMinor(LocationType type, double distanceKm) const {
    const LocationTypeCost& cost = forType(type);
    // std::llround rounds halves away from zero; the rate is in thousandths of a minor unit.
    return cost.baseFeeMinor + std::llround(double(cost.perKmMilliMinor) * distanceKm / 1000.0);
}

RuleSet RuleSet::defaults() {
    RuleSet rules;
    Strategy lowestCost;
    lowestCost.name = u"Lowest total cost"_s;
    lowestCost.ranking = {CriterionWeight{Criterion::TotalCost, 1.0}};
    lowestCost.split = SplitPolicy{SplitPolicy::Mode::Split, 0, SplitPolicy::Shortage::ShipComplete};
    lowestCost.fallback = Fallback{Fallback::Action::Hold, 0};
    rules.strategies = {lowestCost};
    return rules;
}

} // namespace ordo
