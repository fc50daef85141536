// Stored rule set versions (core/sourcing/RuleSetRepository.h) on SQLite and PostgreSQL: drafts numbered in
// order, exactly one active, publishing archives the previous active version in one transaction, audited.
#include "Error.h"
#include "TestDatabase.h"
#include "sourcing/RuleSetRepository.h"
#include "storage/AuditTrail.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestRuleSetRepository : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void defaultsAreActiveWhileNoneIsStored();
    void draftsAreNumberedInOrder();
    void publishArchivesThePreviousActive();
    void refusals();
    void oneActiveIsEnforcedByTheDatabase();

private:
    Database& db() { return m_test->db(); }
    RuleSet rulesNamed(const QString& strategy, double maxKm);
    qint64 count(const QString& sql) { return SqlQuery(db(), sql).scalar().toLongLong(); }

    std::unique_ptr<test::TestDatabase> m_test;
    const Actor m_admin{u"ana"_s, Role::Admin};
};

void TestRuleSetRepository::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
}

RuleSet TestRuleSetRepository::rulesNamed(const QString& strategy, double maxKm) {
    RuleSet rules = RuleSet::defaults();
    rules.strategies.first().name = strategy;
    rules.strategies.first().filters.maxDistanceKm = maxKm;
    rules.stateLimitHours.insert(OrderStatus::Validated, 4);
    return rules;
}

void TestRuleSetRepository::defaultsAreActiveWhileNoneIsStored() {
    RuleSetRepository repository(db());
    const RuleSet active = repository.active();
    QCOMPARE(active.version, 0);
    QCOMPARE(active.state, RuleSetState::Active);
    QVERIFY(active.strategies == RuleSet::defaults().strategies);
    QVERIFY(repository.list().isEmpty());
    QVERIFY(!repository.load(1));
}

void TestRuleSetRepository::draftsAreNumberedInOrder() {
    RuleSetRepository repository(db());
    const RuleSet first = repository.saveDraft(rulesNamed(u"Near"_s, 500), m_admin, u"first try"_s);
    const RuleSet second =
        repository.saveDraft(rulesNamed(u"Far"_s, 900), Actor{u"lee"_s, Role::Admin}, QString());
    QCOMPARE(first.version, 1);
    QCOMPARE(second.version, 2);
    QCOMPARE(first.state, RuleSetState::Draft);
    QVERIFY(first.id > 0);

    const QList<RuleSetVersion> versions = repository.list();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(0).version, 2); // newest first
    QCOMPARE(versions.at(0).author, u"lee"_s);
    QCOMPARE(versions.at(1).comment, u"first try"_s);
    QCOMPARE(versions.at(1).state, RuleSetState::Draft);
    QVERIFY(!versions.at(1).publishedAt.isValid());

    const RuleSet loaded = *repository.load(1);
    QCOMPARE(loaded.version, 1);
    QCOMPARE(loaded.author, u"ana"_s);
    QCOMPARE(loaded.comment, u"first try"_s);
    QCOMPARE(loaded.createdAt, first.createdAt);
    QCOMPARE(loaded.strategies.first().name, u"Near"_s);
    QCOMPARE(*loaded.strategies.first().filters.maxDistanceKm, 500.0);
    QCOMPARE(loaded.stateLimitHours.value(OrderStatus::Validated), 4);
    // Drafts do not route: the defaults stay active.
    QCOMPARE(repository.active().version, 0);

    const QList<AuditEvent> audit = AuditTrail(db()).forEntity(u"rule_set"_s, first.id);
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.at(0).action, u"draft"_s);
    QCOMPARE(audit.at(0).actor, u"ana"_s);
}

void TestRuleSetRepository::publishArchivesThePreviousActive() {
    RuleSetRepository repository(db());
    const RuleSet v1 = repository.saveDraft(rulesNamed(u"Near"_s, 500), m_admin, QString());
    const RuleSet v2 = repository.saveDraft(rulesNamed(u"Far"_s, 900), m_admin, QString());

    const RuleSet active1 = repository.publish(1, m_admin, u"go live"_s);
    QCOMPARE(active1.state, RuleSetState::Active);
    QVERIFY(active1.publishedAt.isValid());
    QCOMPARE(repository.active().version, 1);
    QCOMPARE(repository.active().strategies.first().name, u"Near"_s);

    repository.publish(2, Actor{u"lee"_s, Role::Admin}, u"wider radius"_s);
    QCOMPARE(repository.active().version, 2);
    QCOMPARE(repository.load(1)->state, RuleSetState::Archived);
    QCOMPARE(count(u"SELECT COUNT(*) FROM rule_sets WHERE state = 'active'"_s), 1);
    const QList<RuleSetVersion> versions = repository.list();
    QCOMPARE(versions.at(0).publishedBy, u"lee"_s);
    QCOMPARE(versions.at(0).publishComment, u"wider radius"_s);

    const QList<AuditEvent> archived = AuditTrail(db()).forEntity(u"rule_set"_s, v1.id);
    QCOMPARE(archived.size(), 3); // draft, publish, archive
    QCOMPARE(archived.at(1).action, u"publish"_s);
    QCOMPARE(archived.at(2).action, u"archive"_s);
    QCOMPARE(archived.at(2).fromState, u"active"_s);
    QCOMPARE(archived.at(2).toState, u"archived"_s);
    const QList<AuditEvent> published = AuditTrail(db()).forEntity(u"rule_set"_s, v2.id);
    QCOMPARE(published.last().action, u"publish"_s);
    QVERIFY(published.last().detail.contains(u"wider radius"_s));
}

void TestRuleSetRepository::refusals() {
    RuleSetRepository repository(db());
    repository.saveDraft(rulesNamed(u"Near"_s, 500), m_admin, QString());
    repository.publish(1, m_admin, u"go"_s);
    const auto expectKind = [](Error::Kind kind, const std::function<void()>& action) {
        try {
            action();
        } catch (const Error& e) {
            return e.kind() == kind;
        }
        return false;
    };
    QVERIFY(expectKind(Error::Kind::State, [&] { repository.publish(1, m_admin, u"again"_s); }));
    QVERIFY(expectKind(Error::Kind::NotFound, [&] { repository.publish(9, m_admin, u"none"_s); }));
    QVERIFY(expectKind(Error::Kind::Usage, [&] { repository.publish(1, m_admin, u" "_s); }));
    QVERIFY(expectKind(Error::Kind::Denied, [&] {
        repository.saveDraft(RuleSet::defaults(), Actor{u"bo"_s, Role::Manager}, QString());
    }));
    repository.saveDraft(rulesNamed(u"Far"_s, 900), m_admin, QString());
    QVERIFY(expectKind(Error::Kind::Denied, [&] {
        repository.publish(2, Actor{u"wu"_s, Role::Warehouse}, u"x"_s);
    }));
    // Nothing of the refused calls was written.
    QCOMPARE(count(u"SELECT COUNT(*) FROM rule_sets"_s), 2);
    QCOMPARE(repository.active().version, 1);
}

void TestRuleSetRepository::oneActiveIsEnforcedByTheDatabase() {
    RuleSetRepository repository(db());
    repository.saveDraft(rulesNamed(u"Near"_s, 500), m_admin, QString());
    repository.saveDraft(rulesNamed(u"Far"_s, 900), m_admin, QString());
    repository.publish(1, m_admin, u"go"_s);
    bool refused = false;
    try {
        Transaction tx(db());
        SqlQuery::run(db(), u"UPDATE rule_sets SET state = 'active' WHERE version = 2"_s);
        tx.commit();
    } catch (const Error& e) {
        refused = e.kind() == Error::Kind::Storage;
    }
    QVERIFY(refused);
    QCOMPARE(count(u"SELECT COUNT(*) FROM rule_sets WHERE state = 'active'"_s), 1);
}

QTEST_GUILESS_MAIN(TestRuleSetRepository)
#include "tst_rulesetrepository.moc"
