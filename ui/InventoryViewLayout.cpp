#include "AtpBreakdownModel.h"
#include "ChannelAtpModel.h"
#include "InventoryView.h"
#include "LedgerModel.h"
#include "SkuMatchModel.h"
#include "StockPositionModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

// The widgets of the Inventory view and how they are laid out; the behaviour is in InventoryView.cpp.

namespace ordo::ui {

namespace {

QLabel* sectionTitle(const QString& text, const QString& objectName) {
    auto* label = new QLabel(text);
    label->setObjectName(objectName);
    label->setProperty("role", u"sectionTitle"_s);
    return label;
}

} // namespace

void InventoryView::buildLayout() {
    // Left: the search box and what it found.
    m_search = new QLineEdit;
    m_search->setObjectName(u"skuSearch"_s);
    m_search->setPlaceholderText(tr("SKU code, barcode or name"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon(u":/ordo/icons/search.svg"_s), QLineEdit::LeadingPosition);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    m_matchCount = new QLabel(tr("Type to find a SKU, or scan its barcode."));
    m_matchCount->setObjectName(u"skuMatchCount"_s);
    m_matchCount->setWordWrap(true);
    m_matchTable = makeTable(u"skuMatches"_s);
    m_matchTable->setModel(m_matches);
    // The code column fits the longest code found: codes of one product differ only at the end (size,
    // colour), so a cut code is no code. Were the pane too narrow, the middle goes, not the distinguishing
    // end.
    m_matchTable->horizontalHeader()->setSectionResizeMode(SkuMatchModel::Code,
                                                           QHeaderView::ResizeToContents);
    m_matchTable->horizontalHeader()->setSectionResizeMode(SkuMatchModel::Name, QHeaderView::Stretch);
    m_matchTable->setTextElideMode(Qt::ElideMiddle);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_matchCount);
    leftLayout->addWidget(m_matchTable, 1);

    // Right: the SKU.
    m_skuTitle = new QLabel;
    m_skuTitle->setObjectName(u"skuTitle"_s);
    m_skuTitle->setTextFormat(Qt::PlainText);
    m_skuSummary = new QLabel;
    m_skuSummary->setObjectName(u"skuSummary"_s);
    m_adjustButton = new QPushButton(tr("Adjust stock…"));
    m_adjustButton->setObjectName(u"adjustButton"_s);
    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->addWidget(m_skuTitle);
    titles->addWidget(m_skuSummary);
    header->addLayout(titles, 1);
    header->addWidget(m_adjustButton, 0, Qt::AlignTop);

    m_positionsTable = makeTable(u"positionsTable"_s);
    m_positionsTable->setModel(m_positionsProxy);
    m_positionsTable->setSortingEnabled(true);
    m_positionsTable->sortByColumn(StockPositionModel::Location, Qt::AscendingOrder);
    m_positionsTable->horizontalHeader()->setSectionResizeMode(StockPositionModel::Name,
                                                               QHeaderView::Stretch);
    m_channelsTable = makeTable(u"channelAtpTable"_s);
    m_channelsTable->setModel(m_channels);
    m_breakdownTable = makeTable(u"atpBreakdownTable"_s);
    m_breakdownTable->setModel(m_breakdown);
    m_breakdownTable->setSelectionMode(QAbstractItemView::NoSelection);
    // The headers carry the operators (on hand − reserved − … = ATP) and each cell's tooltip the whole
    // computation, so the written-out column is left to the tooltip where space is short.
    m_breakdownTable->setColumnHidden(AtpBreakdownModel::Computation, true);
    m_breakdownTable->horizontalHeader()->setSectionResizeMode(AtpBreakdownModel::Location,
                                                               QHeaderView::Stretch);
    m_breakdownTitle = sectionTitle(tr("Computation"), u"breakdownTitle"_s);
    m_ledgerTable = makeTable(u"ledgerTable"_s);
    m_ledgerTable->setModel(m_ledger);
    m_ledgerTable->horizontalHeader()->setSectionResizeMode(LedgerModel::Reason, QHeaderView::Stretch);
    m_ledgerTitle = sectionTitle(tr("Recent events"), u"ledgerTitle"_s);
    const QFontMetrics metrics = fontMetrics();
    const auto widthFor = [&](const QString& sample) { return metrics.horizontalAdvance(sample) + 24; };
    // A numeric column as wide as its header (numbers are shorter than their headers here).
    const auto fitHeader = [&](QTableView* table, int column) {
        const QString title = table->model()->headerData(column, Qt::Horizontal).toString();
        table->horizontalHeader()->resizeSection(column, metrics.horizontalAdvance(title) + 18);
    };
    QHeaderView* ledgerHeader = m_ledgerTable->horizontalHeader();
    ledgerHeader->resizeSection(LedgerModel::When, widthFor(u"0000-00-00 00:00"_s));
    ledgerHeader->resizeSection(LedgerModel::Kind, widthFor(u"Adjustment"_s));
    for (int column = LedgerModel::Quantity; column <= LedgerModel::ReservedAfter; ++column)
        fitHeader(m_ledgerTable, column);
    ledgerHeader->resizeSection(LedgerModel::Actor, widthFor(u"Administrator"_s));
    ledgerHeader->resizeSection(LedgerModel::EventId, widthFor(u"00000000-0000-0000"_s));
    m_channelsTable->horizontalHeader()->setSectionResizeMode(ChannelAtpModel::Channel,
                                                              QHeaderView::Interactive);
    m_channelsTable->horizontalHeader()->resizeSection(ChannelAtpModel::Channel, widthFor(u"Marketplace"_s));
    m_channelsTable->horizontalHeader()->setStretchLastSection(true);
    for (int column = ChannelAtpModel::Locations; column < ChannelAtpModel::ColumnCount; ++column)
        fitHeader(m_channelsTable, column);
    for (int column = AtpBreakdownModel::OnHand; column <= AtpBreakdownModel::Atp; ++column)
        fitHeader(m_breakdownTable, column);
    QHeaderView* positionHeader = m_positionsTable->horizontalHeader();
    positionHeader->resizeSection(StockPositionModel::Location, widthFor(u"DC-SACRAMENTO"_s));
    positionHeader->resizeSection(StockPositionModel::Type, widthFor(u"Distribution centre"_s));
    for (int column = StockPositionModel::OnHand; column < StockPositionModel::ColumnCount; ++column)
        positionHeader->resizeSection(column, widthFor(u"Safety stock"_s));

    auto* atpArea = new QSplitter(Qt::Horizontal);
    atpArea->setChildrenCollapsible(false);
    auto* channelBox = new QWidget;
    auto* channelLayout = new QVBoxLayout(channelBox);
    channelLayout->setContentsMargins(0, 0, 0, 0);
    channelLayout->addWidget(sectionTitle(tr("Available to promise by channel"), u"channelTitle"_s));
    channelLayout->addWidget(m_channelsTable);
    auto* breakdownBox = new QWidget;
    auto* breakdownLayout = new QVBoxLayout(breakdownBox);
    breakdownLayout->setContentsMargins(0, 0, 0, 0);
    breakdownLayout->addWidget(m_breakdownTitle);
    breakdownLayout->addWidget(m_breakdownTable);
    atpArea->addWidget(channelBox);
    atpArea->addWidget(breakdownBox);
    atpArea->setStretchFactor(1, 1);
    atpArea->setSizes({350, 650});

    auto* positionsBox = new QWidget;
    auto* positionsLayout = new QVBoxLayout(positionsBox);
    positionsLayout->setContentsMargins(0, 0, 0, 0);
    positionsLayout->addWidget(sectionTitle(tr("Stock by location"), u"positionsTitle"_s));
    positionsLayout->addWidget(m_positionsTable);
    auto* ledgerBox = new QWidget;
    auto* ledgerLayout = new QVBoxLayout(ledgerBox);
    ledgerLayout->setContentsMargins(0, 0, 0, 0);
    ledgerLayout->addWidget(m_ledgerTitle);
    ledgerLayout->addWidget(m_ledgerTable);
    auto* sections = new QSplitter(Qt::Vertical);
    sections->setObjectName(u"inventorySections"_s);
    sections->setChildrenCollapsible(false);
    sections->addWidget(positionsBox);
    sections->addWidget(atpArea);
    sections->addWidget(ledgerBox);
    sections->setSizes({260, 250, 260});

    auto* detail = new QWidget;
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addLayout(header);
    detailLayout->addWidget(sections, 1);
    auto* placeholder = new QLabel(tr("Find a SKU to see its stock in every location, what each channel may "
                                      "promise, and the ledger of its changes."));
    placeholder->setObjectName(u"inventoryPlaceholder"_s);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    m_detailStack = new QStackedWidget;
    m_detailStack->addWidget(placeholder);
    m_detailStack->addWidget(detail);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(u"inventorySplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(m_detailStack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({250, 950});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addWidget(splitter);
}

QTableView* InventoryView::makeTable(const QString& objectName) {
    auto* table = new QTableView;
    table->setObjectName(objectName);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

} // namespace ordo::ui
