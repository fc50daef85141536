#pragma once

#include "orders/OrderCorrections.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTableWidget;
class QTimer;

namespace ordo::ui {

class CorrectionBackend;
class SkuMatchModel;

// Maps an order's unknown line to a catalogue SKU: the lines the catalogue did not know with what the channel
// sent (code, part numbers), an SKU search run in the database thread, "remember for this partner" (the
// cross-reference) and "apply to every held order with this code".
class MapSkuDialog : public QDialog {
    Q_OBJECT

public:
    MapSkuDialog(const CorrectionContext& context, CorrectionBackend* backend, QWidget* parent = nullptr);

    int lineNo() const;      // the chosen line, 0 for none
    QString code() const;    // what the chosen line was sent as: its code, else its first part number
    QString skuCode() const; // the chosen SKU, empty for none
    bool remember() const;
    bool everywhere() const;

    QTableWidget* linesTable() const { return m_lines; }
    QLineEdit* searchEdit() const { return m_search; }
    QTableView* matchesView() const { return m_matchesView; }
    SkuMatchModel* matches() const { return m_matches; }
    QCheckBox* rememberBox() const { return m_remember; }
    QCheckBox* everywhereBox() const { return m_everywhere; }
    QPushButton* mapButton() const { return m_map; }

private:
    void search();
    void updateState();

    CorrectionContext m_context;
    CorrectionBackend* m_backend;
    quint64 m_generation = 0;
    QTableWidget* m_lines;
    QLineEdit* m_search;
    QTimer* m_searchDelay;
    SkuMatchModel* m_matches;
    QTableView* m_matchesView;
    QLabel* m_chosen;
    QCheckBox* m_remember;
    QCheckBox* m_everywhere;
    QPushButton* m_map = nullptr;
};

} // namespace ordo::ui
