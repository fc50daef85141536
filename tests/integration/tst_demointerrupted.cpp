// DemoGenerator stopped part way (killed, the server gone): running it again with the same options finishes
// the demo world, without --force, and leaves what an uninterrupted run leaves; a finished demo is still
// refused.
#include "CrashChecks.h"
#include "Error.h"
#include "TestDatabase.h"
#include "demo/DemoGenerator.h"
#include "storage/SqlQuery.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestDemoInterrupted : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void theSameRunFinishesIt_data();
    void theSameRunFinishesIt();
    void aFinishedDemoIsStillRefused();

private:
    static DemoOptions options();
    const Actor admin{u"admin"_s, Role::Admin}; // replacing an unfinished demo is an administrator's
    Database& db() { return m_test->db(); }
    qint64 count(const QString& sql) { return SqlQuery(db(), sql).scalar().toLongLong(); }

    std::unique_ptr<test::TestDatabase> m_test;
};

// What stops the generator: thrown from its progress callback, which runs right after a commit.
struct Stopped {};

DemoOptions TestDemoInterrupted::options() {
    DemoOptions o;
    o.seed = 5;
    o.orders = 200;
    o.skus = 100;
    o.now = QDateTime(QDate(2024, 6, 15), QTime(18, 0), Qt::UTC);
    o.ordersPerTransaction = 80;
    return o;
}

void TestDemoInterrupted::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
}

void TestDemoInterrupted::theSameRunFinishesIt_data() {
    QTest::addColumn<int>("commits"); // of orders (80 each), before the stop
    QTest::newRow("after the first orders") << 1;
    QTest::newRow("after two commits of orders") << 2;
}

void TestDemoInterrupted::theSameRunFinishesIt() {
    QFETCH_GLOBAL(QString, engine);
    QFETCH(int, commits);
    DemoOptions stopping = options();
    int seen = 0;
    stopping.progress = [&](qint64, qint64) {
        if (++seen == commits)
            throw Stopped{};
    };
    QVERIFY_THROWS_EXCEPTION(Stopped, DemoGenerator(db()).run(stopping, admin));
    QCOMPARE(count(u"SELECT count(*) FROM orders"_s), 80 * commits);

    const DemoSummary finished = DemoGenerator(db()).run(options(), admin);
    QCOMPARE(finished.orders, 200);

    auto reference = test::TestDatabase::create(engine);
    QVERIFY(reference);
    DemoGenerator(reference->db()).run(options(), admin);
    const test::CrashVerdict same =
        test::compareCounts(test::crashCounts(db()), test::crashCounts(reference->db()));
    QVERIFY2(same.ok(), qPrintable(same.failures.join(u"; "_s)));
    for (const test::CrashVerdict& v : test::runCrashChecks(db(), test::CrashCheckOptions{}))
        QVERIFY2(v.ok(), qPrintable(v.check + u": "_s + v.failures.join(u"; "_s)));
}

void TestDemoInterrupted::aFinishedDemoIsStillRefused() {
    DemoGenerator(db()).run(options(), admin);
    try {
        DemoGenerator(db()).run(options(), admin);
        QFAIL("generated into a database that holds a finished demo");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::State);
        QVERIFY2(e.message().contains(u"--force"_s), qPrintable(e.message()));
    }
    QCOMPARE(count(u"SELECT count(*) FROM orders"_s), 200);
}

QTEST_GUILESS_MAIN(TestDemoInterrupted)
#include "tst_demointerrupted.moc"
