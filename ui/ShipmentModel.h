#pragma once

#include "model/Decision.h"

#include <QAbstractTableModel>
#include <QList>

namespace ordo::ui {

// The shipments of a routing decision (or of its runner-up): where from, which lines, how far, what it costs.
class ShipmentModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Location, Lines, Units, Distance, Cost, ColumnCount };
    enum Role { RawRole = Qt::UserRole, LocationCodeRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setShipments(const QList<Shipment>& shipments, const QString& currency);
    const Shipment& shipment(int row) const { return m_rows.at(row); }

private:
    QList<Shipment> m_rows;
    QString m_currency;
};

} // namespace ordo::ui
