#pragma once

#include "RulesService.h"

#include <QAbstractTableModel>

namespace ordo::ui {

// The results of a simulation side by side: one row per arm (draft, active, greedy), one column per metric.
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

    void setSummary(const SimulationSummary& summary);
    const SimulationSummary& summary() const { return m_summary; }

private:
    SimulationSummary m_summary;
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

    void setChanges(const QList<RoutingChange>& changes, const QString& currency);

private:
    QList<RoutingChange> m_rows;
    QString m_currency;
};

} // namespace ordo::ui
