#include "CriteriaWeightModel.h"

#include "RoutingText.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace ordo::ui {

int CriteriaWeightModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CriteriaWeightModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void CriteriaWeightModel::setRanking(const QList<CriterionWeight>& ranking) {
    beginResetModel();
    m_rows = QList<Row>(std::size(allCriteria));
    if (ranking.isEmpty())
        m_rows[int(ordo::Criterion::TotalCost)] = {true, 1.0};
    for (const CriterionWeight& weight : ranking)
        m_rows[int(weight.criterion)] = {true, weight.weight};
    endResetModel();
}

QList<CriterionWeight> CriteriaWeightModel::ranking() const {
    QList<CriterionWeight> ranking;
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).used)
            ranking.append({allCriteria[row], m_rows.at(row).weight});
    return ranking;
}

Qt::ItemFlags CriteriaWeightModel::flags(const QModelIndex& index) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == Criterion)
        flags |= Qt::ItemIsUserCheckable;
    if (index.column() == Weight && m_rows.at(index.row()).used)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant CriteriaWeightModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const ordo::Criterion criterion = allCriteria[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Criterion:
            return criterionName(criterion);
        case Weight:
            return row.used ? QLocale().toString(row.weight, 'g', 6) : u"–"_s;
        case Unit:
            return criterionUnit(criterion);
        }
        break;
    case Qt::EditRole:
        if (index.column() == Weight)
            return row.weight;
        break;
    case RawRole:
        switch (index.column()) {
        case Criterion:
            return int(criterion);
        case Weight:
            return row.used ? row.weight : 0.0;
        case Unit:
            return criterionUnit(criterion);
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == Criterion)
            return row.used ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole:
        if (index.column() == Weight)
            return tr("Each shipment adds weight × value (%1) to the score; the lowest score wins.")
                .arg(criterionUnit(criterion));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Weight)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

bool CriteriaWeightModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row& row = m_rows[index.row()];
    if (index.column() == Criterion && role == Qt::CheckStateRole) {
        row.used = value.value<Qt::CheckState>() == Qt::Checked;
        emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
        emit edited();
        return true;
    }
    if (index.column() == Weight && role == Qt::EditRole && row.used) {
        bool ok = false;
        const double weight = value.typeId() == QMetaType::QString ? QLocale().toDouble(value.toString(), &ok)
                                                                   : value.toDouble(&ok);
        if (!ok)
            return false;
        row.weight = weight;
        emit dataChanged(index, index);
        emit edited();
        return true;
    }
    return false;
}

QVariant CriteriaWeightModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Criterion:
        return tr("Criterion");
    case Weight:
        return tr("Weight");
    case Unit:
        return tr("Value measured in");
    }
    return {};
}

} // namespace ordo::ui
