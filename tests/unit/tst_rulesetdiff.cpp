// Differences between two versions of the rules (core/sourcing/RuleSetDiff.h), for the version history.
#include "sourcing/RuleSetDiff.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestRuleSetDiff : public QObject {
    Q_OBJECT
private slots:
    void sameRulesHaveNoChanges();
    void namesEachChangedField();
    void strategiesMatchedByName();
};

namespace {

void compareChanges(const QList<RuleSetChange>& actual, const QList<RuleSetChange>& expected) {
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i) {
        QCOMPARE(actual.at(i).path, expected.at(i).path);
        QCOMPARE(actual.at(i).before, expected.at(i).before);
        QCOMPARE(actual.at(i).after, expected.at(i).after);
    }
}

RuleSet twoStrategies() {
    RuleSet rules;
    Strategy stores;
    stores.name = u"Stores first"_s;
    stores.filters.types = {LocationType::Store};
    stores.filters.maxDistanceKm = 800;
    Strategy rest;
    rest.name = u"Rest"_s;
    rules.strategies = {stores, rest};
    return rules;
}

} // namespace

void TestRuleSetDiff::sameRulesHaveNoChanges() {
    RuleSet a = twoStrategies();
    RuleSet b = a;
    b.version = 9; // metadata is not a change of the rules
    b.author = u"lee"_s;
    QVERIFY(diffRuleSets(a, b).isEmpty());
}

void TestRuleSetDiff::namesEachChangedField() {
    const RuleSet a = twoStrategies();
    RuleSet b = a;
    b.strategies[0].filters.maxDistanceKm = 600;
    b.strategies[1].split.maxShipments = 2;
    b.costs.byType[size_t(LocationType::Store)].baseFeeMinor = 650;
    const QList<RuleSetChange> changes = diffRuleSets(a, b);
    const QList<RuleSetChange> expected = {
        {u"costs.store.base_fee"_s, u"6.00"_s, u"6.50"_s},
        {u"strategies[Stores first].filters.max_distance_km"_s, u"800"_s, u"600"_s},
        {u"strategies[Rest].split.max_shipments"_s, u"0"_s, u"2"_s},
    };
    compareChanges(changes, expected);
}

void TestRuleSetDiff::strategiesMatchedByName() {
    const RuleSet a = twoStrategies();
    RuleSet b = a;
    b.strategies.swapItemsAt(0, 1);
    Strategy added;
    added.name = u"Big orders"_s;
    b.strategies << added;
    b.strategies.removeIf([](const Strategy& s) { return s.name == u"Stores first"_s; });
    const QList<RuleSetChange> changes = diffRuleSets(a, b);
    const QList<RuleSetChange> expected = {
        {u"strategies[Stores first]"_s, u"removed"_s, QString()},
        {u"strategies[Rest].position"_s, u"2"_s, u"1"_s},
        {u"strategies[Big orders]"_s, QString(), u"added"_s},
    };
    compareChanges(changes, expected);
}

QTEST_GUILESS_MAIN(TestRuleSetDiff)
#include "tst_rulesetdiff.moc"
