#pragma once

#include "model/RuleSet.h"

#include <QList>
#include <QString>

namespace ordo {

// One thing wrong with a rule set, named so that the person editing it can find the field.
struct RuleSetProblem {
    int strategy =
        -1;          // index of the strategy concerned; -1 for the rule set itself (cost model, currency...)
    QString field;   // JSON-style path: "strategies[1].ranking.distance.weight", "costs.store.base_fee"
    QString message; // "Strategy 2 “Stores”, ranking: the weight of distance must not be negative (-1)"
    friend bool operator==(const RuleSetProblem&, const RuleSetProblem&) = default;
};

// Checks a draft before it is saved or published: every strategy named (and uniquely), sensible weights,
// bounds that can hold, a fallback that has somewhere to go, a cost model with no negative fee. The router
// accepts any RuleSet value; this is the editor's and the importer's guard against rules that cannot mean
// what their author intended. Empty: nothing wrong.
QList<RuleSetProblem> checkRuleSet(const RuleSet& rules);

} // namespace ordo
