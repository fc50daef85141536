#pragma once

#include "inventory/InventoryIndex.h"
#include "model/Order.h"
#include "sourcing/RoutingNetwork.h"

#include <QDateTime>
#include <QList>

namespace ordo {

class Database;

// What a what-if replay reads from the database (docs/routing.md): the orders placed in a window
// and the stock as it stood when the window opened.
//
// Ordo keeps positions, not their history, so the stock at the start of the window is rebuilt from today's
// figures: every unit that an order placed since the window opened (in the window or after it) holds at a
// location (its line routed, released, picking or packed: the unit counts in `reserved`) or shipped from it
// (shipped or delivered: the unit left `on_hand`) is given back to that position. Receipts, adjustments and
// counts since then are not undone, nor are units of older orders that shipped inside the window: the figures
// approximate the stock of the time, they do not replay the ledger.
struct SimulationData {
    QDateTime from; // UTC, inclusive
    QDateTime to;   // UTC, exclusive
    // Orders placed in [from, to) and not cancelled, by time then id, with their lines back to validated
    // (those not cancelled) and no location: as they waited to be routed.
    QList<Order> orders;
    InventoryIndex inventory; // the rebuilt stock, with today's segmentation
    RoutingNetwork network;   // the index's locations, every one at its full daily capacity
    qint64 unitsGivenBack = 0;

    static SimulationData load(Database& db, const QDateTime& from, const QDateTime& to);
};

} // namespace ordo
