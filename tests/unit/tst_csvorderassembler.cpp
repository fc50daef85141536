// CsvOrderAssembler hands orders over as soon as they are complete, in the order of their first row, so that
// an orders file is captured while it is read rather than held whole in memory.
#include "formats/CsvFileKind.h"
#include "formats/CsvOrderAssembler.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

const QStringList header = {
    u"order_id"_s,           u"channel"_s, u"ordered_at"_s,  u"customer_email"_s, u"ship_name"_s,
    u"address1"_s,           u"city"_s,    u"postal_code"_s, u"country"_s,        u"delivery"_s,
    u"pickup_location_id"_s, u"sku"_s,     u"quantity"_s,    u"unit_price"_s,     u"currency"_s};

CsvRecord row(const QString& orderId, const QString& sku, int line) {
    return {{orderId, u"web"_s, u"2024-05-31T14:05:00Z"_s, u"a@example.com"_s, u"Ana"_s, u"1 Main St"_s,
             u"Reno"_s, u"89501"_s, u"US"_s, u"ship"_s, QString(), sku, u"1"_s, u"1.00"_s, u"USD"_s},
            line};
}

QStringList numbers(const QList<CsvOrderAssembler::Assembled>& orders) {
    QStringList out;
    for (const CsvOrderAssembler::Assembled& a : orders)
        out << a.order.orderNumber + u':' + QString::number(a.order.lines.size());
    return out;
}

} // namespace

class TestCsvOrderAssembler : public QObject {
    Q_OBJECT
private slots:
    void takesOrdersAsTheyComplete();
};

void TestCsvOrderAssembler::takesOrdersAsTheyComplete() {
    CsvOrderAssembler assembler(CsvFileKind::recognise(header), u"o.csv"_s);
    // A: lines 2 and 5; B: line 3; C: line 4.
    assembler.add(row(u"A"_s, u"S-1"_s, 2));
    QVERIFY(assembler.take().isEmpty()); // A goes on later
    assembler.add(row(u"B"_s, u"S-2"_s, 3));
    assembler.finish(u"B"_s);
    QVERIFY(assembler.take().isEmpty()); // B is complete but A, before it, is not
    assembler.add(row(u"C"_s, u"S-3"_s, 4));
    assembler.add(row(u"A"_s, u"S-4"_s, 5));
    assembler.finish(u"A"_s);
    QCOMPARE(numbers(assembler.take()), (QStringList{u"A:2"_s, u"B:1"_s}));
    QCOMPARE(numbers(assembler.orders()), QStringList{u"C:1"_s}); // not finished: kept
    assembler.add(row(u"D"_s, u"S-5"_s, 6));
    assembler.finish(u"D"_s);
    QVERIFY(assembler.take().isEmpty());
    QCOMPARE(numbers(assembler.take(true)), (QStringList{u"C:1"_s, u"D:1"_s}));
    QVERIFY(assembler.orders().isEmpty());
    QVERIFY(assembler.errors().isEmpty());
    // A row of a finished order that comes back (the file changed between passes) starts an order again
    // rather than touching one already handed over.
    assembler.add(row(u"A"_s, u"S-6"_s, 7));
    QCOMPARE(numbers(assembler.take(true)), QStringList{u"A:1"_s});
}

QTEST_GUILESS_MAIN(TestCsvOrderAssembler)
#include "tst_csvorderassembler.moc"
