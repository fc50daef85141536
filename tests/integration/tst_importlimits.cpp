// The limits on input: `ordo import` refuses a file larger than its kind's limit before reading it (a sparse
// file made with QFile::resize), reads a file that is not regular (/dev/zero, a FIFO) only up to the limit,
// takes --max-file-size; `ordo orders --limit` and the other count options refuse numbers past their most
// with a usage error. The real executable, against a real database on each engine; a run that ignored the
// limits would read /dev/zero for ever, so the executable runs under a memory cap and a time limit.
#include "SampleWorld.h"
#include "TestDatabase.h"
#include "storage/SqlQuery.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace ordo;

class TestImportLimits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void refusesALargeFileBeforeReadingIt_data();
    void refusesALargeFileBeforeReadingIt();
    void devZeroEnds_data();
    void devZeroEnds();
    void aFifoIsReadUpToTheLimit();
    void maxFileSizeOption_data();
    void maxFileSizeOption();
    void countOptionsHaveAMost_data();
    void countOptionsHaveAMost();

private:
    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        qint64 elapsedMs = 0;
    };
    Run ordo(const QStringList& arguments, int timeoutMs = 60000);
    std::unique_ptr<test::TestDatabase> m_test;
    QTemporaryDir m_dir;
};

void TestImportLimits::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    test::createSampleWorld(m_test->db());
}

// Runs ordo with at most 2 GB of address space (not under the sanitizers, which reserve far more), so that a
// reader without limits fails fast instead of taking the machine's memory.
TestImportLimits::Run TestImportLimits::ordo(const QStringList& arguments, int timeoutMs) {
    QProcess process;
    const bool sanitized = qEnvironmentVariableIsSet("ASAN_OPTIONS");
    process.start(
        u"sh"_s,
        QStringList{u"-c"_s, sanitized ? u"exec \"$0\" \"$@\""_s : u"ulimit -v 2000000; exec \"$0\" \"$@\""_s,
                    QStringLiteral(ORDO_EXECUTABLE)} +
            arguments);
    QElapsedTimer timer;
    timer.start();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, "timed out", timer.elapsed()};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError(), timer.elapsed()};
}

void TestImportLimits::refusesALargeFileBeforeReadingIt_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    const qint64 mib = 1024 * 1024;
    QTest::newRow("300 MiB, any kind")
        << u"big.csv"_s << 300 * mib << QStringList()
        << u"the file is 300 MiB, more than the 256 MiB an input file may have; "
           "nothing of it was read"_s;
    QTest::newRow("65 MiB of JSON") << u"big.json"_s << 65 * mib << QStringList{u"--format"_s, u"shopify"_s}
                                    << u"the file is 65 MiB, more than the 64 MiB a JSON document may have"_s;
    QTest::newRow("257 MiB of X12")
        << u"big.x12"_s << 257 * mib << QStringList{u"--format"_s, u"x12"_s}
        << u"the file is 257 MiB, more than the 256 MiB an X12 interchange may have"_s;
    QTest::newRow("257 MiB of CSV") << u"big.csv"_s << 257 * mib << QStringList{u"--format"_s, u"csv"_s}
                                    << u"the file is 257 MiB, more than the 256 MiB a CSV file may have"_s;
    QTest::newRow("a smaller limit given")
        << u"small.csv"_s << 3 * mib + 5 << QStringList{u"--max-file-size"_s, u"1M"_s}
        << u"the file is 3.0 MiB (3145733 bytes), more than the 1 MiB an "
           "input file may have"_s;
}

void TestImportLimits::refusesALargeFileBeforeReadingIt() {
    QFETCH(QString, name);
    QFETCH(qint64, size);
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    // A sparse file: it takes no disk, and reads as zeros for as long as it is.
    const QString path = m_dir.filePath(name);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(file.resize(size));
    file.close();
    const Run run = ordo(QStringList{u"import"_s, u"--db"_s, m_test->url()} + options + QStringList{path});
    QCOMPARE(run.exitCode, 3);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(u"error: "_s + path + u": "_s + message), qPrintable(err));
    QVERIFY2(err.contains(u"the file was refused and nothing from it was saved"_s), qPrintable(err));
    QVERIFY2(run.elapsedMs < 20000, qPrintable(QString::number(run.elapsedMs)));
    QCOMPARE(SqlQuery(m_test->db(), u"SELECT count(*) FROM orders"_s).scalar().toInt(), 0);
}

void TestImportLimits::devZeroEnds_data() {
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    // Recognised by its first bytes: not JSON or X12, so read as CSV, whose reader stops at the first NUL.
    QTest::newRow("recognised") << QStringList() << u"the file contains a NUL byte"_s;
    QTest::newRow("read as JSON") << QStringList{u"--format"_s, u"shopify"_s}
                                  << u"this is not a regular file and it gives more than the 64 MiB a JSON "
                                     "document may have; reading stopped at the limit"_s;
    QTest::newRow("read as X12 with a limit")
        << QStringList{u"--format"_s, u"x12"_s, u"--max-file-size"_s, u"2M"_s}
        << u"this is not a regular file and it gives more than the 2 MiB an X12 interchange may have"_s;
}

void TestImportLimits::devZeroEnds() {
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    const Run run = ordo(
        QStringList{u"import"_s, u"--db"_s, m_test->url()} + options + QStringList{u"/dev/zero"_s}, 30000);
    QVERIFY2(run.exitCode == 3, run.err.constData());
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(u"error: /dev/zero"_s) && err.contains(message), qPrintable(err));
}

void TestImportLimits::aFifoIsReadUpToTheLimit() {
    const QString fifo = m_dir.filePath(u"orders.fifo"_s);
    QFile::remove(fifo); // made by the other engine's run
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    // A writer that would go on for 3 MiB of JSON-looking text; the reader stops after 1 MiB.
    QProcess writer;
    writer.start(u"sh"_s,
                 {u"-c"_s, u"{ printf '{\"orders\":['; yes '{},' | head -c 3145728; } > \"$0\""_s, fifo});
    const Run run = ordo({u"import"_s, u"--db"_s, m_test->url(), u"--format"_s, u"shopify"_s,
                          u"--max-file-size"_s, u"1MiB"_s, fifo},
                         30000);
    writer.waitForFinished(10000);
    QVERIFY2(run.exitCode == 3, run.err.constData());
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(fifo + u": this is not a regular file and it gives more than the 1 MiB a JSON "
                                 "document may have; reading stopped at the limit"_s),
             qPrintable(err));
}

void TestImportLimits::maxFileSizeOption_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("bytes") << u"1048576"_s << 0 << QString();
    QTest::newRow("KiB") << u"64K"_s << 0 << QString();
    QTest::newRow("MiB") << u"2MiB"_s << 0 << QString();
    QTest::newRow("GiB") << u"1g"_s << 0 << QString();
    QTest::newRow("too small for the file")
        << u"50"_s << 3 << u"the file is 63 bytes, more than the 50 bytes an input file may have"_s;
    QTest::newRow("not a size") << u"12Q"_s << 2 << u"--max-file-size '12Q' is not a size"_s;
    QTest::newRow("zero") << u"0"_s << 2 << u"--max-file-size '0' is not a size"_s;
    QTest::newRow("past the most") << u"20G"_s << 2 << u"at most 16 GiB"_s;
}

void TestImportLimits::maxFileSizeOption() {
    QFETCH(QString, value);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString path = m_dir.filePath(u"skus.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("sku,name,weight_kg,unit_price,currency\nSKU-9,Nine,0.5,9.00,USD\n");
    file.close();
    const Run run = ordo({u"import"_s, u"--db"_s, m_test->url(), u"--max-file-size"_s, value, path});
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
}

void TestImportLimits::countOptionsHaveAMost_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("orders at the most")
        << QStringList{u"orders"_s, u"--limit"_s, u"10000"_s} << 0 << QString();
    QTest::newRow("orders past the most") << QStringList{u"orders"_s, u"--limit"_s, u"2000000000"_s} << 2
                                          << u"--limit '2000000000' must be a whole number from 0 to 10000"_s;
    QTest::newRow("orders offset past 32 bits")
        << QStringList{u"orders"_s, u"--offset"_s, u"9999999999"_s} << 2 << u"--offset '9999999999'"_s;
    QTest::newRow("exceptions past the most")
        << QStringList{u"exceptions"_s, u"--limit"_s, u"2000000000"_s} << 2
        << u"--limit '2000000000' must be a whole number from 1 to 10000"_s;
    QTest::newRow("ship-notice packages past the most")
        << QStringList{u"documents"_s, u"ship-notice"_s, u"--order"_s,
                       u"X"_s,         u"--packages"_s,  u"2000000000"_s}
        << 2 << u"--packages '2000000000' must be a whole number from 1 to 9999"_s;
}

void TestImportLimits::countOptionsHaveAMost() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run run = ordo(arguments + QStringList{u"--db"_s, m_test->url()});
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
}

QTEST_GUILESS_MAIN(TestImportLimits)
#include "tst_importlimits.moc"
