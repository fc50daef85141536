// `ordo rules list|export|import|publish` and `ordo exceptions --overdue`: the real executable against SQLite
// and PostgreSQL; the version numbers printed, the files written, the refusals with the JSON path and exit
// code 3.
#include "OrdoProcess.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "orders/OrderCapture.h"
#include "sourcing/RuleSetJson.h"
#include "sourcing/RuleSetRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestRulesCommand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void exportImportPublishList();
    void importRefusesABadFileWithItsPath();
    void usageErrors_data();
    void usageErrors();
    void overdueExceptions();

private:
    using Run = test::OrdoRun;
    static Run ordo(const QStringList& arguments) { return test::runOrdo(arguments); }
    QString write(const QString& name, const QByteArray& content);

    std::unique_ptr<test::TestDatabase> m_test;
    QTemporaryDir m_dir;
};

void TestRulesCommand::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    QVERIFY(m_dir.isValid());
}

QString TestRulesCommand::write(const QString& name, const QByteArray& content) {
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

void TestRulesCommand::exportImportPublishList() {
    const QString url = m_test->url();
    // Nothing stored: the defaults are exported as version 0.
    const QString defaults = m_dir.filePath(u"defaults.json"_s);
    Run run = ordo({u"rules"_s, u"export"_s, u"--db"_s, url, defaults});
    QCOMPARE(run.exitCode, 0);
    QFile file(defaults);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject exported = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(exported.value(u"version"_s).toInt(), 0);
    QCOMPARE(exported.value(u"costs"_s).toObject().value(u"store"_s).toObject().value(u"per_km"_s).toString(),
             u"0.012"_s);

    // Edited and imported: a new draft, its number printed.
    QJsonObject edited = exported;
    QJsonArray strategies = edited.value(u"strategies"_s).toArray();
    QJsonObject first = strategies.at(0).toObject();
    QJsonObject filters = first.value(u"filters"_s).toObject();
    filters.insert(u"max_distance_km"_s, 600);
    first.insert(u"filters"_s, filters);
    strategies.replace(0, first);
    edited.insert(u"strategies"_s, strategies);
    const QString draft = write(u"draft.json"_s, QJsonDocument(edited).toJson());
    run = ordo({u"rules"_s, u"import"_s, u"--db"_s, url, draft, u"--comment"_s, u"closer"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), QByteArray("1"));
    run = ordo({u"rules"_s, u"import"_s, u"--db"_s, url, defaults, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(run.out).object().value(u"version"_s).toInt(), 2);

    run = ordo(
        {u"rules"_s, u"publish"_s, u"--db"_s, url, u"--version"_s, u"1"_s, u"--comment"_s, u"go live"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("version 1 is now active"));
    run =
        ordo({u"rules"_s, u"publish"_s, u"--db"_s, url, u"--version"_s, u"1"_s, u"--comment"_s, u"again"_s});
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.err.contains("only a draft can be published"));

    run = ordo({u"rules"_s, u"list"_s, u"--db"_s, url, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject().value(u"version"_s).toInt(), 2);
    QCOMPARE(list.at(0).toObject().value(u"state"_s).toString(), u"draft"_s);
    QCOMPARE(list.at(1).toObject().value(u"state"_s).toString(), u"active"_s);
    QCOMPARE(list.at(1).toObject().value(u"comment"_s).toString(), u"closer"_s);
    QCOMPARE(list.at(1).toObject().value(u"publish_comment"_s).toString(), u"go live"_s);

    // The active rules export with the edit; a given version on request, to standard output.
    run = ordo({u"rules"_s, u"export"_s, u"--db"_s, url, u"-"_s});
    QCOMPARE(run.exitCode, 0);
    const RuleSet active = RuleSetJson::fromBytes(run.out);
    QCOMPARE(active.version, 1);
    QCOMPARE(active.state, RuleSetState::Active);
    QCOMPARE(*active.strategies.at(0).filters.maxDistanceKm, 600.0);
    run = ordo({u"rules"_s, u"export"_s, u"--db"_s, url, u"--version"_s, u"2"_s, u"-"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!RuleSetJson::fromBytes(run.out).strategies.at(0).filters.maxDistanceKm);
    run = ordo({u"rules"_s, u"export"_s, u"--db"_s, url, u"--version"_s, u"7"_s, u"-"_s});
    QCOMPARE(run.exitCode, 3);
}

void TestRulesCommand::importRefusesABadFileWithItsPath() {
    const QString bad =
        write(u"bad.json"_s, "{\"strategies\": [{\"name\": \"A\", \"filters\": {\"max_distance_km\": -1}}]}");
    const Run run = ordo({u"rules"_s, u"import"_s, u"--db"_s, m_test->url(), bad});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("bad.json: strategies[0].filters.max_distance_km: must be a positive number"),
             run.err.constData());
    QCOMPARE(RuleSetRepository(m_test->db()).list().size(), 0);
}

void TestRulesCommand::usageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no subcommand") << QStringList{u"rules"_s};
    QTest::newRow("unknown subcommand") << QStringList{u"rules"_s, u"delete"_s};
    QTest::newRow("export without file") << QStringList{u"rules"_s, u"export"_s};
    QTest::newRow("export bad version")
        << QStringList{u"rules"_s, u"export"_s, u"--version"_s, u"x"_s, u"-"_s};
    QTest::newRow("publish without comment") << QStringList{u"rules"_s, u"publish"_s, u"--version"_s, u"1"_s};
    QTest::newRow("publish without version") << QStringList{u"rules"_s, u"publish"_s, u"--comment"_s, u"c"_s};
    QTest::newRow("import two files") << QStringList{u"rules"_s, u"import"_s, u"a"_s, u"b"_s};
    QTest::newRow("exceptions bad limit") << QStringList{u"exceptions"_s, u"--limit"_s, u"0"_s};
}

void TestRulesCommand::usageErrors() {
    QFETCH(QStringList, arguments);
    arguments << u"--db"_s << m_test->url();
    QCOMPARE(ordo(arguments).exitCode, 2);
}

void TestRulesCommand::overdueExceptions() {
    const QString limits = write(
        u"limits.json"_s, "{\"state_limit_hours\": {\"validated\": 4}, \"strategies\": [{\"name\": \"A\"}]}");
    QCOMPARE(ordo({u"rules"_s, u"import"_s, u"--db"_s, m_test->url(), limits}).exitCode, 0);
    QCOMPARE(ordo({u"rules"_s, u"publish"_s, u"--db"_s, m_test->url(), u"--version"_s, u"1"_s, u"--comment"_s,
                   u"x"_s})
                 .exitCode,
             0);
    test::createSampleWorld(m_test->db());
    const qint64 late = OrderCapture(m_test->db(), Actor::system())
                            .capture(test::sampleOrder(u"W-1"_s, {{u"SKU-1"_s, 1}}))
                            .orderId;
    OrderCapture(m_test->db(), Actor::system()).capture(test::sampleOrder(u"W-2"_s, {{u"SKU-1"_s, 1}}));
    SqlQuery back(m_test->db(), u"UPDATE orders SET status_changed_at = :t WHERE id = :id"_s);
    back.bind(u":t"_s, nowStoredTime() - 5 * 3600 * 1000).bind(u":id"_s, late).exec();

    Run run = ordo({u"exceptions"_s, u"--db"_s, m_test->url(), u"--overdue"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray overdue = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(overdue.size(), 1);
    const QJsonObject o = overdue.at(0).toObject();
    QCOMPARE(o.value(u"order_id"_s).toString(), u"W-1"_s);
    QCOMPARE(o.value(u"status"_s).toString(), u"validated"_s);
    QCOMPARE(o.value(u"limit_hours"_s).toInt(), 4);
    QCOMPARE(o.value(u"waited_hours"_s).toDouble(), 5.0);
    run = ordo({u"exceptions"_s, u"--db"_s, m_test->url(), u"--overdue"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("W-1  validated for 5.0 h (limit 4 h)"));
    QVERIFY(run.out.contains("1 order(s) overdue"));
}

QTEST_GUILESS_MAIN(TestRulesCommand)
#include "tst_rulescommand.moc"
