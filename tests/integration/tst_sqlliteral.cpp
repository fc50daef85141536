// Dialect::literal, the one quoting function for values written into SQL text (multi-row inserts,
// PostgreSQL's one-round-trip reservation scripts), on SQLite and PostgreSQL: every value comes back from the
// database exactly as it went in, whatever it holds, and what cannot be stored is refused.
#include "Error.h"
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestSqlLiteral : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void writesTheLiteral_data();
    void writesTheLiteral();
    void textRoundTrips_data();
    void textRoundTrips();
    void numbersRoundTrip();
    void refusesWhatCannotBeStored_data();
    void refusesWhatCannotBeStored();

private:
    Database& db() { return m_test->db(); }
    std::unique_ptr<test::TestDatabase> m_test;
};

void TestSqlLiteral::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
}

void TestSqlLiteral::writesTheLiteral_data() {
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("sqlite");
    QTest::addColumn<QString>("postgres");
    QTest::newRow("null") << QVariant(QMetaType::fromType<QString>()) << u"NULL"_s << u"NULL"_s;
    QTest::newRow("int") << QVariant(42) << u"42"_s << u"42"_s;
    QTest::newRow("negative int64") << QVariant(qint64(-9007199254740993LL)) << u"-9007199254740993"_s
                                    << u"-9007199254740993"_s;
    QTest::newRow("double") << QVariant(41.8781) << u"41.8781"_s << u"41.8781"_s;
    QTest::newRow("negative double") << QVariant(-87.6298) << u"-87.6298"_s << u"-87.6298"_s;
    QTest::newRow("text") << QVariant(u"Chicago"_s) << u"'Chicago'"_s << u"'Chicago'"_s;
    QTest::newRow("apostrophe") << QVariant(u"O'Brien"_s) << u"'O''Brien'"_s << u"'O''Brien'"_s;
    QTest::newRow("empty text") << QVariant(QString(u""_s)) << u"''"_s << u"''"_s;
    // A backslash means itself on PostgreSQL whatever standard_conforming_strings says.
    QTest::newRow("backslash") << QVariant(u"a\\b'"_s) << u"'a\\b'''"_s << u"E'a\\\\b'''"_s;
}

void TestSqlLiteral::writesTheLiteral() {
    QFETCH(QVariant, value);
    QFETCH(QString, sqlite);
    QFETCH(QString, postgres);
    QCOMPARE(db().dialect().literal(value), db().engine() == Engine::Postgres ? postgres : sqlite);
}

void TestSqlLiteral::textRoundTrips_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << u"Percale Sheet Set, Ivory, Queen"_s;
    QTest::newRow("one quote") << u"O'Brien"_s;
    QTest::newRow("quotes") << u"Chef's Knife 8 in; 'quoted' \"double\" ''"_s;
    QTest::newRow("only quotes") << u"'''"_s;
    QTest::newRow("backslash") << u"C:\\path\\n not a newline"_s;
    QTest::newRow("backslash before a quote") << u"it\\'s"_s;
    QTest::newRow("trailing backslash") << u"ends with \\"_s;
    QTest::newRow("backslashes only") << u"\\\\\\"_s;
    QTest::newRow("escape-string look-alike") << u"E'\\x41' \\047"_s;
    QTest::newRow("dollar quoting look-alike") << u"$$ $tag$ $1"_s;
    QTest::newRow("sql-looking") << u"x'); DROP TABLE orders; --"_s;
    QTest::newRow("non-ASCII") << u"Café – Zoë's délivery, Straße, Ærø"_s;
    QTest::newRow("CJK") << u"東京都渋谷区 注文"_s;
    QTest::newRow("outside the BMP") << u"truck 🚚 and 𝄞"_s;
    QTest::newRow("controls") << u"line one\nline two\ttab\r"_s;
    QTest::newRow("percent and underscore") << u"100% _sale_"_s;
    QTest::newRow("empty") << QString(u""_s);
}

void TestSqlLiteral::textRoundTrips() {
    QFETCH(QString, text);
    const QString literal = db().dialect().literal(QVariant(text));
    // Read back as an expression, and stored in a TEXT column and read back.
    QCOMPARE(SqlQuery::rows(db(), u"SELECT "_s + literal).value(0).value(0).toString(), text);
    SqlQuery::run(db(), u"CREATE TABLE literal_text (v TEXT NOT NULL)"_s);
    SqlQuery::run(db(), u"INSERT INTO literal_text (v) VALUES (%1)"_s.arg(literal));
    QCOMPARE(SqlQuery::rows(db(), u"SELECT v FROM literal_text"_s).value(0).value(0).toString(), text);
    // And compared in SQL: the literal equals the bound value.
    SqlQuery bound(db(), u"SELECT COUNT(*) FROM literal_text WHERE v = :v AND v = %1"_s.arg(literal));
    bound.bind(u":v"_s, text);
    QCOMPARE(bound.scalar().toLongLong(), 1);
}

void TestSqlLiteral::numbersRoundTrip() {
    const Dialect& d = db().dialect();
    const QList<QVariantList> rows = SqlQuery::rows(
        db(), u"SELECT %1, %2, %3, %4"_s.arg(d.literal(QVariant(std::numeric_limits<qint64>::max())),
                                             d.literal(QVariant(std::numeric_limits<qint64>::min() + 1)),
                                             d.literal(QVariant(true)), d.literal(QVariant(-0.125))));
    QCOMPARE(rows.value(0).value(0).toLongLong(), std::numeric_limits<qint64>::max());
    QCOMPARE(rows.value(0).value(1).toLongLong(), std::numeric_limits<qint64>::min() + 1);
    QCOMPARE(rows.value(0).value(2).toLongLong(), 1);
    QCOMPARE(rows.value(0).value(3).toDouble(), -0.125);
}

void TestSqlLiteral::refusesWhatCannotBeStored_data() {
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("reason");
    QTest::newRow("NUL") << QVariant(u"before"_s + QChar(u'\0') + u"after"_s) << u"NUL"_s;
    QTest::newRow("only NUL") << QVariant(QString(QChar(u'\0'))) << u"NUL"_s;
    QTest::newRow("lone surrogate") << QVariant(u"a"_s + QChar(0xD800) + u"b"_s) << u"UTF-16"_s;
    QTest::newRow("infinite") << QVariant(std::numeric_limits<double>::infinity()) << u"finite"_s;
    QTest::newRow("bytes") << QVariant(QByteArray("raw")) << u"type"_s;
}

void TestSqlLiteral::refusesWhatCannotBeStored() {
    QFETCH(QVariant, value);
    QFETCH(QString, reason);
    try {
        const QString literal = db().dialect().literal(value);
        QFAIL(qPrintable(u"written as "_s + literal));
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Usage);
        QVERIFY2(e.message().contains(reason), qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestSqlLiteral)
#include "tst_sqlliteral.moc"
