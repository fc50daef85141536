#include "AuditTrail.h"

#include "Error.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {
QVariant textOrNull(const QString& s) {
    return s.isEmpty() ? nullString() : QVariant(s);
}
} // namespace

AuditTrail::AuditTrail(Database& db)
    : m_db(db) {}

AuditTrail::~AuditTrail() = default;

void AuditTrail::record(const AuditEvent& event) {
    if (event.entity == u"order"_s)
        throw Error::usage(
            u"an order's audit events are written by OrderTransitions, with its change of state"_s);
    if (!m_insert)
        m_insert = std::make_unique<SqlQuery>(
            m_db, u"INSERT INTO audit_events (at, actor, entity, entity_id, action, from_state, to_state, "
                  "reason, detail) VALUES (:at, :actor, :entity, :entity_id, :action, :from, :to, :reason, "
                  ":detail)"_s);
    SqlQuery& q = *m_insert;
    q.bind(u":at"_s, event.at.isValid() ? toStoredTime(event.at) : nowStoredTime())
        .bind(u":actor"_s, event.actor)
        .bind(u":entity"_s, event.entity)
        .bind(u":entity_id"_s, event.entityId)
        .bind(u":action"_s, event.action)
        .bind(u":from"_s, textOrNull(event.fromState))
        .bind(u":to"_s, textOrNull(event.toState))
        .bind(u":reason"_s, textOrNull(event.reason))
        .bind(u":detail"_s, textOrNull(event.detail));
    q.exec();
}

QList<AuditEvent> AuditTrail::forEntity(const QString& entity, qint64 entityId) const {
    SqlQuery q(m_db, u"SELECT id, at, actor, action, from_state, to_state, reason, detail FROM audit_events "
                     "WHERE entity = :entity AND entity_id = :id ORDER BY at, id"_s);
    q.bind(u":entity"_s, entity).bind(u":id"_s, entityId);
    q.exec();
    QList<AuditEvent> events;
    while (q.next()) {
        AuditEvent e;
        e.id = q.value(0).toLongLong();
        e.at = fromStoredTime(q.value(1));
        e.actor = q.value(2).toString();
        e.entity = entity;
        e.entityId = entityId;
        e.action = q.value(3).toString();
        e.fromState = q.value(4).toString();
        e.toState = q.value(5).toString();
        e.reason = q.value(6).toString();
        e.detail = q.value(7).toString();
        events << e;
    }
    return events;
}

} // namespace ordo
