#include "ExceptionQueueModel.h"
#include "ExceptionsView.h"
#include "GuiFixture.h"
#include "OrderBackend.h"
#include "Screenshots.h"
#include "TestDatabase.h"
#include "WidgetLookup.h"
#include "orders/OrderQuery.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using ordo::ui::ExceptionsView;
namespace fixture = ordo::test::gui;

class TestExceptionsView : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void groupsByReason();
    void approvesSeveralOrdersAtOnce();
    void bulkCancelRecordsTheReason();
    void bulkFailuresAreShownOnce();
    void savesScreenshot();

private:
    int countHeldFor(bool (*held)(int)) const {
        int n = 0;
        for (int i = 0; i < fixture::orderCount; ++i)
            n += held(i);
        return n;
    }
    qint64 idOf(int i) const {
        return ordo::OrderQuery(m_database->db()).findId(fixture::orderNumber(i)).value_or(0);
    }
    void selectAllShown();

    std::unique_ptr<ordo::test::TestDatabase> m_database;
    std::unique_ptr<ordo::ui::OrderBackend> m_backend;
    std::unique_ptr<ExceptionsView> m_view;
};

void TestExceptionsView::init() {
    QStandardPaths::setTestModeEnabled(true);
    m_database = ordo::test::TestDatabase::create(u"sqlite"_s);
    QVERIFY(m_database);
    fixture::populate(m_database->db());
    m_backend = std::make_unique<ordo::ui::OrderBackend>();
    m_backend->open(m_database->url());
    m_view = std::make_unique<ExceptionsView>(m_backend.get(), ordo::Actor{u"mia"_s, ordo::Role::Manager});
    m_view->resize(1200, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTRY_VERIFY(!m_view->model()->isLoading());
    QCOMPARE(m_view->model()->rowCount(), fixture::heldCount());
}

void TestExceptionsView::cleanup() {
    m_view.reset();
    m_backend.reset();
    m_database.reset();
}

void TestExceptionsView::selectAllShown() {
    QTableView* table = m_view->table();
    table->clearSelection();
    const QModelIndex first = table->model()->index(0, 0);
    const QModelIndex last = table->model()->index(table->model()->rowCount() - 1, 0);
    table->selectionModel()->select(QItemSelection(first, last),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

void TestExceptionsView::groupsByReason() {
    const int unknownSku = countHeldFor(fixture::heldForUnknownSku);
    const int addressChecks = countHeldFor(fixture::heldForAddressCheck);
    QComboBox* reasons = m_view->reasonFilter();
    QCOMPARE(reasons->count(), 3);
    QCOMPARE(reasons->itemText(0), u"All reasons (%1)"_s.arg(unknownSku + addressChecks));
    // Most frequent first; equal counts by code.
    QCOMPARE(m_view->reasons(), (QStringList{u"UNKNOWN_SKU"_s, fixture::addressCheck}));
    QCOMPARE(reasons->itemText(1), u"UNKNOWN_SKU (%1)"_s.arg(unknownSku));
    QCOMPARE(reasons->itemText(2), u"%1 (%2)"_s.arg(fixture::addressCheck).arg(addressChecks));

    m_view->showReason(u"UNKNOWN_SKU"_s);
    QCOMPARE(m_view->proxy()->rowCount(), unknownSku);
    for (int row = 0; row < m_view->proxy()->rowCount(); ++row)
        QCOMPARE(m_view->proxy()->index(row, ordo::ui::ExceptionQueueModel::Reason).data().toString(),
                 u"UNKNOWN_SKU"_s);
    QCOMPARE(reasons->currentData().toString(), u"UNKNOWN_SKU"_s);
    m_view->showReason({});
    QCOMPARE(m_view->proxy()->rowCount(), unknownSku + addressChecks);
}

void TestExceptionsView::approvesSeveralOrdersAtOnce() {
    const int before = m_view->model()->rowCount();
    m_view->showReason(fixture::addressCheck);
    selectAllShown();
    const QList<qint64> ids = m_view->selectedOrderIds();
    QCOMPARE(ids.size(), countHeldFor(fixture::heldForAddressCheck));
    QVERIFY(ordo::test::gui::findWidget<QPushButton>(m_view.get(), u"releaseButton"_s)->isEnabled());
    QVERIFY(!ordo::test::gui::findWidget<QPushButton>(m_view.get(), u"openButton"_s)->isEnabled());
    QSignalSpy changed(m_view.get(), &ExceptionsView::orderChanged);
    m_view->releaseAll(ids, u"addresses confirmed"_s);
    QTRY_COMPARE(changed.count(), ids.size());
    for (qint64 id : ids)
        QCOMPARE(ordo::OrderQuery(m_database->db()).detail(id)->order.status, ordo::OrderStatus::Validated);
    QTRY_COMPARE(m_view->model()->rowCount(), before - int(ids.size()));
    // The reason has no order left: the filter falls back to every reason.
    QTRY_COMPARE(m_view->reasonFilter()->count(), 2);
    QCOMPARE(m_view->reasonFilter()->currentData().toString(), QString());
}

void TestExceptionsView::bulkCancelRecordsTheReason() {
    m_view->showReason(u"UNKNOWN_SKU"_s);
    QTableView* table = m_view->table();
    table->clearSelection();
    table->selectionModel()->select(table->model()->index(0, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    table->selectionModel()->select(table->model()->index(1, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QList<qint64> ids = m_view->selectedOrderIds();
    QCOMPARE(ids.size(), 2);
    QSignalSpy changed(m_view.get(), &ExceptionsView::orderChanged);
    m_view->cancelAll(ids, u"OUT_OF_STOCK"_s, u"discontinued item"_s);
    QTRY_COMPARE(changed.count(), 2);
    for (qint64 id : ids) {
        const std::optional<ordo::OrderDetail> detail = ordo::OrderQuery(m_database->db()).detail(id);
        QCOMPARE(detail->order.status, ordo::OrderStatus::Cancelled);
        const ordo::AuditEvent& last = detail->events.last();
        QCOMPARE(last.actor, u"mia"_s);
        QCOMPARE(last.reason, u"OUT_OF_STOCK"_s);
    }
}

void TestExceptionsView::bulkFailuresAreShownOnce() {
    // Orders held for an unknown SKU fail validation again when approved: one message lists them all.
    m_view->refresh(); // the queue without the orders cancelled before
    QTRY_VERIFY(!m_view->model()->isLoading());
    m_view->showReason(u"UNKNOWN_SKU"_s);
    QTRY_VERIFY(m_view->proxy()->rowCount() >= 2);
    const QList<qint64> ids = {
        m_view->proxy()->index(0, 0).data(ordo::ui::ExceptionQueueModel::IdRole).toLongLong(),
        m_view->proxy()->index(1, 0).data(ordo::ui::ExceptionQueueModel::IdRole).toLongLong()};
    QSignalSpy failed(m_view.get(), &ExceptionsView::actionFailed);
    m_view->releaseAll(ids, u"retry"_s);
    QTRY_COMPARE(failed.count(), 2);
    QTRY_VERIFY(m_view->findChild<QMessageBox*>(u"actionErrorBox"_s));
    const QList<QMessageBox*> boxes = m_view->findChildren<QMessageBox*>(u"actionErrorBox"_s);
    QCOMPARE(boxes.size(), 1);
    QCOMPARE(boxes.first()->windowTitle(), u"2 orders were not changed"_s);
    QVERIFY2(boxes.first()->text().count(u"UNKNOWN_SKU"_s) >= 2, qPrintable(boxes.first()->text()));
    boxes.first()->accept();
}

void TestExceptionsView::savesScreenshot() {
    const QString dir = ordo::test::gui::screenshotDir();
    m_view->showReason({});
    QTest::qWait(50);
    QVERIFY(m_view->grab().save(dir + u"/exceptions-grouped.png"_s));
}

QTEST_MAIN(TestExceptionsView)
#include "tst_exceptionsview.moc"
