#include "TradingPartners.h"

#include "Error.h"
#include "storage/AuditTrail.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

const QString codes[] = {u"reject"_s, u"backorder"_s, u"wait"_s};

} // namespace

QString unfillableLinesCode(UnfillableLines value) {
    return codes[int(value)];
}

std::optional<UnfillableLines> unfillableLinesFromCode(QStringView code) {
    for (int i = 0; i < 3; ++i)
        if (code.compare(codes[i], Qt::CaseInsensitive) == 0)
            return UnfillableLines(i);
    return std::nullopt;
}

TradingPartners::TradingPartners(Database& db, const Actor& actor)
    : m_db(db)
    , m_actor(actor) {}

UnfillableLines TradingPartners::unfillableLines(const QString& partner) const {
    // The partner's own row before the row for every partner.
    SqlQuery q(m_db,
               u"SELECT unfillable_lines FROM trading_partners WHERE partner = :partner OR partner = '*' "
               "ORDER BY CASE WHEN partner = '*' THEN 1 ELSE 0 END LIMIT 1"_s);
    q.bind(u":partner"_s, partner);
    const std::optional<QVariant> code = q.optionalScalar();
    return code ? unfillableLinesFromCode(code->toString()).value_or(UnfillableLines::Reject)
                : UnfillableLines::Reject;
}

QList<TradingPartner> TradingPartners::all() const {
    SqlQuery q(m_db, u"SELECT partner, unfillable_lines, updated_at, updated_by FROM trading_partners "
                     "ORDER BY partner"_s);
    q.exec();
    QList<TradingPartner> list;
    while (q.next())
        list << TradingPartner{
            q.value(0).toString(),
            unfillableLinesFromCode(q.value(1).toString()).value_or(UnfillableLines::Reject),
            fromStoredTime(q.value(2)), q.value(3).toString()};
    return list;
}

void TradingPartners::setUnfillableLines(const QString& partner, UnfillableLines value) {
    if (!m_actor.may(Permission::ManageMasterData))
        throw Error::denied(
            u"%1 (%2) may not change trading partners' settings"_s.arg(m_actor.user, roleCode(m_actor.role)));
    const QString id = partner.trimmed();
    if (id.isEmpty())
        throw Error::input(
            u"partner: a trading partner needs an id (the X12 sender id, or * for every partner)"_s);
    runUnitOfWork(m_db, [&](Transaction&) {
        const UnfillableLines before = unfillableLines(id);
        const qint64 now = nowStoredTime();
        SqlQuery q(m_db, u"INSERT INTO trading_partners (partner, unfillable_lines, updated_at, updated_by) "
                         "VALUES (:partner, :value, :at, :by) ON CONFLICT (partner) DO UPDATE SET "
                         "unfillable_lines = excluded.unfillable_lines, updated_at = excluded.updated_at, "
                         "updated_by = excluded.updated_by"_s);
        q.bind(u":partner"_s, id)
            .bind(u":value"_s, unfillableLinesCode(value))
            .bind(u":at"_s, now)
            .bind(u":by"_s, m_actor.user);
        q.exec();
        AuditEvent event;
        event.actor = m_actor.user;
        event.entity = u"trading_partner"_s;
        event.action = u"unfillable_lines"_s;
        event.fromState = unfillableLinesCode(before);
        event.toState = unfillableLinesCode(value);
        event.detail = u"partner %1: lines that cannot be filled are %2"_s.arg(
            id, value == UnfillableLines::Wait ? u"acknowledged when the exception is resolved"_s
                                               : unfillableLinesCode(value) + u"ed"_s);
        AuditTrail(m_db).record(event);
    });
}

} // namespace ordo
