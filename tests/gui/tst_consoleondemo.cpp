// The console over a demo world, worked as a customer-service rep would: find a customer's order by e-mail,
// open an order by its number, look at the exceptions. Targets are picked through the core read side, then
// found through the console.
#include "CandidateModel.h"
#include "ExceptionQueueModel.h"
#include "ExceptionsView.h"
#include "Format.h"
#include "MainWindow.h"
#include "OrderDetailPanel.h"
#include "OrderQueueModel.h"
#include "OrdersView.h"
#include "RoutingPanel.h"
#include "Screenshots.h"
#include "ShipmentModel.h"
#include "WidgetLookup.h"
#include "demo/DemoGenerator.h"
#include "orders/OrderQuery.h"
#include "storage/Database.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using ordo::ui::MainWindow;
using ordo::ui::OrderQueueModel;

class TestConsoleOnDemo : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void searchByEmailOpensTheOrderDetail();
    void searchByOrderNumberOpensAUniqueHit();
    void exceptionsViewListsTheDemoHolds();
    void deliveredOrderExplainsItsRouting();
    void savesScreenshots();

private:
    template <typename T> T* find(const QString& name) const {
        return ordo::test::gui::findWidget<T>(m_window.get(), name);
    }
    QString text(const QString& labelName) const {
        const auto* label = find<QLabel>(labelName);
        return label ? label->text() : QString();
    }
    ordo::OrderQuery query() { return ordo::OrderQuery(*m_db); }
    void pickTargets();

    QTemporaryDir m_dir;
    std::unique_ptr<ordo::Database> m_db; // the test's own connection, for the core read side
    std::unique_ptr<MainWindow> m_window;
    ordo::Actor m_actor{u"ana"_s, ordo::Role::CustomerService};
    ordo::OrderDetail m_delivered; // delivered, two lines or more
    int m_sameEmailOrders = 0;     // orders matching its customer's e-mail
    ordo::OrderDetail m_held;      // in Exception
    QString m_heldCode;            // the reason of its first open hold
};

void TestConsoleOnDemo::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // settings go to a throwaway place
    QCoreApplication::setOrganizationName(u"OrdoTest"_s);
    QCoreApplication::setApplicationName(u"tst_consoleondemo"_s);
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"demo.sqlite"_s);
    m_db = std::make_unique<ordo::Database>(ordo::Database::open(path));

    ordo::DemoOptions options;
    options.seed = 7;
    options.orders = 1500;
    options.skus = 800;
    options.now = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
    const ordo::DemoSummary summary =
        ordo::DemoGenerator(*m_db).run(options, {u"admin"_s, ordo::Role::Admin});
    QCOMPARE(summary.orders, 1500);
    QCOMPARE(summary.skus, 800);
    QCOMPARE(query().count({}), 1500);

    pickTargets();
}

// Each slot has its own console over the demo (which the slots only read).
void TestConsoleOnDemo::init() {
    m_window = std::make_unique<MainWindow>(
        MainWindow::DatabaseInfo{m_db->url(), m_db->displayName(), m_db->isCentral()}, m_actor);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->ordersView()->model()->totalCount(), 1500);
}

// A delivered order with several lines, preferably of a customer with other orders too (so that the rep has
// to choose among the hits), and an order held in Exception.
void TestConsoleOnDemo::pickTargets() {
    ordo::OrderFilter delivered;
    delivered.status = ordo::OrderStatus::Delivered;
    const QList<ordo::OrderSummary> candidates =
        query().page(delivered, ordo::OrderSort::OrderNumber, false, 0, 500);
    QVERIFY2(!candidates.isEmpty(), "the demo has no delivered orders");
    std::optional<ordo::OrderSummary> chosen;
    for (const ordo::OrderSummary& summary : candidates) {
        if (summary.lineCount < 2 || summary.customerEmail.isEmpty())
            continue;
        ordo::OrderFilter byEmail;
        byEmail.search = summary.customerEmail;
        const qint64 hits = query().count(byEmail);
        if (!chosen || (m_sameEmailOrders < 2 && hits >= 2)) {
            chosen = summary;
            m_sameEmailOrders = int(hits);
        }
        if (m_sameEmailOrders >= 2)
            break;
    }
    QVERIFY2(chosen, "no delivered order with two lines or more");
    std::optional<ordo::OrderDetail> detail = query().detail(chosen->id);
    QVERIFY(detail);
    m_delivered = *detail;
    QCOMPARE(m_delivered.order.status, ordo::OrderStatus::Delivered);
    QVERIFY(m_delivered.order.lines.size() >= 2);
    QVERIFY(!m_delivered.events.isEmpty());
    qInfo("delivered order %s, %d lines, %d events, %d orders for %s",
          qPrintable(m_delivered.order.orderNumber), int(m_delivered.order.lines.size()),
          int(m_delivered.events.size()), m_sameEmailOrders, qPrintable(m_delivered.order.customerEmail));

    ordo::OrderFilter exceptions;
    exceptions.status = ordo::OrderStatus::Exception;
    const QList<ordo::OrderSummary> held =
        query().page(exceptions, ordo::OrderSort::OrderNumber, false, 0, 1);
    QVERIFY2(!held.isEmpty(), "the demo has no orders in Exception");
    QVERIFY(!held.first().exceptionCode.isEmpty());
    m_heldCode = held.first().exceptionCode;
    detail = query().detail(held.first().id);
    QVERIFY(detail);
    m_held = *detail;
    QCOMPARE(m_held.order.status, ordo::OrderStatus::Exception);
    QVERIFY(!m_held.order.exceptionReasons.isEmpty());
    QCOMPARE(m_held.order.exceptionReasons.first().code, m_heldCode);
    qInfo("held order %s for %s", qPrintable(m_held.order.orderNumber), qPrintable(m_heldCode));
}

void TestConsoleOnDemo::cleanup() {
    m_window.reset();
}

void TestConsoleOnDemo::cleanupTestCase() {
    m_db.reset();
}

void TestConsoleOnDemo::searchByEmailOpensTheOrderDetail() {
    const ordo::Order& order = m_delivered.order;
    const QString email = order.customerEmail.toUpper();
    QVERIFY(email != order.customerEmail); // the search below really differs in case

    QLineEdit* search = m_window->searchField();
    m_window->activateWindow();
    search->setFocus();
    search->clear();
    QTest::keyClicks(search, email);
    QCOMPARE(search->text(), email);
    QTest::keyClick(search, Qt::Key_Return);

    OrderQueueModel* model = m_window->ordersView()->model();
    QTRY_COMPARE(model->filter().search, email);
    QTRY_COMPARE(model->totalCount(), qint64(m_sameEmailOrders));
    QTRY_COMPARE(model->rowCount(), m_sameEmailOrders);
    QCOMPARE(text(u"orderCount"_s),
             m_sameEmailOrders == 1 ? u"1 order"_s : u"%1 orders"_s.arg(m_sameEmailOrders));
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY2(model->summary(row).customerEmail.startsWith(order.customerEmail, Qt::CaseInsensitive),
                 qPrintable(model->summary(row).customerEmail));
    const int row = model->rowForId(order.id);
    QVERIFY(row >= 0);

    if (m_sameEmailOrders > 1) {
        // Several orders of this customer: the rep picks the one in question and presses Enter.
        QTableView* table = m_window->ordersView()->table();
        table->setFocus();
        table->setCurrentIndex(model->index(row, OrderQueueModel::Number));
        QCOMPARE(table->currentIndex().data().toString(), order.orderNumber);
        QTest::keyClick(table, Qt::Key_Return);
    }

    auto* panel = m_window->ordersView()->detailPanel();
    QTRY_VERIFY(panel->isVisible());
    QTRY_COMPARE(panel->orderId(), order.id);
    QCOMPARE(text(u"orderNumberLabel"_s), order.orderNumber);
    QCOMPARE(text(u"statusBadge"_s), u"Delivered"_s);
    QCOMPARE(text(u"detailMessage"_s), QString());
    QCOMPARE(text(u"emailValue"_s), order.customerEmail);
    QCOMPARE(text(u"totalValue"_s), ordo::ui::formatMoney(order.totalMinor(), order.currency));
    QVERIFY(!find<QLabel>(u"exceptionReasons"_s)->isVisible());

    auto* lines = find<QTableWidget>(u"linesTable"_s);
    QCOMPARE(lines->rowCount(), int(order.lines.size()));
    for (int i = 0; i < order.lines.size(); ++i) {
        QCOMPARE(lines->item(i, 1)->text(), order.lines.at(i).skuCode);
        QCOMPARE(lines->item(i, 2)->text(), ordo::ui::formatCount(order.lines.at(i).quantity));
        QCOMPARE(lines->item(i, 5)->text(), ordo::ui::statusName(order.lines.at(i).status));
    }

    auto* timeline = find<QTreeWidget>(u"timelineTree"_s);
    QCOMPARE(timeline->topLevelItemCount(), int(m_delivered.events.size()));
    // Newest first: the last event brought the order to Delivered, the oldest one captured it.
    const ordo::AuditEvent& last = m_delivered.events.last();
    QCOMPARE(timeline->topLevelItem(0)->text(0), ordo::ui::formatDateTime(last.at));
    QCOMPARE(timeline->topLevelItem(0)->text(1), last.actor);
    QVERIFY2(timeline->topLevelItem(0)->text(2).endsWith(u"Delivered"_s),
             qPrintable(timeline->topLevelItem(0)->text(2)));
    QCOMPARE(timeline->topLevelItem(timeline->topLevelItemCount() - 1)->text(0),
             ordo::ui::formatDateTime(m_delivered.events.first().at));
}

void TestConsoleOnDemo::searchByOrderNumberOpensAUniqueHit() {
    const ordo::Order& order = m_held.order;
    m_window->ordersView()->closeDetail();
    QLineEdit* search = m_window->searchField();
    search->setFocus();
    search->clear();
    QTest::keyClicks(search, order.orderNumber);
    QTest::keyClick(search, Qt::Key_Return);

    OrderQueueModel* model = m_window->ordersView()->model();
    QTRY_COMPARE(model->totalCount(), 1);
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->summary(0).id, order.id);
    QCOMPARE(text(u"orderCount"_s), u"1 order"_s);

    auto* panel = m_window->ordersView()->detailPanel();
    QTRY_VERIFY(panel->isVisible());
    QTRY_COMPARE(panel->orderId(), order.id);
    QCOMPARE(text(u"orderNumberLabel"_s), order.orderNumber);
    QCOMPARE(text(u"statusBadge"_s), u"Exception"_s);
    auto* reasons = find<QLabel>(u"exceptionReasons"_s);
    QVERIFY(reasons->isVisible());
    QVERIFY2(reasons->text().startsWith(u"Held: <b>%1</b>"_s.arg(m_heldCode.toHtmlEscaped())),
             qPrintable(reasons->text()));
    QCOMPARE(find<QTableWidget>(u"linesTable"_s)->rowCount(), int(order.lines.size()));
    QCOMPARE(find<QTreeWidget>(u"timelineTree"_s)->topLevelItemCount(), int(m_held.events.size()));
}

void TestConsoleOnDemo::exceptionsViewListsTheDemoHolds() {
    ordo::OrderFilter held;
    held.status = ordo::OrderStatus::Exception;
    const qint64 expected = query().count(held);
    QVERIFY(expected > 0);

    m_window->showView(MainWindow::View::Exceptions);
    QCOMPARE(m_window->currentView(), MainWindow::View::Exceptions);
    ordo::ui::ExceptionsView* view = m_window->exceptionsView();
    QTRY_VERIFY(view->isVisible());
    QTRY_VERIFY(!view->model()->isLoading());
    QTRY_COMPARE(view->model()->rowCount(), int(expected));
    QCOMPARE(view->proxy()->rowCount(), int(expected));
    QCOMPARE(view->table()->model()->rowCount(), int(expected));
    QCOMPARE(text(u"exceptionCount"_s), expected == 1
                                            ? u"1 order on hold"_s
                                            : u"%1 orders on hold"_s.arg(ordo::ui::formatCount(expected)));
    const int row = view->model()->rowForId(m_held.order.id);
    QVERIFY(row >= 0);
    QCOMPARE(view->model()->summary(row).exceptionCode, m_heldCode);
    for (int i = 0; i < view->model()->rowCount(); ++i)
        QCOMPARE(view->model()->summary(i).status, ordo::OrderStatus::Exception);
}

// The demo routes its orders with the real router: a delivered order's Routing tab shows the stored decision,
// its chosen locations being where the order's lines shipped from.
void TestConsoleOnDemo::deliveredOrderExplainsItsRouting() {
    const ordo::Order& order = m_delivered.order;
    QLineEdit* search = m_window->searchField();
    search->setFocus();
    search->clear();
    QTest::keyClicks(search, order.orderNumber);
    QTest::keyClick(search, Qt::Key_Return);
    auto* panel = m_window->ordersView()->detailPanel();
    QTRY_VERIFY(panel->isVisible());
    QTRY_COMPARE(panel->orderId(), order.id);
    QTabWidget* tabs = panel->tabs();
    int routingTab = -1;
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabText(i).remove(u'&') == u"Routing"_s)
            routingTab = i;
    QVERIFY(routingTab >= 0);
    tabs->setCurrentIndex(routingTab);

    ordo::ui::RoutingPanel* routing = panel->routingPanel();
    QTRY_VERIFY(routing->shipments()->rowCount() > 0);
    QVERIFY(routing->candidates()->rowCount() > 0);
    QSet<QString> shippedFrom;
    for (const ordo::OrderLine& line : order.lines)
        shippedFrom.insert(line.locationCode);
    QSet<QString> chosen;
    for (int row = 0; row < routing->candidates()->rowCount(); ++row) {
        const QString code = routing->candidates()->index(row, 0).data().toString();
        if (code.endsWith(u" (chosen)"_s))
            chosen.insert(code.chopped(9));
    }
    QCOMPARE(chosen, shippedFrom);

    const QImage shot = m_window->grab().toImage();
    QVERIFY(shot.save(ordo::test::gui::screenshotDir() + u"/routing-demo.png"_s));
}

void TestConsoleOnDemo::savesScreenshots() {
    // A picture of the demo queue for people to look at: ORDO_SCREENSHOT_DIR=/tmp/ordo-demo-shots.
    const QString dir = ordo::test::gui::screenshotDir();
    m_window->resize(1400, 900);
    m_window->showView(MainWindow::View::Orders);
    m_window->ordersView()->closeDetail();
    m_window->search(QString());
    QTRY_COMPARE(m_window->ordersView()->model()->totalCount(), 1500);
    QTRY_COMPARE(m_window->ordersView()->model()->rowCount(), OrderQueueModel::pageSize);
    QTest::qWait(50);
    const QImage shot = m_window->grab().toImage();
    QCOMPARE(shot.size(), QSize(1400, 900) * shot.devicePixelRatio());
    QVERIFY(shot.save(dir + u"/orders-demo.png"_s));
}

QTEST_MAIN(TestConsoleOnDemo)
#include "tst_consoleondemo.moc"
