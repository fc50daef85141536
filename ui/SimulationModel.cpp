#include "SimulationModel.h"

#include "Format.h"
#include "RoutingText.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

QString percent(double share) {
    return QLocale().toString(share * 100.0, 'f', 1) + u" %"_s;
}

double costPerOrder(const SimulationArm& arm) {
    return arm.orders > 0 ? double(arm.totalCostMinor) / double(arm.orders) : 0.0;
}

QVariant right() {
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
}

} // namespace

int SimulationModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_summary.arms.size());
}

int SimulationModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void SimulationModel::setSummary(const SimulationSummary& summary) {
    beginResetModel();
    m_summary = summary;
    endResetModel();
}

QVariant SimulationModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SimulationArm& arm = m_summary.arms.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Arm:
            return arm.name;
        case Orders:
            return formatCount(arm.orders);
        case TotalCost:
            return formatMoney(arm.totalCostMinor, m_summary.currency);
        // Minor units per order, rounded to a minor unit for display only.
        case CostPerOrder:
            return formatMoney(qRound64(costPerOrder(arm)), m_summary.currency);
        case ShipmentsPerOrder:
            return QLocale().toString(arm.shipmentsPerOrder, 'f', 2);
        case SplitRate:
            return percent(arm.splitRate);
        case UnfillableRate:
            return percent(arm.unfillableRate);
        case MeanDistance:
            return formatKm(arm.meanDistanceKm);
        }
    } else if (role == RawRole) {
        switch (index.column()) {
        case Arm:
            return arm.name;
        case Orders:
            return arm.orders;
        case TotalCost:
            return arm.totalCostMinor;
        case CostPerOrder:
            return costPerOrder(arm);
        case ShipmentsPerOrder:
            return arm.shipmentsPerOrder;
        case SplitRate:
            return arm.splitRate;
        case UnfillableRate:
            return arm.unfillableRate;
        case MeanDistance:
            return arm.meanDistanceKm;
        }
    } else if (role == Qt::TextAlignmentRole) {
        return index.column() == Arm ? QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter) : right();
    }
    return {};
}

QVariant SimulationModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == Arm ? QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter) : right();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Arm:
        return tr("Rules");
    case Orders:
        return tr("Orders");
    case TotalCost:
        return tr("Total cost");
    case CostPerOrder:
        return tr("Cost/order");
    case ShipmentsPerOrder:
        return tr("Shipments/order");
    case SplitRate:
        return tr("Split rate");
    case UnfillableRate:
        return tr("Unfillable");
    case MeanDistance:
        return tr("Mean distance");
    }
    return {};
}

int RoutingChangeModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RoutingChangeModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void RoutingChangeModel::setChanges(const QList<RoutingChange>& changes, const QString& currency) {
    beginResetModel();
    m_rows = changes;
    m_currency = currency;
    endResetModel();
}

QVariant RoutingChangeModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RoutingChange& change = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Order:
            return change.orderNumber;
        case Before:
            return change.before;
        case After:
            return change.after;
        case CostDelta:
            return QString((change.costDeltaMinor > 0 ? u"+"_s : QString()) +
                           formatMoney(change.costDeltaMinor, m_currency));
        }
        break;
    case RawRole:
        switch (index.column()) {
        case Order:
            return change.orderNumber;
        case Before:
            return change.before;
        case After:
            return change.after;
        case CostDelta:
            return change.costDeltaMinor;
        }
        break;
    case IdRole:
        return change.orderId;
    case Qt::TextAlignmentRole:
        return index.column() == CostDelta ? right() : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant RoutingChangeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == CostDelta ? right() : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Order:
        return tr("Order");
    case Before:
        return tr("Active rules");
    case After:
        return tr("Draft");
    case CostDelta:
        return tr("Cost change");
    }
    return {};
}

} // namespace ordo::ui
