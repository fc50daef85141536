#include "InventoryView.h"

#include "AdjustStockDialog.h"
#include "AtpBreakdownModel.h"
#include "ChannelAtpModel.h"
#include "Format.h"
#include "LedgerModel.h"
#include "OrderBackend.h"
#include "SkuMatchModel.h"
#include "StockPositionModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace ordo::ui {

InventoryView::InventoryView(OrderBackend* backend, const Actor& actor, QWidget* parent)
    : QWidget(parent)
    , m_orderBackend(backend)
    , m_backend(new InventoryBackend(backend, this))
    , m_actor(actor)
    , m_matches(new SkuMatchModel(this))
    , m_positions(new StockPositionModel(this))
    , m_channels(new ChannelAtpModel(this))
    , m_breakdown(new AtpBreakdownModel(this))
    , m_ledger(new LedgerModel(this))
    , m_positionsProxy(new QSortFilterProxyModel(this)) {
    setObjectName(u"inventoryView"_s);
    m_positionsProxy->setSourceModel(m_positions);
    m_positionsProxy->setSortRole(StockPositionModel::RawRole);

    buildLayout();

    connect(m_search, &QLineEdit::textEdited, this, [this] { m_searchTimer->start(); });
    connect(m_searchTimer, &QTimer::timeout, this, [this] { runSearch(m_search->text(), false); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        runSearch(m_search->text(), true);
    });
    connect(m_matchTable, &QTableView::activated, this,
            [this](const QModelIndex& index) { openSku(index.data(SkuMatchModel::CodeRole).toString()); });
    connect(m_matchTable, &QTableView::clicked, this,
            [this](const QModelIndex& index) { openSku(index.data(SkuMatchModel::CodeRole).toString()); });
    connect(m_positionsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const QString code = current.data(StockPositionModel::LocationCodeRole).toString();
                if (!code.isEmpty() && code != m_ledgerLocation) {
                    m_ledgerLocation = code;
                    loadLedger();
                }
            });
    connect(m_channelsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InventoryView::showBreakdown);
    connect(m_adjustButton, &QPushButton::clicked, this, &InventoryView::askAdjust);
    connect(m_backend, &InventoryBackend::skusFound, this, &InventoryView::onSkusFound);
    connect(m_backend, &InventoryBackend::skuLoaded, this, &InventoryView::onSkuLoaded);
    connect(m_backend, &InventoryBackend::ledgerLoaded, this, &InventoryView::onLedgerLoaded);
    connect(m_backend, &InventoryBackend::requestFailed, this, &InventoryView::onRequestFailed);
    connect(m_backend, &InventoryBackend::adjustFinished, this, &InventoryView::onAdjustFinished);
    updateActions();
}

void InventoryView::search(const QString& text) {
    if (m_search->text() != text)
        m_search->setText(text);
    m_searchTimer->stop();
    runSearch(text, true);
}

void InventoryView::runSearch(const QString& text, bool openSingle) {
    m_lastSearch = text.trimmed();
    m_openSingle = openSingle;
    m_searchGeneration = OrderBackend::nextGeneration();
    if (m_lastSearch.isEmpty()) {
        m_matches->setMatches({});
        m_matchCount->setText(tr("Type to find a SKU, or scan its barcode."));
        return;
    }
    m_backend->findSkus(m_searchGeneration, m_lastSearch, searchLimit);
}

void InventoryView::onSkusFound(quint64 generation, const QString& text, const QList<SkuMatch>& matches) {
    if (generation != m_searchGeneration)
        return;
    m_matches->setMatches(matches);
    if (matches.isEmpty())
        m_matchCount->setText(tr("No SKU matches “%1”.").arg(text));
    else if (matches.size() >= searchLimit)
        m_matchCount->setText(tr("The first %1 SKUs matching “%2”").arg(formatCount(searchLimit), text));
    else
        m_matchCount->setText(matches.size() == 1
                                  ? tr("1 SKU matches “%1”").arg(text)
                                  : tr("%1 SKUs match “%2”").arg(formatCount(matches.size()), text));
    if (!m_openSingle || matches.isEmpty()) {
        if (m_openSingle)
            emit statusMessage(tr("No SKU matches “%1”.").arg(text));
        return;
    }
    // A scan (or a code typed in full) opens its SKU; so does the only match of a search.
    if (matches.first().kind == SkuMatch::Kind::ExactCode || matches.size() == 1) {
        m_matchTable->selectRow(0);
        openSku(matches.first().code);
        m_search->selectAll(); // the next scan replaces the text
    }
}

void InventoryView::openSku(const QString& skuCode) {
    if (skuCode.isEmpty())
        return;
    if (skuCode != m_sku.skuCode)
        m_ledgerLocation.clear();
    m_sku.skuCode = skuCode;
    m_skuGeneration = OrderBackend::nextGeneration();
    m_backend->fetchSku(m_skuGeneration, skuCode);
}

void InventoryView::refresh() {
    if (!m_sku.skuCode.isEmpty())
        openSku(m_sku.skuCode);
    else if (!m_lastSearch.isEmpty())
        runSearch(m_lastSearch, false);
}

void InventoryView::onSkuLoaded(quint64 generation, const SkuInventory& inventory) {
    if (generation != m_skuGeneration)
        return;
    const int channelRow = qMax(0, m_channelsTable->currentIndex().row());
    m_sku = inventory;
    m_skuTitle->setText(u"%1 — %2"_s.arg(inventory.skuCode, inventory.skuName));
    m_positions->setPositions(inventory.positions, inventory.overall);
    m_channels->setResults(inventory.channels);
    if (m_channels->rowCount() > 0)
        m_channelsTable->setCurrentIndex(m_channels->index(qMin(channelRow, m_channels->rowCount() - 1), 0));
    showBreakdown();
    updateSummary();
    m_detailStack->setCurrentIndex(1);
    // Keep the position that was selected (it may be new, after an adjustment); else the first one.
    QString location = m_ledgerLocation;
    if (m_positions->rowForLocation(location) < 0)
        location = m_positionsProxy->index(0, 0).data(StockPositionModel::LocationCodeRole).toString();
    m_ledgerLocation.clear();
    if (location.isEmpty())
        loadLedger(); // no position: an empty ledger
    else
        selectLocation(location);
    updateActions();
    emit skuLoaded(inventory.skuCode);
}

void InventoryView::selectLocation(const QString& locationCode) {
    const int row = m_positions->rowForLocation(locationCode);
    if (row < 0)
        return;
    const QModelIndex index = m_positionsProxy->mapFromSource(m_positions->index(row, 0));
    m_positionsTable->setCurrentIndex(index); // loads the ledger through currentRowChanged
    m_positionsTable->selectRow(index.row());
    if (m_ledgerLocation != locationCode) {
        m_ledgerLocation = locationCode;
        loadLedger();
    }
}

void InventoryView::updateSummary() {
    qint64 onHand = 0;
    qint64 reserved = 0;
    int low = 0;
    for (int row = 0; row < m_positions->rowCount(); ++row) {
        onHand += m_positions->row(row).position.onHand;
        reserved += m_positions->row(row).position.reserved;
        low += m_positions->index(row, 0).data(StockPositionModel::StockLevelRole).toInt() != 0;
    }
    QString text = tr("On hand %1 · reserved %2 · available to promise %3 at %4 locations")
                       .arg(formatCount(onHand), formatCount(reserved), formatCount(m_sku.overall.atp),
                            formatCount(m_positions->rowCount()));
    if (low > 0)
        text += u" · "_s + tr("%n low", nullptr, low);
    m_skuSummary->setText(text);
}

void InventoryView::showBreakdown() {
    const int row = m_channelsTable->currentIndex().row();
    if (row < 0 || row >= m_channels->rowCount()) {
        m_breakdown->setResult({});
        m_breakdownTitle->setText(tr("Computation"));
        return;
    }
    const AtpResult& result = m_channels->result(row);
    m_breakdown->setResult(result);
    m_breakdownTitle->setText(
        tr("Computation for %1: %2 available to promise")
            .arg(channelName(result.channel.value_or(Channel::Web)), formatCount(result.atp)));
}

void InventoryView::loadLedger() {
    m_ledgerGeneration = OrderBackend::nextGeneration();
    if (m_ledgerLocation.isEmpty() || m_sku.skuCode.isEmpty()) {
        m_ledger->setEntries({});
        m_ledgerTitle->setText(tr("Recent events"));
        return;
    }
    m_ledgerTitle->setText(tr("Recent events at %1").arg(m_ledgerLocation));
    m_backend->fetchLedger(m_ledgerGeneration, m_ledgerLocation, m_sku.skuCode, ledgerLimit);
}

void InventoryView::onLedgerLoaded(quint64 generation, const QList<LedgerEntry>& entries) {
    if (generation != m_ledgerGeneration)
        return;
    m_ledger->setEntries(entries);
    m_ledgerTitle->setText(entries.isEmpty() ? tr("Recent events at %1: none yet").arg(m_ledgerLocation)
                                             : tr("Recent events at %1").arg(m_ledgerLocation));
    emit ledgerLoaded(m_ledgerLocation);
}

void InventoryView::onRequestFailed(quint64 generation, const QString& error) {
    if (generation == m_skuGeneration) {
        emit statusMessage(error);
        m_matchCount->setText(error);
    } else if (generation == m_searchGeneration || generation == m_ledgerGeneration) {
        emit statusMessage(error);
    }
}

void InventoryView::updateActions() {
    const bool may = m_actor.may(Permission::ManageMasterData);
    m_adjustButton->setEnabled(may && !m_sku.skuCode.isEmpty() && m_pendingTickets.isEmpty() &&
                               m_detailStack->currentIndex() == 1);
    m_adjustButton->setToolTip(may ? tr("Add or take away stock at a location, with a reason")
                                   : tr("Your role may not change stock"));
}

void InventoryView::askAdjust() {
    QHash<QString, qint64> onHand;
    for (const StockPosition& position : std::as_const(m_sku.positions))
        onHand.insert(position.locationCode, position.onHand);
    AdjustStockDialog dialog(m_sku.skuCode, m_sku.skuName, m_sku.locationCodes, onHand, m_ledgerLocation,
                             this);
    if (dialog.exec() == QDialog::Accepted)
        adjust(dialog.adjustment());
}

void InventoryView::adjust(const StockAdjustment& adjustment) {
    m_pendingTickets.insert(m_backend->adjust(adjustment, m_actor));
    m_ledgerLocation = adjustment.locationCode; // show that position's ledger afterwards
    emit statusMessage(tr("Adjusting stock of %1 at %2…").arg(adjustment.skuCode, adjustment.locationCode));
    updateActions();
}

void InventoryView::onAdjustFinished(quint64 ticket, const QString& error) {
    if (!m_pendingTickets.remove(ticket))
        return;
    updateActions();
    if (error.isEmpty()) {
        emit statusMessage(tr("Stock of %1 at %2 adjusted.").arg(m_sku.skuCode, m_ledgerLocation));
        emit stockAdjusted(m_ledgerLocation, m_sku.skuCode);
    } else {
        emit statusMessage(tr("Stock of %1 was not changed.").arg(m_sku.skuCode));
        emit adjustFailed(error);
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("Stock of %1 was not changed").arg(m_sku.skuCode), error,
                            QMessageBox::Ok, this);
        box->setObjectName(u"adjustErrorBox"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    refresh();
}

} // namespace ordo::ui
