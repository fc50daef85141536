// The SQL Dialect renders, run on SQLite and PostgreSQL: a generated identity key, the table-exists query,
// prefix matching with its binding over an index (wildcard and escape characters in the prefix match
// themselves, case and accents count), the write transaction (SQLite holds the write lock from BEGIN on) and
// the migration lock (PostgreSQL: another connection cannot take it until the transaction ends). The text
// itself is tests/unit/tst_dialect.cpp.
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "storage/SqlQuery.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using ordo::Database;
using ordo::Engine;
using ordo::SqlQuery;
using ordo::test::TestDatabase;

namespace {

const QStringList codes = {u"AP-001"_s, u"AP-002"_s, u"AP_001"_s, u"AP%1"_s,   u"AP\\1"_s,  u"APX"_s,
                           u"AP"_s,     u"ap-001"_s, u"B-1"_s,    u"Café-1"_s, u"Cafe-1"_s, u"A"_s};

} // namespace

class tst_DialectStatements : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void identityKeyIsGenerated();
    void tableExists();
    void prefixMatch_data();
    void prefixMatch();
    void beginWriteStartsATransaction();
    void writeLockIsHeldFromTheStart();

private:
    Database& db() { return m_test->db(); }
    QList<qint64> insertCodes(const QStringList& values);
    std::unique_ptr<TestDatabase> m_test;
};

void tst_DialectStatements::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = TestDatabase::create(engine);
    QVERIFY(m_test);
    SqlQuery::run(
        db(), u"CREATE TABLE d_items (id %1, code TEXT NOT NULL)"_s.arg(db().dialect().identityPrimaryKey()));
    SqlQuery::run(db(),
                  u"CREATE INDEX d_items_code ON d_items (code%1)"_s.arg(db().dialect().prefixIndexOps()));
}

QList<qint64> tst_DialectStatements::insertCodes(const QStringList& values) {
    QList<qint64> ids;
    for (const QString& code : values) {
        SqlQuery insert(db(), u"INSERT INTO d_items (code) VALUES (:code) RETURNING id"_s);
        insert.bind(u":code"_s, code);
        ids << insert.scalar().toLongLong();
    }
    return ids;
}

void tst_DialectStatements::identityKeyIsGenerated() {
    QCOMPARE(insertCodes({u"first"_s, u"second"_s, u"third"_s}), (QList<qint64>{1, 2, 3}));
    // "BY DEFAULT": a key given is taken as it is (imports keep their ids).
    SqlQuery::run(db(), u"INSERT INTO d_items (id, code) VALUES (100, 'given')"_s);
    SqlQuery read(db(), u"SELECT code FROM d_items WHERE id = 100"_s);
    QCOMPARE(read.scalar().toString(), u"given"_s);
    // A 64-bit key.
    SqlQuery::run(db(), u"INSERT INTO d_items (id, code) VALUES (5000000000, 'large')"_s);
    SqlQuery large(db(), u"SELECT id FROM d_items WHERE code = 'large'"_s);
    QCOMPARE(large.scalar().toLongLong(), Q_INT64_C(5000000000));
}

void tst_DialectStatements::tableExists() {
    auto exists = [&](const QString& name) {
        SqlQuery query(db(), db().dialect().tableExistsQuery());
        query.bind(u":name"_s, name);
        return query.optionalScalar().has_value();
    };
    QVERIFY(exists(u"d_items"_s));
    QVERIFY(exists(u"meta"_s)); // made by the migrations
    QVERIFY(!exists(u"d_missing"_s));
    QVERIFY(!exists(u"d_items_code"_s)); // an index is not a table
    SqlQuery::run(db(), u"DROP TABLE d_items"_s);
    QVERIFY(!exists(u"d_items"_s));
}

void tst_DialectStatements::prefixMatch_data() {
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QStringList>("matches"); // in code point order

    QTest::newRow("dash") << u"AP-"_s << QStringList{u"AP-001"_s, u"AP-002"_s};
    QTest::newRow("whole code") << u"AP-001"_s << QStringList{u"AP-001"_s};
    QTest::newRow("underscore is no wildcard") << u"AP_"_s << QStringList{u"AP_001"_s};
    QTest::newRow("percent is no wildcard") << u"AP%"_s << QStringList{u"AP%1"_s};
    QTest::newRow("backslash is no escape") << u"AP\\"_s << QStringList{u"AP\\1"_s};
    QTest::newRow("short prefix") << u"AP"_s << QStringList{u"AP"_s,  u"AP%1"_s,  u"AP-001"_s, u"AP-002"_s,
                                                            u"APX"_s, u"AP\\1"_s, u"AP_001"_s};
    QTest::newRow("case counts") << u"ap"_s << QStringList{u"ap-001"_s};
    QTest::newRow("accents count") << u"Café"_s << QStringList{u"Café-1"_s};
    QTest::newRow("nothing") << u"Z"_s << QStringList{};
    QTest::newRow("longer than every code") << u"AP-0011"_s << QStringList{};
    QStringList all = codes;
    std::sort(all.begin(), all.end());
    QTest::newRow("empty prefix: every code") << QString() << all;
}

void tst_DialectStatements::prefixMatch() {
    QFETCH(QString, prefix);
    QFETCH(QStringList, matches);
    insertCodes(codes);

    SqlQuery query(db(),
                   u"SELECT code FROM d_items WHERE "_s + db().dialect().prefixMatch(u"code"_s, u":p"_s));
    query.bindPrefix(u":p"_s, prefix);
    query.exec();
    QStringList found;
    while (query.next())
        found << query.value(0).toString();
    // Sorted here: the engines' collations order text differently.
    std::sort(found.begin(), found.end());
    QCOMPARE(found, matches);
}

void tst_DialectStatements::beginWriteStartsATransaction() {
    SqlQuery::run(db(), db().dialect().beginWrite());
    insertCodes({u"inside"_s});
    SqlQuery::run(db(), u"ROLLBACK"_s);
    SqlQuery count(db(), u"SELECT count(*) FROM d_items"_s);
    QCOMPARE(count.scalar().toLongLong(), 0);

    SqlQuery::run(db(), db().dialect().beginWrite());
    insertCodes({u"kept"_s});
    SqlQuery::run(db(), u"COMMIT"_s);
    SqlQuery kept(db(), u"SELECT code FROM d_items"_s);
    QCOMPARE(kept.scalar().toString(), u"kept"_s);
}

void tst_DialectStatements::writeLockIsHeldFromTheStart() {
    Database other = Database::open(m_test->url());
    SqlQuery::run(db(), db().dialect().beginWrite());
    if (const QString lock = db().dialect().migrationLock(); !lock.isEmpty())
        SqlQuery::run(db(), lock);

    if (db().engine() == Engine::Sqlite) {
        // BEGIN IMMEDIATE took the write lock before any write: another writer is refused at once.
        QVERIFY(db().dialect().migrationLock().isEmpty());
        QSqlQuery noWait(other.connection());
        QVERIFY(noWait.exec(u"PRAGMA busy_timeout = 0"_s));
        QSqlQuery begin(other.connection());
        QVERIFY(!begin.exec(other.dialect().beginWrite()));
        QVERIFY2(begin.lastError().text().contains(u"locked"_s, Qt::CaseInsensitive),
                 qPrintable(begin.lastError().text()));
    } else {
        // The migration lock is held until the transaction ends: another connection cannot take it meanwhile.
        SqlQuery tryLock(other, u"SELECT pg_try_advisory_xact_lock(1869767791)"_s);
        QCOMPARE(tryLock.scalar().toBool(), false);
    }
    SqlQuery::run(db(), u"COMMIT"_s);

    if (db().engine() == Engine::Sqlite) {
        QSqlQuery begin(other.connection());
        QVERIFY2(begin.exec(other.dialect().beginWrite()), qPrintable(begin.lastError().text()));
        QVERIFY(begin.exec(u"COMMIT"_s));
    } else {
        SqlQuery tryLock(other, u"SELECT pg_try_advisory_xact_lock(1869767791)"_s);
        QCOMPARE(tryLock.scalar().toBool(), true);
    }
}

QTEST_GUILESS_MAIN(tst_DialectStatements)
#include "tst_dialectstatements.moc"
