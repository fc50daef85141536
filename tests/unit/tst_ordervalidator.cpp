#include "orders/OrderValidator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestOrderValidator : public QObject {
    Q_OBJECT
private slots:
    void validate_data();
    void validate();
    void reportsEveryFailureWithItsLine();

private:
    static Order validOrder();
    static OrderValidator validator();
};

Order TestOrderValidator::validOrder()
{
    Order o;
    o.orderNumber = u"W-1"_s;
    o.currency = u"USD"_s;
    o.shipTo = {u"Ana Lopez"_s, u"350 5th Ave"_s, u"New York"_s, u"NY"_s, u"10118"_s, u"US"_s, std::nullopt};
    o.lines << OrderLine{1, u"SKU-1"_s, 2, Money{1000, u"USD"_s}, OrderStatus::Pending, {}, {}, {}, 0, 0};
    return o;
}

OrderValidator TestOrderValidator::validator()
{
    return OrderValidator({u"SKU-1"_s, u"SKU-2"_s},
                          {{u"ST-NYC"_s, OrderValidator::PickupPoint{true}},
                           {u"DC-EAST"_s, OrderValidator::PickupPoint{false}}});
}

void TestOrderValidator::validate_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("valid ship order") << u"none"_s << QStringList{};
    QTest::newRow("unknown SKU") << u"unknown-sku"_s << QStringList{u"UNKNOWN_SKU"_s};
    QTest::newRow("zero quantity") << u"zero-qty"_s << QStringList{u"INVALID_QUANTITY"_s};
    QTest::newRow("negative quantity") << u"negative-qty"_s << QStringList{u"INVALID_QUANTITY"_s};
    QTest::newRow("negative price") << u"negative-price"_s << QStringList{u"INVALID_PRICE"_s};
    QTest::newRow("line in another currency") << u"euro-line"_s << QStringList{u"MIXED_CURRENCY"_s};
    QTest::newRow("ship order without address") << u"no-address"_s << QStringList{u"MISSING_SHIP_TO"_s};
    QTest::newRow("ship order without postal code") << u"no-postal"_s << QStringList{u"MISSING_SHIP_TO"_s};
    QTest::newRow("pickup at a store") << u"pickup-ok"_s << QStringList{};
    QTest::newRow("pickup at unknown location") << u"pickup-unknown"_s << QStringList{u"UNKNOWN_PICKUP_LOCATION"_s};
    QTest::newRow("pickup at a DC that hands over nothing") << u"pickup-dc"_s << QStringList{u"PICKUP_NOT_OFFERED"_s};
    QTest::newRow("no lines") << u"no-lines"_s << QStringList{u"NO_LINES"_s};
}

void TestOrderValidator::validate()
{
    QFETCH(QString, change);
    QFETCH(QStringList, codes);
    Order o = validOrder();
    if (change == u"unknown-sku"_s)
        o.lines[0].skuCode = u"XJ-9"_s;
    else if (change == u"zero-qty"_s)
        o.lines[0].quantity = 0;
    else if (change == u"negative-qty"_s)
        o.lines[0].quantity = -3;
    else if (change == u"negative-price"_s)
        o.lines[0].unitPrice.minor = -1;
    else if (change == u"euro-line"_s)
        o.lines[0].unitPrice.currency = u"EUR"_s;
    else if (change == u"no-address"_s)
        o.shipTo = Address{};
    else if (change == u"no-postal"_s)
        o.shipTo.postalCode.clear();
    else if (change.startsWith(u"pickup"_s)) {
        o.delivery = DeliveryMethod::Pickup;
        o.shipTo = Address{};
        o.pickupLocationCode = change == u"pickup-ok"_s ? u"ST-NYC"_s
                               : change == u"pickup-dc"_s ? u"DC-EAST"_s
                                                          : u"ST-NOWHERE"_s;
    } else if (change == u"no-lines"_s)
        o.lines.clear();

    QStringList found;
    for (const ExceptionReason& r : validator().validate(o))
        found << r.code;
    QCOMPARE(found, codes);
}

void TestOrderValidator::reportsEveryFailureWithItsLine()
{
    Order o = validOrder();
    o.lines << OrderLine{2, u"NOPE"_s, 0, Money{500, u"USD"_s}, OrderStatus::Pending, {}, {}, {}, 0, 0};
    o.shipTo.city.clear();
    const QList<ExceptionReason> reasons = validator().validate(o);
    QCOMPARE(reasons.size(), 3);
    QCOMPARE(reasons[0].code, u"UNKNOWN_SKU"_s);
    QCOMPARE(reasons[0].detail, u"line 2: SKU 'NOPE' is not in the catalogue"_s);
    QCOMPARE(reasons[1].code, u"INVALID_QUANTITY"_s);
    QCOMPARE(reasons[1].detail, u"line 2: quantity 0 is not a positive number"_s);
    QCOMPARE(reasons[2].code, u"MISSING_SHIP_TO"_s);
    QCOMPARE(reasons[2].detail, u"the ship-to address lacks: city"_s);
}

QTEST_GUILESS_MAIN(TestOrderValidator)
#include "tst_ordervalidator.moc"
