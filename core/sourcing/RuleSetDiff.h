#pragma once

#include "model/RuleSet.h"

#include <QList>
#include <QString>

namespace ordo {

// What changed between two versions of the rules, for the version history: one entry per strategy added,
// removed or moved and per field whose value differs, named by its path in the rules JSON with strategies by
// name:
//   {"strategies[Stores first].filters.max_distance_km", "800", "600"}
//   {"strategies[Big orders]", "", "added"}
// Pure: compares the JSON of both (RuleSetJson, without the version's metadata).
struct RuleSetChange {
    QString path;
    QString before; // the old value as compact JSON; "" for a strategy added, "removed" for one removed
    QString after;  // the new value; "added" for a strategy added, "" for one removed
    friend bool operator==(const RuleSetChange&, const RuleSetChange&) = default;
};

QList<RuleSetChange> diffRuleSets(const RuleSet& before, const RuleSet& after);

} // namespace ordo
