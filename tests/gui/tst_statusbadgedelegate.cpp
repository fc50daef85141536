#include "ColumnFit.h"
#include "ExceptionQueueModel.h"
#include "ExceptionsView.h"
#include "Format.h"
#include "GuiFixture.h"
#include "MainWindow.h"
#include "OrderDetailPanel.h"
#include "OrderQueueModel.h"
#include "OrdersView.h"
#include "Screenshots.h"
#include "StatusBadgeDelegate.h"
#include "TestDatabase.h"

#include <QHeaderView>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;
using ordo::OrderStatus;
using ordo::ui::MainWindow;
using ordo::ui::OrderQueueModel;
using ordo::ui::StatusBadgeDelegate;

// Badges and column titles fit their text in every language the console ships: each width is computed from
// the translated text in the font in use, never from an English sample.
class TestStatusBadgeDelegate : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void translationIsLoaded_data() { languages(); }
    void translationIsLoaded();
    void badgeFitsEveryStatus_data() { languages(); }
    void badgeFitsEveryStatus();
    void sizeHintFitsTheText_data() { languages(); }
    void sizeHintFitsTheText();
    void queueTitlesFit_data() { languages(); }
    void queueTitlesFit();
    void queueValuesFit_data() { languages(); }
    void queueValuesFit();
    void savesScreenshots_data() { languages(); }
    void savesScreenshots();

private:
    static void languages();
    // Opens the console in the row's language over its own database.
    void openConsole();
    QTableView* ordersTable() const { return m_window->ordersView()->table(); }

    std::unique_ptr<QTranslator> m_translator;
    std::unique_ptr<ordo::test::TestDatabase> m_database;
    std::unique_ptr<MainWindow> m_window;
};

void TestStatusBadgeDelegate::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"OrdoTest"_s);
    QCoreApplication::setApplicationName(u"tst_statusbadgedelegate"_s);
}

void TestStatusBadgeDelegate::languages() {
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QString();
    QTest::newRow("German") << u"de"_s;
}

void TestStatusBadgeDelegate::init() {
    QFETCH(QString, language);
    if (language.isEmpty())
        return;
    // The translations compiled into the ui library, as runConsole loads them for the user's locale.
    m_translator = std::make_unique<QTranslator>();
    QVERIFY2(m_translator->load(QLocale(language), u"ordo"_s, u"_"_s, u":/i18n"_s),
             qPrintable(u"no :/i18n/ordo_%1.qm"_s.arg(language)));
    QCoreApplication::installTranslator(m_translator.get());
}

void TestStatusBadgeDelegate::cleanup() {
    m_window.reset();
    m_database.reset();
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator.reset();
}

void TestStatusBadgeDelegate::openConsole() {
    m_database = ordo::test::TestDatabase::create(u"sqlite"_s);
    QVERIFY(m_database);
    ordo::test::gui::populate(m_database->db());
    const ordo::Database& db = m_database->db();
    m_window =
        std::make_unique<MainWindow>(MainWindow::DatabaseInfo{db.url(), db.displayName(), db.isCentral()},
                                     ordo::Actor{u"mia"_s, ordo::Role::Manager});
    m_window->resize(1400, 900);
    m_window->showView(MainWindow::View::Orders);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->ordersView()->model()->rowCount(), OrderQueueModel::pageSize);
}

void TestStatusBadgeDelegate::translationIsLoaded() {
    QFETCH(QString, language);
    // The texts that used to be cut in German.
    QCOMPARE(ordo::ui::statusName(OrderStatus::Routed), language.isEmpty() ? u"Routed"_s : u"Zugewiesen"_s);
    QCOMPARE(ordo::ui::statusName(OrderStatus::Picking),
             language.isEmpty() ? u"Picking"_s : u"Kommissionierung"_s);
    QCOMPARE(OrderQueueModel::tr("Lines"), language.isEmpty() ? u"Lines"_s : u"Positionen"_s);
}

void TestStatusBadgeDelegate::badgeFitsEveryStatus() {
    openConsole();
    const QFontMetrics metrics = ordersTable()->fontMetrics();
    const int column = ordersTable()->columnWidth(OrderQueueModel::Status);
    for (OrderStatus status : ordo::allOrderStatuses) {
        const QString name = ordo::ui::statusName(status);
        const int needed = StatusBadgeDelegate::badgeCellWidth(metrics, name);
        // The badge's text, its padding and its margin: wider than the bare text.
        QVERIFY(needed > metrics.horizontalAdvance(name) + 16);
        QVERIFY2(needed <= column,
                 qPrintable(u"%1 needs %2 px, the column has %3"_s.arg(name).arg(needed).arg(column)));
    }
    QCOMPARE(StatusBadgeDelegate::statusColumnWidth(metrics) <= column, true);
}

void TestStatusBadgeDelegate::sizeHintFitsTheText() {
    QStandardItemModel model;
    for (OrderStatus status : ordo::allOrderStatuses) {
        auto* item = new QStandardItem(ordo::ui::statusName(status));
        item->setData(int(status), Qt::UserRole + 1);
        model.appendRow(item);
    }
    QTableView view;
    view.setModel(&model);
    auto* delegate = new StatusBadgeDelegate(Qt::UserRole + 1, &view);
    view.setItemDelegateForColumn(0, delegate);
    view.resizeColumnsToContents();
    const QFontMetrics metrics = view.fontMetrics();
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString text = model.item(row)->text();
        const int needed = StatusBadgeDelegate::badgeCellWidth(metrics, text);
        QStyleOptionViewItem option;
        option.initFrom(&view);
        option.font = view.font();
        QCOMPARE(delegate->sizeHint(option, model.index(row, 0)).width(), needed);
        QVERIFY2(view.columnWidth(0) >= needed, qPrintable(text));
    }
}

void TestStatusBadgeDelegate::queueTitlesFit() {
    openConsole();
    const auto check = [](QTableView* table) {
        QHeaderView* header = table->horizontalHeader();
        const QFontMetrics metrics = header->fontMetrics();
        for (int section = 0; section < header->count(); ++section) {
            const QString title = table->model()->headerData(section, Qt::Horizontal).toString();
            const int width = header->sectionSize(section);
            QVERIFY2(width >= ordo::ui::headerTitleWidth(header, section),
                     qPrintable(u"%1: %2 px < %3 px"_s.arg(title).arg(width).arg(
                         ordo::ui::headerTitleWidth(header, section))));
            // Whatever the style adds, the bare title and the sort arrow's room are inside the section.
            QVERIFY2(width >= metrics.horizontalAdvance(title) + 16, qPrintable(title));
        }
    };
    check(ordersTable());
    m_window->showView(MainWindow::View::Exceptions);
    QTRY_VERIFY(!m_window->exceptionsView()->model()->isLoading());
    check(m_window->exceptionsView()->table());
}

void TestStatusBadgeDelegate::queueValuesFit() {
    // Every value on the first page shows whole, the total too; only the e-mail gives way to a narrow window.
    openConsole();
    QTableView* table = ordersTable();
    const QFontMetrics metrics = table->fontMetrics();
    for (int row = 0; row < table->model()->rowCount(); ++row)
        for (int column = 0; column < OrderQueueModel::ColumnCount; ++column) {
            if (column == OrderQueueModel::Email || column == OrderQueueModel::Status)
                continue; // the badges: badgeFitsEveryStatus
            const QString text = table->model()->index(row, column).data().toString();
            QVERIFY2(metrics.horizontalAdvance(text) + 8 <= table->columnWidth(column),
                     qPrintable(u"%1 in a column of %2 px"_s.arg(text).arg(table->columnWidth(column))));
        }
}

void TestStatusBadgeDelegate::savesScreenshots() {
    QFETCH(QString, language);
    openConsole();
    const QString suffix = language.isEmpty() ? u"en"_s : language;
    QVERIFY(ordo::test::gui::saveScreenshot(m_window.get(), u"orders-%1.png"_s.arg(suffix)));
    m_window->ordersView()->openOrder(m_window->ordersView()->model()->summary(3).id);
    QTRY_VERIFY(m_window->ordersView()->detailPanel()->orderId() != 0);
    QTest::qWait(50);
    QVERIFY(ordo::test::gui::saveScreenshot(m_window.get(), u"order-detail-%1.png"_s.arg(suffix)));
}

QTEST_MAIN(TestStatusBadgeDelegate)
#include "tst_statusbadgedelegate.moc"
