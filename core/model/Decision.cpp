#include "Decision.h"

using namespace Qt::StringLiterals;

namespace ordo {

QString routingOutcomeCode(RoutingOutcome outcome) {
    switch (outcome) {
    case RoutingOutcome::Routed:
        return u"routed"_s;
    case RoutingOutcome::Partial:
        return u"partial"_s;
    case RoutingOutcome::Backordered:
        return u"backordered"_s;
    case RoutingOutcome::Held:
        return u"held"_s;
    case RoutingOutcome::Unfillable:
        return u"unfillable"_s;
    case RoutingOutcome::Cancelled:
        return u"cancelled"_s;
    }
    return {};
}

std::optional<RoutingOutcome> routingOutcomeFromCode(QStringView code) {
    for (RoutingOutcome o : {RoutingOutcome::Routed, RoutingOutcome::Partial, RoutingOutcome::Backordered,
                             RoutingOutcome::Held, RoutingOutcome::Unfillable, RoutingOutcome::Cancelled})
        if (code.compare(routingOutcomeCode(o), Qt::CaseInsensitive) == 0)
            return o;
    return std::nullopt;
}

QString searchMethodCode(SearchMethod method) {
    switch (method) {
    case SearchMethod::Exact:
        return u"exact"_s;
    case SearchMethod::IntegerProgramme:
        return u"integer_programme"_s;
    case SearchMethod::Heuristic:
        return u"heuristic"_s;
    }
    return {};
}

std::optional<SearchMethod> searchMethodFromCode(QStringView code) {
    for (SearchMethod m : {SearchMethod::Exact, SearchMethod::IntegerProgramme, SearchMethod::Heuristic})
        if (code.compare(searchMethodCode(m), Qt::CaseInsensitive) == 0)
            return m;
    return std::nullopt;
}

QString searchQuality(const Decision& d) {
    switch (d.method) {
    case SearchMethod::Exact:
        return u"proven optimal"_s;
    case SearchMethod::IntegerProgramme:
        if (d.exact)
            return u"proven optimal (integer programme, %1 ms)"_s.arg(d.solverMs);
        if (d.gap)
            return u"within %1% of the lower bound (integer programme, stopped after %2 ms)"_s
                .arg(QString::number(*d.gap * 100.0, 'f', 1))
                .arg(d.solverMs);
        break;
    case SearchMethod::Heuristic:
        break;
    }
    return u"heuristic"_s;
}

LocationSet::LocationSet(QStringList codes)
    : m_codes(std::move(codes)) {}

LocationSet::LocationSet(QStringList universe, QBitArray members)
    : m_codes(std::move(universe))
    , m_members(std::move(members))
    , m_bits(true) {
    m_members.resize(m_codes.size());
}

QStringList LocationSet::codes() const {
    if (!m_bits)
        return m_codes;
    QStringList out;
    out.reserve(size());
    for (qsizetype i = 0; i < m_codes.size(); ++i)
        if (m_members.testBit(i))
            out.append(m_codes.at(i));
    return out;
}

qsizetype LocationSet::size() const {
    return !m_bits ? m_codes.size() : m_members.count(true);
}

bool LocationSet::contains(const QString& code) const {
    const qsizetype at = m_codes.indexOf(code);
    return at >= 0 && (!m_bits || m_members.testBit(at));
}

} // namespace ordo
