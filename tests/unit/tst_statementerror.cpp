// statementError() (core/storage/StatementError.h): the one message of a statement the database refused.
#include "Error.h"
#include "storage/StatementError.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestStatementError : public QObject {
    Q_OBJECT

private slots:
    void message_data();
    void message();
};

void TestStatementError::message_data() {
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("expected");

    QTest::newRow("failed") << u"PostgreSQL"_s << u"relation \"x\" does not exist"_s
                            << u"SELECT *\n  FROM x"_s << QString()
                            << u"PostgreSQL failed: relation \"x\" does not exist [SELECT * FROM x]"_s;
    QTest::newRow("could not prepare")
        << u"SQLite"_s << u"no such table: x"_s << u"SELECT 1 FROM x"_s << u"prepare"_s
        << u"SQLite could not prepare a statement: no such table: x [SELECT 1 FROM x]"_s;
    const QString longSql = u"INSERT INTO t VALUES "_s + QString(400, u'?');
    QTest::newRow("a long statement is cut at 300 characters")
        << u"SQLite"_s << u"constraint"_s << longSql << QString()
        << u"SQLite failed: constraint ["_s + longSql.left(300) + u"]"_s;
    // A sum that passes 64 bits is said in words: SQLite's SUM() raises "integer overflow" instead of
    // wrapping, PostgreSQL's bigint arithmetic "bigint out of range".
    QTest::newRow("SQLite sum past 64 bits")
        << u"SQLite"_s << u"integer overflow Unable to fetch row"_s
        << u"SELECT SUM(total_minor) FROM orders"_s << QString()
        << u"SQLite failed: a sum or product of amounts or quantities is past what a 64-bit integer holds "
           "(integer overflow Unable to fetch row) [SELECT SUM(total_minor) FROM orders]"_s;
    QTest::newRow("PostgreSQL bigint past 64 bits")
        << u"PostgreSQL"_s << u"ERROR:  bigint out of range"_s << u"SELECT a * b FROM t"_s << QString()
        << u"PostgreSQL failed: a sum or product of amounts or quantities is past what a 64-bit integer "
           u"holds "
           "(ERROR:  bigint out of range) [SELECT a * b FROM t]"_s;
}

void TestStatementError::message() {
    QFETCH(QString, engine);
    QFETCH(QString, reason);
    QFETCH(QString, sql);
    QFETCH(QString, what);
    QFETCH(QString, expected);
    const Error e = statementError(engine, reason, sql, what);
    QCOMPARE(e.kind(), Error::Kind::Storage);
    QCOMPARE(e.message(), expected);
}

QTEST_GUILESS_MAIN(TestStatementError)
#include "tst_statementerror.moc"
