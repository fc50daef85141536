#include "Error.h"
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/RowWriter.h"
#include "storage/SqlQuery.h"
#include "storage/SqliteStatement.h"
#include "storage/StatementCache.h"
#include "storage/Transaction.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>
#include <sqlite3.h>

using namespace Qt::StringLiterals;
using ordo::Database;
using ordo::Engine;
using ordo::Error;
using ordo::nullString;
using ordo::RowWriter;
using ordo::SqliteStatement;
using ordo::SqlQuery;
using ordo::Transaction;
using ordo::test::TestDatabase;

namespace {

const QString insertSql = u"INSERT INTO ss_notes (id, label, amount, ratio, data) VALUES (?, ?, ?, ?, ?)"_s;

qint64 rowCount(Database& db) {
    SqlQuery q(db, u"SELECT COUNT(*) FROM ss_notes"_s);
    return q.scalar().toLongLong();
}

// The statements SQLite still holds on the connection (prepared and not finalised), Qt's and ours.
int openStatements(Database& db) {
    int count = 0;
    for (sqlite3_stmt* s = sqlite3_next_stmt(ordo::sqliteHandle(db), nullptr); s;
         s = sqlite3_next_stmt(ordo::sqliteHandle(db), s))
        ++count;
    return count;
}

} // namespace

// The native SQLite statements behind RowWriter and the ingest lookups: exact values in and out, no value of
// an earlier user reaching the database, errors that leave the data as it was, and no statement outliving its
// connection or a schema change. On PostgreSQL the class refuses to start and RowWriter takes QtSql's path.
class tst_SqliteStatement : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void bindsAndReadsEveryType();
    void refusesUnboundParameters();
    void failedStepLeavesDataAndStatementUsable();
    void rowWriterWritesExactRows();
    void bindsNullsAsQtSqlDoes();
    void schemaChangeAndCloseFinaliseStatements();

private:
    bool sqlite() const { return m_test->db().engine() == Engine::Sqlite; }
    std::unique_ptr<TestDatabase> m_test;
};

void tst_SqliteStatement::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = TestDatabase::create(engine);
    QVERIFY(m_test);
    const QString blob = m_test->db().engine() == Engine::Sqlite ? u"BLOB"_s : u"BYTEA"_s;
    SqlQuery::run(m_test->db(), u"CREATE TABLE ss_notes (id BIGINT PRIMARY KEY, label TEXT, amount BIGINT, "
                                "ratio DOUBLE PRECISION, data "_s +
                                    blob + u")"_s);
}

void tst_SqliteStatement::bindsAndReadsEveryType() {
    Database& db = m_test->db();
    QCOMPARE(SqliteStatement::usable(db), sqlite()); // Debian's Qt runs the system SQLite that Ordo links
    if (!sqlite()) {
        QVERIFY(ordo::sqliteHandle(db) == nullptr);
        try {
            SqliteStatement refused(db, insertSql);
            QFAIL("a native SQLite statement was made on PostgreSQL");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Usage);
        }
        return;
    }
    {
        SqliteStatement insert(db, insertSql);
        QCOMPARE(insert.parameterCount(), 5);
        insert.bind(0, qint64(9'007'199'254'740'993)); // not representable as a double
        insert.bind(1, u"Zürich ✓ 'quoted'"_s);
        insert.bind(2, QVariant(-42));
        insert.bind(3, QVariant(2.5));
        insert.bind(4, QVariant(QByteArray("\x00\x01\xff", 3)));
        QVERIFY(!insert.step());
        insert.bind(0, qint64(2));
        insert.bind(1, nullString());
        insert.bind(2, QVariant(true));
        insert.bind(3, QVariant());
        insert.bind(4, QVariant());
        QVERIFY(!insert.step());
    }
    SqliteStatement select(db, u"SELECT id, label, amount, ratio, data FROM ss_notes ORDER BY id DESC"_s);
    QVERIFY(select.step());
    QCOMPARE(select.int64(0), 9'007'199'254'740'993);
    QCOMPARE(select.text(1), u"Zürich ✓ 'quoted'"_s);
    QCOMPARE(select.value(2), QVariant(qint64(-42)));
    QCOMPARE(select.value(3), QVariant(2.5));
    QCOMPARE(select.value(4).toByteArray(), QByteArray("\x00\x01\xff", 3));
    QVERIFY(select.step());
    QCOMPARE(select.int64(0), 2);
    QVERIFY(select.value(1).isNull());
    QCOMPARE(select.text(1), QString());
    QCOMPARE(select.int64(2), 1);
    QVERIFY(select.value(3).isNull());
    QVERIFY(!select.step());
    // QtSql on the same connection reads what the native statement wrote.
    SqlQuery check(db, u"SELECT label FROM ss_notes WHERE id = 9007199254740993"_s);
    QCOMPARE(check.scalar().toString(), u"Zürich ✓ 'quoted'"_s);
}

void tst_SqliteStatement::refusesUnboundParameters() {
    Database& db = m_test->db();
    if (!sqlite()) {
        QVERIFY_THROWS_EXCEPTION(Error, SqliteStatement(db, insertSql));
        return;
    }
    {
        SqliteStatement insert(db, insertSql);
        insert.bind(0, qint64(1));
        insert.bind(2, qint64(5));
        try {
            insert.step();
            QFAIL("a statement ran with a parameter never bound");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Usage);
            QVERIFY2(e.message().contains(u"parameter 2"_s), qPrintable(e.message()));
        }
        QVERIFY_THROWS_EXCEPTION(Error, insert.bind(5, qint64(1)));
        insert.bind(1, u"one"_s);
        insert.bind(3, QVariant(1.0));
        insert.bind(4, QVariant());
        QVERIFY(!insert.step());
    }
    const qint64 reusesBefore = db.statementCache()->reuses();
    {
        // The same SQL again: the kept statement, with nothing of the first user's values usable.
        SqliteStatement insert(db, insertSql);
        QCOMPARE(db.statementCache()->reuses(), reusesBefore + 1);
        try {
            insert.step();
            QFAIL("a reused statement ran with the previous user's values");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Usage);
            QVERIFY2(e.message().contains(u"parameter 1"_s), qPrintable(e.message()));
        }
    }
    QCOMPARE(rowCount(db), 1);
}

void tst_SqliteStatement::failedStepLeavesDataAndStatementUsable() {
    Database& db = m_test->db();
    if (!sqlite()) {
        QVERIFY_THROWS_EXCEPTION(Error, SqliteStatement(db, insertSql));
        return;
    }
    auto insert = [&](qint64 id, const QString& label) {
        SqliteStatement s(db, insertSql);
        s.bind(0, id);
        s.bind(1, label);
        s.bind(2, qint64(1));
        s.bind(3, QVariant(0.5));
        s.bind(4, QVariant());
        s.step();
    };
    insert(1, u"kept"_s);
    try {
        Transaction tx(db);
        insert(2, u"rolled back"_s);
        insert(1, u"duplicate"_s);
        tx.commit();
        QFAIL("a duplicate key was inserted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Storage);
        QVERIFY2(e.message().contains(u"UNIQUE constraint failed: ss_notes.id"_s), qPrintable(e.message()));
        QVERIFY2(e.message().contains(u"INSERT INTO ss_notes"_s), qPrintable(e.message()));
    }
    QCOMPARE(rowCount(db), 1); // the transaction's first insert went with it
    insert(3, u"after"_s);     // the kept statement was reset by the failure and runs again
    SqlQuery labels(db, u"SELECT label FROM ss_notes ORDER BY id"_s);
    labels.exec();
    QStringList seen;
    while (labels.next())
        seen << labels.value(0).toString();
    QCOMPARE(seen, (QStringList{u"kept"_s, u"after"_s}));
}

void tst_SqliteStatement::rowWriterWritesExactRows() {
    // Seven rows, three per statement: two full statements and one row on its own, on either engine's path.
    Database& db = m_test->db();
    {
        Transaction tx(db);
        RowWriter writer(db, u"ss_notes"_s, {u"id"_s, u"label"_s, u"amount"_s}, 3);
        for (int i = 1; i <= 7; ++i)
            writer.add(
                {i, i == 4 ? nullString() : QVariant(u"row %1"_s.arg(i)), qint64(i) * 1'000'000'000'000});
        writer.flush();
        QCOMPARE(writer.rowsWritten(), 7);
        tx.commit();
    }
    SqlQuery q(db, u"SELECT id, label, amount FROM ss_notes ORDER BY id"_s);
    q.exec();
    for (int i = 1; i <= 7; ++i) {
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), i);
        if (i == 4)
            QVERIFY(q.value(1).isNull());
        else
            QCOMPARE(q.value(1).toString(), u"row %1"_s.arg(i));
        QCOMPARE(q.value(2).toLongLong(), qint64(i) * 1'000'000'000'000);
    }
    QVERIFY(!q.next());
}

void tst_SqliteStatement::bindsNullsAsQtSqlDoes() {
    // A null string, byte array or date binds NULL on both paths; an empty string stays an empty string.
    Database& db = m_test->db();
    const QList<QVariant> labels{QVariant(QString()), QVariant(u""_s), QVariant(QDateTime()),
                                 QVariant(QByteArray())};
    {
        Transaction tx(db);
        RowWriter writer(db, u"ss_notes"_s, {u"id"_s, u"label"_s}, 2);
        for (int i = 0; i < labels.size(); ++i)
            writer.add({i + 1, labels.at(i)});
        writer.flush();
        tx.commit();
    }
    if (sqlite()) {
        SqliteStatement insert(db, u"INSERT INTO ss_notes (id, label) VALUES (?, ?)"_s);
        insert.bind(0, qint64(5));
        insert.bind(1, QString());
        QVERIFY(!insert.step());
    } else {
        SqlQuery insert(db, u"INSERT INTO ss_notes (id, label) VALUES (5, NULL)"_s);
        insert.exec();
    }
    SqlQuery q(db, u"SELECT id FROM ss_notes WHERE label IS NULL ORDER BY id"_s);
    q.exec();
    QList<qint64> nulls;
    while (q.next())
        nulls << q.value(0).toLongLong();
    QCOMPARE(nulls, (QList<qint64>{1, 3, 4, 5}));
    SqlQuery empty(db, u"SELECT COUNT(*) FROM ss_notes WHERE label = ''"_s);
    QCOMPARE(empty.scalar().toLongLong(), 1);
}

void tst_SqliteStatement::schemaChangeAndCloseFinaliseStatements() {
    if (!sqlite()) {
        QVERIFY_THROWS_EXCEPTION(Error, SqliteStatement(m_test->db(), insertSql));
        return;
    }
    std::optional<Database> second(Database::open(m_test->url()));
    {
        SqliteStatement s(*second, u"SELECT COUNT(*) FROM ss_notes"_s);
        QVERIFY(s.step());
        QCOMPARE(s.int64(0), 0);
    }
    QVERIFY(second->statementCache()->size() > 0);
    QVERIFY(openStatements(*second) > 0);
    SqlQuery::run(*second, u"ALTER TABLE ss_notes ADD COLUMN note TEXT"_s);
    QCOMPARE(second->statementCache()->size(), 0);
    QCOMPARE(openStatements(*second), 0); // finalised, not just forgotten
    {
        SqliteStatement s(*second, u"SELECT note FROM ss_notes"_s);
        QVERIFY(!s.step());
    }
    second.reset();

    // Closing while a statement is in use: the cache finalises it too, so the connection really closes (the
    // last connection to a WAL database removes its -wal file), and the statement refuses to run afterwards.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"close.sqlite"_s);
    std::optional<Database> own(Database::open(path));
    SqlQuery::run(*own, u"CREATE TABLE t (x BIGINT)"_s);
    SqlQuery::run(*own, u"INSERT INTO t (x) VALUES (1)"_s);
    auto alive = std::make_unique<SqliteStatement>(*own, u"SELECT x FROM t"_s);
    QVERIFY(alive->step());
    QVERIFY(QFile::exists(path + u"-wal"_s));
    own.reset();
    QVERIFY2(!QFile::exists(path + u"-wal"_s), "the connection stayed open");
    try {
        alive->step();
        QFAIL("a statement ran after its connection closed");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Storage);
        QVERIFY2(e.message().contains(u"closed"_s), qPrintable(e.message()));
    }
    alive.reset(); // finalised already: nothing to give back
    Database again = Database::open(path);
    SqliteStatement count(again, u"SELECT COUNT(*) FROM t"_s);
    QVERIFY(count.step());
    QCOMPARE(count.int64(0), 1);
}

QTEST_GUILESS_MAIN(tst_SqliteStatement)
#include "tst_sqlitestatement.moc"
