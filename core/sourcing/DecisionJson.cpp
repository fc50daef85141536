#include "DecisionJson.h"

#include "Error.h"
#include "model/Money.h"
#include "sourcing/JsonFields.h"

#include <QDateTime>
#include <QJsonArray>

#include <limits>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

using namespace ordo::json;

constexpr qint64 int64Max = std::numeric_limits<qint64>::max();

QString money(qint64 minor, const QString& currency) {
    return Money{minor, currency.isEmpty() ? u"USD"_s : currency}.toDecimalString();
}

QJsonArray linesToJson(const QList<ShipmentLine>& lines) {
    QJsonArray a;
    for (const ShipmentLine& l : lines)
        a.append(QJsonObject{
            {u"line"_s, l.lineNo}, {u"sku"_s, l.skuCode}, {u"quantity"_s, QJsonValue(l.quantity)}});
    return a;
}

QJsonArray shipmentsToJson(const QList<Shipment>& shipments, const QString& currency) {
    QJsonArray a;
    for (const Shipment& s : shipments)
        a.append(QJsonObject{{u"location_id"_s, s.locationCode},
                             {u"lines"_s, linesToJson(s.lines)},
                             {u"distance_km"_s, s.distanceKm},
                             {u"cost"_s, money(s.costMinor, currency)}});
    return a;
}

QJsonObject candidateToJson(const CandidateLocation& c, const QString& currency) {
    QStringList reasons;
    QJsonArray filters;
    for (const FilterVerdict& f : c.filters) {
        filters.append(QJsonObject{{u"filter"_s, f.filter}, {u"passed"_s, f.passed}, {u"value"_s, f.value}});
        if (!f.passed)
            reasons << (f.value.isEmpty() ? f.filter : f.filter + u": "_s + f.value);
    }
    if (!c.chosen && !c.notChosen.isEmpty() && !reasons.contains(c.notChosen))
        reasons << c.notChosen;
    QJsonObject scores;
    QJsonArray criteria;
    for (const CriterionScore& s : c.scores) {
        scores.insert(criterionCode(s.criterion), s.score);
        criteria.append(QJsonObject{
            {u"criterion"_s, criterionCode(s.criterion)}, {u"value"_s, s.value}, {u"score"_s, s.score}});
    }
    QJsonArray lines;
    for (int no : c.coverableLines)
        lines.append(no);
    return QJsonObject{
        {u"location_id"_s, c.locationCode},
        {u"eligible"_s, c.eligible},
        {u"reasons"_s, QJsonArray::fromStringList(reasons)},
        {u"scores"_s, scores},
        {u"filters"_s, filters},
        {u"criteria"_s, criteria},
        {u"total_score"_s, c.totalScore},
        {u"distance_km"_s, c.distanceKm},
        {u"cost"_s, money(c.costMinor, currency)},
        {u"coverable_lines"_s, lines},
        {u"chosen"_s, c.chosen},
        {u"not_chosen"_s, c.notChosen},
    };
}

QJsonArray notConsideredToJson(const QList<NotConsidered>& groups) {
    QJsonArray a;
    for (const NotConsidered& g : groups)
        a.append(QJsonObject{{u"reason"_s, g.reason},
                             {u"location_ids"_s, QJsonArray::fromStringList(g.locations.codes())}});
    return a;
}

// Reading
// --------------------------------------------------------------------------------------------------------

qint64 moneyAt(const QJsonObject& o, const QString& key, const QString& path, const QString& currency) {
    const QString p = member(path, key);
    const auto minor = Money::parseMinor(string(o.value(key), p), currency.isEmpty() ? u"USD"_s : currency);
    if (!minor)
        throw Error::input(p + u": must be an amount as a decimal string"_s);
    return *minor;
}

Criterion criterionAt(const QJsonValue& v, const QString& path) {
    const auto c = criterionFromCode(string(v, path));
    if (!c)
        throw Error::input(u"%1: unknown criterion \"%2\""_s.arg(path, v.toString()));
    return *c;
}

QList<ShipmentLine> readLines(const QJsonValue& v, const QString& path) {
    QList<ShipmentLine> lines;
    const QJsonArray a = array(v, path);
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString p = element(path, i);
        const QJsonObject o = object(a.at(i), p);
        lines << ShipmentLine{int(integer(o.value(u"line"_s), member(p, u"line"_s), 0, 1000000)),
                              string(o.value(u"sku"_s), member(p, u"sku"_s)),
                              integer(o.value(u"quantity"_s), member(p, u"quantity"_s), 0, int64Max)};
    }
    return lines;
}

QList<Shipment> readShipments(const QJsonValue& v, const QString& path, const QString& currency) {
    QList<Shipment> shipments;
    const QJsonArray a = array(v, path);
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString p = element(path, i);
        const QJsonObject o = object(a.at(i), p);
        shipments << Shipment{string(o.value(u"location_id"_s), member(p, u"location_id"_s)),
                              readLines(o.value(u"lines"_s), member(p, u"lines"_s)),
                              number(o.value(u"distance_km"_s), member(p, u"distance_km"_s)),
                              moneyAt(o, u"cost"_s, p, currency)};
    }
    return shipments;
}

CandidateLocation readCandidate(const QJsonObject& o, const QString& p, const QString& currency) {
    CandidateLocation c;
    c.locationCode = string(o.value(u"location_id"_s), member(p, u"location_id"_s));
    c.eligible = boolean(o.value(u"eligible"_s), member(p, u"eligible"_s));
    const QJsonArray filters = array(o.value(u"filters"_s), member(p, u"filters"_s));
    for (qsizetype i = 0; i < filters.size(); ++i) {
        const QString fp = element(member(p, u"filters"_s), i);
        const QJsonObject f = object(filters.at(i), fp);
        c.filters << FilterVerdict{string(f.value(u"filter"_s), member(fp, u"filter"_s)),
                                   boolean(f.value(u"passed"_s), member(fp, u"passed"_s)),
                                   string(f.value(u"value"_s), member(fp, u"value"_s))};
    }
    const QJsonArray criteria = array(o.value(u"criteria"_s), member(p, u"criteria"_s));
    for (qsizetype i = 0; i < criteria.size(); ++i) {
        const QString cp = element(member(p, u"criteria"_s), i);
        const QJsonObject s = object(criteria.at(i), cp);
        c.scores << CriterionScore{criterionAt(s.value(u"criterion"_s), member(cp, u"criterion"_s)),
                                   number(s.value(u"value"_s), member(cp, u"value"_s)),
                                   number(s.value(u"score"_s), member(cp, u"score"_s))};
    }
    c.totalScore = number(o.value(u"total_score"_s), member(p, u"total_score"_s));
    c.distanceKm = number(o.value(u"distance_km"_s), member(p, u"distance_km"_s));
    c.costMinor = moneyAt(o, u"cost"_s, p, currency);
    const QJsonArray lines = array(o.value(u"coverable_lines"_s), member(p, u"coverable_lines"_s));
    for (qsizetype i = 0; i < lines.size(); ++i)
        c.coverableLines << int(
            integer(lines.at(i), element(member(p, u"coverable_lines"_s), i), 0, 1000000));
    c.chosen = boolean(o.value(u"chosen"_s), member(p, u"chosen"_s));
    c.notChosen = string(o.value(u"not_chosen"_s), member(p, u"not_chosen"_s));
    return c;
}

QList<NotConsidered> readNotConsidered(const QJsonValue& v) {
    const QString path = u"not_considered"_s;
    QList<NotConsidered> groups;
    // Decisions stored before every location was accounted for have no such member.
    if (v.isUndefined() || v.isNull())
        return groups;
    const QJsonArray a = array(v, path);
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString p = element(path, i);
        const QJsonObject o = object(a.at(i), p);
        groups << NotConsidered{
            string(o.value(u"reason"_s), member(p, u"reason"_s)),
            LocationSet(stringList(o.value(u"location_ids"_s), member(p, u"location_ids"_s),
                                   /*unique=*/false))};
    }
    return groups;
}

} // namespace

namespace DecisionJson {

QJsonObject toJson(const Decision& d) {
    QJsonArray candidates;
    for (const CandidateLocation& c : d.candidates)
        candidates.append(candidateToJson(c, d.currency));
    QJsonArray strategies;
    for (const StrategyTrace& s : d.strategies)
        strategies.append(
            QJsonObject{{u"name"_s, s.name}, {u"applied"_s, s.applied}, {u"reason"_s, s.reason}});
    QJsonValue runnerUp;
    if (d.runnerUp)
        runnerUp = QJsonObject{{u"shipments"_s, shipmentsToJson(d.runnerUp->shipments, d.currency)},
                               {u"total_cost"_s, money(d.runnerUp->totalCostMinor, d.currency)},
                               {u"objective"_s, d.runnerUp->objective},
                               {u"why"_s, d.runnerUp->why}};
    QJsonObject o{
        {u"order_id"_s, d.orderNumber},
        {u"outcome"_s, routingOutcomeCode(d.outcome)},
        {u"shipments"_s, shipmentsToJson(d.shipments, d.currency)},
        {u"total_cost"_s, money(d.totalCostMinor, d.currency)},
        {u"candidates"_s, candidates},
        {u"not_considered"_s, notConsideredToJson(d.notConsidered)},
        {u"rule_version"_s, d.ruleVersion},
        {u"currency"_s, d.currency},
        {u"strategy"_s, d.strategy},
        {u"strategies"_s, strategies},
        {u"reason"_s, d.reason},
        {u"unfilled"_s, linesToJson(d.unfilled)},
        {u"objective"_s, d.objective},
        {u"exact"_s, d.exact},
        {u"runner_up"_s, runnerUp},
        {u"decided_at"_s, QDateTime::fromMSecsSinceEpoch(d.decidedAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {u"method"_s, searchMethodCode(d.method)},
        {u"bound"_s, d.bound ? QJsonValue(*d.bound) : QJsonValue()},
        {u"gap"_s, d.gap ? QJsonValue(*d.gap) : QJsonValue()},
    };
    if (d.solverMs > 0)
        o.insert(u"solver_ms"_s, d.solverMs);
    return o;
}

Decision fromJson(const QJsonObject& o) {
    Decision d;
    d.orderNumber = string(o.value(u"order_id"_s), u"order_id"_s);
    const QString outcome = string(o.value(u"outcome"_s), u"outcome"_s);
    const auto parsed = routingOutcomeFromCode(outcome);
    if (!parsed)
        throw Error::input(u"outcome: unknown outcome \"%1\""_s.arg(outcome));
    d.outcome = *parsed;
    d.currency = string(o.value(u"currency"_s), u"currency"_s);
    d.shipments = readShipments(o.value(u"shipments"_s), u"shipments"_s, d.currency);
    d.totalCostMinor = moneyAt(o, u"total_cost"_s, QString(), d.currency);
    const QJsonArray candidates = array(o.value(u"candidates"_s), u"candidates"_s);
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const QString p = element(u"candidates"_s, i);
        d.candidates << readCandidate(object(candidates.at(i), p), p, d.currency);
    }
    d.notConsidered = readNotConsidered(o.value(u"not_considered"_s));
    d.ruleVersion =
        int(integer(o.value(u"rule_version"_s), u"rule_version"_s, 0, std::numeric_limits<int>::max()));
    d.strategy = string(o.value(u"strategy"_s), u"strategy"_s);
    const QJsonArray strategies = array(o.value(u"strategies"_s), u"strategies"_s);
    for (qsizetype i = 0; i < strategies.size(); ++i) {
        const QString p = element(u"strategies"_s, i);
        const QJsonObject s = object(strategies.at(i), p);
        d.strategies << StrategyTrace{string(s.value(u"name"_s), member(p, u"name"_s)),
                                      boolean(s.value(u"applied"_s), member(p, u"applied"_s)),
                                      string(s.value(u"reason"_s), member(p, u"reason"_s))};
    }
    d.reason = string(o.value(u"reason"_s), u"reason"_s);
    d.unfilled = readLines(o.value(u"unfilled"_s), u"unfilled"_s);
    d.objective = number(o.value(u"objective"_s), u"objective"_s);
    d.exact = boolean(o.value(u"exact"_s), u"exact"_s);
    // Decisions stored before the method, bound and gap were kept: exact or the bounded search, nothing
    // proven.
    d.method = d.exact ? SearchMethod::Exact : SearchMethod::Heuristic;
    if (o.contains(u"method"_s)) {
        const QString method = string(o.value(u"method"_s), u"method"_s);
        const auto parsedMethod = searchMethodFromCode(method);
        if (!parsedMethod)
            throw Error::input(u"method: unknown search method \"%1\""_s.arg(method));
        d.method = *parsedMethod;
    }
    if (!o.value(u"bound"_s).isUndefined() && !o.value(u"bound"_s).isNull())
        d.bound = number(o.value(u"bound"_s), u"bound"_s);
    if (!o.value(u"gap"_s).isUndefined() && !o.value(u"gap"_s).isNull())
        d.gap = number(o.value(u"gap"_s), u"gap"_s);
    if (o.contains(u"solver_ms"_s))
        d.solverMs =
            int(integer(o.value(u"solver_ms"_s), u"solver_ms"_s, 0, std::numeric_limits<int>::max()));
    if (!o.value(u"runner_up"_s).isNull()) {
        const QJsonObject r = object(o.value(u"runner_up"_s), u"runner_up"_s);
        d.runnerUp = RunnerUp{readShipments(r.value(u"shipments"_s), u"runner_up.shipments"_s, d.currency),
                              moneyAt(r, u"total_cost"_s, u"runner_up"_s, d.currency),
                              number(r.value(u"objective"_s), u"runner_up.objective"_s),
                              string(r.value(u"why"_s), u"runner_up.why"_s)};
    }
    const QDateTime at =
        QDateTime::fromString(string(o.value(u"decided_at"_s), u"decided_at"_s), Qt::ISODateWithMs);
    if (!at.isValid())
        throw Error::input(u"decided_at: must be an ISO 8601 time"_s);
    d.decidedAtMs = at.toMSecsSinceEpoch();
    return d;
}

} // namespace DecisionJson

} // namespace ordo
