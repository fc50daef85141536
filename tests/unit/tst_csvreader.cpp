#include "Error.h"
#include "formats/CsvReader.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;

using Records = QList<QStringList>;
using Lines = QList<int>;

namespace {

struct Parsed {
    Records records;
    Lines lines;
};

Parsed readAll(const QByteArray& bytes) {
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    ordo::CsvReader reader(buffer, u"test.csv"_s);
    Parsed parsed;
    ordo::CsvRecord record;
    while (reader.next(record)) {
        parsed.records << record.fields;
        parsed.lines << record.line;
    }
    return parsed;
}

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void utf8AcrossChunks();
    void crlfAcrossChunks();
    void stopsAtTheByteLimit();
    void staysAtEndAfterError();
};

void TestCsvReader::parses_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Records>("records");
    QTest::addColumn<Lines>("lines");

    QTest::newRow("plain LF") << "a,b,c\n1,2,3\n"_ba
                              << Records{{u"a"_s, u"b"_s, u"c"_s}, {u"1"_s, u"2"_s, u"3"_s}} << Lines{1, 2};
    QTest::newRow("CRLF") << "a,b\r\n1,2\r\n"_ba << Records{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}}
                          << Lines{1, 2};
    QTest::newRow("CR only") << "a,b\r1,2\r"_ba << Records{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}} << Lines{1, 2};
    QTest::newRow("no final line break")
        << "a,b\n1,2"_ba << Records{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}} << Lines{1, 2};
    QTest::newRow("empty fields") << "a,,c\n,,\n"_ba
                                  << Records{{u"a"_s, QString(), u"c"_s}, {QString(), QString(), QString()}}
                                  << Lines{1, 2};
    QTest::newRow("trailing separator") << "a,b,\n"_ba << Records{{u"a"_s, u"b"_s, QString()}} << Lines{1};
    QTest::newRow("quoted comma") << "\"Smith, Ana\",2\n"_ba << Records{{u"Smith, Ana"_s, u"2"_s}}
                                  << Lines{1};
    QTest::newRow("doubled quotes") << "\"say \"\"hi\"\"\",x\n"_ba << Records{{u"say \"hi\""_s, u"x"_s}}
                                    << Lines{1};
    QTest::newRow("empty quoted") << "\"\",\"\"\n"_ba << Records{{QString(), QString()}} << Lines{1};
    QTest::newRow("embedded LF") << "id,addr\n1,\"12 Main St\nApt 4\"\n2,x\n"_ba
                                 << Records{{u"id"_s, u"addr"_s},
                                            {u"1"_s, u"12 Main St\nApt 4"_s},
                                            {u"2"_s, u"x"_s}}
                                 << Lines{1, 2, 4};
    QTest::newRow("embedded CRLF becomes LF")
        << "1,\"a\r\nb\r\nc\"\r\n2,y\r\n"_ba << Records{{u"1"_s, u"a\nb\nc"_s}, {u"2"_s, u"y"_s}}
        << Lines{1, 4};
    QTest::newRow("quoted last field at end") << "a,\"b\""_ba << Records{{u"a"_s, u"b"_s}} << Lines{1};
    QTest::newRow("blank lines skipped") << "a\n\n\r\nb\n\n"_ba << Records{{u"a"_s}, {u"b"_s}} << Lines{1, 4};
    QTest::newRow("UTF-8 BOM") << "\xEF\xBB\xBFsku,name\nA1,Caf\xC3\xA9\n"_ba
                               << Records{{u"sku"_s, u"name"_s}, {u"A1"_s, u"Café"_s}} << Lines{1, 2};
    QTest::newRow("multibyte") << "\xE2\x82\xAC,\xF0\x9F\x93\xA6\n"_ba << Records{{u"€"_s, u"📦"_s}}
                               << Lines{1};
    QTest::newRow("quote inside unquoted kept")
        << "5\" pipe,x\n"_ba << Records{{u"5\" pipe"_s, u"x"_s}} << Lines{1};
    QTest::newRow("spaces kept") << " a , b \n"_ba << Records{{u" a "_s, u" b "_s}} << Lines{1};
    QTest::newRow("empty input") << QByteArray() << Records{} << Lines{};
    QTest::newRow("only a BOM") << "\xEF\xBB\xBF"_ba << Records{} << Lines{};
}

void TestCsvReader::parses() {
    QFETCH(QByteArray, input);
    QFETCH(Records, records);
    QFETCH(Lines, lines);
    const Parsed parsed = readAll(input);
    QCOMPARE(parsed.records, records);
    QCOMPARE(parsed.lines, lines);
}

void TestCsvReader::refuses_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reason");

    QTest::newRow("NUL byte") << "a,b\n1,2\n3,\x00"_ba << 3 << u"NUL byte"_s;
    QTest::newRow("UTF-16 with BOM") << "\xFF\xFE"
                                        "a\x00,\x00"_ba
                                     << 1 << u"UTF-16"_s;
    QTest::newRow("UTF-16 without BOM") << QByteArray("a\0,\0b\0\n\0", 8) << 1 << u"NUL byte"_s;
    QTest::newRow("Latin-1") << "name,city\nAna,M\xFCnchen\n"_ba << 2 << u"not UTF-8"_s;
    QTest::newRow("Windows-1252 quote") << "a\nb\n\x93quoted\x94\n"_ba << 3 << u"0x93"_s;
    QTest::newRow("overlong encoding") << "x\n\xC0\xAF\n"_ba << 2 << u"not UTF-8"_s;
    QTest::newRow("surrogate") << "\xED\xA0\x80\n"_ba << 1 << u"not UTF-8"_s;
    QTest::newRow("truncated character at end") << "a,\xE2\x82"_ba << 1 << u"middle of a UTF-8 character"_s;
    QTest::newRow("truncated in quoted field")
        << "id,note\n1,ok\n2,\"starts here\nand never ends\n"_ba << 3 << u"starts on line 3"_s;
    QTest::newRow("text after closing quote")
        << "a,b\n\"x\"y,z\n"_ba << 2 << u"after the closing quote of field 1"_s;
    QTest::newRow("error line after embedded newline")
        << "\"a\nb\nc\",1\n\"d\"e\n"_ba << 4 << u"after the closing quote"_s;
    // A quote never closed in a large file would gather the rest of the file into one field: refused at a
    // mebibyte of characters, on the line where the field starts.
    QTest::newRow("quoted field past the longest") << "id,note\n1,\"open\n"_ba + QByteArray(1024 * 1024, 'x')
                                                   << 2 << u"field 2 is longer than 1048576"_s;
    QTest::newRow("unquoted field past the longest")
        << "id,note\n1,"_ba + QByteArray(1024 * 1024 + 1, 'x') << 2 << u"field 2 is longer than 1048576"_s;
    QTest::newRow("record of too many fields")
        << "a\n"_ba + QByteArray(10000, ',') << 2 << u"more than 10000 fields"_s;
}

void TestCsvReader::refuses() {
    QFETCH(QByteArray, input);
    QFETCH(int, line);
    QFETCH(QString, reason);
    QBuffer buffer;
    buffer.setData(input);
    buffer.open(QIODevice::ReadOnly);
    ordo::CsvReader reader(buffer, u"broken.csv"_s);
    ordo::CsvRecord record;
    try {
        while (reader.next(record)) {
        }
        QFAIL("no error was reported");
    } catch (const ordo::Error& e) {
        QCOMPARE(e.kind(), ordo::Error::Kind::Input);
        QCOMPARE(reader.errorLine(), line);
        QVERIFY2(reader.errorReason().contains(reason), qPrintable(reader.errorReason()));
        QVERIFY2(e.message().startsWith(u"broken.csv line %1: "_s.arg(line)), qPrintable(e.message()));
    }
}

// The reader works in chunks of 256 KiB; a character split between two chunks must come out whole.
void TestCsvReader::utf8AcrossChunks() {
    constexpr int chunk = 256 * 1024;
    QByteArray input = "\"" + QByteArray(chunk - 2, 'a') + "\xE2\x82\xAC\",2\nnext,\xC3\xA9\n";
    QCOMPARE(input.mid(chunk - 1, 3), "\xE2\x82\xAC"_ba); // the euro sign straddles the boundary
    const Parsed parsed = readAll(input);
    QCOMPARE(parsed.records.size(), 2);
    QCOMPARE(parsed.records.at(0).at(0), QString(chunk - 2, u'a') + u"€"_s);
    QCOMPARE(parsed.records.at(1), (QStringList{u"next"_s, u"é"_s}));
    QCOMPARE(parsed.lines, (Lines{1, 2}));
}

void TestCsvReader::crlfAcrossChunks() {
    constexpr int chunk = 256 * 1024;
    QByteArray input = QByteArray(chunk - 1, 'b') + "\r\nc,d\r\n";
    QCOMPARE(input.at(chunk - 1), '\r');
    const Parsed parsed = readAll(input);
    QCOMPARE(parsed.records.size(), 2);
    QCOMPARE(parsed.records.at(1), (QStringList{u"c"_s, u"d"_s}));
    QCOMPARE(parsed.lines, (Lines{1, 2}));
    // Many records over several chunks keep their line numbers.
    QByteArray many;
    for (int i = 1; i <= 60000; ++i)
        many += "row" + QByteArray::number(i) + ",\"x\r\ny\",z\r\n";
    const Parsed all = readAll(many);
    QCOMPARE(all.records.size(), 60000);
    QCOMPARE(all.lines.last(), 2 * 60000 - 1);
    QCOMPARE(all.records.last(), (QStringList{u"row60000"_s, u"x\ny"_s, u"z"_s}));
}

// A device that never ends (/dev/zero, a FIFO) is read up to the limit set, and no further.
void TestCsvReader::stopsAtTheByteLimit() {
    QByteArray many;
    for (int i = 1; i <= 60000; ++i)
        many += "row" + QByteArray::number(i) + ",x\n";
    QBuffer buffer;
    buffer.setData(many);
    buffer.open(QIODevice::ReadOnly);
    ordo::CsvReader reader(buffer, u"big.csv"_s);
    reader.setByteLimit(300 * 1024, u"the file gives more than 300 KiB"_s);
    ordo::CsvRecord record;
    int records = 0;
    try {
        while (reader.next(record))
            ++records;
        QFAIL("the limit was not kept");
    } catch (const ordo::Error& e) {
        QVERIFY2(e.message().contains(u"the file gives more than 300 KiB"_s), qPrintable(e.message()));
    }
    QVERIFY(records > 0 && records < 60000);
    QCOMPARE(buffer.pos(), qint64(2 * 256 * 1024)); // two chunks read, the second one past the limit

    buffer.seek(0);
    ordo::CsvReader whole(buffer, u"big.csv"_s);
    whole.setByteLimit(many.size(), u"the file gives more than its size"_s);
    records = 0;
    while (whole.next(record))
        ++records;
    QCOMPARE(records, 60000); // a file of exactly the limit is read
}

void TestCsvReader::staysAtEndAfterError() {
    QBuffer buffer;
    buffer.setData("a\n\"open\n"_ba);
    buffer.open(QIODevice::ReadOnly);
    ordo::CsvReader reader(buffer, u"x.csv"_s);
    ordo::CsvRecord record;
    QVERIFY(reader.next(record));
    QVERIFY_THROWS_EXCEPTION(ordo::Error, reader.next(record));
    QVERIFY(!reader.next(record));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
