#include "LedgerModel.h"

#include "StockFormat.h"

using namespace Qt::StringLiterals;

namespace ordo::ui {

int LedgerModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LedgerModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LedgerModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LedgerEntry& e = m_entries.at(index.row());
    // A snapshot's quantity is the count itself; every other kind's is a change, shown with its sign.
    const bool signedQuantity = e.kind != u"snapshot";
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case When:
            return formatDateTime(e.occurredAt);
        case Kind:
            return ledgerKindName(e.kind);
        case Quantity:
            return signedQuantity && e.quantity > 0 ? u"+"_s + formatCount(e.quantity)
                                                    : formatCount(e.quantity);
        case OnHandAfter:
            return formatCount(e.onHandAfter);
        case ReservedAfter:
            return formatCount(e.reservedAfter);
        case Reason:
            return e.reason;
        case Actor:
            return e.actor;
        case EventId:
            return e.eventId;
        }
        break;
    case RawRole:
        switch (index.column()) {
        case When:
            return e.occurredAt;
        case Kind:
            return e.kind;
        case Quantity:
            return e.quantity;
        case OnHandAfter:
            return e.onHandAfter;
        case ReservedAfter:
            return e.reservedAfter;
        case Reason:
            return e.reason;
        case Actor:
            return e.actor;
        case EventId:
            return e.eventId;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == When)
            return tr("Happened %1, recorded %2")
                .arg(formatDateTime(e.occurredAt), formatDateTime(e.recordedAt));
        if (index.column() == Reason || index.column() == EventId)
            return index.column() == Reason ? e.reason : e.eventId;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= Quantity && index.column() <= ReservedAfter)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant LedgerModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && section >= Quantity && section <= ReservedAfter)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Kind:
        return tr("Kind");
    case Quantity:
        return tr("Quantity");
    case OnHandAfter:
        return tr("On hand after");
    case ReservedAfter:
        return tr("Reserved after");
    case Reason:
        return tr("Reason");
    case Actor:
        return tr("By");
    case EventId:
        return tr("Event id");
    }
    return {};
}

void LedgerModel::setEntries(const QList<LedgerEntry>& entries) {
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

} // namespace ordo::ui
