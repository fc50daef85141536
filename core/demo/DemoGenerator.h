#pragma once

#include "model/Actor.h"
#include "model/Channel.h"
#include "model/OrderStatus.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace ordo {

class Database;

struct DemoOptions {
    quint64 seed = 1;
    qint64 orders = 20000;
    int skus = 5000;
    int locations = 35; // 3+ DCs, 30+ stores, 2 drop-ship vendors
    QDateTime now;      // the demo's "now" (UTC); null: the current time
    // Delete the orders, customers, locations, SKUs, stock, ledger and audit trail already in the database:
    // only a database the demo made (its marker in `meta`), and only for an administrator.
    bool replace = false;
    int ordersPerTransaction = 20000;
    std::function<void(qint64 done, qint64 total)> progress;
};

struct DemoSummary {
    quint64 seed = 0;
    QDateTime now;
    qint64 orders = 0;
    qint64 lines = 0;
    qint64 customers = 0;
    qint64 holds = 0;
    qint64 auditEvents = 0;
    qint64 decisions = 0;       // routing decisions stored, one per order routed
    qint64 ledgerEvents = 0;    // inventory_events rows
    qint64 ruleSetVersions = 0; // published one after the other; the last is active
    qint64 positions = 0;
    qint64 skus = 0;
    qint64 users = 0;
    QList<QPair<QString, qint64>> locationsByType; // dc, store, dropship
    QList<QPair<OrderStatus, qint64>> ordersByStatus;
    QList<QPair<Channel, qint64>> ordersByChannel;
    qint64 elapsedMs = 0;
};

// Fills a database with a realistic, reproducible demo world: DCs, stores and drop-ship vendors in real US
// places, a catalogue in sizes and colours, customers, and orders of the last 90 days from every channel in
// every state with their audit trail, holds, line assignments, stock positions and capacities. The same seed
// and "now" give the same data. Rows go in with multi-row INSERTs, one transaction per
// ordersPerTransaction orders, so a million orders take minutes on SQLite and PostgreSQL alike.
//
// The part of the history that the console explains is made by the real services: a routing rule set with two
// earlier versions (DemoRules, stored through RuleSetRepository), every order past Validated routed by the
// router under the version in force at its moment on the stock of that moment (DemoRouting), its decision
// stored through DecisionRepository, and a stock ledger of opening counts, deliveries, counts, reservations,
// shipments and releases whose positions end where their events add up to (DemoStock).
class DemoGenerator {
public:
    explicit DemoGenerator(Database& db)
        : m_db(db) {}

    // Throws Error::State when the database already holds orders, customers, locations or SKUs and
    // options.replace is off, unless what it holds is a demo that was stopped part way (a meta row marks the
    // database from the demo's first commit to its last): that is replaced, so running the same command again
    // finishes it. Error::Usage for options out of range. `actor` is who asked: only an administrator may
    // replace a database.
    DemoSummary run(const DemoOptions& options, const Actor& actor);

    static constexpr qint64 maxOrders = 20000000;
    static constexpr int maxSkus = 1000000;
    static constexpr int maxLocations = 150;
    static constexpr int historyDays = 90;

private:
    void checkEmpty(bool replace, const Actor& actor);
    void wipe();

    Database& m_db;
};

} // namespace ordo
