#pragma once

#include "inventory/InventoryQuery.h"
#include "inventory/InventoryTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ordo::ui {

// A SKU's positions, one row per location that holds a position: on hand, reserved, safety stock and the
// ATP with no channel (from the in-memory InventoryIndex). Low stock rows are tinted (StockLevel) and say why
// in a tooltip.
class StockPositionModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Location, Name, Type, OnHand, Reserved, SafetyStock, Atp, ColumnCount };
    enum Role { RawRole = Qt::UserRole, LocationCodeRole, StockLevelRole };

    struct Row {
        StockPosition position;
        AtpLocationFigure atp;
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Positions and the no-channel ATP of the same SKU; each position takes the figure of its location.
    void setPositions(const QList<StockPosition>& positions, const AtpResult& overall);
    void clear();
    const Row& row(int row) const { return m_rows.at(row); }
    int rowForLocation(const QString& locationCode) const { return m_rowByLocation.value(locationCode, -1); }

private:
    QList<Row> m_rows;
    QHash<QString, int> m_rowByLocation;
};

} // namespace ordo::ui
