// Rule sets as JSON (core/sourcing/RuleSetJson.h): a rich rule set survives the round trip; the documented
// shape of money and rates; every kind of mistake is refused with the JSON path that names it.
#include "Error.h"
#include "model/Money.h"
#include "sourcing/RuleSetJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestRuleSetJson : public QObject {
    Q_OBJECT
private slots:
    void richRuleSetRoundTrips();
    void writesMoneyAndRatesAsDecimalStrings();
    void minimalDocumentTakesTheDefaults();
    void splitPenalty_data();
    void splitPenalty();
    void ratesAreExact_data();
    void ratesAreExact();
    void refusesBadDocuments_data();
    void refusesBadDocuments();
    void refusesWhatIsNotJson();
    void largeDocumentsAreReadWhole();
};

namespace {

RuleSet richRuleSet() {
    RuleSet rules;
    rules.version = 7;
    rules.state = RuleSetState::Active;
    rules.author = u"ana"_s;
    rules.createdAt = QDateTime(QDate(2026, 11, 2), QTime(14, 30, 5, 123), Qt::UTC);
    rules.publishedAt = QDateTime(QDate(2026, 11, 3), QTime(9, 0), Qt::UTC);
    rules.comment = u"stores first for the city"_s;
    rules.currency = u"EUR"_s;
    rules.costs.byType[size_t(LocationType::Store)] = {650, 1250};
    rules.costs.byType[size_t(LocationType::Dropship)] = {0, 0};
    rules.locationPriority = {u"DC-EAST"_s, u"ST-NYC"_s};
    rules.stateLimitHours.insert(OrderStatus::Validated, 4);
    rules.stateLimitHours.insert(OrderStatus::Exception, 48);

    Strategy city;
    city.name = u"City stores"_s;
    city.when.channels = {Channel::Web, Channel::App};
    city.when.delivery = DeliveryMethod::Ship;
    city.when.minPriority = 2;
    city.when.minOrderValueMinor = 1000;
    city.when.maxOrderValueMinor = 250050;
    city.when.countries = {u"US"_s};
    city.when.regions = {u"NY"_s, u"NJ"_s};
    city.when.skuTags = {u"fragile"_s};
    city.filters.types = {LocationType::Store, LocationType::Dc};
    city.filters.groups = {u"EAST"_s};
    city.filters.maxDistanceKm = 80.5;
    city.filters.requireCapacity = false;
    city.filters.requireShipping = true;
    city.filters.requirePickup = false;
    city.filters.excludedLocations = {u"ST-BOS"_s};
    city.filters.minAtpAfterSafety = 3;
    city.ranking = {
        {Criterion::Distance, 2.5}, {Criterion::TotalCost, 1.0}, {Criterion::InventoryBalance, 0.25}};
    city.split = {SplitPolicy::Mode::SingleLocation, 1, SplitPolicy::Shortage::ShipAvailable};
    city.fallback = {Fallback::Action::NextStrategy, 0};
    city.nearestPickupAllowed = true;

    Strategy rest;
    rest.name = u"Everything else"_s;
    rest.ranking = {{Criterion::TotalCost, 1.0},
                    {Criterion::FewestShipments, 0.5},
                    {Criterion::TransitDays, 0.1},
                    {Criterion::LocationPriority, 0.01}};
    rest.split = {SplitPolicy::Mode::Split, 3, SplitPolicy::Shortage::ShipComplete};
    rest.fallback = {Fallback::Action::Cancel, 14};
    rules.strategies = {city, rest};
    return rules;
}

QByteArray withStrategy(const QByteArray& strategyBody) {
    return "{\"strategies\": [{\"name\": \"A\"}, {\"name\": \"B\", " + strategyBody + "}]}";
}

} // namespace

void TestRuleSetJson::richRuleSetRoundTrips() {
    const RuleSet rules = richRuleSet();
    const RuleSet back = RuleSetJson::fromBytes(RuleSetJson::toBytes(rules));
    QCOMPARE(back.version, 7);
    QCOMPARE(back.state, RuleSetState::Active);
    QCOMPARE(back.author, u"ana"_s);
    QCOMPARE(back.createdAt, rules.createdAt);
    QCOMPARE(back.publishedAt, rules.publishedAt);
    QCOMPARE(back.comment, rules.comment);
    QCOMPARE(back.currency, u"EUR"_s);
    QVERIFY(back.costs == rules.costs);
    QCOMPARE(back.costs.forType(LocationType::Store).perKmMilliMinor, 1250);
    QCOMPARE(back.locationPriority, rules.locationPriority);
    QCOMPARE(back.stateLimitHours, rules.stateLimitHours);
    QCOMPARE(back.strategies.size(), 2);
    QVERIFY(back.strategies.at(0) == rules.strategies.at(0));
    QVERIFY(back.strategies.at(1) == rules.strategies.at(1));

    // Without metadata, only the rules themselves travel.
    const QJsonObject bare = RuleSetJson::toJson(rules, false);
    QVERIFY(!bare.contains(u"version"_s));
    QVERIFY(!bare.contains(u"author"_s));
    const RuleSet fromBare = RuleSetJson::fromJson(bare);
    QCOMPARE(fromBare.version, 0);
    QVERIFY(fromBare.strategies == rules.strategies);
}

void TestRuleSetJson::writesMoneyAndRatesAsDecimalStrings() {
    RuleSet rules = richRuleSet();
    rules.currency = u"USD"_s;
    rules.costs = CostModel::defaults();
    const QJsonObject json = RuleSetJson::toJson(rules);
    const QJsonObject costs = json.value(u"costs"_s).toObject();
    QCOMPARE(costs.value(u"dc"_s).toObject().value(u"base_fee"_s).toString(), u"4.00"_s);
    QCOMPARE(costs.value(u"dc"_s).toObject().value(u"per_km"_s).toString(), u"0.010"_s);
    QCOMPARE(costs.value(u"3pl"_s).toObject().value(u"base_fee"_s).toString(), u"4.50"_s);
    QCOMPARE(costs.value(u"store"_s).toObject().value(u"base_fee"_s).toString(), u"6.00"_s);
    QCOMPARE(costs.value(u"store"_s).toObject().value(u"per_km"_s).toString(), u"0.012"_s);
    QCOMPARE(costs.value(u"dropship"_s).toObject().value(u"per_km"_s).toString(), u"0.015"_s);
    const QJsonObject city = json.value(u"strategies"_s).toArray().at(0).toObject();
    QCOMPARE(city.value(u"when"_s).toObject().value(u"min_order_value"_s).toString(), u"10.00"_s);
    QCOMPARE(city.value(u"when"_s).toObject().value(u"max_order_value"_s).toString(), u"2500.50"_s);
    QCOMPARE(city.value(u"filters"_s).toObject().value(u"max_distance_km"_s).toDouble(), 80.5);
    QCOMPARE(city.value(u"split"_s).toObject().value(u"mode"_s).toString(), u"single_location"_s);
    QCOMPARE(city.value(u"split"_s).toObject().value(u"shortage"_s).toString(), u"ship_available"_s);
    QCOMPARE(city.value(u"ranking"_s).toArray().at(0).toObject().value(u"criterion"_s).toString(),
             u"distance"_s);
    QCOMPARE(json.value(u"state_limit_hours"_s).toObject().value(u"validated"_s).toInt(), 4);
}

void TestRuleSetJson::minimalDocumentTakesTheDefaults() {
    const RuleSet rules = RuleSetJson::fromBytes("{\"strategies\": [{\"name\": \"Only\"}]}");
    QCOMPARE(rules.currency, u"USD"_s);
    QVERIFY(rules.costs == CostModel::defaults());
    QCOMPARE(rules.strategies.size(), 1);
    Strategy expected;
    expected.name = u"Only"_s;
    QVERIFY(rules.strategies.at(0) == expected);
    QVERIFY(rules.stateLimitHours.isEmpty());
}

void TestRuleSetJson::splitPenalty_data() {
    QTest::addColumn<QByteArray>("costs"); // the "costs" member, or nothing
    QTest::addColumn<qint64>("penaltyMinor");
    QTest::newRow("no cost model: every default, the penalty too")
        << QByteArray() << CostModel::defaultSplitPenaltyMinor;
    // Every stored rule set writes its cost model; one without a penalty was stored before there was one and
    // keeps routing as it did then.
    QTest::newRow("cost model stored before the penalty: none") << QByteArray("{\"dc\": {}}") << qint64(0);
    QTest::newRow("given") << QByteArray("{\"split_penalty\": \"7.50\"}") << qint64(750);
    QTest::newRow("given as zero") << QByteArray("{\"split_penalty\": \"0\"}") << qint64(0);
}

void TestRuleSetJson::splitPenalty() {
    QFETCH(QByteArray, costs);
    QFETCH(qint64, penaltyMinor);
    const QByteArray doc = "{" + (costs.isEmpty() ? QByteArray() : "\"costs\": " + costs + ", ") +
                           "\"strategies\": [{\"name\": \"A\"}]}";
    const RuleSet rules = RuleSetJson::fromBytes(doc);
    QCOMPARE(rules.costs.splitPenaltyMinor, penaltyMinor);
    const QJsonObject written = RuleSetJson::toJson(rules).value(u"costs"_s).toObject();
    const Money penalty{penaltyMinor, u"USD"_s};
    QCOMPARE(written.value(u"split_penalty"_s).toString(), penalty.toDecimalString());
    QVERIFY(RuleSetJson::fromJson(RuleSetJson::toJson(rules)).costs == rules.costs);
}

void TestRuleSetJson::ratesAreExact_data() {
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("milliMinor");
    QTest::addColumn<QString>("written");
    QTest::newRow("1.2 cents") << u"USD"_s << u"0.012"_s << 1200LL << u"0.012"_s;
    QTest::newRow("1.25 cents") << u"USD"_s << u"0.0125"_s << 1250LL << u"0.0125"_s;
    QTest::newRow("finest") << u"USD"_s << u"0.00001"_s << 1LL << u"0.00001"_s;
    QTest::newRow("whole") << u"USD"_s << u"2"_s << 200000LL << u"2.000"_s;
    QTest::newRow("zero") << u"USD"_s << u"0"_s << 0LL << u"0.000"_s;
    QTest::newRow("yen a km") << u"JPY"_s << u"1.5"_s << 1500LL << u"1.5"_s;
}

void TestRuleSetJson::ratesAreExact() {
    QFETCH(QString, currency);
    QFETCH(QString, text);
    QFETCH(qint64, milliMinor);
    QFETCH(QString, written);
    const QByteArray doc = "{\"currency\": \"" + currency.toUtf8() +
                           "\", \"costs\": {\"dc\": {\"per_km\": \"" + text.toUtf8() +
                           "\"}}, \"strategies\": [{\"name\": \"A\"}]}";
    const RuleSet rules = RuleSetJson::fromBytes(doc);
    QCOMPARE(rules.costs.forType(LocationType::Dc).perKmMilliMinor, milliMinor);
    QCOMPARE(RuleSetJson::toJson(rules)
                 .value(u"costs"_s)
                 .toObject()
                 .value(u"dc"_s)
                 .toObject()
                 .value(u"per_km"_s)
                 .toString(),
             written);
}

void TestRuleSetJson::refusesBadDocuments_data() {
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an object") << QByteArray("[1, 2]") << u"a rule set is a JSON object"_s;
    QTest::newRow("unknown top key") << QByteArray("{\"strategies\": [{\"name\": \"A\"}], \"colour\": 1}")
                                     << u"colour: unknown key"_s;
    QTest::newRow("no strategies") << QByteArray("{}") << u"strategies: must be an array, not missing"_s;
    QTest::newRow("empty strategies")
        << QByteArray("{\"strategies\": []}") << u"strategies: needs at least one strategy"_s;
    QTest::newRow("strategy not an object")
        << QByteArray("{\"strategies\": [\"A\"]}") << u"strategies[0]: must be an object, not a string"_s;
    QTest::newRow("strategy without name")
        << QByteArray("{\"strategies\": [{}]}") << u"strategies[0].name: must be a string, not missing"_s;
    QTest::newRow("blank name") << QByteArray("{\"strategies\": [{\"name\": \"  \"}]}")
                                << u"strategies[0].name: must not be empty"_s;
    QTest::newRow("duplicate strategy names")
        << QByteArray("{\"strategies\": [{\"name\": \"A\"}, {\"name\": \"B\"}, {\"name\": \"a\"}]}")
        << u"strategies[2].name: \"a\" is already the name of strategies[0]"_s;
    QTest::newRow("unknown strategy key")
        << withStrategy("\"split_policy\": {}") << u"strategies[1].split_policy: unknown key"_s;
    QTest::newRow("negative distance")
        << withStrategy("\"filters\": {\"max_distance_km\": -5}")
        << u"strategies[1].filters.max_distance_km: must be a positive number"_s;
    QTest::newRow("zero distance") << withStrategy("\"filters\": {\"max_distance_km\": 0}")
                                   << u"strategies[1].filters.max_distance_km: must be a positive number"_s;
    QTest::newRow("distance as text")
        << withStrategy("\"filters\": {\"max_distance_km\": \"800\"}")
        << u"strategies[1].filters.max_distance_km: must be a positive number"_s;
    QTest::newRow("unknown location type")
        << withStrategy("\"filters\": {\"types\": [\"dc\", \"warehouse\"]}")
        << u"strategies[1].filters.types[1]: unknown code \"warehouse\""_s;
    QTest::newRow("type twice") << withStrategy("\"filters\": {\"types\": [\"dc\", \"dc\"]}")
                                << u"strategies[1].filters.types[1]: \"dc\" is listed twice"_s;
    QTest::newRow("flag as number")
        << withStrategy("\"filters\": {\"require_capacity\": 1}")
        << u"strategies[1].filters.require_capacity: must be true or false, not a number"_s;
    QTest::newRow("negative min atp")
        << withStrategy("\"filters\": {\"min_atp_after_safety\": -1}")
        << u"strategies[1].filters.min_atp_after_safety: must be a whole number"_s;
    QTest::newRow("unknown filter") << withStrategy("\"filters\": {\"max_km\": 5}")
                                    << u"strategies[1].filters.max_km: unknown key"_s;
    QTest::newRow("unknown channel") << withStrategy("\"when\": {\"channels\": [\"fax\"]}")
                                     << u"strategies[1].when.channels[0]: unknown code \"fax\""_s;
    QTest::newRow("unknown delivery") << withStrategy("\"when\": {\"delivery\": \"drone\"}")
                                      << u"strategies[1].when.delivery: unknown code \"drone\""_s;
    QTest::newRow("order value as number")
        << withStrategy("\"when\": {\"min_order_value\": 10}")
        << u"strategies[1].when.min_order_value: must be a string, not a number"_s;
    QTest::newRow("order value too precise") << withStrategy("\"when\": {\"min_order_value\": \"10.001\"}")
                                             << u"strategies[1].when.min_order_value: must be an amount"_s;
    QTest::newRow("negative order value") << withStrategy("\"when\": {\"max_order_value\": \"-1.00\"}")
                                          << u"strategies[1].when.max_order_value: must be an amount"_s;
    QTest::newRow("min above max")
        << withStrategy("\"when\": {\"min_order_value\": \"9.00\", \"max_order_value\": \"8.00\"}")
        << u"strategies[1].when.max_order_value: is less than min_order_value"_s;
    QTest::newRow("bad country") << withStrategy("\"when\": {\"countries\": [\"USA\"]}")
                                 << u"strategies[1].when.countries[0]: \"USA\" is not an ISO 3166-1"_s;
    QTest::newRow("fractional priority") << withStrategy("\"when\": {\"min_priority\": 1.5}")
                                         << u"strategies[1].when.min_priority: must be a whole number"_s;
    QTest::newRow("unknown criterion") << withStrategy("\"ranking\": [{\"criterion\": \"speed\"}]")
                                       << u"strategies[1].ranking[0].criterion: unknown code \"speed\""_s;
    QTest::newRow("negative weight")
        << withStrategy("\"ranking\": [{\"criterion\": \"distance\"}, {\"criterion\": \"total_cost\", "
                        "\"weight\": -1}]")
        << u"strategies[1].ranking[1].weight: must be a number of zero or more"_s;
    QTest::newRow("criterion twice")
        << withStrategy("\"ranking\": [{\"criterion\": \"distance\"}, {\"criterion\": \"distance\"}]")
        << u"strategies[1].ranking[1].criterion: \"distance\" is ranked twice"_s;
    QTest::newRow("ranking not an array") << withStrategy("\"ranking\": {\"criterion\": \"distance\"}")
                                          << u"strategies[1].ranking: must be an array, not an object"_s;
    QTest::newRow("unknown split mode") << withStrategy("\"split\": {\"mode\": \"any\"}")
                                        << u"strategies[1].split.mode: unknown code \"any\""_s;
    QTest::newRow("negative max shipments")
        << withStrategy("\"split\": {\"max_shipments\": -2}")
        << u"strategies[1].split.max_shipments: must be a whole number from 0"_s;
    QTest::newRow("single location with 2 shipments")
        << withStrategy("\"split\": {\"mode\": \"single_location\", \"max_shipments\": 2}")
        << u"strategies[1].split.max_shipments: must be 0 or 1 with mode single_location"_s;
    QTest::newRow("unknown fallback") << withStrategy("\"fallback\": {\"action\": \"panic\"}")
                                      << u"strategies[1].fallback.action: unknown code \"panic\""_s;
    QTest::newRow("cancel without days") << withStrategy("\"fallback\": {\"action\": \"cancel\"}")
                                         << u"strategies[1].fallback.cancel_after_days: must be at least 1"_s;
    QTest::newRow("bad currency") << QByteArray(
                                         "{\"currency\": \"usd\", \"strategies\": [{\"name\": \"A\"}]}")
                                  << u"currency: \"usd\" is not an ISO 4217 code"_s;
    QTest::newRow("base fee as number")
        << QByteArray("{\"costs\": {\"store\": {\"base_fee\": 6}}, \"strategies\": [{\"name\": \"A\"}]}")
        << u"costs.store.base_fee: must be a string, not a number"_s;
    QTest::newRow("rate too precise")
        << QByteArray(
               "{\"costs\": {\"dc\": {\"per_km\": \"0.000001\"}}, \"strategies\": [{\"name\": \"A\"}]}")
        << u"costs.dc.per_km: must be a rate of zero or more"_s;
    QTest::newRow("negative rate")
        << QByteArray("{\"costs\": {\"dc\": {\"per_km\": \"-0.01\"}}, \"strategies\": [{\"name\": \"A\"}]}")
        << u"costs.dc.per_km: must be a rate of zero or more"_s;
    QTest::newRow("negative split penalty")
        << QByteArray("{\"costs\": {\"split_penalty\": \"-1.00\"}, \"strategies\": [{\"name\": \"A\"}]}")
        << u"costs.split_penalty: must be an amount of zero or more in USD"_s;
    QTest::newRow("unknown cost type")
        << QByteArray("{\"costs\": {\"warehouse\": {}}, \"strategies\": [{\"name\": \"A\"}]}")
        << u"costs.warehouse: unknown key"_s;
    QTest::newRow("unknown state limit")
        << QByteArray("{\"state_limit_hours\": {\"waiting\": 4}, \"strategies\": [{\"name\": \"A\"}]}")
        << u"state_limit_hours.waiting: unknown order state"_s;
    QTest::newRow("zero state limit")
        << QByteArray("{\"state_limit_hours\": {\"validated\": 0}, \"strategies\": [{\"name\": \"A\"}]}")
        << u"state_limit_hours.validated: must be a whole number from 1"_s;
    QTest::newRow("priority listed twice")
        << QByteArray("{\"location_priority\": [\"DC-1\", \"DC-1\"], \"strategies\": [{\"name\": \"A\"}]}")
        << u"location_priority[1]: \"DC-1\" is listed twice"_s;
    QTest::newRow("bad created_at")
        << QByteArray("{\"created_at\": \"yesterday\", \"strategies\": [{\"name\": \"A\"}]}")
        << u"created_at: must be an ISO 8601 time"_s;
}

void TestRuleSetJson::refusesBadDocuments() {
    QFETCH(QByteArray, document);
    QFETCH(QString, message);
    try {
        RuleSetJson::fromBytes(document);
        QFAIL("the document was accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        if (!e.message().startsWith(message))
            QFAIL(qPrintable(u"message \"%1\" does not start with \"%2\""_s.arg(e.message(), message)));
    }
}

void TestRuleSetJson::refusesWhatIsNotJson() {
    try {
        RuleSetJson::fromBytes("{\"strategies\": [");
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QVERIFY2(e.message().startsWith(u"not valid JSON at offset"_s), qPrintable(e.message()));
    }
}

void TestRuleSetJson::largeDocumentsAreReadWhole() {
    // A file of about 2 MiB: 30,000 strategies and a location priority of 60,000 codes, every one kept, and a
    // duplicate name past them all still found. (How the reading time grows with the document:
    // tests/bench/bench_rules_json.)
    constexpr int strategyCount = 30000;
    constexpr int locationCount = 60000;
    QJsonArray strategies;
    for (int i = 0; i < strategyCount; ++i)
        strategies.append(QJsonObject{{u"name"_s, u"Strategy %1"_s.arg(i)}});
    QJsonArray priority;
    for (int i = 0; i < locationCount; ++i)
        priority.append(u"LOC-%1"_s.arg(i));
    QJsonObject document{{u"strategies"_s, strategies}, {u"location_priority"_s, priority}};
    const QByteArray bytes = QJsonDocument(document).toJson(QJsonDocument::Compact);
    const RuleSet rules = RuleSetJson::fromBytes(bytes);
    QCOMPARE(rules.strategies.size(), strategyCount);
    QCOMPARE(rules.locationPriority.size(), locationCount);

    // The last name again, in other case: still found.
    strategies.append(QJsonObject{{u"name"_s, u"STRATEGY %1"_s.arg(strategyCount - 1)}});
    document[u"strategies"_s] = strategies;
    try {
        RuleSetJson::fromBytes(QJsonDocument(document).toJson(QJsonDocument::Compact));
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.message(), u"strategies[%1].name: \"STRATEGY %2\" is already the name of strategies[%2]"_s
                                  .arg(strategyCount)
                                  .arg(strategyCount - 1));
    }
}

QTEST_GUILESS_MAIN(TestRuleSetJson)
#include "tst_rulesetjson.moc"
