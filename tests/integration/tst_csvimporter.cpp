// CsvImporter on both engines: every kind of file lands in the database field by field, re-import changes
// nothing, each validation case is held in Exception or rejected with its line, and a file that is not what
// it claims leaves the database exactly as it was.
#include "Error.h"
#include "TestData.h"
#include "TestDatabase.h"
#include "channels/CsvImporter.h"
#include "formats/InventoryFileReader.h"
#include "formats/PrefixedDevice.h"
#include "inventory/InventoryLedger.h"
#include "orders/OrderQuery.h"
#include "orders/OrderRepository.h"
#include "storage/LocationRepository.h"
#include "storage/PositionRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestCsvImporter : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void importsLocations();
    void importsSkus();
    void importsInventory();
    void inventoryGoesThroughTheLedger();
    void countBelowReserved_data();
    void countBelowReserved();
    void importsOrders();
    void importsOrdersFromADeviceReadOnce();
    void reimportIsIdempotent();
    void validation_data();
    void validation();
    void validationTotals();
    void refusedFileLeavesDatabaseAsItWas_data();
    void refusedFileLeavesDatabaseAsItWas();
    void rejectsMasterDataRows_data();
    void rejectsMasterDataRows();
    void rejectsOrderNumberOfAnotherChannel();
    void importsMasterDataBeforeOrders();
    void reportsUnreadablePath();
    void refusesWithoutPermission();

private:
    ImportReport import(const QString& fixture);
    void importMasterData();
    Order loadOrder(const QString& number);
    QMap<QString, qint64> rowCounts();
    qint64 count(const QString& sql) { return SqlQuery(db(), sql).scalar().toLongLong(); }
    Database& db() { return m_test->db(); }

    std::unique_ptr<test::TestDatabase> m_test;
};

void TestCsvImporter::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
}

ImportReport TestCsvImporter::import(const QString& fixture) {
    CsvImporter importer(db(), Actor{u"tester"_s, Role::Admin});
    return importer.importFile(test::testDataPath(u"csv/"_s + fixture));
}

void TestCsvImporter::importMasterData() {
    for (const QString& file : {u"locations.csv"_s, u"skus.csv"_s, u"inventory.csv"_s}) {
        const ImportReport report = import(file);
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.value(0).message));
    }
}

Order TestCsvImporter::loadOrder(const QString& number) {
    const std::optional<qint64> id = OrderQuery(db()).findId(number);
    if (!id)
        return {};
    return OrderRepository(db()).load(*id).value_or(Order{});
}

QMap<QString, qint64> TestCsvImporter::rowCounts() {
    QMap<QString, qint64> counts;
    for (const QString& table : db().connection().tables())
        counts.insert(table, SqlQuery(db(), u"SELECT count(*) FROM "_s + table).scalar().toLongLong());
    return counts;
}

void TestCsvImporter::importsLocations() {
    const ImportReport report = import(u"locations.csv"_s);
    QCOMPARE(report.accepted, 3);
    QCOMPARE(report.rejected, 0);
    QVERIFY(report.errors.isEmpty());
    // The unknown column is named in a warning on the header line.
    QCOMPARE(report.warnings.size(), 1);
    QCOMPARE(report.warnings.at(0).line, 1);
    QVERIFY2(report.warnings.at(0).message.contains(u"'manager'"_s),
             qPrintable(report.warnings.at(0).message));
    QCOMPARE(report.files.value(0).kind, u"locations"_s);

    LocationRepository locations(db());
    const Location reno = locations.findByCode(u"DC-RENO"_s).value_or(Location{});
    QCOMPARE(reno.name, u"Reno DC"_s);
    QCOMPARE(reno.type, LocationType::Dc);
    QCOMPARE(reno.position.latitude, 39.5296);
    QCOMPARE(reno.position.longitude, -119.8138);
    QCOMPARE(reno.ships, true);
    QCOMPARE(reno.pickup, false);
    QCOMPARE(reno.dailyCapacity, 5000);
    const Location store = locations.findByCode(u"ST-0001"_s).value_or(Location{});
    QCOMPARE(store.name, u"Store, Union Square"_s);
    QCOMPARE(store.type, LocationType::Store);
    QCOMPARE(store.position, (GeoPoint{37.7880, -122.4075}));
    QCOMPARE(store.ships, true);
    QCOMPARE(store.pickup, true);
    QCOMPARE(store.dailyCapacity, 250);
    const Location tpl = locations.findByCode(u"3PL-EAST"_s).value_or(Location{});
    QCOMPARE(tpl.name, u"Partner 3PL"_s);
    QCOMPARE(tpl.type, LocationType::ThirdPartyLogistics);
    QCOMPARE(tpl.ships, true);
    QCOMPARE(tpl.pickup, false);
    QCOMPARE(tpl.dailyCapacity, 0);
}

void TestCsvImporter::importsSkus() {
    const ImportReport report = import(u"skus.csv"_s);
    QCOMPARE(report.accepted, 4);
    QVERIFY(report.errors.isEmpty());
    QVERIFY(report.warnings.isEmpty());
    SkuRepository skus(db());
    const Sku tee = skus.findByCode(u"TEE-BLK-M"_s).value_or(Sku{});
    QCOMPARE(tee.name, u"Tee, black, M"_s);
    QCOMPARE(tee.weightGrams, 250);
    QCOMPARE(tee.unitPrice, (Money{1999, u"USD"_s}));
    const Sku mug = skus.findByCode(u"MUG-01"_s).value_or(Sku{});
    QCOMPARE(mug.name, u"Mug \"Classic\""_s);
    QCOMPARE(mug.weightGrams, 400);
    QCOMPARE(mug.unitPrice, (Money{1250, u"USD"_s}));
    const Sku lamp = skus.findByCode(u"LAMP-XL"_s).value_or(Sku{});
    QCOMPARE(lamp.weightGrams, 7125);
    QCOMPARE(lamp.unitPrice, (Money{14900, u"USD"_s}));
    const Sku kimono = skus.findByCode(u"KIMONO-1"_s).value_or(Sku{});
    QCOMPARE(kimono.unitPrice, (Money{15000, u"JPY"_s}));
}

void TestCsvImporter::importsInventory() {
    import(u"locations.csv"_s);
    import(u"skus.csv"_s);
    const ImportReport report = import(u"inventory.csv"_s); // its header is in mixed case with spaces
    QCOMPARE(report.accepted, 4);
    QVERIFY(report.errors.isEmpty());
    PositionRepository positions(db());
    const QList<Position> tee = positions.forSku(u"TEE-BLK-M"_s);
    QCOMPARE(tee.size(), 2);
    QCOMPARE(tee.at(0).locationCode, u"DC-RENO"_s);
    QCOMPARE(tee.at(0).onHand, 120);
    QCOMPARE(tee.at(0).safetyStock, 10);
    QCOMPARE(tee.at(0).reserved, 0);
    QCOMPARE(tee.at(1).locationCode, u"ST-0001"_s);
    QCOMPARE(tee.at(1).onHand, 8);
    QCOMPARE(tee.at(1).safetyStock, 2);
    const QList<Position> mug = positions.forSku(u"MUG-01"_s);
    QCOMPARE(mug.size(), 1);
    QCOMPARE(mug.at(0).onHand, 40);
    QCOMPARE(mug.at(0).safetyStock, 0);
    QCOMPARE(positions.forSku(u"LAMP-XL"_s).value(0).onHand, 0);
}

void TestCsvImporter::inventoryGoesThroughTheLedger() {
    import(u"locations.csv"_s);
    import(u"skus.csv"_s);
    const ImportReport first = import(u"inventory.csv"_s);
    QCOMPARE(first.accepted, 4);
    QCOMPARE(first.duplicates, 0);
    // Three counts change a position, each a snapshot event of the ledger; the fourth (LAMP-XL at 0 where
    // there is no stock) changes nothing and is written nowhere.
    QCOMPARE(count(u"SELECT count(*) FROM inventory_events"_s), 3);
    QCOMPARE(count(u"SELECT count(*) FROM inventory_events WHERE kind = 'snapshot' AND actor = 'tester'"_s),
             3);
    QCOMPARE(count(u"SELECT count(*) FROM inventory_events e JOIN skus s ON s.id = e.sku_id "
                   "WHERE s.code = 'TEE-BLK-M' AND e.on_hand_after = 120 AND e.quantity = 120"_s),
             1);
    // Each position names its last event: the chain the Inventory view walks back.
    QCOMPARE(
        count(u"SELECT count(*) FROM positions p JOIN inventory_events e ON e.event_id = p.last_event_id"_s),
        3);
    // One audit row for the file, naming it.
    SqlQuery audit(
        db(), u"SELECT actor, detail FROM audit_events WHERE entity = 'inventory' AND action = 'apply'"_s);
    audit.exec();
    QVERIFY(audit.next());
    QCOMPARE(audit.value(0).toString(), u"tester"_s);
    const QString detail = audit.value(1).toString();
    QVERIFY2(detail.contains(test::testDataPath(u"csv/inventory.csv"_s)) && detail.contains(u"3 applied"_s),
             qPrintable(detail));
    QVERIFY(!audit.next());

    // The same file again: its counts are already in the ledger; nothing is written.
    const ImportReport again = import(u"inventory.csv"_s);
    QCOMPARE(again.duplicates, 3);
    QCOMPARE(again.accepted, 1); // the count that changes nothing
    QCOMPARE(again.rejected, 0);
    QCOMPARE(count(u"SELECT count(*) FROM inventory_events"_s), 3);
    QCOMPARE(count(u"SELECT count(*) FROM audit_events"_s), 1);

    // `ordo inventory apply` of the same file gives its counts the same event ids: duplicates too.
    const InventoryFile file = InventoryFileReader::readFile(test::testDataPath(u"csv/inventory.csv"_s));
    const ApplyReport applied = InventoryLedger(db()).apply(file.events, {}, Actor{u"tester"_s, Role::Admin});
    QCOMPARE(applied.duplicates, 3);
    QCOMPARE(applied.unchanged, 1);
    QCOMPARE(applied.applied, 0);
}

void TestCsvImporter::countBelowReserved_data() {
    QTest::addColumn<qint64>("onHandBefore"); // with 100 reserved
    QTest::addColumn<qint64>("counted");
    QTest::addColumn<bool>("allowed"); // --allow-below-reserved
    QTest::addColumn<bool>("rejected");
    QTest::addColumn<qint64>("onHandAfter");
    QTest::newRow("above reserved") << qint64(120) << qint64(105) << false << false << qint64(105);
    QTest::newRow("equal to reserved") << qint64(120) << qint64(100) << false << false << qint64(100);
    QTest::newRow("below reserved") << qint64(120) << qint64(99) << false << true << qint64(120);
    QTest::newRow("to zero") << qint64(120) << qint64(0) << false << true << qint64(120);
    QTest::newRow("below, allowed") << qint64(120) << qint64(99) << true << false << qint64(99);
    QTest::newRow("short already, higher count") << qint64(90) << qint64(95) << false << false << qint64(95);
    QTest::newRow("short already, lower count") << qint64(90) << qint64(80) << false << true << qint64(90);
}

void TestCsvImporter::countBelowReserved() {
    QFETCH(qint64, onHandBefore);
    QFETCH(qint64, counted);
    QFETCH(bool, allowed);
    QFETCH(bool, rejected);
    QFETCH(qint64, onHandAfter);
    importMasterData();
    const QString position = u"location_id = (SELECT id FROM locations WHERE code = 'DC-RENO') AND "
                             "sku_id = (SELECT id FROM skus WHERE code = 'TEE-BLK-M')"_s;
    SqlQuery set(db(), u"UPDATE positions SET on_hand = :oh, reserved = 100 WHERE "_s + position);
    set.bind(u":oh"_s, onHandBefore).exec();
    const qint64 eventsBefore = count(u"SELECT count(*) FROM inventory_events"_s);
    const qint64 auditBefore = count(u"SELECT count(*) FROM audit_events"_s);

    QTemporaryDir dir;
    QFile file(dir.filePath(u"count.csv"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("location_id,sku,on_hand\nDC-RENO,MUG-01,41\nDC-RENO,TEE-BLK-M," +
               QByteArray::number(counted) + "\n");
    file.close();
    InventoryImportOptions options;
    options.allowBelowReserved = allowed;
    const ImportReport report =
        CsvImporter(db(), Actor{u"tester"_s, Role::Admin}, options).importFile(file.fileName());

    QCOMPARE(count(u"SELECT on_hand FROM positions WHERE "_s + position), onHandAfter);
    QCOMPARE(count(u"SELECT reserved FROM positions WHERE "_s + position), 100);
    QCOMPARE(
        count(u"SELECT on_hand FROM positions p JOIN skus s ON s.id = p.sku_id WHERE s.code = 'MUG-01'"_s),
        41); // the other row of the file is taken either way
    QCOMPARE(report.refusedFiles, 0);
    QCOMPARE(report.rejected, rejected ? 1 : 0);
    QCOMPARE(report.accepted, rejected ? 1 : 2);
    QCOMPARE(count(u"SELECT count(*) FROM inventory_events"_s) - eventsBefore, rejected ? 1 : 2);
    QCOMPARE(count(u"SELECT count(*) FROM audit_events"_s) - auditBefore, 1);
    if (!rejected) {
        QVERIFY(report.errors.isEmpty());
        return;
    }
    // The message names the file, the line, the SKU, the location and both figures.
    QCOMPARE(report.errors.size(), 1);
    const ImportIssue& issue = report.errors.at(0);
    QCOMPARE(issue.file, file.fileName());
    QCOMPARE(issue.line, 3);
    for (const QString& part : {u"'TEE-BLK-M'"_s, u"'DC-RENO'"_s, u"would be %1"_s.arg(counted),
                                u"below the 100 reserved"_s, u"--allow-below-reserved"_s})
        QVERIFY2(issue.message.contains(part), qPrintable(issue.message));
}

void TestCsvImporter::importsOrders() {
    importMasterData();
    const ImportReport report = import(u"orders.csv"_s);
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.value(0).message));
    QCOMPARE(report.accepted, 4);
    QCOMPARE(report.exceptions, 0);
    QCOMPARE(report.rejected, 0);

    // Rows 2 and 6 (the first spans two lines) form one order; its lines are numbered in file order.
    const Order web = loadOrder(u"W-1001"_s);
    QCOMPARE(web.orderNumber, u"W-1001"_s);
    QCOMPARE(web.externalId, u"W-1001"_s);
    QCOMPARE(web.channel, Channel::Web);
    QCOMPARE(web.status, OrderStatus::Validated);
    QCOMPARE(web.orderedAt, QDateTime(QDate(2024, 5, 31), QTime(14, 5), Qt::UTC));
    QCOMPARE(web.customerEmail, u"ana@example.com"_s);
    QCOMPARE(web.customerPhone, u"+1 555 0100"_s);
    QCOMPARE(web.shipTo.name, u"Ana Lima"_s);
    QCOMPARE(web.shipTo.line1, u"12 Main St\nApt 4"_s);
    QCOMPARE(web.shipTo.city, u"Reno"_s);
    QCOMPARE(web.shipTo.region, u"NV"_s);
    QCOMPARE(web.shipTo.postalCode, u"89501"_s);
    QCOMPARE(web.shipTo.country, u"US"_s);
    QVERIFY(web.shipTo.position.has_value());
    QCOMPARE(*web.shipTo.position, (GeoPoint{39.52, -119.81}));
    QCOMPARE(web.delivery, DeliveryMethod::Ship);
    QCOMPARE(web.currency, u"USD"_s);
    QCOMPARE(web.lines.size(), 2);
    QCOMPARE(web.lines.at(0).lineNo, 1);
    QCOMPARE(web.lines.at(0).skuCode, u"TEE-BLK-M"_s);
    QCOMPARE(web.lines.at(0).quantity, 2);
    QCOMPARE(web.lines.at(0).unitPrice, (Money{1999, u"USD"_s}));
    QCOMPARE(web.lines.at(1).lineNo, 2);
    QCOMPARE(web.lines.at(1).skuCode, u"MUG-01"_s);
    QCOMPARE(web.lines.at(1).quantity, 3);
    QCOMPARE(web.lines.at(1).unitPrice, (Money{1250, u"USD"_s}));

    const Order pickup = loadOrder(u"A-2001"_s);
    QCOMPARE(pickup.channel, Channel::App);
    QCOMPARE(pickup.orderedAt, QDateTime(QDate(2024, 6, 1), QTime(7, 30), Qt::UTC)); // +02:00 -> UTC
    QCOMPARE(pickup.delivery, DeliveryMethod::Pickup);
    QCOMPARE(pickup.pickupLocationCode, u"ST-0001"_s);
    QVERIFY(pickup.customerPhone.isEmpty());
    QVERIFY(!pickup.shipTo.position.has_value());
    QCOMPARE(pickup.lines.size(), 1);
    QCOMPARE(pickup.status, OrderStatus::Validated);

    const Order market = loadOrder(u"M-4001"_s);
    QCOMPARE(market.channel, Channel::Marketplace);
    QCOMPARE(market.orderedAt, QDateTime(QDate(2024, 6, 3), QTime(23, 59, 59, 250), Qt::UTC));
    QCOMPARE(market.shipTo.name, u"O'Neil, Mary"_s);
    QCOMPARE(market.shipTo.country, u"US"_s); // upper-cased
    QCOMPARE(market.lines.size(), 3);
    QCOMPARE(market.lines.at(2).skuCode, u"MUG-01"_s);
    QCOMPARE(market.lines.at(2).quantity, 4);
    QCOMPARE(market.lines.at(2).unitPrice.minor, 0);
    QCOMPARE(market.totalMinor(), 14900 + 2 * 1999);

    const Order pos = loadOrder(u"P-3001"_s);
    QCOMPARE(pos.channel, Channel::Pos);
    QCOMPARE(pos.orderedAt, QDateTime(QDate(2024, 6, 2), QTime(0, 0), Qt::UTC)); // a date alone: midnight UTC
    QVERIFY(pos.customerEmail.isEmpty());
    QCOMPARE(pos.delivery, DeliveryMethod::Ship);
}

// A device that cannot be read twice (a FIFO, a pipe) gives the same orders, its rows of one order scattered
// as in a file, though they are captured only at its end.
void TestCsvImporter::importsOrdersFromADeviceReadOnce() {
    importMasterData();
    QFile file(test::testDataPath(u"csv/orders.csv"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    PrefixedDevice once(QByteArray(), file); // sequential: no second pass
    QVERIFY(once.isSequential());
    const ImportReport report =
        CsvImporter(db(), Actor{u"tester"_s, Role::Admin}).importDevice(once, u"pipe"_s);
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.value(0).message));
    QCOMPARE(report.accepted, 4);
    const Order web = loadOrder(u"W-1001"_s);
    QCOMPARE(web.lines.size(), 2);
    QCOMPARE(web.lines.at(1).skuCode, u"MUG-01"_s);
    QCOMPARE(loadOrder(u"M-4001"_s).lines.size(), 3);
    QCOMPARE(loadOrder(u"M-4001"_s).totalMinor(), 14900 + 2 * 1999);
}

void TestCsvImporter::reimportIsIdempotent() {
    importMasterData();
    QCOMPARE(import(u"orders.csv"_s).accepted, 4);
    const QMap<QString, qint64> before = rowCounts();
    const ImportReport again = import(u"orders.csv"_s);
    QCOMPARE(again.accepted, 0);
    QCOMPARE(again.duplicates, 4);
    QCOMPARE(again.rejected, 0);
    QVERIFY(again.allAccepted());
    QCOMPARE(rowCounts(), before);
    // Master data re-imported is updated in place, not duplicated.
    QCOMPARE(import(u"locations.csv"_s).accepted, 3);
    QCOMPARE(SqlQuery(db(), u"SELECT count(*) FROM locations"_s).scalar().toInt(), 3);
}

void TestCsvImporter::validation_data() {
    QTest::addColumn<QString>("order");
    QTest::addColumn<QString>("reason"); // held in Exception with this code...
    QTest::addColumn<int>("line");       // ...or rejected at this line
    QTest::addColumn<QString>("message");

    QTest::newRow("valid") << u"G-OK"_s << QString() << 0 << QString();
    QTest::newRow("unknown SKU") << u"X-UNKSKU"_s << u"UNKNOWN_SKU"_s << 0 << QString();
    QTest::newRow("quantity 0") << u"X-QTY0"_s << u"INVALID_QUANTITY"_s << 0 << QString();
    QTest::newRow("negative quantity") << u"X-QTYNEG"_s << u"INVALID_QUANTITY"_s << 0 << QString();
    QTest::newRow("no ship-to") << u"X-NOADDR"_s << u"MISSING_SHIP_TO"_s << 0 << QString();
    QTest::newRow("unknown pickup location")
        << u"X-PICKUP"_s << u"UNKNOWN_PICKUP_LOCATION"_s << 0 << QString();
    QTest::newRow("no pickup there") << u"X-NOPICK"_s << u"PICKUP_NOT_OFFERED"_s << 0 << QString();
    QTest::newRow("mixed currency") << u"X-CURMIX"_s << u"MIXED_CURRENCY"_s << 0 << QString();
    QTest::newRow("negative price") << u"X-NEGPRICE"_s << u"INVALID_PRICE"_s << 0 << QString();
    QTest::newRow("quantity text") << u"R-QTY"_s << QString() << 12 << u"quantity 'two'"_s;
    QTest::newRow("quantity decimal") << u"R-QTYDEC"_s << QString() << 13 << u"quantity '1.5'"_s;
    QTest::newRow("date format") << u"R-DATE"_s << QString() << 14 << u"ordered_at '31/05/2024'"_s;
    QTest::newRow("date without zone") << u"R-NOZONE"_s << QString() << 15 << u"ordered_at"_s;
    QTest::newRow("decimal comma") << u"R-MONEY"_s << QString() << 16 << u"unit_price '12,50'"_s;
    QTest::newRow("too many decimals") << u"R-MONEY3"_s << QString() << 17 << u"unit_price '1.999'"_s;
    QTest::newRow("unknown channel") << u"R-CHANNEL"_s << QString() << 18 << u"channel 'fax'"_s;
    QTest::newRow("bad delivery") << u"R-DELIVERY"_s << QString() << 19 << u"delivery 'courier'"_s;
    QTest::newRow("mixed channel") << u"R-MIXED"_s << QString() << 21
                                   << u"channel is 'app' here but 'web' on line 20"_s;
    QTest::newRow("latitude range") << u"R-LAT"_s << QString() << 22 << u"latitude '95'"_s;
    QTest::newRow("country code") << u"R-COUNTRY"_s << QString() << 23 << u"country 'USA'"_s;
    QTest::newRow("no SKU") << u"R-NOSKU"_s << QString() << 24 << u"sku is empty"_s;
    QTest::newRow("short row") << u"R-WIDTH"_s << QString() << 25 << u"4 fields, the header 19"_s;
    QTest::newRow("bad row later in the file") << u"R-LATER"_s << QString() << 29 << u"quantity 'x'"_s;
    QTest::newRow("currency code") << u"R-CURRENCY"_s << QString() << 28 << u"currency 'US'"_s;
}

void TestCsvImporter::validation() {
    QFETCH(QString, order);
    QFETCH(QString, reason);
    QFETCH(int, line);
    QFETCH(QString, message);
    importMasterData();
    const ImportReport report = import(u"orders_invalid.csv"_s);
    QCOMPARE(report.refusedFiles, 0);
    const Order stored = loadOrder(order);
    if (line > 0) {
        QVERIFY2(stored.orderNumber.isEmpty(), "a rejected order was stored");
        const auto issue = std::find_if(report.errors.cbegin(), report.errors.cend(),
                                        [&](const ImportIssue& i) { return i.line == line; });
        QVERIFY2(issue != report.errors.cend(), "no error on the expected line");
        QVERIFY2(issue->message.contains(order) && issue->message.contains(message),
                 qPrintable(issue->message));
        QVERIFY(issue->file.endsWith(u"orders_invalid.csv"_s));
        return;
    }
    QCOMPARE(stored.orderNumber, order);
    if (reason.isEmpty()) {
        QCOMPARE(stored.status, OrderStatus::Validated);
        QVERIFY(stored.exceptionReasons.isEmpty());
        return;
    }
    QCOMPARE(stored.status, OrderStatus::Exception);
    QStringList codes;
    for (const ExceptionReason& r : stored.exceptionReasons)
        codes << r.code;
    QCOMPARE(codes, QStringList{reason});
}

void TestCsvImporter::validationTotals() {
    importMasterData();
    const QMap<QString, qint64> before = rowCounts();
    const ImportReport report = import(u"orders_invalid.csv"_s);
    QCOMPARE(report.accepted, 9); // G-OK and the 8 held orders
    QCOMPARE(report.exceptions, 8);
    QCOMPARE(report.rejected, 16); // 15 orders and one row without an order id
    QVERIFY(!report.allAccepted());
    const auto noId = std::find_if(report.errors.cbegin(), report.errors.cend(),
                                   [](const ImportIssue& i) { return i.line == 27; });
    QVERIFY(noId != report.errors.cend());
    QVERIFY(noId->message.contains(u"order_id is empty"_s));
    // Rejected orders left nothing behind: exactly 9 orders and their 10 lines were written.
    QCOMPARE(rowCounts().value(u"orders"_s), before.value(u"orders"_s) + 9);
    QCOMPARE(rowCounts().value(u"order_lines"_s), before.value(u"order_lines"_s) + 10);
    QCOMPARE(report.warnings.size(), 8); // one per held order, naming its reasons
}

void TestCsvImporter::refusedFileLeavesDatabaseAsItWas_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reason");
    QTest::newRow("binary") << u"broken_binary.csv"_s << 1 << u"not UTF-8 text (byte 0x89"_s;
    QTest::newRow("Latin-1") << u"broken_latin1_locations.csv"_s << 3 << u"not UTF-8"_s;
    QTest::newRow("UTF-16") << u"broken_utf16_skus.csv"_s << 1 << u"UTF-16"_s;
    QTest::newRow("NUL in inventory") << u"broken_nul_inventory.csv"_s << 3 << u"NUL byte"_s;
    QTest::newRow("truncated locations") << u"broken_truncated_locations.csv"_s << 3 << u"quoted field"_s;
    QTest::newRow("truncated orders") << u"broken_truncated_orders.csv"_s << 3 << u"quoted field"_s;
    QTest::newRow("missing column") << u"broken_missing_column_orders.csv"_s << 1 << u"sku, quantity"_s;
    QTest::newRow("unknown header") << u"broken_unknown_header.csv"_s << 1 << u"not one of"_s;
    QTest::newRow("empty") << u"broken_empty.csv"_s << 1 << u"empty"_s;
}

void TestCsvImporter::refusedFileLeavesDatabaseAsItWas() {
    QFETCH(QString, fixture);
    QFETCH(int, line);
    QFETCH(QString, reason);
    importMasterData();
    QCOMPARE(import(u"orders.csv"_s).accepted, 4);
    const QMap<QString, qint64> before = rowCounts();
    QVERIFY(before.value(u"orders"_s) > 0);
    const qint64 mugOnHand = PositionRepository(db()).forSku(u"MUG-01"_s).value(0).onHand;

    const ImportReport report = import(fixture);
    QCOMPARE(report.refusedFiles, 1);
    QCOMPARE(report.accepted, 0);
    QVERIFY(!report.allAccepted());
    QCOMPARE(report.errors.size(), 1);
    QCOMPARE(report.errors.at(0).line, line);
    QVERIFY2(report.errors.at(0).message.contains(reason), qPrintable(report.errors.at(0).message));
    QVERIFY(report.errors.at(0).message.contains(u"nothing from it was saved"_s));
    QCOMPARE(rowCounts(), before);
    QVERIFY(!LocationRepository(db()).findByCode(u"NEW-1"_s)); // written before the bad row, rolled back
    QCOMPARE(PositionRepository(db()).forSku(u"MUG-01"_s).value(0).onHand, mugOnHand);
}

void TestCsvImporter::rejectsMasterDataRows_data() {
    const QString locations = u"location_id,name,type,latitude,longitude,ship,pickup,daily_capacity\n"_s;
    const QString skus = u"sku,name,weight_kg,unit_price,currency\n"_s;
    const QString inventory = u"location_id,sku,on_hand,safety_stock\n"_s;
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("location type") << locations + u"L-1,One,warehouse,1,2,1,0,0\n"_s << u"type 'warehouse'"_s;
    QTest::newRow("location flag") << locations + u"L-1,One,dc,1,2,maybe,0,0\n"_s << u"ship 'maybe'"_s;
    QTest::newRow("longitude range") << locations + u"L-1,One,dc,1,200,1,0,0\n"_s << u"longitude '200'"_s;
    QTest::newRow("no coordinates") << locations + u"L-1,One,dc,,,1,0,0\n"_s << u"coordinates"_s;
    QTest::newRow("negative capacity")
        << locations + u"L-1,One,dc,1,2,1,0,-5\n"_s << u"daily_capacity '-5'"_s;
    QTest::newRow("weight") << skus + u"S-1,One,1.2345,1.00,USD\n"_s << u"weight_kg '1.2345'"_s;
    QTest::newRow("price") << skus + u"S-1,One,1,1.00.0,USD\n"_s << u"unit_price '1.00.0'"_s;
    QTest::newRow("sku currency") << skus + u"S-1,One,1,1.00,dollar\n"_s << u"currency 'dollar'"_s;
    QTest::newRow("unknown location") << inventory + u"NOWHERE,MUG-01,5,0\n"_s << u"location_id 'NOWHERE'"_s;
    QTest::newRow("unknown sku") << inventory + u"DC-RENO,NOPE,5,0\n"_s << u"sku 'NOPE'"_s;
    QTest::newRow("on hand") << inventory + u"DC-RENO,MUG-01,-1,0\n"_s << u"on_hand '-1'"_s;
    QTest::newRow("width") << inventory + u"DC-RENO,MUG-01,5,0,9\n"_s << u"5 fields, the header 4"_s;
}

void TestCsvImporter::rejectsMasterDataRows() {
    QFETCH(QString, content);
    QFETCH(QString, message);
    importMasterData();
    QTemporaryDir dir;
    QFile file(dir.filePath(u"rows.csv"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content.toUtf8() + content.section(u'\n', 1).toUtf8()); // the bad row twice: lines 2 and 3
    file.close();
    const QMap<QString, qint64> before = rowCounts();
    CsvImporter importer(db(), Actor{u"tester"_s, Role::Admin});
    const ImportReport report = importer.importFile(file.fileName());
    QCOMPARE(report.refusedFiles, 0);
    QCOMPARE(report.accepted, 0);
    QCOMPARE(report.rejected, 2);
    QCOMPARE(report.errors.size(), 2);
    QCOMPARE(report.errors.at(0).line, 2);
    QCOMPARE(report.errors.at(1).line, 3);
    QVERIFY2(report.errors.at(0).message.contains(message), qPrintable(report.errors.at(0).message));
    QCOMPARE(rowCounts(), before);
}

void TestCsvImporter::rejectsOrderNumberOfAnotherChannel() {
    importMasterData();
    QCOMPARE(import(u"orders.csv"_s).accepted, 4);
    QTemporaryDir dir;
    QFile file(dir.filePath(u"more.csv"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QFile header(test::testDataPath(u"csv/orders_invalid.csv"_s));
    QVERIFY(header.open(QIODevice::ReadOnly));
    file.write(header.readLine());
    file.write(
        "W-1001,phone,2024-06-10T10:00:00Z,,,Ann Test,1 Test St,Reno,NV,89501,US,,,ship,,MUG-01,1,12.50,USD\n"
        "N-1,phone,2024-06-10T10:00:00Z,,,Ann Test,1 Test St,Reno,NV,89501,US,,,ship,,MUG-01,1,12.50,USD\n");
    file.close();
    CsvImporter importer(db(), Actor{u"tester"_s, Role::Admin});
    const ImportReport report = importer.importFile(file.fileName());
    QCOMPARE(report.refusedFiles, 0);
    QCOMPARE(report.rejected, 1);
    QCOMPARE(report.accepted, 1);
    QCOMPARE(report.errors.value(0).line, 2);
    QVERIFY(report.errors.value(0).message.contains(u"another channel"_s));
    QCOMPARE(loadOrder(u"W-1001"_s).channel, Channel::Web);
    QCOMPARE(loadOrder(u"N-1"_s).channel, Channel::Phone);
}

void TestCsvImporter::importsMasterDataBeforeOrders() {
    CsvImporter importer(db(), Actor{u"tester"_s, Role::Admin});
    QStringList files;
    for (const QString& name : {u"orders.csv"_s, u"inventory.csv"_s, u"skus.csv"_s, u"locations.csv"_s})
        files << test::testDataPath(u"csv/"_s + name);
    const ImportReport report = importer.importFiles(files);
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.value(0).message));
    QCOMPARE(report.accepted, 3 + 4 + 4 + 4);
    QCOMPARE(report.exceptions, 0);
    QCOMPARE(report.files.size(), 4);
    QCOMPARE(report.files.at(0).kind, u"locations"_s);
    QCOMPARE(report.files.at(3).kind, u"orders"_s);
}

void TestCsvImporter::reportsUnreadablePath() {
    CsvImporter importer(db(), Actor{u"tester"_s, Role::Admin});
    const ImportReport report =
        importer.importFiles({u"/nonexistent/orders.csv"_s, test::testDataPath(u"csv/locations.csv"_s)});
    QCOMPARE(report.refusedFiles, 1);
    QCOMPARE(report.accepted, 3); // the other file is still imported
    QCOMPARE(report.errors.size(), 1);
    QCOMPARE(report.errors.at(0).file, u"/nonexistent/orders.csv"_s);
    QCOMPARE(report.errors.at(0).line, 0);
    QVERIFY(report.errors.at(0).message.contains(u"cannot open"_s));
}

void TestCsvImporter::refusesWithoutPermission() {
    CsvImporter importer(db(), Actor{u"pat"_s, Role::Warehouse});
    QVERIFY_THROWS_EXCEPTION(Error, importer.importFile(test::testDataPath(u"csv/locations.csv"_s)));
    QCOMPARE(SqlQuery(db(), u"SELECT count(*) FROM locations"_s).scalar().toInt(), 0);
}

QTEST_GUILESS_MAIN(TestCsvImporter)
#include "tst_csvimporter.moc"
