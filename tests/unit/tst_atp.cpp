// The available-to-promise arithmetic (core/inventory/Atp.h), with hand-computed values.
#include "inventory/Atp.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestAtp : public QObject {
    Q_OBJECT
private slots:
    void bufferUnits_data();
    void bufferUnits();
    void futureCounts_data();
    void futureCounts();
    void atLocation_data();
    void atLocation();
};

void TestAtp::bufferUnits_data() {
    QTest::addColumn<qint64>("units");
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("onHand");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("no buffer") << 0LL << 0 << 100LL << 0LL;
    QTest::newRow("units") << 5LL << 0 << 100LL << 5LL;
    QTest::newRow("units above on hand") << 5LL << 0 << 3LL << 5LL;
    QTest::newRow("negative units count as none") << -3LL << 0 << 100LL << 0LL;
    QTest::newRow("10% of 100") << 0LL << 10 << 100LL << 10LL;
    QTest::newRow("10% of 95 rounds 9.5 up") << 0LL << 10 << 95LL << 10LL;
    QTest::newRow("10% of 91 rounds 9.1 up") << 0LL << 10 << 91LL << 10LL;
    QTest::newRow("10% of 90 is exact") << 0LL << 10 << 90LL << 9LL;
    QTest::newRow("10% of 1 rounds up to 1") << 0LL << 10 << 1LL << 1LL;
    QTest::newRow("33% of 10 rounds 3.3 up") << 0LL << 33 << 10LL << 4LL;
    QTest::newRow("100% of 7") << 0LL << 100 << 7LL << 7LL;
    QTest::newRow("percent of nothing") << 0LL << 10 << 0LL << 0LL;
    QTest::newRow("percent of negative on hand") << 0LL << 10 << -5LL << 0LL;
    QTest::newRow("percent wins over units") << 5LL << 10 << 100LL << 10LL;
}

void TestAtp::bufferUnits() {
    QFETCH(qint64, units);
    QFETCH(int, percent);
    QFETCH(qint64, onHand);
    QFETCH(qint64, expected);
    ChannelPolicy policy;
    policy.bufferUnits = units;
    policy.bufferPercent = percent;
    QCOMPARE(Atp::bufferUnits(policy, onHand), expected);
}

void TestAtp::futureCounts_data() {
    QTest::addColumn<bool>("allow");
    QTest::addColumn<int>("horizonDays");
    QTest::addColumn<qint64>("arrivalOffsetMs"); // after `at`
    QTest::addColumn<bool>("expected");
    const qint64 day = 24LL * 3600 * 1000;
    QTest::newRow("arriving exactly at the moment asked: already on hand, not future")
        << true << 7 << 0LL << false;
    QTest::newRow("one millisecond later") << true << 7 << 1LL << true;
    QTest::newRow("in three days") << true << 7 << 3 * day << true;
    QTest::newRow("on the horizon's last millisecond") << true << 7 << 7 * day << true;
    QTest::newRow("one millisecond past the horizon") << true << 7 << 7 * day + 1 << false;
    QTest::newRow("in the past") << true << 7 << -day << false;
    QTest::newRow("future supply not allowed") << false << 7 << 3 * day << false;
    QTest::newRow("horizon 0 counts nothing") << true << 0 << 1LL << false;
}

void TestAtp::futureCounts() {
    QFETCH(bool, allow);
    QFETCH(int, horizonDays);
    QFETCH(qint64, arrivalOffsetMs);
    QFETCH(bool, expected);
    ChannelPolicy policy;
    policy.allowFutureSupply = allow;
    policy.horizonDays = horizonDays;
    const QDateTime at(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    QCOMPARE(Atp::futureCounts(policy, at, at.addMSecs(arrivalOffsetMs)), expected);
}

void TestAtp::atLocation_data() {
    QTest::addColumn<qint64>("onHand");
    QTest::addColumn<qint64>("reserved");
    QTest::addColumn<qint64>("safety");
    QTest::addColumn<qint64>("buffer");
    QTest::addColumn<qint64>("future");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("free stock") << 10LL << 2LL << 3LL << 1LL << 0LL << 4LL;                   // 10-2-3-1
    QTest::newRow("exactly nothing left") << 10LL << 4LL << 3LL << 3LL << 0LL << 0LL;         // 10-4-3-3
    QTest::newRow("overcommitted clamps at 0") << 10LL << 8LL << 3LL << 0LL << 0LL << 0LL;    // -1 -> 0
    QTest::newRow("future added after clamping") << 10LL << 8LL << 3LL << 0LL << 5LL << 5LL;  // 0 + 5
    QTest::newRow("future on top of free stock") << 10LL << 2LL << 3LL << 1LL << 6LL << 10LL; // 4 + 6
    QTest::newRow("no stock, only future") << 0LL << 0LL << 0LL << 0LL << 7LL << 7LL;
    QTest::newRow("buffer above stock") << 5LL << 0LL << 0LL << 10LL << 2LL << 2LL; // 0 + 2
}

void TestAtp::atLocation() {
    QFETCH(qint64, onHand);
    QFETCH(qint64, reserved);
    QFETCH(qint64, safety);
    QFETCH(qint64, buffer);
    QFETCH(qint64, future);
    QFETCH(qint64, expected);
    const AtpLocationFigure f =
        Atp::atLocation(u"DC-1"_s, PositionFigures{onHand, reserved, safety}, buffer, future);
    QCOMPARE(f.locationCode, u"DC-1"_s);
    QCOMPARE(f.onHand, onHand);
    QCOMPARE(f.reserved, reserved);
    QCOMPARE(f.safetyStock, safety);
    QCOMPARE(f.buffer, buffer);
    QCOMPARE(f.future, future);
    QCOMPARE(f.atp, expected);
}

QTEST_GUILESS_MAIN(TestAtp)
#include "tst_atp.moc"
