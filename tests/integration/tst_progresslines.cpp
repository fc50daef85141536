// `--progress` of the commands that commit in several units of work (import, route --pending, inventory
// apply, demo): one "progress: committed ..." line on standard error per unit, after its commit and only
// then. The crash harness (scripts/crash-harness.sh) relies on them to know what a killed command had saved.
#include "OrdoProcess.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "orders/OrderCapture.h"
#include "storage/LocationRepository.h"
#include "storage/PositionRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestProgressLines : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void importNamesEachCommittedOrder();
    void routeNamesEachCommittedOrder();
    void inventoryApplyCountsCommittedEvents_data();
    void inventoryApplyCountsCommittedEvents();
    void batchSizeNeedsPartial();
    void demoCountsCommittedOrders();

private:
    using Run = test::OrdoRun;
    static Run ordo(const QStringList& arguments) { return test::runOrdo(arguments); }
    static QStringList progressLines(const QByteArray& err);
    Database& db() { return m_test->db(); }
    qint64 count(const QString& sql) { return SqlQuery(db(), sql).scalar().toLongLong(); }

    std::unique_ptr<test::TestDatabase> m_test;
};

void TestProgressLines::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(db());
}

QStringList TestProgressLines::progressLines(const QByteArray& err) {
    QStringList lines;
    for (const QByteArray& line : err.split('\n'))
        if (line.startsWith("progress: "))
            lines << QString::fromUtf8(line);
    return lines;
}

void TestProgressLines::importNamesEachCommittedOrder() {
    const QString file = QStringLiteral(ORDO_TEST_DATA_DIR) + u"/channels/shopify_orders.json"_s;
    const Run run = ordo({u"import"_s, u"--db"_s, m_test->url(), u"--progress"_s, file});
    QCOMPARE(run.exitCode, 3); // the third order is rejected: it was never committed, so no line
    QCOMPARE(progressLines(run.err), QStringList({u"progress: committed order SHOP-1002 (captured)"_s,
                                                  u"progress: committed order SHOP-1003 (held)"_s}));
    QVERIFY2(run.out.contains("2 accepted"), run.out.constData()); // the report is unchanged on stdout

    const Run again = ordo({u"import"_s, u"--db"_s, m_test->url(), u"--progress"_s, file});
    QCOMPARE(progressLines(again.err), QStringList({u"progress: committed order SHOP-1002 (duplicate)"_s,
                                                    u"progress: committed order SHOP-1003 (duplicate)"_s}));
    // Without the option, no line.
    QVERIFY(progressLines(ordo({u"import"_s, u"--db"_s, m_test->url(), file}).err).isEmpty());
}

void TestProgressLines::routeNamesEachCommittedOrder() {
    {
        Transaction tx(db());
        PositionRepository(db()).setOnHand(*LocationRepository(db()).idForCode(u"DC-EAST"_s),
                                           SkuRepository(db()).findByCode(u"SKU-1"_s)->id, 10, 0);
        tx.commit();
    }
    OrderCapture capture(db(), Actor::system());
    capture.capture(test::sampleOrder(u"W-1"_s, {{u"SKU-1"_s, 2}}));
    capture.capture(test::sampleOrder(u"W-2"_s, {{u"SKU-4"_s, 1}})); // no stock anywhere

    const Run dryRun =
        ordo({u"route"_s, u"--db"_s, m_test->url(), u"--pending"_s, u"--dry-run"_s, u"--progress"_s});
    QCOMPARE(dryRun.exitCode, 0);
    QVERIFY(progressLines(dryRun.err).isEmpty()); // nothing committed

    const Run run = ordo({u"route"_s, u"--db"_s, m_test->url(), u"--pending"_s, u"--progress"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(progressLines(run.err), QStringList({u"progress: committed order W-1 (reserved)"_s,
                                                  u"progress: committed order W-2 (held)"_s}));
    QCOMPARE(count(u"SELECT count(*) FROM orders WHERE status = 'routed'"_s), 1);
}

void TestProgressLines::inventoryApplyCountsCommittedEvents_data() {
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("badRow"); // a sixth row; empty: none
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<qint64>("ledgerRows");

    QTest::newRow("partial, batches of 2")
        << QStringList{u"--partial"_s, u"--batch-size"_s, u"2"_s} << QString()
        << QStringList{u"progress: committed 2 of 5 events"_s, u"progress: committed 4 of 5 events"_s,
                       u"progress: committed 5 of 5 events"_s}
        << qint64(5);
    QTest::newRow("all or nothing") << QStringList() << QString()
                                    << QStringList{u"progress: committed 5 of 5 events"_s} << qint64(5);
    QTest::newRow("all or nothing, rejected")
        << QStringList() << u"e6,DC-EAST,SKU-1,-1000,loss"_s << QStringList() << qint64(0);
    QTest::newRow("partial with a rejected event")
        << QStringList{u"--partial"_s, u"--batch-size"_s, u"4"_s} << u"e6,DC-EAST,SKU-1,-1000,loss"_s
        << QStringList{u"progress: committed 4 of 6 events"_s, u"progress: committed 6 of 6 events"_s}
        << qint64(5);
}

void TestProgressLines::inventoryApplyCountsCommittedEvents() {
    QFETCH(QStringList, options);
    QFETCH(QString, badRow);
    QFETCH(QStringList, expected);
    QFETCH(qint64, ledgerRows);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"deltas.csv"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QString csv = u"event_id,location_id,sku,delta,reason\n"_s;
    for (int i = 1; i <= 5; ++i)
        csv += u"e%1,DC-EAST,SKU-%1,%2,receipt\n"_s.arg(i).arg(i * 10);
    if (!badRow.isEmpty())
        csv += badRow + u'\n';
    file.write(csv.toUtf8());
    file.close();

    const Run run = ordo(QStringList{u"inventory"_s, u"apply"_s, u"--db"_s, m_test->url(), u"--progress"_s} +
                         options + QStringList{file.fileName()});
    QCOMPARE(run.exitCode, badRow.isEmpty() ? 0 : 3);
    QCOMPARE(progressLines(run.err), expected);
    QCOMPARE(count(u"SELECT count(*) FROM inventory_events"_s), ledgerRows);
}

void TestProgressLines::batchSizeNeedsPartial() {
    const Run run =
        ordo({u"inventory"_s, u"apply"_s, u"--db"_s, m_test->url(), u"--batch-size"_s, u"10"_s, u"-"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--batch-size goes with --partial"), run.err.constData());
    const Run zero = ordo({u"inventory"_s, u"apply"_s, u"--db"_s, m_test->url(), u"--partial"_s,
                           u"--batch-size"_s, u"0"_s, u"-"_s});
    QCOMPARE(zero.exitCode, 2);
}

void TestProgressLines::demoCountsCommittedOrders() {
    // The demo goes into a database of its own: --force replaces only a world the demo made.
    QFETCH_GLOBAL(QString, engine);
    const auto empty = test::TestDatabase::create(engine);
    QVERIFY(empty);
    const Run run = ordo(
        {u"demo"_s, u"--db"_s, empty->url(), u"--orders"_s, u"40"_s, u"--skus"_s, u"50"_s, u"--progress"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(progressLines(run.err), QStringList({u"progress: committed 40 of 40 orders"_s}));
    QCOMPARE(SqlQuery(empty->db(), u"SELECT count(*) FROM orders"_s).scalar().toLongLong(), 40);
}

QTEST_GUILESS_MAIN(TestProgressLines)
#include "tst_progresslines.moc"
