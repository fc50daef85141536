// StoryGenerator: every story is a legal walk through the order state machine, ends where it is forced to,
// keeps holds consistent with the state, and ages realistically (old orders delivered, new ones early).
#include "demo/DemoRandom.h"
#include "demo/StoryGenerator.h"
#include "orders/OrderStateMachine.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

Q_DECLARE_METATYPE(OrderStatus)

class TestStoryGenerator : public QObject {
    Q_OBJECT
private slots:
    void everyStoryIsLegal();
    void forcedState_data();
    void forcedState();
    void oldOrdersAreDelivered();
    void newOrdersAreEarly();
    void splitOrdersMoveLinesApart();
    void routingMomentIgnoresTheAssignment();

private:
    static StoryInput input(qint64 ageMs, Channel channel, DeliveryMethod delivery, int groups);
    static void verifyLegal(const OrderStory& story, const StoryInput& in);
};

namespace {
constexpr qint64 minute = 60 * 1000LL, hour = 60 * minute, day = 24 * hour;
const qint64 now = 1718474400000LL; // 2024-06-15T18:00:00Z
} // namespace

StoryInput TestStoryGenerator::input(qint64 ageMs, Channel channel, DeliveryMethod delivery, int groups) {
    StoryInput in;
    in.channel = channel;
    in.delivery = delivery;
    in.now = now;
    in.orderedAt = now - ageMs;
    in.lineCount = groups == 2 ? 3 : 2;
    in.transitDays = 3;
    in.captureActor = u"import"_s;
    in.groupCount = groups;
    in.site = {StoryInput::Site::Dc, StoryInput::Site::Vendor};
    in.locationCode = {u"DC-RENO"_s, u"VN-HIGHPOINT"_s};
    in.staff = {QStringList{u"apicker"_s, u"bpacker"_s}, QStringList{u"import"_s}};
    in.lineNos = {QList<int>{1, 2}, QList<int>{3}};
    if (groups == 1)
        in.lineNos = {QList<int>{1, 2}, QList<int>{}};
    in.customerService = {u"csr1"_s, u"csr2"_s};
    in.managers = {u"boss"_s};
    return in;
}

void TestStoryGenerator::verifyLegal(const OrderStory& story, const StoryInput& in) {
    QVERIFY(!story.events.isEmpty());
    const StoryEvent& first = story.events.first();
    QCOMPARE(first.action, u"capture"_s);
    QCOMPARE(first.to, std::optional<OrderStatus>(OrderStatus::Pending));
    QCOMPARE(first.at, story.capturedAt);
    QVERIFY(story.capturedAt >= in.orderedAt && story.capturedAt <= in.now);
    OrderStatus current = OrderStatus::Pending;
    std::optional<OrderStatus> heldFrom;
    qint64 last = first.at, changed = first.at;
    for (qsizetype i = 1; i < story.events.size(); ++i) {
        const StoryEvent& e = story.events.at(i);

        QVERIFY2(e.at >= last && e.at <= in.now,
                 qPrintable(u"%1 at %2 after %3 (now %4)"_s.arg(e.action).arg(e.at).arg(last).arg(in.now)));
        last = e.at;
        QVERIFY(!e.actor.isEmpty());
        QVERIFY(e.to.has_value());
        if (e.action == u"lines"_s) {
            QVERIFY(progressRank(*e.to) > progressRank(OrderStatus::Released));
            continue;
        }
        QCOMPARE(e.from, std::optional<OrderStatus>(current));
        QVERIFY2(OrderStateMachine::canMove(current, *e.to),
                 qPrintable(orderStatusCode(current) + u" -> "_s + orderStatusCode(*e.to)));
        if (current == OrderStatus::Exception && *e.to != OrderStatus::Cancelled) {
            const OrderStatus back = *heldFrom == OrderStatus::Pending ? OrderStatus::Validated : *heldFrom;
            QCOMPARE(*e.to, back);
            QCOMPARE(e.action, u"release"_s);
        }
        if (*e.to == OrderStatus::Exception) {
            heldFrom = current;
            QCOMPARE(e.action, u"exception"_s);
            QVERIFY(!e.reason.isEmpty());
        }
        if (*e.to == OrderStatus::Cancelled) {
            QCOMPARE(e.action, u"cancel"_s);
            QVERIFY(!e.reason.isEmpty());
        }
        current = *e.to;
        changed = e.at;
    }
    QCOMPARE(story.status, current);
    QCOMPARE(story.statusChangedAt, changed);
    int open = 0;
    for (const StoryHold& h : story.holds) {
        open += h.resolvedAt == 0;
        QVERIFY(h.resolvedAt == 0 || h.resolvedAt >= h.raisedAt);
        QVERIFY(!h.code.isEmpty() && !h.detail.isEmpty());
    }
    if (current == OrderStatus::Exception) {
        QCOMPARE(open, 1);
        QCOMPARE(story.heldFrom, heldFrom);
    } else {
        QCOMPARE(open, 0);
        QVERIFY(!story.heldFrom);
    }
}

void TestStoryGenerator::everyStoryIsLegal() {
    DemoRandom random(1);
    const QList<qint64> ages = {10 * 1000, 30 * minute, 5 * hour, 2 * day, 9 * day, 40 * day, 89 * day};
    int exceptions = 0, cancels = 0, releases = 0;
    for (int round = 0; round < 60; ++round)
        for (qint64 age : ages)
            for (Channel channel : allChannels)
                for (int groups = 1; groups <= 2; ++groups) {
                    const auto delivery = round % 4 == 0 ? DeliveryMethod::Pickup : DeliveryMethod::Ship;
                    const StoryInput in = input(age, channel, delivery, groups);
                    const OrderStory story = StoryGenerator::tell(random, in);
                    verifyLegal(story, in);
                    if (QTest::currentTestFailed())
                        return;
                    for (const StoryEvent& e : story.events) {
                        exceptions += e.action == u"exception"_s;
                        cancels += e.action == u"cancel"_s;
                        releases += e.action == u"release"_s;
                    }
                }
    QVERIFY(exceptions > 50);
    QVERIFY(cancels > 40);
    QVERIFY(releases > 20);
}

void TestStoryGenerator::forcedState_data() {
    QTest::addColumn<OrderStatus>("forced");
    QTest::addColumn<qint64>("age");
    for (OrderStatus s : allOrderStatuses) {
        QTest::addRow("%s, two minutes old", qPrintable(orderStatusCode(s))) << s << 2 * minute;
        QTest::addRow("%s, two hours old", qPrintable(orderStatusCode(s))) << s << 2 * hour;
        QTest::addRow("%s, sixty days old", qPrintable(orderStatusCode(s))) << s << 60 * day;
    }
}

void TestStoryGenerator::forcedState() {
    QFETCH(OrderStatus, forced);
    QFETCH(qint64, age);
    for (quint64 seed = 1; seed <= 20; ++seed) {
        DemoRandom random(seed);
        StoryInput in = input(age, Channel::Web, DeliveryMethod::Ship, 1);
        in.forced = forced;
        const OrderStory story = StoryGenerator::tell(random, in);
        verifyLegal(story, in);
        QCOMPARE(story.status, forced);
    }
}

void TestStoryGenerator::oldOrdersAreDelivered() {
    DemoRandom random(2);
    int delivered = 0;
    const int n = 2000;
    for (int i = 0; i < n; ++i)
        delivered +=
            StoryGenerator::tell(random, input(60 * day, Channel::Web, DeliveryMethod::Ship, 1)).status ==
            OrderStatus::Delivered;
    QVERIFY2(delivered > n * 85 / 100, qPrintable(QString::number(delivered)));
}

void TestStoryGenerator::newOrdersAreEarly() {
    DemoRandom random(3);
    for (int i = 0; i < 500; ++i) {
        const OrderStory story =
            StoryGenerator::tell(random, input(20 * minute, Channel::App, DeliveryMethod::Ship, 1));
        QVERIFY(progressRank(story.status) <= progressRank(OrderStatus::Picking));
    }
}

void TestStoryGenerator::splitOrdersMoveLinesApart() {
    DemoRandom random(4);
    bool apart = false;
    for (int i = 0; i < 300 && !apart; ++i) {
        const StoryInput in = input(2 * day, Channel::Web, DeliveryMethod::Ship, 2);
        const OrderStory story = StoryGenerator::tell(random, in);
        verifyLegal(story, in);
        // The order stands where its least advanced group stands.
        const OrderStatus least = progressRank(story.groupStatus[0]) <= progressRank(story.groupStatus[1])
                                      ? story.groupStatus[0]
                                      : story.groupStatus[1];
        QCOMPARE(story.status, least);
        apart = story.groupStatus[0] != story.groupStatus[1];
    }
    QVERIFY(apart);
}

void TestStoryGenerator::routingMomentIgnoresTheAssignment() {
    // The demo tells a story once to learn when the order is routed, routes it then, and tells it again with
    // the router's choice: the moment must not move, whatever the choice, forced states included.
    const QList<qint64> ages = {90 * 1000, 3 * minute, 30 * minute, 5 * hour, 2 * day, 9 * day, 60 * day};
    int routed = 0, moved = 0;
    for (quint64 seed = 1; seed <= 150; ++seed)
        for (qint64 age : ages)
            for (int forced = -1; forced < int(std::size(allOrderStatuses));
                 forced += (seed % 10 == 0 ? 1 : 100)) {
                StoryInput one = input(age, Channel::Web, DeliveryMethod::Ship, 1);
                if (forced >= 0)
                    one.forced = allOrderStatuses[forced];
                StoryInput two = input(age, Channel::Web, DeliveryMethod::Ship, 2);
                two.forced = one.forced;
                two.site = {StoryInput::Site::Store, StoryInput::Site::Vendor};
                two.transitDays = 6;
                two.routingNote = u"rules v2"_s;
                DemoRandom a(seed), b(seed);
                const OrderStory first = StoryGenerator::tell(a, one);
                const OrderStory second = StoryGenerator::tell(b, two);
                verifyLegal(second, two);
                QCOMPARE(second.routedAt, first.routedAt);
                QCOMPARE(second.routed, first.routed);
                routed += first.routed;
                moved += second.status != first.status;
            }
    QVERIFY(routed > 500);
    QVERIFY(moved > 0); // what follows routing does differ
}

QTEST_GUILESS_MAIN(TestStoryGenerator)
#include "tst_storygenerator.moc"
