#include "ValidationStore.h"

#include "Error.h"
#include "storage/AuditTrail.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ordo {

ValidationSettings ValidationStore::loadSettings(Database& db) {
    ValidationSettings settings;
    SqlQuery q(db, u"SELECT code, enabled, params FROM validation_rules"_s);
    q.exec();
    while (q.next()) {
        QMap<QString, QString> params;
        const QJsonObject stored = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        for (auto it = stored.begin(); it != stored.end(); ++it)
            params.insert(it.key(), it.value().toString());
        settings.restore(q.value(0).toString(), q.value(1).toInt() != 0, params);
    }
    return settings;
}

namespace {

// "on, threshold_minor=500000": a rule's effective settings, for the audit trail.
QString settingText(const ValidationSettings& settings, const QString& code) {
    QStringList parts{settings.enabled(code) ? u"on"_s : u"off"_s};
    const QMap<QString, QString> params = settings.params(code);
    for (auto p = params.cbegin(); p != params.cend(); ++p)
        parts << p.key() + u'=' + p.value();
    return parts.join(u", "_s);
}

} // namespace

void ValidationStore::saveSetting(Database& db, const ValidationSettings& settings, const QString& code,
                                  const Actor& actor) {
    // Which orders are held is a rule like the routing rules: changed by whoever may edit those.
    if (!actor.may(Permission::EditRules))
        throw Error::denied(
            u"%1 (%2) may not change the validation rules"_s.arg(actor.user, roleCode(actor.role)));
    const std::optional<ValidationSettings::Override> o = settings.override(code);
    if (!o)
        return;
    QJsonObject params;
    for (auto p = o->params.cbegin(); p != o->params.cend(); ++p)
        params.insert(p.key(), p.value());
    runUnitOfWork(db, [&](Transaction&) {
        const ValidationSettings stored = loadSettings(db);
        const QString before = settingText(stored, code);
        const QString after = settingText(settings, code);
        if (before == after)
            return; // nothing changes: nothing written, nothing audited
        const qint64 now = nowStoredTime();
        SqlQuery q(db,
                   u"INSERT INTO validation_rules (code, enabled, params, updated_at, updated_by) "
                   "VALUES (:code, :enabled, :params, :at, :by) ON CONFLICT (code) DO UPDATE SET "
                   "enabled = excluded.enabled, params = excluded.params, updated_at = excluded.updated_at, "
                   "updated_by = excluded.updated_by"_s);
        q.bind(u":code"_s, code)
            .bind(u":enabled"_s, o->enabled ? 1 : 0)
            .bind(u":params"_s, QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact)))
            .bind(u":at"_s, now)
            .bind(u":by"_s, actor.user);
        q.exec();
        AuditEvent audit;
        audit.at = fromStoredTime(now);
        audit.actor = actor.user;
        audit.entity = u"validation_rule"_s;
        audit.action = o->enabled ? u"enable"_s : u"disable"_s;
        audit.fromState = stored.enabled(code) ? u"on"_s : u"off"_s;
        audit.toState = o->enabled ? u"on"_s : u"off"_s;
        audit.detail = u"%1: %2 -> %3"_s.arg(code, before, after);
        AuditTrail(db).record(audit);
    });
}

OrderValidator ValidationStore::validator(Database& db) {
    QSet<QString> skus;
    SqlQuery s(db, u"SELECT code FROM skus"_s);
    s.exec();
    while (s.next())
        skus.insert(s.value(0).toString());
    QHash<QString, OrderValidator::PickupPoint> locations;
    SqlQuery l(db, u"SELECT code, pickup FROM locations"_s);
    l.exec();
    while (l.next())
        locations.insert(l.value(0).toString(), OrderValidator::PickupPoint{l.value(1).toInt() != 0});
    OrderValidator validator(std::move(skus), std::move(locations));
    validator.setSettings(loadSettings(db));
    validator.setDuplicateFinder(databaseDuplicateFinder(db));
    return validator;
}

} // namespace ordo
