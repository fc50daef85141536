#include "TestDatabase.h"

#include "Error.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace ordo::test {

namespace {

// A plain QPSQL connection (not an ordo::Database) for creating and dropping databases.
class AdminConnection {
public:
    explicit AdminConnection(const QString& url)
        : m_name(u"ordo-test-admin-"_s + QString::number(QRandomGenerator::global()->generate64(), 16)) {
        const QUrl parsed(url);
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        db.setHostName(parsed.host());
        db.setPort(parsed.port(5432));
        db.setDatabaseName(parsed.path().mid(1));
        db.setUserName(parsed.userName());
        db.setPassword(parsed.password());
        db.setConnectOptions(u"connect_timeout=10"_s);
        if (!db.open())
            m_error = u"cannot connect to the PostgreSQL test cluster at %1: %2"_s.arg(
                url, db.lastError().text().trimmed());
    }
    ~AdminConnection() {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    AdminConnection(const AdminConnection&) = delete;
    AdminConnection& operator=(const AdminConnection&) = delete;

    const QString& error() const { return m_error; }
    // Returns an empty string on success, the driver's message otherwise.
    QString exec(const QString& sql) {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (query.exec(sql))
            return {};
        return query.lastError().text().trimmed();
    }

private:
    QString m_name;
    QString m_error;
};

QString withDatabaseName(const QString& url, const QString& name) {
    QUrl parsed(url);
    parsed.setPath(u'/' + name);
    return parsed.toString();
}

} // namespace

TestDatabase::TestDatabase(const QString& engine)
    : m_engineName(engine) {
    if (engine == u"sqlite"_s) {
        m_dir.emplace();
        if (!m_dir->isValid())
            throw Error::storage(
                u"cannot make a temporary folder for the test database: %1"_s.arg(m_dir->errorString()));
        m_url = m_dir->filePath(u"ordo-test.sqlite"_s);
        m_db.emplace(Database::open(m_url));
    } else if (engine == u"postgresql"_s) {
        createPostgres();
        try {
            m_db.emplace(Database::open(m_url));
        } catch (...) {
            dropPostgres();
            throw;
        }
    } else {
        throw Error::usage(u"unknown test engine '%1' (expected sqlite or postgresql)"_s.arg(engine));
    }
}

TestDatabase::~TestDatabase() {
    m_db.reset(); // close our connection before the database goes away
    if (!m_postgresName.isEmpty())
        dropPostgres();
}

std::unique_ptr<TestDatabase> TestDatabase::create(const QString& engine) {
    try {
        return std::make_unique<TestDatabase>(engine);
    } catch (const Error& e) {
        const QByteArray message =
            (u"cannot create the %1 test database: "_s.arg(engine) + e.message()).toUtf8();
        QTest::qFail(message.constData(), __FILE__, __LINE__);
    } catch (const std::exception& e) {
        const QByteArray message = "cannot create the test database: " + QByteArray(e.what());
        QTest::qFail(message.constData(), __FILE__, __LINE__);
    }
    return nullptr;
}

void TestDatabase::addEngineRows() {
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

QString TestDatabase::postgresServerUrl() {
    const QString dir = qEnvironmentVariable("ORDO_TEST_PG_DIR");
    if (dir.isEmpty())
        throw Error::storage(u"ORDO_TEST_PG_DIR is not set, so there is no PostgreSQL test cluster. Run the "
                             "tests through ctest (its \"postgres\" fixture starts one), or start one with "
                             "scripts/pg-test-cluster.sh start DIR and export ORDO_TEST_PG_DIR=DIR"_s);
    QFile file(QDir(dir).filePath(u"url"_s));
    if (!file.open(QIODevice::ReadOnly))
        throw Error::storage(u"the PostgreSQL test cluster is not running: %1 is missing. Run the tests "
                             "through ctest (its \"postgres\" fixture runs scripts/pg-test-cluster.sh), or "
                             "start it with scripts/pg-test-cluster.sh start %2"_s.arg(file.fileName(), dir));
    const QString url = QString::fromUtf8(file.readAll()).trimmed();
    if (url.isEmpty())
        throw Error::storage(
            u"%1 is empty; restart the cluster with scripts/pg-test-cluster.sh start %2"_s.arg(
                file.fileName(), dir));
    return url;
}

void TestDatabase::createPostgres() {
    const QString server = postgresServerUrl();
    AdminConnection admin(server);
    if (!admin.error().isEmpty())
        throw Error::storage(admin.error());
    m_postgresName = u"ordo_t_"_s + QString::number(QRandomGenerator::global()->generate64(), 16);
    if (const QString error = admin.exec(u"CREATE DATABASE "_s + m_postgresName); !error.isEmpty()) {
        const QString name = std::exchange(m_postgresName, QString());
        throw Error::storage(u"cannot create the test database %1: %2"_s.arg(name, error));
    }
    m_url = withDatabaseName(server, m_postgresName);
}

void TestDatabase::dropPostgres() noexcept {
    try {
        AdminConnection admin(postgresServerUrl());
        // FORCE ends connections a test left open (a second Database, a worker thread's connection).
        const QString error =
            admin.error().isEmpty()
                ? admin.exec(u"DROP DATABASE IF EXISTS "_s + m_postgresName + u" WITH (FORCE)"_s)
                : admin.error();
        if (!error.isEmpty())
            qWarning("could not drop the test database %s: %s", qPrintable(m_postgresName),
                     qPrintable(error));
    } catch (const std::exception& e) {
        qWarning("could not drop the test database %s: %s", qPrintable(m_postgresName), e.what());
    }
    m_postgresName.clear();
}

} // namespace ordo::test
