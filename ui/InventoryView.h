#pragma once

#include "InventoryBackend.h"
#include "model/Actor.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace ordo::ui {

class AtpBreakdownModel;
class ChannelAtpModel;
class LedgerModel;
class OrderBackend;
class SkuMatchModel;
class StockPositionModel;

// Inventory: find a SKU (type, or scan its barcode: the scanner types the code and Enter), see each
// location's on hand, reserved, safety stock and ATP with low stock highlighted, the ATP per channel with its
// computation, adjust stock with a reason (through the ledger, audited) and read a position's recent ledger
// events.
class InventoryView : public QWidget {
    Q_OBJECT

public:
    static constexpr int searchLimit = 200;
    static constexpr int ledgerLimit = 100;

    InventoryView(OrderBackend* backend, const Actor& actor, QWidget* parent = nullptr);

    // Lists the SKUs matching `text`; an exact code (a scan) or a single match is opened at once.
    void search(const QString& text);
    void openSku(const QString& skuCode);
    void refresh();
    // The action behind "Adjust stock…", without its dialog: runs in the backend's thread; the view reloads
    // when it is done and a failure is shown in a message box.
    void adjust(const StockAdjustment& adjustment);
    void selectLocation(const QString& locationCode);

    QString currentSku() const { return m_sku.skuCode; }
    QString currentLocation() const { return m_ledgerLocation; }
    QLineEdit* searchField() const { return m_search; }
    SkuMatchModel* matchModel() const { return m_matches; }
    StockPositionModel* positionModel() const { return m_positions; }
    ChannelAtpModel* channelModel() const { return m_channels; }
    AtpBreakdownModel* breakdownModel() const { return m_breakdown; }
    LedgerModel* ledgerModel() const { return m_ledger; }
    QTableView* positionsTable() const { return m_positionsTable; }
    QTableView* channelsTable() const { return m_channelsTable; }
    QTableView* ledgerTable() const { return m_ledgerTable; }

signals:
    void statusMessage(const QString& message);
    void skuLoaded(const QString& skuCode);
    void ledgerLoaded(const QString& locationCode);
    void stockAdjusted(const QString& locationCode, const QString& skuCode);
    void adjustFailed(const QString& error);

private:
    void runSearch(const QString& text, bool openSingle);
    void onSkusFound(quint64 generation, const QString& text, const QList<ordo::SkuMatch>& matches);
    void onSkuLoaded(quint64 generation, const ordo::ui::SkuInventory& inventory);
    void onLedgerLoaded(quint64 generation, const QList<ordo::LedgerEntry>& entries);
    void onRequestFailed(quint64 generation, const QString& error);
    void onAdjustFinished(quint64 ticket, const QString& error);
    void askAdjust();
    void loadLedger();
    void showBreakdown();
    void updateSummary();
    void updateActions();
    void buildLayout();
    QTableView* makeTable(const QString& objectName);

    OrderBackend* m_orderBackend;
    InventoryBackend* m_backend;
    Actor m_actor;
    SkuMatchModel* m_matches;
    StockPositionModel* m_positions;
    ChannelAtpModel* m_channels;
    AtpBreakdownModel* m_breakdown;
    LedgerModel* m_ledger;
    QSortFilterProxyModel* m_positionsProxy;
    QLineEdit* m_search = nullptr;
    QTimer* m_searchTimer = nullptr;
    QLabel* m_matchCount = nullptr;
    QTableView* m_matchTable = nullptr;
    QStackedWidget* m_detailStack = nullptr;
    QLabel* m_skuTitle = nullptr;
    QLabel* m_skuSummary = nullptr;
    QPushButton* m_adjustButton = nullptr;
    QTableView* m_positionsTable = nullptr;
    QTableView* m_channelsTable = nullptr;
    QTableView* m_breakdownTable = nullptr;
    QLabel* m_breakdownTitle = nullptr;
    QLabel* m_ledgerTitle = nullptr;
    QTableView* m_ledgerTable = nullptr;

    SkuInventory m_sku;
    QString m_ledgerLocation;
    QString m_lastSearch;
    bool m_openSingle = false;
    quint64 m_searchGeneration = 0;
    quint64 m_skuGeneration = 0;
    quint64 m_ledgerGeneration = 0;
    QSet<quint64> m_pendingTickets;
};

} // namespace ordo::ui
