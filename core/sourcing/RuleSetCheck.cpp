#include "RuleSetCheck.h"

#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QString typeKey(int type) {
    return locationTypeCode(LocationType(type));
}

class Checker {
public:
    explicit Checker(QList<RuleSetProblem>& out)
        : m_out(out) {}

    void strategy(int index, const Strategy& s, int count) {
        const QString where = s.name.trimmed().isEmpty()
                                  ? u"Strategy %1"_s.arg(index + 1)
                                  : u"Strategy %1 “%2”"_s.arg(index + 1).arg(s.name.trimmed());
        const QString path = u"strategies[%1]"_s.arg(index);
        const auto add = [&](const QString& field, const QString& message) {
            m_out.append({index, path + u'.' + field, where + u", "_s + message});
        };
        if (s.name.trimmed().isEmpty())
            add(u"name"_s, u"name: a strategy needs a name"_s);

        const StrategyConditions& when = s.when;
        if (when.minPriority && *when.minPriority < 0)
            add(u"when.min_priority"_s,
                u"conditions: the minimum priority must not be negative (%1)"_s.arg(*when.minPriority));
        if (when.minOrderValueMinor && *when.minOrderValueMinor < 0)
            add(u"when.min_order_value"_s, u"conditions: the minimum order value must not be negative"_s);
        if (when.maxOrderValueMinor && *when.maxOrderValueMinor < 0)
            add(u"when.max_order_value"_s, u"conditions: the maximum order value must not be negative"_s);
        if (when.minOrderValueMinor && when.maxOrderValueMinor &&
            *when.minOrderValueMinor > *when.maxOrderValueMinor)
            add(u"when.max_order_value"_s,
                u"conditions: the maximum order value is below the minimum, so no order can match"_s);
        for (const QString& country : when.countries)
            if (country.size() != 2 || country.toUpper() != country || !country.at(0).isLetter() ||
                !country.at(1).isLetter())
                add(u"when.countries"_s,
                    u"conditions: country '%1' is not a two-letter ISO code such as US or DE"_s.arg(country));

        const LocationFilters& filters = s.filters;
        if (filters.maxDistanceKm && !(*filters.maxDistanceKm > 0.0))
            add(u"filters.max_distance_km"_s,
                u"filters: the maximum distance must be more than 0 km (leave it empty for no limit)"_s);
        if (filters.minAtpAfterSafety < 0)
            add(u"filters.min_atp_after_safety"_s,
                u"filters: the minimum ATP left must not be negative (%1)"_s.arg(filters.minAtpAfterSafety));

        QSet<Criterion> seen;
        bool anyWeight = s.ranking.isEmpty();
        bool anyNegative = false;
        for (const CriterionWeight& weight : s.ranking) {
            const QString key = criterionCode(weight.criterion);
            if (seen.contains(weight.criterion))
                add(u"ranking.%1"_s.arg(key), u"ranking: %1 is listed twice"_s.arg(key));
            seen.insert(weight.criterion);
            if (weight.weight < 0.0 || !std::isfinite(weight.weight)) {
                anyNegative = true;
                add(u"ranking.%1.weight"_s.arg(key),
                    u"ranking: the weight of %1 must not be negative (%2)"_s.arg(key).arg(weight.weight));
            }
            if (weight.weight > 0.0)
                anyWeight = true;
        }
        if (!anyWeight && !anyNegative)
            add(u"ranking"_s, u"ranking: every weight is 0, so all locations would rank the same"_s);

        if (s.split.maxShipments < 0)
            add(u"split.max_shipments"_s, u"split: the maximum number of shipments must not be negative"_s);
        if (s.split.mode == SplitPolicy::Mode::Split && s.split.maxShipments == 1)
            add(u"split.max_shipments"_s,
                u"split: at most 1 shipment means one location only; choose that mode instead"_s);

        if (s.fallback.action == Fallback::Action::Cancel && s.fallback.cancelAfterDays <= 0)
            add(u"fallback.cancel_after_days"_s,
                u"fallback: cancel needs a number of days the order may wait first (more than 0)"_s);
        if (s.fallback.action == Fallback::Action::NextStrategy && index == count - 1)
            add(u"fallback.action"_s, u"fallback: this is the last strategy, so there is no next strategy to "
                                      u"try; hold, backorder or "
                                      "cancel instead"_s);
    }

private:
    QList<RuleSetProblem>& m_out;
};

} // namespace

QList<RuleSetProblem> checkRuleSet(const RuleSet& rules) {
    QList<RuleSetProblem> problems;
    if (rules.currency.size() != 3 || rules.currency.toUpper() != rules.currency)
        problems.append(
            {-1, u"currency"_s,
             u"Cost model: currency '%1' is not a three-letter ISO code such as USD"_s.arg(rules.currency)});
    for (int type = 0; type < int(rules.costs.byType.size()); ++type) {
        const LocationTypeCost& cost = rules.costs.byType[size_t(type)];
        if (cost.baseFeeMinor < 0)
            problems.append({-1, u"costs.%1.base_fee"_s.arg(typeKey(type)),
                             u"Cost model, %1: the base fee must not be negative"_s.arg(typeKey(type))});
        if (cost.perKmMilliMinor < 0)
            problems.append({-1, u"costs.%1.per_km"_s.arg(typeKey(type)),
                             u"Cost model, %1: the rate per km must not be negative"_s.arg(typeKey(type))});
    }
    // A negative penalty would reward splitting: the router would cut orders into parcels to collect it.
    if (rules.costs.splitPenaltyMinor < 0)
        problems.append(
            {-1, u"costs.split_penalty"_s, u"Cost model: the split penalty must not be negative"_s});
    if (rules.strategies.isEmpty())
        problems.append({-1, u"strategies"_s, u"Strategies: a rule set needs at least one strategy"_s});
    QSet<QString> names;
    Checker checker(problems);
    for (int i = 0; i < rules.strategies.size(); ++i) {
        const Strategy& strategy = rules.strategies.at(i);
        const QString name = strategy.name.trimmed().toCaseFolded();
        if (!name.isEmpty() && names.contains(name))
            problems.append(
                {i, u"strategies[%1].name"_s.arg(i),
                 u"Strategy %1 “%2”, name: another strategy has this name"_s.arg(i + 1).arg(strategy.name)});
        names.insert(name);
        checker.strategy(i, strategy, int(rules.strategies.size()));
    }
    for (auto it = rules.stateLimitHours.cbegin(); it != rules.stateLimitHours.cend(); ++it)
        if (it.value() <= 0)
            problems.append(
                {-1, u"state_limits"_s, u"Time limits: a state's limit must be more than 0 hours"_s});
    return problems;
}

} // namespace ordo
