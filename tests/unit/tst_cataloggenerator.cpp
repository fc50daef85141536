// CatalogGenerator: shelf prices and SKU codes; a generated catalogue has the size asked for, unique codes,
// sensible prices and weights, and both drop-ship vendors' lines.
#include "demo/CatalogGenerator.h"
#include "demo/DemoRandom.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestCatalogGenerator : public QObject {
    Q_OBJECT
private slots:
    void shelfPrice_data();
    void shelfPrice();
    void skuCode_data();
    void skuCode();
    void generatesRequestedCount_data();
    void generatesRequestedCount();
    void catalogueIsRealistic();
    void sameSeedSameCatalogue();
};

void TestCatalogGenerator::shelfPrice_data() {
    QTest::addColumn<qint64>("raw");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("cents only") << qint64(45) << qint64(99);
    QTest::newRow("under 20") << qint64(1450) << qint64(1499);
    QTest::newRow("20 becomes 24.99") << qint64(2000) << qint64(2499);
    QTest::newRow("37.20 becomes 39.99") << qint64(3720) << qint64(3999);
    QTest::newRow("99.99 becomes 99.99") << qint64(9999) << qint64(9999);
    QTest::newRow("123.45 becomes 129.00") << qint64(12345) << qint64(12900);
    QTest::newRow("1234 becomes 1239.00") << qint64(123400) << qint64(123900);
}

void TestCatalogGenerator::shelfPrice() {
    QFETCH(qint64, raw);
    QFETCH(qint64, expected);
    QCOMPARE(CatalogGenerator::shelfPrice(raw), expected);
}

void TestCatalogGenerator::skuCode_data() {
    QTest::addColumn<QString>("category");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("colour");
    QTest::addColumn<QString>("size");
    QTest::addColumn<QString>("expected");
    QTest::newRow("apparel") << u"AP"_s << 42 << u"NVY"_s << u"M"_s << u"AP-00042-NVY-M"_s;
    QTest::newRow("no size") << u"KT"_s << 7 << u"BLK"_s << QString() << u"KT-00007-BLK"_s;
    QTest::newRow("size with space") << u"BT"_s << 123 << u"LAV"_s << u"16 oz"_s << u"BT-00123-LAV-16OZ"_s;
    QTest::newRow("half size") << u"FW"_s << 99999 << u"WHT"_s << u"8.5"_s << u"FW-99999-WHT-8.5"_s;
}

void TestCatalogGenerator::skuCode() {
    QFETCH(QString, category);
    QFETCH(int, family);
    QFETCH(QString, colour);
    QFETCH(QString, size);
    QFETCH(QString, expected);
    QCOMPARE(CatalogGenerator::skuCode(category, family, colour, size), expected);
}

void TestCatalogGenerator::generatesRequestedCount_data() {
    QTest::addColumn<int>("count");
    QTest::newRow("one") << 1;
    QTest::newRow("fifty") << 50;
    QTest::newRow("five thousand") << 5000;
}

void TestCatalogGenerator::generatesRequestedCount() {
    QFETCH(int, count);
    DemoRandom random(1);
    const QList<DemoSku> skus = CatalogGenerator::generate(random, count);
    QCOMPARE(skus.size(), count);
    QSet<QString> codes;
    for (const DemoSku& s : skus)
        codes.insert(s.code);
    QCOMPARE(codes.size(), count);
}

void TestCatalogGenerator::catalogueIsRealistic() {
    DemoRandom random(2);
    const QList<DemoSku> skus = CatalogGenerator::generate(random, 5000);
    QSet<QString> categories;
    QSet<int> vendors;
    for (const DemoSku& s : skus) {
        QVERIFY2(s.priceMinor >= 99 && s.priceMinor < 500000, qPrintable(s.code));
        QVERIFY2(s.priceMinor % 100 == 99 || s.priceMinor % 100 == 0, qPrintable(s.code));
        QVERIFY2(s.weightGrams > 0 && s.weightGrams < 150000, qPrintable(s.code));
        QVERIFY(s.popularity > 0.0);
        QVERIFY2(s.name.contains(u", "_s), qPrintable(s.name)); // "Product, Colour[, Size]"
        categories.insert(s.category);
        if (s.vendor >= 0) {
            vendors.insert(s.vendor);
            QVERIFY(s.bulky);
        }
    }
    QVERIFY(categories.contains(u"Apparel"_s) && categories.contains(u"Home"_s) &&
            categories.contains(u"Electronics"_s));
    QVERIFY(categories.size() >= 8);
    QCOMPARE(vendors, (QSet<int>{0, 1}));
}

void TestCatalogGenerator::sameSeedSameCatalogue() {
    DemoRandom a(9), b(9);
    const QList<DemoSku> x = CatalogGenerator::generate(a, 300);
    const QList<DemoSku> y = CatalogGenerator::generate(b, 300);
    for (qsizetype i = 0; i < x.size(); ++i) {
        QCOMPARE(x.at(i).code, y.at(i).code);
        QCOMPARE(x.at(i).name, y.at(i).name);
        QCOMPARE(x.at(i).priceMinor, y.at(i).priceMinor);
    }
}

QTEST_GUILESS_MAIN(TestCatalogGenerator)
#include "tst_cataloggenerator.moc"
