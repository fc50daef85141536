#pragma once

#include "model/RuleSet.h"

#include <QAbstractTableModel>
#include <QList>

namespace ordo::ui {

// A strategy's ranking as an editable table: every criterion the router knows, one row each, checked when the
// strategy uses it, with its weight. Editing writes straight into the ranking returned by ranking().
class CriteriaWeightModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Criterion, Weight, Unit, ColumnCount };
    enum Role { RawRole = Qt::UserRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    void setRanking(const QList<CriterionWeight>& ranking);
    // The used criteria in the router's order with their weights. An empty ranking means "total cost, weight
    // 1" to the router, so the table shows that and hands it back explicitly once edited.
    QList<CriterionWeight> ranking() const;
    int rowOf(ordo::Criterion criterion) const { return int(criterion); }

signals:
    void edited();

private:
    struct Row {
        bool used = false;
        double weight = 1.0;
    };
    QList<Row> m_rows = QList<Row>(std::size(allCriteria));
};

} // namespace ordo::ui
