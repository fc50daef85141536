#pragma once

#include "inventory/InventoryQuery.h"

#include <QAbstractTableModel>
#include <QList>

namespace ordo::ui {

// The recent ledger events of one position, newest first (InventoryQuery::recentEvents).
class LedgerModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { When, Kind, Quantity, OnHandAfter, ReservedAfter, Reason, Actor, EventId, ColumnCount };
    enum Role { RawRole = Qt::UserRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setEntries(const QList<LedgerEntry>& entries);
    const QList<LedgerEntry>& entries() const { return m_entries; }
    const LedgerEntry& entry(int row) const { return m_entries.at(row); }

private:
    QList<LedgerEntry> m_entries;
};

} // namespace ordo::ui
