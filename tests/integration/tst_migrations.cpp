// An older database is brought forward on open, keeping its data; each step is all or nothing.
#include "Error.h"
#include "LedgerChains.h"
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "inventory/InventoryLedger.h"
#include "inventory/InventoryQuery.h"
#include "orders/OrderCapture.h"
#include "orders/OrderQuery.h"
#include "storage/Migrations.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestMigrations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void stepsAreNumberedOneByOne();
    void versionOneDatabaseGainsVersionTwoAndKeepsItsOrders();
    void refusesToMigrateWhenToldNotTo();
    void versionSixLedgerGainsItsChains();
    void ledgerAndReservationsKeepTheirChecks_data();
    void ledgerAndReservationsKeepTheirChecks();
    void holdsAreUniquePerAttempt();

private:
    // Turns the fresh database back into what version 1 wrote.
    void downgradeToVersionOne();
    bool tableExists(Database& db, const QString& name);
    std::unique_ptr<test::TestDatabase> m_test;
};

void TestMigrations::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
}

bool TestMigrations::tableExists(Database& db, const QString& name) {
    SqlQuery q(db, db.dialect().tableExistsQuery());
    q.bind(u":name"_s, name);
    return q.optionalScalar().has_value();
}

void TestMigrations::downgradeToVersionOne() {
    Database& db = m_test->db();
    Transaction tx(db);
    // Steps 10, 9, 7, 6, 5, 4 and 3 first: their tables, indexes and functions, and the columns steps 9, 7
    // and 4 add.
    SqlQuery::run(db, u"DROP TABLE trading_partners"_s);
    SqlQuery::run(db, u"DROP INDEX skus_by_gtin"_s);
    SqlQuery::run(db, u"ALTER TABLE skus DROP COLUMN gtin"_s);
    for (const QString& column : {u"last_event_id"_s, u"prior_event_id"_s})
        SqlQuery::run(db, u"ALTER TABLE positions DROP COLUMN "_s + column);
    if (db.engine() == Engine::Postgres)
        SqlQuery::run(db, u"DROP FUNCTION ordo_require(boolean, text)"_s);
    for (const QString& table :
         {u"sku_tags"_s, u"routing_backorders"_s, u"validation_rules"_s, u"order_charges"_s,
          u"outbound_documents"_s, u"sku_xref"_s, u"source_documents"_s, u"notifications"_s,
          u"routing_rejections"_s, u"routing_shipments"_s, u"routing_decisions"_s, u"rule_sets"_s})
        SqlQuery::run(db, u"DROP TABLE "_s + table);
    for (const QString& column :
         {u"customer_name"_s, u"bill_name"_s, u"bill_address1"_s, u"bill_city"_s, u"bill_region"_s,
          u"bill_postal_code"_s, u"bill_country"_s, u"ship_method"_s, u"payment_status"_s})
        SqlQuery::run(db, u"ALTER TABLE orders DROP COLUMN "_s + column);
    for (const QString& column : {u"external_line_id"_s, u"title"_s, u"tax_minor"_s, u"discount_minor"_s})
        SqlQuery::run(db, u"ALTER TABLE order_lines DROP COLUMN "_s + column);
    for (const QString& table :
         {u"reservations"_s, u"future_supply"_s, u"channel_exclusions"_s, u"channel_policies"_s,
          u"channel_pools"_s, u"location_group_members"_s, u"location_groups"_s, u"inventory_events"_s})
        SqlQuery::run(db, u"DROP TABLE "_s + table);
    SqlQuery::run(db, u"DROP INDEX IF EXISTS skus_by_code_prefix"_s);
    SqlQuery::run(db, u"UPDATE meta SET value = '1' WHERE key = 'schema_version'"_s);
    tx.commit();
}

void TestMigrations::stepsAreNumberedOneByOne() {
    const QList<Migration>& steps = Migrations::all();
    QVERIFY(steps.size() >= 2);
    for (int i = 0; i < steps.size(); ++i) {
        QCOMPARE(steps.at(i).version, i + 1);
        QVERIFY(!steps.at(i).description.isEmpty());
    }
    QCOMPARE(Migrations::latestVersion(), int(steps.size()));
}

void TestMigrations::versionOneDatabaseGainsVersionTwoAndKeepsItsOrders() {
    test::createSampleWorld(m_test->db());
    const qint64 orderId = OrderCapture(m_test->db(), Actor::system())
                               .capture(test::sampleOrder(u"W-77"_s, {{u"SKU-3"_s, 2}}))
                               .orderId;
    downgradeToVersionOne();
    QCOMPARE(m_test->db().schemaVersion(), 1);
    QVERIFY(!tableExists(m_test->db(), u"reservations"_s));

    Database reopened = Database::open(m_test->url());
    QCOMPARE(reopened.schemaVersion(), Migrations::latestVersion());
    for (const QString& table :
         {u"inventory_events"_s, u"location_groups"_s, u"channel_pools"_s, u"channel_policies"_s,
          u"channel_exclusions"_s, u"future_supply"_s, u"reservations"_s})
        QVERIFY2(tableExists(reopened, table), qPrintable(table));
    const auto detail = OrderQuery(reopened).detail(orderId);
    QVERIFY(detail);
    QCOMPARE(detail->order.orderNumber, u"W-77"_s);
    QCOMPARE(detail->order.lines.size(), 1);
    QCOMPARE(detail->order.lines[0].quantity, 2);
}

void TestMigrations::refusesToMigrateWhenToldNotTo() {
    downgradeToVersionOne();
    Database::Options options;
    options.migrate = false;
    try {
        Database strict = Database::open(m_test->url(), options);
        QFAIL("a version-1 database opened without migrating");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Storage);
        QVERIFY2(e.message().contains(u"needs migrating"_s), qPrintable(e.message()));
    }
    QCOMPARE(m_test->db().schemaVersion(), 1);
}

void TestMigrations::versionSixLedgerGainsItsChains() {
    // Step 7 links the events a version-6 ledger already holds, position by position in the order they were
    // recorded: the same chains Ordo writes as it goes.
    Database& db = m_test->db();
    test::createSampleWorld(db);
    QList<InventoryEvent> events;
    const QStringList locations = {u"DC-EAST"_s, u"ST-NYC"_s};
    for (int i = 0; i < 12; ++i) {
        InventoryEvent e;
        e.eventId = u"e-%1"_s.arg(i);
        e.locationCode = locations.at(i % 2);
        e.skuCode = u"SKU-%1"_s.arg(1 + i % 3);
        e.quantity = 10 + i;
        events << e;
    }
    QCOMPARE(InventoryLedger(db).apply(events, ApplyOptions(), Actor::system()).applied, 12);
    const qint64 orderId =
        OrderCapture(db, Actor::system()).capture(test::sampleOrder(u"W-8"_s, {{u"SKU-1"_s, 1}})).orderId;
    SqlQuery::run(
        db, u"INSERT INTO reservations (order_id, line_no, location_id, sku_id, quantity, state, created_at) "
            "SELECT %1, 1, l.id, s.id, 1, 'held', 5 FROM locations l, skus s "
            "WHERE l.code = 'DC-EAST' AND s.code = 'SKU-1'"_s.arg(orderId));
    const QString holds = u"SELECT order_id, line_no, quantity, state, created_at FROM reservations"_s;
    const QList<QVariantList> held = SqlQuery::rows(db, holds);
    QCOMPARE(held.size(), 1);
    const QString chains = u"SELECT event_id, previous_event_id FROM inventory_events ORDER BY event_id"_s;
    const QList<QVariantList> written = SqlQuery::rows(db, chains);
    QCOMPARE(written.size(), 12);
    QCOMPARE(SqlQuery::rows(db, u"SELECT count(*) FROM inventory_events WHERE previous_event_id IS NULL"_s)
                 .first()
                 .first()
                 .toLongLong(),
             6); // the first event of each of the six positions

    {
        Transaction tx(db);
        SqlQuery::run(db, u"DROP TABLE trading_partners"_s); // step 10's settings
        SqlQuery::run(db, u"DROP INDEX skus_by_gtin"_s);     // step 9's barcode
        SqlQuery::run(db, u"ALTER TABLE skus DROP COLUMN gtin"_s);
        for (const QString& column : {u"last_event_id"_s, u"prior_event_id"_s})
            SqlQuery::run(db, u"ALTER TABLE positions DROP COLUMN "_s + column);
        SqlQuery::run(db, u"ALTER TABLE inventory_events DROP COLUMN previous_event_id"_s);
        SqlQuery::run(
            db, u"CREATE INDEX inventory_events_by_position ON inventory_events (location_id, sku_id, id)"_s);
        SqlQuery::run(
            db, u"CREATE INDEX reservations_by_position ON reservations (location_id, sku_id, state)"_s);
        if (db.engine() == Engine::Postgres) { // step 9 (SQLite's steps 8 and 9 make the table again)
            SqlQuery::run(db, u"ALTER TABLE reservations DROP CONSTRAINT reservations_per_attempt"_s);
            SqlQuery::run(db, u"ALTER TABLE reservations DROP COLUMN attempt"_s);
            SqlQuery::run(db, u"ALTER TABLE reservations ADD UNIQUE (order_id, line_no, location_id)"_s);
        }
        SqlQuery::run(db, u"UPDATE meta SET value = '6' WHERE key = 'schema_version'"_s);
        tx.commit();
    }
    QCOMPARE(db.schemaVersion(), 6);

    Database reopened = Database::open(m_test->url());
    QCOMPARE(reopened.schemaVersion(), Migrations::latestVersion());
    QCOMPARE(SqlQuery::rows(reopened, chains), written);
    QCOMPARE(SqlQuery::rows(reopened, holds), held); // step 8 made SQLite's tables again with their rows
    QVERIFY2(test::brokenLedgerChains(reopened).isEmpty(), qPrintable(test::brokenLedgerChains(reopened)));
    QStringList recent;
    for (const LedgerEntry& e : InventoryQuery(reopened).recentEvents(u"DC-EAST"_s, u"SKU-1"_s, 10))
        recent << e.eventId;
    QCOMPARE(recent, (QStringList{u"e-6"_s, u"e-0"_s}));
}

void TestMigrations::ledgerAndReservationsKeepTheirChecks_data() {
    QTest::addColumn<QString>("insert");
    QTest::addColumn<bool>("accepted");
    const QString event =
        u"INSERT INTO inventory_events (event_id, location_id, sku_id, kind, quantity, on_hand_after, "
        "reserved_after, occurred_at, recorded_at, actor) VALUES ('x', 1, 1, '%1', 1, 1, 0, 0, 0, 'a')"_s;
    const QString hold =
        u"INSERT INTO reservations (order_id, line_no, location_id, sku_id, quantity, state, "
        "created_at) SELECT id, 1, 1, 1, %1, '%2', 0 FROM orders"_s;
    for (const QString& kind :
         {u"delta"_s, u"snapshot"_s, u"adjust"_s, u"reserve"_s, u"release"_s, u"ship"_s})
        QTest::addRow("ledger kind %s", qPrintable(kind)) << event.arg(kind) << true;
    QTest::newRow("ledger kind unknown") << event.arg(u"gift"_s) << false;
    QTest::newRow("ledger kind in capitals") << event.arg(u"DELTA"_s) << false;
    for (const QString& state : {u"held"_s, u"released"_s, u"shipped"_s})
        QTest::addRow("reservation %s", qPrintable(state)) << hold.arg(u"1"_s, state) << true;
    QTest::newRow("reservation state unknown") << hold.arg(u"1"_s, u"lost"_s) << false;
    QTest::newRow("reservation of nothing") << hold.arg(u"0"_s, u"held"_s) << false;
}

void TestMigrations::ledgerAndReservationsKeepTheirChecks() {
    // Whatever form the engine keeps its checks in (step 8 rewrote SQLite's), they allow exactly the values
    // they allowed before.
    QFETCH(QString, insert);
    QFETCH(bool, accepted);
    Database& db = m_test->db();
    test::createSampleWorld(db);
    OrderCapture(db, Actor::system()).capture(test::sampleOrder(u"W-9"_s, {{u"SKU-1"_s, 1}}));
    Transaction tx(db);
    bool ran = true;
    try {
        SqlQuery::run(db, insert);
    } catch (const Error& e) {
        ran = false;
        QVERIFY2(e.message().contains(u"CHECK"_s, Qt::CaseInsensitive) ||
                     e.message().contains(u"check constraint"_s, Qt::CaseInsensitive),
                 qPrintable(e.message()));
    }
    QCOMPARE(ran, accepted);
}

void TestMigrations::holdsAreUniquePerAttempt() {
    // Step 9: a line may be held at one location again by a later attempt of its order, never twice by one.
    Database& db = m_test->db();
    test::createSampleWorld(db);
    OrderCapture(db, Actor::system()).capture(test::sampleOrder(u"W-9"_s, {{u"SKU-1"_s, 1}}));
    const QString hold =
        u"INSERT INTO reservations (order_id, line_no, location_id, sku_id, quantity, state, "
        "created_at%1) SELECT id, 1, 1, 1, 1, 'released', 0%2 FROM orders"_s;
    SqlQuery::run(db, hold.arg(QString(), QString())); // attempt 1, as every row before step 9
    SqlQuery::run(db, hold.arg(u", attempt"_s, u", 2"_s));
    QVERIFY_THROWS_EXCEPTION(Error, SqlQuery::run(db, hold.arg(u", attempt"_s, u", 2"_s)));
    QVERIFY_THROWS_EXCEPTION(Error, SqlQuery::run(db, hold.arg(u", attempt"_s, u", 0"_s)));
    QCOMPARE(SqlQuery::rows(db, u"SELECT attempt FROM reservations ORDER BY attempt"_s),
             (QList<QVariantList>{{1}, {2}}));
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
