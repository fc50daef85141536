#pragma once

#include "model/RuleSet.h"

#include <QAbstractTableModel>

#include <optional>

namespace ordo::ui {

// The cost model of a rule set, editable per location type: base fee per shipment and rate per km, in the
// rule set's currency. Values are kept exactly (minor units; thousandths of a minor unit per km) and typed as
// decimals ("4.50", "0.012"). A last row holds the split penalty, charged for each shipment of an order after
// the first, in the base fee column (it has no rate per km).
class CostModelModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Type, BaseFee, PerKm, Example, ColumnCount };
    enum Role { RawRole = Qt::UserRole };
    static constexpr int SplitPenaltyRow = 4; // after dc, store, 3pl, dropship

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    void setCostModel(const CostModel& costs, const QString& currency);
    const CostModel& costModel() const { return m_costs; }

    // "4.5" with 2 decimals -> 450; "0.012" with 5 -> 1200; nullopt for text that is not such a decimal.
    static std::optional<qint64> parseScaled(const QString& text, int decimals);
    static QString formatScaled(qint64 value, int decimals, int minDecimals);

signals:
    void edited();

private:
    QVariant splitPenaltyData(int column, int role) const;

    CostModel m_costs;
    QString m_currency;
};

} // namespace ordo::ui
