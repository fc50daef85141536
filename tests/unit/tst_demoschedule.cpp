// DemoSchedule: orders spread over the history window, sorted, in plausible hours, with the states that a
// small demo must show forced on its newest and oldest orders.
#include "demo/DemoRandom.h"
#include "demo/DemoSchedule.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestDemoSchedule : public QObject {
    Q_OBJECT
private slots:
    void spreadsOverWindow();
    void channelSharesHold();
    void storeOrdersInOpeningHours();
    void forcesStates_data();
    void forcesStates();
};

namespace {
const qint64 now = QDateTime(QDate(2024, 6, 15), QTime(18, 0), Qt::UTC).toMSecsSinceEpoch();
constexpr qint64 day = 24 * 3600 * 1000LL;
} // namespace

void TestDemoSchedule::spreadsOverWindow() {
    DemoRandom random(1);
    const QList<DemoSlot> s = DemoSchedule::make(random, 20000, now, 90);
    QCOMPARE(s.size(), 20000);
    qint64 lastMonth = 0, firstMonth = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        QVERIFY(s.at(i).orderedAt <= now - 30000);
        QVERIFY(s.at(i).orderedAt >= now - 91 * day);
        if (i > 0)
            QVERIFY(s.at(i - 1).orderedAt <= s.at(i).orderedAt);
        lastMonth += s.at(i).orderedAt > now - 30 * day;
        firstMonth += s.at(i).orderedAt < now - 60 * day;
    }
    QVERIFY(lastMonth > firstMonth); // the business grows
}

void TestDemoSchedule::channelSharesHold() {
    DemoRandom random(2);
    const QList<DemoSlot> s = DemoSchedule::make(random, 20000, now, 90);
    QList<int> counts(6, 0);
    int pickups = 0;
    for (const DemoSlot& slot : s) {
        ++counts[int(slot.channel)];
        pickups += slot.delivery == DeliveryMethod::Pickup;
        if (slot.channel == Channel::Marketplace || slot.channel == Channel::B2b)
            QCOMPARE(slot.delivery, DeliveryMethod::Ship);
    }
    const QList<double> shares = DemoSchedule::channelShares();
    for (int c = 0; c < 6; ++c)
        QVERIFY2(qAbs(counts.at(c) / 200.0 - shares.at(c)) < 1.5, qPrintable(channelCode(Channel(c))));
    QVERIFY(pickups > 1000 && pickups < 4000);
}

void TestDemoSchedule::storeOrdersInOpeningHours() {
    DemoRandom random(3);
    for (const DemoSlot& slot : DemoSchedule::make(random, 5000, now, 90)) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(slot.orderedAt - 6 * 3600 * 1000LL, Qt::UTC);
        if (slot.channel == Channel::Pos)
            QVERIFY2(local.time().hour() >= 10 && local.time().hour() < 21, qPrintable(local.toString()));
        if (slot.channel == Channel::B2b && !slot.forced)
            QVERIFY(local.date().dayOfWeek() <= 5);
    }
}

void TestDemoSchedule::forcesStates_data() {
    QTest::addColumn<int>("count");
    QTest::newRow("three") << 3;
    QTest::newRow("ten") << 10;
    QTest::newRow("five hundred") << 500;
}

void TestDemoSchedule::forcesStates() {
    QFETCH(int, count);
    DemoRandom random(4);
    const QList<DemoSlot> s = DemoSchedule::make(random, count, now, 90);
    const QList<OrderStatus> newest = DemoSchedule::forcedNewest();
    for (qsizetype k = 0; k < newest.size() && k < s.size(); ++k)
        QCOMPARE(s.at(s.size() - 1 - k).forced, std::optional<OrderStatus>(newest.at(k)));
    if (count > newest.size()) {
        QCOMPARE(s.first().forced, std::optional<OrderStatus>(OrderStatus::Delivered));
        int forced = 0;
        for (const DemoSlot& slot : s)
            forced += slot.forced.has_value();
        QCOMPARE(forced, int(newest.size()) + 1);
    }
}

QTEST_GUILESS_MAIN(TestDemoSchedule)
#include "tst_demoschedule.moc"
