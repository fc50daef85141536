// The correction actions of the Exceptions view: Edit address… and Map SKU…, driven through their dialogs.
#include "AddressDialog.h"
#include "ExceptionCorrections.h"
#include "ExceptionQueueModel.h"
#include "ExceptionsView.h"
#include "MapSkuDialog.h"
#include "OrderBackend.h"
#include "SampleWorld.h"
#include "Screenshots.h"
#include "SkuMatchModel.h"
#include "TestDatabase.h"
#include "channels/ImportService.h"
#include "formats/OrderFormats.h"
#include "orders/OrderCapture.h"
#include "orders/OrderQuery.h"
#include "storage/SkuCrossReference.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace ordo;
using ordo::ui::ExceptionsView;

class TestExceptionCorrections : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void buttonsFollowTheSelection();
    void warehouseMayNotCorrect();
    void addressDialogReleasesTheOrder();
    void mapSkuDialogMapsEveryHeldOrderWithTheCode();
    void mapSkuDialogRemembersForThePartner();

private:
    qint64 idOf(const QString& number) const {
        return OrderQuery(m_database->db()).findId(number).value_or(0);
    }
    OrderStatus statusOf(const QString& number) const {
        return OrderQuery(m_database->db()).detail(idOf(number))->order.status;
    }
    bool inQueue(const QString& number) const { return m_view->model()->rowForId(idOf(number)) >= 0; }
    // Selects the order and waits until the buttons know what it is held for.
    bool select(const QString& number);
    template <typename T> T* openedDialog();
    void saveShot(QWidget* widget, const QString& name);

    std::unique_ptr<test::TestDatabase> m_database;
    std::unique_ptr<ui::OrderBackend> m_backend;
    std::unique_ptr<ExceptionsView> m_view;
    QStringList m_messages;
};

void TestExceptionCorrections::init() {
    QStandardPaths::setTestModeEnabled(true);
    m_database = test::TestDatabase::create(u"sqlite"_s);
    QVERIFY(m_database);
    Database& db = m_database->db();
    test::createSampleWorld(db);
    OrderCapture capture(db, Actor::system());
    Order badZip = test::sampleOrder(u"A-1"_s, {{u"SKU-1"_s, 1}});
    badZip.shipTo.postalCode = u"1011"_s;
    capture.capture(badZip);
    capture.capture(test::sampleOrder(u"S-1"_s, {{u"XJ-9"_s, 1}}));
    capture.capture(test::sampleOrder(u"S-2"_s, {{u"SKU-1"_s, 1}, {u"XJ-9"_s, 2}}));
    capture.capture(test::sampleOrder(u"S-3"_s, {{u"XJ-9"_s, 1}, {u"ZZ-1"_s, 1}}));
    capture.capture(test::sampleOrder(u"V-1"_s, {{u"SKU-2"_s, 1}}));
    const QByteArray x12 =
        "ISA|00|          |00|          |ZZ|NORTHSUPPLY    |ZZ|ORDOVENDOR     "
        "|261128|1615|U|00401|000000042|0|P|^\n"
        "GS|PO|NORTHSUPPLY|ORDOVENDOR|20261128|1615|5|X|004010\nST|850|0001\nBEG|00|SA|PO-9001||20261128\n"
        "CUR|BY|CAD\nN1|ST|North Supply Warehouse\nN3|88 Industrial Road\nN4|Mississauga|ON|L5T 2B4|CA\n"
        "PO1|1|5|EA|12.5||BP|NS-9\nPID|F||||Field cap, olive\nCTT|1\nSE|10|0001\nGE|1|5\nIEA|1|000000042\n";
    ImportService(db, Actor{u"import"_s, Role::System})
        .importDocument(x12, u"po.x12"_s, *OrderFormats::byName(u"x12"_s));
    QCOMPARE(statusOf(u"PO-9001"_s), OrderStatus::Exception);

    m_backend = std::make_unique<ui::OrderBackend>();
    m_backend->open(m_database->url());
    m_view = std::make_unique<ExceptionsView>(m_backend.get(), Actor{u"cleo"_s, Role::CustomerService});
    connect(m_view.get(), &ExceptionsView::statusMessage, this,
            [this](const QString& m) { m_messages << m; });
    m_view->resize(1300, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTRY_VERIFY(!m_view->model()->isLoading());
    QCOMPARE(m_view->model()->rowCount(), 5);
}

void TestExceptionCorrections::cleanup() {
    m_view.reset();
    m_backend.reset();
    m_database.reset();
}

bool TestExceptionCorrections::select(const QString& number) {
    const int row = m_view->model()->rowForId(idOf(number));
    if (row < 0)
        return false;
    ui::ExceptionCorrections* corrections = m_view->corrections();
    const QModelIndex index = m_view->proxy()->mapFromSource(m_view->model()->index(row, 0));
    m_view->table()->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    return QTest::qWaitFor([&] {
        return corrections->context() && corrections->context()->orderId == idOf(number) &&
               !corrections->isBusy();
    });
}

template <typename T> T* TestExceptionCorrections::openedDialog() {
    T* dialog = nullptr;
    (void)QTest::qWaitFor([&] {
        for (T* d : m_view->findChildren<T*>())
            if (d->isVisible())
                dialog = d;
        return dialog != nullptr;
    });
    return dialog;
}

void TestExceptionCorrections::saveShot(QWidget* widget, const QString& name) {
    QVERIFY(ordo::test::gui::saveScreenshot(widget, name + u".png"_s));
}

void TestExceptionCorrections::buttonsFollowTheSelection() {
    ui::ExceptionCorrections* c = m_view->corrections();
    QVERIFY(select(u"A-1"_s));
    QVERIFY(c->editAddressButton()->isEnabled());
    QVERIFY(!c->mapSkuButton()->isEnabled());
    QVERIFY(c->revalidateButton()->isEnabled());
    QVERIFY(select(u"S-1"_s));
    QVERIFY(!c->editAddressButton()->isEnabled());
    QVERIFY(c->mapSkuButton()->isEnabled());
    QCOMPARE(c->context()->unknownLines.size(), 1);
    QCOMPARE(c->context()->unknownLines[0].rawCode, u"XJ-9"_s);
    // Several orders: the corrections work on one.
    m_view->table()->selectAll();
    QTRY_VERIFY(!c->context());
    QVERIFY(!c->editAddressButton()->isEnabled());
    QVERIFY(!c->mapSkuButton()->isEnabled());
    QVERIFY(!c->revalidateButton()->isEnabled());
}

void TestExceptionCorrections::warehouseMayNotCorrect() {
    ExceptionsView view(m_backend.get(), Actor{u"wes"_s, Role::Warehouse});
    view.show();
    QTRY_VERIFY(!view.model()->isLoading());
    const int row = view.model()->rowForId(idOf(u"A-1"_s));
    view.table()->selectRow(view.proxy()->mapFromSource(view.model()->index(row, 0)).row());
    QTRY_VERIFY(view.corrections()->context().has_value());
    QVERIFY(!view.corrections()->editAddressButton()->isEnabled());
    QCOMPARE(view.corrections()->editAddressButton()->toolTip(), u"Your role may not correct orders"_s);
}

void TestExceptionCorrections::addressDialogReleasesTheOrder() {
    QVERIFY(select(u"A-1"_s));
    QTest::mouseClick(m_view->corrections()->editAddressButton(), Qt::LeftButton);
    auto* dialog = openedDialog<ui::AddressDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->postalCodeEdit()->text(), u"1011"_s);
    QCOMPARE(dialog->cityEdit()->text(), u"New York"_s);
    QCOMPARE(dialog->countryEdit()->text(), u"US"_s);
    auto* reasons = dialog->findChild<QLabel*>(u"heldReasons"_s);
    QVERIFY(reasons->text().contains(u"INVALID_POSTAL_CODE"_s));
    QVERIFY(reasons->text().contains(u"'1011' is not a postal code of US"_s));
    QCOMPARE(dialog->postalCheck()->text(), u"✗ Not a postal code of US (12345 or 12345-6789)"_s);
    saveShot(dialog, u"address-dialog-before"_s);

    dialog->postalCodeEdit()->clear();
    QTest::keyClicks(dialog->postalCodeEdit(), u"10118"_s);
    QCOMPARE(dialog->postalCheck()->text(), u"✓ A postal code of US"_s);
    QCOMPARE(dialog->findChild<QLabel*>(u"coordinatesNote"_s)->text(),
             u"Coordinates 40.7484, -73.9857 will be dropped: the postal code changed."_s);
    QTest::keyClicks(dialog->findChild<QPlainTextEdit*>(u"noteEdit"_s), u"ZIP confirmed by phone"_s);
    saveShot(dialog, u"address-dialog"_s);
    m_messages.clear();
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QTRY_VERIFY(m_messages.contains(u"Order A-1 released: it passes every rule."_s));
    QTRY_VERIFY(!inQueue(u"A-1"_s));
    QCOMPARE(statusOf(u"A-1"_s), OrderStatus::Validated);
    const Order stored = OrderQuery(m_database->db()).detail(idOf(u"A-1"_s))->order;
    QCOMPARE(stored.shipTo.postalCode, u"10118"_s);
    QVERIFY(!stored.shipTo.position);
    QCOMPARE(OrderQuery(m_database->db()).detail(idOf(u"A-1"_s))->events.last().detail,
             u"ZIP confirmed by phone"_s);
}

void TestExceptionCorrections::mapSkuDialogMapsEveryHeldOrderWithTheCode() {
    QVERIFY(select(u"S-1"_s));
    QTest::mouseClick(m_view->corrections()->mapSkuButton(), Qt::LeftButton);
    auto* dialog = openedDialog<ui::MapSkuDialog>();
    QVERIFY(dialog);
    QAbstractItemModelTester tester(dialog->matches(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(dialog->linesTable()->rowCount(), 1);
    QCOMPARE(dialog->linesTable()->item(0, 1)->text(), u"XJ-9"_s);
    QCOMPARE(dialog->lineNo(), 1);
    QVERIFY(!dialog->mapButton()->isEnabled());   // no SKU chosen yet
    QVERIFY(!dialog->rememberBox()->isEnabled()); // captured without a channel document
    QTest::keyClicks(dialog->searchEdit(), u"SKU-2"_s);
    QTRY_COMPARE(dialog->matches()->rowCount(), 1);
    QCOMPARE(dialog->matches()->match(0).code, u"SKU-2"_s);
    QCOMPARE(dialog->skuCode(), u"SKU-2"_s); // a single match is chosen
    QVERIFY(dialog->mapButton()->isEnabled());
    QCOMPARE(dialog->everywhereBox()->text(), u"Apply to every held order with 'XJ-9'"_s);
    dialog->everywhereBox()->setChecked(true);
    saveShot(dialog, u"map-sku-dialog-everywhere"_s);
    m_messages.clear();
    QTest::mouseClick(dialog->mapButton(), Qt::LeftButton);
    QTRY_VERIFY(
        m_messages.contains(u"Mapped 'XJ-9' → SKU-2 on 3 order(s): 2 released, 1 still held, 0 refused."_s));
    QTRY_VERIFY(!inQueue(u"S-1"_s) && !inQueue(u"S-2"_s));
    QVERIFY(inQueue(u"S-3"_s));
    QCOMPARE(statusOf(u"S-2"_s), OrderStatus::Validated);
    const Order s3 = OrderQuery(m_database->db()).detail(idOf(u"S-3"_s))->order;
    QCOMPARE(s3.lines[0].skuCode, u"SKU-2"_s);
    QCOMPARE(s3.exceptionReasons.size(), 1);
    QCOMPARE(s3.exceptionReasons[0].detail, u"line 2: SKU 'ZZ-1' is not in the catalogue"_s);
    QCOMPARE(m_view->model()->rowCount(), 3); // A-1, S-3 and PO-9001
    QVERIFY(inQueue(u"A-1"_s) && inQueue(u"PO-9001"_s));
}

void TestExceptionCorrections::mapSkuDialogRemembersForThePartner() {
    QVERIFY(select(u"PO-9001"_s));
    QVERIFY(m_view->corrections()->mapSkuButton()->isEnabled());
    QTest::mouseClick(m_view->corrections()->mapSkuButton(), Qt::LeftButton);
    auto* dialog = openedDialog<ui::MapSkuDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->linesTable()->item(0, 1)->text(), u"(no code)"_s);
    QCOMPARE(dialog->linesTable()->item(0, 2)->text(), u"BP NS-9"_s);
    QCOMPARE(dialog->code(), u"NS-9"_s);
    QVERIFY(dialog->rememberBox()->isEnabled());
    QCOMPARE(dialog->rememberBox()->text(),
             u"Remember for partner NORTHSUPPLY: map it by itself on the next import"_s);
    QTest::keyClicks(dialog->searchEdit(), u"SKU"_s);
    QTRY_COMPARE(dialog->matches()->rowCount(), 5);
    QVERIFY(!dialog->mapButton()->isEnabled());
    dialog->matchesView()->selectRow(2);
    QCOMPARE(dialog->skuCode(), u"SKU-3"_s);
    dialog->rememberBox()->setChecked(true);
    saveShot(dialog, u"map-sku-dialog"_s);
    m_messages.clear();
    QTest::mouseClick(dialog->mapButton(), Qt::LeftButton);
    QTRY_VERIFY(m_messages.contains(u"Order PO-9001 released: it passes every rule."_s));
    QTRY_VERIFY(!inQueue(u"PO-9001"_s));
    const QList<SkuXrefEntry> rows = SkuCrossReference(m_database->db()).all();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0], (SkuXrefEntry{u"NORTHSUPPLY"_s, u"BP"_s, u"NS-9"_s, u"SKU-3"_s}));
    saveShot(m_view.get(), u"exceptions-after-corrections"_s);
}

QTEST_MAIN(TestExceptionCorrections)
#include "tst_exceptioncorrections.moc"
