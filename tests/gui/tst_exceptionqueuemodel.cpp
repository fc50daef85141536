#include "ExceptionQueueModel.h"
#include "GuiFixture.h"
#include "OrderBackend.h"
#include "TestDatabase.h"
#include "lifecycle/OrderLifecycle.h"
#include "orders/OrderQuery.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using ordo::ui::ExceptionQueueModel;
using ordo::ui::OrderBackend;

class TestExceptionQueueModel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loadsTheWholeQueue();
    void showsReasonAndAge_data();
    void showsReasonAndAge();
    void sortsLocallyOnRawValues();
    void dropsStaleAnswers();
    void refreshAfterAnAction();
    void releaseThatStillFailsIsRefused();
    void keepsTheOrderOfTimeHeld();
    void heldOrderEntersAsOneRow();
    void releasedOrderLeavesAsOneRow();
    void changesWhileLoadingWaitForTheList();

private:
    qint64 idOf(const QString& number) const;

    std::unique_ptr<ordo::test::TestDatabase> m_database;
    std::unique_ptr<OrderBackend> m_backend;
    std::unique_ptr<ExceptionQueueModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

// Every slot has its own database and model: what one slot changes, no other sees.
void TestExceptionQueueModel::init() {
    m_database = ordo::test::TestDatabase::create(u"sqlite"_s);
    QVERIFY(m_database);
    ordo::test::gui::populate(m_database->db());
    m_backend = std::make_unique<OrderBackend>();
    m_backend->open(m_database->url());
    m_model = std::make_unique<ExceptionQueueModel>(m_backend.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(!m_model->isLoading());
}

void TestExceptionQueueModel::cleanup() {
    m_tester.reset();
    m_model.reset();
    m_backend.reset();
    m_database.reset();
}

qint64 TestExceptionQueueModel::idOf(const QString& number) const {
    return ordo::OrderQuery(m_database->db()).findId(number).value_or(0);
}

void TestExceptionQueueModel::loadsTheWholeQueue() {
    QCOMPARE(m_model->rowCount(), ordo::test::gui::heldCount());
    QCOMPARE(m_model->columnCount(), int(ExceptionQueueModel::ColumnCount));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const ordo::OrderSummary& order = m_model->summary(row);
        QCOMPARE(order.status, ordo::OrderStatus::Exception);
        QCOMPARE(m_model->rowForId(order.id), row);
    }
}

void TestExceptionQueueModel::showsReasonAndAge_data() {
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("detailPart");
    QTest::newRow("unknown sku") << ordo::test::gui::orderNumber(5) << u"UNKNOWN_SKU"_s << u"SKU-404"_s;
    QTest::newRow("address check") << ordo::test::gui::orderNumber(25) << ordo::test::gui::addressCheck
                                   << u"carrier flagged"_s;
}

void TestExceptionQueueModel::showsReasonAndAge() {
    QFETCH(QString, number);
    QFETCH(QString, reason);
    QFETCH(QString, detailPart);
    const int row = m_model->rowForId(idOf(number));
    QVERIFY(row >= 0);
    QCOMPARE(m_model->index(row, ExceptionQueueModel::Number).data().toString(), number);
    QCOMPARE(m_model->index(row, ExceptionQueueModel::Reason).data().toString(), reason);
    QVERIFY2(m_model->index(row, ExceptionQueueModel::Detail).data().toString().contains(detailPart),
             qPrintable(m_model->index(row, ExceptionQueueModel::Detail).data().toString()));

    const QDateTime since = m_model->summary(row).statusChangedAt;
    QVERIFY(since.isValid());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setNow(since.addSecs(3 * 3600 + 120));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->index(row, ExceptionQueueModel::Age).data().toString(), u"3 h"_s);
    QCOMPARE(m_model->index(row, ExceptionQueueModel::Age).data(ExceptionQueueModel::RawRole).toLongLong(),
             3 * 3600 + 120);
    m_model->setNow(since.addDays(2).addSecs(60));
    QCOMPARE(m_model->index(row, ExceptionQueueModel::Age).data().toString(), u"2 d"_s);
}

void TestExceptionQueueModel::sortsLocallyOnRawValues() {
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model.get());
    proxy.setSortRole(ExceptionQueueModel::RawRole);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(ExceptionQueueModel::Total, Qt::DescendingOrder);
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const qint64 total =
            proxy.index(row, ExceptionQueueModel::Total).data(ExceptionQueueModel::RawRole).toLongLong();
        QVERIFY(total <= previous);
        previous = total;
    }
    proxy.sort(ExceptionQueueModel::Reason, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, ExceptionQueueModel::Reason).data().toString(), ordo::test::gui::addressCheck);
    QCOMPARE(proxy.index(proxy.rowCount() - 1, ExceptionQueueModel::Reason).data().toString(),
             u"UNKNOWN_SKU"_s);
}

void TestExceptionQueueModel::dropsStaleAnswers() {
    const quint64 old = m_model->generation();
    m_model->refresh();
    QVERIFY(m_model->isLoading());
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    ordo::OrderSummary stale;
    stale.id = 999999;
    m_model->applyPage(old, 0, {stale});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(m_model->rowForId(999999), -1);
    // Rows stay on screen while the new list loads, then are replaced at once.
    QCOMPARE(m_model->rowCount(), ordo::test::gui::heldCount());
    QTRY_VERIFY(!m_model->isLoading());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), ordo::test::gui::heldCount());
}

void TestExceptionQueueModel::refreshAfterAnAction() {
    const qint64 id = idOf(ordo::test::gui::orderNumber(65)); // held for the address check
    QVERIFY(m_model->rowForId(id) >= 0);
    QSignalSpy finished(m_backend.get(), &OrderBackend::actionFinished);
    const quint64 ticket =
        m_backend->release(id, {u"ana"_s, ordo::Role::CustomerService}, u"address confirmed"_s);
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().at(0).toULongLong(), ticket);
    QCOMPARE(finished.first().at(2).toString(), QString());

    QSignalSpy loaded(m_model.get(), &ExceptionQueueModel::loaded);
    m_model->refresh();
    QVERIFY(loaded.wait());
    QCOMPARE(loaded.first().at(0).toInt(), ordo::test::gui::heldCount() - 1);
    QCOMPARE(m_model->rowForId(id), -1);
    QCOMPARE(ordo::OrderQuery(m_database->db()).detail(id)->order.status, ordo::OrderStatus::Validated);
}

void TestExceptionQueueModel::releaseThatStillFailsIsRefused() {
    const qint64 id = idOf(ordo::test::gui::orderNumber(45)); // held for an unknown SKU
    QSignalSpy finished(m_backend.get(), &OrderBackend::actionFinished);
    m_backend->release(id, {u"ana"_s, ordo::Role::CustomerService}, u"try again"_s);
    QVERIFY(finished.wait());
    const QString error = finished.first().at(2).toString();
    QVERIFY2(error.contains(u"UNKNOWN_SKU"_s), qPrintable(error));
    QCOMPARE(ordo::OrderQuery(m_database->db()).detail(id)->order.status, ordo::OrderStatus::Exception);
}

void TestExceptionQueueModel::keepsTheOrderOfTimeHeld() {
    // Longest held first, whatever the order of capture.
    for (int row = 1; row < m_model->rowCount(); ++row) {
        const ordo::OrderSummary& before = m_model->summary(row - 1);
        const ordo::OrderSummary& after = m_model->summary(row);
        QVERIFY2(before.statusChangedAt < after.statusChangedAt ||
                     (before.statusChangedAt == after.statusChangedAt && before.id < after.id),
                 qPrintable(u"row %1"_s.arg(row)));
    }
    // The view's default, the Age column descending, is the same order.
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model.get());
    proxy.setSortRole(ExceptionQueueModel::RawRole);
    proxy.sort(ExceptionQueueModel::Age, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data(ExceptionQueueModel::IdRole).toLongLong(), m_model->summary(0).id);
}

void TestExceptionQueueModel::heldOrderEntersAsOneRow() {
    const qint64 id = idOf(ordo::test::gui::orderNumber(6));
    QTest::qWait(5); // held after every other order, to the millisecond
    ordo::OrderLifecycle(m_database->db())
        .raiseException(id, {{u"MANUAL_HOLD"_s, u"customer called"_s}}, {u"ops"_s, ordo::Role::Manager});
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy counted(m_model.get(), &ExceptionQueueModel::countChanged);
    QSignalSpy updated(m_model.get(), &ExceptionQueueModel::ordersUpdated);
    m_model->ordersChanged({id});
    QVERIFY(updated.wait());
    QCOMPARE(inserted.size(), 1);
    const int last = ordo::test::gui::heldCount(); // held last: the end of the queue
    QCOMPARE(inserted.first().at(1).toInt(), last);
    QCOMPARE(inserted.first().at(2).toInt(), last);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(m_model->rowForId(id), last);
    QCOMPARE(m_model->index(last, ExceptionQueueModel::Reason).data().toString(), u"MANUAL_HOLD"_s);
    QCOMPARE(counted.size(), 1);
    QCOMPARE(counted.first().at(0).toInt(), ordo::test::gui::heldCount() + 1);
}

void TestExceptionQueueModel::releasedOrderLeavesAsOneRow() {
    const qint64 id = idOf(ordo::test::gui::orderNumber(65)); // held for the address check
    const int row = m_model->rowForId(id);
    QVERIFY(row >= 0);
    ordo::OrderLifecycle(m_database->db())
        .release(id, {u"ana"_s, ordo::Role::CustomerService}, u"confirmed"_s);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy data(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy updated(m_model.get(), &ExceptionQueueModel::ordersUpdated);
    m_model->ordersChanged({id});
    QVERIFY(updated.wait());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), row);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(data.size(), 0);
    QCOMPARE(m_model->rowForId(id), -1);
    QCOMPARE(m_model->rowCount(), ordo::test::gui::heldCount() - 1);
    for (int r = 0; r < m_model->rowCount(); ++r)
        QCOMPARE(m_model->rowForId(m_model->summary(r).id), r);
}

void TestExceptionQueueModel::changesWhileLoadingWaitForTheList() {
    const qint64 id = idOf(ordo::test::gui::orderNumber(65));
    ordo::OrderLifecycle(m_database->db())
        .release(id, {u"ana"_s, ordo::Role::CustomerService}, u"confirmed"_s);
    m_model->refresh();
    m_model->ordersChanged({id}); // asked while the new list loads: applied to the new list
    QSignalSpy updated(m_model.get(), &ExceptionQueueModel::ordersUpdated);
    QVERIFY(updated.wait());
    QVERIFY(!m_model->isLoading());
    QCOMPARE(m_model->rowForId(id), -1);
    QCOMPARE(m_model->rowCount(), ordo::test::gui::heldCount() - 1);
}

QTEST_MAIN(TestExceptionQueueModel)
#include "tst_exceptionqueuemodel.moc"
