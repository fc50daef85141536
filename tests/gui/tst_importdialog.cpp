#include "ImportDialog.h"
#include "ImportRunner.h"
#include "MainWindow.h"
#include "OrderBackend.h"
#include "Screenshots.h"
#include "TestData.h"
#include "TestDatabase.h"
#include "WidgetLookup.h"
#include "orders/OrderQuery.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using ordo::ui::ImportDialog;

class TestImportDialog : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void previewsEachFile();
    void importsAndShowsCountsPerFile();
    void aProblemShowsWhereItIs();
    void aHeldOrderProblemOpensTheOrder();
    void theConsoleOpensTheDialog();
    void importsChannelDocuments();
    void previewAndImportKeepTheInputLimits();
    void savesScreenshot();

private:
    // Lists the test files in the dialog and waits for their previews (each slot starts from an empty
    // dialog).
    void addTestFiles();
    // Adds them and imports them, as the Import button does.
    void importTestFiles();
    static QString fixture(const QString& name) { return ordo::test::testDataPath(u"csv/"_s + name); }
    int rowOf(const QString& fileName) const;
    const ordo::ui::ImportFileOutcome* outcome(const QString& fileName) const;

    std::unique_ptr<ordo::test::TestDatabase> m_database;
    std::unique_ptr<ordo::ui::OrderBackend> m_backend;
    std::unique_ptr<ImportDialog> m_dialog;
    ordo::Actor m_admin{u"alex"_s, ordo::Role::Admin};
};

void TestImportDialog::init() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"OrdoTest"_s);
    QCoreApplication::setApplicationName(u"tst_importdialog"_s);
    m_database = ordo::test::TestDatabase::create(u"sqlite"_s);
    QVERIFY(m_database);
    m_backend = std::make_unique<ordo::ui::OrderBackend>();
    m_backend->open(m_database->url());
    m_dialog = std::make_unique<ImportDialog>(m_backend.get(), m_admin, ordo::ui::makeChannelImportRunner());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestImportDialog::cleanup() {
    m_dialog.reset();
    m_backend.reset();
    m_database.reset();
}

int TestImportDialog::rowOf(const QString& fileName) const {
    QTableWidget* table = m_dialog->fileTable();
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text() == fileName)
            return row;
    return -1;
}

const ordo::ui::ImportFileOutcome* TestImportDialog::outcome(const QString& fileName) const {
    for (const ordo::ui::ImportFileOutcome& o : m_dialog->outcomes())
        if (o.path.endsWith(u'/' + fileName))
            return &o;
    return nullptr;
}

void TestImportDialog::addTestFiles() {
    QSignalSpy previewed(m_dialog.get(), &ImportDialog::previewed);
    // Orders before the master data they need: the import puts master data first.
    const QStringList files = {fixture(u"orders.csv"_s),    fixture(u"orders_invalid.csv"_s),
                               fixture(u"locations.csv"_s), fixture(u"skus.csv"_s),
                               fixture(u"inventory.csv"_s), fixture(u"broken_unknown_header.csv"_s)};
    m_dialog->addFiles(files);
    m_dialog->addFiles({fixture(u"orders.csv"_s)}); // the same file twice is listed once
    QCOMPARE(m_dialog->files().size(), 6);
    QTRY_COMPARE(previewed.count(), 6);
}

void TestImportDialog::importTestFiles() {
    addTestFiles();
    QSignalSpy imported(m_dialog.get(), &ImportDialog::imported);
    m_dialog->startImport();
    QVERIFY(imported.wait(20000));
}

void TestImportDialog::previewsEachFile() {
    addTestFiles();
    QTableWidget* table = m_dialog->fileTable();
    const int orders = rowOf(u"orders.csv"_s);
    QCOMPARE(table->item(orders, 1)->text(), u"csv (orders)"_s);
    QCOMPARE(table->item(orders, 2)->text(), u"4"_s); // W-1001 spans two rows and a quoted line break
    QCOMPARE(table->item(orders, 3)->text(), u"none"_s);
    QCOMPARE(table->item(rowOf(u"inventory.csv"_s), 1)->text(), u"csv (inventory)"_s);
    const int broken = rowOf(u"broken_unknown_header.csv"_s);
    QCOMPARE(table->item(broken, 1)->text(), u"not recognised"_s);
    QVERIFY2(table->item(broken, 3)->text().contains(u"not one of"_s),
             qPrintable(table->item(broken, 3)->text()));
    QVERIFY(ordo::test::gui::findWidget<QPushButton>(m_dialog.get(), u"importButton"_s)->isEnabled());
}

void TestImportDialog::importsAndShowsCountsPerFile() {
    addTestFiles();
    QSignalSpy imported(m_dialog.get(), &ImportDialog::imported);
    m_dialog->startImport();
    QVERIFY(m_dialog->isBusy());
    QVERIFY(imported.wait(20000));
    QVERIFY(!m_dialog->isBusy());
    QCOMPARE(m_dialog->outcomes().size(), 6);
    const ordo::ui::ImportFileOutcome* orders = outcome(u"orders.csv"_s);
    QVERIFY(orders);
    QCOMPARE(orders->accepted, 4);
    QCOMPARE(orders->held, 0);
    QCOMPARE(orders->rejected, 0);
    const ordo::ui::ImportFileOutcome* invalid = outcome(u"orders_invalid.csv"_s);
    QVERIFY(invalid);
    QCOMPARE(invalid->accepted, 9); // G-OK and the 8 held orders
    QCOMPARE(invalid->held, 8);
    QCOMPARE(invalid->rejected, 16);
    QVERIFY(outcome(u"broken_unknown_header.csv"_s)->refused);
    // The orders are in the database.
    QVERIFY(ordo::OrderQuery(m_database->db()).findId(u"W-1001"_s).has_value());

    auto* progress = ordo::test::gui::findWidget<QProgressBar>(m_dialog.get(), u"importProgress"_s);
    QCOMPARE(progress->value(), progress->maximum());
    QCOMPARE(progress->maximum(), 6);
    QTreeWidget* tree = m_dialog->resultTree();
    QCOMPARE(tree->topLevelItemCount(), 6);
    // Master data first: locations, SKUs, inventory, then the orders in the order given.
    QCOMPARE(tree->topLevelItem(1)->text(0), u"locations.csv"_s);
    QTreeWidgetItem* invalidItem = tree->topLevelItem(5);
    QCOMPARE(invalidItem->text(0), u"orders_invalid.csv"_s);
    QCOMPARE(invalidItem->text(2), u"9"_s);
    QCOMPARE(invalidItem->text(3), u"8"_s);
    QCOMPARE(invalidItem->text(4), u"16"_s);
    QCOMPARE(invalidItem->childCount(), 16 + 8); // every error and warning, each clickable
    QVERIFY(tree->topLevelItem(0)->text(1).endsWith(u"refused"_s));
    const QString summary = ordo::test::gui::findWidget<QLabel>(m_dialog.get(), u"importSummary"_s)->text();
    QVERIFY2(summary.contains(u"8 held in Exception"_s) && summary.contains(u"16 rejected"_s) &&
                 summary.contains(u"1 file refused"_s),
             qPrintable(summary));
}

void TestImportDialog::aProblemShowsWhereItIs() {
    importTestFiles();
    QTreeWidget* tree = m_dialog->resultTree();
    QTreeWidgetItem* invalidItem = tree->topLevelItem(5);
    QTreeWidgetItem* noId = nullptr;
    for (int i = 0; i < invalidItem->childCount(); ++i)
        if (invalidItem->child(i)->text(1) == u"line 27"_s)
            noId = invalidItem->child(i);
    QVERIFY(noId);
    QVERIFY(noId->text(0).contains(u"order_id is empty"_s));
    tree->scrollToItem(noId);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(noId).center());
    auto* source = ordo::test::gui::findWidget<QPlainTextEdit>(m_dialog.get(), u"sourceView"_s);
    const QString line = source->textCursor().block().text();
    QVERIFY2(line.startsWith(u"   27  "_s), qPrintable(line));
    QVERIFY(source->textCursor().hasSelection());
}

void TestImportDialog::aHeldOrderProblemOpensTheOrder() {
    QSignalSpy open(m_dialog.get(), &ImportDialog::openOrderRequested);
    ordo::ui::ImportProblem problem;
    problem.message = u"UNKNOWN_SKU"_s;
    problem.heldOrderId = 42;
    m_dialog->openProblem(problem);
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.first().first().toLongLong(), 42);
}

void TestImportDialog::theConsoleOpensTheDialog() {
    using ordo::ui::MainWindow;
    MainWindow window({m_database->url(), m_database->db().displayName(), false}, m_admin);
    auto* action = ordo::test::gui::findWidget<QAction>(&window, u"importAction"_s);
    QVERIFY(action && action->isEnabled());
    action->trigger();
    QTRY_VERIFY(window.findChild<ImportDialog*>(u"importDialog"_s));
    QVERIFY(window.findChild<ImportDialog*>(u"importDialog"_s)->isVisible());
    MainWindow warehouse({m_database->url(), m_database->db().displayName(), false},
                         ordo::Actor{u"wes"_s, ordo::Role::Warehouse});
    QVERIFY(!ordo::test::gui::findWidget<QAction>(&warehouse, u"importAction"_s)->isEnabled());
}

// A Shopify order through the console's runner (the same ImportService as `ordo import`): recognised in the
// preview, captured, and held because its SKUs are not in this catalogue; the problem opens the held order.
void TestImportDialog::importsChannelDocuments() {
    ImportDialog dialog(m_backend.get(), m_admin, ordo::ui::makeChannelImportRunner());
    QSignalSpy previewed(&dialog, &ImportDialog::previewed);
    const QString shopify = ordo::test::testDataPath(u"channels/shopify_order.json"_s);
    dialog.addFiles({shopify});
    QTRY_COMPARE(previewed.count(), 1);
    QCOMPARE(dialog.fileTable()->item(0, 1)->text(), u"shopify"_s);
    QCOMPARE(dialog.fileTable()->item(0, 2)->text(), u"1"_s);

    QSignalSpy imported(&dialog, &ImportDialog::imported);
    dialog.startImport();
    QVERIFY(imported.wait(20000));
    QCOMPARE(dialog.outcomes().size(), 1);
    const ordo::ui::ImportFileOutcome& outcome = dialog.outcomes().constFirst();
    QCOMPARE(outcome.format, u"shopify"_s);
    QCOMPARE(outcome.accepted, 1);
    QCOMPARE(outcome.held, 1);
    QCOMPARE(outcome.problems.size(), 1);
    const ordo::ui::ImportProblem& held = outcome.problems.constFirst();
    QVERIFY2(held.message.contains(u"UNKNOWN_SKU"_s), qPrintable(held.message));
    const std::optional<qint64> id = ordo::OrderQuery(m_database->db()).findId(held.orderNumber);
    QVERIFY(id.has_value());
    QCOMPARE(held.heldOrderId, *id);
}

// The console recognises and reads files as `ordo import` does, within the same limits: a 300 MiB file
// (sparse, all zeros) is refused before it is read, in the preview and in the import.
void TestImportDialog::previewAndImportKeepTheInputLimits() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"big.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(300LL * 1024 * 1024));
    file.close();
    const std::shared_ptr<ordo::ui::ImportRunner> runner = ordo::ui::makeChannelImportRunner();
    const ordo::ui::ImportFilePreview preview = runner->preview(m_database->db(), path);
    QCOMPARE(preview.orders, 0);
    QVERIFY2(
        preview.problems.value(0).contains(
            u"the file is 300 MiB, more than the 256 MiB an input file may have; nothing of it was read"_s),
        qPrintable(preview.problems.join(u"; "_s)));
    const QList<ordo::ui::ImportFileOutcome> outcomes =
        runner->run(m_database->db(), {path}, m_admin, [](int, int, const QString&) { return true; });
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.constFirst().refused);
    QVERIFY(outcomes.constFirst().problems.value(0).message.contains(u"more than the 256 MiB"_s));
}

void TestImportDialog::savesScreenshot() {
    const QString dir = ordo::test::gui::screenshotDir();
    importTestFiles();
    QTest::qWait(50);
    QVERIFY(m_dialog->grab().save(dir + u"/import-dialog.png"_s));
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
