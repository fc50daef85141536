// `ordo route --pending --optimize`: joint routing through the real executable, on SQLite and PostgreSQL.
#include "OrdoProcess.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "orders/OrderCapture.h"
#include "storage/SqlQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestRouteOptimize : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void jointBeatsSequential();
    void usage();

private:
    using Run = test::OrdoRun;
    static Run ordo(const QStringList& arguments) { return test::runOrdo(arguments); }
    std::unique_ptr<test::TestDatabase> m_test;
};

// One unit of SKU-1 at DC-EAST (Allentown) and one at VN-ACME (Chicago, drop-ship 7.00 + 0.015/km).
// W-1 (older) ships to New York: DC-EAST 126.3 km -> 5.26, VN-ACME 1,145.2 km -> 24.18.
// W-2 ships to Boston: DC-EAST 415.7 km -> 8.16, VN-ACME 1,365.4 km -> 27.48.
// One by one: W-1 takes DC-EAST (5.26), W-2 gets VN-ACME (27.48): 32.74. Jointly: W-1 from VN-ACME and W-2
// from DC-EAST: 24.18 + 8.16 = 32.34.
void TestRouteOptimize::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    Database& db = m_test->db();
    test::createSampleWorld(db);
    for (const QString& location : {u"DC-EAST"_s, u"VN-ACME"_s}) {
        SqlQuery q(
            db, u"INSERT INTO positions (location_id, sku_id, on_hand, reserved, safety_stock, updated_at) "
                "VALUES ((SELECT id FROM locations WHERE code = :location), "
                "(SELECT id FROM skus WHERE code = 'SKU-1'), 1, 0, 0, 0)"_s);
        q.bind(u":location"_s, location);
        q.exec();
    }
    OrderCapture capture(db, Actor{u"import"_s, Role::System});
    capture.capture(
        test::sampleOrder(u"W-1"_s, {{u"SKU-1"_s, 1}}, QDateTime(QDate(2026, 11, 5), QTime(9, 0), Qt::UTC)));
    Order boston =
        test::sampleOrder(u"W-2"_s, {{u"SKU-1"_s, 1}}, QDateTime(QDate(2026, 11, 5), QTime(10, 0), Qt::UTC));
    boston.shipTo.city = u"Boston"_s;
    boston.shipTo.region = u"MA"_s;
    boston.shipTo.postalCode = u"02108"_s;
    boston.shipTo.position = GeoPoint{42.3601, -71.0589};
    capture.capture(boston);
}

void TestRouteOptimize::jointBeatsSequential() {
    const Run run = ordo({u"route"_s, u"--db"_s, m_test->url(), u"--pending"_s, u"--optimize"_s,
                          u"--time-limit"_s, u"20"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    const QJsonObject summary = json[u"optimisation"_s].toObject();
    QCOMPARE(summary[u"method"_s].toString(), u"joint"_s);
    QVERIFY(summary[u"proven_optimal"_s].toBool());
    QCOMPARE(summary[u"optimised"_s].toObject()[u"total_cost"_s].toDouble(), 32.34);
    QCOMPARE(summary[u"optimised"_s].toObject()[u"unfilled_units"_s].toInt(), 0);
    QCOMPARE(summary[u"optimised"_s].toObject()[u"shipments_per_order"_s].toDouble(), 1.0);
    QCOMPARE(summary[u"sequential"_s].toObject()[u"total_cost"_s].toDouble(), 32.74);
    const QJsonArray decisions = json[u"decisions"_s].toArray();
    QCOMPARE(decisions.size(), 2);
    const QJsonObject w1 = decisions.at(0).toObject();
    QCOMPARE(w1[u"order_id"_s].toString(), u"W-1"_s);
    QCOMPARE(w1[u"outcome"_s].toString(), u"routed"_s);
    QCOMPARE(w1[u"shipments"_s].toArray().at(0).toObject()[u"location_id"_s].toString(), u"VN-ACME"_s);
    QCOMPARE(
        decisions.at(1).toObject()[u"shipments"_s].toArray().at(0).toObject()[u"location_id"_s].toString(),
        u"DC-EAST"_s);
    // Both reserved: every unit of SKU-1 is held now.
    SqlQuery q(m_test->db(), u"SELECT SUM(reserved) FROM positions"_s);
    QCOMPARE(q.scalar().toLongLong(), 2);
}

void TestRouteOptimize::usage() {
    const Run run = ordo({u"route"_s, u"--db"_s, m_test->url(), u"--order"_s, u"W-1"_s, u"--optimize"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(u"--optimize goes with --pending"_s), run.err.constData());
}

QTEST_GUILESS_MAIN(TestRouteOptimize)
#include "tst_routeoptimize.moc"
