// SkuCrossReferenceCsv (core/formats/SkuCrossReferenceCsv.h): a cross-reference file read without a database:
// rows normalised by SkuXrefEntry's key, each mapping once, and every bad line named in file order.
#include "Error.h"
#include "formats/SkuCrossReferenceCsv.h"

#include <QBuffer>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestSkuCrossReferenceCsv : public QObject {
    Q_OBJECT

private slots:
    void readsNormalisedRowsInAnyColumnOrder();
    void listsEveryBadLineInFileOrder();
    void refusesAHeaderWithoutItsColumns();

private:
    static SkuXrefFile read(const QByteArray& csv);
};

SkuXrefFile TestSkuCrossReferenceCsv::read(const QByteArray& csv) {
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    const QSet<QString> catalogue = {u"SKU-1"_s, u"SKU-2"_s};
    return SkuCrossReferenceCsv::read(buffer, u"xref.csv"_s,
                                      [&](const QString& sku) { return catalogue.contains(sku); });
}

void TestSkuCrossReferenceCsv::readsNormalisedRowsInAnyColumnOrder() {
    const SkuXrefFile file = read("SKU,Part_Number,partner,qualifier,note\n"
                                  "SKU-1, 012345678905 ,ACME,up,x\n"
                                  "SKU-1,12345678905,ACME,UP,same mapping again\n"
                                  "SKU-2,B-7,*,bp,\n");
    QVERIFY2(file.errors.isEmpty(), qPrintable(file.errors.join(u'\n')));
    QCOMPARE(file.entries, (QList<SkuXrefEntry>{{u"ACME"_s, u"UP"_s, u"12345678905"_s, u"SKU-1"_s},
                                                {u"*"_s, u"BP"_s, u"B-7"_s, u"SKU-2"_s}}));
}

void TestSkuCrossReferenceCsv::listsEveryBadLineInFileOrder() {
    const SkuXrefFile file = read("partner,qualifier,part_number,sku\n"
                                  "ACME,BP,A-1,SKU-1\n"
                                  "ACME,BP,,SKU-1\n"
                                  "ACME,BP,A-2,SKU-9\n"
                                  "ACME,bp,A-1,SKU-2\n"
                                  "ACME,BP\n");
    QCOMPARE(file.entries.size(), 1);
    QCOMPARE(file.errors,
             (QStringList{u"line 3: part_number is empty"_s, u"line 4: SKU 'SKU-9' is not in the catalogue"_s,
                          u"line 5: BP 'A-1' of partner ACME is mapped to SKU-1 on line 2 and to "
                          "SKU-2 here"_s,
                          u"line 6: 2 fields, the header has 4"_s}));
}

void TestSkuCrossReferenceCsv::refusesAHeaderWithoutItsColumns() {
    try {
        read("partner,part_number\nACME,A-1\n");
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QCOMPARE(e.message(), u"xref.csv: line 1: the header lacks qualifier, sku; expected "
                              "partner,qualifier,part_number,sku"_s);
    }
}

QTEST_GUILESS_MAIN(TestSkuCrossReferenceCsv)
#include "tst_skucrossreferencecsv.moc"
