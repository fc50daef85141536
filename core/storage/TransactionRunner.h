#pragma once

#include "Error.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <chrono>
#include <type_traits>
#include <utility>

namespace ordo {

// How often, and how far apart, a unit of work is tried again.
struct RetryPolicy {
    int maxAttempts = 8;                      // the first attempt included
    std::chrono::milliseconds firstDelay{10}; // the wait before the second attempt, about
    std::chrono::milliseconds maxDelay{1000}; // no wait is longer
};

// Runs a whole unit of work, and runs it again from its start when the database gave up on it through no
// fault of its own:
//   PostgreSQL  SQLSTATE 40P01 (deadlock detected: the server broke a cycle of row locks by failing one
//               transaction) and 40001 (serialization failure);
//   SQLite      SQLITE_BUSY and SQLITE_LOCKED, extended codes included (another connection held the write
//               lock past the busy timeout).
// It decides on Error::code(), the database's own code (StatementError), never on the message's wording.
// Each retry waits an exponentially growing time with jitter (half of it random, so that two writers that
// met once do not meet again in step), at most RetryPolicy::maxAttempts attempts in all; then it throws
// Error::storage saying it gave up, with the last failure's message and code. Any other error passes
// through at once.
//
// Only the outermost unit of work is retried: called inside a caller's Transaction the unit runs once and
// its failure goes to the caller, whose own runner retries the whole (after an error a PostgreSQL
// transaction is aborted anyway). A unit must therefore keep nothing from a failed attempt: state it
// builds in memory is built again by the next attempt, and anything told to others (position sinks, the
// in-memory index, change notices) is told after the runner returned.
class TransactionRunner {
public:
    explicit TransactionRunner(Database& db, RetryPolicy policy = {})
        : m_db(db)
        , m_policy(policy) {}

    // `unit()` opens, and commits, its own Transaction.
    template <typename Unit> auto run(Unit&& unit) -> std::invoke_result_t<Unit&> {
        m_attempts = 1;
        if (m_db.transactionDepth() > 0)
            return unit(); // the caller's unit of work, and its retry
        for (int attempt = 1;; ++attempt) {
            try {
                return unit();
            } catch (const Error& e) {
                if (!isTransient(e))
                    throw;
                if (attempt >= m_policy.maxAttempts)
                    throw gaveUp(e, attempt);
                pause(attempt);
            }
        }
    }

    // How many attempts the last run() took (1: no retry).
    int attempts() const { return m_attempts; }

    // Whether the database gave up on the unit through no fault of its own (see above).
    static bool isTransient(const Error& e);
    // The wait before attempt `attempt + 1`: firstDelay x 2^(attempt - 1), capped at maxDelay, of which half
    // is random.
    static std::chrono::milliseconds backoff(int attempt, const RetryPolicy& policy);

private:
    Error gaveUp(const Error& last, int attempts) const;
    void pause(int attempt);

    Database& m_db;
    RetryPolicy m_policy;
    int m_attempts = 0;
};

// The usual shape: opens a Transaction, runs `body(tx)` and commits unless the body ended the guard itself
// (commit, commitWith or rollback), retried as a whole by TransactionRunner. Returns what the body returns.
template <typename Body>
auto runUnitOfWork(Database& db, Body&& body, RetryPolicy policy = {})
    -> std::invoke_result_t<Body&, Transaction&> {
    return TransactionRunner(db, policy).run([&]() -> std::invoke_result_t<Body&, Transaction&> {
        Transaction tx(db);
        if constexpr (std::is_void_v<std::invoke_result_t<Body&, Transaction&>>) {
            body(tx);
            if (!tx.isDone())
                tx.commit();
        } else {
            auto result = body(tx);
            if (!tx.isDone())
                tx.commit();
            return result;
        }
    });
}

} // namespace ordo
