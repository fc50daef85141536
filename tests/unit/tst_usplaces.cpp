// UsPlaces: the built-in geography loads and is plausible; broken files are refused with the line and field.
#include "Error.h"
#include "demo/UsPlaces.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestUsPlaces : public QObject {
    Q_OBJECT
private slots:
    void builtInIsPlausible();
    void knownCity_data();
    void knownCity();
    void parsesOneLine();
    void refusesBrokenLines_data();
    void refusesBrokenLines();
};

void TestUsPlaces::builtInIsPlausible() {
    const QList<UsPlace>& places = UsPlaces::builtIn();
    QVERIFY2(places.size() >= 100 && places.size() <= 250, qPrintable(QString::number(places.size())));
    QSet<QString> states;
    qint64 population = 0;
    for (const UsPlace& p : places) {
        // The continental United States.
        QVERIFY2(p.position.latitude > 24.4 && p.position.latitude < 49.5, qPrintable(p.city));
        QVERIFY2(p.position.longitude > -125.0 && p.position.longitude < -66.9, qPrintable(p.city));
        QCOMPARE(p.zip.size(), 5);
        QCOMPARE(p.areaCode.size(), 3);
        states.insert(p.state);
        population += p.population;
    }
    QVERIFY(states.size() >= 45);
    QVERIFY(population > 50000000);
}

void TestUsPlaces::knownCity_data() {
    QTest::addColumn<QString>("city");
    QTest::addColumn<QString>("state");
    QTest::addColumn<double>("latitude");
    QTest::addColumn<double>("longitude");
    QTest::newRow("New York") << u"New York"_s << u"NY"_s << 40.71 << -74.01;
    QTest::newRow("Chicago") << u"Chicago"_s << u"IL"_s << 41.88 << -87.63;
    QTest::newRow("Los Angeles") << u"Los Angeles"_s << u"CA"_s << 34.05 << -118.24;
    QTest::newRow("Denver") << u"Denver"_s << u"CO"_s << 39.74 << -104.99;
    QTest::newRow("Miami") << u"Miami"_s << u"FL"_s << 25.76 << -80.19;
}

void TestUsPlaces::knownCity() {
    QFETCH(QString, city);
    QFETCH(QString, state);
    QFETCH(double, latitude);
    QFETCH(double, longitude);
    for (const UsPlace& p : UsPlaces::builtIn()) {
        if (p.city == city && p.state == state) {
            QVERIFY(qAbs(p.position.latitude - latitude) < 0.05);
            QVERIFY(qAbs(p.position.longitude - longitude) < 0.05);
            return;
        }
    }
    QFAIL("city not found");
}

void TestUsPlaces::parsesOneLine() {
    const QList<UsPlace> places = UsPlaces::parse("# "
                                                  "comment\ncity,state,latitude,longitude,population,zip,"
                                                  "area_code\nBoston,MA,42.3601,-71.0589,675647,02108,617\n",
                                                  u"t.csv"_s);
    QCOMPARE(places.size(), 1);
    QCOMPARE(places.first().city, u"Boston"_s);
    QCOMPARE(places.first().zip, u"02108"_s);
    QCOMPARE(places.first().population, 675647);
    QCOMPARE(places.first().position.longitude, -71.0589);
}

void TestUsPlaces::refusesBrokenLines_data() {
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("fields") << QByteArray("Boston,MA,42.3,-71.0,675647,02108")
                            << u"t.csv line 2: expected 7 fields"_s;
    QTest::newRow("state") << QByteArray("Boston,Mass,42.3,-71.0,675647,02108,617")
                           << u"t.csv line 2: state 'Mass'"_s;
    QTest::newRow("latitude") << QByteArray("Boston,MA,north,-71.0,675647,02108,617")
                              << u"t.csv line 2: latitude 'north'"_s;
    QTest::newRow("longitude east") << QByteArray("Boston,MA,42.3,71.0,675647,02108,617")
                                    << u"t.csv line 2: longitude '71.0'"_s;
    QTest::newRow("population") << QByteArray("Boston,MA,42.3,-71.0,-5,02108,617")
                                << u"t.csv line 2: population '-5'"_s;
    QTest::newRow("zip") << QByteArray("Boston,MA,42.3,-71.0,675647,2108,617")
                         << u"t.csv line 2: zip '2108'"_s;
    QTest::newRow("area code") << QByteArray("Boston,MA,42.3,-71.0,675647,02108,61")
                               << u"t.csv line 2: area_code '61'"_s;
}

void TestUsPlaces::refusesBrokenLines() {
    QFETCH(QByteArray, line);
    QFETCH(QString, message);
    try {
        UsPlaces::parse("city,state,latitude,longitude,population,zip,area_code\n" + line + '\n', u"t.csv"_s);
        QFAIL("accepted a broken line");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QVERIFY2(e.message().startsWith(message), qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestUsPlaces)
#include "tst_usplaces.moc"
