#pragma once

#include "model/Actor.h"
#include "model/RuleSet.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace ordo {

class Database;

// One stored version of the rules, without its body: the version history.
struct RuleSetVersion {
    qint64 id = 0;
    int version = 0;
    RuleSetState state = RuleSetState::Draft;
    QString author;
    QDateTime createdAt;
    QString comment;
    QDateTime publishedAt;
    QString publishedBy;
    QString publishComment;
};

// The routing rules as stored versions (rule_sets): draft -> active -> archived, exactly one active (a
// partial unique index makes sure of it). Every write is a unit of work of its own (it joins the caller's
// Transaction when there is one) with its audit event (entity "rule_set"); writing needs
// Permission::EditRules.
class RuleSetRepository {
public:
    explicit RuleSetRepository(Database& db)
        : m_db(db) {}

    // Stores `rules` as a new draft with the next version number, the actor as author and the time `at`
    // (null: now; a generator of past history gives its own); returns it as stored (id, version, state,
    // author, createdAt, comment set).
    RuleSet saveDraft(const RuleSet& rules, const Actor& actor, const QString& comment,
                      const QDateTime& at = {});
    // Every version, newest first.
    QList<RuleSetVersion> list() const;
    // One version with its body; nullopt when there is none.
    std::optional<RuleSet> load(int version) const;
    // The active rule set; RuleSet::defaults() as version 0 while none has been published.
    RuleSet active() const;
    // Makes a draft the active rule set: the active one before it becomes archived, in one transaction.
    // Refuses (Error::state) a version that is not a draft, Error::notFound an unknown one. `at` as for
    // saveDraft.
    RuleSet publish(int version, const Actor& actor, const QString& comment, const QDateTime& at = {});

private:
    Database& m_db;
};

} // namespace ordo
