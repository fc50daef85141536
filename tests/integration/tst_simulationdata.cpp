// SimulationData: the window's orders and the stock as it stood when the window opened, on SQLite and
// PostgreSQL.
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "orders/OrderCapture.h"
#include "sourcing/SimulationData.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestSimulationData : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void loadsTheWindowsOrdersAsTheyWaited();
    void givesBackWhatLaterOrdersHoldOrShipped();

private:
    qint64 place(const QString& number, const QString& sku, int quantity, const QDate& day);
    void setLine(qint64 orderId, const QString& status, const QString& location);
    PositionFigures figures(const SimulationData& data, const QString& location, const QString& sku);
    std::unique_ptr<test::TestDatabase> m_test;
};

qint64 TestSimulationData::place(const QString& number, const QString& sku, int quantity, const QDate& day) {
    OrderCapture capture(m_test->db(), Actor{u"import"_s, Role::System});
    return capture.capture(test::sampleOrder(number, {{sku, quantity}}, QDateTime(day, QTime(9, 0), Qt::UTC)))
        .orderId;
}

void TestSimulationData::setLine(qint64 orderId, const QString& status, const QString& location) {
    SqlQuery q(m_test->db(),
               u"UPDATE order_lines SET status = :status, "
               "location_id = (SELECT id FROM locations WHERE code = :location) WHERE order_id = :id"_s);
    q.bind(u":status"_s, status).bind(u":location"_s, location).bind(u":id"_s, orderId);
    q.exec();
}

// The world: positions
//   DC-EAST SKU-1  on hand 10, reserved 4 (W-1 1 before the window, W-2 2 in it, W-4 1 after it)
//   DC-EAST SKU-2  on hand 5, reserved 2 (held by nobody we know)
//   ST-NYC  SKU-1  on hand 4
// orders (window 2026-11-03 .. 2026-11-10)
//   W-1 2026-11-01 SKU-1 x 1 routed at DC-EAST   before the window: kept as it is
//   W-2 2026-11-05 SKU-1 x 2 routed at DC-EAST   in the window: 2 reserved given back
//   W-3 2026-11-06 SKU-2 x 2 shipped from DC-EAST  in the window: 2 on hand given back
//   W-5 2026-11-07 SKU-1 x 1, cancelled          not replayed, nothing given back
//   W-6 2026-11-08 SKU-3 x 1, validated          replayed
//   W-4 2026-11-20 SKU-1 x 1 packed at DC-EAST   after the window: 1 reserved given back, not replayed
void TestSimulationData::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    Database& db = m_test->db();
    test::createSampleWorld(db);
    {
        Transaction tx(db);
        const QList<std::tuple<QString, QString, int, int>> positions = {{u"DC-EAST"_s, u"SKU-1"_s, 10, 4},
                                                                         {u"DC-EAST"_s, u"SKU-2"_s, 5, 2},
                                                                         {u"ST-NYC"_s, u"SKU-1"_s, 4, 0}};
        for (const auto& [location, sku, onHand, reserved] : positions) {
            SqlQuery q(
                db,
                u"INSERT INTO positions (location_id, sku_id, on_hand, reserved, safety_stock, updated_at) "
                "VALUES ((SELECT id FROM locations WHERE code = :location), "
                "(SELECT id FROM skus WHERE code = :sku), :on_hand, :reserved, 0, 0)"_s);
            q.bind(u":location"_s, location)
                .bind(u":sku"_s, sku)
                .bind(u":on_hand"_s, onHand)
                .bind(u":reserved"_s, reserved);
            q.exec();
        }
        tx.commit();
    }
    setLine(place(u"W-1"_s, u"SKU-1"_s, 1, QDate(2026, 11, 1)), u"routed"_s, u"DC-EAST"_s);
    setLine(place(u"W-2"_s, u"SKU-1"_s, 2, QDate(2026, 11, 5)), u"routed"_s, u"DC-EAST"_s);
    setLine(place(u"W-3"_s, u"SKU-2"_s, 2, QDate(2026, 11, 6)), u"shipped"_s, u"DC-EAST"_s);
    const qint64 cancelled = place(u"W-5"_s, u"SKU-1"_s, 1, QDate(2026, 11, 7));
    setLine(cancelled, u"cancelled"_s, u"DC-EAST"_s);
    SqlQuery q(db, u"UPDATE orders SET status = 'cancelled' WHERE id = :id"_s);
    q.bind(u":id"_s, cancelled);
    q.exec();
    place(u"W-6"_s, u"SKU-3"_s, 1, QDate(2026, 11, 8));
    setLine(place(u"W-4"_s, u"SKU-1"_s, 1, QDate(2026, 11, 20)), u"packed"_s, u"DC-EAST"_s);
}

PositionFigures TestSimulationData::figures(const SimulationData& data, const QString& location,
                                            const QString& sku) {
    return data.inventory.figures(data.inventory.skuId(sku), data.inventory.locationId(location))
        .value_or(PositionFigures{-1, -1, -1});
}

void TestSimulationData::loadsTheWindowsOrdersAsTheyWaited() {
    const SimulationData data =
        SimulationData::load(m_test->db(), QDateTime(QDate(2026, 11, 3), QTime(0, 0), Qt::UTC),
                             QDateTime(QDate(2026, 11, 10), QTime(0, 0), Qt::UTC));
    QCOMPARE(data.orders.size(), 3);
    QCOMPARE(data.orders.at(0).orderNumber, u"W-2"_s);
    QCOMPARE(data.orders.at(1).orderNumber, u"W-3"_s);
    QCOMPARE(data.orders.at(2).orderNumber, u"W-6"_s);
    const Order& w2 = data.orders.at(0);
    QCOMPARE(w2.orderedAt, QDateTime(QDate(2026, 11, 5), QTime(9, 0), Qt::UTC));
    QCOMPARE(w2.status, OrderStatus::Validated);
    QCOMPARE(w2.channel, Channel::Web);
    QCOMPARE(w2.delivery, DeliveryMethod::Ship);
    QCOMPARE(w2.shipTo.country, u"US"_s);
    QCOMPARE(w2.shipTo.position, (GeoPoint{40.7484, -73.9857}));
    QCOMPARE(w2.lines.size(), 1);
    QCOMPARE(w2.lines.at(0).skuCode, u"SKU-1"_s);
    QCOMPARE(w2.lines.at(0).quantity, 2);
    QCOMPARE(w2.lines.at(0).status, OrderStatus::Validated); // routed then, waiting in the replay
    QVERIFY(w2.lines.at(0).locationCode.isEmpty());
    QCOMPARE(data.orders.at(1).lines.at(0).status, OrderStatus::Validated); // shipped then
    QCOMPARE(data.network.size(), 3);
    QCOMPARE(data.network.at(data.network.indexOf(u"DC-EAST"_s)).capacityLeft, 5000);
    QCOMPARE(data.network.at(data.network.indexOf(u"VN-ACME"_s)).capacityLeft, -1);
}

void TestSimulationData::givesBackWhatLaterOrdersHoldOrShipped() {
    const SimulationData data =
        SimulationData::load(m_test->db(), QDateTime(QDate(2026, 11, 3), QTime(0, 0), Qt::UTC),
                             QDateTime(QDate(2026, 11, 10), QTime(0, 0), Qt::UTC));
    QCOMPARE(data.unitsGivenBack, qint64(2 + 2 + 1));
    QCOMPARE(figures(data, u"DC-EAST"_s, u"SKU-1"_s),
             (PositionFigures{10, 1, 0})); // W-1's unit stays reserved
    QCOMPARE(figures(data, u"DC-EAST"_s, u"SKU-2"_s), (PositionFigures{7, 2, 0}));
    QCOMPARE(figures(data, u"ST-NYC"_s, u"SKU-1"_s), (PositionFigures{4, 0, 0}));
    // The database itself is left as it was.
    SqlQuery q(m_test->db(),
               u"SELECT on_hand, reserved FROM positions p JOIN locations l ON l.id = p.location_id "
               "JOIN skus s ON s.id = p.sku_id WHERE l.code = 'DC-EAST' AND s.code = 'SKU-2'"_s);
    q.exec();
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 5);
    QCOMPARE(q.value(1).toLongLong(), 2);
}

QTEST_GUILESS_MAIN(TestSimulationData)
#include "tst_simulationdata.moc"
