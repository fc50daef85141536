#include "AtpBreakdownModel.h"

#include "StockFormat.h"

namespace ordo::ui {

namespace {

QVariant numberAlignment() {
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
}

} // namespace

int AtpBreakdownModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_result.locations.size());
}

int AtpBreakdownModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AtpBreakdownModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AtpLocationFigure& f = m_result.locations.at(index.row());
    const auto raw = [&]() -> QVariant {
        switch (index.column()) {
        case Location:
            return f.locationCode;
        case OnHand:
            return f.onHand;
        case Reserved:
            return f.reserved;
        case SafetyStock:
            return f.safetyStock;
        case Buffer:
            return f.buffer;
        case Future:
            return f.future;
        case Atp:
            return f.atp;
        case Computation:
            return atpComputationShort(f);
        }
        return {};
    };
    switch (role) {
    case Qt::DisplayRole: {
        const QVariant value = raw();
        return value.typeId() == QMetaType::LongLong ? QVariant(formatCount(value.toLongLong())) : value;
    }
    case RawRole:
        return raw();
    case Qt::ToolTipRole:
        return atpComputation(f);
    case Qt::TextAlignmentRole:
        if (index.column() == Location || index.column() == Computation)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return numberAlignment();
    }
    return {};
}

QVariant AtpBreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && section != Location && section != Computation)
        return numberAlignment();
    if (role == Qt::ToolTipRole && section != Location)
        return tr("max(0, on hand − reserved − safety stock − buffer) + future supply within the horizon");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Location:
        return tr("Location");
    case OnHand:
        return tr("On hand");
    // The headers spell the computation out: on hand − reserved − safety − buffer + future = ATP.
    case Reserved:
        return tr("− Reserved");
    case SafetyStock:
        return tr("− Safety");
    case Buffer:
        return tr("− Buffer");
    case Future:
        return tr("+ Future");
    case Atp:
        return tr("= ATP");
    case Computation:
        return tr("Computation");
    }
    return {};
}

void AtpBreakdownModel::setResult(const AtpResult& result) {
    beginResetModel();
    m_result = result;
    endResetModel();
}

} // namespace ordo::ui
