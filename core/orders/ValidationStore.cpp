#include "ValidationStore.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"

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

void ValidationStore::saveSetting(Database& db, const ValidationSettings& settings, const QString& code,
                                  const QString& actor) {
    const std::optional<ValidationSettings::Override> o = settings.override(code);
    if (!o)
        return;
    QJsonObject params;
    for (auto p = o->params.cbegin(); p != o->params.cend(); ++p)
        params.insert(p.key(), p.value());
    Transaction tx(db);
    SqlQuery q(db, u"INSERT INTO validation_rules (code, enabled, params, updated_at, updated_by) "
                   "VALUES (:code, :enabled, :params, :at, :by) ON CONFLICT (code) DO UPDATE SET "
                   "enabled = excluded.enabled, params = excluded.params, updated_at = excluded.updated_at, "
                   "updated_by = excluded.updated_by"_s);
    q.bind(u":code"_s, code)
        .bind(u":enabled"_s, o->enabled ? 1 : 0)
        .bind(u":params"_s, QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact)))
        .bind(u":at"_s, nowStoredTime())
        .bind(u":by"_s, actor);
    q.exec();
    tx.commit();
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
