#pragma once

#include "model/RuleSet.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace ordo::ui {

class CriteriaWeightModel;

// One strategy of a rule set in forms and a table, no code: when it applies (conditions), which locations may
// fulfil (filters), how they are ranked (criteria weights), how orders may split and what happens when it
// cannot route (fallback). strategy() reads the value back from the widgets.
class StrategyEditor : public QWidget {
    Q_OBJECT

public:
    explicit StrategyEditor(QWidget* parent = nullptr);

    void setStrategy(const Strategy& strategy);
    Strategy strategy() const;
    void setReadOnly(bool readOnly);
    // Shows the tab holding the field of a RuleSetProblem path ("when.countries", "ranking.distance.weight").
    void revealField(const QString& field);

    CriteriaWeightModel* criteria() const { return m_criteria; }
    QTabWidget* tabs() const { return m_tabs; }

signals:
    void edited();

private:
    QWidget* buildConditions();
    QWidget* buildFilters();
    QWidget* buildRanking();
    QWidget* buildSplit();
    void updateEnabled();

    bool m_loading = false;
    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_name = nullptr;
    // Conditions
    QList<QCheckBox*> m_channels;
    QComboBox* m_delivery = nullptr;
    QSpinBox* m_minPriority = nullptr;
    QLineEdit* m_minValue = nullptr;
    QLineEdit* m_maxValue = nullptr;
    QLineEdit* m_countries = nullptr;
    QLineEdit* m_regions = nullptr;
    QLineEdit* m_skuTags = nullptr;
    // Filters
    QList<QCheckBox*> m_types;
    QLineEdit* m_groups = nullptr;
    QDoubleSpinBox* m_maxDistance = nullptr;
    QCheckBox* m_requireCapacity = nullptr;
    QCheckBox* m_requireShipping = nullptr;
    QCheckBox* m_requirePickup = nullptr;
    QLineEdit* m_excluded = nullptr;
    QSpinBox* m_minAtp = nullptr;
    // Ranking
    CriteriaWeightModel* m_criteria = nullptr;
    QTableView* m_criteriaTable = nullptr;
    // Split and fallback
    QComboBox* m_splitMode = nullptr;
    QSpinBox* m_maxShipments = nullptr;
    QComboBox* m_shortage = nullptr;
    QCheckBox* m_nearestPickup = nullptr;
    QComboBox* m_fallback = nullptr;
    QSpinBox* m_cancelDays = nullptr;
};

} // namespace ordo::ui
