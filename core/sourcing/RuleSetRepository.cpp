#include "RuleSetRepository.h"

#include "Error.h"
#include "sourcing/RuleSetJson.h"
#include "storage/AuditTrail.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

void requireEditor(const Actor& actor) {
    if (!actor.may(Permission::EditRules))
        throw Error::denied(
            u"%1 (%2) may not edit the routing rules"_s.arg(actor.user, roleCode(actor.role)));
}

const QString columns = u"id, version, state, author, created_at, comment, published_at, published_by, "
                        "publish_comment"_s;

RuleSetVersion versionFrom(const SqlQuery& q) {
    RuleSetVersion v;
    v.id = q.value(0).toLongLong();
    v.version = q.value(1).toInt();
    v.state = ruleSetStateFromCode(q.value(2).toString()).value_or(RuleSetState::Archived);
    v.author = q.value(3).toString();
    v.createdAt = fromStoredTime(q.value(4));
    v.comment = q.value(5).toString();
    v.publishedAt = fromStoredTime(q.value(6));
    v.publishedBy = q.value(7).toString();
    v.publishComment = q.value(8).toString();
    return v;
}

RuleSet ruleSetFrom(const SqlQuery& q) {
    const RuleSetVersion v = versionFrom(q);
    RuleSet rules;
    try {
        rules = RuleSetJson::fromBytes(q.value(9).toString().toUtf8());
    } catch (const Error& e) {
        throw Error::storage(
            u"rule set version %1 in the database cannot be read: %2"_s.arg(v.version).arg(e.message()));
    }
    rules.id = v.id;
    rules.version = v.version;
    rules.state = v.state;
    rules.author = v.author;
    rules.createdAt = v.createdAt;
    rules.comment = v.comment;
    rules.publishedAt = v.publishedAt;
    return rules;
}

} // namespace

RuleSet RuleSetRepository::saveDraft(const RuleSet& rules, const Actor& actor, const QString& comment,
                                     const QDateTime& at) {
    requireEditor(actor);
    return runUnitOfWork(m_db, [&](Transaction&) {
        const qint64 now = at.isValid() ? toStoredTime(at) : nowStoredTime();
        SqlQuery next(m_db, u"SELECT COALESCE(MAX(version), 0) + 1 FROM rule_sets"_s);
        RuleSet stored = rules;
        stored.version = next.scalar().toInt();
        stored.state = RuleSetState::Draft;
        stored.author = actor.user;
        stored.createdAt = fromStoredTime(now);
        stored.comment = comment;
        stored.publishedAt = QDateTime();
        SqlQuery insert(m_db, u"INSERT INTO rule_sets (version, state, author, created_at, comment, body) "
                              "VALUES (:v, 'draft', :author, :now, :comment, :body) RETURNING id"_s);
        insert.bind(u":v"_s, stored.version).bind(u":author"_s, actor.user).bind(u":now"_s, now);
        insert.bind(u":comment"_s, comment.isEmpty() ? u""_s : comment)
            .bind(u":body"_s, QString::fromUtf8(RuleSetJson::toBytes(stored, false)));
        stored.id = insert.scalar().toLongLong();
        AuditTrail(m_db).record({0, fromStoredTime(now), actor.user, u"rule_set"_s, stored.id, u"draft"_s,
                                 QString(), u"draft"_s, QString(),
                                 u"version %1 saved with %2 strateg%3%4"_s.arg(stored.version)
                                     .arg(stored.strategies.size())
                                     .arg(stored.strategies.size() == 1 ? u"y"_s : u"ies"_s)
                                     .arg(comment.isEmpty() ? QString() : u": "_s + comment)});
        return stored;
    });
}

QList<RuleSetVersion> RuleSetRepository::list() const {
    SqlQuery q(m_db, u"SELECT "_s + columns + u" FROM rule_sets ORDER BY version DESC"_s);
    q.exec();
    QList<RuleSetVersion> versions;
    while (q.next())
        versions << versionFrom(q);
    return versions;
}

std::optional<RuleSet> RuleSetRepository::load(int version) const {
    SqlQuery q(m_db, u"SELECT "_s + columns + u", body FROM rule_sets WHERE version = :v"_s);
    q.bind(u":v"_s, version).exec();
    if (!q.next())
        return std::nullopt;
    return ruleSetFrom(q);
}

RuleSet RuleSetRepository::active() const {
    SqlQuery q(m_db, u"SELECT "_s + columns + u", body FROM rule_sets WHERE state = 'active'"_s);
    q.exec();
    if (!q.next()) {
        RuleSet rules = RuleSet::defaults();
        rules.version = 0;
        rules.state = RuleSetState::Active;
        rules.author = u"system"_s;
        rules.comment = u"built-in defaults"_s;
        return rules;
    }
    return ruleSetFrom(q);
}

RuleSet RuleSetRepository::publish(int version, const Actor& actor, const QString& comment,
                                   const QDateTime& at) {
    requireEditor(actor);
    if (comment.trimmed().isEmpty())
        throw Error::usage(u"publishing a rule set needs a comment"_s);
    return runUnitOfWork(m_db, [&](Transaction&) {
        // Lock the row to publish (a no-op UPDATE takes the row lock on both engines): two publishers queue
        // here.
        SqlQuery lock(m_db, u"UPDATE rule_sets SET state = state WHERE version = :v"_s);
        lock.bind(u":v"_s, version).exec();
        SqlQuery state(m_db, u"SELECT id, state FROM rule_sets WHERE version = :v"_s);
        state.bind(u":v"_s, version).exec();
        if (!state.next())
            throw Error::notFound(u"there is no rule set version %1"_s.arg(version));
        const qint64 id = state.value(0).toLongLong();
        const QString current = state.value(1).toString();
        state.raw().finish();
        if (current != u"draft"_s)
            throw Error::state(
                u"rule set version %1 is %2; only a draft can be published"_s.arg(version).arg(current));
        const qint64 now = at.isValid() ? toStoredTime(at) : nowStoredTime();
        AuditTrail audit(m_db);
        SqlQuery previous(m_db, u"SELECT id, version FROM rule_sets WHERE state = 'active'"_s);
        previous.exec();
        QList<QPair<qint64, int>> archived;
        while (previous.next())
            archived.append({previous.value(0).toLongLong(), previous.value(1).toInt()});
        previous.raw().finish();
        SqlQuery archive(m_db, u"UPDATE rule_sets SET state = 'archived' WHERE state = 'active'"_s);
        archive.exec();
        for (const auto& [oldId, oldVersion] : std::as_const(archived))
            audit.record({0, fromStoredTime(now), actor.user, u"rule_set"_s, oldId, u"archive"_s, u"active"_s,
                          u"archived"_s, QString(),
                          u"version %1 replaced by version %2"_s.arg(oldVersion).arg(version)});
        SqlQuery activate(m_db,
                          u"UPDATE rule_sets SET state = 'active', published_at = :now, published_by = :by, "
                          "publish_comment = :comment WHERE id = :id"_s);
        activate.bind(u":now"_s, now)
            .bind(u":by"_s, actor.user)
            .bind(u":comment"_s, comment)
            .bind(u":id"_s, id)
            .exec();
        audit.record({0, fromStoredTime(now), actor.user, u"rule_set"_s, id, u"publish"_s, u"draft"_s,
                      u"active"_s, QString(), u"version %1 published: %2"_s.arg(version).arg(comment)});
        return *load(version);
    });
}

} // namespace ordo
