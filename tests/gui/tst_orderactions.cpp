#include "CancelOrderDialog.h"
#include "Format.h"
#include "GuiFixture.h"
#include "HoldOrderDialog.h"
#include "OrderActions.h"
#include "OrderBackend.h"
#include "OrderDetailPanel.h"
#include "OrderQueueModel.h"
#include "OrdersView.h"
#include "ReleaseOrderDialog.h"
#include "Screenshots.h"
#include "TestDatabase.h"
#include "WidgetLookup.h"
#include "orders/OrderQuery.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using ordo::OrderStatus;
using ordo::Role;
using ordo::ui::OrderActions;
using ordo::ui::OrderQueueModel;
using ordo::ui::OrdersView;

class TestOrderActions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup();

    void allowed_data();
    void allowed();
    void buttonsFollowTheOrderShown();
    void holdReleaseAndCancelFromTheDetail();
    void routeNowFromTheDetail();
    void rolesThatMayNotSeeGreyButtons();

private:
    // A database, a backend and an orders view with the order detail open on `i` (GuiFixture numbering).
    void openOrder(const ordo::Actor& actor, int i);
    qint64 idOf(int i) const {
        return ordo::OrderQuery(m_database->db()).findId(ordo::test::gui::orderNumber(i)).value_or(0);
    }
    OrderStatus statusOf(qint64 id) const {
        return ordo::OrderQuery(m_database->db()).detail(id)->order.status;
    }
    OrderActions* actions() const { return m_view->actions(); }
    QString badge() const { return m_view->findChild<QLabel*>(u"statusBadge"_s)->text(); }
    // Waits for the action to finish and the detail to show the order as it is now.
    void waitForChange(QSignalSpy& changed, OrderStatus now);

    std::unique_ptr<ordo::test::TestDatabase> m_database;
    std::unique_ptr<ordo::ui::OrderBackend> m_backend;
    std::unique_ptr<OrdersView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestOrderActions::cleanup() {
    m_tester.reset();
    m_view.reset();
    m_backend.reset();
    m_database.reset();
}

void TestOrderActions::openOrder(const ordo::Actor& actor, int i) {
    m_database = ordo::test::TestDatabase::create(u"sqlite"_s);
    QVERIFY(m_database);
    ordo::test::gui::populate(m_database->db());
    m_backend = std::make_unique<ordo::ui::OrderBackend>();
    m_backend->open(m_database->url());
    m_view = std::make_unique<OrdersView>(m_backend.get(), actor);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view->resize(1300, 800);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTRY_VERIFY(m_view->model()->rowCount() > 0);
    m_view->openOrder(idOf(i));
    QTRY_COMPARE(m_view->detailPanel()->orderId(), idOf(i));
    QTRY_COMPARE(actions()->orderId(), idOf(i));
}

void TestOrderActions::waitForChange(QSignalSpy& changed, OrderStatus now) {
    QVERIFY(changed.wait());
    QCOMPARE(statusOf(changed.first().at(0).toLongLong()), now);
    QTRY_COMPARE(badge(), ordo::ui::statusName(now));
    changed.clear();
}

void TestOrderActions::allowed_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("heldByRouting");
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("expected"); // R(oute now) H(old) L (reLease) C(ancel)

    QTest::newRow("validated, manager")
        << int(OrderStatus::Validated) << false << int(Role::Manager) << u"RH-C"_s;
    QTest::newRow("validated, customer service")
        << int(OrderStatus::Validated) << false << int(Role::CustomerService) << u"-H-C"_s;
    QTest::newRow("validated, warehouse")
        << int(OrderStatus::Validated) << false << int(Role::Warehouse) << u"----"_s;
    QTest::newRow("pending, manager")
        << int(OrderStatus::Pending) << false << int(Role::Manager) << u"-H-C"_s;
    QTest::newRow("routed, manager") << int(OrderStatus::Routed) << false << int(Role::Manager) << u"-H-C"_s;
    QTest::newRow("packed, admin") << int(OrderStatus::Packed) << false << int(Role::Admin) << u"-H-C"_s;
    QTest::newRow("shipped: too late to cancel")
        << int(OrderStatus::Shipped) << false << int(Role::Admin) << u"-H--"_s;
    QTest::newRow("held for validation")
        << int(OrderStatus::Exception) << false << int(Role::Manager) << u"--LC"_s;
    QTest::newRow("held by routing") << int(OrderStatus::Exception) << true << int(Role::Manager)
                                     << u"R-LC"_s;
    QTest::newRow("held by routing, customer service")
        << int(OrderStatus::Exception) << true << int(Role::CustomerService) << u"--LC"_s;
    QTest::newRow("delivered") << int(OrderStatus::Delivered) << false << int(Role::Admin) << u"----"_s;
    QTest::newRow("cancelled") << int(OrderStatus::Cancelled) << false << int(Role::Admin) << u"----"_s;
}

void TestOrderActions::allowed() {
    QFETCH(int, status);
    QFETCH(bool, heldByRouting);
    QFETCH(int, role);
    QFETCH(QString, expected);
    const OrderActions::Allowed a =
        OrderActions::allowed(OrderStatus(status), heldByRouting, ordo::Actor{u"someone"_s, Role(role)});
    QString got;
    got += QChar(a.routeNow ? u'R' : u'-');
    got += QChar(a.hold ? u'H' : u'-');
    got += QChar(a.release ? u'L' : u'-');
    got += QChar(a.cancel ? u'C' : u'-');
    QCOMPARE(got, expected);
}

void TestOrderActions::buttonsFollowTheOrderShown() {
    openOrder({u"mia"_s, Role::Manager}, 3); // validated
    QVERIFY(actions()->routeNowButton()->isEnabled());
    QVERIFY(actions()->holdButton()->isEnabled());
    QVERIFY(!actions()->releaseButton()->isEnabled());
    QVERIFY(actions()->cancelButton()->isEnabled());
    // The buttons sit in the detail's header, beside the order they act on.
    QVERIFY(m_view->detailPanel()->isAncestorOf(actions()->holdButton()));
    QVERIFY(actions()->holdButton()->isVisible());

    m_view->openOrder(idOf(25)); // held for the address check
    QTRY_COMPARE(actions()->orderId(), idOf(25));
    QVERIFY(!actions()->routeNowButton()->isEnabled()); // not held by routing
    QVERIFY(!actions()->holdButton()->isEnabled());
    QVERIFY(actions()->releaseButton()->isEnabled());
    QVERIFY(actions()->cancelButton()->isEnabled());
    QVERIFY(ordo::test::gui::saveScreenshot(m_view.get(), u"order-detail-actions.png"_s));
}

void TestOrderActions::holdReleaseAndCancelFromTheDetail() {
    openOrder({u"mia"_s, Role::Manager}, 3);
    const qint64 id = idOf(3);
    const int row = m_view->model()->rowForId(id);
    QVERIFY(row >= 0);
    QSignalSpy changed(m_view.get(), &OrdersView::orderChanged);
    QSignalSpy reset(m_view->model(), &QAbstractItemModel::modelReset);
    QSignalSpy rowChanged(m_view->model(), &QAbstractItemModel::dataChanged);

    // Hold, through the dialog the button opens.
    actions()->holdButton()->click();
    auto* hold = m_view->findChild<ordo::ui::HoldOrderDialog*>(u"holdOrderDialog"_s);
    QVERIFY(hold);
    QTRY_VERIFY(hold->isVisible());
    hold->findChild<QPlainTextEdit*>(u"holdNote"_s)->setPlainText(u"customer asked to wait"_s);
    hold->accept();
    waitForChange(changed, OrderStatus::Exception);
    const ordo::OrderDetail held = *ordo::OrderQuery(m_database->db()).detail(id);
    QCOMPARE(held.order.exceptionReasons.first().code, u"MANUAL_HOLD"_s);
    QCOMPARE(held.events.last().actor, u"mia"_s);
    // The queue updated the order's row, and nothing else.
    QTRY_COMPARE(m_view->model()->summary(row).status, OrderStatus::Exception);
    QCOMPARE(reset.size(), 0);
    QVERIFY(!rowChanged.isEmpty());
    for (const QList<QVariant>& signal : std::as_const(rowChanged)) {
        QCOMPARE(signal.at(0).value<QModelIndex>().row(), row);
        QCOMPARE(signal.at(1).value<QModelIndex>().row(), row);
    }
    QTRY_VERIFY(actions()->releaseButton()->isEnabled());
    QVERIFY(!actions()->holdButton()->isEnabled());

    // Release, through the Exceptions view's dialog.
    actions()->releaseButton()->click();
    auto* release = m_view->findChild<ordo::ui::ReleaseOrderDialog*>();
    QVERIFY(release);
    release->accept();
    waitForChange(changed, OrderStatus::Validated);
    QTRY_COMPARE(m_view->model()->summary(row).status, OrderStatus::Validated);

    // Cancel, through the same dialog as the Exceptions view.
    QTRY_VERIFY(actions()->cancelButton()->isEnabled());
    actions()->cancelButton()->click();
    auto* cancel = m_view->findChild<ordo::ui::CancelOrderDialog*>(u"cancelOrderDialog"_s);
    QVERIFY(cancel);
    cancel->accept();
    waitForChange(changed, OrderStatus::Cancelled);
    QCOMPARE(ordo::OrderQuery(m_database->db()).detail(id)->events.last().reason,
             ordo::ui::CancelOrderDialog::reasonCodes().first());
    QTRY_COMPARE(m_view->model()->summary(row).status, OrderStatus::Cancelled);
    for (QPushButton* button : {actions()->routeNowButton(), actions()->holdButton(),
                                actions()->releaseButton(), actions()->cancelButton()})
        QVERIFY(!button->isEnabled());
    QCOMPARE(reset.size(), 0);
}

void TestOrderActions::routeNowFromTheDetail() {
    openOrder({u"mia"_s, Role::Manager}, 3);
    const qint64 id = idOf(3);
    QSignalSpy changed(m_view.get(), &OrdersView::orderChanged);
    QSignalSpy failed(actions(), &OrderActions::actionFailed);
    actions()->routeNowButton()->click();
    QVERIFY(changed.wait());
    QCOMPARE(failed.size(), 0);
    // Routed where stock is, or held by routing where none is: either way no longer waiting.
    const OrderStatus now = statusOf(id);
    QVERIFY2(now == OrderStatus::Routed || now == OrderStatus::Exception,
             qPrintable(ordo::orderStatusCode(now)));
    QTRY_COMPARE(badge(), ordo::ui::statusName(now));
    QTRY_COMPARE(m_view->model()->summary(m_view->model()->rowForId(id)).status, now);
    QCOMPARE(ordo::OrderQuery(m_database->db()).detail(id)->events.last().actor, u"mia"_s);
}

void TestOrderActions::rolesThatMayNotSeeGreyButtons() {
    openOrder({u"wes"_s, Role::Warehouse}, 3);
    for (QPushButton* button : {actions()->routeNowButton(), actions()->holdButton(),
                                actions()->releaseButton(), actions()->cancelButton()})
        QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
    QCOMPARE(actions()->cancelButton()->toolTip(), u"Your role may not cancel orders"_s);
    QCOMPARE(actions()->holdButton()->toolTip(), u"Your role may not hold orders"_s);
}

QTEST_MAIN(TestOrderActions)
#include "tst_orderactions.moc"
