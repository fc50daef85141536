#include "Error.h"
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/StatementCache.h"

#include <QSqlRecord>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using ordo::Database;
using ordo::Error;
using ordo::nullString;
using ordo::SqlQuery;
using ordo::StatementCache;
using ordo::test::TestDatabase;

namespace {

const QString insertSql = u"INSERT INTO sc_notes (id, label, amount) VALUES (:id, :label, :amount)"_s;

void insertNote(Database& db, qint64 id, const QVariant& label, const QVariant& amount) {
    SqlQuery insert(db, insertSql);
    insert.bind(u":id"_s, id).bind(u":label"_s, label).bind(u":amount"_s, amount);
    insert.exec();
}

} // namespace

// Prepared statements kept per connection must behave like fresh ones: no bound value survives into the next
// user of the same SQL, and no statement outlives its connection.
class tst_StatementCache : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void placeholdersSkipQuotesAndCasts();
    void partlyBoundReuseSeesNull();
    void repeatedPlaceholderPartlyBound();
    void positionalPartlyBound();
    void schemaChangeDropsKeptStatements();
    void closingDatabaseDropsStatements();

private:
    std::unique_ptr<TestDatabase> m_test;
};

void tst_StatementCache::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = TestDatabase::create(engine);
    QVERIFY(m_test);
    SqlQuery::run(m_test->db(),
                  u"CREATE TABLE sc_notes (id BIGINT PRIMARY KEY, label TEXT, amount BIGINT)"_s);
}

void tst_StatementCache::placeholdersSkipQuotesAndCasts() {
    QCOMPARE(
        StatementCache::placeholdersOf(u"SELECT ':no', \"x:y\", a::bigint, :a, :b_2 FROM t WHERE c = :a"_s),
        QStringList({u":a"_s, u":b_2"_s}));
    QCOMPARE(StatementCache::placeholdersOf(u"SELECT 1"_s), QStringList());
}

void tst_StatementCache::partlyBoundReuseSeesNull() {
    Database& db = m_test->db();
    insertNote(db, 1, u"first"_s, 100);
    const qint64 reusesBefore = db.statementCache()->reuses();
    {
        // The same SQL again, binding only the id: the label and the amount of the first insert must not
        // stick.
        SqlQuery insert(db, insertSql);
        QCOMPARE(db.statementCache()->reuses(), reusesBefore + 1); // the kept statement was handed out again
        insert.bind(u":id"_s, 2);
        insert.exec();
    }
    SqlQuery check(db, u"SELECT id, label, amount FROM sc_notes ORDER BY id"_s);
    check.exec();
    QVERIFY(check.next());
    QCOMPARE(check.value(1).toString(), u"first"_s);
    QCOMPARE(check.value(2).toLongLong(), 100);
    QVERIFY(check.next());
    QCOMPARE(check.value(0).toLongLong(), 2);
    QVERIFY(check.value(1).isNull());
    QVERIFY(check.value(2).isNull());
    QVERIFY(!check.next());
}

void tst_StatementCache::repeatedPlaceholderPartlyBound() {
    Database& db = m_test->db();
    insertNote(db, 1, u"a"_s, 7);
    insertNote(db, 2, u"b"_s, 7);
    const QString sql =
        u"UPDATE sc_notes SET amount = :amount, label = :label WHERE id = :id OR amount = :amount"_s;
    {
        SqlQuery update(db, sql);
        update.bind(u":amount"_s, 7).bind(u":label"_s, u"seven"_s).bind(u":id"_s, 1);
        update.exec();
        QCOMPARE(update.rowsAffected(), 2);
    }
    {
        // Reused with :amount (used twice) and :label bound but not :id: id = NULL matches nothing, and the
        // amount 9 matches no row, so nothing changes. A stale :id = 1 would have set row 1 to 9.
        SqlQuery update(db, sql);
        update.bind(u":amount"_s, 9).bind(u":label"_s, u"nine"_s);
        update.exec();
        QCOMPARE(update.rowsAffected(), 0);
    }
    SqlQuery check(db, u"SELECT label, amount FROM sc_notes ORDER BY id"_s);
    check.exec();
    QVERIFY(check.next());
    QCOMPARE(check.value(0).toString(), u"seven"_s);
    QCOMPARE(check.value(1).toLongLong(), 7);
    QVERIFY(check.next());
    QCOMPARE(check.value(0).toString(), u"seven"_s);
    QCOMPARE(check.value(1).toLongLong(), 7);
}

void tst_StatementCache::positionalPartlyBound() {
    // Positional statements are not reset on reuse: one whose parameters are not all bound is refused
    // instead.
    Database& db = m_test->db();
    const QString sql = u"INSERT INTO sc_notes (id, label, amount) VALUES (?, ?, ?)"_s;
    {
        SqlQuery insert(db, sql);
        insert.bindAt(0, 1).bindAt(1, u"first"_s).bindAt(2, 5);
        insert.exec();
    }
    const qint64 reusesBefore = db.statementCache()->reuses();
    {
        SqlQuery insert(db, sql);
        QCOMPARE(db.statementCache()->reuses(), reusesBefore + 1);
        insert.bindAt(0, 2).bindAt(2, 6);
        try {
            insert.exec();
            QFAIL("a statement ran with its second parameter left from the previous user");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Usage);
            QVERIFY2(e.message().contains(u"parameter 2"_s), qPrintable(e.message()));
        }
        insert.bindAt(1, nullString());
        insert.exec();
    }
    {
        // A fresh statement is held to the same rule.
        SqlQuery fresh(db, u"INSERT INTO sc_notes (id, label) VALUES (?, ?)"_s);
        fresh.bindAt(0, 3);
        QVERIFY_THROWS_EXCEPTION(Error, fresh.exec());
        QVERIFY_THROWS_EXCEPTION(Error, fresh.bindAt(2, 1));
    }
    SqlQuery check(db, u"SELECT id, label, amount FROM sc_notes ORDER BY id"_s);
    check.exec();
    QVERIFY(check.next());
    QCOMPARE(check.value(1).toString(), u"first"_s);
    QVERIFY(check.next());
    QCOMPARE(check.value(0).toLongLong(), 2);
    QVERIFY(check.value(1).isNull());
    QCOMPARE(check.value(2).toLongLong(), 6);
    QVERIFY(!check.next());
}

void tst_StatementCache::schemaChangeDropsKeptStatements() {
    Database& db = m_test->db();
    insertNote(db, 1, u"a"_s, 1);
    QVERIFY(db.statementCache()->size() > 0);
    SqlQuery::run(db, u"ALTER TABLE sc_notes ADD COLUMN note TEXT"_s);
    QCOMPARE(db.statementCache()->size(), 0);
    SqlQuery select(db, u"SELECT * FROM sc_notes"_s);
    select.exec();
    QVERIFY(select.next());
    QCOMPARE(select.raw().record().count(), 4);
}

void tst_StatementCache::closingDatabaseDropsStatements() {
    std::optional<Database> second(Database::open(m_test->url()));
    insertNote(*second, 1, u"a"_s, 1);
    const std::shared_ptr<StatementCache> cache = second->statementCache();
    QVERIFY(cache->size() > 0);
    auto alive = std::make_unique<SqlQuery>(*second, u"SELECT label FROM sc_notes"_s);
    second.reset(); // closes the connection while `alive` still holds a statement
    QCOMPARE(cache->size(), 0);
    alive.reset(); // gives nothing back to the closed cache
    QCOMPARE(cache->size(), 0);

    // A Database opened again starts with no statements of the old connection.
    Database third = Database::open(m_test->url());
    QCOMPARE(third.statementCache()->size(), 0);
    insertNote(third, 2, u"b"_s, 2);
    SqlQuery count(third, u"SELECT COUNT(*) FROM sc_notes"_s);
    QCOMPARE(count.scalar().toLongLong(), 2);
}

QTEST_GUILESS_MAIN(tst_StatementCache)
#include "tst_statementcache.moc"
