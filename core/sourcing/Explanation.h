#pragma once

#include "model/Decision.h"
#include "sourcing/AssignmentSearch.h"

namespace ordo::routing {

// How many candidates a Decision lists: the chosen ones always, then the best-scoring other eligible ones and
// the nearest ineligible ones up to these numbers (a SKU stocked in hundreds of stores would otherwise list
// them all).
inline constexpr int listedEligible = 15;
inline constexpr int listedIneligible = 5;

// The shipments of an assignment (by location code), with their lines, distance and cost.
QList<Shipment> shipmentsOf(const Problem& problem, const Assignment& assignment);
qint64 totalCostOf(const QList<Shipment>& shipments);

// Fills the decision from a search: shipments, unfilled lines, total cost, objective, exactness, runner-up
// and why it lost, and the candidates (chosen = null when nothing was chosen).
void explain(const Problem& problem, const SearchResult& result, Decision& decision);
void listCandidates(const Problem& problem, const Assignment* chosen, Decision& decision);

// Why no assignment was found: "no eligible location covers line 2 (SKU-7 x 3)".
QString whyUnroutable(const Problem& problem, int maxShipments);

QString money(qint64 minor, const QString& currency);
QString money(qint64 minor, int digits);
void appendMoney(QString& text, qint64 minor, int digits);

} // namespace ordo::routing
