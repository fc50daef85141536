// OrderStatus: the stable codes (stored in the database, printed in JSON) both ways, the position of each
// state on the happy path from which an order's state is derived from its lines, and which states are final.
#include "model/OrderStatus.h"

#include <QTest>

using namespace Qt::StringLiterals;
using ordo::OrderStatus;

Q_DECLARE_METATYPE(ordo::OrderStatus)

class tst_OrderStatus : public QObject {
    Q_OBJECT

private slots:
    void states_data();
    void states();
    void unknownCodes();
    void everyState();
};

void tst_OrderStatus::states_data() {
    QTest::addColumn<OrderStatus>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("rank"); // -1: off the happy path
    QTest::addColumn<bool>("terminal");

    QTest::newRow("pending") << OrderStatus::Pending << u"pending"_s << 0 << false;
    QTest::newRow("validated") << OrderStatus::Validated << u"validated"_s << 1 << false;
    QTest::newRow("routed") << OrderStatus::Routed << u"routed"_s << 2 << false;
    QTest::newRow("released") << OrderStatus::Released << u"released"_s << 3 << false;
    QTest::newRow("picking") << OrderStatus::Picking << u"picking"_s << 4 << false;
    QTest::newRow("packed") << OrderStatus::Packed << u"packed"_s << 5 << false;
    QTest::newRow("shipped") << OrderStatus::Shipped << u"shipped"_s << 6 << false;
    QTest::newRow("delivered") << OrderStatus::Delivered << u"delivered"_s << 7 << true;
    QTest::newRow("cancelled") << OrderStatus::Cancelled << u"cancelled"_s << -1 << true;
    QTest::newRow("exception") << OrderStatus::Exception << u"exception"_s << -1 << false;
}

void tst_OrderStatus::states() {
    QFETCH(OrderStatus, status);
    QFETCH(QString, code);
    QFETCH(int, rank);
    QFETCH(bool, terminal);

    QCOMPARE(ordo::orderStatusCode(status), code);
    QCOMPARE(ordo::orderStatusFromCode(code), std::optional<OrderStatus>(status));
    QCOMPARE(ordo::orderStatusFromCode(code.toUpper()), std::optional<OrderStatus>(status));
    QCOMPARE(ordo::progressRank(status), rank);
    QCOMPARE(ordo::isTerminal(status), terminal);
}

void tst_OrderStatus::unknownCodes() {
    QVERIFY(!ordo::orderStatusFromCode(u"held"));
    QVERIFY(!ordo::orderStatusFromCode(u""));
    QVERIFY(!ordo::orderStatusFromCode(u"canceled")); // the code is spelt "cancelled"
    QVERIFY(!ordo::orderStatusFromCode(u" pending"));
}

void tst_OrderStatus::everyState() {
    QCOMPARE(ordo::orderStatusCodes(),
             (QStringList{u"pending"_s, u"validated"_s, u"routed"_s, u"released"_s, u"picking"_s, u"packed"_s,
                          u"shipped"_s, u"delivered"_s, u"cancelled"_s, u"exception"_s}));
    QCOMPARE(std::size(ordo::allOrderStatuses), size_t(10));
}

QTEST_GUILESS_MAIN(tst_OrderStatus)
#include "tst_orderstatus.moc"
