#include "CandidateModel.h"

#include "Format.h"
#include "RoutingText.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QStringList>

#include <limits>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

// Filters in the order the router judges them; codes the console does not know come after, as met.
const QStringList knownFilters = {u"excluded"_s, u"rejected"_s,     u"type"_s,     u"group"_s, u"ships"_s,
                                  u"pickup"_s,   u"max_distance"_s, u"capacity"_s, u"stock"_s, u"min_atp"_s};

const FilterVerdict* verdictFor(const CandidateLocation& candidate, const QString& code) {
    for (const FilterVerdict& verdict : candidate.filters)
        if (verdict.filter == code)
            return &verdict;
    return nullptr;
}

const CriterionScore* scoreFor(const CandidateLocation& candidate, Criterion criterion) {
    for (const CriterionScore& score : candidate.scores)
        if (score.criterion == criterion)
            return &score;
    return nullptr;
}

QString lineList(const QList<int>& lines) {
    QStringList numbers;
    for (int line : lines)
        numbers.append(QString::number(line));
    return numbers.join(u", "_s);
}

} // namespace

int CandidateModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size() + m_notConsideredRows.size());
}

int CandidateModel::notConsideredCount() const {
    qsizetype count = 0;
    for (const NotConsidered& group : m_notConsidered)
        count += group.locations.size();
    return int(count);
}

void CandidateModel::fillNotConsidered() {
    m_notConsideredRows.clear();
    for (const NotConsidered& group : std::as_const(m_notConsidered))
        for (const QString& code : group.locations.codes())
            m_notConsideredRows.append({code, group.reason});
}

void CandidateModel::setShowNotConsidered(bool show) {
    if (show == m_showNotConsidered)
        return;
    m_showNotConsidered = show;
    const int first = int(m_rows.size());
    if (show) {
        const int count = notConsideredCount();
        if (count == 0)
            return;
        beginInsertRows({}, first, first + count - 1);
        fillNotConsidered();
        endInsertRows();
    } else if (!m_notConsideredRows.isEmpty()) {
        beginRemoveRows({}, first, first + int(m_notConsideredRows.size()) - 1);
        m_notConsideredRows.clear();
        endRemoveRows();
    }
}

int CandidateModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_columns.size());
}

void CandidateModel::clear() {
    setDecision({});
}

void CandidateModel::setDecision(const Decision& decision) {
    beginResetModel();
    m_rows = decision.candidates;
    m_notConsidered = decision.notConsidered;
    m_notConsideredRows.clear();
    if (m_showNotConsidered)
        fillNotConsidered();
    m_currency = decision.currency;
    m_rowByCode.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowByCode.insert(m_rows.at(row).locationCode, row);

    QStringList filters;
    QList<Criterion> criteria;
    for (const CandidateLocation& candidate : std::as_const(m_rows)) {
        for (const FilterVerdict& verdict : candidate.filters)
            if (!filters.contains(verdict.filter))
                filters.append(verdict.filter);
        for (const CriterionScore& score : candidate.scores)
            if (!criteria.contains(score.criterion))
                criteria.append(score.criterion);
    }
    std::stable_sort(filters.begin(), filters.end(), [](const QString& a, const QString& b) {
        const auto rank = [](const QString& code) {
            const qsizetype at = knownFilters.indexOf(code);
            return at < 0 ? knownFilters.size() : at;
        };
        return rank(a) < rank(b);
    });
    std::sort(criteria.begin(), criteria.end(), [](Criterion a, Criterion b) { return int(a) < int(b); });

    m_columns = {ColumnDef(ColumnKind::Location), ColumnDef(ColumnKind::Eligible)};
    for (const QString& filter : std::as_const(filters))
        m_columns.append(ColumnDef(ColumnKind::Filter, filter));
    for (Criterion criterion : std::as_const(criteria))
        m_columns.append(ColumnDef(ColumnKind::Criterion, {}, criterion));
    for (ColumnKind kind :
         {ColumnKind::TotalScore, ColumnKind::Distance, ColumnKind::Cost, ColumnKind::Lines})
        m_columns.append(ColumnDef(kind));
    endResetModel();
}

int CandidateModel::filterColumn(const QString& filterCode) const {
    for (int column = 0; column < m_columns.size(); ++column)
        if (m_columns.at(column).kind == ColumnKind::Filter && m_columns.at(column).filter == filterCode)
            return column;
    return -1;
}

int CandidateModel::criterionColumn(Criterion criterion) const {
    for (int column = 0; column < m_columns.size(); ++column)
        if (m_columns.at(column).kind == ColumnKind::Criterion && m_columns.at(column).criterion == criterion)
            return column;
    return -1;
}

QVariant CandidateModel::display(const CandidateLocation& candidate, const ColumnDef& column) const {
    switch (column.kind) {
    case ColumnKind::Location:
        return candidate.chosen ? tr("%1 (chosen)").arg(candidate.locationCode) : candidate.locationCode;
    case ColumnKind::Eligible:
        return candidate.eligible ? tr("yes") : tr("no");
    case ColumnKind::Filter:
        if (const FilterVerdict* verdict = verdictFor(candidate, column.filter))
            return u"%1 %2"_s.arg(verdict->passed ? u"✓"_s : u"✗"_s, verdict->value).trimmed();
        return u"–"_s;
    case ColumnKind::Criterion:
        if (const CriterionScore* score = scoreFor(candidate, column.criterion))
            return u"%1 → %2"_s.arg(formatScore(score->value), formatScore(score->score));
        return u"–"_s;
    case ColumnKind::TotalScore:
        return candidate.eligible ? formatScore(candidate.totalScore) : u"–"_s;
    case ColumnKind::Distance:
        return formatKm(candidate.distanceKm);
    case ColumnKind::Cost:
        return formatMoney(candidate.costMinor, m_currency);
    case ColumnKind::Lines:
        return candidate.coverableLines.isEmpty() ? tr("none") : lineList(candidate.coverableLines);
    }
    return {};
}

QVariant CandidateModel::raw(const CandidateLocation& candidate, const ColumnDef& column) const {
    switch (column.kind) {
    case ColumnKind::Location:
        return candidate.locationCode;
    case ColumnKind::Eligible:
        return candidate.eligible;
    case ColumnKind::Filter:
        if (const FilterVerdict* verdict = verdictFor(candidate, column.filter))
            return verdict->passed;
        return {};
    case ColumnKind::Criterion:
        if (const CriterionScore* score = scoreFor(candidate, column.criterion))
            return score->score;
        return {};
    // Ineligible locations sort after every eligible one.
    case ColumnKind::TotalScore:
        return candidate.eligible ? candidate.totalScore : std::numeric_limits<double>::max();
    case ColumnKind::Distance:
        return candidate.distanceKm;
    case ColumnKind::Cost:
        return candidate.costMinor;
    case ColumnKind::Lines:
        return int(candidate.coverableLines.size());
    }
    return {};
}

QVariant CandidateModel::toolTip(const CandidateLocation& candidate, const ColumnDef& column) const {
    switch (column.kind) {
    case ColumnKind::Filter:
        if (const FilterVerdict* verdict = verdictFor(candidate, column.filter))
            return (verdict->passed ? tr("%1: passed (%2)") : tr("%1: failed (%2)"))
                .arg(filterName(column.filter), verdict->value);
        return tr("%1 was not judged for this location").arg(filterName(column.filter));
    case ColumnKind::Criterion:
        if (const CriterionScore* score = scoreFor(candidate, column.criterion))
            return tr("%1: value %2 (%3), weighted score %4")
                .arg(criterionName(column.criterion), formatScore(score->value),
                     criterionUnit(column.criterion), formatScore(score->score));
        break;
    case ColumnKind::Location:
    case ColumnKind::Eligible:
        if (!candidate.notChosen.isEmpty())
            return candidate.notChosen;
        break;
    default:
        break;
    }
    return {};
}

QVariant CandidateModel::notConsideredData(const NotConsideredRow& row, const ColumnDef& column,
                                           int role) const {
    switch (role) {
    case Qt::DisplayRole:
        if (column.kind == ColumnKind::Location)
            return row.locationCode;
        if (column.kind == ColumnKind::Eligible)
            return tr("not considered: %1").arg(row.reason);
        return u"–"_s;
    case RawRole:
        // Nothing was measured: the largest value, so that an ascending sort keeps these rows last.
        switch (column.kind) {
        case ColumnKind::Location:
            return row.locationCode;
        case ColumnKind::Eligible:
            return false;
        case ColumnKind::Filter:
        case ColumnKind::Criterion:
            return {};
        case ColumnKind::TotalScore:
        case ColumnKind::Distance:
            return std::numeric_limits<double>::max();
        case ColumnKind::Cost:
            return std::numeric_limits<qint64>::max();
        case ColumnKind::Lines:
            return -1;
        }
        return {};
    case Qt::ToolTipRole:
        return tr("%1 was not considered: %2").arg(row.locationCode, row.reason);
    case LocationCodeRole:
        return row.locationCode;
    case ChosenRole:
    case EligibleRole:
        return false;
    case NotConsideredRole:
        return row.reason;
    case Qt::ForegroundRole:
        return QBrush(QColor(0x9c, 0xa3, 0xaf));
    case Qt::FontRole: {
        QFont font;
        font.setItalic(true);
        return font;
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant CandidateModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ColumnDef& column = m_columns.at(index.column());
    if (index.row() >= m_rows.size())
        return notConsideredData(m_notConsideredRows.at(index.row() - m_rows.size()), column, role);
    const CandidateLocation& candidate = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(candidate, column);
    case RawRole:
        return raw(candidate, column);
    case Qt::ToolTipRole:
        return toolTip(candidate, column);
    case LocationCodeRole:
        return candidate.locationCode;
    case ChosenRole:
        return candidate.chosen;
    case EligibleRole:
        return candidate.eligible;
    case NotConsideredRole:
        return QString();
    case PassedRole:
        if (column.kind == ColumnKind::Filter)
            if (const FilterVerdict* verdict = verdictFor(candidate, column.filter))
                return verdict->passed;
        return {};
    case Qt::BackgroundRole:
        if (candidate.chosen)
            return QBrush(QColor(0xdc, 0xf5, 0xe3));
        break;
    case Qt::ForegroundRole:
        if (column.kind == ColumnKind::Filter)
            if (const FilterVerdict* verdict = verdictFor(candidate, column.filter);
                verdict && !verdict->passed)
                return QBrush(QColor(0xa3, 0x1d, 0x1d));
        if (candidate.chosen)
            return QBrush(QColor(0x13, 0x5c, 0x2e));
        if (!candidate.eligible)
            return QBrush(QColor(0x6b, 0x72, 0x80));
        break;
    case Qt::FontRole:
        if (candidate.chosen) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        switch (column.kind) {
        case ColumnKind::Criterion:
        case ColumnKind::TotalScore:
        case ColumnKind::Distance:
        case ColumnKind::Cost:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    return {};
}

QVariant CandidateModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    const ColumnDef& column = m_columns.at(section);
    if (role == Qt::ToolTipRole) {
        if (column.kind == ColumnKind::Criterion)
            return tr("%1 (%2): value → weighted score")
                .arg(criterionName(column.criterion), criterionUnit(column.criterion));
        if (column.kind == ColumnKind::Filter)
            return tr("Filter %1: ✓ passed, ✗ failed, with the value judged").arg(filterName(column.filter));
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        const bool right = column.kind == ColumnKind::Criterion || column.kind == ColumnKind::TotalScore ||
                           column.kind == ColumnKind::Distance || column.kind == ColumnKind::Cost;
        return QVariant::fromValue(right ? Qt::AlignRight | Qt::AlignVCenter
                                         : Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column.kind) {
    case ColumnKind::Location:
        return tr("Location");
    case ColumnKind::Eligible:
        return tr("Eligible");
    case ColumnKind::Filter:
        return filterName(column.filter);
    case ColumnKind::Criterion:
        return criterionName(column.criterion);
    case ColumnKind::TotalScore:
        return tr("Score");
    case ColumnKind::Distance:
        return tr("Distance");
    case ColumnKind::Cost:
        return tr("Cost");
    case ColumnKind::Lines:
        return tr("Covers lines");
    }
    return {};
}

} // namespace ordo::ui
