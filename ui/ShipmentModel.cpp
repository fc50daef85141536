#include "ShipmentModel.h"

#include "Format.h"
#include "RoutingText.h"

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

qint64 units(const Shipment& shipment) {
    qint64 sum = 0;
    for (const ShipmentLine& line : shipment.lines)
        sum += line.quantity;
    return sum;
}

} // namespace

int ShipmentModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ShipmentModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void ShipmentModel::setShipments(const QList<Shipment>& shipments, const QString& currency) {
    beginResetModel();
    m_rows = shipments;
    m_currency = currency;
    endResetModel();
}

QVariant ShipmentModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Shipment& shipment = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Location:
            return shipment.locationCode;
        case Lines:
            return formatShipmentLines(shipment.lines);
        case Units:
            return formatCount(units(shipment));
        case Distance:
            return formatKm(shipment.distanceKm);
        case Cost:
            return formatMoney(shipment.costMinor, m_currency);
        }
        break;
    case RawRole:
        switch (index.column()) {
        case Location:
            return shipment.locationCode;
        case Lines:
            return int(shipment.lines.size());
        case Units:
            return units(shipment);
        case Distance:
            return shipment.distanceKm;
        case Cost:
            return shipment.costMinor;
        }
        break;
    case LocationCodeRole:
        return shipment.locationCode;
    case Qt::ToolTipRole:
        if (index.column() == Lines)
            return formatShipmentLines(shipment.lines);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= Units)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant ShipmentModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(section >= Units ? Qt::AlignRight | Qt::AlignVCenter
                                                    : Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Location:
        return tr("Ships from");
    case Lines:
        return tr("Lines");
    case Units:
        return tr("Units");
    case Distance:
        return tr("Distance");
    case Cost:
        return tr("Cost");
    }
    return {};
}

} // namespace ordo::ui
