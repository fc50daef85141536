#pragma once

#include "storage/Database.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace ordo::test {

// A fresh, empty, migrated Ordo database for one test, on the engine named by the test's global data row:
//   "sqlite"      a file in a temporary folder, removed afterwards;
//   "postgresql"  a new database (ordo_t_<random>) in the throwaway cluster whose URL ctest's "postgres"
//                 fixture writes to $ORDO_TEST_PG_DIR/url; dropped afterwards.
// Usage in an integration test:
//   void initTestCase_data() { ordo::test::TestDatabase::addEngineRows(); }
//   void init()
//   {
//       QFETCH_GLOBAL(QString, engine);
//       m_test = ordo::test::TestDatabase::create(engine); // records a failure and returns null on error
//       QVERIFY(m_test);
//   }
//   void cleanup() { m_test.reset(); }
// The constructor throws ordo::Error when the database cannot be made (for instance when the PostgreSQL
// cluster is not running: that is a failure, never a skip).
class TestDatabase {
public:
    explicit TestDatabase(const QString& engine);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    // Creates one, or records a test failure with the reason and returns null.
    static std::unique_ptr<TestDatabase> create(const QString& engine);
    // Adds the rows "sqlite" and "postgresql" with the column "engine" to the current data table.
    static void addEngineRows();
    // URL of the test cluster's maintenance database; throws ordo::Error with a clear message when the
    // cluster is not running.
    static QString postgresServerUrl();

    Database& db() { return *m_db; }
    // The database's URL, to open a second connection or to run the ordo executable against it.
    QString url() const { return m_url; }
    Engine engine() const { return m_db->engine(); }
    const QString& engineName() const { return m_engineName; }

private:
    void createPostgres();
    void dropPostgres() noexcept;

    QString m_engineName;
    QString m_url;
    QString m_postgresName; // the database made in the cluster, empty for SQLite
    std::optional<QTemporaryDir> m_dir;
    std::optional<Database> m_db;
};

} // namespace ordo::test
