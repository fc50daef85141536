// SegmentationConfigJson and FutureSupplyCsv (formats/SegmentationConfigFile): every section read with the
// path of each entry, absent sections told apart from empty ones, and each refusal naming the source, the
// entry and the field, including numbers beyond what a whole number holds.
#include "Error.h"
#include "formats/SegmentationConfigFile.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestSegmentationConfigFile : public QObject {
    Q_OBJECT
private slots:
    void readsEverySection();
    void absentSectionsAreKeptApartFromEmptyOnes();
    void refusals_data();
    void refusals();
    void futureSupplyCsv();
    void futureSupplyCsvRefusals_data();
    void futureSupplyCsvRefusals();
};

void TestSegmentationConfigFile::readsEverySection() {
    const QByteArray json = R"({
        "groups": [{"code": " EAST ", "name": "East", "locations": ["DC-EAST", "ST-NYC"]}],
        "pools": [{"channel": "web", "delivery": "pickup", "groups": ["EAST"], "locations": ["VN-ACME"]}],
        "policies": [{"channel": "b2b", "buffer_percent": 10, "allow_future": true, "horizon_days": 14}],
        "exclusions": [{"channel": "marketplace", "location": "ST-NYC"}],
        "future_supply": [{"reference": "PO-1", "location": "DC-EAST", "sku": "SKU-1", "quantity": 40,
                           "arrives_at": "2026-05-10T08:00:00+02:00"}]
    })";
    const SegmentationConfigFile file = SegmentationConfigJson::read(json, u"seg.json"_s);
    QCOMPARE(file.groups->size(), 1);
    QCOMPARE(file.groups->at(0).path, u"groups[0]"_s);
    QCOMPARE(file.groups->at(0).code, u"EAST"_s);
    QCOMPARE(file.groups->at(0).locations, (QStringList{u"DC-EAST"_s, u"ST-NYC"_s}));
    QCOMPARE(file.pools->at(0).channel, Channel::Web);
    QCOMPARE(file.pools->at(0).delivery, DeliveryMethod::Pickup);
    QCOMPARE(file.pools->at(0).groups, QStringList{u"EAST"_s});
    QCOMPARE(file.policies->at(0).channel, Channel::B2b);
    QCOMPARE(file.policies->at(0).bufferPercent, 10);
    QCOMPARE(file.policies->at(0).bufferUnits, 0);
    QVERIFY(file.policies->at(0).allowFuture);
    QCOMPARE(file.policies->at(0).horizonDays, 14);
    QCOMPARE(file.exclusions->at(0).channel, Channel::Marketplace);
    QCOMPARE(file.exclusions->at(0).location, u"ST-NYC"_s);
    QVERIFY(file.exclusions->at(0).sku.isEmpty());
    QCOMPARE(file.futureSupply->at(0).path, u"future_supply[0]"_s);
    QCOMPARE(file.futureSupply->at(0).quantity, 40);
    QCOMPARE(file.futureSupply->at(0).arrivesAt, QDateTime(QDate(2026, 5, 10), QTime(6, 0), Qt::UTC));
}

void TestSegmentationConfigFile::absentSectionsAreKeptApartFromEmptyOnes() {
    const SegmentationConfigFile file = SegmentationConfigJson::read(R"({"pools": []})", u"seg.json"_s);
    QVERIFY(file.pools.has_value());
    QVERIFY(file.pools->isEmpty());
    QVERIFY(!file.groups && !file.policies && !file.exclusions && !file.futureSupply);
}

void TestSegmentationConfigFile::refusals_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{\"pools\": [") << u"seg.json: not JSON at offset"_s;
    QTest::newRow("not an object") << QByteArray("[]") << u"seg.json: (top level): expected an object"_s;
    QTest::newRow("unknown section") << QByteArray(R"({"pool": []})")
                                     << u"seg.json: (top level).pool: unknown field"_s;
    QTest::newRow("bad delivery")
        << QByteArray(R"({"pools": [{"channel": "web", "delivery": "air", "locations": ["DC-EAST"]}]})")
        << u"seg.json: pools[0].delivery: unknown delivery method \"air\""_s;
    QTest::newRow("pool of nothing") << QByteArray(R"({"pools": [{"channel": "web", "delivery": "ship"}]})")
                                     << u"seg.json: pools[0]: names no locations and no groups"_s;
    QTest::newRow("unknown channel") << QByteArray(R"({"policies": [{"channel": "web"}, {"channel": "tv"}]})")
                                     << u"seg.json: policies[1].channel: unknown channel code \"tv\""_s;
    QTest::newRow("percent out of range")
        << QByteArray(R"({"policies": [{"channel": "web", "buffer_percent": 150}]})")
        << u"seg.json: policies[0].buffer_percent: must be between 0 and 100 (got 150)"_s;
    // Numbers a double holds but a whole number of 64 bits does not: refused before any conversion, which
    // would be undefined behaviour.
    QTest::newRow("units beyond 64 bits")
        << QByteArray(R"({"policies": [{"channel": "web", "buffer_units": 1e300}]})")
        << u"seg.json: policies[0].buffer_units: expected a whole number"_s;
    QTest::newRow("horizon below 64 bits")
        << QByteArray(R"({"policies": [{"channel": "web", "horizon_days": -1e19}]})")
        << u"seg.json: policies[0].horizon_days: expected a whole number"_s;
    QTest::newRow("fractional quantity")
        << QByteArray(
               R"({"future_supply": [{"reference": "P", "location": "L", "sku": "S", "quantity": 1.5, "arrives_at": "2026-05-01"}]})")
        << u"seg.json: future_supply[0].quantity: expected a whole number"_s;
    QTest::newRow("quantity missing")
        << QByteArray(
               R"({"future_supply": [{"reference": "P", "location": "L", "sku": "S", "arrives_at": "2026-05-01"}]})")
        << u"seg.json: future_supply[0].quantity: missing"_s;
    QTest::newRow("bad arrival")
        << QByteArray(
               R"({"future_supply": [{"reference": "P", "location": "L", "sku": "S", "quantity": 5, "arrives_at": "soon"}]})")
        << u"seg.json: future_supply[0]: arrives_at 'soon' is not an ISO 8601 date"_s;
}

void TestSegmentationConfigFile::refusals() {
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    try {
        SegmentationConfigJson::read(json, u"seg.json"_s);
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QVERIFY2(e.message().startsWith(message), qPrintable(e.message()));
    }
}

void TestSegmentationConfigFile::futureSupplyCsv() {
    QByteArray csv = "Reference, location_id ,SKU,quantity,arrives_at\n"
                     "PO-1,DC-EAST,SKU-1,40,2026-05-10\n"
                     "\n"
                     "PO-1, ST-NYC ,SKU-2,5,2026-05-12T08:00:00+02:00\n";
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    const QList<SegmentationConfigFile::Supply> lines = FutureSupplyCsv::read(buffer, u"po.csv"_s);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0].line, 2);
    QCOMPARE(lines[0].quantity, 40);
    QCOMPARE(lines[0].arrivesAt, QDateTime(QDate(2026, 5, 10), QTime(0, 0), Qt::UTC));
    QCOMPARE(lines[1].line, 4);
    QCOMPARE(lines[1].location, u"ST-NYC"_s);
    QCOMPARE(lines[1].arrivesAt, QDateTime(QDate(2026, 5, 12), QTime(6, 0), Qt::UTC));
}

void TestSegmentationConfigFile::futureSupplyCsvRefusals_data() {
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << u"po.csv: empty file"_s;
    QTest::newRow("wrong header") << QByteArray("reference,location,sku,quantity,arrives_at\n")
                                  << u"po.csv line 1: header is"_s;
    QTest::newRow("negative quantity")
        << QByteArray(
               "reference,location_id,sku,quantity,arrives_at\nP,L,S,10,2026-05-10\nP,L,T,-3,2026-05-10\n")
        << u"po.csv line 3: quantity '-3'"_s;
    QTest::newRow("quantity beyond 64 bits")
        << QByteArray(
               "reference,location_id,sku,quantity,arrives_at\nP,L,S,99999999999999999999,2026-05-10\n")
        << u"po.csv line 2: quantity '99999999999999999999' is not a whole number"_s;
    QTest::newRow("missing field") << QByteArray("reference,location_id,sku,quantity,arrives_at\nP,L,S,1\n")
                                   << u"po.csv line 2: 4 fields; expected 5"_s;
}

void TestSegmentationConfigFile::futureSupplyCsvRefusals() {
    QFETCH(QByteArray, csv);
    QFETCH(QString, message);
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    try {
        FutureSupplyCsv::read(buffer, u"po.csv"_s);
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QVERIFY2(e.message().startsWith(message), qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestSegmentationConfigFile)
#include "tst_segmentationconfigfile.moc"
