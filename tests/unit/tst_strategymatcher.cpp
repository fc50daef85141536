// strategyMatches: each of a strategy's order conditions (channels, delivery, minimum priority, order value
// bounds, countries, regions, SKU tags) accepts and refuses a hand-made order, and a refusal names the
// condition with the value behind it; codes compare without regard to case; unset conditions accept any
// order.
#include "RoutingWorld.h"
#include "sourcing/RoutingNetwork.h"
#include "sourcing/StrategyMatcher.h"

#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace ordo;

using Adjust = std::function<void(StrategyConditions&, Order&)>;
Q_DECLARE_METATYPE(Adjust)

class tst_StrategyMatcher : public QObject {
    Q_OBJECT

private slots:
    void conditions_data();
    void conditions();
};

void tst_StrategyMatcher::conditions_data() {
    QTest::addColumn<Adjust>("adjust");
    QTest::addColumn<QString>("reason"); // empty: the strategy applies

    QTest::newRow("no conditions") << Adjust([](StrategyConditions&, Order&) {}) << QString();
    QTest::newRow("channel listed") << Adjust([](StrategyConditions& w, Order&) {
        w.channels = {Channel::App, Channel::Web};
    }) << QString();
    QTest::newRow("channel not listed") << Adjust([](StrategyConditions& w, Order&) {
        w.channels = {Channel::Pos, Channel::App};
    }) << u"channel web not in [pos, app]"_s;
    QTest::newRow("delivery matches")
        << Adjust([](StrategyConditions& w, Order&) { w.delivery = DeliveryMethod::Ship; }) << QString();
    QTest::newRow("delivery differs")
        << Adjust([](StrategyConditions& w, Order&) { w.delivery = DeliveryMethod::Pickup; })
        << u"delivery ship, not pickup"_s;
    QTest::newRow("priority reached") << Adjust([](StrategyConditions& w, Order& o) {
        w.minPriority = 1;
        o.priority = 1;
    }) << QString();
    QTest::newRow("priority below") << Adjust([](StrategyConditions& w, Order&) { w.minPriority = 1; })
                                    << u"priority 0 below 1"_s;
    QTest::newRow("value at the minimum")
        << Adjust([](StrategyConditions& w, Order&) { w.minOrderValueMinor = 3000; }) << QString();
    QTest::newRow("value below the minimum")
        << Adjust([](StrategyConditions& w, Order&) { w.minOrderValueMinor = 3001; })
        << u"order value 30.00 below 30.01"_s;
    QTest::newRow("value at the maximum")
        << Adjust([](StrategyConditions& w, Order&) { w.maxOrderValueMinor = 3000; }) << QString();
    QTest::newRow("value above the maximum")
        << Adjust([](StrategyConditions& w, Order&) { w.maxOrderValueMinor = 2999; })
        << u"order value 30.00 above 29.99"_s;
    QTest::newRow("value in the order's currency") << Adjust([](StrategyConditions& w, Order& o) {
        o.currency = u"JPY"_s;
        w.maxOrderValueMinor = 2999;
    }) << u"order value 3000 above 2999"_s;
    QTest::newRow("country, other case") << Adjust([](StrategyConditions& w, Order&) {
        w.countries = {u"ca"_s, u"us"_s};
    }) << QString();
    QTest::newRow("country not listed") << Adjust([](StrategyConditions& w, Order&) {
        w.countries = {u"CA"_s, u"MX"_s};
    }) << u"country US not in [CA, MX]"_s;
    QTest::newRow("no country") << Adjust([](StrategyConditions& w, Order& o) {
        w.countries = {u"US"_s};
        o.shipTo.country.clear();
    }) << u"country (none) not in [US]"_s;
    QTest::newRow("region listed") << Adjust([](StrategyConditions& w, Order&) {
        w.regions = {u"NJ"_s, u"ny"_s};
    }) << QString();
    QTest::newRow("region not listed")
        << Adjust([](StrategyConditions& w, Order&) { w.regions = {u"NJ"_s}; }) << u"region NY not in [NJ]"_s;
    QTest::newRow("no region") << Adjust([](StrategyConditions& w, Order& o) {
        w.regions = {u"NJ"_s};
        o.shipTo.region.clear();
    }) << u"region (none) not in [NJ]"_s;
    QTest::newRow("a line's SKU tagged") << Adjust([](StrategyConditions& w, Order&) {
        w.skuTags = {u"oversize"_s, u"HAZMAT"_s};
    }) << QString();
    QTest::newRow("no line's SKU tagged")
        << Adjust([](StrategyConditions& w, Order&) { w.skuTags = {u"oversize"_s}; })
        << u"no line's SKU is tagged [oversize]"_s;
    QTest::newRow("every condition holds") << Adjust([](StrategyConditions& w, Order&) {
        w.channels = {Channel::Web};
        w.delivery = DeliveryMethod::Ship;
        w.minPriority = 0;
        w.minOrderValueMinor = 1000;
        w.maxOrderValueMinor = 5000;
        w.countries = {u"US"_s};
        w.regions = {u"NY"_s};
        w.skuTags = {u"hazmat"_s};
    }) << QString();
    QTest::newRow("the first refusal is named") << Adjust([](StrategyConditions& w, Order&) {
        w.regions = {u"NJ"_s};
        w.channels = {Channel::Pos};
    }) << u"channel web not in [pos]"_s;
}

void tst_StrategyMatcher::conditions() {
    QFETCH(Adjust, adjust);
    QFETCH(QString, reason);

    // A web order to New York for 30.00 USD: SKU-1 x 2 and HAZ-1 x 1 at 10.00 each; HAZ-1 is tagged hazmat.
    RoutingNetwork network;
    network.setSkuTags({{u"HAZ-1"_s, {u"hazmat"_s, u"fragile"_s}}});
    Order order = test::shipOrder({test::orderLine(1, u"SKU-1"_s, 2), test::orderLine(2, u"HAZ-1"_s, 1)},
                                  40.75, -73.99);
    order.shipTo.region = u"NY"_s;
    StrategyConditions when;
    adjust(when, order);

    QString why = u"unchanged"_s;
    const bool matches = strategyMatches(when, order, network, &why);
    QCOMPARE(matches, reason.isEmpty());
    QCOMPARE(why, reason.isEmpty() ? u"unchanged"_s : reason);
    QCOMPARE(strategyMatches(when, order, network), matches);
}

QTEST_GUILESS_MAIN(tst_StrategyMatcher)
#include "tst_strategymatcher.moc"
