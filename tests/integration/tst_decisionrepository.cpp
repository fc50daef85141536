// Stored routing decisions (core/sourcing/DecisionRepository.h) on SQLite and PostgreSQL: the record read
// back equal, the latest per order, the shipments counted per location for capacity left today.
#include "Error.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "orders/OrderCapture.h"
#include "sourcing/DecisionRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestDecisionRepository : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void storesAndReadsBack();
    void countsShipmentsPerLocation();
    void refusesAnUnknownLocation();

private:
    Database& db() { return m_test->db(); }
    Decision decision(qint64 orderId, const QList<QString>& locations, qint64 atMs);
    std::unique_ptr<test::TestDatabase> m_test;
    qint64 m_order = 0;
};

void TestDecisionRepository::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(db());
    m_order = OrderCapture(db(), Actor::system())
                  .capture(test::sampleOrder(u"W-1"_s, {{u"SKU-1"_s, 2}, {u"SKU-2"_s, 1}}))
                  .orderId;
}

Decision TestDecisionRepository::decision(qint64 orderId, const QList<QString>& locations, qint64 atMs) {
    Decision d;
    d.orderId = orderId;
    d.orderNumber = u"W-1"_s;
    d.ruleVersion = 2;
    d.strategy = u"Lowest total cost"_s;
    d.outcome = RoutingOutcome::Routed;
    d.currency = u"USD"_s;
    int line = 0;
    for (const QString& code : locations) {
        ++line;
        d.shipments << Shipment{code, {{line, u"SKU-%1"_s.arg(line), 1}}, 10.5 * line, 500 + line};
        d.totalCostMinor += 500 + line;
        CandidateLocation c;
        c.locationCode = code;
        c.eligible = true;
        c.chosen = true;
        c.filters = {{u"ships"_s, true, u"yes"_s}};
        c.scores = {{Criterion::TotalCost, 5.01, 5.01}};
        d.candidates << c;
    }
    d.decidedAtMs = atMs;
    return d;
}

void TestDecisionRepository::storesAndReadsBack() {
    DecisionRepository repository(db());
    QVERIFY(!repository.latest(m_order));
    const Decision first = decision(m_order, {u"DC-EAST"_s, u"ST-NYC"_s}, 1'790'000'000'000);
    Decision second = decision(m_order, {u"VN-ACME"_s}, 1'790'000'100'000);
    second.outcome = RoutingOutcome::Partial;
    second.unfilled = {{2, u"SKU-2"_s, 1}};
    {
        Transaction tx(db());
        QVERIFY(repository.store(first, u"ana"_s) > 0);
        repository.store(second, u"ana"_s);
        tx.commit();
    }
    const Decision latest = *repository.latest(m_order);
    QVERIFY(latest == second);
    const QList<Decision> all = repository.forOrder(m_order);
    QCOMPARE(all.size(), 2);
    QVERIFY(all.at(0) == first);
    QVERIFY(all.at(1) == second);
    SqlQuery row(
        db(), u"SELECT outcome, total_cost_minor, rule_version, actor FROM routing_decisions ORDER BY id"_s);
    row.exec();
    QVERIFY(row.next());
    QCOMPARE(row.value(0).toString(), u"routed"_s);
    QCOMPARE(row.value(1).toLongLong(), 1003); // 501 + 502
    QCOMPARE(row.value(2).toInt(), 2);
    QCOMPARE(row.value(3).toString(), u"ana"_s);
}

void TestDecisionRepository::countsShipmentsPerLocation() {
    DecisionRepository repository(db());
    {
        Transaction tx(db());
        repository.store(decision(m_order, {u"DC-EAST"_s, u"ST-NYC"_s}, 1000), u"ana"_s);
        repository.store(decision(m_order, {u"DC-EAST"_s}, 2000), u"ana"_s);
        repository.store(decision(m_order, {u"ST-NYC"_s}, 3000), u"ana"_s);
        tx.commit();
    }
    const QHash<QString, int> all = repository.shipmentsSince(0);
    QCOMPARE(all.value(u"DC-EAST"_s), 2);
    QCOMPARE(all.value(u"ST-NYC"_s), 2);
    QCOMPARE(all.value(u"VN-ACME"_s), 0);
    const QHash<QString, int> late = repository.shipmentsSince(2000);
    QCOMPARE(late.value(u"DC-EAST"_s), 1);
    QCOMPARE(late.value(u"ST-NYC"_s), 1);
}

void TestDecisionRepository::refusesAnUnknownLocation() {
    DecisionRepository repository(db());
    bool refused = false;
    try {
        Transaction tx(db());
        repository.store(decision(m_order, {u"NOWHERE"_s}, 1000), u"ana"_s);
        tx.commit();
    } catch (const Error& e) {
        refused = e.kind() == Error::Kind::Input && e.message().contains(u"NOWHERE"_s);
    }
    QVERIFY(refused);
    QCOMPARE(SqlQuery(db(), u"SELECT COUNT(*) FROM routing_decisions"_s).scalar().toLongLong(), 0);
}

QTEST_GUILESS_MAIN(TestDecisionRepository)
#include "tst_decisionrepository.moc"
