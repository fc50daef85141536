// TransactionRunner (core/storage/TransactionRunner.h) on SQLite and PostgreSQL: a unit of work that the
// database gave up on through no fault of its own is run again, the real failures of each engine included
// (a deadlock between two PostgreSQL connections, a write lock held by another SQLite connection).
#include "Error.h"
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

#include <QSemaphore>
#include <QSet>
#include <QTest>
#include <QThread>

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

const RetryPolicy quick{6, std::chrono::milliseconds(5), std::chrono::milliseconds(50)};

qint64 scalar(Database& db, const QString& sql) {
    return SqlQuery(db, sql).scalar().toLongLong();
}

} // namespace

class TestTransactionRunner : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() {
        m_blocker.reset();
        m_test.reset();
    }

    void transientCodes_data();
    void transientCodes();
    void backoffGrowsWithJitterUpToTheCap();
    void transientFailureIsRetriedOnce();
    void persistentFailureStopsAtTheCap();
    void otherFailuresAreNotRetried();
    void insideACallersUnitRunsOnce();
    void deadlockBetweenTwoConnectionsIsResolved();

private:
    Database& db() { return m_test->db(); }
    // Makes the next attempt fail the way this engine fails a unit through no fault of its own: on PostgreSQL
    // a statement raising SQLSTATE 40P01 (the code a deadlock has), on SQLite a second connection holding the
    // write lock (a short busy timeout makes BEGIN IMMEDIATE give up at once with SQLITE_BUSY).
    void failNextAttempt();
    void stopFailing();
    // The unit under test: a row written in its own Transaction, after the simulated failure if any.
    void writeRow(int value);

    std::unique_ptr<test::TestDatabase> m_test;
    std::optional<Database> m_blocker; // SQLite: the second connection that holds the write lock
    bool m_failing = false;
};

void TestTransactionRunner::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    SqlQuery::run(db(), u"CREATE TABLE runner_rows (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)"_s);
    SqlQuery::run(db(), u"INSERT INTO runner_rows (id, value) VALUES (1, 0), (2, 0)"_s);
    if (db().engine() == Engine::Sqlite) {
        SqlQuery::run(db(), u"PRAGMA busy_timeout = 20"_s);
        m_blocker.emplace(Database::open(m_test->url()));
    }
}

void TestTransactionRunner::failNextAttempt() {
    m_failing = true;
    if (m_blocker)
        SqlQuery::run(*m_blocker, u"BEGIN IMMEDIATE"_s);
}

void TestTransactionRunner::stopFailing() {
    if (m_failing && m_blocker)
        SqlQuery::run(*m_blocker, u"ROLLBACK"_s);
    m_failing = false;
}

void TestTransactionRunner::writeRow(int value) {
    Transaction tx(db());
    SqlQuery::run(db(), u"INSERT INTO runner_rows (id, value) VALUES (%1, %1)"_s.arg(value));
    if (m_failing && db().engine() == Engine::Postgres)
        SqlQuery::run(db(),
                      u"DO $$ BEGIN RAISE EXCEPTION 'simulated deadlock' USING ERRCODE = '40P01'; END $$"_s);
    tx.commit();
}

void TestTransactionRunner::transientCodes_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("transient");
    const int storage = int(Error::Kind::Storage);
    QTest::newRow("deadlock") << u"40P01"_s << storage << true;
    QTest::newRow("serialization failure") << u"40001"_s << storage << true;
    QTest::newRow("unique violation") << u"23505"_s << storage << false;
    QTest::newRow("lock timeout") << u"55P03"_s << storage << false;
    QTest::newRow("statement timeout") << u"57014"_s << storage << false;
    QTest::newRow("SQLITE_BUSY") << u"sqlite:5"_s << storage << true;
    QTest::newRow("SQLITE_LOCKED") << u"sqlite:6"_s << storage << true;
    QTest::newRow("SQLITE_BUSY_SNAPSHOT") << u"sqlite:517"_s << storage << true;
    QTest::newRow("SQLITE_LOCKED_SHAREDCACHE") << u"sqlite:262"_s << storage << true;
    QTest::newRow("SQLITE_CONSTRAINT") << u"sqlite:19"_s << storage << false;
    QTest::newRow("no code") << QString() << storage << false;
    QTest::newRow("deadlock code on an input error") << u"40P01"_s << int(Error::Kind::Input) << false;
}

void TestTransactionRunner::transientCodes() {
    QFETCH(QString, code);
    QFETCH(int, kind);
    QFETCH(bool, transient);
    // The message is never read: a deadlock in any language is known by its code.
    QCOMPARE(TransactionRunner::isTransient(Error(Error::Kind(kind), u"deadlock detected"_s, code)),
             transient);
}

void TestTransactionRunner::backoffGrowsWithJitterUpToTheCap() {
    const RetryPolicy policy{10, std::chrono::milliseconds(10), std::chrono::milliseconds(100)};
    const qint64 expected[] = {10, 20, 40, 80, 100, 100};
    for (int attempt = 1; attempt <= 6; ++attempt) {
        const qint64 full = expected[attempt - 1];
        QSet<qint64> seen;
        for (int i = 0; i < 200; ++i) {
            const qint64 wait = TransactionRunner::backoff(attempt, policy).count();
            QVERIFY2(wait >= full / 2 && wait <= full,
                     qPrintable(u"attempt %1 waited %2"_s.arg(attempt).arg(wait)));
            seen.insert(wait);
        }
        QVERIFY(seen.size() > 1); // jittered
    }
}

void TestTransactionRunner::transientFailureIsRetriedOnce() {
    TransactionRunner runner(db(), quick);
    int calls = 0;
    failNextAttempt();
    runner.run([&] {
        ++calls;
        if (calls == 2)
            stopFailing();
        writeRow(10);
    });
    QCOMPARE(calls, 2);
    QCOMPARE(runner.attempts(), 2);
    QCOMPARE(scalar(db(), u"SELECT COUNT(*) FROM runner_rows WHERE id = 10"_s), 1);
    QCOMPARE(db().transactionDepth(), 0);
}

void TestTransactionRunner::persistentFailureStopsAtTheCap() {
    TransactionRunner runner(db(), quick);
    int calls = 0;
    failNextAttempt();
    try {
        runner.run([&] {
            ++calls;
            writeRow(11);
        });
        QFAIL("a unit that always fails was reported done");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Storage);
        QVERIFY2(e.message().startsWith(u"gave up after 6 attempts"_s), qPrintable(e.message()));
        QVERIFY(TransactionRunner::isTransient(e)); // the caller may still tell what it was
    }
    stopFailing();
    QCOMPARE(calls, quick.maxAttempts);
    QCOMPARE(scalar(db(), u"SELECT COUNT(*) FROM runner_rows WHERE id = 11"_s), 0);
}

void TestTransactionRunner::otherFailuresAreNotRetried() {
    int calls = 0;
    QVERIFY_THROWS_EXCEPTION(Error, runUnitOfWork(
                                        db(),
                                        [&](Transaction&) {
                                            ++calls;
                                            SqlQuery::run(
                                                db(), u"INSERT INTO runner_rows (id, value) VALUES (1, 1)"_s);
                                        },
                                        quick)); // the key is taken: a real failure
    QCOMPARE(calls, 1);
    QCOMPARE(scalar(db(), u"SELECT SUM(value) FROM runner_rows"_s), 0);
}

void TestTransactionRunner::insideACallersUnitRunsOnce() {
    Transaction outer(db());
    int calls = 0;
    try {
        runUnitOfWork(
            db(),
            [&](Transaction&) {
                ++calls;
                if (db().engine() == Engine::Postgres)
                    SqlQuery::run(
                        db(), u"DO $$ BEGIN RAISE EXCEPTION 'simulated' USING ERRCODE = '40P01'; END $$"_s);
                else
                    throw Error::storage(u"simulated busy"_s, u"sqlite:5"_s);
            },
            quick);
        QFAIL("the failure did not reach the caller");
    } catch (const Error& e) {
        QVERIFY(TransactionRunner::isTransient(e)); // the caller's own runner retries the whole
    }
    QCOMPARE(calls, 1);
}

void TestTransactionRunner::deadlockBetweenTwoConnectionsIsResolved() {
    // Two connections lock rows 1 and 2 in opposite orders, each waiting (up to a second) for the other to
    // hold its first row before it asks for its second. PostgreSQL breaks the cycle by failing one of them
    // with 40P01; its runner runs it again once the other committed, and both units are saved. SQLite admits
    // one writer at a time: the second waits for the first (busy timeout) and no cycle can form.
    const QString url = m_test->url();
    std::atomic<int> attempts{0};
    std::atomic<int> retriedUnits{0};
    QStringList failures;
    std::mutex failuresLock;
    // A barrier both threads pass once each holds its first row (or after a second, where the engine lets
    // only one of them in).
    QSemaphore held, go;
    auto lockingWorker = [&](qint64 first, qint64 second) {
        try {
            Database own = Database::open(url);
            TransactionRunner runner(
                own, RetryPolicy{8, std::chrono::milliseconds(20), std::chrono::milliseconds(200)});
            bool waited = false;
            runner.run([&] {
                ++attempts;
                Transaction tx(own);
                SqlQuery::run(own, u"UPDATE runner_rows SET value = value + 1 WHERE id = %1"_s.arg(first));
                if (!waited) {
                    waited = true;
                    held.release();
                    go.tryAcquire(1, 1000);
                }
                SqlQuery::run(own, u"UPDATE runner_rows SET value = value + 10 WHERE id = %1"_s.arg(second));
                tx.commit();
            });
            if (runner.attempts() > 1)
                ++retriedUnits;
        } catch (const Error& e) {
            const std::lock_guard lock(failuresLock);
            failures << e.message();
        }
    };
    std::thread a(lockingWorker, 1, 2);
    std::thread b(lockingWorker, 2, 1);
    held.tryAcquire(2, 1000); // both hold their first row (PostgreSQL), or the first has gone on (SQLite)
    go.release(2);
    a.join();
    b.join();
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u" | "_s)));
    // Both units saved exactly once: each row got +1 from one unit and +10 from the other.
    QCOMPARE(scalar(db(), u"SELECT value FROM runner_rows WHERE id = 1"_s), 11);
    QCOMPARE(scalar(db(), u"SELECT value FROM runner_rows WHERE id = 2"_s), 11);
    if (db().engine() == Engine::Postgres) {
        QCOMPARE(retriedUnits.load(), 1); // the one the server failed, and only it
        QCOMPARE(attempts.load(), 3);
    } else {
        QCOMPARE(attempts.load(), 2);
    }
}

QTEST_GUILESS_MAIN(TestTransactionRunner)
#include "tst_transactionrunner.moc"
