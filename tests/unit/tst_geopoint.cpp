#include "model/GeoPoint.h"

#include <QTest>

#include <cmath>
#include <numbers>

using ordo::GeoPoint;

namespace {
constexpr double earthRadiusKm = 6371.0;
}

class tst_GeoPoint : public QObject {
    Q_OBJECT

private slots:
    void cityDistances_data();
    void cityDistances();
    void exactGeometry_data();
    void exactGeometry();
    void isValid_data();
    void isValid();
};

void tst_GeoPoint::cityDistances_data() {
    QTest::addColumn<GeoPoint>("from");
    QTest::addColumn<GeoPoint>("to");
    QTest::addColumn<double>("km"); // published great-circle distance between the city centres

    const GeoPoint london{51.5074, -0.1278};
    const GeoPoint paris{48.8566, 2.3522};
    const GeoPoint newYork{40.7128, -74.0060};
    const GeoPoint losAngeles{34.0522, -118.2437};
    const GeoPoint sydney{-33.8688, 151.2093};
    const GeoPoint tokyo{35.6762, 139.6503};
    const GeoPoint berlin{52.5200, 13.4050};
    const GeoPoint munich{48.1351, 11.5820};
    const GeoPoint madrid{40.4168, -3.7038};
    const GeoPoint capeTown{-33.9249, 18.4241};

    QTest::newRow("London-Paris") << london << paris << 344.0;
    QTest::newRow("Berlin-Munich") << berlin << munich << 504.0;
    QTest::newRow("Madrid-Berlin") << madrid << berlin << 1869.0;
    QTest::newRow("New York-Los Angeles") << newYork << losAngeles << 3936.0;
    QTest::newRow("London-New York") << london << newYork << 5570.0;
    QTest::newRow("Sydney-Tokyo") << sydney << tokyo << 7823.0;
    QTest::newRow("Cape Town-London") << capeTown << london << 9670.0;
}

void tst_GeoPoint::cityDistances() {
    QFETCH(GeoPoint, from);
    QFETCH(GeoPoint, to);
    QFETCH(double, km);

    const double there = ordo::distanceKm(from, to);
    const double back = ordo::distanceKm(to, from);
    QVERIFY2(std::abs(there - km) <= km * 0.005,
             qPrintable(QStringLiteral("%1 km, expected about %2 km").arg(there).arg(km)));
    QCOMPARE(back, there);
}

void tst_GeoPoint::exactGeometry_data() {
    QTest::addColumn<GeoPoint>("from");
    QTest::addColumn<GeoPoint>("to");
    QTest::addColumn<double>("km");

    const double halfCircumference = std::numbers::pi * earthRadiusKm;
    const double oneDegree = halfCircumference / 180.0;
    QTest::newRow("same point") << GeoPoint{48.1, 11.5} << GeoPoint{48.1, 11.5} << 0.0;
    QTest::newRow("one degree on the equator") << GeoPoint{0, 10} << GeoPoint{0, 11} << oneDegree;
    QTest::newRow("one degree of latitude") << GeoPoint{45, -70} << GeoPoint{46, -70} << oneDegree;
    QTest::newRow("across the antimeridian") << GeoPoint{0, 179.5} << GeoPoint{0, -179.5} << oneDegree;
    QTest::newRow("antipodes on the equator") << GeoPoint{0, 0} << GeoPoint{0, 180} << halfCircumference;
    QTest::newRow("pole to pole") << GeoPoint{90, 0} << GeoPoint{-90, 0} << halfCircumference;
    QTest::newRow("antipodes off the equator")
        << GeoPoint{30, 40} << GeoPoint{-30, -140} << halfCircumference;
    QTest::newRow("quarter circle") << GeoPoint{0, 0} << GeoPoint{90, 0} << halfCircumference / 2;
}

void tst_GeoPoint::exactGeometry() {
    QFETCH(GeoPoint, from);
    QFETCH(GeoPoint, to);
    QFETCH(double, km);

    const double distance = ordo::distanceKm(from, to);
    QVERIFY(std::isfinite(distance));
    QVERIFY2(std::abs(distance - km) < 1e-6,
             qPrintable(QStringLiteral("%1 km, expected %2 km").arg(distance, 0, 'f', 9).arg(km, 0, 'f', 9)));
}

void tst_GeoPoint::isValid_data() {
    QTest::addColumn<GeoPoint>("point");
    QTest::addColumn<bool>("valid");
    QTest::newRow("origin") << GeoPoint{0, 0} << true;
    QTest::newRow("north pole, antimeridian") << GeoPoint{90, 180} << true;
    QTest::newRow("south pole, antimeridian") << GeoPoint{-90, -180} << true;
    QTest::newRow("latitude too high") << GeoPoint{90.0001, 0} << false;
    QTest::newRow("latitude too low") << GeoPoint{-91, 0} << false;
    QTest::newRow("longitude too high") << GeoPoint{0, 180.5} << false;
    QTest::newRow("longitude too low") << GeoPoint{0, -181} << false;
    QTest::newRow("not a number") << GeoPoint{std::nan(""), 0} << false;
}

void tst_GeoPoint::isValid() {
    QFETCH(GeoPoint, point);
    QFETCH(bool, valid);
    QCOMPARE(point.isValid(), valid);
}

QTEST_GUILESS_MAIN(tst_GeoPoint)
#include "tst_geopoint.moc"
