// The crash harness's checks (tests/support/CrashChecks.h) on SQLite and PostgreSQL: a database the services
// wrote passes every one, and each fault a killed command could leave is found by the check that is for it.
#include "CrashChecks.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "inventory/InventoryLedger.h"
#include "orders/OrderCapture.h"
#include "sourcing/RoutingService.h"
#include "storage/SqlQuery.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestCrashChecks : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void servicesLeaveAConsistentDatabase();
    void eachFaultIsFound_data();
    void eachFaultIsFound();
    void progressLinesAreRead();
    void countsAreComparedWithTheReference();

private:
    Database& db() { return m_test->db(); }
    QString failuresOf(const QList<test::CrashVerdict>& verdicts, const QString& check);

    std::unique_ptr<test::TestDatabase> m_test;
};

void TestCrashChecks::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(db());
    // Stock through the ledger, an order routed and reserved, one held for want of stock.
    const QList<InventoryEvent> events = {
        {u"e1"_s, u"DC-EAST"_s, u"SKU-1"_s, InventoryEventKind::Delta, 10, std::nullopt, u"receipt"_s, {}, 1},
        {u"e2"_s, u"ST-NYC"_s, u"SKU-2"_s, InventoryEventKind::Delta, 4, std::nullopt, u"receipt"_s, {}, 2}};
    const ApplyReport applied = InventoryLedger(db()).apply(events, ApplyOptions{}, Actor::system());
    QCOMPARE(applied.applied, 2);
    OrderCapture capture(db(), Actor::system());
    capture.capture(test::sampleOrder(u"W-1"_s, {{u"SKU-1"_s, 2}, {u"SKU-2"_s, 1}}));
    capture.capture(test::sampleOrder(u"W-2"_s, {{u"SKU-5"_s, 1}}));
    const QList<RoutedOrder> routed = RoutingService(db(), Actor::system()).routePending();
    QCOMPARE(routed.size(), 2);
    QCOMPARE(routed.at(0).action, u"reserved"_s);
    QCOMPARE(routed.at(1).action, u"held"_s);
}

QString TestCrashChecks::failuresOf(const QList<test::CrashVerdict>& verdicts, const QString& check) {
    for (const test::CrashVerdict& v : verdicts)
        if (v.check == check)
            return v.failures.join(u"\n"_s);
    return u"(no verdict named %1)"_s.arg(check);
}

void TestCrashChecks::servicesLeaveAConsistentDatabase() {
    test::CrashCheckOptions options;
    options.committed = test::readCommittedUnits("progress: committed order W-1 (reserved)\n"
                                                 "progress: committed order W-2 (held)\n");
    const QList<test::CrashVerdict> verdicts = test::runCrashChecks(db(), options);
    QCOMPARE(verdicts.size(), 5);
    for (const test::CrashVerdict& v : verdicts)
        QVERIFY2(v.ok(), qPrintable(v.check + u": "_s + v.failures.join(u"; "_s)));
    QVERIFY2(verdicts.at(1).summary.contains(u"2 orders"_s), qPrintable(verdicts.at(1).summary));
    QVERIFY2(verdicts.at(3).summary.startsWith(u"4 ledger events"_s), qPrintable(verdicts.at(3).summary));
}

void TestCrashChecks::eachFaultIsFound_data() {
    QTest::addColumn<QStringList>("statements"); // what breaks the database; W1 stands for W-1's id
    QTest::addColumn<QByteArray>("progress");    // what the command said it committed
    QTest::addColumn<bool>("sources");
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("finding");

    const QString w1 = u"(SELECT id FROM orders WHERE order_number = 'W-1')"_s;
    QTest::newRow("a line lost")
        << QStringList{u"DELETE FROM order_lines WHERE order_id = %1 AND line_no = 2"_s.arg(w1)}
        << QByteArray() << false << u"orders"_s
        << u"orders without the lines they count (order, line_count): 1, e.g. W-1 2"_s;
    QTest::newRow("no capture event")
        << QStringList{u"DELETE FROM audit_events WHERE action = 'capture' AND entity_id = %1"_s.arg(w1)}
        << QByteArray() << false << u"orders"_s << u"orders without their capture event: 1, e.g. W-1"_s;
    QTest::newRow("state change not audited")
        << QStringList{u"DELETE FROM audit_events WHERE to_state = 'routed' AND entity_id = %1"_s.arg(w1)}
        << QByteArray() << false << u"orders"_s
        << u"orders whose last audited state change is not their status (order, status, audited): 1, e.g. "
           u"W-1 "
           "routed validated"_s;
    QTest::newRow("lines behind the order")
        << QStringList{u"UPDATE order_lines SET status = 'validated' WHERE order_id = %1"_s.arg(w1)}
        << QByteArray() << false << u"orders"_s
        << u"orders whose status is not the one their lines give (order, status, held from, lines): 1, e.g. "
           u"W-1 "
           "routed  validated"_s;
    QTest::newRow("no source document")
        << QStringList() << QByteArray() << true << u"orders"_s
        << u"orders without exactly one source document (order, documents): 2, e.g. W-1 0; W-2 0"_s;
    QTest::newRow("a hold without its stock")
        << QStringList{u"UPDATE reservations SET state = 'released' WHERE line_no = 1"_s} << QByteArray()
        << false << u"reserved"_s
        << u"positions whose reserved is not the sum of their held reservations (location, SKU, reserved, "
           u"held): "
           "1, e.g. 1 1 2 0"_s;
    QTest::newRow("reserved moved outside the ledger")
        << QStringList{u"UPDATE positions SET reserved = reserved + 1 WHERE reserved > 0 AND sku_id = 1"_s}
        << QByteArray() << false << u"ledger"_s
        << u"positions whose figures are not those their latest event left (location, SKU, on hand, "
           u"reserved, "
           "event's on hand, event's reserved): 1, e.g. 1 1 10 3 10 2"_s;
    QTest::newRow("a broken chain") << QStringList{u"UPDATE inventory_events SET previous_event_id = NULL "
                                                   u"WHERE kind = 'reserve' AND sku_id = "
                                                   "1"_s}
                                    << QByteArray() << false << u"ledger"_s
                                    << u"1 events link to the wrong event before them"_s;
    QTest::newRow("a reported order missing")
        << QStringList() << QByteArray("progress: committed order W-9 (captured)\n") << false
        << u"committed"_s << u"orders reported committed that are not there: 1, e.g. W-9 captured"_s;
    QTest::newRow("a reported order not in its state")
        << QStringList() << QByteArray("progress: committed order W-2 (reserved)\n") << false
        << u"committed"_s
        << u"orders not in the state their reported outcome leaves (order, outcome, state): 1, e.g. W-2 "
           u"reserved "
           "exception"_s;
    QTest::newRow("reported events missing")
        << QStringList() << QByteArray("progress: committed 3 of 9 events\n") << false << u"committed"_s
        << u"the first 3 events of the input were reported committed, but 0 of them are in the ledger"_s;
    QTest::newRow("reported demo orders missing")
        << QStringList() << QByteArray("progress: committed 3 of 3 orders\n") << false << u"committed"_s
        << u"3 demo orders were reported committed, but the database holds 2"_s;
}

void TestCrashChecks::eachFaultIsFound() {
    QFETCH(QStringList, statements);
    QFETCH(QByteArray, progress);
    QFETCH(bool, sources);
    QFETCH(QString, check);
    QFETCH(QString, finding);
    for (const QString& sql : std::as_const(statements))
        SqlQuery::run(db(), sql);
    test::CrashCheckOptions options;
    options.committed = test::readCommittedUnits(progress);
    options.ordersHaveSources = sources;
    const QString failures = failuresOf(test::runCrashChecks(db(), options), check);
    QVERIFY2(failures.contains(finding), qPrintable(failures));
}

void TestCrashChecks::progressLinesAreRead() {
    const test::CommittedUnits units =
        test::readCommittedUnits("progress: committed order SHOP-1 (captured)\n"
                                 "ordo: something else\n"
                                 "progress: committed order SHOP-2 (partly reserved)\n"
                                 "progress: committed 4000 of 9000 events\n"
                                 "progress: committed 8000 of 9000 events\n"
                                 "progress: committed 50 of 50 orders\n"
                                 "progress: committed order SHOP-3 (capt"); // cut short by the kill
    QCOMPARE(units.lines, 5);
    QCOMPARE(units.orders.size(), 2);
    QCOMPARE(units.orders.value(u"SHOP-2"_s), u"partly reserved"_s);
    QCOMPARE(units.events, 8000);
    QCOMPARE(units.demoOrders, 50);
}

void TestCrashChecks::countsAreComparedWithTheReference() {
    const QMap<QString, qint64> counts = test::crashCounts(db());
    QCOMPARE(counts.value(u"orders"_s), 2);
    QCOMPARE(counts.value(u"status_routed"_s), 1);
    QCOMPARE(counts.value(u"status_exception"_s), 1);
    QCOMPARE(counts.value(u"held_units"_s), 3);
    QCOMPARE(counts.value(u"ledger_events"_s), 4);
    QVERIFY(test::compareCounts(counts, test::countsFromText(test::countsText(counts))).ok());

    SqlQuery::run(db(), u"DELETE FROM order_holds"_s);
    const test::CrashVerdict verdict =
        test::compareCounts(test::crashCounts(db()), test::countsFromText(test::countsText(counts)));
    QCOMPARE(verdict.failures, QStringList({u"figures that differ from the uninterrupted run (figure, now, "
                                            "reference): 1, e.g. open_holds 0 1"_s}));
}

QTEST_GUILESS_MAIN(TestCrashChecks)
#include "tst_crashchecks.moc"
