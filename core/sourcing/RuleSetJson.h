#pragma once

#include "model/RuleSet.h"

#include <QByteArray>
#include <QJsonObject>

namespace ordo {

// A rule set as JSON, the shape documented in docs/rules.md: what `ordo rules export|import` write
// and read and what rule_sets.body stores. Money is a decimal string in the rule set's currency ("4.00"),
// per-km rates too ("0.012" a km); codes are those of RuleSet.h, Location.h, Channel.h and Order.h.
//
// Reading is strict, because a rule set decides where every order ships from: an unknown key, a wrong type,
// an unknown code, a negative weight, two strategies of one name... are each refused with Error::input naming
// the JSON path ("strategies[1].filters.max_distance_km: must be a positive number"). Absent keys take the
// defaults of RuleSet.h.
namespace RuleSetJson {

// withMetadata adds version, state, author, created_at, published_at and comment (read back, never required).
QJsonObject toJson(const RuleSet& rules, bool withMetadata = true);
RuleSet fromJson(const QJsonObject& json);

QByteArray toBytes(const RuleSet& rules, bool withMetadata = true); // indented
// Parses a document; a syntax error is Error::input with the offset in the text.
RuleSet fromBytes(const QByteArray& document);

} // namespace RuleSetJson

} // namespace ordo
