// PostalCodes: the shape of each checked country's codes (valid and invalid examples per country, countries
// not checked), the US state of a ZIP from its USPS ZIP3 prefix (states, DC, territories, military,
// unassigned prefixes), the Canadian province of a postal code's first letter, and the states' bounding
// boxes.
#include "orders/PostalCodes.h"

#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
namespace PostalCodes = ordo::PostalCodes;

namespace {

// Data tables carry an optional as a string: "" for nullopt.
QString text(const std::optional<QString>& value) {
    return value.value_or(QString());
}

enum Shape { Valid, Invalid, Unchecked };

} // namespace

Q_DECLARE_METATYPE(Shape)

class tst_PostalCodes : public QObject {
    Q_OBJECT

private slots:
    void hasValidFormat_data();
    void hasValidFormat();
    void isChecked_data();
    void isChecked();
    void usStateForZip_data();
    void usStateForZip();
    void caProvinceForPostalCode_data();
    void caProvinceForPostalCode();
    void usStateBox();
    void usStateBoxContains_data();
    void usStateBoxContains();
};

void tst_PostalCodes::hasValidFormat_data() {
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("code");
    QTest::addColumn<Shape>("shape");

    QTest::newRow("US five digits") << u"US"_s << u"10118"_s << Valid;
    QTest::newRow("US ZIP+4") << u"US"_s << u"10118-0110"_s << Valid;
    QTest::newRow("US surrounding spaces") << u"US"_s << u" 90210 "_s << Valid;
    QTest::newRow("US four digits") << u"US"_s << u"1011"_s << Invalid;
    QTest::newRow("US six digits") << u"US"_s << u"101180"_s << Invalid;
    QTest::newRow("US short plus four") << u"US"_s << u"10118-011"_s << Invalid;
    QTest::newRow("US ZIP+4 without dash") << u"US"_s << u"101180110"_s << Invalid;
    QTest::newRow("US letters") << u"US"_s << u"ABCDE"_s << Invalid;
    QTest::newRow("US empty") << u"US"_s << QString() << Invalid;

    QTest::newRow("CA with space") << u"CA"_s << u"K1A 0B1"_s << Valid;
    QTest::newRow("CA without space, lower case") << u"CA"_s << u"h2x1y4"_s << Valid;
    QTest::newRow("CA Yukon") << u"CA"_s << u"Y1A 6L4"_s << Valid;
    QTest::newRow("CA first letter D") << u"CA"_s << u"D1A 1A1"_s << Invalid;
    QTest::newRow("CA first letter W") << u"CA"_s << u"W1A 1A1"_s << Invalid;
    QTest::newRow("CA third letter O") << u"CA"_s << u"K1O 1A1"_s << Invalid;
    QTest::newRow("CA digit for letter") << u"CA"_s << u"K11 1A1"_s << Invalid;
    QTest::newRow("CA US ZIP") << u"CA"_s << u"10118"_s << Invalid;

    QTest::newRow("GB AANA NAA") << u"GB"_s << u"SW1A 1AA"_s << Valid;
    QTest::newRow("GB AN NAA") << u"GB"_s << u"M1 1AE"_s << Valid;
    QTest::newRow("GB ANN NAA") << u"GB"_s << u"B33 8TH"_s << Valid;
    QTest::newRow("GB AAN NAA") << u"GB"_s << u"CR2 6XH"_s << Valid;
    QTest::newRow("GB AANN NAA") << u"GB"_s << u"DN55 1PT"_s << Valid;
    QTest::newRow("GB ANA NAA") << u"GB"_s << u"W1A 0AX"_s << Valid;
    QTest::newRow("GB without space") << u"GB"_s << u"EC1A1BB"_s << Valid;
    QTest::newRow("GB Girobank") << u"GB"_s << u"GIR 0AA"_s << Valid;
    QTest::newRow("GB first letter Q") << u"GB"_s << u"Q1 1AA"_s << Invalid;
    QTest::newRow("GB inward letter C") << u"GB"_s << u"SW1A 1CA"_s << Invalid;
    QTest::newRow("GB no inward code") << u"GB"_s << u"SW1A"_s << Invalid;
    QTest::newRow("GB digits") << u"GB"_s << u"12345"_s << Invalid;

    QTest::newRow("DE five digits") << u"DE"_s << u"10115"_s << Valid;
    QTest::newRow("DE four digits") << u"DE"_s << u"1011"_s << Invalid;
    QTest::newRow("DE six digits") << u"DE"_s << u"101155"_s << Invalid;
    QTest::newRow("FR five digits") << u"FR"_s << u"75008"_s << Valid;
    QTest::newRow("FR letter") << u"FR"_s << u"7500A"_s << Invalid;
    QTest::newRow("FR Corsica letters") << u"FR"_s << u"2A004"_s << Invalid;

    QTest::newRow("NL with space") << u"NL"_s << u"1012 AB"_s << Valid;
    QTest::newRow("NL without space") << u"NL"_s << u"1012AB"_s << Valid;
    QTest::newRow("NL leading zero") << u"NL"_s << u"0123 AB"_s << Invalid;
    QTest::newRow("NL one letter") << u"NL"_s << u"1012 A"_s << Invalid;

    QTest::newRow("AU four digits") << u"AU"_s << u"2000"_s << Valid;
    QTest::newRow("AU three digits") << u"AU"_s << u"200"_s << Invalid;
    QTest::newRow("AU five digits") << u"AU"_s << u"20000"_s << Invalid;

    QTest::newRow("JP not checked") << u"JP"_s << u"100-0001"_s << Unchecked;
    QTest::newRow("IT not checked") << u"IT"_s << u"anything"_s << Unchecked;
    QTest::newRow("no country") << QString() << u"10118"_s << Unchecked;
}

void tst_PostalCodes::hasValidFormat() {
    QFETCH(QString, country);
    QFETCH(QString, code);
    QFETCH(Shape, shape);

    const std::optional<bool> result = PostalCodes::hasValidFormat(country, code);
    QCOMPARE(result.has_value(), shape != Unchecked);
    if (result)
        QCOMPARE(*result, shape == Valid);
}

void tst_PostalCodes::isChecked_data() {
    QTest::addColumn<QString>("country");
    QTest::addColumn<bool>("checked");

    for (const QString& country : {u"US"_s, u"CA"_s, u"GB"_s, u"DE"_s, u"FR"_s, u"NL"_s, u"AU"_s})
        QTest::newRow(qPrintable(country)) << country << true;
    QTest::newRow("JP") << u"JP"_s << false;
    QTest::newRow("MX") << u"MX"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_PostalCodes::isChecked() {
    QFETCH(QString, country);
    QFETCH(bool, checked);
    QCOMPARE(PostalCodes::isChecked(country), checked);
}

void tst_PostalCodes::usStateForZip_data() {
    QTest::addColumn<QString>("zip");
    QTest::addColumn<QString>("state"); // empty: no state

    QTest::newRow("Manhattan") << u"10118"_s << u"NY"_s;
    QTest::newRow("Beverly Hills") << u"90210"_s << u"CA"_s;
    QTest::newRow("Louisville") << u"40202"_s << u"KY"_s;
    QTest::newRow("ZIP+4") << u"40202-1234"_s << u"KY"_s;
    QTest::newRow("Holtsville IRS (005)") << u"00501"_s << u"NY"_s;
    QTest::newRow("Puerto Rico (006)") << u"00601"_s << u"PR"_s;
    QTest::newRow("Virgin Islands (008)") << u"00802"_s << u"VI"_s;
    QTest::newRow("Washington DC (200)") << u"20001"_s << u"DC"_s;
    QTest::newRow("Northern Virginia (201)") << u"20151"_s << u"VA"_s;
    QTest::newRow("DC federal (569)") << u"56901"_s << u"DC"_s;
    QTest::newRow("El Paso (885)") << u"88510"_s << u"TX"_s;
    QTest::newRow("Texarkana (733)") << u"73301"_s << u"TX"_s;
    QTest::newRow("Guam (969)") << u"96910"_s << u"GU"_s;
    QTest::newRow("Anchorage") << u"99501"_s << u"AK"_s;
    QTest::newRow("Armed Forces Europe") << u"09012"_s << u"AE"_s;
    QTest::newRow("Armed Forces Americas") << u"34001"_s << u"AA"_s;
    QTest::newRow("Armed Forces Pacific") << u"96201"_s << u"AP"_s;
    QTest::newRow("three digits are enough") << u"100"_s << u"NY"_s;
    QTest::newRow("surrounding spaces") << u" 10118 "_s << u"NY"_s;
    QTest::newRow("unassigned 000") << u"00001"_s << QString();
    QTest::newRow("unassigned 715") << u"71501"_s << QString();
    QTest::newRow("unassigned 886") << u"88601"_s << QString();
    QTest::newRow("two digits") << u"10"_s << QString();
    QTest::newRow("letters") << u"ABCDE"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void tst_PostalCodes::usStateForZip() {
    QFETCH(QString, zip);
    QFETCH(QString, state);
    QCOMPARE(text(PostalCodes::usStateForZip(zip)), state);
}

void tst_PostalCodes::caProvinceForPostalCode_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("province"); // empty: none

    QTest::newRow("Ottawa") << u"K1A 0B1"_s << u"ON"_s;
    QTest::newRow("Toronto") << u"M5V 3L9"_s << u"ON"_s;
    QTest::newRow("Montreal, lower case") << u"h2x 1y4"_s << u"QC"_s;
    QTest::newRow("Quebec City") << u"G1R 4P5"_s << u"QC"_s;
    QTest::newRow("St. John's") << u"A1C 5M2"_s << u"NL"_s;
    QTest::newRow("Halifax") << u"B3H 4R2"_s << u"NS"_s;
    QTest::newRow("Charlottetown") << u"C1A 7N8"_s << u"PE"_s;
    QTest::newRow("Fredericton") << u"E3B 1B6"_s << u"NB"_s;
    QTest::newRow("Winnipeg") << u"R3C 4T3"_s << u"MB"_s;
    QTest::newRow("Regina") << u"S4P 3Y2"_s << u"SK"_s;
    QTest::newRow("Calgary, leading spaces") << u"  T2P 1J9"_s << u"AB"_s;
    QTest::newRow("Vancouver") << u"V6B 4Y8"_s << u"BC"_s;
    QTest::newRow("Yellowknife") << u"X1A 2L9"_s << u"NT/NU"_s;
    QTest::newRow("Whitehorse") << u"Y1A 6L4"_s << u"YT"_s;
    QTest::newRow("D is no province") << u"D1A 1A1"_s << QString();
    QTest::newRow("digit first") << u"12345"_s << QString();
    QTest::newRow("empty") << u"   "_s << QString();
}

void tst_PostalCodes::caProvinceForPostalCode() {
    QFETCH(QString, code);
    QFETCH(QString, province);
    QCOMPARE(text(PostalCodes::caProvinceForPostalCode(code)), province);
}

void tst_PostalCodes::usStateBox() {
    const std::optional<PostalCodes::Box> ky = PostalCodes::usStateBox(u"KY"_s, 0.0);
    QVERIFY(ky);
    QCOMPARE(ky->south, 36.49);
    QCOMPARE(ky->north, 39.15);
    QCOMPARE(ky->west, -89.58);
    QCOMPARE(ky->east, -81.96);

    const std::optional<PostalCodes::Box> widened = PostalCodes::usStateBox(u"KY"_s, 0.5);
    QVERIFY(widened);
    QCOMPARE(widened->south, 36.49 - 0.5);
    QCOMPARE(widened->north, 39.15 + 0.5);
    QCOMPARE(widened->west, -89.58 - 0.5);
    QCOMPARE(widened->east, -81.96 + 0.5);

    // Military and most territories have no box; Puerto Rico has one.
    QVERIFY(!PostalCodes::usStateBox(u"AE"_s, 0.0));
    QVERIFY(!PostalCodes::usStateBox(u"GU"_s, 0.0));
    QVERIFY(!PostalCodes::usStateBox(u"XX"_s, 0.0));
    QVERIFY(PostalCodes::usStateBox(u"PR"_s, 0.0));
}

void tst_PostalCodes::usStateBoxContains_data() {
    QTest::addColumn<QString>("state");
    QTest::addColumn<double>("margin");
    QTest::addColumn<double>("latitude");
    QTest::addColumn<double>("longitude");
    QTest::addColumn<bool>("inside");

    QTest::newRow("Louisville in KY") << u"KY"_s << 0.0 << 38.2527 << -85.7585 << true;
    QTest::newRow("Toronto not in KY") << u"KY"_s << 0.0 << 43.6532 << -79.3832 << false;
    QTest::newRow("KY south-west corner") << u"KY"_s << 0.0 << 36.49 << -89.58 << true;
    QTest::newRow("just south of KY") << u"KY"_s << 0.0 << 36.48 << -85.0 << false;
    QTest::newRow("just south of KY, with margin") << u"KY"_s << 0.1 << 36.48 << -85.0 << true;
    QTest::newRow("Empire State Building in NY") << u"NY"_s << 0.0 << 40.7484 << -73.9857 << true;
    QTest::newRow("Los Angeles not in NY") << u"NY"_s << 0.0 << 34.0522 << -118.2437 << false;
    QTest::newRow("Honolulu in HI") << u"HI"_s << 0.0 << 21.3069 << -157.8583 << true;
    QTest::newRow("Anchorage in AK") << u"AK"_s << 0.0 << 61.2181 << -149.9003 << true;
    QTest::newRow("San Juan in PR") << u"PR"_s << 0.0 << 18.4655 << -66.1057 << true;
}

void tst_PostalCodes::usStateBoxContains() {
    QFETCH(QString, state);
    QFETCH(double, margin);
    QFETCH(double, latitude);
    QFETCH(double, longitude);
    QFETCH(bool, inside);

    const std::optional<PostalCodes::Box> box = PostalCodes::usStateBox(state, margin);
    QVERIFY(box);
    QCOMPARE(box->contains(ordo::GeoPoint{latitude, longitude}), inside);
}

QTEST_GUILESS_MAIN(tst_PostalCodes)
#include "tst_postalcodes.moc"
