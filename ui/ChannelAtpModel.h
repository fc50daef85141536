#pragma once

#include "inventory/InventoryTypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace ordo::ui {

// Available-to-promise of one SKU per channel (InventoryIndex): the total, how many locations serve the
// channel, what its buffer keeps back and the future supply it may promise. The tooltip of a row shows the
// computation at each location; AtpBreakdownModel shows it as a table.
class ChannelAtpModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Channel, Locations, Buffer, Future, Atp, ColumnCount };
    enum Role { RawRole = Qt::UserRole, ChannelCodeRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setResults(const QList<AtpResult>& results);
    const AtpResult& result(int row) const { return m_results.at(row); }
    int rowForChannel(ordo::Channel channel) const;

private:
    QList<AtpResult> m_results;
};

} // namespace ordo::ui
