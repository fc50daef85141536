#include "StockPositionModel.h"

#include "StockFormat.h"

namespace ordo::ui {

int StockPositionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StockPositionModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StockPositionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const StockPosition& p = row.position;
    const StockLevel level = stockLevel(row.atp.atp, p.safetyStock);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Location:
            return p.locationCode;
        case Name:
            return p.locationName;
        case Type:
            return locationTypeName(p.locationType);
        case OnHand:
            return formatCount(p.onHand);
        case Reserved:
            return formatCount(p.reserved);
        case SafetyStock:
            return formatCount(p.safetyStock);
        case Atp:
            return formatCount(row.atp.atp);
        }
        break;
    case RawRole:
        switch (index.column()) {
        case Location:
            return p.locationCode;
        case Name:
            return p.locationName;
        case Type:
            return locationTypeName(p.locationType);
        case OnHand:
            return p.onHand;
        case Reserved:
            return p.reserved;
        case SafetyStock:
            return p.safetyStock;
        case Atp:
            return row.atp.atp;
        }
        break;
    case LocationCodeRole:
        return p.locationCode;
    case StockLevelRole:
        return int(level);
    case Qt::BackgroundRole:
        if (level != StockLevel::Normal)
            return stockLevelColors(level).fill;
        break;
    case Qt::ForegroundRole:
        if (level != StockLevel::Normal)
            return stockLevelColors(level).text;
        break;
    case Qt::ToolTipRole: {
        const QString reason = stockLevelReason(level, row.atp.atp, p.safetyStock);
        if (index.column() == Atp)
            return reason.isEmpty() ? atpComputation(row.atp) : reason + u'\n' + atpComputation(row.atp);
        if (index.column() == Name)
            return reason.isEmpty() ? p.locationName : p.locationName + u'\n' + reason;
        if (!reason.isEmpty())
            return reason;
        break;
    }
    case Qt::TextAlignmentRole:
        if (index.column() >= OnHand)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant StockPositionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && section >= OnHand)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && section == Atp)
        return tr(
            "Available to promise with no channel: on hand − reserved − safety stock, never below zero");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Location:
        return tr("Location");
    case Name:
        return tr("Name");
    case Type:
        return tr("Type");
    case OnHand:
        return tr("On hand");
    case Reserved:
        return tr("Reserved");
    case SafetyStock:
        return tr("Safety stock");
    case Atp:
        return tr("ATP");
    }
    return {};
}

void StockPositionModel::setPositions(const QList<StockPosition>& positions, const AtpResult& overall) {
    QHash<QString, AtpLocationFigure> figures;
    for (const AtpLocationFigure& figure : overall.locations)
        figures.insert(figure.locationCode, figure);
    beginResetModel();
    m_rows.clear();
    m_rowByLocation.clear();
    for (const StockPosition& position : positions) {
        m_rowByLocation.insert(position.locationCode, int(m_rows.size()));
        m_rows.append(
            {position, figures.value(position.locationCode, AtpLocationFigure{position.locationCode})});
    }
    endResetModel();
}

void StockPositionModel::clear() {
    setPositions({}, {});
}

} // namespace ordo::ui
