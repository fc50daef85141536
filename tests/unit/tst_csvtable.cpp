// CsvTable (core/formats/CsvTable.h): a CSV file whose header names its columns, as the SKU tag and
// cross-reference imports read it.
#include "Error.h"
#include "formats/CsvTable.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestCsvTable : public QObject {
    Q_OBJECT

private slots:
    void columnsAreFoundByNameInAnyOrderAndCase();
    void rowsKeepTheirLinesAndNameAWrongFieldCount_data();
    void rowsKeepTheirLinesAndNameAWrongFieldCount();
    void anEmptyFileIsRefused();
};

void TestCsvTable::columnsAreFoundByNameInAnyOrderAndCase() {
    QBuffer buffer;
    buffer.setData(" Tags ,SKU,extra\n"_ba);
    buffer.open(QIODevice::ReadOnly);
    CsvTable table(buffer, u"tags.csv"_s);
    QCOMPARE(table.headerLine(), 1);
    QCOMPARE(table.column(u"sku"_s), 1);
    QCOMPARE(table.column(u"tags"_s), 0);
    QCOMPARE(table.column(u"extra"_s), 2);
    QCOMPARE(table.column(u"partner"_s), -1);
    QCOMPARE(table.missing({u"partner"_s, u"sku"_s, u"qualifier"_s}),
             (QStringList{u"partner"_s, u"qualifier"_s}));
    QVERIFY(table.missing({u"sku"_s, u"tags"_s}).isEmpty());
    CsvTableRow row;
    QVERIFY(!table.next(row));
}

void TestCsvTable::rowsKeepTheirLinesAndNameAWrongFieldCount_data() {
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<QStringList>("problems"); // one per row, empty for a row that can be used
    QTest::addColumn<QList<QStringList>>("fields");

    QTest::newRow("good rows") << "sku,tags\nA,x y\nB,z\n"_ba << QList<int>{2, 3}
                               << QStringList{QString(), QString()}
                               << QList<QStringList>{{u"A"_s, u"x y"_s}, {u"B"_s, u"z"_s}};
    QTest::newRow("short and long rows between good ones, blank lines skipped")
        << "sku,tags\n\nA\nB,z\nC,1,2\n"_ba << QList<int>{3, 4, 5}
        << QStringList{u"line 3: 1 fields, the header has 2"_s, QString(),
                       u"line 5: 3 fields, the header has 2"_s}
        << QList<QStringList>{{u"A"_s}, {u"B"_s, u"z"_s}, {u"C"_s, u"1"_s, u"2"_s}};
    QTest::newRow("a quoted field over two lines")
        << "sku,tags\n\"A\nB\",x\nC,y\n"_ba << QList<int>{2, 4} << QStringList{QString(), QString()}
        << QList<QStringList>{{u"A\nB"_s, u"x"_s}, {u"C"_s, u"y"_s}};
}

void TestCsvTable::rowsKeepTheirLinesAndNameAWrongFieldCount() {
    QFETCH(QByteArray, csv);
    QFETCH(QList<int>, lines);
    QFETCH(QStringList, problems);
    QFETCH(QList<QStringList>, fields);
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    CsvTable table(buffer, u"tags.csv"_s);
    QList<int> readLines;
    QStringList readProblems;
    QList<QStringList> readFields;
    CsvTableRow row;
    while (table.next(row)) {
        readLines << row.line;
        readProblems << row.problem;
        readFields << row.fields;
    }
    QCOMPARE(readLines, lines);
    QCOMPARE(readProblems, problems);
    QCOMPARE(readFields, fields);
}

void TestCsvTable::anEmptyFileIsRefused() {
    QBuffer buffer;
    buffer.setData("\n\n"_ba);
    buffer.open(QIODevice::ReadOnly);
    try {
        CsvTable table(buffer, u"empty.csv"_s);
        QFAIL("an empty file was read");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QCOMPARE(e.message(), u"empty.csv: the file is empty"_s);
    }
}

QTEST_GUILESS_MAIN(TestCsvTable)
#include "tst_csvtable.moc"
