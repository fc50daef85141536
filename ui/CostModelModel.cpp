#include "CostModelModel.h"

#include "Format.h"
#include "RoutingText.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

constexpr LocationType rowTypes[] = {LocationType::Dc, LocationType::Store, LocationType::ThirdPartyLogistics,
                                     LocationType::Dropship};
constexpr int feeDecimals = 2;  // minor units
constexpr int rateDecimals = 5; // thousandths of a minor unit
constexpr double exampleKm = 500.0;

} // namespace

std::optional<qint64> CostModelModel::parseScaled(const QString& text, int decimals) {
    QString t = text.trimmed();
    const QLocale locale;
    if (locale.decimalPoint() != u"."_s)
        t.replace(locale.decimalPoint(), u"."_s);
    if (t.isEmpty() || t.startsWith(u'-') || t.startsWith(u'+'))
        return std::nullopt;
    const qsizetype dot = t.indexOf(u'.');
    const QString whole = dot < 0 ? t : t.left(dot);
    QString fraction = dot < 0 ? QString() : t.mid(dot + 1);
    if ((whole.isEmpty() && fraction.isEmpty()) || fraction.size() > decimals || whole.size() > 12)
        return std::nullopt;
    const QString digits = whole + fraction;
    for (QChar c : digits)
        if (!c.isDigit())
            return std::nullopt;
    fraction = fraction.leftJustified(decimals, u'0');
    qint64 value = whole.isEmpty() ? 0 : whole.toLongLong();
    for (int i = 0; i < decimals; ++i)
        value *= 10;
    return value + (fraction.isEmpty() ? 0 : fraction.toLongLong());
}

QString CostModelModel::formatScaled(qint64 value, int decimals, int minDecimals) {
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    QString fraction = QString::number(value % scale).rightJustified(decimals, u'0');
    while (fraction.size() > minDecimals && fraction.endsWith(u'0'))
        fraction.chop(1);
    return QString::number(value / scale) + QLocale().decimalPoint() + fraction;
}

int CostModelModel::rowCount(const QModelIndex& parent) const {
    static_assert(std::size(rowTypes) == SplitPenaltyRow);
    return parent.isValid() ? 0 : SplitPenaltyRow + 1;
}

int CostModelModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void CostModelModel::setCostModel(const CostModel& costs, const QString& currency) {
    beginResetModel();
    m_costs = costs;
    m_currency = currency;
    endResetModel();
}

Qt::ItemFlags CostModelModel::flags(const QModelIndex& index) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == BaseFee || (index.column() == PerKm && index.row() != SplitPenaltyRow))
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant CostModelModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() == SplitPenaltyRow)
        return splitPenaltyData(index.column(), role);
    const LocationType type = rowTypes[index.row()];
    const LocationTypeCost& cost = m_costs.forType(type);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Type:
            return locationTypeName(type);
        case BaseFee:
            return u"%1 %2"_s.arg(formatScaled(cost.baseFeeMinor, feeDecimals, 2), m_currency);
        case PerKm:
            return tr("%1 %2/km").arg(formatScaled(cost.perKmMilliMinor, rateDecimals, 3), m_currency);
        case Example: {
            // base + rate x km, rounded half away from zero to a minor unit (the cost model's own rule).
            const qint64 milli = cost.baseFeeMinor * 1000 + cost.perKmMilliMinor * qint64(exampleKm);
            return formatMoney((milli + 500) / 1000, m_currency);
        }
        }
        break;
    case Qt::EditRole:
        if (index.column() == BaseFee)
            return formatScaled(cost.baseFeeMinor, feeDecimals, 2);
        if (index.column() == PerKm)
            return formatScaled(cost.perKmMilliMinor, rateDecimals, 3);
        break;
    case RawRole:
        switch (index.column()) {
        case Type:
            return locationTypeCode(type);
        case BaseFee:
            return cost.baseFeeMinor;
        case PerKm:
            return cost.perKmMilliMinor;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != Type)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

bool CostModelModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (index.row() == SplitPenaltyRow) {
        const std::optional<qint64> minor =
            index.column() == BaseFee ? parseScaled(value.toString(), feeDecimals) : std::nullopt;
        if (!minor)
            return false;
        m_costs.splitPenaltyMinor = *minor;
        emit dataChanged(index, index);
        emit edited();
        return true;
    }
    LocationTypeCost& cost = m_costs.byType[size_t(rowTypes[index.row()])];
    if (index.column() == BaseFee) {
        const std::optional<qint64> minor = parseScaled(value.toString(), feeDecimals);
        if (!minor)
            return false;
        cost.baseFeeMinor = *minor;
    } else if (index.column() == PerKm) {
        const std::optional<qint64> milli = parseScaled(value.toString(), rateDecimals);
        if (!milli)
            return false;
        cost.perKmMilliMinor = *milli;
    } else {
        return false;
    }
    emit dataChanged(this->index(index.row(), BaseFee), this->index(index.row(), Example));
    emit edited();
    return true;
}

QVariant CostModelModel::splitPenaltyData(int column, int role) const {
    switch (role) {
    case Qt::DisplayRole:
        if (column == Type)
            return tr("Split penalty");
        if (column == BaseFee)
            return tr("%1 %2 per extra shipment")
                .arg(formatScaled(m_costs.splitPenaltyMinor, feeDecimals, 2), m_currency);
        return QString();
    case Qt::EditRole:
        if (column == BaseFee)
            return formatScaled(m_costs.splitPenaltyMinor, feeDecimals, 2);
        break;
    case RawRole:
        if (column == Type)
            return u"split_penalty"_s;
        if (column == BaseFee)
            return m_costs.splitPenaltyMinor;
        break;
    case Qt::ToolTipRole:
        return tr("Charged for each shipment of an order after the first: the cost of a second parcel to the "
                  "customer and the carrier. An order is split only when splitting saves more.");
    case Qt::TextAlignmentRole:
        return QVariant::fromValue((column == Type ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    }
    return {};
}

QVariant CostModelModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(section == Type ? Qt::AlignLeft | Qt::AlignVCenter
                                                   : Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Type:
        return tr("Location type");
    case BaseFee:
        return tr("Base fee per shipment");
    case PerKm:
        return tr("Rate per km");
    case Example:
        return tr("A 500 km shipment");
    }
    return {};
}

} // namespace ordo::ui
