#include "SkuMatchModel.h"

namespace ordo::ui {

int SkuMatchModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_matches.size());
}

int SkuMatchModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SkuMatchModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SkuMatch& match = m_matches.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case RawRole:
        return index.column() == Code ? match.code : match.name;
    case Qt::ToolTipRole:
        return match.name;
    case CodeRole:
        return match.code;
    }
    return {};
}

QVariant SkuMatchModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Code:
        return tr("SKU");
    case Name:
        return tr("Name");
    }
    return {};
}

void SkuMatchModel::setMatches(const QList<SkuMatch>& matches) {
    beginResetModel();
    m_matches = matches;
    endResetModel();
}

} // namespace ordo::ui
