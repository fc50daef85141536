#include "sourcing/RuleSetCheck.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

Q_DECLARE_METATYPE(std::function<void(ordo::RuleSet&)>)

class TestRuleSetCheck : public QObject {
    Q_OBJECT

private slots:
    void defaultsHaveNoProblem();
    void namesTheField_data();
    void namesTheField();
    void reportsEveryProblem();
};

void TestRuleSetCheck::defaultsHaveNoProblem() {
    QCOMPARE(checkRuleSet(RuleSet::defaults()), QList<RuleSetProblem>{});
}

void TestRuleSetCheck::namesTheField_data() {
    using Edit = std::function<void(RuleSet&)>;
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<int>("strategy");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    const QString first = RuleSet::defaults().strategies.first().name;

    QTest::newRow("no strategy") << Edit([](RuleSet& r) { r.strategies.clear(); }) << -1 << u"strategies"_s
                                 << u"Strategies: a rule set needs at least one strategy"_s;
    QTest::newRow("unnamed") << Edit([](RuleSet& r) { r.strategies[0].name = u"  "_s; }) << 0
                             << u"strategies[0].name"_s << u"Strategy 1, name: a strategy needs a name"_s;
    QTest::newRow("negative weight")
        << Edit([](RuleSet& r) {
               r.strategies[0].ranking = {{Criterion::Distance, -1.0}};
           })
        << 0 << u"strategies[0].ranking.distance.weight"_s
        << u"Strategy 1 “%1”, ranking: the weight of distance must not be negative (-1)"_s.arg(first);
    QTest::newRow("all weights zero")
        << Edit([](RuleSet& r) {
               r.strategies[0].ranking = {{Criterion::TotalCost, 0.0}};
           })
        << 0 << u"strategies[0].ranking"_s
        << u"Strategy 1 “%1”, ranking: every weight is 0, so all locations would rank the same"_s.arg(first);
    QTest::newRow("criterion twice") << Edit([](RuleSet& r) {
        r.strategies[0].ranking = {{Criterion::TotalCost, 1.0}, {Criterion::TotalCost, 2.0}};
    }) << 0 << u"strategies[0].ranking.total_cost"_s
                                     << u"Strategy 1 “%1”, ranking: total_cost is listed twice"_s.arg(first);
    QTest::newRow("value bounds crossed")
        << Edit([](RuleSet& r) {
               r.strategies[0].when.minOrderValueMinor = 5000;
               r.strategies[0].when.maxOrderValueMinor = 1000;
           })
        << 0 << u"strategies[0].when.max_order_value"_s
        << u"Strategy 1 “%1”, conditions: the maximum order value is below the "
           "minimum, so no order can match"_s.arg(first);
    QTest::newRow("country code")
        << Edit([](RuleSet& r) { r.strategies[0].when.countries = {u"USA"_s}; }) << 0
        << u"strategies[0].when.countries"_s
        << u"Strategy 1 “%1”, conditions: country 'USA' is not a two-letter ISO code "
           "such as US or DE"_s.arg(first);
    QTest::newRow("zero distance")
        << Edit([](RuleSet& r) { r.strategies[0].filters.maxDistanceKm = 0.0; }) << 0
        << u"strategies[0].filters.max_distance_km"_s
        << u"Strategy 1 “%1”, filters: the maximum distance must be more than 0 km "
           "(leave it empty for no limit)"_s.arg(first);
    QTest::newRow("split of one") << Edit([](RuleSet& r) {
        r.strategies[0].split = {SplitPolicy::Mode::Split, 1, SplitPolicy::Shortage::ShipComplete};
    }) << 0 << u"strategies[0].split.max_shipments"_s
                                  << u"Strategy 1 “%1”, split: at most 1 shipment means one location only; "
                                     "choose that mode instead"_s.arg(first);
    QTest::newRow("cancel without days")
        << Edit([](RuleSet& r) {
               r.strategies[0].fallback = {Fallback::Action::Cancel, 0};
           })
        << 0 << u"strategies[0].fallback.cancel_after_days"_s
        << u"Strategy 1 “%1”, fallback: cancel needs a number of days the order may wait first (more than 0)"_s
               .arg(first);
    QTest::newRow("last falls through") << Edit([](RuleSet& r) {
        r.strategies[0].fallback = {Fallback::Action::NextStrategy, 0};
    }) << 0 << u"strategies[0].fallback.action"_s
                                        << u"Strategy 1 “%1”, fallback: this is the last strategy, so there "
                                           u"is no next strategy to try; hold, "
                                           "backorder or cancel instead"_s.arg(first);
    QTest::newRow("negative fee") << Edit([](RuleSet& r) { r.costs.byType[1].baseFeeMinor = -1; }) << -1
                                  << u"costs.store.base_fee"_s
                                  << u"Cost model, store: the base fee must not be negative"_s;
    QTest::newRow("negative split penalty")
        << Edit([](RuleSet& r) { r.costs.splitPenaltyMinor = -100; }) << -1 << u"costs.split_penalty"_s
        << u"Cost model: the split penalty must not be negative"_s;
    QTest::newRow("currency") << Edit([](RuleSet& r) { r.currency = u"usd"_s; }) << -1 << u"currency"_s
                              << u"Cost model: currency 'usd' is not a three-letter ISO code such as USD"_s;
}

void TestRuleSetCheck::namesTheField() {
    QFETCH(std::function<void(RuleSet&)>, edit);
    QFETCH(int, strategy);
    QFETCH(QString, field);
    QFETCH(QString, message);
    RuleSet rules = RuleSet::defaults();
    edit(rules);
    const QList<RuleSetProblem> problems = checkRuleSet(rules);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().strategy, strategy);
    QCOMPARE(problems.first().field, field);
    QCOMPARE(problems.first().message, message);
}

void TestRuleSetCheck::reportsEveryProblem() {
    RuleSet rules = RuleSet::defaults();
    Strategy second = rules.strategies.first();
    rules.strategies.append(second); // same name
    rules.strategies[1].fallback.action = Fallback::Action::Hold;
    rules.strategies[0].fallback.action = Fallback::Action::NextStrategy; // fine: a next strategy exists
    rules.strategies[1].filters.minAtpAfterSafety = -3;
    const QList<RuleSetProblem> problems = checkRuleSet(rules);
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(0).field, u"strategies[1].name"_s);
    QVERIFY(problems.at(0).message.endsWith(u"another strategy has this name"_s));
    QCOMPARE(problems.at(1).field, u"strategies[1].filters.min_atp_after_safety"_s);
}

QTEST_GUILESS_MAIN(TestRuleSetCheck)
#include "tst_rulesetcheck.moc"
