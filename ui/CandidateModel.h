#pragma once

#include "model/Decision.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ordo::ui {

// Every location a Decision considered, one row each: eligible or not, each filter's verdict with the value
// behind it, each criterion's value and weighted score, the total, distance and cost of a shipment from
// there. The filter and criterion columns are those the decision used, in a stable order, so the table shows
// exactly what the router looked at. The chosen locations are highlighted.
//
// On request (setShowNotConsidered) the rest of the network follows, greyed: one row per location the
// decision did not consider, with the reason in the Eligible column ("has none of the order's SKUs
// available"), so that every location of the network has an answer.
class CandidateModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Role {
        RawRole = Qt::UserRole,
        LocationCodeRole,
        ChosenRole,
        EligibleRole,
        PassedRole,
        NotConsideredRole, // the reason a location was not considered; empty for a candidate
    };
    enum class ColumnKind { Location, Eligible, Filter, Criterion, TotalScore, Distance, Cost, Lines };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setDecision(const Decision& decision);
    void clear();
    // Rows below candidateCount() are candidates; those after it, when shown, locations not considered.
    int candidateCount() const { return int(m_rows.size()); }
    const CandidateLocation& candidate(int row) const { return m_rows.at(row); }
    int rowForLocation(const QString& code) const { return m_rowByCode.value(code, -1); }

    // Appends (or removes) a row for each location the decision did not consider.
    void setShowNotConsidered(bool show);
    bool showsNotConsidered() const { return m_showNotConsidered; }
    int notConsideredCount() const;
    ColumnKind columnKind(int column) const { return m_columns.at(column).kind; }
    // The column of a filter code or a criterion; -1 when the decision has none.
    int filterColumn(const QString& filterCode) const;
    int criterionColumn(Criterion criterion) const;

private:
    struct ColumnDef {
        ColumnDef(ColumnKind k, const QString& f = {}, Criterion c = Criterion::TotalCost)
            : kind(k)
            , filter(f)
            , criterion(c) {}
        ColumnKind kind;
        QString filter;
        Criterion criterion;
    };
    QVariant display(const CandidateLocation& candidate, const ColumnDef& column) const;
    QVariant raw(const CandidateLocation& candidate, const ColumnDef& column) const;
    QVariant toolTip(const CandidateLocation& candidate, const ColumnDef& column) const;

    struct NotConsideredRow {
        QString locationCode;
        QString reason;
    };
    QVariant notConsideredData(const NotConsideredRow& row, const ColumnDef& column, int role) const;
    void fillNotConsidered();

    QList<ColumnDef> m_columns{ColumnDef(ColumnKind::Location)};
    QList<CandidateLocation> m_rows;
    QList<NotConsidered> m_notConsidered;        // as the decision groups them
    QList<NotConsideredRow> m_notConsideredRows; // spelled out while shown
    bool m_showNotConsidered = false;
    QHash<QString, int> m_rowByCode;
    QString m_currency;
};

} // namespace ordo::ui
