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

QVariant right() {
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
}

QVariant left() {
    return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
}

} // namespace

int SimulationModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || m_empty ? 0 : 3;
}

int SimulationModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const SimulationRun& SimulationModel::run(int row) const {
    return row == 0 ? m_report.draft : row == 1 ? m_report.active : m_report.greedy;
}

QString SimulationModel::armName(int row) const {
    switch (row) {
    case 0:
        return tr("Draft");
    case 1:
        return tr("Active (version %1)").arg(m_report.active.ruleVersion);
    default:
        return tr("Greedy baseline");
    }
}

void SimulationModel::setReport(const SimulationReport& report) {
    beginResetModel();
    m_report = report;
    m_empty = false;
    endResetModel();
}

QVariant SimulationModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SimulationRun& arm = run(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Arm:
            return armName(index.row());
        case Orders:
            return formatCount(arm.orders);
        case TotalCost:
            return formatMoney(arm.totalCostMinor, m_report.currency);
        // Minor units per routed order, rounded to a minor unit for display only.
        case CostPerOrder:
            return formatMoney(qRound64(arm.costPerOrderMinor()), m_report.currency);
        case ShipmentsPerOrder:
            return QLocale().toString(arm.shipmentsPerOrder(), 'f', 2);
        case SplitRate:
            return percent(arm.splitRate());
        case UnfillableRate:
            return percent(arm.unfillableRate());
        case MeanDistance:
            return formatKm(arm.meanDistanceKm());
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
            return arm.costPerOrderMinor();
        case ShipmentsPerOrder:
            return arm.shipmentsPerOrder();
        case SplitRate:
            return arm.splitRate();
        case UnfillableRate:
            return arm.unfillableRate();
        case MeanDistance:
            return arm.meanDistanceKm();
        }
    } else if (role == Qt::TextAlignmentRole) {
        return index.column() == Arm ? left() : right();
    }
    return {};
}

QVariant SimulationModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == Arm ? left() : right();
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

void RoutingChangeModel::setChanges(const QList<ordo::RoutingChange>& changes, const QString& currency) {
    beginResetModel();
    m_rows = changes;
    m_currency = currency;
    endResetModel();
}

QVariant RoutingChangeModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ordo::RoutingChange& change = m_rows.at(index.row());
    const qint64 delta = change.costAfterMinor - change.costBeforeMinor;
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
            return QString((delta > 0 ? u"+"_s : QString()) + formatMoney(delta, m_currency));
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
            return delta;
        }
        break;
    case IdRole:
        return change.orderId;
    case Qt::ToolTipRole:
        if (index.column() == Before || index.column() == After)
            return index.column() == Before ? change.before : change.after;
        break;
    case Qt::TextAlignmentRole:
        return index.column() == CostDelta ? right() : left();
    }
    return {};
}

QVariant RoutingChangeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == CostDelta ? right() : left();
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
