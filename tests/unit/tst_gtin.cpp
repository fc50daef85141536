// GS1 GTINs (model/Gtin): the check digit, the 14-digit form the catalogue and partners' lines are compared
// in, and what is wrong with a number that is not one.
#include "model/Gtin.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestGtin : public QObject {
    Q_OBJECT
private slots:
    void normalised_data();
    void normalised();
    void checkDigit();
};

void TestGtin::normalised_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("gtin14");  // empty: not a GTIN
    QTest::addColumn<QString>("problem"); // for a number that is not one
    QTest::newRow("UPC-A") << u"614141000036"_s << u"00614141000036"_s << QString();
    QTest::newRow("EAN-13") << u"4006381333931"_s << u"04006381333931"_s << QString();
    QTest::newRow("EAN-13 of a UPC item") << u"0614141000036"_s << u"00614141000036"_s << QString();
    QTest::newRow("GTIN-14") << u"10614141000033"_s << u"10614141000033"_s << QString();
    QTest::newRow("GTIN-8") << u"96385074"_s << u"00000096385074"_s << QString();
    QTest::newRow("spaces around") << u" 614141000036 "_s << u"00614141000036"_s << QString();
    QTest::newRow("wrong check digit")
        << u"614141000037"_s << QString() << u"ends in 7, its check digit is 6"_s;
    QTest::newRow("eleven digits") << u"61414100003"_s << QString()
                                   << u"has 11 digits, not 8, 12, 13 or 14"_s;
    QTest::newRow("fifteen digits") << u"106141410000330"_s << QString()
                                    << u"has 15 digits, not 8, 12, 13 or 14"_s;
    QTest::newRow("letters") << u"61414100003X"_s << QString() << u"is not all digits"_s;
    QTest::newRow("inner space") << u"614141 000036"_s << QString() << u"is not all digits"_s;
    QTest::newRow("empty") << QString() << QString() << u"is not all digits"_s;
    QTest::newRow("arabic-indic digits")
        << u"\u0666\u0661\u0664\u0661\u0664\u0661\u0660\u0660\u0660\u0660\u0663\u0666"_s << QString()
        << u"is not all digits"_s;
}

void TestGtin::normalised() {
    QFETCH(QString, text);
    QFETCH(QString, gtin14);
    QFETCH(QString, problem);
    const std::optional<QString> got = Gtin::normalised(text);
    QCOMPARE(got.value_or(QString()), gtin14);
    if (gtin14.isEmpty())
        QCOMPARE(Gtin::problem(text), problem);
    else
        QVERIFY(Gtin::problem(text).isEmpty());
}

void TestGtin::checkDigit() {
    QCOMPARE(Gtin::checkDigit(u"61414100003"), 6);
    QCOMPARE(Gtin::checkDigit(u"400638133393"), 1);
    QCOMPARE(Gtin::checkDigit(u"1061414100003"), 3);
    QCOMPARE(Gtin::withCheckDigit(u"200000000001"_s), u"2000000000015"_s);
    QVERIFY(Gtin::normalised(Gtin::withCheckDigit(u"200000012345"_s)));
}

QTEST_GUILESS_MAIN(TestGtin)
#include "tst_gtin.moc"
