// PersonGenerator: e-mail local parts, phone formats and ZIP codes; generated people are complete and safe
// (example domains, 555 numbers).
#include "demo/DemoRandom.h"
#include "demo/PersonGenerator.h"
#include "demo/UsPlaces.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

using EmailStyle = PersonGenerator::EmailStyle;
using PhoneStyle = PersonGenerator::PhoneStyle;
Q_DECLARE_METATYPE(EmailStyle)
Q_DECLARE_METATYPE(PhoneStyle)

class TestPersonGenerator : public QObject {
    Q_OBJECT
private slots:
    void emailLocalPart_data();
    void emailLocalPart();
    void formatPhone_data();
    void formatPhone();
    void nearbyZip_data();
    void nearbyZip();
    void offsetKm();
    void peopleAreComplete();
    void sameSeedSamePerson();
};

void TestPersonGenerator::emailLocalPart_data() {
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<EmailStyle>("style");
    QTest::addColumn<int>("number");
    QTest::addColumn<QString>("expected");
    QTest::newRow("dot") << u"Ana"_s << u"Lopez"_s << EmailStyle::FirstDotLast << 0 << u"ana.lopez"_s;
    QTest::newRow("joined") << u"Ana"_s << u"Lopez"_s << EmailStyle::FirstLast << 7 << u"analopez7"_s;
    QTest::newRow("initial") << u"Ana"_s << u"Lopez"_s << EmailStyle::InitialLast << 0 << u"alopez"_s;
    QTest::newRow("underscore") << u"Ana"_s << u"Lopez"_s << EmailStyle::FirstUnderscoreLast << 0
                                << u"ana_lopez"_s;
    QTest::newRow("dot initial") << u"Ana"_s << u"Lopez"_s << EmailStyle::FirstDotInitial << 1990
                                 << u"ana.l1990"_s;
    QTest::newRow("apostrophe dropped")
        << u"Liam"_s << u"O'Brien"_s << EmailStyle::FirstDotLast << 0 << u"liam.obrien"_s;
    QTest::newRow("hyphen dropped") << u"Soo-ah"_s << u"Park"_s << EmailStyle::FirstLast << 0
                                    << u"sooahpark"_s;
}

void TestPersonGenerator::emailLocalPart() {
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(EmailStyle, style);
    QFETCH(int, number);
    QFETCH(QString, expected);
    QCOMPARE(PersonGenerator::emailLocalPart(first, last, style, number), expected);
}

void TestPersonGenerator::formatPhone_data() {
    QTest::addColumn<PhoneStyle>("style");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("parenthesised") << PhoneStyle::Parenthesised << 147 << u"(312) 555-0147"_s;
    QTest::newRow("dashed") << PhoneStyle::Dashed << 9876 << u"312-555-9876"_s;
    QTest::newRow("international") << PhoneStyle::International << 12 << u"+1 312 555 0012"_s;
    QTest::newRow("digits") << PhoneStyle::Digits << 4321 << u"3125554321"_s;
}

void TestPersonGenerator::formatPhone() {
    QFETCH(PhoneStyle, style);
    QFETCH(int, line);
    QFETCH(QString, expected);
    QCOMPARE(PersonGenerator::formatPhone(u"312"_s, line, style), expected);
}

void TestPersonGenerator::nearbyZip_data() {
    QTest::addColumn<QString>("base");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("expected");
    QTest::newRow("same") << u"60601"_s << 0 << u"60601"_s;
    QTest::newRow("offset") << u"60601"_s << 13 << u"60614"_s;
    QTest::newRow("wraps within the area") << u"94190"_s << 15 << u"94105"_s;
    QTest::newRow("leading zero kept") << u"02108"_s << 3 << u"02111"_s;
}

void TestPersonGenerator::nearbyZip() {
    QFETCH(QString, base);
    QFETCH(int, offset);
    QFETCH(QString, expected);
    QCOMPARE(PersonGenerator::nearbyZip(base, offset), expected);
}

void TestPersonGenerator::offsetKm() {
    const GeoPoint chicago{41.8781, -87.6298};
    const GeoPoint north = PersonGenerator::offsetKm(chicago, 10.0, 0.0);
    const GeoPoint east = PersonGenerator::offsetKm(chicago, 0.0, 10.0);
    QVERIFY(qAbs(distanceKm(chicago, north) - 10.0) < 0.05);
    QVERIFY(qAbs(distanceKm(chicago, east) - 10.0) < 0.05);
    QVERIFY(north.latitude > chicago.latitude);
    QVERIFY(east.longitude > chicago.longitude);
}

void TestPersonGenerator::peopleAreComplete() {
    DemoRandom random(11);
    const UsPlace& place = UsPlaces::builtIn().first();
    for (int i = 0; i < 500; ++i) {
        const DemoPerson p =
            i % 10 == 0 ? PersonGenerator::makeBusiness(random, place) : PersonGenerator::make(random, place);
        QVERIFY(!p.fullName.isEmpty() && p.fullName.contains(u' '));
        QVERIFY2(p.email.contains(u"example."_s) && p.email.count(u'@') == 1, qPrintable(p.email));
        QString digits;
        for (QChar c : p.phone)
            if (c.isDigit())
                digits += c;
        QVERIFY2(digits.size() == 10 || (digits.size() == 11 && digits.startsWith(u'1')),
                 qPrintable(p.phone));
        QVERIFY2(digits.right(7).startsWith(u"555"_s), qPrintable(p.phone));
        QVERIFY(!p.address1.isEmpty());
        QCOMPARE(p.city, place.city);
        QCOMPARE(p.zip.left(3), place.zip.left(3));
        QVERIFY(distanceKm(p.position, place.position) < 150.0);
    }
}

void TestPersonGenerator::sameSeedSamePerson() {
    DemoRandom a(5), b(5);
    const UsPlace& place = UsPlaces::builtIn().at(3);
    const DemoPerson x = PersonGenerator::make(a, place);
    const DemoPerson y = PersonGenerator::make(b, place);
    QCOMPARE(x.fullName, y.fullName);
    QCOMPARE(x.email, y.email);
    QCOMPARE(x.phone, y.phone);
    QCOMPARE(x.address1, y.address1);
    QCOMPARE(x.position, y.position);
}

QTEST_GUILESS_MAIN(TestPersonGenerator)
#include "tst_persongenerator.moc"
