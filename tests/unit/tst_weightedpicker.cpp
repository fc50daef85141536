// WeightedPicker: cumulative weights map a point of [0, 1) to an index; zero weights are never chosen.
#include "Error.h"
#include "demo/DemoRandom.h"
#include "demo/WeightedPicker.h"

#include <QTest>

using namespace ordo;

class TestWeightedPicker : public QObject {
    Q_OBJECT
private slots:
    void indexAt_data();
    void indexAt();
    void frequenciesFollowWeights();
    void cannotPickWithoutWeight();
};

void TestWeightedPicker::indexAt_data() {
    QTest::addColumn<QList<double>>("weights");
    QTest::addColumn<double>("u");
    QTest::addColumn<int>("expected");
    QTest::newRow("single") << QList<double>{5} << 0.7 << 0;
    QTest::newRow("first half") << QList<double>{1, 1} << 0.49 << 0;
    QTest::newRow("second half") << QList<double>{1, 1} << 0.5 << 1;
    QTest::newRow("start") << QList<double>{1, 2, 7} << 0.0 << 0;
    QTest::newRow("middle") << QList<double>{1, 2, 7} << 0.25 << 1;
    QTest::newRow("heavy tail") << QList<double>{1, 2, 7} << 0.31 << 2;
    QTest::newRow("u = 1 gives the last") << QList<double>{1, 2, 7} << 1.0 << 2;
    QTest::newRow("zero weight skipped") << QList<double>{1, 0, 1} << 0.5 << 2;
    QTest::newRow("leading zero skipped") << QList<double>{0, 3} << 0.0 << 1;
    QTest::newRow("trailing zero never") << QList<double>{3, 0} << 1.0 << 0;
    QTest::newRow("negative counts as zero") << QList<double>{-5, 1} << 0.0 << 1;
}

void TestWeightedPicker::indexAt() {
    QFETCH(QList<double>, weights);
    QFETCH(double, u);
    QFETCH(int, expected);
    QCOMPARE(WeightedPicker(weights).indexAt(u), expected);
}

void TestWeightedPicker::frequenciesFollowWeights() {
    const WeightedPicker picker(QList<double>{10, 30, 0, 60});
    DemoRandom random(42);
    QList<int> counts(4, 0);
    const int draws = 100000;
    for (int i = 0; i < draws; ++i)
        ++counts[picker.pick(random)];
    QCOMPARE(counts.at(2), 0);
    QVERIFY(qAbs(counts.at(0) - 10000) < 600);
    QVERIFY(qAbs(counts.at(1) - 30000) < 900);
    QVERIFY(qAbs(counts.at(3) - 60000) < 900);
}

void TestWeightedPicker::cannotPickWithoutWeight() {
    QVERIFY(!WeightedPicker().canPick());
    QVERIFY(!WeightedPicker(QList<double>{0, 0}).canPick());
    QVERIFY_THROWS_EXCEPTION(Error, WeightedPicker(QList<double>{0, 0}).indexAt(0.5));
}

QTEST_GUILESS_MAIN(TestWeightedPicker)
#include "tst_weightedpicker.moc"
