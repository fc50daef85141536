#pragma once

#include "model/Decision.h"
#include "sourcing/RoutingService.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace ordo::ui {

class CandidateModel;

// Choose a location by hand for an order the router held (or would place elsewhere): shows what the router
// would do and its whole explanation (every candidate with its filters and scores), then asks, for each open
// line, a location that holds its units, and a note saying why. The core reserves there and audits the
// choice with the router's.
class ChooseLocationDialog : public QDialog {
    Q_OBJECT

public:
    ChooseLocationDialog(const QString& orderNumber, const Decision& proposal, QWidget* parent = nullptr);

    QList<HandAssignment> assignments() const;
    QString note() const;
    // The picker of one line (tests choose through it).
    QComboBox* lineCombo(int lineNo) const { return m_combos.value(lineNo); }
    QLineEdit* noteEdit() const { return m_note; }
    CandidateModel* candidates() const { return m_candidates; }

private:
    void updateOk();

    CandidateModel* m_candidates;
    QHash<int, QComboBox*> m_combos;
    QLineEdit* m_note;
    QPushButton* m_ok = nullptr;
};

// "The router would ship DC-EAST (#1 SKU-1 × 2) for 5.26 USD." / "The router cannot place it: ..."
QString proposalSentence(const Decision& proposal);

} // namespace ordo::ui
