#include "RuleSetJson.h"

#include "Error.h"
#include "model/Money.h"
#include "sourcing/JsonFields.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

using namespace ordo::json;

constexpr qint64 intMax = std::numeric_limits<int>::max();
constexpr LocationType allLocationTypes[] = {LocationType::Dc, LocationType::Store,
                                             LocationType::ThirdPartyLogistics, LocationType::Dropship};

QString splitModeCode(SplitPolicy::Mode mode) {
    return mode == SplitPolicy::Mode::SingleLocation ? u"single_location"_s : u"split"_s;
}

QString shortageCode(SplitPolicy::Shortage shortage) {
    return shortage == SplitPolicy::Shortage::ShipComplete ? u"ship_complete"_s : u"ship_available"_s;
}

QJsonValue timeOrNull(const QDateTime& t) {
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QString money(qint64 minor, const QString& currency) {
    return Money{minor, currency}.toDecimalString();
}

QJsonObject conditionsToJson(const StrategyConditions& when, const QString& currency) {
    QJsonObject o;
    QStringList channels;
    for (Channel c : when.channels)
        channels << channelCode(c);
    o.insert(u"channels"_s, QJsonArray::fromStringList(channels));
    o.insert(u"delivery"_s, when.delivery ? QJsonValue(deliveryMethodCode(*when.delivery)) : QJsonValue());
    o.insert(u"min_priority"_s, when.minPriority ? QJsonValue(*when.minPriority) : QJsonValue());
    o.insert(u"min_order_value"_s,
             when.minOrderValueMinor ? QJsonValue(money(*when.minOrderValueMinor, currency)) : QJsonValue());
    o.insert(u"max_order_value"_s,
             when.maxOrderValueMinor ? QJsonValue(money(*when.maxOrderValueMinor, currency)) : QJsonValue());
    o.insert(u"countries"_s, QJsonArray::fromStringList(when.countries));
    o.insert(u"regions"_s, QJsonArray::fromStringList(when.regions));
    o.insert(u"sku_tags"_s, QJsonArray::fromStringList(when.skuTags));
    return o;
}

QJsonObject filtersToJson(const LocationFilters& f) {
    QStringList types;
    for (LocationType t : f.types)
        types << locationTypeCode(t);
    return QJsonObject{
        {u"types"_s, QJsonArray::fromStringList(types)},
        {u"groups"_s, QJsonArray::fromStringList(f.groups)},
        {u"max_distance_km"_s, f.maxDistanceKm ? QJsonValue(*f.maxDistanceKm) : QJsonValue()},
        {u"require_capacity"_s, f.requireCapacity},
        {u"require_shipping"_s, f.requireShipping},
        {u"require_pickup"_s, f.requirePickup},
        {u"excluded_locations"_s, QJsonArray::fromStringList(f.excludedLocations)},
        {u"min_atp_after_safety"_s, QJsonValue(f.minAtpAfterSafety)},
    };
}

QJsonObject strategyToJson(const Strategy& s, const QString& currency) {
    QJsonArray ranking;
    for (const CriterionWeight& w : s.ranking)
        ranking.append(QJsonObject{{u"criterion"_s, criterionCode(w.criterion)}, {u"weight"_s, w.weight}});
    return QJsonObject{
        {u"name"_s, s.name},
        {u"when"_s, conditionsToJson(s.when, currency)},
        {u"filters"_s, filtersToJson(s.filters)},
        {u"ranking"_s, ranking},
        {u"split"_s, QJsonObject{{u"mode"_s, splitModeCode(s.split.mode)},
                                 {u"max_shipments"_s, s.split.maxShipments},
                                 {u"shortage"_s, shortageCode(s.split.shortage)}}},
        {u"fallback"_s, QJsonObject{{u"action"_s, fallbackActionCode(s.fallback.action)},
                                    {u"cancel_after_days"_s, s.fallback.cancelAfterDays}}},
        {u"nearest_pickup_allowed"_s, s.nearestPickupAllowed},
    };
}

// Reading
// --------------------------------------------------------------------------------------------------------

// A value that may be absent or null (optional field).
bool present(const QJsonObject& o, const QString& key) {
    return o.contains(key) && !o.value(key).isNull();
}

template <typename T, typename FromCode>
T code(const QJsonValue& value, const QString& path, FromCode fromCode, const QStringList& known) {
    const QString text = string(value, path);
    const auto parsed = fromCode(text);
    if (!parsed)
        throw Error::input(
            u"%1: unknown code \"%2\" (expected one of: %3)"_s.arg(path, text, known.join(u", "_s)));
    return *parsed;
}

QStringList locationTypeCodes() {
    QStringList codes;
    for (LocationType t : allLocationTypes)
        codes << locationTypeCode(t);
    return codes;
}

QStringList criterionCodes() {
    QStringList codes;
    for (Criterion c : allCriteria)
        codes << criterionCode(c);
    return codes;
}

QStringList fallbackCodes() {
    QStringList codes;
    for (auto a : {Fallback::Action::NextStrategy, Fallback::Action::Hold, Fallback::Action::Backorder,
                   Fallback::Action::Cancel})
        codes << fallbackActionCode(a);
    return codes;
}

qint64 moneyValue(const QJsonValue& value, const QString& path, const QString& currency) {
    const QString text = string(value, path);
    const auto minor = Money::parseMinor(text, currency);
    if (!minor || *minor < 0)
        throw Error::input(
            u"%1: must be an amount of zero or more in %2 as a decimal string, e.g. \"4.00\""_s.arg(
                path, currency));
    return *minor;
}

StrategyConditions readConditions(const QJsonObject& o, const QString& path, const QString& currency) {
    allowKeys(o, path,
              {u"channels"_s, u"delivery"_s, u"min_priority"_s, u"min_order_value"_s, u"max_order_value"_s,
               u"countries"_s, u"regions"_s, u"sku_tags"_s});
    StrategyConditions when;
    if (present(o, u"channels"_s)) {
        const QString p = member(path, u"channels"_s);
        const QJsonArray items = array(o.value(u"channels"_s), p);
        for (qsizetype i = 0; i < items.size(); ++i) {
            const Channel c = code<Channel>(items.at(i), element(p, i), channelFromCode, channelCodes());
            if (when.channels.contains(c))
                throw Error::input(u"%1: \"%2\" is listed twice"_s.arg(element(p, i), channelCode(c)));
            when.channels << c;
        }
    }
    if (present(o, u"delivery"_s))
        when.delivery = code<DeliveryMethod>(o.value(u"delivery"_s), member(path, u"delivery"_s),
                                             deliveryMethodFromCode, {u"ship"_s, u"pickup"_s});
    if (present(o, u"min_priority"_s))
        when.minPriority =
            int(integer(o.value(u"min_priority"_s), member(path, u"min_priority"_s), -intMax, intMax));
    if (present(o, u"min_order_value"_s))
        when.minOrderValueMinor =
            moneyValue(o.value(u"min_order_value"_s), member(path, u"min_order_value"_s), currency);
    if (present(o, u"max_order_value"_s))
        when.maxOrderValueMinor =
            moneyValue(o.value(u"max_order_value"_s), member(path, u"max_order_value"_s), currency);
    if (when.minOrderValueMinor && when.maxOrderValueMinor &&
        *when.minOrderValueMinor > *when.maxOrderValueMinor)
        throw Error::input(u"%1: is less than min_order_value"_s.arg(member(path, u"max_order_value"_s)));
    if (present(o, u"countries"_s)) {
        const QString p = member(path, u"countries"_s);
        when.countries = stringList(o.value(u"countries"_s), p);
        for (qsizetype i = 0; i < when.countries.size(); ++i) {
            const QString& c = when.countries.at(i);
            if (c.size() != 2 || c.toUpper() != c)
                throw Error::input(
                    u"%1: \"%2\" is not an ISO 3166-1 alpha-2 country code such as \"US\""_s.arg(
                        element(p, i), c));
        }
    }
    if (present(o, u"regions"_s))
        when.regions = stringList(o.value(u"regions"_s), member(path, u"regions"_s));
    if (present(o, u"sku_tags"_s))
        when.skuTags = stringList(o.value(u"sku_tags"_s), member(path, u"sku_tags"_s));
    return when;
}

LocationFilters readFilters(const QJsonObject& o, const QString& path) {
    allowKeys(o, path,
              {u"types"_s, u"groups"_s, u"max_distance_km"_s, u"require_capacity"_s, u"require_shipping"_s,
               u"require_pickup"_s, u"excluded_locations"_s, u"min_atp_after_safety"_s});
    LocationFilters f;
    if (present(o, u"types"_s)) {
        const QString p = member(path, u"types"_s);
        const QJsonArray items = array(o.value(u"types"_s), p);
        for (qsizetype i = 0; i < items.size(); ++i) {
            const LocationType t =
                code<LocationType>(items.at(i), element(p, i), locationTypeFromCode, locationTypeCodes());
            if (f.types.contains(t))
                throw Error::input(u"%1: \"%2\" is listed twice"_s.arg(element(p, i), locationTypeCode(t)));
            f.types << t;
        }
    }
    if (present(o, u"groups"_s))
        f.groups = stringList(o.value(u"groups"_s), member(path, u"groups"_s));
    if (present(o, u"max_distance_km"_s)) {
        const QString p = member(path, u"max_distance_km"_s);
        const QJsonValue v = o.value(u"max_distance_km"_s);
        if (!v.isDouble() || !(v.toDouble() > 0) || v.toDouble() > 40100)
            throw Error::input(p + u": must be a positive number (km, at most 40100)"_s);
        f.maxDistanceKm = v.toDouble();
    }
    if (o.contains(u"require_capacity"_s))
        f.requireCapacity = boolean(o.value(u"require_capacity"_s), member(path, u"require_capacity"_s));
    if (o.contains(u"require_shipping"_s))
        f.requireShipping = boolean(o.value(u"require_shipping"_s), member(path, u"require_shipping"_s));
    if (o.contains(u"require_pickup"_s))
        f.requirePickup = boolean(o.value(u"require_pickup"_s), member(path, u"require_pickup"_s));
    if (present(o, u"excluded_locations"_s))
        f.excludedLocations =
            stringList(o.value(u"excluded_locations"_s), member(path, u"excluded_locations"_s));
    if (o.contains(u"min_atp_after_safety"_s))
        f.minAtpAfterSafety =
            integer(o.value(u"min_atp_after_safety"_s), member(path, u"min_atp_after_safety"_s), 0,
                    std::numeric_limits<qint32>::max());
    return f;
}

QList<CriterionWeight> readRanking(const QJsonValue& value, const QString& path) {
    const QJsonArray items = array(value, path);
    QList<CriterionWeight> ranking;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString p = element(path, i);
        const QJsonObject o = object(items.at(i), p);
        allowKeys(o, p, {u"criterion"_s, u"weight"_s});
        CriterionWeight w;
        w.criterion = code<Criterion>(o.value(u"criterion"_s), member(p, u"criterion"_s), criterionFromCode,
                                      criterionCodes());
        for (const CriterionWeight& earlier : std::as_const(ranking))
            if (earlier.criterion == w.criterion)
                throw Error::input(u"%1: \"%2\" is ranked twice"_s.arg(member(p, u"criterion"_s),
                                                                       criterionCode(w.criterion)));
        if (o.contains(u"weight"_s)) {
            const QJsonValue v = o.value(u"weight"_s);
            if (!v.isDouble() || !(v.toDouble() >= 0) || v.toDouble() > 1e9)
                throw Error::input(member(p, u"weight"_s) + u": must be a number of zero or more"_s);
            w.weight = v.toDouble();
        }
        ranking << w;
    }
    return ranking;
}

SplitPolicy readSplit(const QJsonObject& o, const QString& path) {
    allowKeys(o, path, {u"mode"_s, u"max_shipments"_s, u"shortage"_s});
    SplitPolicy split;
    if (o.contains(u"mode"_s)) {
        const QString p = member(path, u"mode"_s);
        split.mode = code<SplitPolicy::Mode>(o.value(u"mode"_s), p,
                                             [](QStringView c) -> std::optional<SplitPolicy::Mode> {
                                                 if (c == u"split"_s)
                                                     return SplitPolicy::Mode::Split;
                                                 if (c == u"single_location"_s)
                                                     return SplitPolicy::Mode::SingleLocation;
                                                 return std::nullopt;
                                             },
                                             {u"single_location"_s, u"split"_s});
    }
    if (o.contains(u"max_shipments"_s))
        split.maxShipments =
            int(integer(o.value(u"max_shipments"_s), member(path, u"max_shipments"_s), 0, 1000));
    if (split.mode == SplitPolicy::Mode::SingleLocation && split.maxShipments > 1)
        throw Error::input(member(path, u"max_shipments"_s) +
                           u": must be 0 or 1 with mode single_location"_s);
    if (o.contains(u"shortage"_s)) {
        split.shortage =
            code<SplitPolicy::Shortage>(o.value(u"shortage"_s), member(path, u"shortage"_s),
                                        [](QStringView c) -> std::optional<SplitPolicy::Shortage> {
                                            if (c == u"ship_complete"_s)
                                                return SplitPolicy::Shortage::ShipComplete;
                                            if (c == u"ship_available"_s)
                                                return SplitPolicy::Shortage::ShipAvailable;
                                            return std::nullopt;
                                        },
                                        {u"ship_complete"_s, u"ship_available"_s});
    }
    return split;
}

Fallback readFallback(const QJsonObject& o, const QString& path) {
    allowKeys(o, path, {u"action"_s, u"cancel_after_days"_s});
    Fallback fallback;
    if (o.contains(u"action"_s))
        fallback.action = code<Fallback::Action>(o.value(u"action"_s), member(path, u"action"_s),
                                                 fallbackActionFromCode, fallbackCodes());
    if (o.contains(u"cancel_after_days"_s))
        fallback.cancelAfterDays =
            int(integer(o.value(u"cancel_after_days"_s), member(path, u"cancel_after_days"_s), 0, 3650));
    if (fallback.action == Fallback::Action::Cancel && fallback.cancelAfterDays < 1)
        throw Error::input(member(path, u"cancel_after_days"_s) +
                           u": must be at least 1 with action cancel"_s);
    return fallback;
}

Strategy readStrategy(const QJsonObject& o, const QString& path, const QString& currency) {
    allowKeys(o, path,
              {u"name"_s, u"when"_s, u"filters"_s, u"ranking"_s, u"split"_s, u"fallback"_s,
               u"nearest_pickup_allowed"_s});
    Strategy s;
    s.name = nonEmptyString(o.value(u"name"_s), member(path, u"name"_s));
    if (present(o, u"when"_s))
        s.when = readConditions(object(o.value(u"when"_s), member(path, u"when"_s)), member(path, u"when"_s),
                                currency);
    if (present(o, u"filters"_s))
        s.filters = readFilters(object(o.value(u"filters"_s), member(path, u"filters"_s)),
                                member(path, u"filters"_s));
    if (present(o, u"ranking"_s))
        s.ranking = readRanking(o.value(u"ranking"_s), member(path, u"ranking"_s));
    if (present(o, u"split"_s))
        s.split = readSplit(object(o.value(u"split"_s), member(path, u"split"_s)), member(path, u"split"_s));
    if (present(o, u"fallback"_s))
        s.fallback = readFallback(object(o.value(u"fallback"_s), member(path, u"fallback"_s)),
                                  member(path, u"fallback"_s));
    if (o.contains(u"nearest_pickup_allowed"_s))
        s.nearestPickupAllowed =
            boolean(o.value(u"nearest_pickup_allowed"_s), member(path, u"nearest_pickup_allowed"_s));
    return s;
}

CostModel readCosts(const QJsonObject& o, const QString& currency) {
    const QString path = u"costs"_s;
    allowKeys(o, path, locationTypeCodes() << u"split_penalty"_s);
    CostModel costs = CostModel::defaults();
    // A cost model without a split penalty was written before there was one: it keeps routing as it did.
    costs.splitPenaltyMinor = 0;
    if (present(o, u"split_penalty"_s))
        costs.splitPenaltyMinor =
            moneyValue(o.value(u"split_penalty"_s), member(path, u"split_penalty"_s), currency);
    const int digits = Money::minorDigits(currency);
    for (LocationType t : allLocationTypes) {
        const QString p = member(path, locationTypeCode(t));
        if (!present(o, locationTypeCode(t)))
            continue;
        const QJsonObject entry = object(o.value(locationTypeCode(t)), p);
        allowKeys(entry, p, {u"base_fee"_s, u"per_km"_s});
        LocationTypeCost& cost = costs.byType[size_t(t)];
        if (entry.contains(u"base_fee"_s))
            cost.baseFeeMinor = moneyValue(entry.value(u"base_fee"_s), member(p, u"base_fee"_s), currency);
        if (entry.contains(u"per_km"_s)) {
            const QString rp = member(p, u"per_km"_s);
            const auto rate = parseScaled(string(entry.value(u"per_km"_s), rp), digits + 3);
            if (!rate)
                throw Error::input(
                    u"%1: must be a rate of zero or more in %2 a km as a decimal string with at most %3 "
                    "decimals, e.g. \"0.012\""_s.arg(rp, currency)
                        .arg(digits + 3));
            cost.perKmMilliMinor = *rate;
        }
    }
    return costs;
}

QHash<OrderStatus, int> readStateLimits(const QJsonObject& o) {
    const QString path = u"state_limit_hours"_s;
    QHash<OrderStatus, int> limits;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString p = member(path, it.key());
        const auto status = orderStatusFromCode(it.key());
        if (!status)
            throw Error::input(
                u"%1: unknown order state (expected one of: %2)"_s.arg(p, orderStatusCodes().join(u", "_s)));
        limits.insert(*status, int(integer(it.value(), p, 1, 24 * 3650)));
    }
    return limits;
}

void readMetadata(const QJsonObject& o, RuleSet& rules) {
    if (present(o, u"version"_s))
        rules.version = int(integer(o.value(u"version"_s), u"version"_s, 0, intMax));
    if (present(o, u"state"_s))
        rules.state = code<RuleSetState>(o.value(u"state"_s), u"state"_s, ruleSetStateFromCode,
                                         {u"draft"_s, u"active"_s, u"archived"_s});
    if (present(o, u"author"_s))
        rules.author = string(o.value(u"author"_s), u"author"_s);
    if (present(o, u"comment"_s))
        rules.comment = string(o.value(u"comment"_s), u"comment"_s);
    for (const auto& [key, target] :
         {std::pair{u"created_at"_s, &rules.createdAt}, std::pair{u"published_at"_s, &rules.publishedAt}}) {
        if (!present(o, key))
            continue;
        const QDateTime t = QDateTime::fromString(string(o.value(key), key), Qt::ISODateWithMs);
        if (!t.isValid())
            throw Error::input(key + u": must be an ISO 8601 time such as \"2026-11-02T14:30:00.000Z\""_s);
        *target = t.toUTC();
    }
}

} // namespace

namespace RuleSetJson {

QJsonObject toJson(const RuleSet& rules, bool withMetadata) {
    QJsonObject costs;
    const int digits = Money::minorDigits(rules.currency);
    for (LocationType t : allLocationTypes) {
        const LocationTypeCost& c = rules.costs.forType(t);
        costs.insert(locationTypeCode(t),
                     QJsonObject{{u"base_fee"_s, money(c.baseFeeMinor, rules.currency)},
                                 {u"per_km"_s, formatScaled(c.perKmMilliMinor, digits + 3, digits + 1)}});
    }
    costs.insert(u"split_penalty"_s, money(rules.costs.splitPenaltyMinor, rules.currency));
    QJsonArray strategies;
    for (const Strategy& s : rules.strategies)
        strategies.append(strategyToJson(s, rules.currency));
    QJsonObject limits;
    for (auto it = rules.stateLimitHours.cbegin(); it != rules.stateLimitHours.cend(); ++it)
        limits.insert(orderStatusCode(it.key()), it.value());
    QJsonObject o{
        {u"currency"_s, rules.currency},
        {u"costs"_s, costs},
        {u"strategies"_s, strategies},
        {u"location_priority"_s, QJsonArray::fromStringList(rules.locationPriority)},
        {u"state_limit_hours"_s, limits},
    };
    if (withMetadata) {
        o.insert(u"version"_s, rules.version);
        o.insert(u"state"_s, ruleSetStateCode(rules.state));
        o.insert(u"author"_s, rules.author);
        o.insert(u"created_at"_s, timeOrNull(rules.createdAt));
        o.insert(u"published_at"_s, timeOrNull(rules.publishedAt));
        o.insert(u"comment"_s, rules.comment);
    }
    return o;
}

RuleSet fromJson(const QJsonObject& o) {
    allowKeys(o, QString(),
              {u"currency"_s, u"costs"_s, u"strategies"_s, u"location_priority"_s, u"state_limit_hours"_s,
               u"version"_s, u"state"_s, u"author"_s, u"created_at"_s, u"published_at"_s, u"comment"_s});
    RuleSet rules;
    rules.strategies.clear();
    readMetadata(o, rules);
    if (present(o, u"currency"_s)) {
        rules.currency = string(o.value(u"currency"_s), u"currency"_s);
        if (!isCurrencyCode(rules.currency))
            throw Error::input(
                u"currency: \"%1\" is not an ISO 4217 code such as \"USD\""_s.arg(rules.currency));
    }
    if (present(o, u"costs"_s))
        rules.costs = readCosts(object(o.value(u"costs"_s), u"costs"_s), rules.currency);
    const QJsonArray strategies = array(o.value(u"strategies"_s), u"strategies"_s);
    if (strategies.isEmpty())
        throw Error::input(u"strategies: needs at least one strategy"_s);
    // Names are told apart ignoring case, through a hash: a file of many strategies reads in linear time.
    QHash<QString, qsizetype> names; // case-folded name -> index of its strategy
    for (qsizetype i = 0; i < strategies.size(); ++i) {
        const QString p = element(u"strategies"_s, i);
        Strategy s = readStrategy(object(strategies.at(i), p), p, rules.currency);
        if (const auto before = names.constFind(s.name.toCaseFolded()); before != names.cend())
            throw Error::input(
                u"%1: \"%2\" is already the name of strategies[%3]"_s.arg(member(p, u"name"_s), s.name)
                    .arg(*before));
        names.insert(s.name.toCaseFolded(), i);
        rules.strategies << s;
    }
    if (present(o, u"location_priority"_s))
        rules.locationPriority = stringList(o.value(u"location_priority"_s), u"location_priority"_s);
    if (present(o, u"state_limit_hours"_s))
        rules.stateLimitHours =
            readStateLimits(object(o.value(u"state_limit_hours"_s), u"state_limit_hours"_s));
    return rules;
}

QByteArray toBytes(const RuleSet& rules, bool withMetadata) {
    return QJsonDocument(toJson(rules, withMetadata)).toJson(QJsonDocument::Indented);
}

RuleSet fromBytes(const QByteArray& document) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(document, &error);
    if (error.error != QJsonParseError::NoError)
        throw Error::input(u"not valid JSON at offset %1: %2"_s.arg(error.offset).arg(error.errorString()));
    if (!doc.isObject())
        throw Error::input(u"a rule set is a JSON object"_s);
    return fromJson(doc.object());
}

} // namespace RuleSetJson

} // namespace ordo
