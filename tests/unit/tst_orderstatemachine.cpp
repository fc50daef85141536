#include "orders/OrderStateMachine.h"

#include <QTest>

using namespace Qt::StringLiterals;
using ordo::OrderStateMachine;
using ordo::OrderStatus;

class TestOrderStateMachine : public QObject {
    Q_OBJECT
private slots:
    void canMove_data();
    void canMove();
    void nextStatesFollowCanMove();
    void forwardStepWalksTheHappyPath();
};

void TestOrderStateMachine::canMove_data() {
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("pending -> validated") << u"pending"_s << u"validated"_s << true;
    QTest::newRow("pending -> routed skips validation") << u"pending"_s << u"routed"_s << false;
    QTest::newRow("validated -> routed") << u"validated"_s << u"routed"_s << true;
    QTest::newRow("routed -> released") << u"routed"_s << u"released"_s << true;
    QTest::newRow("routed -> validated (reroute)") << u"routed"_s << u"validated"_s << true;
    QTest::newRow("released -> picking") << u"released"_s << u"picking"_s << true;
    QTest::newRow("picking -> packed") << u"picking"_s << u"packed"_s << true;
    QTest::newRow("packed -> shipped") << u"packed"_s << u"shipped"_s << true;
    QTest::newRow("shipped -> delivered") << u"shipped"_s << u"delivered"_s << true;
    QTest::newRow("delivered -> shipped (backwards)") << u"delivered"_s << u"shipped"_s << false;
    QTest::newRow("packed -> picking (backwards)") << u"packed"_s << u"picking"_s << false;
    QTest::newRow("pending -> cancelled") << u"pending"_s << u"cancelled"_s << true;
    QTest::newRow("packed -> cancelled") << u"packed"_s << u"cancelled"_s << true;
    QTest::newRow("shipped -> cancelled (too late)") << u"shipped"_s << u"cancelled"_s << false;
    QTest::newRow("delivered -> exception (terminal)") << u"delivered"_s << u"exception"_s << false;
    QTest::newRow("cancelled -> pending (terminal)") << u"cancelled"_s << u"pending"_s << false;
    QTest::newRow("picking -> exception") << u"picking"_s << u"exception"_s << true;
    QTest::newRow("shipped -> exception (lost parcel)") << u"shipped"_s << u"exception"_s << true;
    QTest::newRow("exception -> exception") << u"exception"_s << u"exception"_s << false;
    QTest::newRow("exception -> packed (back where held)") << u"exception"_s << u"packed"_s << true;
    QTest::newRow("exception -> cancelled") << u"exception"_s << u"cancelled"_s << true;
    QTest::newRow("validated -> validated") << u"validated"_s << u"validated"_s << false;
}

void TestOrderStateMachine::canMove() {
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, allowed);
    const auto f = ordo::orderStatusFromCode(from);
    const auto t = ordo::orderStatusFromCode(to);
    QVERIFY(f && t);
    QCOMPARE(OrderStateMachine::canMove(*f, *t), allowed);
}

void TestOrderStateMachine::nextStatesFollowCanMove() {
    for (OrderStatus from : ordo::allOrderStatuses) {
        const QList<OrderStatus> next = OrderStateMachine::nextStates(from);
        for (OrderStatus to : ordo::allOrderStatuses)
            if (from != OrderStatus::Exception)
                QCOMPARE(next.contains(to), OrderStateMachine::canMove(from, to));
    }
    QCOMPARE(OrderStateMachine::nextStates(OrderStatus::Validated),
             (QList<OrderStatus>{OrderStatus::Routed, OrderStatus::Cancelled, OrderStatus::Exception}));
    QVERIFY(OrderStateMachine::nextStates(OrderStatus::Delivered).isEmpty());
}

void TestOrderStateMachine::forwardStepWalksTheHappyPath() {
    QList<OrderStatus> path{OrderStatus::Pending};
    while (auto next = OrderStateMachine::forwardStep(path.last()))
        path << *next;
    QCOMPARE(path.size(), 8);
    QCOMPARE(path.last(), OrderStatus::Delivered);
    for (int i = 0; i < path.size(); ++i)
        QCOMPARE(ordo::progressRank(path.at(i)), i);
}

QTEST_GUILESS_MAIN(TestOrderStateMachine)
#include "tst_orderstatemachine.moc"
