#include "Database.h"

#include "Error.h"
#include "Migrations.h"
#include "SqlQuery.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>
#include <QUrl>

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
        QString connectOptions = u"connect_timeout=10"_s;
        if (parsed.hasQuery())
            connectOptions += u';' + parsed.query().replace(u'&', u';');
        db.setConnectOptions(connectOptions);
        if (!db.open())
            throw Error::storage(
                u"cannot connect to %1: %2"_s.arg(database.displayName(), db.lastError().text().trimmed()));
        // Times are computed in UTC by Ordo; keep the session's own functions consistent with that.
        SqlQuery::run(database, u"SET TIME ZONE 'UTC'"_s);
        SqlQuery::run(database, u"SET client_min_messages TO WARNING"_s);
        // Statements that carry their values as literals (BulkInsert::literal) escape quotes only.
        SqlQuery::run(database, u"SET standard_conforming_strings = on"_s);
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
    Database database(info.absoluteFilePath(), name, Engine::Sqlite);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(info.absoluteFilePath());
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!db.open())
        throw Error::storage(u"cannot open %1: %2"_s.arg(path, db.lastError().text().trimmed()));
    try {
        // A file that is not SQLite fails here, on its first read.
        SqlQuery mode(database, u"PRAGMA journal_mode=WAL"_s);
        mode.exec();
        SqlQuery::run(database, u"PRAGMA foreign_keys=ON"_s);
        SqlQuery::run(database, u"PRAGMA synchronous=NORMAL"_s);
        // 64 MiB of page cache: bulk captures touch many index pages of the orders table.
        SqlQuery::run(database, u"PRAGMA cache_size=-65536"_s);
    } catch (const Error& e) {
        throw Error::storage(u"%1 is not an Ordo database: %2"_s.arg(path, e.message()));
    }
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
