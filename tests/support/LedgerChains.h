#pragma once

#include <QString>

namespace ordo {
class Database;
}

namespace ordo::test {

// Checks every position's ledger chain (schema step 7) against the ledger itself: each event must link to the
// event recorded before it at the same position, and each position must end its chain with its latest event.
// Returns what is wrong, naming the first event or position that disagrees and how many do; empty when all
// agree. Every writer of the ledger must keep the chains, so tests of each call this after writing.
QString brokenLedgerChains(Database& db);

} // namespace ordo::test
