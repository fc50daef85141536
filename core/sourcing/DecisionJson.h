#pragma once

#include "model/Decision.h"

#include <QJsonObject>

namespace ordo {

// A routing Decision as JSON: the public shape of `ordo route --json` (docs/routing.md) and the stored
// decision record (routing_decisions.body). The fields come first:
//   {"order_id", "outcome", "shipments":[{"location_id", "lines":[{"line","sku","quantity"}], "distance_km",
//   "cost"}],
//    "total_cost", "candidates":[{"location_id", "eligible", "reasons", "scores":{criterion: score}}],
//    "rule_version"}
// (order_id is the order number, location_id the location code, money a decimal string in "currency"), then
// the whole explanation: strategies tried, each candidate's filter verdicts and criterion values, the
// runner-up... and "not_considered":[{"reason", "location_ids"}], every location of the network that is not a
// listed candidate in one group with the reason (a decision stored without it reads as having none).
// fromJson() reads back what toJson() wrote (derived fields such as "reasons" and "scores" are
// not read).
namespace DecisionJson {

QJsonObject toJson(const Decision& decision);
Decision fromJson(const QJsonObject& json); // Error::input naming the path of what it cannot read

} // namespace DecisionJson

} // namespace ordo
