#pragma once

#include <QString>

namespace ordo::test {

// The input files of the crash harness (scripts/crash-harness.sh), the same for the same seed:
//   locations.csv  3 DCs and 9 stores in US cities (large daily capacity: capacity never decides)
//   skus.csv       `skus` SKUs CR-00001...
//   inventory.csv  every SKU at every DC, some at each store
//   orders.json    `orders` Shopify orders (1 to 4 lines), a few with their payment pending (held)
//   events.jsonl   `events` inventory events on those positions, deltas and counts, with the ids
//                  crash-ev-0000000... in input order; each changes its position (never a count equal to
//                  on hand, never a delta that would take on hand below zero), so every one is written
struct CrashWorldSize {
    int skus = 300;
    int orders = 2000;
    int events = 40000;
};

// Writes the files into `dir` (made if missing); throws ordo::Error when a file cannot be written.
void writeCrashWorld(const QString& dir, quint64 seed, const CrashWorldSize& size);

} // namespace ordo::test
