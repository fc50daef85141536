// DemoGenerator on both engines: the world has what was asked for, every channel and state, audit trails
// that walk the state machine step by step, consistent totals, holds and search keys; the same seed gives
// the same data, another seed other data; a database that is not empty is refused unless replacing, and
// replacing (--force) takes an administrator and a database the demo made (its marker in meta). The
// history is the real services': every routed order has the router's decision for the lines where they are,
// under the rule-set version in force when it was routed, three versions published one after the other, and a
// stock ledger whose chains hold and add up to the positions, which the in-memory index reads alike.
#include "Error.h"
#include "LedgerChains.h"
#include "TestDatabase.h"
#include "demo/DemoGenerator.h"
#include "inventory/InventoryIndex.h"
#include "inventory/InventoryLedger.h"
#include "inventory/InventoryQuery.h"
#include "model/Gtin.h"
#include "orders/OrderStateMachine.h"
#include "orders/SearchKeys.h"
#include "sourcing/DecisionRepository.h"
#include "sourcing/RuleSetRepository.h"
#include "storage/AuditTrail.h"
#include "storage/LocationRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSet>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ordo;

Q_DECLARE_METATYPE(ordo::Role)

class TestDemoGenerator : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data() { test::TestDatabase::addEngineRows(); }
    void init();
    void cleanup() { m_test.reset(); }

    void createsRequestedWorld();
    void everyChannelAndState();
    void auditTrailsWalkTheStateMachine();
    void ordersAreConsistent();
    void stockCoversRoutedLines();
    void idsContinueAfterTheDemo();
    void routedOrdersCarryTheirDecisions();
    void rulesHaveAHistory();
    void ledgerAddsUpToThePositions();
    void indexAgreesWithTheDatabase();
    void sameSeedSameData();
    void refusesNonEmptyDatabase();
    void forceReplacesOnlyADemoDatabase();
    void forceNeedsAnAdministrator_data();
    void forceNeedsAnAdministrator();

private:
    static DemoOptions options(quint64 seed, qint64 orders = 500);
    static QByteArray digest(Database& db);
    qint64 count(const QString& sql);
    Database& db() { return m_test->db(); }

    std::unique_ptr<test::TestDatabase> m_test;
    DemoSummary m_summary;
    const Actor admin{u"admin"_s, Role::Admin};
};

DemoOptions TestDemoGenerator::options(quint64 seed, qint64 orders) {
    DemoOptions o;
    o.seed = seed;
    o.orders = orders;
    o.skus = 400;
    o.locations = 35;
    o.now = QDateTime(QDate(2024, 6, 15), QTime(18, 0), Qt::UTC);
    o.ordersPerTransaction = 200; // several transactions even in a small demo
    return o;
}

void TestDemoGenerator::init() {
    QFETCH_GLOBAL(QString, engine);
    m_test = test::TestDatabase::create(engine);
    QVERIFY(m_test);
    const QString test = QString::fromLatin1(QTest::currentTestFunction());
    if (test != u"refusesNonEmptyDatabase"_s && test != u"sameSeedSameData"_s &&
        test != u"forceReplacesOnlyADemoDatabase"_s)
        m_summary = DemoGenerator(db()).run(options(7), admin);
}

qint64 TestDemoGenerator::count(const QString& sql) {
    SqlQuery q(db(), sql);
    return q.scalar().toLongLong();
}

void TestDemoGenerator::createsRequestedWorld() {
    QCOMPARE(m_summary.orders, 500);
    QCOMPARE(count(u"SELECT count(*) FROM orders"_s), 500);
    QCOMPARE(count(u"SELECT count(*) FROM skus"_s), 400);
    // Every item has its own barcode, a GTIN-14 with a valid GS1 check digit.
    QCOMPARE(count(u"SELECT count(DISTINCT gtin) FROM skus"_s), 400);
    for (const QVariantList& row : SqlQuery::rows(m_test->db(), u"SELECT gtin FROM skus"_s))
        QCOMPARE(Gtin::normalised(row.first().toString()).value_or(QString()), row.first().toString());
    QCOMPARE(count(u"SELECT count(*) FROM locations"_s), 35);
    QVERIFY(count(u"SELECT count(*) FROM locations WHERE type = 'dc'"_s) >= 3);
    QVERIFY(count(u"SELECT count(*) FROM locations WHERE type = 'store' AND pickup = 1"_s) >= 30);
    QCOMPARE(count(u"SELECT count(*) FROM locations WHERE type = 'dropship'"_s), 2);
    QCOMPARE(count(u"SELECT count(*) FROM locations WHERE daily_capacity <= 0"_s), 0);
    // Continental United States.
    QCOMPARE(
        count(
            u"SELECT count(*) FROM locations WHERE latitude < 24.4 OR latitude > 49.4 OR longitude < -124.8 "
            "OR longitude > -66.9"_s),
        0);
    QCOMPARE(count(u"SELECT count(*) FROM customers"_s), m_summary.customers);
    QVERIFY(m_summary.customers > 100 && m_summary.customers < 500);
    QCOMPARE(count(u"SELECT count(*) FROM audit_events"_s), m_summary.auditEvents);
    QCOMPARE(count(u"SELECT count(*) FROM order_lines"_s), m_summary.lines);
    QVERIFY(count(u"SELECT count(*) FROM users WHERE role = 'warehouse'"_s) >= 30);
    // Orders of the last 90 days, none in the future.
    const qint64 now = options(7).now.toMSecsSinceEpoch();
    QCOMPARE(count(u"SELECT count(*) FROM orders WHERE ordered_at > %1 OR ordered_at < %2"_s.arg(now).arg(
                 now - 91LL * 24 * 3600 * 1000)),
             0);
    QCOMPARE(count(u"SELECT count(*) FROM audit_events WHERE at > %1"_s.arg(now)), 0);
}

void TestDemoGenerator::everyChannelAndState() {
    QSet<QString> channels, states;
    SqlQuery q(db(), u"SELECT DISTINCT channel FROM orders"_s);
    q.exec();
    while (q.next())
        channels.insert(q.value(0).toString());
    SqlQuery s(db(), u"SELECT DISTINCT status FROM orders"_s);
    s.exec();
    while (s.next())
        states.insert(s.value(0).toString());
    const QStringList allChannelCodes = channelCodes();
    const QStringList allStateCodes = orderStatusCodes();
    QCOMPARE(channels, QSet<QString>(allChannelCodes.cbegin(), allChannelCodes.cend()));
    QCOMPARE(states, QSet<QString>(allStateCodes.cbegin(), allStateCodes.cend()));
    QVERIFY(
        count(u"SELECT count(*) FROM orders WHERE delivery = 'pickup' AND pickup_location_id IS NOT NULL"_s) >
        10);
    // Older orders are mostly delivered.
    const qint64 monthAgo = options(7).now.toMSecsSinceEpoch() - 30LL * 24 * 3600 * 1000;
    const qint64 old = count(u"SELECT count(*) FROM orders WHERE ordered_at < %1"_s.arg(monthAgo));
    const qint64 oldDelivered =
        count(u"SELECT count(*) FROM orders WHERE ordered_at < %1 AND status = 'delivered'"_s.arg(monthAgo));
    QVERIFY2(oldDelivered * 100 > old * 85, qPrintable(u"%1 of %2"_s.arg(oldDelivered).arg(old)));
}

void TestDemoGenerator::auditTrailsWalkTheStateMachine() {
    struct Row {
        OrderStatus status;
        std::optional<OrderStatus> heldFrom;
        qint64 changedAt;
    };
    QHash<qint64, Row> orders;
    SqlQuery o(db(), u"SELECT id, status, held_from, status_changed_at FROM orders"_s);
    o.exec();
    while (o.next())
        orders.insert(o.value(0).toLongLong(),
                      {*orderStatusFromCode(o.value(1).toString()),
                       o.value(2).isNull() ? std::nullopt : orderStatusFromCode(o.value(2).toString()),
                       o.value(3).toLongLong()});
    SqlQuery e(db(), u"SELECT entity_id, action, from_state, to_state, at, reason FROM audit_events WHERE "
                     u"entity = 'order' "
                     "ORDER BY entity_id, id"_s);
    e.exec();
    qint64 current = 0;
    OrderStatus state = OrderStatus::Pending;
    std::optional<OrderStatus> heldFrom;
    qint64 lastAt = 0, changedAt = 0;
    int checked = 0;
    const auto finish = [&] {
        if (current == 0)
            return;
        const Row& row = orders.value(current);
        QCOMPARE(state, row.status);
        QCOMPARE(changedAt, row.changedAt);
        QCOMPARE(row.heldFrom, state == OrderStatus::Exception ? heldFrom : std::nullopt);
        ++checked;
    };
    while (e.next()) {
        const qint64 id = e.value(0).toLongLong();
        const QString action = e.value(1).toString();
        const qint64 at = e.value(4).toLongLong();
        if (id != current) {
            finish();
            if (QTest::currentTestFailed())
                return;
            current = id;
            QCOMPARE(action, u"capture"_s);
            QVERIFY(e.value(2).isNull());
            QCOMPARE(e.value(3).toString(), u"pending"_s);
            state = OrderStatus::Pending;
            heldFrom.reset();
            lastAt = changedAt = at;
            continue;
        }
        QVERIFY2(at >= lastAt, qPrintable(u"order %1: events out of time order"_s.arg(id)));
        lastAt = at;
        if (action == u"lines"_s)
            continue;
        const OrderStatus from = *orderStatusFromCode(e.value(2).toString());
        const OrderStatus to = *orderStatusFromCode(e.value(3).toString());
        QVERIFY2(from == state, qPrintable(u"order %1: event from %2 while %3"_s.arg(id).arg(
                                    orderStatusCode(from), orderStatusCode(state))));
        QVERIFY2(OrderStateMachine::canMove(from, to),
                 qPrintable(u"order %1: %2 -> %3"_s.arg(id).arg(orderStatusCode(from), orderStatusCode(to))));
        if (from == OrderStatus::Exception && to != OrderStatus::Cancelled)
            QCOMPARE(to, *heldFrom == OrderStatus::Pending ? OrderStatus::Validated : *heldFrom);
        if (to == OrderStatus::Exception || to == OrderStatus::Cancelled)
            QVERIFY(!e.value(5).toString().isEmpty()); // a reason code
        if (to == OrderStatus::Exception)
            heldFrom = from;
        state = to;
        changedAt = at;
    }
    finish();
    QCOMPARE(checked, 500);
}

void TestDemoGenerator::ordersAreConsistent() {
    // Totals and line counts.
    QCOMPARE(
        count(u"SELECT count(*) FROM orders o WHERE total_minor <> (SELECT sum(quantity * unit_price_minor) "
              "FROM order_lines l WHERE l.order_id = o.id)"_s),
        0);
    QCOMPARE(count(u"SELECT count(*) FROM orders o WHERE line_count <> (SELECT count(*) FROM order_lines l "
                   "WHERE l.order_id = o.id)"_s),
             0);
    // Every exception has an open hold, nothing else has one.
    QCOMPARE(count(u"SELECT count(*) FROM orders o WHERE status = 'exception' AND NOT EXISTS (SELECT 1 FROM "
                   "order_holds h WHERE h.order_id = o.id AND h.resolved_at IS NULL)"_s),
             0);
    QCOMPARE(
        count(u"SELECT count(*) FROM order_holds h JOIN orders o ON o.id = h.order_id WHERE h.resolved_at IS "
              "NULL AND o.status <> 'exception'"_s),
        0);
    QVERIFY(count(u"SELECT count(*) FROM order_holds WHERE resolved_at IS NOT NULL"_s) > 0);
    // Lines have a location once routed, none before; split orders exist.
    QCOMPARE(
        count(
            u"SELECT count(*) FROM order_lines WHERE status IN ('pending', 'validated') AND location_id IS NOT NULL"_s),
        0);
    QCOMPARE(
        count(u"SELECT count(*) FROM order_lines WHERE status IN ('routed', 'released', 'picking', 'packed', "
              "'shipped', 'delivered') AND location_id IS NULL"_s),
        0);
    QVERIFY(
        count(
            u"SELECT count(*) FROM (SELECT order_id FROM order_lines WHERE location_id IS NOT NULL GROUP BY "
            "order_id HAVING count(DISTINCT location_id) > 1) s"_s) > 0);
    // Search keys are filled the way OrderRepository fills them.
    SqlQuery q(
        db(),
        u"SELECT customer_email, customer_phone, ship_name, email_lc, phone_digits, name_lc, surname_lc, "
        "customer_id FROM orders"_s);
    q.exec();
    int withEmail = 0;
    while (q.next()) {
        const SearchKeys keys =
            SearchKeys::from(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
        QCOMPARE(q.value(3).toString(), keys.email);
        QCOMPARE(q.value(4).toString(), keys.phoneDigits);
        QCOMPARE(q.value(5).toString(), keys.name);
        QCOMPARE(q.value(6).toString(), keys.surname);
        QVERIFY(!q.value(7).isNull());
        withEmail += !keys.email.isEmpty();
    }
    QVERIFY(withEmail > 400);
    QCOMPARE(count(u"SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE "
                   "COALESCE(c.email_lc, '') <> COALESCE(o.email_lc, '')"_s),
             0);
}

void TestDemoGenerator::stockCoversRoutedLines() {
    QCOMPARE(count(u"SELECT count(*) FROM order_lines l WHERE l.location_id IS NOT NULL AND NOT EXISTS "
                   u"(SELECT 1 FROM "
                   "positions p WHERE p.location_id = l.location_id AND p.sku_id = l.sku_id)"_s),
             0);
    QCOMPARE(count(u"SELECT count(*) FROM positions WHERE reserved > on_hand"_s), 0);
    QCOMPARE(
        count(
            u"SELECT count(*) FROM locations l WHERE NOT EXISTS (SELECT 1 FROM positions p WHERE p.location_id = l.id)"_s),
        0);
    // Reserved stock is what open orders hold.
    QCOMPARE(
        count(u"SELECT COALESCE(sum(reserved), 0) FROM positions"_s),
        count(u"SELECT COALESCE(sum(quantity), 0) FROM order_lines WHERE status IN ('routed', 'released', "
              "'picking', 'packed') AND location_id IS NOT NULL"_s));
    // Every position's reserved stock is backed by held reservations, one per open routed line.
    QCOMPARE(
        count(u"SELECT count(*) FROM positions p WHERE p.reserved <> (SELECT COALESCE(sum(r.quantity), 0) "
              "FROM reservations r WHERE r.location_id = p.location_id AND r.sku_id = p.sku_id "
              "AND r.state = 'held')"_s),
        0);
    QVERIFY(count(u"SELECT count(*) FROM reservations WHERE state = 'held'"_s) > 0);
    // Stores carry fewer SKUs than DCs.
    const qint64 perDc =
        count(
            u"SELECT count(*) FROM positions p JOIN locations l ON l.id = p.location_id WHERE l.type = 'dc'"_s) /
        count(u"SELECT count(*) FROM locations WHERE type = 'dc'"_s);
    const qint64 perStore =
        count(
            u"SELECT count(*) FROM positions p JOIN locations l ON l.id = p.location_id WHERE l.type = 'store'"_s) /
        count(u"SELECT count(*) FROM locations WHERE type = 'store'"_s);
    QVERIFY2(perStore * 2 < perDc, qPrintable(u"%1 per store, %2 per DC"_s.arg(perStore).arg(perDc)));
    QCOMPARE(m_summary.positions, count(u"SELECT count(*) FROM positions"_s));
}

void TestDemoGenerator::idsContinueAfterTheDemo() {
    const qint64 maxId = count(u"SELECT max(id) FROM customers"_s);
    SqlQuery q(
        db(),
        u"INSERT INTO customers (email_lc, created_at) VALUES ('new.customer@example.com', 0) RETURNING id"_s);
    QVERIFY(q.scalar().toLongLong() > maxId);
    SqlQuery l(
        db(), u"INSERT INTO locations (code, name, type, latitude, longitude, ships, pickup, daily_capacity) "
              "VALUES ('ST-NEW', 'New store', 'store', 40.0, -75.0, 1, 1, 100) RETURNING id"_s);
    QCOMPARE(l.scalar().toLongLong(), 36);
}

void TestDemoGenerator::routedOrdersCarryTheirDecisions() {
    // Every order past Validated, and every order with a line at a location (routed, then cancelled or held),
    // has exactly one decision; nothing else has one.
    QCOMPARE(
        count(u"SELECT count(*) FROM orders o WHERE (o.status IN ('routed', 'released', 'picking', 'packed', "
              "'shipped', 'delivered') OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND "
              "l.location_id IS NOT NULL)) AND NOT EXISTS (SELECT 1 FROM routing_decisions d WHERE "
              "d.order_id = "
              "o.id)"_s),
        0);
    QCOMPARE(
        count(u"SELECT count(*) FROM routing_decisions d WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE "
              "l.order_id = d.order_id AND l.location_id IS NOT NULL)"_s),
        0);
    QCOMPARE(
        count(
            u"SELECT count(*) FROM (SELECT order_id FROM routing_decisions GROUP BY order_id HAVING count(*) > 1) s"_s),
        0);
    const qint64 decisions = count(u"SELECT count(*) FROM routing_decisions"_s);
    QCOMPARE(decisions, m_summary.decisions);
    QVERIFY2(decisions > 400, qPrintable(QString::number(decisions)));

    // When each version came into force.
    QList<QPair<qint64, int>> published;
    SqlQuery v(db(), u"SELECT published_at, version FROM rule_sets ORDER BY published_at"_s);
    v.exec();
    while (v.next())
        published.append({v.value(0).toLongLong(), v.value(1).toInt()});
    QCOMPARE(published.size(), 3);
    const auto versionAt = [&](qint64 at) {
        int version = 0;
        for (const auto& [time, number] : std::as_const(published))
            if (time <= at)
                version = number;
        return version;
    };

    // Each decision: routed, explained, at the moment the audit trail routes the order, under the version in
    // force then, and it chose exactly the locations the lines stand at.
    QHash<qint64, QHash<int, QString>> lineLocations;
    SqlQuery l(
        db(),
        u"SELECT l.order_id, l.line_no, c.code FROM order_lines l JOIN locations c ON c.id = l.location_id"_s);
    l.exec();
    while (l.next())
        lineLocations[l.value(0).toLongLong()].insert(l.value(1).toInt(), l.value(2).toString());
    QHash<qint64, qint64> routedAt;
    SqlQuery a(db(),
               u"SELECT entity_id, at FROM audit_events WHERE entity = 'order' AND action = 'transition' AND "
               "to_state = 'routed'"_s);
    a.exec();
    while (a.next())
        routedAt.insert(a.value(0).toLongLong(), a.value(1).toLongLong());
    QList<qint64> orderIds;
    SqlQuery d(db(), u"SELECT order_id FROM routing_decisions ORDER BY order_id"_s);
    d.exec();
    while (d.next())
        orderIds << d.value(0).toLongLong();
    const DecisionRepository repository(db());
    QSet<int> versions;
    QSet<QString> strategies;
    int withRunnerUp = 0;
    for (qint64 id : std::as_const(orderIds)) {
        const std::optional<Decision> decision = repository.latest(id);
        QVERIFY(decision);
        QCOMPARE(decision->outcome, RoutingOutcome::Routed);
        QVERIFY(!decision->candidates.isEmpty());
        QVERIFY(!decision->strategies.isEmpty());
        QVERIFY2(routedAt.contains(id), qPrintable(u"order %1 has no routed event"_s.arg(id)));
        QCOMPARE(decision->decidedAtMs, routedAt.value(id));
        QCOMPARE(decision->ruleVersion, versionAt(decision->decidedAtMs));
        QHash<int, QString> chosen;
        for (const Shipment& s : decision->shipments)
            for (const ShipmentLine& line : s.lines)
                chosen.insert(line.lineNo, s.locationCode);
        QCOMPARE(chosen, lineLocations.value(id));
        versions.insert(decision->ruleVersion);
        strategies.insert(decision->strategy);
        withRunnerUp += decision->runnerUp.has_value();
    }
    // Orders were routed under every version, by every strategy of them.
    QCOMPARE(versions, (QSet<int>{1, 2, 3}));
    QVERIFY2(strategies.size() >= 4,
             qPrintable(QStringList(strategies.cbegin(), strategies.cend()).join(u", "_s)));
    QVERIFY(withRunnerUp > 0);
}

void TestDemoGenerator::rulesHaveAHistory() {
    const RuleSetRepository repository(db());
    const QList<RuleSetVersion> history = repository.list();
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.at(0).version, 3);
    QCOMPARE(history.at(0).state, RuleSetState::Active);
    QCOMPARE(history.at(1).state, RuleSetState::Archived);
    QCOMPARE(history.at(2).state, RuleSetState::Archived);
    const QDateTime now = options(7).now;
    for (qsizetype i = 0; i < history.size(); ++i) {
        QVERIFY(history.at(i).publishedAt.isValid());
        QVERIFY(history.at(i).publishedAt < now);
        QVERIFY(history.at(i).createdAt < history.at(i).publishedAt);
        if (i > 0)
            QVERIFY(history.at(i).publishedAt < history.at(i - 1).publishedAt); // newest first
    }
    // The first version is in force before the first order comes in.
    QVERIFY(history.at(2).publishedAt.toMSecsSinceEpoch() < count(u"SELECT min(ordered_at) FROM orders"_s));
    const RuleSet active = repository.active();
    QCOMPARE(active.version, 3);
    QStringList names;
    for (const Strategy& s : active.strategies)
        names << s.name;
    QCOMPARE(names, (QStringList{u"Store pickup"_s, u"Marketplace from distribution centres"_s,
                                 u"High-value orders from distribution centres"_s,
                                 u"Lowest total cost, ship from store"_s}));
    QVERIFY(active.strategies.last().filters.types.contains(LocationType::Store));
    QVERIFY(!repository.load(1)->strategies.last().filters.types.contains(LocationType::Store));
    // Saved and published through the repository: each step in the audit trail.
    QCOMPARE(count(u"SELECT count(*) FROM audit_events WHERE entity = 'rule_set' AND action = 'publish'"_s),
             3);
    QCOMPARE(count(u"SELECT count(*) FROM audit_events WHERE entity = 'rule_set' AND action = 'archive'"_s),
             2);
}

void TestDemoGenerator::ledgerAddsUpToThePositions() {
    const QString broken = test::brokenLedgerChains(db());
    QVERIFY2(broken.isEmpty(), qPrintable(broken));
    QCOMPARE(count(u"SELECT count(*) FROM inventory_events"_s), m_summary.ledgerEvents);

    // Walked in the order they were recorded, the events of each position give its figures after each of them
    // and at the end. A snapshot sets on hand, a delta adds to it, reserve / release move reserved, a
    // shipment takes from both.
    struct Figures {
        qint64 onHand = 0;
        qint64 reserved = 0;
    };
    QHash<QPair<qint64, qint64>, Figures> walked;
    QHash<QString, qint64> kinds;
    qint64 receipts = 0, adjustments = 0, lastAt = 0;
    SqlQuery e(
        db(),
        u"SELECT location_id, sku_id, kind, quantity, on_hand_after, reserved_after, reason, occurred_at "
        "FROM inventory_events ORDER BY id"_s);
    e.exec();
    while (e.next()) {
        Figures& f = walked[{e.value(0).toLongLong(), e.value(1).toLongLong()}];
        const QString kind = e.value(2).toString();
        const qint64 q = e.value(3).toLongLong();
        if (kind == u"snapshot"_s)
            f.onHand = q;
        else if (kind == u"delta"_s)
            f.onHand += q;
        else if (kind == u"reserve"_s)
            f.reserved += q;
        else if (kind == u"release"_s)
            f.reserved -= q;
        else if (kind == u"ship"_s)
            f.onHand -= q, f.reserved -= q;
        else
            QFAIL(qPrintable(u"unexpected kind "_s + kind));
        QCOMPARE(e.value(4).toLongLong(), f.onHand);
        QCOMPARE(e.value(5).toLongLong(), f.reserved);
        QVERIFY(f.onHand >= f.reserved);
        ++kinds[kind];
        const QString reason = e.value(6).toString();
        receipts += kind == u"delta"_s && reason.startsWith(u"RECEIVED"_s);
        adjustments += kind == u"delta"_s && !reason.startsWith(u"RECEIVED"_s);
        // Recorded in the order they happened.
        QVERIFY(e.value(7).toLongLong() >= lastAt);
        lastAt = e.value(7).toLongLong();
    }
    QVERIFY(lastAt <= options(7).now.toMSecsSinceEpoch());
    int positions = 0;
    SqlQuery p(db(), u"SELECT location_id, sku_id, on_hand, reserved FROM positions"_s);
    p.exec();
    while (p.next()) {
        const Figures f = walked.value({p.value(0).toLongLong(), p.value(1).toLongLong()});
        QCOMPARE(p.value(2).toLongLong(), f.onHand);
        QCOMPARE(p.value(3).toLongLong(), f.reserved);
        ++positions;
    }
    QCOMPARE(positions, m_summary.positions);
    QVERIFY(kinds.value(u"snapshot"_s) > 1000); // opening counts
    QVERIFY(kinds.value(u"reserve"_s) > 500);
    QVERIFY(kinds.value(u"ship"_s) > 400);  // sales
    QVERIFY(kinds.value(u"release"_s) > 0); // cancelled after routing
    QVERIFY(receipts > 0);
    QVERIFY(adjustments > 50);

    // The busiest position shows its recent events, newest first.
    SqlQuery busy(
        db(), u"SELECT l.code, s.code FROM inventory_events e JOIN locations l ON l.id = e.location_id "
              "JOIN skus s ON s.id = e.sku_id GROUP BY l.code, s.code ORDER BY count(*) DESC, l.code, s.code "
              "LIMIT 1"_s);
    busy.exec();
    QVERIFY(busy.next());
    const QList<LedgerEntry> recent =
        InventoryQuery(db()).recentEvents(busy.value(0).toString(), busy.value(1).toString(), 10);
    QCOMPARE(recent.size(), 10);
    for (qsizetype i = 1; i < recent.size(); ++i)
        QVERIFY(recent.at(i).occurredAt <= recent.at(i - 1).occurredAt);
}

void TestDemoGenerator::indexAgreesWithTheDatabase() {
    const InventoryIndex index = InventoryIndex::load(db());
    QCOMPARE(index.positionCount(), m_summary.positions);
    SqlQuery q(db(), u"SELECT location_id, sku_id, on_hand, reserved, safety_stock FROM positions"_s);
    q.exec();
    int checked = 0;
    while (q.next()) {
        const int sku = index.skuIdForDatabaseId(q.value(1).toLongLong());
        const int location = index.locationIdForDatabaseId(q.value(0).toLongLong());
        QVERIFY(sku >= 0 && location >= 0);
        QCOMPARE(index.figures(sku, location),
                 std::optional<PositionFigures>(PositionFigures{
                     q.value(2).toLongLong(), q.value(3).toLongLong(), q.value(4).toLongLong()}));
        ++checked;
    }
    QCOMPARE(checked, m_summary.positions);
}

QByteArray TestDemoGenerator::digest(Database& db) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList queries = {
        u"SELECT order_number, channel, external_id, status, held_from, ordered_at, status_changed_at, "
        u"customer_id, "
        "customer_email, customer_phone, ship_name, address1, city, postal_code, latitude, longitude, "
        "delivery, "
        "pickup_location_id, requested_at, priority, total_minor, line_count FROM orders ORDER BY id"_s,
        u"SELECT order_id, line_no, sku_code, quantity, unit_price_minor, status, location_id FROM order_lines ORDER BY id"_s,
        u"SELECT entity_id, at, actor, action, from_state, to_state, reason, detail FROM audit_events ORDER BY id"_s,
        u"SELECT location_id, sku_id, on_hand, reserved, safety_stock FROM positions ORDER BY location_id, sku_id"_s,
        u"SELECT code, name, weight_g, price_minor FROM skus ORDER BY id"_s,
    };
    for (const QString& sql : queries) {
        SqlQuery q(db, sql);
        q.exec();
        const int columns = q.raw().record().count();
        while (q.next())
            for (int c = 0; c < columns; ++c)
                hash.addData((q.value(c).toString() + u'\x1f').toUtf8());
    }
    return hash.result().toHex();
}

void TestDemoGenerator::sameSeedSameData() {
    QFETCH_GLOBAL(QString, engine);
    DemoGenerator(db()).run(options(11, 300), admin);
    const QByteArray first = digest(db());

    auto second = test::TestDatabase::create(engine);
    QVERIFY(second);
    DemoGenerator(second->db()).run(options(11, 300), admin);
    QCOMPARE(digest(second->db()), first);

    auto third = test::TestDatabase::create(engine);
    QVERIFY(third);
    DemoGenerator(third->db()).run(options(12, 300), admin);
    QVERIFY(digest(third->db()) != first);
}

void TestDemoGenerator::refusesNonEmptyDatabase() {
    DemoGenerator(db()).run(options(1, 40), admin);
    try {
        DemoGenerator(db()).run(options(2, 40), admin);
        QFAIL("generated into a database that already has orders");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::State);
        QVERIFY2(e.message().contains(u"--force"_s), qPrintable(e.message()));
    }
    QCOMPARE(count(u"SELECT count(*) FROM orders"_s), 40);
    DemoOptions replace = options(2, 60);
    replace.replace = true;
    const DemoSummary s = DemoGenerator(db()).run(replace, admin);
    QCOMPARE(s.orders, 60);
    QCOMPARE(count(u"SELECT count(*) FROM orders"_s), 60);
    QCOMPARE(count(u"SELECT count(*) FROM locations"_s), 35);
    QCOMPARE(count(u"SELECT min(id) FROM orders"_s), 1);
    // The demo names itself in the database it made, with what it was made of.
    SqlQuery marker(db(), u"SELECT value FROM meta WHERE key = 'demo_world'"_s);
    QCOMPARE(marker.scalar().toString(),
             u"seed 2, 60 orders, 400 SKUs, 35 locations, now 2024-06-15T18:00:00.000Z"_s);
}

void TestDemoGenerator::forceReplacesOnlyADemoDatabase() {
    // A database someone works in: a location, its audit row, a stock event in the ledger.
    {
        Transaction tx(db());
        Location location;
        location.code = u"DC-REAL"_s;
        location.name = u"Our warehouse"_s;
        location.ships = true;
        const qint64 id = LocationRepository(db()).upsert(location);
        AuditTrail(db()).record({0,
                                 QDateTime::currentDateTimeUtc(),
                                 u"ana"_s,
                                 u"location"_s,
                                 id,
                                 u"create"_s,
                                 {},
                                 {},
                                 {},
                                 u"DC-REAL"_s});
        tx.commit();
    }
    SkuRepository(db()).upsert(Sku{0, u"REAL-1"_s, u"Real item"_s, 100, Money{1000, u"USD"_s}});
    InventoryEvent counted;
    counted.eventId = u"count-1"_s;
    counted.locationCode = u"DC-REAL"_s;
    counted.skuCode = u"REAL-1"_s;
    counted.kind = InventoryEventKind::Snapshot;
    counted.quantity = 12;
    QCOMPARE(InventoryLedger(db()).apply({counted}, {}, admin).applied, 1);
    const QStringList tables = {u"locations"_s, u"skus"_s, u"positions"_s, u"inventory_events"_s,
                                u"audit_events"_s};
    QList<qint64> before;
    for (const QString& table : tables)
        before << count(u"SELECT count(*) FROM "_s + table);

    DemoOptions replace = options(3, 40);
    replace.replace = true;
    try {
        DemoGenerator(db()).run(replace, admin);
        QFAIL("--force emptied a database the demo did not make");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::State);
        for (const QString& part :
             {db().displayName(), u"not made by `ordo demo`"_s, u"nothing was deleted"_s})
            QVERIFY2(e.message().contains(part), qPrintable(e.message()));
    }
    for (int i = 0; i < tables.size(); ++i)
        QCOMPARE(count(u"SELECT count(*) FROM "_s + tables.at(i)), before.at(i));

    // The command line says so with exit code 3, and deletes nothing either.
    QProcess ordo;
    ordo.start(QStringLiteral(ORDO_EXECUTABLE), {u"demo"_s, u"--db"_s, m_test->url(), u"--orders"_s, u"40"_s,
                                                 u"--skus"_s, u"50"_s, u"--force"_s});
    QVERIFY(ordo.waitForFinished(120000));
    QCOMPARE(ordo.exitCode(), 3);
    const QString message = QString::fromUtf8(ordo.readAllStandardError());
    QVERIFY2(message.contains(u"not made by `ordo demo`"_s), qPrintable(message));
    for (int i = 0; i < tables.size(); ++i)
        QCOMPARE(count(u"SELECT count(*) FROM "_s + tables.at(i)), before.at(i));
}

void TestDemoGenerator::forceNeedsAnAdministrator_data() {
    QTest::addColumn<Role>("role");
    QTest::newRow("manager") << Role::Manager;
    QTest::newRow("csr") << Role::CustomerService;
    QTest::newRow("warehouse") << Role::Warehouse;
    QTest::newRow("system") << Role::System;
}

void TestDemoGenerator::forceNeedsAnAdministrator() {
    QFETCH(Role, role);
    const qint64 orders = count(u"SELECT count(*) FROM orders"_s); // init() made a demo world
    const qint64 audit = count(u"SELECT count(*) FROM audit_events"_s);
    QVERIFY(orders > 0);
    DemoOptions replace = options(3, 40);
    replace.replace = true;
    try {
        DemoGenerator(db()).run(replace, Actor{u"pat"_s, role});
        QFAIL("--force emptied a database for someone who is not an administrator");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Denied);
        for (const QString& part : {u"pat"_s, roleCode(role), u"administrator"_s})
            QVERIFY2(e.message().contains(part), qPrintable(e.message()));
    }
    QCOMPARE(count(u"SELECT count(*) FROM orders"_s), orders);
    QCOMPARE(count(u"SELECT count(*) FROM audit_events"_s), audit);

    // An administrator may, on the command line too (which acts as one).
    QProcess ordo;
    ordo.start(QStringLiteral(ORDO_EXECUTABLE), {u"demo"_s, u"--db"_s, m_test->url(), u"--orders"_s, u"40"_s,
                                                 u"--skus"_s, u"50"_s, u"--force"_s, u"--json"_s});
    QVERIFY(ordo.waitForFinished(120000));
    QVERIFY2(ordo.exitCode() == 0, ordo.readAllStandardError().constData());
    QCOMPARE(count(u"SELECT count(*) FROM orders"_s), 40);
}

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
