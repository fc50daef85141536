// SkuTagsCsv (core/formats/SkuTagsCsv.h): a file of SKU tags read without a database: each SKU with its
// parsed tags, and every bad line (unknown SKU, an SKU twice, a malformed tag) named in file order.
#include "Error.h"
#include "formats/SkuTagsCsv.h"

#include <QBuffer>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestSkuTagsCsv : public QObject {
    Q_OBJECT

private slots:
    void readsEachSkuWithItsTags();
    void listsEveryBadLineInFileOrder();
    void refusesAHeaderWithoutItsColumns();

private:
    static SkuTagsFile read(const QByteArray& csv);
};

SkuTagsFile TestSkuTagsCsv::read(const QByteArray& csv) {
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    const QSet<QString> catalogue = {u"SKU-1"_s, u"SKU-2"_s, u"SKU-3"_s};
    return SkuTagsCsv::read(buffer, u"tags.csv"_s,
                            [&](const QString& sku) { return catalogue.contains(sku); });
}

void TestSkuTagsCsv::readsEachSkuWithItsTags() {
    const SkuTagsFile file = read("Tags,SKU\n\"Hazmat; fragile\",SKU-1\n,SKU-2\n");
    QVERIFY2(file.errors.isEmpty(), qPrintable(file.errors.join(u'\n')));
    QCOMPARE(file.lists.size(), 2);
    QCOMPARE(file.lists[0].skuCode, u"SKU-1"_s);
    QCOMPARE(file.lists[0].tags, (QStringList{u"fragile"_s, u"hazmat"_s}));
    QCOMPARE(file.lists[1].skuCode, u"SKU-2"_s);
    QVERIFY(file.lists[1].tags.isEmpty()); // an empty field removes the SKU's tags
}

void TestSkuTagsCsv::listsEveryBadLineInFileOrder() {
    const SkuTagsFile file = read("sku,tags\nSKU-1,cold\nSKU-9,cold\nSKU-1,hot\nSKU-3,ha!zmat\nSKU-2\n");
    QCOMPARE(file.lists.size(), 1);
    QCOMPARE(
        file.errors,
        (QStringList{
            u"line 3: SKU 'SKU-9' is not in the catalogue"_s, u"line 4: SKU SKU-1 is already on line 2"_s,
            u"line 5: 'ha!zmat' is not a tag (letters, digits, '-' and '_', at most 40 characters)"_s,
            u"line 6: 1 fields, the header has 2"_s}));
}

void TestSkuTagsCsv::refusesAHeaderWithoutItsColumns() {
    try {
        read("sku,labels\nSKU-1,cold\n");
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QCOMPARE(e.message(), u"tags.csv: line 1: the header must name the columns sku and tags"_s);
    }
}

QTEST_GUILESS_MAIN(TestSkuTagsCsv)
#include "tst_skutagscsv.moc"
