#pragma once

#include <QtGlobal>

#include <utility>

namespace ordo {

// The one order in which every writer locks, or updates in a batch, the rows of `positions`: by SKU, then by
// location. Ingest (InventoryLedgerStore), the reservation paths (single, one-trip, grouped), release and
// ship all follow it.
//
// Why: on PostgreSQL each row lock is taken as a statement reaches the row and held to the end of the
// transaction. Two writers that lock two common rows in opposite orders wait for each other until the
// server breaks the cycle by failing one of them (40P01). With one order for all, the second writer waits
// for the first and never holds what the first still needs. SKU first because a reservation's rows are the
// locations of one SKU (a line chooses among them) and a group's reads go SKU by SKU; ingest, which arrives
// by location, sorts to the same order. Where the order cannot be kept (a line's location chosen as it is
// locked, a full snapshot zeroing a whole location) TransactionRunner retries the unit that lost.
inline bool positionLockedBefore(qint64 skuA, qint64 locationA, qint64 skuB, qint64 locationB) {
    return std::pair(skuA, locationA) < std::pair(skuB, locationB);
}

} // namespace ordo
