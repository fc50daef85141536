// Savepoints on SQLite and PostgreSQL: released work stays, rolled-back work goes while the work before the
// savepoint stays, a savepoint left alone rolls back, and one outside a transaction is refused.
#include "Error.h"
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/Savepoint.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using ordo::Database;
using ordo::Error;
using ordo::Savepoint;
using ordo::SqlQuery;
using ordo::Transaction;
using ordo::test::TestDatabase;

namespace {

void insertNote(Database& db, qint64 id, const QString& text) {
    SqlQuery insert(db, u"INSERT INTO sp_notes (id, text) VALUES (:id, :text)"_s);
    insert.bind(u":id"_s, id).bind(u":text"_s, text);
    insert.exec();
}

QStringList notes(Database& db) {
    SqlQuery select(db, u"SELECT text FROM sp_notes ORDER BY id"_s);
    select.exec();
    QStringList result;
    while (select.next())
        result << select.value(0).toString();
    return result;
}

} // namespace

class tst_Savepoint : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void releaseKeepsTheWork();
    void rollBackUndoesOnlyWhatFollowedIt();
    void destructorRollsBack();
    void rollBackClearsAFailedStatement();
    void refusedOutsideATransaction();
    void refusesANameThatIsNotPlain();

private:
    Database& db() { return m_test->db(); }
    std::unique_ptr<TestDatabase> m_test;
};

void tst_Savepoint::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = TestDatabase::create(engine);
    QVERIFY(m_test);
    SqlQuery::run(db(), u"CREATE TABLE sp_notes (id BIGINT PRIMARY KEY, text TEXT NOT NULL)"_s);
}

void tst_Savepoint::releaseKeepsTheWork() {
    Transaction tx(db());
    insertNote(db(), 1, u"before"_s);
    Savepoint savepoint(db(), u"kept"_s);
    insertNote(db(), 2, u"inside"_s);
    savepoint.release();
    insertNote(db(), 3, u"after"_s);
    tx.commit();
    QCOMPARE(notes(db()), (QStringList{u"before"_s, u"inside"_s, u"after"_s}));
}

void tst_Savepoint::rollBackUndoesOnlyWhatFollowedIt() {
    {
        Transaction tx(db());
        insertNote(db(), 1, u"before"_s);
        Savepoint savepoint(db(), u"undone"_s);
        insertNote(db(), 2, u"inside"_s);
        insertNote(db(), 3, u"inside too"_s);
        savepoint.rollBack();
        QCOMPARE(notes(db()), QStringList{u"before"_s});
        // The same name again: the first one is gone, not nested under it.
        Savepoint again(db(), u"undone"_s);
        insertNote(db(), 2, u"second try"_s);
        again.release();
        tx.commit();
    }
    QCOMPARE(notes(db()), (QStringList{u"before"_s, u"second try"_s}));
    QCOMPARE(db().transactionDepth(), 0);
}

void tst_Savepoint::destructorRollsBack() {
    Transaction tx(db());
    insertNote(db(), 1, u"before"_s);
    {
        Savepoint savepoint(db(), u"left"_s);
        insertNote(db(), 2, u"forgotten"_s);
    }
    insertNote(db(), 3, u"after"_s);
    tx.commit();
    QCOMPARE(notes(db()), (QStringList{u"before"_s, u"after"_s}));
}

void tst_Savepoint::rollBackClearsAFailedStatement() {
    // PostgreSQL refuses every statement after an error until the transaction or a savepoint rolls back.
    Transaction tx(db());
    insertNote(db(), 1, u"before"_s);
    Savepoint savepoint(db(), u"failing"_s);
    try {
        insertNote(db(), 1, u"duplicate"_s);
        QFAIL("a duplicate primary key was accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Storage);
    }
    savepoint.rollBack();
    insertNote(db(), 2, u"after"_s);
    tx.commit();
    QCOMPARE(notes(db()), (QStringList{u"before"_s, u"after"_s}));
}

void tst_Savepoint::refusedOutsideATransaction() {
    try {
        Savepoint savepoint(db(), u"alone"_s);
        QFAIL("a savepoint was made outside a transaction");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Storage);
        QVERIFY2(e.message().contains(u"alone"_s), qPrintable(e.message()));
    }
    insertNote(db(), 1, u"still usable"_s);
    QCOMPARE(notes(db()), QStringList{u"still usable"_s});
}

void tst_Savepoint::refusesANameThatIsNotPlain() {
    Transaction tx(db());
    insertNote(db(), 1, u"kept"_s);
    for (const QString& name : {u"x; DROP TABLE sp_notes"_s, u"Upper"_s, QString()}) {
        try {
            Savepoint savepoint(db(), name);
            QFAIL(qPrintable(u"savepoint name '%1' was accepted"_s.arg(name)));
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Usage);
        }
    }
    tx.commit();
    QCOMPARE(notes(db()), QStringList{u"kept"_s});
}

QTEST_GUILESS_MAIN(tst_Savepoint)
#include "tst_savepoint.moc"
