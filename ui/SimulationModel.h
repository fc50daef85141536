#pragma once

#include "sourcing/SimulationReport.h"

#include <QAbstractTableModel>

namespace ordo::ui {

// The results of a simulation side by side: one row per replay (the draft, the active rules, the greedy
// baseline), one column per figure.
class SimulationModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Arm,
        Orders,
        TotalCost,
        CostPerOrder,
        ShipmentsPerOrder,
        SplitRate,
        UnfillableRate,
        MeanDistance,
        ColumnCount
    };
    enum Role { RawRole = Qt::UserRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setReport(const SimulationReport& report);
    const SimulationReport& report() const { return m_report; }
    const SimulationRun& run(int row) const;
    QString armName(int row) const;

private:
    SimulationReport m_report;
    bool m_empty = true;
};

// The orders whose routing the draft changes.
class RoutingChangeModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Order, Before, After, CostDelta, ColumnCount };
    enum Role { RawRole = Qt::UserRole, IdRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setChanges(const QList<ordo::RoutingChange>& changes, const QString& currency);

private:
    QList<ordo::RoutingChange> m_rows;
    QString m_currency;
};

} // namespace ordo::ui
