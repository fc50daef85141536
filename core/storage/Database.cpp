#include "Database.h"

#include "Error.h"
#include "Migrations.h"
#include "SqlQuery.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QString nextConnectionName() {
    static QAtomicInteger<quint64> counter;
    return u"ordo-"_s + QString::number(counter.fetchAndAddRelaxed(1) + 1);
}

bool isPostgresUrl(const QString& url) {
    return url.startsWith(u"postgresql://"_s, Qt::CaseInsensitive) ||
           url.startsWith(u"postgres://"_s, Qt::CaseInsensitive);
}

// A new database file is its owner's alone (0600) whatever the umask: it holds customers' addresses, orders
// and the audit trail, and on SQLite the file's permissions are the only boundary. SQLite gives the -wal and
// -shm files it makes beside it the main file's mode. The file is made empty here, before SQLite opens it
// (SQLite takes an empty file as a new database); one that exists keeps the mode its owner chose.
void createOwnerOnlyFile(const QString& path) {
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QFile file(path);
    // Created with no more than 0600 from the start, never readable by others even for a moment...
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly)) {
        if (QFileInfo::exists(path))
            return; // another process made it meanwhile: its mode is its maker's
        throw Error::storage(u"cannot create %1: %2"_s.arg(path, file.errorString()));
    }
    // ... and exactly 0600: the umask may have taken bits off at creation, a chmod takes none.
    if (!file.setPermissions(ownerOnly))
        throw Error::storage(
            u"cannot make %1 readable by its owner only: %2"_s.arg(path, file.errorString()));
}

// A PostgreSQL duration as SET takes it: digits and an optional unit. Anything else is refused, so that the
// value can be written into the SET statement as it is.
QString postgresDuration(const QString& value, const QString& source) {
    static const QRegularExpression form(u"^[0-9]{1,9}(ms|s|min|h)?$"_s);
    const QString v = value.trimmed();
    if (!form.match(v).hasMatch())
        throw Error::usage(
            u"%1: '%2' is not a duration such as 500ms, 10s or 2min (0: none)"_s.arg(source, v));
    return v;
}

// The session timeout `setting` (lock_timeout, statement_timeout) from the URL's query item of that name,
// else the environment variable, else the default.
QString sessionTimeout(QUrlQuery& query, const QString& setting, const char* environment,
                       const QString& fallback) {
    if (query.hasQueryItem(setting)) {
        const QString value = query.queryItemValue(setting);
        query.removeAllQueryItems(setting);
        return postgresDuration(value, u"the database URL's "_s + setting);
    }
    const QString fromEnvironment = qEnvironmentVariable(environment);
    if (!fromEnvironment.isEmpty())
        return postgresDuration(fromEnvironment, QString::fromLatin1(environment));
    return fallback;
}

QString sqliteSynchronous(const QString& chosen) {
    QString mode = chosen.isEmpty() ? qEnvironmentVariable("ORDO_SQLITE_SYNCHRONOUS") : chosen;
    mode = mode.trimmed().toUpper();
    if (mode.isEmpty())
        return u"FULL"_s;
    if (mode != u"FULL"_s && mode != u"NORMAL"_s && mode != u"OFF"_s && mode != u"EXTRA"_s)
        throw Error::usage(
            u"SQLite synchronous mode '%1' is not one of FULL, NORMAL, OFF, EXTRA (ORDO_SQLITE_SYNCHRONOUS)"_s
                .arg(mode));
    return mode;
}

QString sqlitePath(const QString& url) {
    if (url.startsWith(u"file:"_s, Qt::CaseInsensitive))
        return QUrl(url).toLocalFile();
    return url;
}

} // namespace

Database::Database(QString url, QString connectionName, Engine engine)
    : m_url(std::move(url))
    , m_connectionName(std::move(connectionName))
    , m_dialect(engine) {}

Database::Database(Database&& other) noexcept
    : m_url(std::move(other.m_url))
    , m_connectionName(std::exchange(other.m_connectionName, QString()))
    , m_dialect(other.m_dialect)
    , m_transactionDepth(other.m_transactionDepth)
    , m_rollbackOnly(other.m_rollbackOnly)
    , m_statements(std::exchange(other.m_statements, std::make_shared<StatementCache>())) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        m_url = std::move(other.m_url);
        m_connectionName = std::exchange(other.m_connectionName, QString());
        m_dialect = other.m_dialect;
        m_transactionDepth = other.m_transactionDepth;
        m_rollbackOnly = other.m_rollbackOnly;
        m_statements = std::exchange(other.m_statements, std::make_shared<StatementCache>());
    }
    return *this;
}

Database::~Database() {
    close();
}

void Database::close() {
    // The kept statements belong to the connection removed below: destroy them first, and let a SqlQuery
    // still alive drop its own instead of giving it back.
    m_statements->close();
    m_statements = std::make_shared<StatementCache>();
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

QString Database::defaultUrl() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(u"ordo.sqlite"_s);
}

Database Database::open(const QString& url, const Options& options) {
    if (url.trimmed().isEmpty())
        throw Error::usage(u"no database given: pass --db with a file path or a postgresql:// URL"_s);

    const QString name = nextConnectionName();
    if (isPostgresUrl(url)) {
        const QUrl parsed(url, QUrl::StrictMode);
        const QString dbName = parsed.path().mid(1);
        if (!parsed.isValid() || parsed.host().isEmpty() || dbName.isEmpty())
            throw Error::usage(
                u"'%1' is not a PostgreSQL URL of the form postgresql://user@host:port/dbname"_s.arg(
                    parsed.toString(QUrl::RemovePassword)));
        if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s))
            throw Error::storage(u"the PostgreSQL driver (QPSQL) is not installed; on Debian install "
                                 "libqt6sql6-psql"_s);
        Database database(url, name, Engine::Postgres);
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(parsed.host());
        db.setPort(parsed.port(5432));
        db.setDatabaseName(dbName);
        db.setUserName(parsed.userName());
        db.setPassword(parsed.password());
        QUrlQuery query(parsed);
        const QString lockTimeout =
            sessionTimeout(query, u"lock_timeout"_s, "ORDO_PG_LOCK_TIMEOUT", u"10s"_s);
        const QString statementTimeout =
            sessionTimeout(query, u"statement_timeout"_s, "ORDO_PG_STATEMENT_TIMEOUT", u"60s"_s);
        QString connectOptions = u"connect_timeout=10"_s;
        if (!query.isEmpty())
            connectOptions += u';' + query.query(QUrl::FullyDecoded).replace(u'&', u';');
        db.setConnectOptions(connectOptions);
        if (!db.open())
            throw Error::storage(
                u"cannot connect to %1: %2"_s.arg(database.displayName(), db.lastError().text().trimmed()));
        // Times are computed in UTC by Ordo; keep the session's own functions consistent with that.
        SqlQuery::run(database, u"SET TIME ZONE 'UTC'"_s);
        SqlQuery::run(database, u"SET client_min_messages TO WARNING"_s);
        // Statements that carry their values as literals (Dialect::literal) mean them as written.
        SqlQuery::run(database, u"SET standard_conforming_strings = on"_s);
        // Nothing waits forever: a row lock held by a stuck client, or a runaway statement, fails the unit of
        // work with a clear error instead (migrations lift both for their own transaction).
        SqlQuery::run(database, u"SET lock_timeout = '%1'"_s.arg(lockTimeout));
        SqlQuery::run(database, u"SET statement_timeout = '%1'"_s.arg(statementTimeout));
        Migrations::bringUpToDate(database, options.migrate);
        database.statementCache()->clear(); // prepared before the schema changed
        return database;
    }

    const QString path = sqlitePath(url);
    const QFileInfo info(path);
    if (!info.exists()) {
        if (!options.create)
            throw Error::notFound(u"no database at %1"_s.arg(path));
        if (!QDir().mkpath(info.absolutePath()))
            throw Error::storage(u"cannot create the folder %1"_s.arg(info.absolutePath()));
        createOwnerOnlyFile(info.absoluteFilePath());
    } else if (info.isDir()) {
        throw Error::usage(u"%1 is a folder, not a database file"_s.arg(path));
    }
    const QString synchronous = sqliteSynchronous(options.sqliteSynchronous);
    Database database(info.absoluteFilePath(), name, Engine::Sqlite);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(info.absoluteFilePath());
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!db.open())
        throw Error::storage(u"cannot open %1: %2"_s.arg(path, db.lastError().text().trimmed()));
    QString journal;
    try {
        // A file that is not SQLite fails here, on its first read.
        journal = SqlQuery(database, u"PRAGMA journal_mode=WAL"_s).scalar().toString().toLower();
        SqlQuery::run(database, u"PRAGMA foreign_keys=ON"_s);
        // FULL: COMMIT returns once the log is synced, so an acknowledged order survives a power cut. NORMAL
        // in WAL mode syncs only at checkpoints and may lose the last transactions.
        SqlQuery::run(database, u"PRAGMA synchronous="_s + synchronous);
        // 64 MiB of page cache: bulk captures touch many index pages of the orders table.
        SqlQuery::run(database, u"PRAGMA cache_size=-65536"_s);
    } catch (const Error& e) {
        throw Error::storage(u"%1 is not an Ordo database: %2"_s.arg(path, e.message()));
    }
    // SQLite answers with the mode it is in: a file system that cannot hold the log's shared memory (some
    // network file systems) leaves the file in its rollback journal, where readers and the writer block each
    // other and the durability settings above mean something else. Refuse it rather than run unlike every
    // other installation.
    if (journal != u"wal"_s)
        throw Error::storage(
            u"%1 could not be switched to write-ahead logging (journal mode is '%2'); keep the "
            "database on a local file system"_s.arg(path, journal));
    Migrations::bringUpToDate(database, options.migrate);
    database.statementCache()->clear(); // prepared before the schema changed
    return database;
}

QString Database::displayName() const {
    if (engine() == Engine::Sqlite)
        return QDir::toNativeSeparators(m_url);
    const QUrl parsed(m_url);
    return u"%1@%2:%3/%4"_s.arg(parsed.userName(), parsed.host(), QString::number(parsed.port(5432)),
                                parsed.path().mid(1));
}

int Database::schemaVersion() const {
    return Migrations::currentVersion(const_cast<Database&>(*this));
}

} // namespace ordo
