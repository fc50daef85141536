// The Exceptions view's routing actions (route again, choose a location by hand, backorder) over the sample
// world: DC-EAST 5.26, ST-NYC 6.01, VN-ACME 24.18 USD to the New York ship-to (see tst_routingservice).
#include "CandidateModel.h"
#include "ChooseLocationDialog.h"
#include "ExceptionQueueModel.h"
#include "ExceptionsView.h"
#include "OrderBackend.h"
#include "RoutingActions.h"
#include "SampleWorld.h"
#include "Screenshots.h"
#include "TestDatabase.h"
#include "orders/OrderCapture.h"
#include "orders/OrderQuery.h"
#include "sourcing/RoutingService.h"
#include "sourcing/RuleSetRepository.h"
#include "storage/AuditTrail.h"
#include "storage/LocationRepository.h"
#include "storage/PositionRepository.h"
#include "storage/SkuRepository.h"
#include "storage/Transaction.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace ordo;
using ordo::ui::ExceptionsView;

class TestRoutingExceptions : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void buttonsApplyToOrdersHeldByRouting();
    void routeAgainPlacesTheOrderOnceStockArrived();
    void handChoiceShowsTheRouterAndReservesWhereChosen();
    void backorderTakesTheOrderOutOfTheQueue();

private:
    Database& db() { return m_database->db(); }
    qint64 capture(const QString& number, const QString& sku, int quantity);
    void stock(const QString& location, const QString& sku, qint64 onHand);
    void openView(const Actor& actor);
    void select(qint64 orderId);
    OrderStatus status(qint64 id) { return OrderQuery(db()).detail(id)->order.status; }
    QPushButton* button(const QString& name) { return m_view->findChild<QPushButton*>(name); }
    void screenshot(QWidget* widget, const QString& name);

    std::unique_ptr<test::TestDatabase> m_database;
    std::unique_ptr<ui::OrderBackend> m_backend;
    std::unique_ptr<ExceptionsView> m_view;
    qint64 m_held = 0;    // W-1: 1 x SKU-3, no stock near enough: held by routing
    qint64 m_unknown = 0; // W-2: an unknown SKU, held at capture
    const Actor m_manager{u"mia"_s, Role::Manager};
};

qint64 TestRoutingExceptions::capture(const QString& number, const QString& sku, int quantity) {
    return OrderCapture(db(), Actor::system()).capture(test::sampleOrder(number, {{sku, quantity}})).orderId;
}

void TestRoutingExceptions::stock(const QString& location, const QString& sku, qint64 onHand) {
    Transaction tx(db());
    PositionRepository(db()).setOnHand(*LocationRepository(db()).idForCode(location),
                                       SkuRepository(db()).findByCode(sku)->id, onHand, 0);
    tx.commit();
}

void TestRoutingExceptions::init() {
    QStandardPaths::setTestModeEnabled(true);
    m_database = test::TestDatabase::create(u"sqlite"_s);
    QVERIFY(m_database);
    test::createSampleWorld(db());
    // Ship from within 500 km, else hold: VN-ACME (Chicago) is too far for New York.
    RuleSet rules = RuleSet::defaults();
    rules.strategies.first().name = u"Near"_s;
    rules.strategies.first().filters.maxDistanceKm = 500.0;
    rules.strategies.first().fallback.action = Fallback::Action::Hold;
    RuleSetRepository repository(db());
    const Actor admin{u"ana"_s, Role::Admin};
    repository.publish(repository.saveDraft(rules, admin, QString()).version, admin, u"near"_s);
    stock(u"VN-ACME"_s, u"SKU-3"_s, 4);
    m_held = capture(u"W-1"_s, u"SKU-3"_s, 1);
    RoutingService(db(), m_manager).routeOrder(m_held);
    QCOMPARE(status(m_held), OrderStatus::Exception);
    m_unknown = capture(u"W-2"_s, u"NOPE"_s, 1);
    QCOMPARE(status(m_unknown), OrderStatus::Exception);
    openView(m_manager);
}

void TestRoutingExceptions::openView(const Actor& actor) {
    m_view.reset();
    m_backend = std::make_unique<ui::OrderBackend>();
    m_backend->open(m_database->url());
    m_view = std::make_unique<ExceptionsView>(m_backend.get(), actor);
    m_view->resize(1300, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTRY_VERIFY(!m_view->model()->isLoading());
    QTRY_COMPARE(m_view->model()->rowCount(), 2);
}

void TestRoutingExceptions::cleanup() {
    m_view.reset();
    m_backend.reset();
    m_database.reset();
}

void TestRoutingExceptions::select(qint64 orderId) {
    QTableView* table = m_view->table();
    table->clearSelection();
    const int row = m_view->model()->rowForId(orderId);
    QVERIFY(row >= 0);
    const QModelIndex index = m_view->proxy()->mapFromSource(m_view->model()->index(row, 0));
    table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

void TestRoutingExceptions::screenshot(QWidget* widget, const QString& name) {
    const QString dir = ordo::test::gui::screenshotDir();
    QVERIFY(widget->grab().save(dir + u'/' + name));
}

void TestRoutingExceptions::buttonsApplyToOrdersHeldByRouting() {
    select(m_held);
    QVERIFY(m_view->selectionHeldByRouting());
    QVERIFY(button(u"routeAgainButton"_s)->isEnabled());
    QVERIFY(button(u"chooseLocationButton"_s)->isEnabled());
    QVERIFY(button(u"backorderButton"_s)->isEnabled());
    // Routing cannot help an order held at capture.
    select(m_unknown);
    QVERIFY(!m_view->selectionHeldByRouting());
    QVERIFY(!button(u"routeAgainButton"_s)->isEnabled());
    QVERIFY(!button(u"chooseLocationButton"_s)->isEnabled());
    QVERIFY(!button(u"backorderButton"_s)->isEnabled());
    // Warehouse staff may not work the queue.
    openView(Actor{u"wes"_s, Role::Warehouse});
    select(m_held);
    QVERIFY(!button(u"routeAgainButton"_s)->isEnabled());
    QVERIFY(!button(u"backorderButton"_s)->isEnabled());
}

void TestRoutingExceptions::routeAgainPlacesTheOrderOnceStockArrived() {
    stock(u"ST-NYC"_s, u"SKU-3"_s, 2);
    QSignalSpy finished(m_view->routingActions(), &ui::RoutingActions::finished);
    QSignalSpy status(m_view.get(), &ExceptionsView::statusMessage);
    select(m_held);
    button(u"routeAgainButton"_s)->click();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(3).toString(), QString());
    QCOMPARE(this->status(m_held), OrderStatus::Routed);
    QTRY_COMPARE(m_view->model()->rowCount(), 1);
    QVERIFY(m_view->model()->rowForId(m_held) < 0);
    QCOMPARE(status.last().at(0).toString(), u"W-1: Routed at ST-NYC (6.01 USD)"_s);
}

void TestRoutingExceptions::handChoiceShowsTheRouterAndReservesWhereChosen() {
    select(m_held);
    button(u"chooseLocationButton"_s)->click();
    ui::ChooseLocationDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_view->findChild<ui::ChooseLocationDialog*>(u"chooseLocationDialog"_s)));
    QAbstractItemModelTester tester(dialog->candidates(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(dialog->windowTitle(), u"Choose a location for W-1"_s);
    QVERIFY2(dialog->findChild<QLabel*>(u"proposalLabel"_s)
                 ->text()
                 .startsWith(u"The router cannot place this order"_s),
             qPrintable(dialog->findChild<QLabel*>(u"proposalLabel"_s)->text()));
    // The explanation: VN-ACME holds the units but is too far.
    QCOMPARE(dialog->candidates()->rowCount(), 1);
    QCOMPARE(dialog->candidates()->candidate(0).locationCode, u"VN-ACME"_s);
    QVERIFY(!dialog->candidates()->candidate(0).eligible);
    QComboBox* line = dialog->lineCombo(1);
    QVERIFY(line);
    QCOMPARE(line->count(), 1);
    QCOMPARE(line->currentData().toString(), u"VN-ACME"_s);
    QVERIFY2(line->currentText().startsWith(u"VN-ACME — 24.18 USD"_s), qPrintable(line->currentText()));
    QVERIFY2(line->currentText().contains(u"fails"_s), qPrintable(line->currentText()));
    auto* ok = dialog->findChildren<QPushButton*>().first();
    for (QPushButton* b : dialog->findChildren<QPushButton*>())
        if (b->text() == u"Reserve there"_s)
            ok = b;
    QCOMPARE(ok->text(), u"Reserve there"_s);
    QVERIFY(!ok->isEnabled()); // a note is required
    dialog->noteEdit()->setText(u"vendor agreed to ship"_s);
    QVERIFY(ok->isEnabled());
    screenshot(dialog, u"exceptions-choose-location.png"_s);

    QSignalSpy finished(m_view->routingActions(), &ui::RoutingActions::finished);
    ok->click();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(3).toString(), QString());
    QCOMPARE(status(m_held), OrderStatus::Routed);
    const Order o = OrderQuery(db()).detail(m_held)->order;
    QCOMPARE(o.lines.at(0).locationCode, u"VN-ACME"_s);
    bool audited = false;
    for (const AuditEvent& e : AuditTrail(db()).forEntity(u"order"_s, m_held))
        audited = audited || (e.action == u"route_by_hand"_s && e.actor == u"mia"_s &&
                              e.detail.startsWith(u"vendor agreed to ship; the router could not place it"_s));
    QVERIFY(audited);
    QTRY_COMPARE(m_view->model()->rowCount(), 1);
}

void TestRoutingExceptions::backorderTakesTheOrderOutOfTheQueue() {
    QSignalSpy status(m_view.get(), &ExceptionsView::statusMessage);
    QSignalSpy finished(m_view->routingActions(), &ui::RoutingActions::finished);
    screenshot(m_view.get(), u"exceptions-routing-actions.png"_s);
    m_view->backorderAll({m_held}, u"customer will wait"_s);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(3).toString(), QString());
    QCOMPARE(this->status(m_held), OrderStatus::Validated);
    QVERIFY(RoutingService(db(), m_manager).isBackordered(m_held));
    QCOMPARE(status.last().at(0).toString(),
             u"W-1 on backorder: line 1 (1 x SKU-3) no inbound supply known"_s);
    QTRY_COMPARE(m_view->model()->rowCount(), 1);
}

QTEST_MAIN(TestRoutingExceptions)
#include "tst_routingexceptions.moc"
