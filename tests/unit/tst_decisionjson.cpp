// Decisions as JSON (core/sourcing/DecisionJson.h): the public shape of `ordo route --json` field by field,
// and the stored record read back equal to what was written.
#include "Error.h"
#include "sourcing/DecisionJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestDecisionJson : public QObject {
    Q_OBJECT
private slots:
    void issueShape();
    void roundTrip();
    void heldDecisionRoundTrips();
    void notConsideredRoundTrips();
    void decisionStoredBeforeNotConsideredLoads();
    void integerProgrammeFieldsRoundTrip();
    void decisionStoredBeforeTheMethodLoads_data();
    void decisionStoredBeforeTheMethodLoads();
    void refusesWhatItCannotRead_data();
    void refusesWhatItCannotRead();
};

namespace {

Decision sampleDecision() {
    Decision d;
    d.orderNumber = u"W-1"_s;
    d.ruleVersion = 3;
    d.strategy = u"Lowest total cost"_s;
    d.strategies = {{u"Stores only"_s, false, u"conditions: channel web not in [pos]"_s},
                    {u"Lowest total cost"_s, true, QString()}};
    d.outcome = RoutingOutcome::Routed;
    d.shipments = {Shipment{u"DC-EAST"_s, {{1, u"SKU-1"_s, 2}, {2, u"SKU-2"_s, 1}}, 98.765, 499}};
    d.totalCostMinor = 499;
    d.currency = u"USD"_s;
    d.objective = 4.99;
    d.exact = true;
    CandidateLocation east;
    east.locationCode = u"DC-EAST"_s;
    east.eligible = true;
    east.filters = {{u"ships"_s, true, u"yes"_s}, {u"max_distance"_s, true, u"98.8 km"_s}};
    east.scores = {{Criterion::TotalCost, 4.99, 4.99}, {Criterion::Distance, 0.98765, 0.0987}};
    east.totalScore = 5.0887;
    east.distanceKm = 98.765;
    east.costMinor = 499;
    east.coverableLines = {1, 2};
    east.chosen = true;
    CandidateLocation vendor;
    vendor.locationCode = u"VN-ACME"_s;
    vendor.eligible = false;
    vendor.filters = {{u"ships"_s, true, u"yes"_s}, {u"max_distance"_s, false, u"1,145.2 km > 800 km"_s}};
    vendor.distanceKm = 1145.2;
    vendor.costMinor = 2418;
    vendor.notChosen = u"fails max_distance (1,145.2 km > 800 km)"_s;
    d.candidates = {east, vendor};
    d.runnerUp = RunnerUp{{Shipment{u"ST-NYC"_s, {{1, u"SKU-1"_s, 2}, {2, u"SKU-2"_s, 1}}, 1.2, 601}},
                          601,
                          6.01,
                          u"1.02 dearer"_s};
    d.decidedAtMs = QDateTime(QDate(2026, 11, 2), QTime(14, 30, 1, 250), Qt::UTC).toMSecsSinceEpoch();
    return d;
}

} // namespace

void TestDecisionJson::issueShape() {
    const QJsonObject o = DecisionJson::toJson(sampleDecision());
    QCOMPARE(o.value(u"order_id"_s).toString(), u"W-1"_s);
    QCOMPARE(o.value(u"outcome"_s).toString(), u"routed"_s);
    QCOMPARE(o.value(u"rule_version"_s).toInt(), 3);
    QCOMPARE(o.value(u"total_cost"_s).toString(), u"4.99"_s);
    QCOMPARE(o.value(u"currency"_s).toString(), u"USD"_s);
    const QJsonArray shipments = o.value(u"shipments"_s).toArray();
    QCOMPARE(shipments.size(), 1);
    const QJsonObject s = shipments.at(0).toObject();
    QCOMPARE(s.value(u"location_id"_s).toString(), u"DC-EAST"_s);
    QCOMPARE(s.value(u"distance_km"_s).toDouble(), 98.765);
    QCOMPARE(s.value(u"cost"_s).toString(), u"4.99"_s);
    const QJsonArray lines = s.value(u"lines"_s).toArray();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(1).toObject().value(u"sku"_s).toString(), u"SKU-2"_s);
    QCOMPARE(lines.at(1).toObject().value(u"quantity"_s).toInt(), 1);
    QCOMPARE(lines.at(1).toObject().value(u"line"_s).toInt(), 2);

    const QJsonArray candidates = o.value(u"candidates"_s).toArray();
    QCOMPARE(candidates.size(), 2);
    const QJsonObject east = candidates.at(0).toObject();
    QCOMPARE(east.value(u"location_id"_s).toString(), u"DC-EAST"_s);
    QCOMPARE(east.value(u"eligible"_s).toBool(), true);
    QCOMPARE(east.value(u"reasons"_s).toArray().size(), 0);
    QCOMPARE(east.value(u"scores"_s).toObject().value(u"total_cost"_s).toDouble(), 4.99);
    QCOMPARE(east.value(u"scores"_s).toObject().value(u"distance"_s).toDouble(), 0.0987);
    const QJsonObject vendor = candidates.at(1).toObject();
    QCOMPARE(vendor.value(u"eligible"_s).toBool(), false);
    QCOMPARE(
        vendor.value(u"reasons"_s).toArray(),
        (QJsonArray{u"max_distance: 1,145.2 km > 800 km"_s, u"fails max_distance (1,145.2 km > 800 km)"_s}));
    QCOMPARE(vendor.value(u"scores"_s).toObject().size(), 0);

    QCOMPARE(o.value(u"strategies"_s).toArray().at(0).toObject().value(u"reason"_s).toString(),
             u"conditions: channel web not in [pos]"_s);
    QCOMPARE(o.value(u"runner_up"_s).toObject().value(u"total_cost"_s).toString(), u"6.01"_s);
    QCOMPARE(o.value(u"runner_up"_s).toObject().value(u"why"_s).toString(), u"1.02 dearer"_s);
    QCOMPARE(o.value(u"decided_at"_s).toString(), u"2026-11-02T14:30:01.250Z"_s);
}

void TestDecisionJson::roundTrip() {
    const Decision d = sampleDecision();
    const QByteArray text = QJsonDocument(DecisionJson::toJson(d)).toJson(QJsonDocument::Compact);
    const Decision back = DecisionJson::fromJson(QJsonDocument::fromJson(text).object());
    QVERIFY(back.candidates == d.candidates);
    QVERIFY(back.runnerUp == d.runnerUp);
    QVERIFY(back == d);
}

void TestDecisionJson::heldDecisionRoundTrips() {
    Decision d;
    d.orderNumber = u"W-2"_s;
    d.ruleVersion = 0;
    d.outcome = RoutingOutcome::Held;
    d.reason = u"no eligible location covers line 1"_s;
    d.unfilled = {{1, u"SKU-9"_s, 4}};
    d.currency = u"USD"_s;
    d.decidedAtMs = 1'790'000'000'123;
    const QJsonObject o = DecisionJson::toJson(d);
    QCOMPARE(o.value(u"outcome"_s).toString(), u"held"_s);
    QCOMPARE(o.value(u"total_cost"_s).toString(), u"0.00"_s);
    QVERIFY(o.value(u"runner_up"_s).isNull());
    QCOMPARE(o.value(u"unfilled"_s).toArray().at(0).toObject().value(u"quantity"_s).toInt(), 4);
    QVERIFY(DecisionJson::fromJson(o) == d);
}

void TestDecisionJson::notConsideredRoundTrips() {
    Decision d = sampleDecision();
    // One group kept as bits over a network's codes (as the router makes it), one as a plain list.
    QBitArray bits(4);
    bits.setBit(1);
    bits.setBit(3);
    d.notConsidered = {
        NotConsidered{u"has none of the order's SKUs available"_s,
                      LocationSet({u"DC-WEST"_s, u"ST-BOS"_s, u"ST-NYC"_s, u"ST-SEA"_s}, bits)},
        NotConsidered{u"does not ship parcels"_s, LocationSet({u"ST-LA"_s})}};
    QCOMPARE(d.notConsidered.at(0).locations.codes(), (QStringList{u"ST-BOS"_s, u"ST-SEA"_s}));
    QCOMPARE(d.notConsidered.at(0).locations.size(), 2);
    QVERIFY(!d.notConsidered.at(0).locations.contains(u"DC-WEST"_s));

    const QJsonObject o = DecisionJson::toJson(d);
    const QJsonArray groups = o.value(u"not_considered"_s).toArray();
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups.at(0).toObject().value(u"reason"_s).toString(),
             u"has none of the order's SKUs available"_s);
    QCOMPARE(groups.at(0).toObject().value(u"location_ids"_s).toArray(),
             (QJsonArray{u"ST-BOS"_s, u"ST-SEA"_s}));
    QCOMPARE(groups.at(1).toObject().value(u"location_ids"_s).toArray(), QJsonArray{u"ST-LA"_s});

    const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Compact);
    const Decision back = DecisionJson::fromJson(QJsonDocument::fromJson(text).object());
    QVERIFY(back.notConsidered == d.notConsidered);
    QVERIFY(back == d);
}

void TestDecisionJson::decisionStoredBeforeNotConsideredLoads() {
    QJsonObject o = DecisionJson::toJson(sampleDecision());
    QVERIFY(o.contains(u"not_considered"_s));
    QCOMPARE(o.value(u"not_considered"_s).toArray().size(), 0);
    o.remove(u"not_considered"_s);
    const Decision back = DecisionJson::fromJson(o);
    QVERIFY(back.notConsidered.isEmpty());
    QVERIFY(back == sampleDecision());
}

void TestDecisionJson::integerProgrammeFieldsRoundTrip() {
    Decision d = sampleDecision();
    d.exact = false;
    d.method = SearchMethod::IntegerProgramme;
    d.bound = 4.5;
    d.gap = 0.0982;
    d.solverMs = 200;
    const QJsonObject o = DecisionJson::toJson(d);
    QCOMPARE(o.value(u"exact"_s).toBool(true), false);
    QCOMPARE(o.value(u"method"_s).toString(), u"integer_programme"_s);
    QCOMPARE(o.value(u"bound"_s).toDouble(), 4.5);
    QCOMPARE(o.value(u"gap"_s).toDouble(), 0.0982);
    QCOMPARE(o.value(u"solver_ms"_s).toInt(), 200);
    const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Compact);
    const Decision back = DecisionJson::fromJson(QJsonDocument::fromJson(text).object());
    QCOMPARE(back.method, SearchMethod::IntegerProgramme);
    QCOMPARE(back.bound, std::optional<double>(4.5));
    QCOMPARE(back.gap, std::optional<double>(0.0982));
    QCOMPARE(back.solverMs, 200);
    QVERIFY(back == d);
    // A heuristic answer proves nothing: bound and gap are null, no solver time.
    Decision heuristic = sampleDecision();
    heuristic.exact = false;
    heuristic.method = SearchMethod::Heuristic;
    const QJsonObject h = DecisionJson::toJson(heuristic);
    QCOMPARE(h.value(u"method"_s).toString(), u"heuristic"_s);
    QVERIFY(h.value(u"bound"_s).isNull());
    QVERIFY(h.value(u"gap"_s).isNull());
    QVERIFY(!h.contains(u"solver_ms"_s));
    QVERIFY(DecisionJson::fromJson(h) == heuristic);
}

void TestDecisionJson::decisionStoredBeforeTheMethodLoads_data() {
    QTest::addColumn<bool>("exact");
    QTest::addColumn<int>("method");
    QTest::newRow("exact: the exact search") << true << int(SearchMethod::Exact);
    QTest::newRow("not exact: the bounded search") << false << int(SearchMethod::Heuristic);
}

void TestDecisionJson::decisionStoredBeforeTheMethodLoads() {
    QFETCH(bool, exact);
    QFETCH(int, method);
    Decision d = sampleDecision();
    d.exact = exact;
    QJsonObject o = DecisionJson::toJson(d);
    for (const QString& key : {u"method"_s, u"bound"_s, u"gap"_s, u"solver_ms"_s})
        o.remove(key);
    const Decision back = DecisionJson::fromJson(o);
    QCOMPARE(back.exact, exact);
    QCOMPARE(int(back.method), method);
    QVERIFY(!back.bound);
    QVERIFY(!back.gap);
    QCOMPARE(back.solverMs, 0);
}

void TestDecisionJson::refusesWhatItCannotRead_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("outcome") << u"outcome"_s << QJsonValue(u"lost"_s)
                             << u"outcome: unknown outcome \"lost\""_s;
    QTest::newRow("total") << u"total_cost"_s << QJsonValue(4.99) << u"total_cost: must be a string"_s;
    QTest::newRow("shipments") << u"shipments"_s << QJsonValue(QJsonArray{QJsonObject{{u"location_id"_s, 5}}})
                               << u"shipments[0].location_id: must be a string"_s;
    QTest::newRow("time") << u"decided_at"_s << QJsonValue(u"noon"_s)
                          << u"decided_at: must be an ISO 8601 time"_s;
    QTest::newRow("not considered, location")
        << u"not_considered"_s
        << QJsonValue(QJsonArray{
               QJsonObject{{u"reason"_s, u"does not ship parcels"_s}, {u"location_ids"_s, QJsonArray{7}}}})
        << u"not_considered[0].location_ids[0]: must be a string"_s;
    QTest::newRow("method") << u"method"_s << QJsonValue(u"guess"_s)
                            << u"method: unknown search method \"guess\""_s;
    QTest::newRow("gap") << u"gap"_s << QJsonValue(u"2%"_s) << u"gap: must be a number"_s;
    QTest::newRow("not considered, reason")
        << u"not_considered"_s << QJsonValue(QJsonArray{QJsonObject{{u"location_ids"_s, QJsonArray{}}}})
        << u"not_considered[0].reason: must be a string"_s;
}

void TestDecisionJson::refusesWhatItCannotRead() {
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    QJsonObject o = DecisionJson::toJson(sampleDecision());
    o.insert(key, value);
    try {
        DecisionJson::fromJson(o);
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QVERIFY2(e.message().startsWith(message), qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestDecisionJson)
#include "tst_decisionjson.moc"
