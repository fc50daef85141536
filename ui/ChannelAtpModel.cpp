#include "ChannelAtpModel.h"

#include "StockFormat.h"

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

qint64 sumOf(const AtpResult& result, qint64 AtpLocationFigure::*field) {
    qint64 sum = 0;
    for (const AtpLocationFigure& figure : result.locations)
        sum += figure.*field;
    return sum;
}

QVariant numberAlignment() {
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
}

} // namespace

int ChannelAtpModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_results.size());
}

int ChannelAtpModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChannelAtpModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AtpResult& r = m_results.at(index.row());
    const ordo::Channel channel = r.channel.value_or(ordo::Channel::Web);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Channel:
            return channelName(channel);
        case Locations:
            return formatCount(r.locations.size());
        case Buffer:
            return formatCount(sumOf(r, &AtpLocationFigure::buffer));
        case Future:
            return formatCount(sumOf(r, &AtpLocationFigure::future));
        case Atp:
            return formatCount(r.atp);
        }
        break;
    case RawRole:
        switch (index.column()) {
        case Channel:
            return channelName(channel);
        case Locations:
            return qint64(r.locations.size());
        case Buffer:
            return sumOf(r, &AtpLocationFigure::buffer);
        case Future:
            return sumOf(r, &AtpLocationFigure::future);
        case Atp:
            return r.atp;
        }
        break;
    case ChannelCodeRole:
        return channelCode(channel);
    case Qt::ToolTipRole: {
        if (r.locations.isEmpty())
            return tr("No location serves %1 with this SKU.").arg(channelName(channel));
        QStringList lines = {tr("%1: %2 available to promise").arg(channelName(channel), formatCount(r.atp))};
        for (const AtpLocationFigure& figure : r.locations)
            lines.append(u"%1: %2"_s.arg(figure.locationCode, atpComputation(figure)));
        return lines.join(u'\n');
    }
    case Qt::TextAlignmentRole:
        return index.column() == Channel ? QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter)
                                         : numberAlignment();
    }
    return {};
}

QVariant ChannelAtpModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && section != Channel)
        return numberAlignment();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Channel:
        return tr("Channel");
    case Locations:
        return tr("Locations");
    case Buffer:
        return tr("Buffer");
    case Future:
        return tr("Future");
    case Atp:
        return tr("ATP");
    }
    return {};
}

void ChannelAtpModel::setResults(const QList<AtpResult>& results) {
    beginResetModel();
    m_results = results;
    endResetModel();
}

int ChannelAtpModel::rowForChannel(ordo::Channel channel) const {
    for (int row = 0; row < m_results.size(); ++row)
        if (m_results.at(row).channel == channel)
            return row;
    return -1;
}

} // namespace ordo::ui
