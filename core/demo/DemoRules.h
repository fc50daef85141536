#pragma once

#include "model/RuleSet.h"

#include <QList>
#include <QString>

namespace ordo {

class Database;

// One version of the demo's routing rules and when it came into force.
struct DemoRuleVersion {
    RuleSet rules;          // version set to the number the repository gives it (1, 2, 3 on an empty table)
    qint64 publishedAt = 0; // ms since the epoch, UTC
    QString comment;        // of the draft
    QString publishComment;
};

// The demo's routing rules and their history: three versions published over the demo's 90 days, each adding
// to the one before, built through the RuleSet API (from RuleSet::defaults(), so what a newer program adds to
// the defaults carries over) and stored through RuleSetRepository with their times in the demo's past.
//   v1 (before the first order): store pickup at the chosen store; everything else at the lowest cost from
//      distribution centres and drop-ship vendors.
//   v2: marketplace orders from distribution centres only.
//   v3 (in force now): high-value orders from distribution centres; the default lowest cost may ship from
//   stores.
class DemoRules {
public:
    // firstOrderAt: when the demo's first order comes in; now: the demo's now.
    static QList<DemoRuleVersion> history(qint64 firstOrderAt, qint64 now);
    // The version in force at `at` (the last published at or before it; the first one before that).
    static const DemoRuleVersion& inForce(const QList<DemoRuleVersion>& history, qint64 at);
    // Saves and publishes every version, oldest first, as the administrator. Throws Error::state when the
    // repository numbers a version otherwise than the history does (the rule_sets table was not empty).
    static void publish(Database& db, const QList<DemoRuleVersion>& history);

    static constexpr qint64 highValueMinor = 25000; // 250.00 USD
};

} // namespace ordo
