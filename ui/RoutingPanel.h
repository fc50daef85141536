#pragma once

#include "model/Decision.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTreeWidget;

namespace ordo::ui {

class CandidateModel;
class ShipmentModel;

// The Routing tab of the order detail: the latest decision stored with the order, explained. The shipments
// chosen, every candidate location with its filters and scores, the strategies tried and the runner-up; a
// click on a location says why it was (not) chosen.
class RoutingPanel : public QWidget {
    Q_OBJECT

public:
    explicit RoutingPanel(QWidget* parent = nullptr);

    // No decision: the order was never routed.
    void showDecision(const std::optional<Decision>& decision);
    void showLoading();
    void showError(const QString& message);
    // Explains the candidate of that location code, as a click on its row does.
    void explainLocation(const QString& locationCode);

    // Why `candidate` was (or was not) chosen, in sentences: the router's own reason and every failed filter.
    static QString explanation(const CandidateLocation& candidate, const Decision& decision);

    CandidateModel* candidates() const { return m_candidates; }
    ShipmentModel* shipments() const { return m_shipments; }
    QTableView* candidateTable() const { return m_candidateTable; }
    QTableView* shipmentTable() const { return m_shipmentTable; }
    QLabel* whyLabel() const { return m_why; }
    QCheckBox* notConsideredToggle() const { return m_showNotConsidered; }

    // How good the decision's assignment is, in the console's language: "proven optimal", "within 2.4% of the
    // lower bound (integer programme, stopped after 200 ms)", "heuristic: ...".
    static QString qualityText(const Decision& decision);

private:
    void fillStrategies(const Decision& decision);
    void fillRunnerUp(const Decision& decision);

    Decision m_decision;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_placeholder = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_reason = nullptr;
    CandidateModel* m_candidates = nullptr;
    QSortFilterProxyModel* m_candidateProxy = nullptr;
    ShipmentModel* m_shipments = nullptr;
    QTableView* m_candidateTable = nullptr;
    QCheckBox* m_showNotConsidered = nullptr;
    QTableView* m_shipmentTable = nullptr;
    QLabel* m_why = nullptr;
    QTreeWidget* m_strategies = nullptr;
    QLabel* m_runnerUp = nullptr;
};

} // namespace ordo::ui
