#include "Error.h"
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/SqlQuery.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using ordo::Database;
using ordo::Error;
using ordo::SqlQuery;
using ordo::test::TestDatabase;

namespace {

QString metaValue(Database& db, const QString& key) {
    SqlQuery query(db, u"SELECT value FROM meta WHERE key = :key"_s);
    query.bind(u":key"_s, key);
    query.exec();
    return query.next() ? query.value(0).toString() : QString();
}

void setMetaValue(Database& db, const QString& key, const QString& value) {
    SqlQuery query(db, u"INSERT INTO meta (key, value) VALUES (:key, :value) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    query.bind(u":key"_s, key).bind(u":value"_s, value);
    query.exec();
}

QString kindName(Error::Kind kind) {
    switch (kind) {
    case Error::Kind::Input:
        return u"Input"_s;
    case Error::Kind::State:
        return u"State"_s;
    case Error::Kind::NotFound:
        return u"NotFound"_s;
    case Error::Kind::Denied:
        return u"Denied"_s;
    case Error::Kind::Storage:
        return u"Storage"_s;
    case Error::Kind::Usage:
        return u"Usage"_s;
    }
    return u"?"_s;
}

// Opens url and returns the error it throws; fails the test when it opens.
std::optional<Error> openError(const QString& url, const Database::Options& options = {}) {
    try {
        Database db = Database::open(url, options);
    } catch (const Error& e) {
        return e;
    }
    return std::nullopt;
}

} // namespace

class tst_Database : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void openMigratesToLatest();
    void connectionSettings();
    void durableAndBoundedByDefault();
    void settingsFromTheUrlAndTheEnvironment();
    void reopenDoesNotMigrateAgain();
    void secondConnectionSeesCommittedData();
    void refusesNewerSchema();
    void refusesUnmigratedWhenMigrationOff();
    void refusesNonDatabase();
    void badUrlsAreUsageErrors_data();
    void badUrlsAreUsageErrors();
    void displayName();
    void sqliteFilesAreTheOwnersAlone_data();
    void sqliteFilesAreTheOwnersAlone();

private:
    QString engine() const { return m_test->engineName(); }
    std::unique_ptr<TestDatabase> m_test;
};

void tst_Database::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = TestDatabase::create(engine);
    QVERIFY(m_test);
}

void tst_Database::openMigratesToLatest() {
    Database& db = m_test->db();
    QVERIFY(ordo::Migrations::latestVersion() >= 1);
    QCOMPARE(db.schemaVersion(), ordo::Migrations::latestVersion());
    QCOMPARE(metaValue(db, u"schema_version"_s), QString::number(ordo::Migrations::latestVersion()));
    QCOMPARE(db.engine(), engine() == u"sqlite"_s ? ordo::Engine::Sqlite : ordo::Engine::Postgres);
    QCOMPARE(db.isCentral(), engine() == u"postgresql"_s);
    // The tables of the first migration exist and are empty.
    for (const QString& table :
         {u"orders"_s, u"order_lines"_s, u"locations"_s, u"skus"_s, u"positions"_s, u"audit_events"_s}) {
        SqlQuery count(db, u"SELECT count(*) FROM "_s + table);
        QCOMPARE(count.scalar().toLongLong(), 0);
    }
}

void tst_Database::connectionSettings() {
    Database& db = m_test->db();
    if (db.engine() == ordo::Engine::Sqlite) {
        SqlQuery journal(db, u"PRAGMA journal_mode"_s);
        QCOMPARE(journal.scalar().toString().toLower(), u"wal"_s);
        SqlQuery foreignKeys(db, u"PRAGMA foreign_keys"_s);
        QCOMPARE(foreignKeys.scalar().toInt(), 1);
        SqlQuery busy(db, u"PRAGMA busy_timeout"_s);
        QVERIFY(busy.scalar().toInt() > 0);
    } else {
        SqlQuery zone(db, u"SELECT current_setting('TimeZone')"_s);
        QCOMPARE(zone.scalar().toString(), u"UTC"_s);
    }
    // Foreign keys are enforced on both engines.
    SqlQuery::run(db, u"CREATE TABLE fk_parent (id BIGINT PRIMARY KEY)"_s);
    SqlQuery::run(db, u"CREATE TABLE fk_child (id BIGINT PRIMARY KEY, "
                      "parent_id BIGINT NOT NULL REFERENCES fk_parent (id))"_s);
    SqlQuery::run(db, u"INSERT INTO fk_parent (id) VALUES (1)"_s);
    SqlQuery::run(db, u"INSERT INTO fk_child (id, parent_id) VALUES (1, 1)"_s);
    SqlQuery orphan(db, u"INSERT INTO fk_child (id, parent_id) VALUES (2, 987654)"_s);
    QVERIFY_THROWS_EXCEPTION(Error, orphan.exec());
    SqlQuery count(db, u"SELECT count(*) FROM fk_child"_s);
    QCOMPARE(count.scalar().toLongLong(), 1);
}

void tst_Database::durableAndBoundedByDefault() {
    Database& db = m_test->db();
    if (db.engine() == ordo::Engine::Sqlite) {
        // FULL (2): a committed order is on disk, log and all, before COMMIT returns.
        QCOMPARE(SqlQuery(db, u"PRAGMA synchronous"_s).scalar().toInt(), 2);
        QCOMPARE(SqlQuery(db, u"PRAGMA journal_mode"_s).scalar().toString(), u"wal"_s);
        return;
    }
    // No statement waits for a lock, or runs, forever.
    QCOMPARE(SqlQuery::rows(db, u"SHOW lock_timeout"_s).value(0).value(0).toString(), u"10s"_s);
    QCOMPARE(SqlQuery::rows(db, u"SHOW statement_timeout"_s).value(0).value(0).toString(), u"1min"_s);
}

void tst_Database::settingsFromTheUrlAndTheEnvironment() {
    const QString url = m_test->url();
    const auto show = [](Database& db, const QString& what) {
        return SqlQuery::rows(db, what).value(0).value(0).toString(); // SHOW is never prepared
    };
    if (m_test->engine() == ordo::Engine::Sqlite) {
        {
            ordo::Database::Options fast;
            fast.sqliteSynchronous = u"normal"_s;
            Database db = Database::open(url, fast);
            QCOMPARE(show(db, u"PRAGMA synchronous"_s), u"1"_s);
        }
        qputenv("ORDO_SQLITE_SYNCHRONOUS", "OFF");
        const auto unset = qScopeGuard([] { qunsetenv("ORDO_SQLITE_SYNCHRONOUS"); });
        {
            Database db = Database::open(url);
            QCOMPARE(show(db, u"PRAGMA synchronous"_s), u"0"_s);
        }
        qputenv("ORDO_SQLITE_SYNCHRONOUS", "FAST");
        const std::optional<Error> refused = openError(url);
        QVERIFY(refused);
        QCOMPARE(refused->kind(), Error::Kind::Usage);
        QVERIFY2(refused->message().contains(u"FAST"_s), qPrintable(refused->message()));
        return;
    }
    {
        Database db = Database::open(url + u"?lock_timeout=250ms&statement_timeout=30s&sslmode=disable"_s);
        QCOMPARE(show(db, u"SHOW lock_timeout"_s), u"250ms"_s);
        QCOMPARE(show(db, u"SHOW statement_timeout"_s), u"30s"_s);
    }
    qputenv("ORDO_PG_LOCK_TIMEOUT", "3s");
    qputenv("ORDO_PG_STATEMENT_TIMEOUT", "0");
    const auto unset = qScopeGuard([] {
        qunsetenv("ORDO_PG_LOCK_TIMEOUT");
        qunsetenv("ORDO_PG_STATEMENT_TIMEOUT");
    });
    {
        Database db = Database::open(url);
        QCOMPARE(show(db, u"SHOW lock_timeout"_s), u"3s"_s);
        QCOMPARE(show(db, u"SHOW statement_timeout"_s), u"0"_s);
    }
    {
        Database db = Database::open(url + u"?lock_timeout=1s"_s); // the URL wins
        QCOMPARE(show(db, u"SHOW lock_timeout"_s), u"1s"_s);
    }
    // Only a duration is taken: the value is written into the SET statement.
    const std::optional<Error> refused = openError(url + u"?lock_timeout=1s%27%3BDROP%20TABLE%20orders"_s);
    QVERIFY(refused);
    QCOMPARE(refused->kind(), Error::Kind::Usage);
    QVERIFY2(refused->message().contains(u"lock_timeout"_s), qPrintable(refused->message()));
    // A lock held elsewhere ends the wait with an error after lock_timeout, not never.
    Database holder = Database::open(url);
    Database waiter = Database::open(url + u"?lock_timeout=200ms"_s);
    SqlQuery::run(holder, u"BEGIN"_s);
    SqlQuery::run(holder, u"LOCK TABLE meta IN ACCESS EXCLUSIVE MODE"_s);
    QElapsedTimer waited;
    waited.start();
    const std::optional<Error> timedOut = [&]() -> std::optional<Error> {
        try {
            SqlQuery::run(waiter, u"UPDATE meta SET value = value WHERE key = 'schema_version'"_s);
        } catch (const Error& e) {
            return e;
        }
        return std::nullopt;
    }();
    SqlQuery::run(holder, u"ROLLBACK"_s);
    QVERIFY(timedOut);
    QCOMPARE(timedOut->code(), u"55P03"_s); // lock_not_available
    QVERIFY(waited.elapsed() < 5000);
}

void tst_Database::reopenDoesNotMigrateAgain() {
    const QString url = m_test->url();
    setMetaValue(m_test->db(), u"probe"_s, u"kept"_s);
    // Migration 1 creates its tables without IF NOT EXISTS: running it again would throw.
    Database again = Database::open(url);
    QCOMPARE(again.schemaVersion(), ordo::Migrations::latestVersion());
    QCOMPARE(metaValue(again, u"probe"_s), u"kept"_s);
    // Nothing is pending, so even a connection that may not migrate opens it.
    Database::Options noMigration;
    noMigration.migrate = false;
    Database strict = Database::open(url, noMigration);
    QCOMPARE(strict.schemaVersion(), ordo::Migrations::latestVersion());
}

void tst_Database::secondConnectionSeesCommittedData() {
    setMetaValue(m_test->db(), u"written-by"_s, u"first"_s);
    Database second = Database::open(m_test->url());
    QCOMPARE(metaValue(second, u"written-by"_s), u"first"_s);
    setMetaValue(second, u"written-by"_s, u"second"_s);
    QCOMPARE(metaValue(m_test->db(), u"written-by"_s), u"second"_s);
}

void tst_Database::refusesNewerSchema() {
    const int newer = ordo::Migrations::latestVersion() + 1;
    setMetaValue(m_test->db(), u"schema_version"_s, QString::number(newer));
    const std::optional<Error> error = openError(m_test->url());
    QVERIFY2(error, "a database newer than the program was opened");
    QCOMPARE(kindName(error->kind()), kindName(Error::Kind::Storage));
    QVERIFY2(error->message().contains(u"newer"_s), qPrintable(error->message()));
    QVERIFY2(error->message().contains(QString::number(newer)), qPrintable(error->message()));
    // Refusing wrote nothing: the version is still the newer one.
    QCOMPARE(metaValue(m_test->db(), u"schema_version"_s), QString::number(newer));
}

void tst_Database::refusesUnmigratedWhenMigrationOff() {
    Database::Options noMigration;
    noMigration.migrate = false;
    if (m_test->engine() == ordo::Engine::Sqlite) {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::optional<Error> error = openError(dir.filePath(u"empty.sqlite"_s), noMigration);
        QVERIFY(error);
        QCOMPARE(kindName(error->kind()), kindName(Error::Kind::Storage));
        QVERIFY2(error->message().contains(u"needs migrating"_s), qPrintable(error->message()));
    } else {
        setMetaValue(m_test->db(), u"schema_version"_s, u"0"_s);
        const std::optional<Error> error = openError(m_test->url(), noMigration);
        QVERIFY(error);
        QCOMPARE(kindName(error->kind()), kindName(Error::Kind::Storage));
        QVERIFY2(error->message().contains(u"needs migrating"_s), qPrintable(error->message()));
    }
}

void tst_Database::refusesNonDatabase() {
    if (m_test->engine() == ordo::Engine::Sqlite) {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"notes.txt"_s);
        const QByteArray content = QByteArray("These are shopping notes, not a database.\n").repeated(200);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        const std::optional<Error> error = openError(path);
        QVERIFY2(error, "a text file was opened as a database");
        QCOMPARE(kindName(error->kind()), kindName(Error::Kind::Storage));
        QVERIFY2(error->message().contains(u"not an Ordo database"_s), qPrintable(error->message()));
        QVERIFY2(error->message().contains(path), qPrintable(error->message()));
        // The file is left as it was.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
    } else {
        // A database that does not exist in the cluster: a clear connection error, not a crash.
        QUrl url(m_test->url());
        url.setPath(u"/ordo_no_such_database"_s);
        const std::optional<Error> error = openError(url.toString());
        QVERIFY2(error, "a database that does not exist was opened");
        QCOMPARE(kindName(error->kind()), kindName(Error::Kind::Storage));
        QVERIFY2(error->message().contains(u"ordo_no_such_database"_s), qPrintable(error->message()));
    }
}

void tst_Database::badUrlsAreUsageErrors_data() {
    QTest::addColumn<QString>("url");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << u"   "_s;
    QTest::newRow("scheme only") << u"postgresql://"_s;
    QTest::newRow("no host") << u"postgresql:///ordo"_s;
    QTest::newRow("no database name") << u"postgresql://ordo@127.0.0.1:5432"_s;
    QTest::newRow("no database name, slash") << u"postgres://ordo@127.0.0.1:5432/"_s;
    QTest::newRow("folder") << QDir::tempPath();
}

void tst_Database::badUrlsAreUsageErrors() {
    QFETCH(QString, url);
    const std::optional<Error> error = openError(url);
    QVERIFY2(error, qPrintable(u"'%1' was opened"_s.arg(url)));
    QCOMPARE(kindName(error->kind()), kindName(Error::Kind::Usage));
    QVERIFY(!error->message().isEmpty());
}

void tst_Database::displayName() {
    Database& db = m_test->db();
    if (db.engine() == ordo::Engine::Sqlite) {
        QCOMPARE(db.displayName(), QDir::toNativeSeparators(m_test->url()));
    } else {
        const QUrl url(m_test->url());
        QCOMPARE(db.displayName(),
                 u"%1@%2:%3%4"_s.arg(url.userName(), url.host(), QString::number(url.port()), url.path()));
    }
}

void tst_Database::sqliteFilesAreTheOwnersAlone_data() {
    QTest::addColumn<int>("mask");
    QTest::newRow("umask 022") << 022;
    QTest::newRow("umask 000") << 0;
    QTest::newRow("umask 077") << 077;
}

// A new database file holds orders, customers' addresses and the audit trail: it is made readable and
// writable by its owner alone whatever the umask, and so are the -wal and -shm files SQLite makes beside it
// (SQLite gives them the main file's mode).
void tst_Database::sqliteFilesAreTheOwnersAlone() {
    if (m_test->engine() != ordo::Engine::Sqlite)
        QSKIP("a PostgreSQL database has no file of its own: the server keeps its files");
    QFETCH(int, mask);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"new/ordo.sqlite"_s);
    const mode_t before = ::umask(mode_t(mask));
    std::optional<Database> db;
    try {
        db.emplace(Database::open(path));
    } catch (...) {
        ::umask(before);
        throw;
    }
    ::umask(before);
    SqlQuery::run(*db, u"INSERT INTO meta (key, value) VALUES ('probe', 'written')"_s); // the WAL is in use
    for (const QString& file : QStringList{path, path + u"-wal"_s, path + u"-shm"_s}) {
        struct stat info {};
        QVERIFY2(::stat(QFile::encodeName(file).constData(), &info) == 0,
                 qPrintable(file + u" is missing"_s));
        QVERIFY2((info.st_mode & 0777) == 0600,
                 qPrintable(u"%1 has mode %2"_s.arg(file).arg(info.st_mode & 0777, 3, 8, QChar(u'0'))));
    }
    // An existing file keeps the mode its owner gave it (a shared group database stays shared).
    db.reset();
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                            QFile::WriteGroup));
    Database again = Database::open(path);
    struct stat info {};
    QVERIFY(::stat(QFile::encodeName(path).constData(), &info) == 0);
    QCOMPARE(int(info.st_mode & 0777), 0660);
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
