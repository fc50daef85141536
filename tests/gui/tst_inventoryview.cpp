#include "AdjustStockDialog.h"
#include "AtpBreakdownModel.h"
#include "ChannelAtpModel.h"
#include "InventoryView.h"
#include "LedgerModel.h"
#include "MainWindow.h"
#include "OrderBackend.h"
#include "SampleWorld.h"
#include "Screenshots.h"
#include "SkuMatchModel.h"
#include "StockFormat.h"
#include "StockPositionModel.h"
#include "TestDatabase.h"
#include "inventory/AtpService.h"
#include "inventory/InventoryLedger.h"
#include "inventory/InventoryQuery.h"
#include "inventory/SegmentationRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace ordo;
using ordo::ui::InventoryView;
using ordo::ui::MainWindow;
using ordo::ui::StockPositionModel;

// The Inventory view on a small world:
//   SKU-1 at DC-EAST   on hand 120, reserved 4, safety 10  -> ATP 106 (normal)
//         at ST-NYC    on hand 7,   reserved 0, safety 5   -> ATP 2   (low: no more than the safety stock)
//         at VN-ACME   on hand 3,   reserved 3, safety 0   -> ATP 0   (out)
//   web ships from DC-EAST and VN-ACME, keeps a buffer of 2 and promises future supply within 7 days
//   (PO-1: 50 units at DC-EAST in 3 days): web ATP = (120-4-10-2) + 50 + max(0, 3-3-0-2) = 154;
//   pos hands over pickups at ST-NYC only.
class TestInventoryView : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void navigatesWithCtrl3();
    void typingListsMatchesWithoutOpening();
    void scanningACodeOpensTheSku();
    void matchesShowWholeCodes();
    void positionsAndAtpEqualTheCore();
    void highlightsLowStock();
    void channelComputationIsShown();
    void showsTheLedgerOfThePosition();
    void adjustsStockThroughTheDialog();
    void showsWhyAnAdjustmentFailed();
    void refreshShowsChangesMadeElsewhere();
    void rolesThatMayNotChangeStockCannotAdjust();
    void savesScreenshot();

private:
    InventoryView* view() const { return m_window->inventoryView(); }
    void applyEvents(const QList<InventoryEvent>& events);
    int rowOf(const QString& location) const { return view()->positionModel()->rowForLocation(location); }
    QVariant cell(const QString& location, int column, int role = Qt::DisplayRole) const {
        StockPositionModel* model = view()->positionModel();
        return model->index(rowOf(location), column).data(role);
    }
    void openSku1();

    std::unique_ptr<test::TestDatabase> m_database;
    std::unique_ptr<MainWindow> m_window;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
    Actor m_actor{u"maria"_s, Role::Manager};
};

void TestInventoryView::applyEvents(const QList<InventoryEvent>& events) {
    const ApplyReport report =
        InventoryLedger(m_database->db()).apply(events, {}, Actor{u"admin"_s, Role::Admin});
    QCOMPARE(report.rejected, 0);
}

void TestInventoryView::init() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"OrdoTest"_s);
    QCoreApplication::setApplicationName(u"tst_inventoryview"_s);
    m_database = test::TestDatabase::create(u"sqlite"_s);
    QVERIFY(m_database);
    Database& db = m_database->db();
    test::createSampleWorld(db);
    const QDateTime counted = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const auto snapshot = [&](const QString& id, const QString& location, qint64 onHand, qint64 safety) {
        return InventoryEvent{id,     location, u"SKU-1"_s,       InventoryEventKind::Snapshot,
                              onHand, safety,   u"CYCLE_COUNT"_s, counted,
                              0};
    };
    applyEvents({snapshot(u"count-1"_s, u"DC-EAST"_s, 118, 10),
                 snapshot(u"count-2"_s, u"ST-NYC"_s, 7, 5),
                 snapshot(u"count-3"_s, u"VN-ACME"_s, 3, 0),
                 {u"recv-1"_s, u"DC-EAST"_s, u"SKU-1"_s, InventoryEventKind::Delta, 2, std::nullopt,
                  u"RECEIVED"_s, counted.addSecs(60), 0}});
    // Held stock, as reservations would leave it.
    SqlQuery(db, u"UPDATE positions SET reserved = on_hand WHERE location_id = "
                 "(SELECT id FROM locations WHERE code = 'VN-ACME')"_s)
        .exec();
    SqlQuery(db, u"UPDATE positions SET reserved = 4 WHERE location_id = "
                 "(SELECT id FROM locations WHERE code = 'DC-EAST')"_s)
        .exec();

    SegmentationRepository segmentation(db, Actor{u"admin"_s, Role::Admin});
    segmentation.addPoolLocation(Channel::Web, DeliveryMethod::Ship, u"DC-EAST"_s);
    segmentation.addPoolLocation(Channel::Web, DeliveryMethod::Ship, u"VN-ACME"_s);
    segmentation.addPoolLocation(Channel::Pos, DeliveryMethod::Pickup, u"ST-NYC"_s);
    ChannelPolicy web;
    web.channel = Channel::Web;
    web.bufferUnits = 2;
    web.allowFutureSupply = true;
    web.horizonDays = 7;
    segmentation.setPolicy(web);
    segmentation.addFutureSupply(
        {u"PO-1"_s, u"DC-EAST"_s, u"SKU-1"_s, 50, QDateTime::currentDateTimeUtc().addDays(3)});

    m_window = std::make_unique<MainWindow>(
        MainWindow::DatabaseInfo{db.url(), db.displayName(), db.isCentral()}, m_actor);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    InventoryView* v = view();
    for (QAbstractItemModel* model : std::initializer_list<QAbstractItemModel*>{
             v->matchModel(), v->positionModel(), v->channelModel(), v->breakdownModel(), v->ledgerModel()})
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
}

void TestInventoryView::cleanup() {
    m_testers.clear();
    m_window.reset();
    m_database.reset();
}

void TestInventoryView::openSku1() {
    if (view()->currentSku() == u"SKU-1" && view()->positionModel()->rowCount() == 3)
        return;
    QSignalSpy loaded(view(), &InventoryView::skuLoaded);
    view()->search(u"SKU-1"_s);
    QVERIFY(loaded.wait());
}

void TestInventoryView::navigatesWithCtrl3() {
    auto* navigation = m_window->findChild<QListWidget*>(u"navigation"_s);
    QCOMPARE(navigation->count(), 3);
    QCOMPARE(navigation->item(2)->text(), u"Inventory"_s);
    m_window->activateWindow();
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(m_window->currentView(), MainWindow::View::Inventory);
    QVERIFY(view()->isVisible());
}

void TestInventoryView::typingListsMatchesWithoutOpening() {
    QLineEdit* search = view()->searchField();
    search->setFocus();
    QTest::keyClicks(search, u"sample"_s);
    QTRY_COMPARE(view()->matchModel()->rowCount(), 5); // after the typing pause
    QCOMPARE(view()->matchModel()->match(0).code, u"SKU-1"_s);
    QCOMPARE(view()->matchModel()->index(0, ui::SkuMatchModel::Name).data().toString(), u"Sample item 1"_s);
    QVERIFY(view()->currentSku().isEmpty());
    QCOMPARE(m_window->findChild<QLabel*>(u"skuMatchCount"_s)->text(), u"5 SKUs match “sample”"_s);

    // Enter on a list of several does not open one either; choosing a row does.
    QTest::keyClick(search, Qt::Key_Return);
    QTest::qWait(100);
    QVERIFY(view()->currentSku().isEmpty());
    auto* matches = m_window->findChild<QTableView*>(u"skuMatches"_s);
    QSignalSpy loaded(view(), &InventoryView::skuLoaded);
    matches->setFocus();
    matches->setCurrentIndex(view()->matchModel()->index(2, 0));
    QTest::keyClick(matches, Qt::Key_Return);
    QVERIFY(loaded.wait());
    QCOMPARE(view()->currentSku(), u"SKU-3"_s);
    QCOMPARE(view()->positionModel()->rowCount(), 0); // no stock anywhere
}

void TestInventoryView::scanningACodeOpensTheSku() {
    // A scanner types the code and Enter; the case of the code does not matter.
    QLineEdit* search = view()->searchField();
    search->clear();
    QSignalSpy loaded(view(), &InventoryView::skuLoaded);
    QTest::keyClicks(search, u"sku-1"_s);
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(loaded.wait());
    QCOMPARE(loaded.first().at(0).toString(), u"SKU-1"_s);
    QCOMPARE(view()->currentSku(), u"SKU-1"_s);
    QCOMPARE(m_window->findChild<QLabel*>(u"skuTitle"_s)->text(), u"SKU-1 — Sample item 1"_s);
    QCOMPARE(search->selectedText(), u"sku-1"_s); // the next scan replaces it
}

void TestInventoryView::matchesShowWholeCodes() {
    // Fifteen variants of one product: their codes differ only at the end.
    SkuRepository skus(m_database->db());
    QStringList codes;
    for (const QString& colour : {u"BLK"_s, u"NVY"_s, u"OLV"_s})
        for (const QString& size : {u"XS"_s, u"S"_s, u"M"_s, u"L"_s, u"XL"_s}) {
            codes << u"AP-00392-%1-%2"_s.arg(colour, size);
            skus.upsert(
                Sku{0, codes.last(), u"Field jacket, %1 %2"_s.arg(colour, size), 900, {12900, u"USD"_s}});
        }
    m_window->showView(MainWindow::View::Inventory);
    QLineEdit* search = view()->searchField();
    search->setFocus();
    QTest::keyClicks(search, u"AP-00392"_s);
    QTRY_COMPARE(view()->matchModel()->rowCount(), 15);
    auto* matches = m_window->findChild<QTableView*>(u"skuMatches"_s);
    QVERIFY(matches);
    QTest::qWait(20); // the header sizes the column to its contents when it lays out
    const QFontMetrics metrics = matches->fontMetrics();
    const int width = matches->columnWidth(ui::SkuMatchModel::Code);
    QStringList shown;
    for (int row = 0; row < view()->matchModel()->rowCount(); ++row) {
        const QString code = view()->matchModel()->index(row, ui::SkuMatchModel::Code).data().toString();
        shown << code;
        QVERIFY2(metrics.horizontalAdvance(code) < width,
                 qPrintable(u"%1 needs %2 px, the column has %3"_s.arg(code)
                                .arg(metrics.horizontalAdvance(code))
                                .arg(width)));
    }
    shown.sort();
    codes.sort();
    QCOMPARE(shown, codes);
    QCOMPARE(matches->textElideMode(), Qt::ElideMiddle); // a narrow pane keeps the end that tells them apart
    QVERIFY(ordo::test::gui::saveScreenshot(m_window.get(), u"inventory-sku-matches.png"_s));
}

void TestInventoryView::positionsAndAtpEqualTheCore() {
    openSku1();
    StockPositionModel* model = view()->positionModel();
    const QList<StockPosition> positions = InventoryQuery(m_database->db()).positions(u"SKU-1"_s);
    QCOMPARE(model->rowCount(), positions.size());
    AtpService atp(m_database->db());
    const AtpResult overall = atp.atp({u"SKU-1"_s, std::nullopt, std::nullopt, {}, {}});
    for (const StockPosition& p : positions) {
        QVERIFY(rowOf(p.locationCode) >= 0);
        QCOMPARE(cell(p.locationCode, StockPositionModel::Name).toString(), p.locationName);
        QCOMPARE(cell(p.locationCode, StockPositionModel::OnHand, StockPositionModel::RawRole).toLongLong(),
                 p.onHand);
        QCOMPARE(cell(p.locationCode, StockPositionModel::Reserved, StockPositionModel::RawRole).toLongLong(),
                 p.reserved);
        QCOMPARE(
            cell(p.locationCode, StockPositionModel::SafetyStock, StockPositionModel::RawRole).toLongLong(),
            p.safetyStock);
        for (const AtpLocationFigure& f : overall.locations)
            if (f.locationCode == p.locationCode)
                QCOMPARE(
                    cell(p.locationCode, StockPositionModel::Atp, StockPositionModel::RawRole).toLongLong(),
                    f.atp);
    }
    // Hand-computed: on hand - reserved - safety, never below zero.
    QCOMPARE(cell(u"DC-EAST"_s, StockPositionModel::Atp).toString(), u"106"_s);
    QCOMPARE(cell(u"ST-NYC"_s, StockPositionModel::Atp).toString(), u"2"_s);
    QCOMPARE(cell(u"VN-ACME"_s, StockPositionModel::Atp).toString(), u"0"_s);
    QCOMPARE(cell(u"DC-EAST"_s, StockPositionModel::Type).toString(), u"Distribution centre"_s);

    ui::ChannelAtpModel* channels = view()->channelModel();
    QCOMPARE(channels->rowCount(), int(std::size(allChannels)));
    for (Channel channel : allChannels) {
        const int row = channels->rowForChannel(channel);
        QVERIFY(row >= 0);
        const AtpResult expected = atp.atp({u"SKU-1"_s, channel, std::nullopt, {}, {}});
        QCOMPARE(
            channels->index(row, ui::ChannelAtpModel::Atp).data(ui::ChannelAtpModel::RawRole).toLongLong(),
            expected.atp);
        QCOMPARE(channels->result(row).locations, expected.locations);
    }
    const int web = channels->rowForChannel(Channel::Web);
    QCOMPARE(channels->index(web, ui::ChannelAtpModel::Atp).data().toString(), u"154"_s);
    QCOMPARE(channels->index(web, ui::ChannelAtpModel::Buffer).data().toString(), u"4"_s);
    QCOMPARE(channels->index(web, ui::ChannelAtpModel::Future).data().toString(), u"50"_s);
    QCOMPARE(channels->index(web, ui::ChannelAtpModel::Locations).data().toString(), u"2"_s);
    const int pos = channels->rowForChannel(Channel::Pos);
    QCOMPARE(channels->index(pos, ui::ChannelAtpModel::Atp).data().toString(), u"2"_s);
    QVERIFY(m_window->findChild<QLabel*>(u"skuSummary"_s)->text().startsWith(u"On hand 130 · reserved 7"_s));
}

void TestInventoryView::highlightsLowStock() {
    openSku1();
    const ui::BadgeColors low = ui::stockLevelColors(ui::StockLevel::Low);
    const ui::BadgeColors out = ui::stockLevelColors(ui::StockLevel::Out);
    QVERIFY(!cell(u"DC-EAST"_s, StockPositionModel::Atp, Qt::BackgroundRole).isValid());
    QCOMPARE(cell(u"ST-NYC"_s, StockPositionModel::Atp, Qt::BackgroundRole).value<QColor>(), low.fill);
    QCOMPARE(cell(u"ST-NYC"_s, StockPositionModel::Location, Qt::ForegroundRole).value<QColor>(), low.text);
    QVERIFY2(cell(u"ST-NYC"_s, StockPositionModel::Atp, Qt::ToolTipRole)
                 .toString()
                 .startsWith(u"Low stock: 2 available to promise, no more than the safety stock of 5."_s),
             qPrintable(cell(u"ST-NYC"_s, StockPositionModel::Atp, Qt::ToolTipRole).toString()));
    QCOMPARE(cell(u"VN-ACME"_s, StockPositionModel::OnHand, Qt::BackgroundRole).value<QColor>(), out.fill);
    QCOMPARE(cell(u"VN-ACME"_s, StockPositionModel::OnHand, Qt::ToolTipRole).toString(),
             u"Out of stock: nothing is available to promise here."_s);
    QVERIFY(m_window->findChild<QLabel*>(u"skuSummary"_s)->text().endsWith(u"2 low"_s));
}

void TestInventoryView::channelComputationIsShown() {
    openSku1();
    ui::ChannelAtpModel* channels = view()->channelModel();
    const int web = channels->rowForChannel(Channel::Web);
    const QString tip = channels->index(web, ui::ChannelAtpModel::Atp).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"DC-EAST: on hand 120 − reserved 4 − safety 10 − buffer 2 + future 50 = 154"_s),
             qPrintable(tip));
    QVERIFY2(tip.contains(u"VN-ACME: max(0, on hand 3 − reserved 3 − safety 0 − buffer 2) + future 0 = 0"_s),
             qPrintable(tip));

    view()->channelsTable()->setCurrentIndex(channels->index(web, 0));
    ui::AtpBreakdownModel* breakdown = view()->breakdownModel();
    QCOMPARE(breakdown->rowCount(), 2);
    QCOMPARE(breakdown->index(0, ui::AtpBreakdownModel::Location).data().toString(), u"DC-EAST"_s);
    QCOMPARE(breakdown->index(0, ui::AtpBreakdownModel::Computation).data().toString(),
             u"120 − 4 − 10 − 2 + 50 = 154"_s);
    QCOMPARE(
        breakdown->index(1, ui::AtpBreakdownModel::Atp).data(ui::AtpBreakdownModel::RawRole).toLongLong(), 0);
    QCOMPARE(m_window->findChild<QLabel*>(u"breakdownTitle"_s)->text(),
             u"Computation for Web shop: 154 available to promise"_s);
}

void TestInventoryView::showsTheLedgerOfThePosition() {
    openSku1();
    QSignalSpy ledger(view(), &InventoryView::ledgerLoaded);
    view()->selectLocation(u"DC-EAST"_s);
    if (view()->ledgerModel()->rowCount() != 2)
        QVERIFY(ledger.wait());
    ui::LedgerModel* model = view()->ledgerModel();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->entry(0).eventId, u"recv-1"_s); // newest first
    QCOMPARE(model->index(0, ui::LedgerModel::Quantity).data().toString(), u"+2"_s);
    QCOMPARE(model->index(0, ui::LedgerModel::Kind).data().toString(), u"Change"_s);
    QCOMPARE(model->index(0, ui::LedgerModel::OnHandAfter).data().toString(), u"120"_s);
    QCOMPARE(model->index(1, ui::LedgerModel::Kind).data().toString(), u"Count"_s);
    QCOMPARE(model->index(1, ui::LedgerModel::Quantity).data().toString(), u"118"_s);
    QCOMPARE(model->index(1, ui::LedgerModel::Reason).data().toString(), u"CYCLE_COUNT"_s);
    QCOMPARE(m_window->findChild<QLabel*>(u"ledgerTitle"_s)->text(), u"Recent events at DC-EAST"_s);
}

void TestInventoryView::adjustsStockThroughTheDialog() {
    openSku1();
    view()->selectLocation(u"DC-EAST"_s);
    // The dialog is modal: fill it in and press its OK button once it is up.
    bool filled = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = view()->findChild<ui::AdjustStockDialog*>(u"adjustStockDialog"_s);
        QVERIFY(dialog);
        QCOMPARE(dialog->adjustment().locationCode, u"DC-EAST"_s); // the selected position
        dialog->setDelta(-3);
        dialog->setReasonCode(u"DAMAGED"_s);
        dialog->setNote(u"forklift  accident"_s);
        QCOMPARE(dialog->findChild<QLabel*>(u"adjustPreview"_s)->text(), u"On hand at DC-EAST: 120 → 117"_s);
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        filled = true;
    });
    QSignalSpy adjusted(view(), &InventoryView::stockAdjusted);
    QSignalSpy loaded(view(), &InventoryView::ledgerLoaded);
    auto* button = m_window->findChild<QPushButton*>(u"adjustButton"_s);
    QVERIFY(button->isEnabled());
    button->click();
    QVERIFY(filled);
    QVERIFY(adjusted.wait());
    QTRY_COMPARE(cell(u"DC-EAST"_s, StockPositionModel::OnHand).toString(), u"117"_s);
    QTRY_VERIFY(loaded.size() >= 1);
    QTRY_COMPARE(view()->ledgerModel()->rowCount(), 3);
    const LedgerEntry& newest = view()->ledgerModel()->entry(0);
    QCOMPARE(newest.quantity, -3);
    QCOMPARE(newest.onHandAfter, 117);
    QCOMPARE(newest.reason, u"DAMAGED: forklift accident"_s);
    QCOMPARE(newest.actor, u"maria"_s);
    QVERIFY(!QUuid::fromString(newest.eventId).isNull()); // a fresh UUID
    QCOMPARE(view()->ledgerModel()->index(0, ui::LedgerModel::Quantity).data().toString(), u"-3"_s);
    // In the database, with its audit event.
    QCOMPARE(InventoryQuery(m_database->db()).positions(u"SKU-1"_s).at(0).onHand, 117);
    QVERIFY(SqlQuery(m_database->db(), u"SELECT count(*) FROM audit_events WHERE actor = 'maria'"_s)
                .scalar()
                .toInt() >= 1);
    QCOMPARE(cell(u"DC-EAST"_s, StockPositionModel::Atp).toString(), u"103"_s);
}

void TestInventoryView::showsWhyAnAdjustmentFailed() {
    openSku1();
    QSignalSpy failed(view(), &InventoryView::adjustFailed);
    view()->adjust({u"VN-ACME"_s, u"SKU-1"_s, -10, u"SHRINKAGE"_s, {}});
    QVERIFY(failed.wait());
    QVERIFY2(failed.first().at(0).toString().contains(u"negative"_s),
             qPrintable(failed.first().at(0).toString()));
    auto* box = view()->findChild<QMessageBox*>(u"adjustErrorBox"_s);
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(u"negative"_s));
    box->accept();
    QCOMPARE(InventoryQuery(m_database->db()).positions(u"SKU-1"_s).at(2).onHand, 3);
}

void TestInventoryView::refreshShowsChangesMadeElsewhere() {
    openSku1();
    applyEvents({{u"pos-sale-1"_s,
                  u"ST-NYC"_s,
                  u"SKU-1"_s,
                  InventoryEventKind::Delta,
                  -2,
                  std::nullopt,
                  u"POS_SALE"_s,
                  {},
                  0}});
    QSignalSpy loaded(view(), &InventoryView::skuLoaded);
    m_window->activateWindow(); // a message box of an earlier test had the focus
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    // (a reload asked for earlier may answer first: wait for the figure, not for one signal)
    QTRY_COMPARE(cell(u"ST-NYC"_s, StockPositionModel::OnHand).toString(), u"5"_s);
    QVERIFY(!loaded.isEmpty());
    QCOMPARE(cell(u"ST-NYC"_s, StockPositionModel::Atp).toString(), u"0"_s);
    QCOMPARE(cell(u"ST-NYC"_s, StockPositionModel::Atp, StockPositionModel::StockLevelRole).toInt(),
             int(ui::StockLevel::Out));
}

void TestInventoryView::rolesThatMayNotChangeStockCannotAdjust() {
    ui::OrderBackend backend;
    backend.open(m_database->url());
    InventoryView clerk(&backend, Actor{u"ana"_s, Role::CustomerService});
    QSignalSpy loaded(&clerk, &InventoryView::skuLoaded);
    clerk.openSku(u"SKU-1"_s);
    QVERIFY(loaded.wait());
    auto* button = clerk.findChild<QPushButton*>(u"adjustButton"_s);
    QVERIFY(!button->isEnabled());
    QCOMPARE(button->toolTip(), u"Your role may not change stock"_s);
    // And the ledger refuses it even when asked directly.
    QSignalSpy failed(&clerk, &InventoryView::adjustFailed);
    clerk.adjust({u"DC-EAST"_s, u"SKU-1"_s, 1, u"FOUND"_s, {}});
    QVERIFY(failed.wait());
    QVERIFY2(failed.first().at(0).toString().contains(u"ana"_s), qPrintable(failed.first().at(0).toString()));
    if (auto* box = clerk.findChild<QMessageBox*>(u"adjustErrorBox"_s))
        box->accept();
}

void TestInventoryView::savesScreenshot() {
    const QString dir = ordo::test::gui::screenshotDir();
    m_window->resize(1400, 900);
    m_window->showView(MainWindow::View::Inventory);
    view()->search(u"sku"_s); // several matches: listed, none opened
    QTRY_COMPARE(view()->matchModel()->rowCount(), 5);
    view()->openSku(u"SKU-1"_s);
    QTRY_COMPARE(view()->currentSku(), u"SKU-1"_s);
    view()->selectLocation(u"DC-EAST"_s);
    view()->channelsTable()->setCurrentIndex(view()->channelModel()->index(0, 0));
    QTRY_COMPARE(view()->ledgerModel()->rowCount(), 2); // the count and the receipt of the sample world
    QTest::qWait(100);
    QVERIFY(m_window->grab().save(dir + u"/inventory.png"_s));
}

QTEST_MAIN(TestInventoryView)
#include "tst_inventoryview.moc"
