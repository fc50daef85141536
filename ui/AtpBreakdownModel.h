#pragma once

#include "inventory/InventoryTypes.h"

#include <QAbstractTableModel>

namespace ordo::ui {

// One channel's ATP, location by location: every figure that went into it and the computation written out.
class AtpBreakdownModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Location, OnHand, Reserved, SafetyStock, Buffer, Future, Atp, Computation, ColumnCount };
    enum Role { RawRole = Qt::UserRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setResult(const AtpResult& result);
    const AtpResult& result() const { return m_result; }

private:
    AtpResult m_result;
};

} // namespace ordo::ui
