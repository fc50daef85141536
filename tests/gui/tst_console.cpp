#include "ExceptionQueueModel.h"
#include "ExceptionsView.h"
#include "GuiFixture.h"
#include "MainWindow.h"
#include "OrderDetailPanel.h"
#include "OrderQueueModel.h"
#include "OrdersView.h"
#include "Screenshots.h"
#include "TestDatabase.h"
#include "WidgetLookup.h"
#include "orders/OrderQuery.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using ordo::ui::ExceptionQueueModel;
using ordo::ui::MainWindow;
using ordo::ui::OrderQueueModel;

class TestConsole : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsDatabaseAndUser();
    void showsTheQueueWithItsCount();
    void ctrlFFocusesTheSearch();
    void searchOpensAUniqueHit();
    void searchWithManyHitsFiltersTheQueue();
    void releasesAHeldOrder();
    void showsWhyAReleaseFailed();
    void cancelsAHeldOrder();
    void savesScreenshots();

private:
    template <typename T> T* find(const QString& name) const {
        return ordo::test::gui::findWidget<T>(m_window.get(), name);
    }
    QString text(const QString& labelName) const { return find<QLabel>(labelName)->text(); }
    qint64 idOf(int i) const {
        return ordo::OrderQuery(m_database->db()).findId(ordo::test::gui::orderNumber(i)).value_or(0);
    }
    ordo::OrderStatus statusOf(qint64 id) const {
        return ordo::OrderQuery(m_database->db()).detail(id)->order.status;
    }

    std::unique_ptr<ordo::test::TestDatabase> m_database;
    std::unique_ptr<MainWindow> m_window;
    ordo::Actor m_actor{u"ana"_s, ordo::Role::CustomerService};
};

void TestConsole::init() {
    QStandardPaths::setTestModeEnabled(true); // settings go to a throwaway place
    QCoreApplication::setOrganizationName(u"OrdoTest"_s);
    QCoreApplication::setApplicationName(u"tst_console"_s);
    m_database = ordo::test::TestDatabase::create(u"sqlite"_s);
    QVERIFY(m_database);
    ordo::test::gui::populate(m_database->db());
    const ordo::Database& db = m_database->db();
    m_window = std::make_unique<MainWindow>(
        MainWindow::DatabaseInfo{db.url(), db.displayName(), db.isCentral()}, m_actor);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestConsole::cleanup() {
    m_window.reset();
    m_database.reset();
}

void TestConsole::showsDatabaseAndUser() {
    QVERIFY2(text(u"databaseLabel"_s).contains(m_database->db().displayName()),
             qPrintable(text(u"databaseLabel"_s)));
    QVERIFY(text(u"databaseLabel"_s).startsWith(u"Standalone"_s));
    QCOMPARE(text(u"userLabel"_s), u"Signed in as ana (Customer service)"_s);
    auto* navigation = find<QListWidget>(u"navigation"_s);
    QCOMPARE(navigation->count(), 3); // only views that work: Orders, Exceptions, Inventory
    QTRY_COMPARE(navigation->item(1)->text(), u"Exceptions (%1)"_s.arg(ordo::test::gui::heldCount()));
}

void TestConsole::showsTheQueueWithItsCount() {
    OrderQueueModel* model = m_window->ordersView()->model();
    QTRY_COMPARE(model->totalCount(), ordo::test::gui::orderCount);
    QCOMPARE(text(u"orderCount"_s), u"450 orders"_s);
    QTRY_COMPARE(model->rowCount(), OrderQueueModel::pageSize);
    QCOMPARE(m_window->currentView(), MainWindow::View::Orders);
}

void TestConsole::ctrlFFocusesTheSearch() {
    m_window->activateWindow();
    m_window->ordersView()->table()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->searchField()->hasFocus());
}

void TestConsole::searchOpensAUniqueHit() {
    QLineEdit* search = m_window->searchField();
    search->clear();
    QTest::keyClicks(search, ordo::test::gui::uniqueCustomer);
    QTest::keyClick(search, Qt::Key_Return);

    auto* panel = m_window->ordersView()->detailPanel();
    QTRY_VERIFY(panel->isVisible());
    QTRY_COMPARE(text(u"orderNumberLabel"_s), ordo::test::gui::uniqueOrder);
    QTRY_COMPARE(panel->orderId(), idOf(7));
    QCOMPARE(m_window->ordersView()->model()->totalCount(), 1);
    QCOMPARE(text(u"orderCount"_s), u"1 order"_s);

    // Header: SO-10007 is the eighth order: channel index 1 (App), one hour per order back from 14:30 UTC.
    QCOMPARE(text(u"statusBadge"_s), u"Validated"_s);
    QCOMPARE(text(u"channelValue"_s), u"App"_s);
    const QDateTime placed(QDate(2026, 11, 2), QTime(7, 30), Qt::UTC);
    QCOMPARE(text(u"placedValue"_s), placed.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s));
    QCOMPARE(text(u"deliveryValue"_s), u"Ship"_s);
    // One line: SKU-3 x 2 at 30.00.
    QCOMPARE(text(u"totalValue"_s), u"60.00 USD"_s);
    QCOMPARE(text(u"emailValue"_s), u"zelda.quarterman7@example.com"_s);
    QCOMPARE(text(u"phoneValue"_s), u"+1 212 555 1007"_s);
    QVERIFY(text(u"addressValue"_s).contains(u"350 5th Ave"_s));
    QCOMPARE(text(u"coordinatesValue"_s), u"40.74840° N, 73.98570° W"_s);

    auto* lines = find<QTableWidget>(u"linesTable"_s);
    QCOMPARE(lines->rowCount(), 1);
    QCOMPARE(lines->item(0, 1)->text(), u"SKU-3"_s);
    QCOMPARE(lines->item(0, 2)->text(), u"2"_s);
    QCOMPARE(lines->item(0, 4)->text(), u"60.00 USD"_s);
    QCOMPARE(lines->item(0, 5)->text(), u"Validated"_s);

    auto* timeline = find<QTreeWidget>(u"timelineTree"_s);
    QVERIFY(timeline->topLevelItemCount() >= 1);
    // Newest first: the last event moved the order to Validated.
    QVERIFY2(timeline->topLevelItem(0)->text(2).endsWith(u"Validated"_s),
             qPrintable(timeline->topLevelItem(0)->text(2)));
    QVERIFY(!timeline->topLevelItem(0)->text(0).isEmpty());
    QVERIFY(!timeline->topLevelItem(0)->text(1).isEmpty());
}

void TestConsole::searchWithManyHitsFiltersTheQueue() {
    m_window->ordersView()->closeDetail();
    m_window->search(u"SO-104"_s); // SO-10400 ... SO-10449
    OrderQueueModel* model = m_window->ordersView()->model();
    QTRY_COMPARE(model->totalCount(), 50);
    QTRY_COMPARE(model->rowCount(), 50);
    QVERIFY(!m_window->ordersView()->detailPanel()->isVisible());
    QVERIFY(find<QLabel>(u"searchChip"_s)->isVisible());

    // Enter on a row opens it.
    QTableView* table = m_window->ordersView()->table();
    table->setFocus();
    table->setCurrentIndex(model->index(3, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QTRY_COMPARE(text(u"orderNumberLabel"_s), model->summary(3).orderNumber);

    m_window->search(QString());
    QTRY_COMPARE(model->totalCount(), ordo::test::gui::orderCount);
}

void TestConsole::releasesAHeldOrder() {
    m_window->showView(MainWindow::View::Exceptions);
    ordo::ui::ExceptionsView* view = m_window->exceptionsView();
    QTRY_VERIFY(!view->model()->isLoading());
    const qint64 id = idOf(25); // held for an address check: releasing sends it back to Validated
    QVERIFY(view->model()->rowForId(id) >= 0);

    QSignalSpy changed(view, &ordo::ui::ExceptionsView::orderChanged);
    view->release(id, u"address confirmed with the customer"_s);
    QVERIFY(changed.wait());
    QCOMPARE(changed.first().at(0).toLongLong(), id);
    QCOMPARE(statusOf(id), ordo::OrderStatus::Validated);
    QTRY_COMPARE(view->model()->rowForId(id), -1);
    QTRY_COMPARE(text(u"exceptionCount"_s), u"%1 orders on hold"_s.arg(ordo::test::gui::heldCount() - 1));
}

void TestConsole::showsWhyAReleaseFailed() {
    ordo::ui::ExceptionsView* view = m_window->exceptionsView();
    const qint64 id = idOf(5); // held for an unknown SKU: still fails validation
    QSignalSpy failed(view, &ordo::ui::ExceptionsView::actionFailed);
    view->release(id, u"retry"_s);
    QVERIFY(failed.wait());
    QVERIFY2(failed.first().at(0).toString().contains(u"UNKNOWN_SKU"_s),
             qPrintable(failed.first().at(0).toString()));
    auto* box = view->findChild<QMessageBox*>(u"actionErrorBox"_s);
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(u"UNKNOWN_SKU"_s));
    box->accept();
    QCOMPARE(statusOf(id), ordo::OrderStatus::Exception);
}

void TestConsole::cancelsAHeldOrder() {
    ordo::ui::ExceptionsView* view = m_window->exceptionsView();
    const qint64 id = idOf(45);
    QTRY_VERIFY(view->model()->rowForId(id) >= 0);
    QSignalSpy changed(view, &ordo::ui::ExceptionsView::orderChanged);
    view->cancel(id, u"CUSTOMER_REQUEST"_s, u"customer called"_s);
    QVERIFY(changed.wait());
    QCOMPARE(statusOf(id), ordo::OrderStatus::Cancelled);
    QTRY_COMPARE(view->model()->rowForId(id), -1);

    // The order's timeline tells who cancelled it and why.
    m_window->showView(MainWindow::View::Orders);
    m_window->ordersView()->openOrder(id);
    QTRY_COMPARE(text(u"statusBadge"_s), u"Cancelled"_s);
    auto* timeline = find<QTreeWidget>(u"timelineTree"_s);
    QCOMPARE(timeline->topLevelItem(0)->text(1), u"ana"_s);
    QCOMPARE(timeline->topLevelItem(0)->text(2), u"Exception → Cancelled"_s);
    QCOMPARE(timeline->topLevelItem(0)->text(3), u"CUSTOMER_REQUEST"_s);
}

void TestConsole::savesScreenshots() {
    // Pictures of each view for people to look at: ORDO_SCREENSHOT_DIR=/tmp/ordo-shots.
    const QString dir = ordo::test::gui::screenshotDir();
    m_window->resize(1400, 900);
    m_window->showView(MainWindow::View::Orders);
    m_window->ordersView()->closeDetail();
    m_window->search(QString());
    QTRY_COMPARE(m_window->ordersView()->model()->rowCount(), OrderQueueModel::pageSize);
    QTest::qWait(50);
    QVERIFY(m_window->grab().save(dir + u"/orders.png"_s));

    m_window->search(ordo::test::gui::orderNumber(3));
    QTRY_COMPARE(text(u"orderNumberLabel"_s), ordo::test::gui::orderNumber(3));
    QTest::qWait(50);
    QVERIFY(m_window->grab().save(dir + u"/order-detail.png"_s));

    m_window->search(ordo::test::gui::orderNumber(85));
    QTRY_COMPARE(text(u"statusBadge"_s), u"Exception"_s);
    QTest::qWait(50);
    QVERIFY(m_window->grab().save(dir + u"/order-detail-exception.png"_s));

    m_window->showView(MainWindow::View::Exceptions);
    QTest::qWait(50);
    QVERIFY(m_window->grab().save(dir + u"/exceptions.png"_s));
}

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
