// InventoryFileReader: the three formats, bad rows with line and reason, files refused whole, snapshot ids.
#include "Error.h"
#include "formats/InventoryFileReader.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestInventoryFileReader : public QObject {
    Q_OBJECT
private slots:
    void readsDeltas();
    void readsSnapshots();
    void readsJsonLines();
    void badRows_data();
    void badRows();
    void refusesWholeFile_data();
    void refusesWholeFile();
    void snapshotIdsFollowTheContent();
};

void TestInventoryFileReader::readsDeltas() {
    const InventoryFile file =
        InventoryFileReader::readBytes("\xEF\xBB\xBF"
                                       "Event_ID,location_id,sku,delta,reason,occurred_at\r\n"
                                       "e1,DC-1,SKU-1,-3,\"sale, till 4\",2026-03-01T10:00:00+02:00\r\n"
                                       "\r\n"
                                       "e2, DC-1 ,SKU-2,+7,receipt\r\n",
                                       u"d.csv"_s);
    QVERIFY(file.errors.isEmpty());
    QVERIFY(!file.hasSnapshots);
    QCOMPARE(file.events.size(), 2);
    const InventoryEvent& first = file.events.at(0);
    QCOMPARE(first.eventId, u"e1"_s);
    QCOMPARE(first.kind, InventoryEventKind::Delta);
    QCOMPARE(first.quantity, -3);
    QCOMPARE(first.reason, u"sale, till 4"_s);
    QCOMPARE(first.occurredAt, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    QCOMPARE(first.line, 2);
    const InventoryEvent& second = file.events.at(1);
    QCOMPARE(second.locationCode, u"DC-1"_s);
    QCOMPARE(second.quantity, 7);
    QVERIFY(!second.occurredAt.isValid());
    QCOMPARE(second.line, 4);
}

void TestInventoryFileReader::readsSnapshots() {
    const InventoryFile file = InventoryFileReader::readBytes(
        "location_id,sku,on_hand,safety_stock\nDC-1,SKU-1,12,2\nDC-1,SKU-2,0,\n", u"s.csv"_s);
    QVERIFY(file.errors.isEmpty());
    QVERIFY(file.hasSnapshots);
    QCOMPARE(file.events.size(), 2);
    QCOMPARE(file.events.at(0).kind, InventoryEventKind::Snapshot);
    QCOMPARE(file.events.at(0).quantity, 12);
    QCOMPARE(file.events.at(0).safetyStock, std::optional<qint64>(2));
    QVERIFY(!file.events.at(1).safetyStock.has_value());
    QVERIFY(file.events.at(0).eventId.startsWith(u"snap:"_s));
    QVERIFY(file.events.at(0).eventId != file.events.at(1).eventId);
}

void TestInventoryFileReader::readsJsonLines() {
    const InventoryFile file = InventoryFileReader::readBytes(
        R"({"type":"delta","event_id":"j1","location_id":"DC-1","sku":"SKU-1","delta":-2})"
        "\n"
        R"({"type":"snapshot","event_id":"count-7","location_id":"DC-1","sku":"SKU-1","on_hand":5})"
        "\n"
        R"({"type":"delta","event_id":"j2","location_id":"DC-1","sku":"SKU-1","delta":1.5})"
        "\n"
        R"({"type":"refund","event_id":"j3"})"
        "\n"
        "not json\n",
        u"e.jsonl"_s);
    QCOMPARE(file.events.size(), 2);
    QCOMPARE(file.events.at(0).quantity, -2);
    QCOMPARE(file.events.at(1).eventId, u"count-7"_s); // a given id is kept
    QCOMPARE(file.errors.size(), 3);
    QCOMPARE(file.errors.at(0).line, 3);
    QCOMPARE(file.errors.at(0).message, u"delta '1.5' is not a whole number"_s);
    QCOMPARE(file.errors.at(1).line, 4);
    QCOMPARE(file.errors.at(1).message, u"type must be \"delta\" or \"snapshot\", not \"refund\""_s);
    QCOMPARE(file.errors.at(2).line, 5);
    QVERIFY(file.errors.at(2).message.startsWith(u"not a JSON object"_s));
}

void TestInventoryFileReader::badRows_data() {
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no event id") << QByteArray(",DC-1,SKU-1,1,x") << u"event_id is empty"_s;
    QTest::newRow("no location") << QByteArray("e,,SKU-1,1,x") << u"location_id is empty"_s;
    QTest::newRow("not a number") << QByteArray("e,DC-1,SKU-1,ten,x")
                                  << u"delta 'ten' is not a whole number"_s;
    QTest::newRow("too many fields") << QByteArray("e,DC-1,SKU-1,1,x,2026-01-01,extra")
                                     << u"the row has 7 fields where the header has 6"_s;
    QTest::newRow("local time") << QByteArray("e,DC-1,SKU-1,1,x,2026-01-01T10:00:00") << u"occurred_at"_s;
}

void TestInventoryFileReader::badRows() {
    QFETCH(QByteArray, row);
    QFETCH(QString, reason);
    const InventoryFile file = InventoryFileReader::readBytes(
        "event_id,location_id,sku,delta,reason,occurred_at\ngood,DC-1,SKU-1,1,x\n" + row + "\n", u"b.csv"_s);
    QCOMPARE(file.events.size(), 1);
    QCOMPARE(file.errors.size(), 1);
    QCOMPARE(file.errors.first().file, u"b.csv"_s);
    QCOMPARE(file.errors.first().line, 3);
    QVERIFY2(file.errors.first().message.startsWith(reason), qPrintable(file.errors.first().message));
}

void TestInventoryFileReader::refusesWholeFile_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown header") << QByteArray("sku,name\nA,B\n")
                                    << u"line 1: the header row is neither"_s;
    QTest::newRow("delta without event_id") << QByteArray("location_id,sku,delta\nA,B,1\n") << u"neither"_s;
    QTest::newRow("repeated column") << QByteArray("location_id,sku,on_hand,sku\n") << u"twice"_s;
    QTest::newRow("latin-1 csv") << QByteArray("location_id,sku,on_hand\nA,CAF\xC9,1\n") << u"line 2"_s;
    QTest::newRow("utf-16") << QByteArray("\xFF\xFEl\0o\0", 6) << u"UTF-16"_s;
    QTest::newRow("latin-1 json") << QByteArray("{\"type\":\"delta\"}\n{\"sku\":\"CAF\xC9\"}\n")
                                  << u"line 2: the file is not UTF-8"_s;
    QTest::newRow("json first line not an object")
        << QByteArray("{oops\n") << u"neither inventory CSV nor JSON"_s;
}

void TestInventoryFileReader::refusesWholeFile() {
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    try {
        InventoryFileReader::readBytes(content, u"x.csv"_s);
        QFAIL("the file was read");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QVERIFY2(e.message().contains(reason), qPrintable(e.message()));
        QVERIFY2(e.message().startsWith(u"x.csv"_s), qPrintable(e.message()));
    }
}

void TestInventoryFileReader::snapshotIdsFollowTheContent() {
    const QByteArray a = "location_id,sku,on_hand\nDC-1,SKU-1,5\nDC-1,SKU-2,1\n";
    const QByteArray b = "location_id,sku,on_hand\nDC-1,SKU-1,5\nDC-1,SKU-2,2\n";
    const QString idA = InventoryFileReader::readBytes(a, u"a"_s).events.first().eventId;
    // The same file again (even under another name): the same ids, so a replay is a duplicate.
    QCOMPARE(InventoryFileReader::readBytes(a, u"again"_s).events.first().eventId, idA);
    // Another count with the same figure for SKU-1 is a new event.
    QVERIFY(InventoryFileReader::readBytes(b, u"b"_s).events.first().eventId != idA);
    QCOMPARE(idA.size(), 5 + 40);
}

QTEST_GUILESS_MAIN(TestInventoryFileReader)
#include "tst_inventoryfilereader.moc"
