// BulkInsert on both engines: values of every kind come back exactly as written, across statement
// boundaries; rows held for flush() are not sent before it; identities continue after explicit ids.
#include "Error.h"
#include "TestDatabase.h"
#include "storage/BulkInsert.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestBulkInsert : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void roundTripsValues_data();
    void roundTripsValues();
    void writesAcrossStatements();
    void holdsRowsUntilFlush();
    void identityContinues();
    void refusesWrongRow();

private:
    std::unique_ptr<test::TestDatabase> m_test;
};

void TestBulkInsert::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
}

void TestBulkInsert::roundTripsValues_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << u"Percale Sheet Set, Ivory, Queen"_s;
    QTest::newRow("quotes") << u"Chef's Knife 8 in; 'quoted' \"double\""_s;
    QTest::newRow("backslash") << u"C:\\path\\n not a newline"_s;
    QTest::newRow("unicode") << u"Café – Zoë's 🚚 délivery"_s;
    QTest::newRow("sql-looking") << u"x'); DROP TABLE skus; --"_s;
    QTest::newRow("newline") << u"line one\nline two"_s;
}

void TestBulkInsert::roundTripsValues() {
    QFETCH(QString, text);
    Database& db = m_test->db();
    Transaction tx(db);
    BulkInsert skus(db, u"skus"_s,
                    {u"id"_s, u"code"_s, u"name"_s, u"weight_g"_s, u"price_minor"_s, u"currency"_s});
    skus.add({qint64(7), u"CODE-1"_s, text, 0, qint64(9007199254740993LL), u"USD"_s});
    skus.flush();
    BulkInsert places(db, u"locations"_s,
                      {u"id"_s, u"code"_s, u"name"_s, u"type"_s, u"latitude"_s, u"longitude"_s, u"ships"_s,
                       u"pickup"_s, u"daily_capacity"_s});
    places.add({qint64(3), u"ST-1"_s, text, u"store"_s, 41.878113, -87.629799, 1, 0, 120});
    places.flush();
    tx.commit();
    SqlQuery q(db, u"SELECT s.name, s.price_minor, l.latitude, l.longitude FROM skus s, locations l"_s);
    q.exec();
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), text);
    QCOMPARE(q.value(1).toLongLong(), 9007199254740993LL);
    QCOMPARE(q.value(2).toDouble(), 41.878113);
    QCOMPARE(q.value(3).toDouble(), -87.629799);
    QCOMPARE(skus.rowsWritten(), 1);
}

void TestBulkInsert::writesAcrossStatements() {
    Database& db = m_test->db();
    Transaction tx(db);
    BulkInsert customers(db, u"customers"_s,
                         {u"id"_s, u"email_lc"_s, u"phone"_s, u"name"_s, u"created_at"_s});
    const int n = BulkInsert::rowsPerStatement * 2 + 37;
    for (int i = 1; i <= n; ++i)
        customers.add({qint64(i), u"c%1@example.com"_s.arg(i),
                       i % 3 == 0 ? QVariant(QMetaType::fromType<QString>()) : QVariant(u"555"_s),
                       u"Name %1"_s.arg(i), qint64(i) * 1000});
    QCOMPARE(customers.rowsWritten(), qint64(BulkInsert::rowsPerStatement) * 2);
    customers.flush();
    tx.commit();
    QCOMPARE(customers.rowsWritten(), n);
    SqlQuery q(db, u"SELECT count(*), sum(id), count(phone), max(created_at) FROM customers"_s);
    q.exec();
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), n);
    QCOMPARE(q.value(1).toLongLong(), qint64(n) * (n + 1) / 2);
    QCOMPARE(q.value(2).toLongLong(), n - n / 3);
    QCOMPARE(q.value(3).toLongLong(), qint64(n) * 1000);
}

void TestBulkInsert::holdsRowsUntilFlush() {
    Database& db = m_test->db();
    Transaction tx(db);
    BulkInsert customers(db, u"customers"_s, {u"id"_s, u"email_lc"_s, u"phone"_s, u"name"_s, u"created_at"_s},
                         BulkInsert::Send::OnFlush);
    for (int i = 1; i <= BulkInsert::rowsPerStatement + 5; ++i)
        customers.add({qint64(i), u"c%1@example.com"_s.arg(i), u"555"_s, u"N"_s, qint64(0)});
    SqlQuery before(db, u"SELECT count(*) FROM customers"_s);
    QCOMPARE(before.scalar().toLongLong(), 0);
    QCOMPARE(customers.rowsWritten(), 0);
    customers.flush();
    SqlQuery after(db, u"SELECT count(*) FROM customers"_s);
    QCOMPARE(after.scalar().toLongLong(), BulkInsert::rowsPerStatement + 5);
    tx.commit();
}

void TestBulkInsert::identityContinues() {
    Database& db = m_test->db();
    Transaction tx(db);
    BulkInsert customers(db, u"customers"_s,
                         {u"id"_s, u"email_lc"_s, u"phone"_s, u"name"_s, u"created_at"_s});
    customers.add({qint64(41), u"a@example.com"_s, u"1"_s, u"A"_s, qint64(0)});
    customers.flush();
    BulkInsert::syncIdentity(db, u"customers"_s);
    tx.commit();
    SqlQuery q(db,
               u"INSERT INTO customers (email_lc, created_at) VALUES ('b@example.com', 0) RETURNING id"_s);
    QCOMPARE(q.scalar().toLongLong(), 42);
}

void TestBulkInsert::refusesWrongRow() {
    BulkInsert skus(m_test->db(), u"skus"_s, {u"id"_s, u"code"_s});
    QVERIFY_THROWS_EXCEPTION(Error, skus.add({qint64(1)}));
    QVERIFY_THROWS_EXCEPTION(Error, skus.add({qint64(1), QVariant(QDate(2024, 1, 1))}));
}

QTEST_GUILESS_MAIN(TestBulkInsert)
#include "tst_bulkinsert.moc"
