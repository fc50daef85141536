#include "Error.h"
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using ordo::Database;
using ordo::Error;
using ordo::SqlQuery;
using ordo::Transaction;
using ordo::test::TestDatabase;

namespace {

void insertNote(Database& db, qint64 id, const QString& text) {
    SqlQuery insert(db, u"INSERT INTO tx_notes (id, text) VALUES (:id, :text)"_s);
    insert.bind(u":id"_s, id).bind(u":text"_s, text);
    insert.exec();
}

QStringList notes(Database& db) {
    SqlQuery select(db, u"SELECT text FROM tx_notes ORDER BY id"_s);
    select.exec();
    QStringList result;
    while (select.next())
        result << select.value(0).toString();
    return result;
}

// Runs body and returns the ordo::Error it throws, or nothing.
template <typename Body> std::optional<Error> errorOf(Body&& body) {
    try {
        body();
    } catch (const Error& e) {
        return e;
    }
    return std::nullopt;
}

} // namespace

class tst_Transaction : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void commitPersists();
    void destructorRollsBack();
    void exceptionInsideRollsBack();
    void nestedCommitsJoinOuter();
    void nestedInnerFailureFailsOuter();
    void commitTwiceThrows();
    void commitWithReturnsRowsAndCommits();
    void commitWithSeveralStatementsReturnsTheLastOnesRows();
    void commitWithFailedStatementSavesNothing();
    void commitWithOnlyForAWholeSoundUnit();
    void commitWithRefusedCommitSavesNothing();
    void requireRaisesItsMessageOnPostgres();
    void failedStatementInsideTransaction();
    void scriptReportsAFailureAfterItsFirstStatement();
    void sqlQueryErrorsThrowStorage_data();
    void sqlQueryErrorsThrowStorage();
    void scalarWithoutRowThrows();

private:
    Database& db() { return m_test->db(); }
    std::unique_ptr<TestDatabase> m_test;
};

void tst_Transaction::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = TestDatabase::create(engine);
    QVERIFY(m_test);
    SqlQuery::run(db(), u"CREATE TABLE tx_notes (id BIGINT PRIMARY KEY, text TEXT NOT NULL)"_s);
}

void tst_Transaction::commitPersists() {
    {
        Transaction tx(db());
        insertNote(db(), 1, u"one"_s);
        insertNote(db(), 2, u"two"_s);
        tx.commit();
    }
    QCOMPARE(db().transactionDepth(), 0);
    QCOMPARE(notes(db()), (QStringList{u"one"_s, u"two"_s}));
    // Another connection sees it: it reached the database, not only this session.
    Database other = Database::open(m_test->url());
    QCOMPARE(notes(other), (QStringList{u"one"_s, u"two"_s}));
}

void tst_Transaction::destructorRollsBack() {
    {
        Transaction tx(db());
        insertNote(db(), 1, u"forgotten"_s);
        QCOMPARE(notes(db()), QStringList{u"forgotten"_s}); // visible inside the unit of work
    }
    QCOMPARE(db().transactionDepth(), 0);
    QCOMPARE(notes(db()), QStringList());
    Database other = Database::open(m_test->url());
    QCOMPARE(notes(other), QStringList());
}

void tst_Transaction::exceptionInsideRollsBack() {
    const std::optional<Error> error = errorOf([&] {
        Transaction tx(db());
        insertNote(db(), 1, u"half done"_s);
        throw Error::input(u"line 2: quantity must be positive"_s);
    });
    QVERIFY(error);
    QCOMPARE(error->message(), u"line 2: quantity must be positive"_s);
    QCOMPARE(notes(db()), QStringList());
    // The connection is usable afterwards.
    Transaction tx(db());
    insertNote(db(), 1, u"after"_s);
    tx.commit();
    QCOMPARE(notes(db()), QStringList{u"after"_s});
}

void tst_Transaction::nestedCommitsJoinOuter() {
    {
        Transaction outer(db());
        insertNote(db(), 1, u"outer"_s);
        {
            Transaction inner(db());
            insertNote(db(), 2, u"inner"_s);
            inner.commit();
        }
        QCOMPARE(db().transactionDepth(), 1);
        // The inner commit saved nothing yet: another connection sees no rows.
        Database other = Database::open(m_test->url());
        QCOMPARE(notes(other), QStringList());
        outer.commit();
    }
    QCOMPARE(notes(db()), (QStringList{u"outer"_s, u"inner"_s}));
    {
        // An outer rollback undoes what a committed inner unit did.
        Transaction outer(db());
        {
            Transaction inner(db());
            insertNote(db(), 3, u"undone"_s);
            inner.commit();
        }
    }
    QCOMPARE(notes(db()), (QStringList{u"outer"_s, u"inner"_s}));
}

void tst_Transaction::nestedInnerFailureFailsOuter() {
    std::optional<Error> error;
    {
        Transaction outer(db());
        insertNote(db(), 1, u"outer"_s);
        const std::optional<Error> innerError = errorOf([&] {
            Transaction inner(db());
            insertNote(db(), 2, u"inner"_s);
            throw Error::state(u"order 7 is already shipped"_s);
        });
        QVERIFY(innerError);
        // The caller swallowed the inner error, but the unit of work must not be saved half done.
        insertNote(db(), 3, u"after inner"_s);
        error = errorOf([&] { outer.commit(); });
    }
    QVERIFY2(error, "the outer commit succeeded after an inner unit failed");
    QCOMPARE(error->kind(), Error::Kind::Storage);
    QVERIFY2(error->message().contains(u"nothing was saved"_s), qPrintable(error->message()));
    QCOMPARE(db().transactionDepth(), 0);
    QCOMPARE(notes(db()), QStringList());
    // The failure does not stick to the next unit of work.
    Transaction next(db());
    insertNote(db(), 4, u"next"_s);
    next.commit();
    QCOMPARE(notes(db()), QStringList{u"next"_s});
}

void tst_Transaction::commitTwiceThrows() {
    Transaction tx(db());
    insertNote(db(), 1, u"once"_s);
    tx.commit();
    const std::optional<Error> error = errorOf([&] { tx.commit(); });
    QVERIFY(error);
    QCOMPARE(error->kind(), Error::Kind::Storage);
    QCOMPARE(notes(db()), QStringList{u"once"_s});
    QCOMPARE(db().transactionDepth(), 0);
}

void tst_Transaction::commitWithReturnsRowsAndCommits() {
    QList<QVariantList> rows;
    {
        Transaction tx(db());
        insertNote(db(), 1, u"one"_s);
        rows = tx.commitWith(
            {u"INSERT INTO tx_notes (id, text) VALUES (2, 'two'), (3, 'three') RETURNING id, text"_s});
        QCOMPARE(db().transactionDepth(), 0);
    }
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0), (QVariantList{2, u"two"_s}));
    QCOMPARE(rows.at(1), (QVariantList{3, u"three"_s}));
    // Saved, not only visible to this session; the guard's destructor rolled nothing back.
    Database other = Database::open(m_test->url());
    QCOMPARE(notes(other), (QStringList{u"one"_s, u"two"_s, u"three"_s}));
    // The connection is out of the transaction: the next unit of work begins afresh.
    Transaction next(db());
    insertNote(db(), 4, u"four"_s);
    next.commit();
    QCOMPARE(notes(other).size(), 4);
}

void tst_Transaction::commitWithSeveralStatementsReturnsTheLastOnesRows() {
    QList<QVariantList> rows;
    {
        Transaction tx(db());
        rows = tx.commitWith({u"INSERT INTO tx_notes (id, text) VALUES (1, 'one') RETURNING id"_s,
                              u"UPDATE tx_notes SET text = 'ONE' WHERE id = 1"_s,
                              u"INSERT INTO tx_notes (id, text) VALUES (5, 'five') RETURNING text, id"_s});
    }
    QCOMPARE(rows, (QList<QVariantList>{{u"five"_s, 5}}));
    Database other = Database::open(m_test->url());
    QCOMPARE(notes(other), (QStringList{u"ONE"_s, u"five"_s}));
    // A failure in a later statement undoes the earlier ones.
    std::optional<Error> error;
    {
        Transaction tx(db());
        error = errorOf([&] {
            tx.commitWith({u"INSERT INTO tx_notes (id, text) VALUES (6, 'six')"_s,
                           u"UPDATE tx_notes SET text = 'changed' WHERE id = 1"_s,
                           u"INSERT INTO tx_notes (id, text) VALUES (5, 'five again')"_s});
        });
    }
    QVERIFY(error);
    QVERIFY2(error->message().contains(u"five again"_s), qPrintable(error->message())); // names the statement
    QCOMPARE(db().transactionDepth(), 0);
    QCOMPARE(notes(other), (QStringList{u"ONE"_s, u"five"_s}));
}

void tst_Transaction::commitWithFailedStatementSavesNothing() {
    std::optional<Error> error;
    {
        Transaction tx(db());
        insertNote(db(), 1, u"before"_s);
        // The second row repeats the primary key: the statement fails as a whole.
        error =
            errorOf([&] { tx.commitWith({u"INSERT INTO tx_notes (id, text) VALUES (2, 'a'), (1, 'b')"_s}); });
    }
    QVERIFY(error);
    QCOMPARE(error->kind(), Error::Kind::Storage);
    QVERIFY2(error->message().contains(u"unique constraint"_s, Qt::CaseInsensitive),
             qPrintable(error->message()));
    QCOMPARE(db().transactionDepth(), 0);
    QCOMPARE(notes(db()), QStringList());
    Database other = Database::open(m_test->url());
    QCOMPARE(notes(other), QStringList());
}

void tst_Transaction::commitWithOnlyForAWholeSoundUnit() {
    {
        Transaction outer(db());
        Transaction inner(db());
        const std::optional<Error> error =
            errorOf([&] { inner.commitWith({u"INSERT INTO tx_notes (id, text) VALUES (1, 'inner')"_s}); });
        QVERIFY(error);
        QVERIFY2(error->message().contains(u"whole unit of work"_s), qPrintable(error->message()));
        QCOMPARE(db().transactionDepth(), 2); // both guards still stand, and roll back
    }
    QCOMPARE(db().transactionDepth(), 0);
    QCOMPARE(notes(db()), QStringList());
    {
        Transaction outer(db());
        errorOf([&] {
            Transaction inner(db());
            throw Error::state(u"failed inside"_s);
        });
        const std::optional<Error> error = errorOf(
            [&] { outer.commitWith({u"INSERT INTO tx_notes (id, text) VALUES (1, 'after failure')"_s}); });
        QVERIFY(error);
        QVERIFY2(error->message().contains(u"has not failed"_s), qPrintable(error->message()));
    }
    QCOMPARE(db().transactionDepth(), 0);
    QCOMPARE(notes(db()), QStringList());
}

void tst_Transaction::commitWithRefusedCommitSavesNothing() {
    // A deferred foreign key is checked at COMMIT: every statement succeeds and the commit itself fails.
    SqlQuery::run(db(), u"CREATE TABLE tx_children (id BIGINT PRIMARY KEY, note_id BIGINT NOT NULL "
                        "REFERENCES tx_notes (id) DEFERRABLE INITIALLY DEFERRED)"_s);
    std::optional<Error> error;
    {
        Transaction tx(db());
        insertNote(db(), 1, u"parent"_s);
        error = errorOf([&] {
            tx.commitWith({u"INSERT INTO tx_children (id, note_id) VALUES (1, 1)"_s,
                           u"INSERT INTO tx_children (id, note_id) VALUES (2, 99) RETURNING id"_s});
        });
        QCOMPARE(db().transactionDepth(), 0);
    }
    QVERIFY(error);
    QCOMPARE(error->kind(), Error::Kind::Storage);
    QVERIFY2(error->message().contains(u"refused to commit"_s), qPrintable(error->message()));
    QCOMPARE(notes(db()), QStringList());
    QCOMPARE(SqlQuery(db(), u"SELECT COUNT(*) FROM tx_children"_s).scalar().toLongLong(), 0);
    // The connection is out of the failed transaction.
    Transaction next(db());
    insertNote(db(), 2, u"next"_s);
    next.commit();
    QCOMPARE(notes(db()), QStringList{u"next"_s});
}

void tst_Transaction::requireRaisesItsMessageOnPostgres() {
    if (db().engine() != ordo::Engine::Postgres)
        QSKIP("ordo_require is PostgreSQL's in-statement check (schema step 6); SQLite never commits in a "
              "statement");
    {
        Transaction tx(db());
        QCOMPARE(tx.commitWith({u"SELECT ordo_require(1 + 1 = 2, 'unused')"_s}),
                 (QList<QVariantList>{{true}}));
    }
    std::optional<Error> error;
    {
        Transaction tx(db());
        insertNote(db(), 1, u"undone"_s);
        error = errorOf([&] {
            tx.commitWith({u"WITH n AS (INSERT INTO tx_notes (id, text) VALUES (2, 'x') RETURNING id) "
                           "SELECT ordo_require(count(*) = 2, 'two notes wanted') FROM n"_s});
        });
    }
    QVERIFY(error);
    QVERIFY2(error->message().contains(u"ordo_require: two notes wanted"_s), qPrintable(error->message()));
    QCOMPARE(notes(db()), QStringList());
    // An error met after some rows were sent fails the unit too (PostgreSQL streams the rows).
    {
        Transaction tx(db());
        error = errorOf([&] {
            tx.commitWith({u"INSERT INTO tx_notes (id, text) VALUES (3, 'streamed')"_s,
                           u"SELECT 10 / (3 - g) FROM generate_series(1, 5) AS g"_s});
        });
    }
    QVERIFY(error);
    QVERIFY2(error->message().contains(u"division by zero"_s), qPrintable(error->message()));
    QCOMPARE(db().transactionDepth(), 0);
    QCOMPARE(notes(db()), QStringList());
}

void tst_Transaction::failedStatementInsideTransaction() {
    insertNote(db(), 1, u"existing"_s);
    {
        Transaction tx(db());
        insertNote(db(), 2, u"new"_s);
        const std::optional<Error> error = errorOf([&] { insertNote(db(), 1, u"duplicate"_s); });
        QVERIFY2(error, "a duplicate primary key was accepted");
        QCOMPARE(error->kind(), Error::Kind::Storage);
        // Left without commit, as a service does when a statement throws.
    }
    QCOMPARE(notes(db()), QStringList{u"existing"_s});
    // PostgreSQL aborts a transaction after an error; the rollback must have cleared that.
    Transaction tx(db());
    insertNote(db(), 3, u"later"_s);
    tx.commit();
    QCOMPARE(notes(db()), (QStringList{u"existing"_s, u"later"_s}));
}

void tst_Transaction::scriptReportsAFailureAfterItsFirstStatement() {
    if (db().engine() != ordo::Engine::Postgres)
        QSKIP("SQLite runs one statement per call: Ordo sends scripts of several to PostgreSQL only");
    // The reservation and routing scripts send several statements at once. When one after the first fails the
    // server stops there; that failure must reach the caller, or its unit of work would go on, aborted, and
    // its COMMIT would save nothing.
    Transaction tx(db());
    const std::optional<Error> error = errorOf([&] {
        SqlQuery::run(db(), u"INSERT INTO tx_notes (id, text) VALUES (1, 'one'); "
                            "INSERT INTO tx_notes (id, text) VALUES (1, 'again'); "
                            "INSERT INTO tx_notes (id, text) VALUES (3, 'three')"_s);
    });
    QVERIFY(error);
    QCOMPARE(error->kind(), Error::Kind::Storage);
    QCOMPARE(error->code(), u"23505"_s); // unique_violation, from the second statement
}

void tst_Transaction::sqlQueryErrorsThrowStorage_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("prepared"); // through SqlQuery (prepare + exec) or SqlQuery::run
    QTest::newRow("syntax error") << u"SELEC id FROM tx_notes"_s << true;
    QTest::newRow("unknown table") << u"SELECT id FROM no_such_table"_s << true;
    QTest::newRow("unknown column") << u"SELECT no_such_column FROM tx_notes"_s << true;
    QTest::newRow("duplicate key") << u"INSERT INTO tx_notes (id, text) VALUES (1, 'again')"_s << true;
    QTest::newRow("not null") << u"INSERT INTO tx_notes (id, text) VALUES (5, NULL)"_s << true;
    QTest::newRow("run: syntax error") << u"CREAT TABLE x (id BIGINT)"_s << false;
    QTest::newRow("run: table exists") << u"CREATE TABLE tx_notes (id BIGINT)"_s << false;
}

void tst_Transaction::sqlQueryErrorsThrowStorage() {
    QFETCH(QString, sql);
    QFETCH(bool, prepared);
    insertNote(db(), 1, u"first"_s);

    const std::optional<Error> error = errorOf([&] {
        if (prepared) {
            SqlQuery query(db(), sql);
            query.exec();
        } else {
            SqlQuery::run(db(), sql);
        }
    });
    QVERIFY2(error, qPrintable(u"no error from: "_s + sql));
    QCOMPARE(error->kind(), Error::Kind::Storage);
    // The message names the engine and the statement, so that the log says what failed where.
    const QString engineName = db().dialect().name();
    QVERIFY2(error->message().contains(engineName), qPrintable(error->message()));
    QVERIFY2(error->message().contains(sql.left(10)), qPrintable(error->message()));
    QCOMPARE(notes(db()), QStringList{u"first"_s});
}

void tst_Transaction::scalarWithoutRowThrows() {
    SqlQuery none(db(), u"SELECT text FROM tx_notes WHERE id = :id"_s);
    none.bind(u":id"_s, 42);
    const std::optional<Error> error = errorOf([&] { none.scalar(); });
    QVERIFY(error);
    QCOMPARE(error->kind(), Error::Kind::Storage);

    insertNote(db(), 42, u"answer"_s);
    SqlQuery one(db(), u"SELECT text FROM tx_notes WHERE id = :id"_s);
    one.bind(u":id"_s, 42);
    QCOMPARE(one.scalar().toString(), u"answer"_s);
}

QTEST_GUILESS_MAIN(tst_Transaction)
#include "tst_transaction.moc"
