#include "Error.h"
#include "formats/x12/X12Tokenizer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

// A well-formed ISA with the given delimiters, ISA11 and version; 106 bytes with its terminator.
QByteArray isa(char element, char component, char terminator, char isa11 = 'U',
               const char* version = "00401") {
    const QByteArray e(1, element);
    QByteArray out = "ISA" + e + "00" + e + QByteArray(10, ' ') + e + "00" + e + QByteArray(10, ' ') + e +
                     "ZZ" + e + QByteArray("SENDER").leftJustified(15) + e + "ZZ" + e +
                     QByteArray("RECEIVER").leftJustified(15) + e + "261201" + e + "1200" + e +
                     QByteArray(1, isa11) + e + version + e + "000000001" + e + "0" + e + "P" + e +
                     QByteArray(1, component) + QByteArray(1, terminator);
    Q_ASSERT(out.size() == 106);
    return out;
}

} // namespace

class TestX12Tokenizer : public QObject {
    Q_OBJECT
private slots:
    void separators_data();
    void separators();
    void segmentsKeepTheirPlaceAndEmptyElements();
    void refusesWhatIsNotAnInterchange_data();
    void refusesWhatIsNotAnInterchange();
};

void TestX12Tokenizer::separators_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<char>("element");
    QTest::addColumn<char>("component");
    QTest::addColumn<char>("segment");
    QTest::addColumn<char>("repetition");
    QTest::newRow("* : ~") << isa('*', ':', '~') + "\nGS*PO~\n" << '*' << ':' << '~' << '\0';
    QTest::newRow("| ^ newline") << isa('|', '^', '\n') + "GS|PO\n" << '|' << '^' << '\n' << '\0';
    QTest::newRow("CR LF after ~") << isa('*', '>', '~') + "\r\nGS*PO~\r\n" << '*' << '>' << '~' << '\0';
    QTest::newRow("00501 repetition ^")
        << isa('*', ':', '~', '^', "00501") + "GS*PO~" << '*' << ':' << '~' << '^';
}

void TestX12Tokenizer::separators() {
    QFETCH(QByteArray, content);
    QFETCH(char, element);
    QFETCH(char, component);
    QFETCH(char, segment);
    QFETCH(char, repetition);
    const X12Tokens tokens = X12Tokenizer::tokenize(content, u"t.x12"_s);
    QCOMPARE(tokens.separators.element, element);
    QCOMPARE(tokens.separators.component, component);
    QCOMPARE(tokens.separators.segment, segment);
    QCOMPARE(tokens.separators.repetition, repetition);
    QCOMPARE(tokens.segments.size(), 2);
    QCOMPARE(tokens.segments[0].id, u"ISA"_s);
    QCOMPARE(tokens.segments[0].elements.size(), 16);
    QCOMPARE(tokens.segments[0].element(6), u"SENDER         "_s);
    QCOMPARE(tokens.segments[0].element(16), QString(QLatin1Char(component)));
    QCOMPARE(tokens.segments[1].id, u"GS"_s);
    QCOMPARE(tokens.segments[1].elements, QStringList{u"PO"_s});
}

void TestX12Tokenizer::segmentsKeepTheirPlaceAndEmptyElements() {
    const QByteArray content = isa('*', ':', '~') + "\nPO1*1**EA*2.50**VP*A:B~\n\nPID*F****Cap~";
    const X12Tokens tokens = X12Tokenizer::tokenize(content, u"t.x12"_s);
    QCOMPARE(tokens.segments.size(), 3);
    const X12Segment& po1 = tokens.segments[1];
    QCOMPARE(po1.number, 2);
    QCOMPARE(po1.where(), u"segment 2 (PO1)"_s);
    QCOMPARE(po1.elements, (QStringList{u"1"_s, {}, u"EA"_s, u"2.50"_s, {}, u"VP"_s, u"A:B"_s}));
    QCOMPARE(po1.components(7, tokens.separators), (QStringList{u"A"_s, u"B"_s}));
    QCOMPARE(po1.element(30), QString());
    QCOMPARE(content.mid(po1.begin, po1.end - po1.begin), QByteArray("PO1*1**EA*2.50**VP*A:B~\n\n"));
    QCOMPARE(tokens.segments[2].number, 3);
    QCOMPARE(tokens.segments[2].element(5), u"Cap"_s);
}

void TestX12Tokenizer::refusesWhatIsNotAnInterchange_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << u"t.x12: not an X12 interchange"_s;
    QTest::newRow("JSON") << QByteArray("{\"order\":1}") << u"t.x12: not an X12 interchange"_s;
    QTest::newRow("letter as separator")
        << QByteArray("ISAX00X") << u"t.x12: segment 1 (ISA): 'X' cannot be"_s;
    QTest::newRow("same separators") << isa('*', '*', '~') << u"t.x12: segment 1 (ISA): two separators"_s;
    QTest::newRow("component is the terminator")
        << isa('*', '~', '~') << u"t.x12: segment 1 (ISA): two separators"_s;
    QTest::newRow("no terminator at the end")
        << isa('*', ':', '~') + "GS*PO" << u"t.x12: segment 2: the file ends"_s;
}

void TestX12Tokenizer::refusesWhatIsNotAnInterchange() {
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    try {
        X12Tokenizer::tokenize(content, u"t.x12"_s);
        QFAIL("tokenized");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Input);
        QVERIFY2(e.message().startsWith(expected), qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestX12Tokenizer)
#include "tst_x12tokenizer.moc"
