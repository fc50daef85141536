#include "model/Money.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using ordo::Money;

class tst_Money : public QObject {
    Q_OBJECT

private slots:
    void minorDigits_data();
    void minorDigits();
    void parseMinor_data();
    void parseMinor();
    void toDecimalString_data();
    void toDecimalString();
    void roundTrip_data();
    void roundTrip();
    void toStringAppendsCurrency();
    void isCurrencyCode_data();
    void isCurrencyCode();
    void checkedArithmetic_data();
    void checkedArithmetic();
    void ceilingText();
};

void tst_Money::minorDigits_data() {
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("digits");
    QTest::newRow("USD") << u"USD"_s << 2;
    QTest::newRow("EUR") << u"EUR"_s << 2;
    QTest::newRow("JPY") << u"JPY"_s << 0;
    QTest::newRow("KRW") << u"KRW"_s << 0;
    QTest::newRow("KWD") << u"KWD"_s << 3;
    QTest::newRow("BHD") << u"BHD"_s << 3;
    QTest::newRow("unknown code") << u"XYZ"_s << 2;
}

void tst_Money::minorDigits() {
    QFETCH(QString, currency);
    QFETCH(int, digits);
    QCOMPARE(Money::minorDigits(currency), digits);
}

void tst_Money::parseMinor_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("minor");

    QTest::newRow("cents") << u"409.94"_s << u"USD"_s << true << qint64(40994);
    QTest::newRow("whole") << u"12"_s << u"USD"_s << true << qint64(1200);
    QTest::newRow("one fraction digit") << u"12.5"_s << u"EUR"_s << true << qint64(1250);
    QTest::newRow("zero") << u"0"_s << u"USD"_s << true << qint64(0);
    QTest::newRow("zero cents") << u"0.00"_s << u"USD"_s << true << qint64(0);
    QTest::newRow("one cent") << u"0.01"_s << u"USD"_s << true << qint64(1);
    QTest::newRow("leading dot") << u".5"_s << u"USD"_s << true << qint64(50);
    QTest::newRow("negative") << u"-3"_s << u"USD"_s << true << qint64(-300);
    QTest::newRow("negative cents") << u"-0.07"_s << u"USD"_s << true << qint64(-7);
    QTest::newRow("plus sign") << u"+5.10"_s << u"USD"_s << true << qint64(510);
    QTest::newRow("surrounding spaces") << u"  12.30 "_s << u"USD"_s << true << qint64(1230);
    QTest::newRow("leading zeros") << u"007.10"_s << u"USD"_s << true << qint64(710);
    QTest::newRow("JPY whole") << u"1500"_s << u"JPY"_s << true << qint64(1500);
    QTest::newRow("JPY fraction refused") << u"1500.5"_s << u"JPY"_s << false << qint64(0);
    QTest::newRow("KWD three digits") << u"1.234"_s << u"KWD"_s << true << qint64(1234);
    QTest::newRow("KWD one digit") << u"0.5"_s << u"KWD"_s << true << qint64(500);
    QTest::newRow("KWD four digits refused") << u"1.2345"_s << u"KWD"_s << false << qint64(0);
    QTest::newRow("USD three digits refused") << u"1.005"_s << u"USD"_s << false << qint64(0);
    QTest::newRow("largest") << u"92233720368547758.07"_s << u"USD"_s << true
                             << std::numeric_limits<qint64>::max();
    QTest::newRow("largest negative")
        << u"-92233720368547758.07"_s << u"USD"_s << true << -std::numeric_limits<qint64>::max();
    QTest::newRow("overflow by one") << u"92233720368547758.08"_s << u"USD"_s << false << qint64(0);
    QTest::newRow("overflow JPY") << u"9223372036854775808"_s << u"JPY"_s << false << qint64(0);
    QTest::newRow("overflow long") << u"123456789012345678901234567890"_s << u"USD"_s << false << qint64(0);
    QTest::newRow("overflow by scaling") << u"922337203685477581"_s << u"USD"_s << false << qint64(0);
    QTest::newRow("empty") << QString() << u"USD"_s << false << qint64(0);
    QTest::newRow("blank") << u"   "_s << u"USD"_s << false << qint64(0);
    QTest::newRow("sign only") << u"-"_s << u"USD"_s << false << qint64(0);
    QTest::newRow("dot only") << u"."_s << u"USD"_s << false << qint64(0);
    QTest::newRow("double sign") << u"--5"_s << u"USD"_s << false << qint64(0);
    QTest::newRow("thousands separator") << u"1,000.00"_s << u"USD"_s << false << qint64(0);
    QTest::newRow("decimal comma") << u"12,50"_s << u"EUR"_s << false << qint64(0);
    QTest::newRow("exponent") << u"1e3"_s << u"USD"_s << false << qint64(0);
    QTest::newRow("two dots") << u"1.2.3"_s << u"KWD"_s << false << qint64(0);
    QTest::newRow("letters") << u"abc"_s << u"USD"_s << false << qint64(0);
    QTest::newRow("currency symbol") << u"$5"_s << u"USD"_s << false << qint64(0);
    QTest::newRow("inner space") << u"1 000"_s << u"USD"_s << false << qint64(0);
    QTest::newRow("arabic-indic digits") << u"\u0661\u0662"_s << u"USD"_s << false << qint64(0);
}

void tst_Money::parseMinor() {
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(bool, valid);
    QFETCH(qint64, minor);

    const std::optional<qint64> parsed = Money::parseMinor(text, currency);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, minor);
}

void tst_Money::toDecimalString_data() {
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");

    QTest::newRow("USD") << qint64(40994) << u"USD"_s << u"409.94"_s;
    QTest::newRow("USD zero") << qint64(0) << u"USD"_s << u"0.00"_s;
    QTest::newRow("USD one cent") << qint64(1) << u"USD"_s << u"0.01"_s;
    QTest::newRow("USD negative cents") << qint64(-5) << u"USD"_s << u"-0.05"_s;
    QTest::newRow("USD negative") << qint64(-12345) << u"USD"_s << u"-123.45"_s;
    QTest::newRow("JPY") << qint64(1500) << u"JPY"_s << u"1500"_s;
    QTest::newRow("JPY negative") << qint64(-7) << u"JPY"_s << u"-7"_s;
    QTest::newRow("KWD") << qint64(1234) << u"KWD"_s << u"1.234"_s;
    QTest::newRow("KWD small") << qint64(5) << u"KWD"_s << u"0.005"_s;
    QTest::newRow("KWD negative") << qint64(-1) << u"KWD"_s << u"-0.001"_s;
    QTest::newRow("largest") << std::numeric_limits<qint64>::max() << u"USD"_s << u"92233720368547758.07"_s;
    QTest::newRow("most negative") << std::numeric_limits<qint64>::min() << u"USD"_s
                                   << u"-92233720368547758.08"_s;
    QTest::newRow("most negative JPY")
        << std::numeric_limits<qint64>::min() << u"JPY"_s << u"-9223372036854775808"_s;
}

void tst_Money::toDecimalString() {
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    QCOMPARE((Money{minor, currency}.toDecimalString()), text);
}

void tst_Money::roundTrip_data() {
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    for (const QString& currency : {u"USD"_s, u"JPY"_s, u"KWD"_s}) {
        for (qint64 minor : {qint64(0), qint64(1), qint64(-1), qint64(99), qint64(100), qint64(-100001),
                             qint64(123456789), std::numeric_limits<qint64>::max()}) {
            const QByteArray tag = currency.toLatin1() + ' ' + QByteArray::number(minor);
            QTest::newRow(tag.constData()) << minor << currency;
        }
    }
}

void tst_Money::roundTrip() {
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    const QString text = Money{minor, currency}.toDecimalString();
    const std::optional<qint64> parsed = Money::parseMinor(text, currency);
    QVERIFY2(parsed.has_value(), qPrintable(text));
    QCOMPARE(*parsed, minor);
}

void tst_Money::toStringAppendsCurrency() {
    QCOMPARE((Money{40994, u"USD"_s}.toString()), u"409.94 USD"_s);
    QCOMPARE((Money{1500, u"JPY"_s}.toString()), u"1500 JPY"_s);
    QCOMPARE((Money{-1234, u"KWD"_s}.toString()), u"-1.234 KWD"_s);
    QVERIFY((Money{100, u"USD"_s} == Money{100, u"USD"_s}));
    QVERIFY((Money{100, u"USD"_s} != Money{100, u"EUR"_s}));
}

void tst_Money::isCurrencyCode_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("valid");
    QTest::newRow("USD") << u"USD"_s << true;
    QTest::newRow("KWD") << u"KWD"_s << true;
    QTest::newRow("lower case") << u"usd"_s << false;
    QTest::newRow("two letters") << u"US"_s << false;
    QTest::newRow("four letters") << u"USDX"_s << false;
    QTest::newRow("digit") << u"US1"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("symbol") << u"$$$"_s << false;
}

void tst_Money::isCurrencyCode() {
    QFETCH(QString, code);
    QFETCH(bool, valid);
    QCOMPARE(ordo::isCurrencyCode(code), valid);
}

// Money::times and Money::plus at the ceiling (10^14 minor units) and at the edges of 64 bits: a result past
// the ceiling either way, or one that would wrap, is nullopt, never a wrapped number.
void tst_Money::checkedArithmetic_data() {
    QTest::addColumn<QString>("op");
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<qint64>("result");
    const qint64 ceiling = Money::maxMinor;
    const qint64 max = std::numeric_limits<qint64>::max();
    const qint64 min = std::numeric_limits<qint64>::min();
    QTest::newRow("times small") << u"times"_s << qint64(1999) << qint64(3) << true << qint64(5997);
    QTest::newRow("times zero") << u"times"_s << max << qint64(0) << true << qint64(0);
    QTest::newRow("times at the ceiling") << u"times"_s << ceiling / 4 << qint64(4) << true << ceiling;
    QTest::newRow("times one past") << u"times"_s << ceiling + 1 << qint64(1) << false << qint64(0);
    QTest::newRow("times negative at the ceiling") << u"times"_s << -ceiling << qint64(1) << true << -ceiling;
    QTest::newRow("times negative past") << u"times"_s << ceiling / 2 + 1 << qint64(-2) << false << qint64(0);
    QTest::newRow("times 4000000 x 2^62/10^4")
        << u"times"_s << qint64(461168601842738) << qint64(4000000) << false << qint64(0);
    QTest::newRow("times 2^32 x 2^32 wraps to 0")
        << u"times"_s << (qint64(1) << 32) << (qint64(1) << 32) << false << qint64(0);
    QTest::newRow("times largest x largest") << u"times"_s << max << max << false << qint64(0);
    QTest::newRow("times smallest x -1") << u"times"_s << min << qint64(-1) << false << qint64(0);
    QTest::newRow("plus small") << u"plus"_s << qint64(5) << qint64(-7) << true << qint64(-2);
    QTest::newRow("plus at the ceiling") << u"plus"_s << ceiling - 1 << qint64(1) << true << ceiling;
    QTest::newRow("plus one past") << u"plus"_s << ceiling << qint64(1) << false << qint64(0);
    QTest::newRow("plus one past below") << u"plus"_s << -ceiling << qint64(-1) << false << qint64(0);
    QTest::newRow("plus back from past") << u"plus"_s << ceiling + 5 << qint64(-10) << true << ceiling - 5;
    QTest::newRow("plus that wraps") << u"plus"_s << max << qint64(1) << false << qint64(0);
    QTest::newRow("plus that wraps below") << u"plus"_s << min << qint64(-1) << false << qint64(0);
}

void tst_Money::checkedArithmetic() {
    QFETCH(QString, op);
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, fits);
    QFETCH(qint64, result);
    const std::optional<qint64> got = op == u"times"_s ? Money::times(a, b) : Money::plus(a, b);
    QCOMPARE(got.has_value(), fits);
    if (fits)
        QCOMPARE(*got, result);
}

void tst_Money::ceilingText() {
    QCOMPARE(Money::maxMinor, qint64(100'000'000'000'000));
    QCOMPARE(Money::ceilingText(u"USD"_s), u"1000000000000.00 USD, the largest amount Ordo keeps"_s);
    QCOMPARE(Money::ceilingText(u"JPY"_s), u"100000000000000 JPY, the largest amount Ordo keeps"_s);
    QCOMPARE(Money::ceilingText(u"KWD"_s), u"100000000000.000 KWD, the largest amount Ordo keeps"_s);
}

QTEST_GUILESS_MAIN(tst_Money)
#include "tst_money.moc"
