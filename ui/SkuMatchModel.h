#pragma once

#include "inventory/InventoryQuery.h"

#include <QAbstractTableModel>
#include <QList>

namespace ordo::ui {

// The SKUs a search found: code and name, best match first (InventoryQuery::findSkus). A search result is a
// short list (at most a page), replaced whole.
class SkuMatchModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Code, Name, ColumnCount };
    enum Role { RawRole = Qt::UserRole, CodeRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setMatches(const QList<SkuMatch>& matches);
    const QList<SkuMatch>& matches() const { return m_matches; }
    const SkuMatch& match(int row) const { return m_matches.at(row); }

private:
    QList<SkuMatch> m_matches;
};

} // namespace ordo::ui
