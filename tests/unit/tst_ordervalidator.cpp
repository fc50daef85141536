#include "Error.h"
#include "model/Money.h"
#include "orders/OrderValidator.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestOrderValidator : public QObject {
    Q_OBJECT
private slots:
    void validate_data();
    void validate();
    void reportsEveryFailureWithItsLine();
    void rules_data();
    void rules();
    void addresses_data();
    void addresses();
    void switchedOffRulesAreSkipped();
    void parametersTuneTheRules();
    void suspectedDuplicateAsksTheFinder();
    void duplicateWindowStopsAtTheLimitOfItsType();
    void settingsRefuseWhatDoesNotExist();
    void orderValueCountsTaxesChargesAndDiscounts();
    void orderValuePastTheCeilingIsTheMostValuable_data();
    void orderValuePastTheCeilingIsTheMostValuable();

private:
    static Order validOrder();
    static OrderValidator validator();
};

Order TestOrderValidator::validOrder() {
    Order o;
    o.orderNumber = u"W-1"_s;
    o.currency = u"USD"_s;
    o.shipTo = {u"Ana Lopez"_s, u"350 5th Ave"_s, u"New York"_s, u"NY"_s, u"10118"_s, u"US"_s, std::nullopt};
    o.lines << OrderLine{1, u"SKU-1"_s, 2, Money{1000, u"USD"_s}, OrderStatus::Pending, {}, {}, {}, 0, 0};
    return o;
}

OrderValidator TestOrderValidator::validator() {
    return OrderValidator({u"SKU-1"_s, u"SKU-2"_s}, {{u"ST-NYC"_s, OrderValidator::PickupPoint{true}},
                                                     {u"DC-EAST"_s, OrderValidator::PickupPoint{false}}});
}

void TestOrderValidator::validate_data() {
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
    QTest::newRow("pickup at unknown location")
        << u"pickup-unknown"_s << QStringList{u"UNKNOWN_PICKUP_LOCATION"_s};
    QTest::newRow("pickup at a DC that hands over nothing")
        << u"pickup-dc"_s << QStringList{u"PICKUP_NOT_OFFERED"_s};
    QTest::newRow("no lines") << u"no-lines"_s << QStringList{u"NO_LINES"_s};
}

void TestOrderValidator::validate() {
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
        o.pickupLocationCode = change == u"pickup-ok"_s   ? u"ST-NYC"_s
                               : change == u"pickup-dc"_s ? u"DC-EAST"_s
                                                          : u"ST-NOWHERE"_s;
    } else if (change == u"no-lines"_s)
        o.lines.clear();

    QStringList found;
    for (const ExceptionReason& r : validator().validate(o))
        found << r.code;
    QCOMPARE(found, codes);
}

void TestOrderValidator::reportsEveryFailureWithItsLine() {
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

// A row per rule beyond the structural ones: the change made to a valid order and the codes it must raise.
void TestOrderValidator::rules_data() {
    QTest::addColumn<QString>("change");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("quantity at the maximum") << u"qty-1000"_s << QStringList{};
    QTest::newRow("quantity over the maximum") << u"qty-1001"_s << QStringList{u"INVALID_QUANTITY"_s};
    // 100,000.01 is over the price limit and, alone, over the value threshold too
    QTest::newRow("price over the maximum")
        << u"price-huge"_s << QStringList{u"INVALID_PRICE"_s, u"HIGH_VALUE"_s};
    QTest::newRow("zero price is allowed by default") << u"price-zero"_s << QStringList{};
    QTest::newRow("payment pending") << u"pay-pending"_s << QStringList{u"PAYMENT_NOT_AUTHORIZED"_s};
    QTest::newRow("payment failed") << u"pay-failed"_s << QStringList{u"PAYMENT_NOT_AUTHORIZED"_s};
    QTest::newRow("payment voided") << u"pay-voided"_s << QStringList{u"PAYMENT_NOT_AUTHORIZED"_s};
    QTest::newRow("payment refunded") << u"pay-refunded"_s << QStringList{u"PAYMENT_NOT_AUTHORIZED"_s};
    QTest::newRow("payment authorised") << u"pay-authorized"_s << QStringList{};
    QTest::newRow("payment paid") << u"pay-paid"_s << QStringList{};
    QTest::newRow("payment unknown is let through") << u"pay-unknown"_s << QStringList{};
    // 600 x 10.00 = 6,000.00 > 5,000.00
    QTest::newRow("value over the threshold") << u"high-value"_s << QStringList{u"HIGH_VALUE"_s};
    // 500 x 10.00 = 5,000.00: not over
    QTest::newRow("value at the threshold") << u"at-threshold"_s << QStringList{};
    QTest::newRow("billed in Canada, shipped to the US")
        << u"bill-ca"_s << QStringList{u"COUNTRY_MISMATCH"_s};
    QTest::newRow("billed in the US too") << u"bill-us"_s << QStringList{};
    QTest::newRow("pickup order with a foreign bill-to") << u"pickup-bill-ca"_s << QStringList{};
    QTest::newRow("a line without SKU") << u"no-sku"_s << QStringList{u"UNKNOWN_SKU"_s};
    QTest::newRow("pending, foreign bill-to and too much: every reason")
        << u"all"_s
        << QStringList{u"INVALID_QUANTITY"_s, u"PAYMENT_NOT_AUTHORIZED"_s, u"HIGH_VALUE"_s,
                       u"COUNTRY_MISMATCH"_s};
}

void TestOrderValidator::rules() {
    QFETCH(QString, change);
    QFETCH(QStringList, codes);
    Order o = validOrder();
    OrderLine& line = o.lines[0];
    if (change == u"qty-1000"_s) {
        line.quantity = 1000;
        line.unitPrice.minor = 100;
    } else if (change == u"qty-1001"_s) {
        line.quantity = 1001;
        line.unitPrice.minor = 100;
    } else if (change == u"price-huge"_s) {
        line.quantity = 1;
        line.unitPrice.minor = 10000001;
    } else if (change == u"price-zero"_s) {
        line.unitPrice.minor = 0;
    } else if (change.startsWith(u"pay-"_s)) {
        o.payment = *paymentStatusFromCode(change.mid(4));
    } else if (change == u"high-value"_s) {
        line.quantity = 600;
    } else if (change == u"at-threshold"_s) {
        line.quantity = 500;
    } else if (change == u"bill-ca"_s) {
        o.billTo = {u"Ana Lopez"_s, u"1 Yonge St"_s, u"Toronto"_s, u"ON"_s,
                    u"M5E 1E5"_s,   u"CA"_s,         std::nullopt};
    } else if (change == u"bill-us"_s) {
        o.billTo = o.shipTo;
    } else if (change == u"pickup-bill-ca"_s) {
        o.delivery = DeliveryMethod::Pickup;
        o.pickupLocationCode = u"ST-NYC"_s;
        o.billTo.country = u"CA"_s;
    } else if (change == u"no-sku"_s) {
        line.skuCode.clear();
    } else if (change == u"all"_s) {
        line.quantity = 1001;
        line.unitPrice.minor = 1000;
        o.payment = PaymentStatus::Pending;
        o.billTo.country = u"CA"_s;
    }
    QStringList found;
    for (const ExceptionReason& r : validator().validate(o))
        found << r.code;
    QCOMPARE(found, codes);
}

void TestOrderValidator::addresses_data() {
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("postal");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("position"); // "lat,lon" or empty
    QTest::addColumn<QStringList>("codes");
    const QStringList none;
    const QStringList shape{u"INVALID_POSTAL_CODE"_s};
    const QStringList mismatch{u"POSTAL_CODE_MISMATCH"_s};
    QTest::newRow("US ZIP") << u"US"_s << u"10118"_s << u"NY"_s << QString() << none;
    QTest::newRow("US ZIP+4") << u"US"_s << u"10118-0110"_s << u"NY"_s << QString() << none;
    QTest::newRow("US four digits") << u"US"_s << u"1011"_s << u"NY"_s << QString() << shape;
    QTest::newRow("US letters") << u"US"_s << u"1O118"_s << u"NY"_s << QString() << shape;
    QTest::newRow("US without state")
        << u"US"_s << u"10118"_s << QString() << QString() << QStringList{u"MISSING_SHIP_TO"_s};
    QTest::newRow("US ZIP of another state") << u"US"_s << u"10118"_s << u"NJ"_s << QString() << mismatch;
    QTest::newRow("US state spelled out is not compared")
        << u"US"_s << u"40202"_s << u"Kentucky"_s << QString() << none;
    QTest::newRow("Kentucky ZIP, Louisville coordinates")
        << u"US"_s << u"40202"_s << u"KY"_s << u"38.2527,-85.7585"_s << none;
    QTest::newRow("Kentucky ZIP, coordinates in Ontario")
        << u"US"_s << u"40202"_s << u"KY"_s << u"43.6532,-79.3832"_s << mismatch;
    QTest::newRow("Kentucky ZIP, Ontario coordinates and Ontario region")
        << u"US"_s << u"40202"_s << u"ON"_s << u"43.6532,-79.3832"_s
        << QStringList{u"POSTAL_CODE_MISMATCH"_s, u"POSTAL_CODE_MISMATCH"_s};
    QTest::newRow("Texas ZIP near the border, inside the margin")
        << u"US"_s << u"79901"_s << u"TX"_s << u"31.7619,-106.4850"_s << none;
    QTest::newRow("Alaska ZIP, Anchorage")
        << u"US"_s << u"99501"_s << u"AK"_s << u"61.2181,-149.9003"_s << none;
    QTest::newRow("CA code") << u"CA"_s << u"M5V 2T6"_s << u"ON"_s << QString() << none;
    QTest::newRow("CA code without space") << u"CA"_s << u"m5v2t6"_s << u"ON"_s << QString() << none;
    QTest::newRow("CA code cut short") << u"CA"_s << u"M5V 2T"_s << u"ON"_s << QString() << shape;
    QTest::newRow("CA code with D first") << u"CA"_s << u"D5V 2T6"_s << u"ON"_s << QString() << shape;
    QTest::newRow("CA code of another province")
        << u"CA"_s << u"M5V 2T6"_s << u"QC"_s << QString() << mismatch;
    QTest::newRow("CA territories share X") << u"CA"_s << u"X1A 2P7"_s << u"NT"_s << QString() << none;
    QTest::newRow("GB postcode") << u"GB"_s << u"SW1A 1AA"_s << QString() << QString() << none;
    QTest::newRow("GB postcode M1 1AE") << u"GB"_s << u"M1 1AE"_s << QString() << QString() << none;
    QTest::newRow("GB digits") << u"GB"_s << u"12345"_s << QString() << QString() << shape;
    QTest::newRow("DE code") << u"DE"_s << u"10117"_s << QString() << QString() << none;
    QTest::newRow("DE four digits") << u"DE"_s << u"1011"_s << QString() << QString() << shape;
    QTest::newRow("FR code") << u"FR"_s << u"75008"_s << QString() << QString() << none;
    QTest::newRow("FR letters") << u"FR"_s << u"7500A"_s << QString() << QString() << shape;
    QTest::newRow("NL code") << u"NL"_s << u"1012 AB"_s << QString() << QString() << none;
    QTest::newRow("NL code starting with 0") << u"NL"_s << u"0123 AB"_s << QString() << QString() << shape;
    QTest::newRow("AU code") << u"AU"_s << u"2000"_s << u"NSW"_s << QString() << none;
    QTest::newRow("AU three digits") << u"AU"_s << u"200"_s << u"NSW"_s << QString() << shape;
    QTest::newRow("AU without state")
        << u"AU"_s << u"2000"_s << QString() << QString() << QStringList{u"MISSING_SHIP_TO"_s};
    QTest::newRow("JP is not checked") << u"JP"_s << u"100-0001"_s << QString() << QString() << none;
}

void TestOrderValidator::addresses() {
    QFETCH(QString, country);
    QFETCH(QString, postal);
    QFETCH(QString, region);
    QFETCH(QString, position);
    QFETCH(QStringList, codes);
    Order o = validOrder();
    o.shipTo.country = country;
    o.shipTo.postalCode = postal;
    o.shipTo.region = region;
    if (!position.isEmpty())
        o.shipTo.position =
            GeoPoint{position.section(u',', 0, 0).toDouble(), position.section(u',', 1, 1).toDouble()};
    QStringList found;
    QStringList details;
    for (const ExceptionReason& r : validator().validate(o)) {
        found << r.code;
        details << r.detail;
    }
    QVERIFY2(found == codes, qPrintable(details.join(u"; "_s)));
}

void TestOrderValidator::switchedOffRulesAreSkipped() {
    Order o = validOrder();
    o.lines[0].skuCode = u"XJ-9"_s;
    o.payment = PaymentStatus::Pending;
    OrderValidator v = validator();
    ValidationSettings settings;
    settings.set(u"UNKNOWN_SKU"_s, false);
    v.setSettings(settings);
    const QList<ExceptionReason> reasons = v.validate(o);
    QCOMPARE(reasons.size(), 1);
    QCOMPARE(reasons[0].code, u"PAYMENT_NOT_AUTHORIZED"_s);
    QCOMPARE(reasons[0].detail, u"the channel reports the payment as pending"_s);
}

void TestOrderValidator::parametersTuneTheRules() {
    Order o = validOrder(); // 2 x 10.00
    OrderValidator v = validator();
    ValidationSettings settings;
    settings.set(u"HIGH_VALUE"_s, true, {{u"threshold_minor"_s, u"1999"_s}});
    settings.set(u"INVALID_QUANTITY"_s, true, {{u"max_quantity"_s, u"1"_s}});
    settings.set(u"INVALID_PRICE"_s, true, {{u"allow_zero"_s, u"0"_s}});
    settings.set(u"PAYMENT_NOT_AUTHORIZED"_s, true, {{u"require_known"_s, u"1"_s}});
    v.setSettings(settings);
    const QList<ExceptionReason> reasons = v.validate(o);
    QCOMPARE(reasons.size(), 3);
    QCOMPARE(reasons[0].code, u"INVALID_QUANTITY"_s);
    QCOMPARE(reasons[0].detail, u"line 1: quantity 2 is more than 1"_s);
    QCOMPARE(reasons[1].code, u"PAYMENT_NOT_AUTHORIZED"_s);
    QCOMPARE(reasons[1].detail, u"the channel reports the payment as unknown"_s);
    QCOMPARE(reasons[2].code, u"HIGH_VALUE"_s);
    QCOMPARE(reasons[2].detail, u"the order's value 20.00 USD is over 19.99 USD"_s);
    o.lines[0].quantity = 1;
    o.lines[0].unitPrice.minor = 0;
    o.payment = PaymentStatus::Paid;
    const QList<ExceptionReason> zero = v.validate(o);
    QCOMPARE(zero.size(), 1);
    QCOMPARE(zero[0].detail, u"line 1: the unit price is zero"_s);
}

void TestOrderValidator::suspectedDuplicateAsksTheFinder() {
    Order o = validOrder();
    o.customerEmail = u"ana@example.com"_s;
    OrderValidator v = validator();
    qint64 askedWindow = -1;
    v.setDuplicateFinder([&](const Order&, qint64 window) {
        askedWindow = window;
        return QStringList{u"W-0"_s};
    });
    QVERIFY(v.validate(o).isEmpty()); // off by default
    QCOMPARE(askedWindow, -1);
    ValidationSettings settings;
    settings.set(u"SUSPECTED_DUPLICATE"_s, true, {{u"window_minutes"_s, u"30"_s}});
    v.setSettings(settings);
    const QList<ExceptionReason> reasons = v.validate(o);
    QCOMPARE(askedWindow, 30 * 60 * 1000);
    QCOMPARE(reasons.size(), 1);
    QCOMPARE(reasons[0].code, u"SUSPECTED_DUPLICATE"_s);
    QCOMPARE(reasons[0].detail, u"the same customer ordered the same items within 30 minutes: W-0"_s);
}

void TestOrderValidator::duplicateWindowStopsAtTheLimitOfItsType() {
    // Any whole number of minutes may be set (`ordo validation enable ... --param window_minutes=N`); in
    // milliseconds it must not wrap around into a negative window.
    Order o = validOrder();
    o.customerEmail = u"ana@example.com"_s;
    OrderValidator v = validator();
    qint64 askedWindow = -1;
    v.setDuplicateFinder([&](const Order&, qint64 window) {
        askedWindow = window;
        return QStringList{u"W-0"_s};
    });
    ValidationSettings settings;
    settings.set(u"SUSPECTED_DUPLICATE"_s, true, {{u"window_minutes"_s, u"9223372036854775807"_s}});
    v.setSettings(settings);
    const QList<ExceptionReason> reasons = v.validate(o);
    constexpr qint64 mostMinutes = std::numeric_limits<qint64>::max() / 60000;
    QCOMPARE(askedWindow, mostMinutes * 60000);
    QCOMPARE(reasons.size(), 1);
    QCOMPARE(reasons[0].detail,
             u"the same customer ordered the same items within %1 minutes: W-0"_s.arg(mostMinutes));
}

void TestOrderValidator::settingsRefuseWhatDoesNotExist() {
    ValidationSettings settings;
    QVERIFY_THROWS_EXCEPTION(Error, settings.set(u"NO_SUCH_RULE"_s, true));
    QVERIFY_THROWS_EXCEPTION(Error, settings.set(u"HIGH_VALUE"_s, true, {{u"limit"_s, u"5"_s}}));
    QVERIFY_THROWS_EXCEPTION(Error, settings.set(u"HIGH_VALUE"_s, true, {{u"threshold_minor"_s, u"lots"_s}}));
    QVERIFY_THROWS_EXCEPTION(Error, settings.set(u"HIGH_VALUE"_s, true, {{u"threshold_minor"_s, u"-1"_s}}));
    QCOMPARE(settings.intParam(u"HIGH_VALUE"_s, u"threshold_minor"_s), 500000);
    QVERIFY(!settings.enabled(u"SUSPECTED_DUPLICATE"_s));
    QVERIFY(settings.enabled(u"COUNTRY_MISMATCH"_s));
}

void TestOrderValidator::orderValueCountsTaxesChargesAndDiscounts() {
    Order o = validOrder(); // 2 x 10.00
    o.lines[0].taxMinor = 160;
    o.lines[0].discountMinor = 300;
    o.charges = {{OrderCharge::Kind::Shipping, u"Ground"_s, 599},
                 {OrderCharge::Kind::Tax, u"Shipping tax"_s, 36},
                 {OrderCharge::Kind::Discount, u"SAVE5"_s, 500},
                 {OrderCharge::Kind::Fee, u"Gift wrap"_s, 250}};
    // 2000 + 160 - 300 + 599 + 36 - 500 + 250
    QCOMPARE(OrderValidator::orderValueMinor(o), 2245);
}

void TestOrderValidator::orderValuePastTheCeilingIsTheMostValuable_data() {
    // Amounts a channel may send that are exact but absurd: the value must not wrap around (undefined
    // behaviour, and a huge order would pass as cheap). Past the ceiling of amounts (Money::maxMinor, which
    // capture refuses) an order counts as the most valuable there is, over any threshold.
    constexpr qint64 most = std::numeric_limits<qint64>::max();
    constexpr qint64 least = std::numeric_limits<qint64>::min();
    constexpr qint64 ceiling = Money::maxMinor;
    QTest::addColumn<qint64>("unitPrice");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<qint64>("tax");
    QTest::addColumn<qint64>("discount");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<bool>("highValue");
    QTest::newRow("price near the 64-bit limit times 2")
        << most / 2 + 1 << 2 << qint64(0) << qint64(0) << ceiling << true;
    QTest::newRow("tax past the 64-bit limit")
        << most - 10 << 1 << qint64(100) << qint64(0) << ceiling << true;
    QTest::newRow("discount of the least 64-bit value")
        << qint64(1000) << 1 << qint64(0) << least << ceiling << true;
    QTest::newRow("negative price times a large quantity")
        << least / 2 << 4 << qint64(0) << qint64(0) << ceiling << true;
    QTest::newRow("one past the ceiling") << ceiling << 1 << qint64(1) << qint64(0) << ceiling << true;
    QTest::newRow("at the ceiling, exact") << ceiling - 1 << 1 << qint64(1) << qint64(0) << ceiling << true;
    QTest::newRow("ordinary") << qint64(1000) << 3 << qint64(50) << qint64(20) << qint64(3030) << false;
}

void TestOrderValidator::orderValuePastTheCeilingIsTheMostValuable() {
    QFETCH(qint64, unitPrice);
    QFETCH(int, quantity);
    QFETCH(qint64, tax);
    QFETCH(qint64, discount);
    QFETCH(qint64, value);
    QFETCH(bool, highValue);
    Order o = validOrder();
    o.lines[0].unitPrice.minor = unitPrice;
    o.lines[0].quantity = quantity;
    o.lines[0].taxMinor = tax;
    o.lines[0].discountMinor = discount;
    QCOMPARE(OrderValidator::orderValueMinor(o), value);
    bool flagged = false;
    for (const ExceptionReason& r : validator().validate(o))
        flagged = flagged || r.code == u"HIGH_VALUE"_s;
    QCOMPARE(flagged, highValue);
}

QTEST_GUILESS_MAIN(TestOrderValidator)
#include "tst_ordervalidator.moc"
