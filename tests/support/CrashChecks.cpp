#include "CrashChecks.h"

#include "LedgerChains.h"
#include "model/OrderStatus.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ordo::test {

namespace {

constexpr int shownCases = 5; // cases named per fault; the count says how many there are

// One fault found by a query: "<what>: N, e.g. a; b; c" from the rows' first column, nothing when no row.
void addFault(CrashVerdict& verdict, const QString& what, const QList<QVariantList>& rows) {
    if (rows.isEmpty())
        return;
    QStringList cases;
    for (const QVariantList& row : rows.mid(0, shownCases)) {
        QStringList fields;
        for (const QVariant& v : row)
            fields << v.toString();
        cases << fields.join(u' ');
    }
    verdict.failures << u"%1: %2, e.g. %3"_s.arg(what).arg(rows.size()).arg(cases.join(u"; "_s));
}

qint64 scalar(Database& db, const QString& sql) {
    const QList<QVariantList> rows = SqlQuery::rows(db, sql);
    return rows.isEmpty() || rows.first().isEmpty() ? 0 : rows.first().first().toLongLong();
}

// What an order's state must be once the command that reported `outcome` for it committed. Empty: any.
QString expectedStatus(const QString& outcome) {
    static const QHash<QString, QString> expected = {
        {u"captured"_s, u"validated"_s},  {u"held"_s, u"exception"_s},
        {u"reserved"_s, u"routed"_s},     {u"unfillable"_s, u"exception"_s},
        {u"cancelled"_s, u"cancelled"_s}, {u"backordered"_s, u"validated"_s}};
    return expected.value(outcome);
}

// The state an order's lines give it: the least advanced open line's, cancelled when every line is.
std::optional<OrderStatus> statusOfLines(const QList<OrderStatus>& lines) {
    std::optional<OrderStatus> least;
    for (OrderStatus s : lines) {
        if (s == OrderStatus::Cancelled)
            continue;
        if (!least || progressRank(s) < progressRank(*least))
            least = s;
    }
    if (!least && !lines.isEmpty())
        return OrderStatus::Cancelled;
    return least;
}

} // namespace

CommittedUnits readCommittedUnits(const QByteArray& progressOutput) {
    static const QRegularExpression order(u"^progress: committed order (\\S+) \\((.*)\\)$"_s);
    static const QRegularExpression events(u"^progress: committed (\\d+) of (\\d+) events$"_s);
    static const QRegularExpression demo(u"^progress: committed (\\d+) of (\\d+) orders$"_s);
    CommittedUnits units;
    for (const QByteArray& raw : progressOutput.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (const QRegularExpressionMatch m = order.match(line); m.hasMatch()) {
            units.orders.insert(m.captured(1), m.captured(2));
        } else if (const QRegularExpressionMatch e = events.match(line); e.hasMatch()) {
            units.events = std::max(units.events, e.captured(1).toLongLong());
        } else if (const QRegularExpressionMatch d = demo.match(line); d.hasMatch()) {
            units.demoOrders = std::max(units.demoOrders, d.captured(1).toLongLong());
        } else {
            continue;
        }
        ++units.lines;
    }
    return units;
}

CrashVerdict checkStorageIntegrity(Database& db) {
    CrashVerdict verdict{u"integrity"_s, {}, {}};
    if (db.engine() == Engine::Postgres) {
        // amcheck verifies every B-tree index against its table's rows, when the server ships it.
        if (scalar(db, u"SELECT count(*) FROM pg_available_extensions WHERE name = 'amcheck'"_s) == 0) {
            verdict.summary = u"PostgreSQL without amcheck: the server's own recovery is trusted"_s;
            return verdict;
        }
        SqlQuery::run(db, u"CREATE EXTENSION IF NOT EXISTS amcheck"_s);
        const QList<QVariantList> indexes = SqlQuery::rows(
            db, u"SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE a.amname = 'btree' AND n.nspname = 'public' ORDER BY c.relname"_s);
        QList<QVariantList> bad;
        for (const QVariantList& index : indexes) {
            try {
                SqlQuery::rows(
                    db, u"SELECT bt_index_check('%1'::regclass, true)"_s.arg(index.first().toString()));
            } catch (const std::exception& e) {
                bad << QVariantList{index.first(), QString::fromUtf8(e.what()).left(200)};
            }
        }
        verdict.summary = u"amcheck of %1 B-tree indexes with their rows"_s.arg(indexes.size());
        addFault(verdict, u"indexes that do not match their table"_s, bad);
        return verdict;
    }
    const QList<QVariantList> integrity = SqlQuery::rows(db, u"PRAGMA integrity_check"_s);
    if (integrity.size() != 1 || integrity.first().value(0).toString() != u"ok"_s)
        addFault(verdict, u"PRAGMA integrity_check"_s, integrity);
    addFault(verdict, u"rows whose foreign key points nowhere (table, rowid, parent)"_s,
             SqlQuery::rows(db, u"PRAGMA foreign_key_check"_s));
    verdict.summary = u"PRAGMA integrity_check, PRAGMA foreign_key_check"_s;
    return verdict;
}

CrashVerdict checkCommittedUnits(Database& db, const CrashCheckOptions& options) {
    const CommittedUnits& committed = options.committed;
    CrashVerdict verdict{u"committed"_s, {}, {}};
    QStringList said;
    if (!committed.orders.isEmpty()) {
        QHash<QString, std::pair<QString, qint64>> stored; // number -> (status, routing decisions)
        for (const QVariantList& row :
             SqlQuery::rows(db, u"SELECT o.order_number, o.status, (SELECT count(*) FROM routing_decisions d "
                                "WHERE d.order_id = o.id) FROM orders o"_s))
            stored.insert(row.at(0).toString(), {row.at(1).toString(), row.at(2).toLongLong()});
        QList<QVariantList> missing, wrongState, undecided;
        for (auto it = committed.orders.cbegin(); it != committed.orders.cend(); ++it) {
            const auto found = stored.constFind(it.key());
            if (found == stored.cend()) {
                missing << QVariantList{it.key(), it.value()};
                continue;
            }
            const QString expected = expectedStatus(it.value());
            if (!expected.isEmpty() && found->first != expected)
                wrongState << QVariantList{it.key(), it.value(), found->first};
            const bool routing =
                it.value() != u"captured"_s && it.value() != u"held"_s && it.value() != u"duplicate"_s;
            if (routing && found->second == 0)
                undecided << QVariantList{it.key(), it.value()};
        }
        said << u"%1 orders"_s.arg(committed.orders.size());
        addFault(verdict, u"orders reported committed that are not there"_s, missing);
        addFault(verdict, u"orders not in the state their reported outcome leaves (order, outcome, state)"_s,
                 wrongState);
        addFault(verdict, u"orders reported routed without a stored decision"_s, undecided);
    }
    if (committed.events > 0) {
        const auto id = [&](qint64 n) -> QString { // a QString, not a builder over a temporary
            return options.eventIdPrefix + QString::number(n).rightJustified(options.eventIdDigits, u'0');
        };
        const qint64 present = scalar(
            db, u"SELECT count(*) FROM inventory_events WHERE event_id >= '%1' AND event_id < '%2'"_s.arg(
                    id(0), id(committed.events)));
        said << u"the first %1 events"_s.arg(committed.events);
        if (present != committed.events)
            verdict.failures
                << u"the first %1 events of the input were reported committed, but %2 of them are "
                   "in the ledger"_s.arg(committed.events)
                       .arg(present);
    }
    if (committed.demoOrders > 0) {
        const qint64 orders = scalar(db, u"SELECT count(*) FROM orders"_s);
        said << u"%1 demo orders"_s.arg(committed.demoOrders);
        if (orders < committed.demoOrders)
            verdict.failures << u"%1 demo orders were reported committed, but the database holds %2"_s
                                    .arg(committed.demoOrders)
                                    .arg(orders);
    }
    verdict.summary = said.isEmpty() ? u"nothing was reported committed"_s
                                     : u"reported committed and present: "_s + said.join(u", "_s);
    return verdict;
}

CrashVerdict checkOrdersWhole(Database& db, const CrashCheckOptions& options) {
    CrashVerdict verdict{u"orders"_s, {}, {}};
    const qint64 orders = scalar(db, u"SELECT count(*) FROM orders"_s);
    addFault(verdict, u"orders without the lines they count (order, line_count)"_s,
             SqlQuery::rows(db,
                            u"SELECT o.order_number, o.line_count FROM orders o WHERE o.line_count < 1 OR "
                            "o.line_count <> (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) "
                            "ORDER BY o.id"_s));
    addFault(verdict, u"orders without their capture event"_s,
             SqlQuery::rows(db,
                            u"SELECT o.order_number FROM orders o WHERE NOT EXISTS (SELECT 1 FROM "
                            "audit_events a WHERE a.entity = 'order' AND a.entity_id = o.id AND a.action = "
                            "'capture') ORDER BY o.id"_s));
    addFault(verdict,
             u"orders whose last audited state change is not their status (order, status, audited)"_s,
             SqlQuery::rows(db, u"SELECT order_number, status, audited FROM (SELECT o.id, o.order_number, "
                                "o.status, COALESCE((SELECT a.to_state FROM audit_events a WHERE a.entity = "
                                "'order' AND a.entity_id = o.id AND a.to_state IS NOT NULL AND a.action <> "
                                "'lines' ORDER BY a.id DESC "
                                "LIMIT 1), 'pending') AS audited FROM orders o) AS x WHERE audited <> status "
                                "ORDER BY id"_s));
    if (options.ordersHaveSources)
        addFault(verdict, u"orders without exactly one source document (order, documents)"_s,
                 SqlQuery::rows(db,
                                u"SELECT order_number, n FROM (SELECT o.id, o.order_number, (SELECT "
                                "count(*) FROM source_documents s WHERE s.order_id = o.id) AS n FROM orders "
                                "o) AS x WHERE n <> 1 ORDER BY id"_s));

    // Each order's status against its lines'.
    QHash<qint64, QList<OrderStatus>> lines;
    QList<QVariantList> badLineStates;
    for (const QVariantList& row : SqlQuery::rows(
             db, u"SELECT order_id, line_no, status FROM order_lines ORDER BY order_id, line_no"_s)) {
        const auto s = orderStatusFromCode(row.at(2).toString());
        if (!s || *s == OrderStatus::Exception)
            badLineStates << row;
        else
            lines[row.at(0).toLongLong()] << *s;
    }
    addFault(verdict, u"lines in no state a line can be in (order id, line, state)"_s, badLineStates);
    QList<QVariantList> disagree;
    for (const QVariantList& row :
         SqlQuery::rows(db, u"SELECT id, order_number, status, held_from FROM orders ORDER BY id"_s)) {
        const auto status = orderStatusFromCode(row.at(2).toString());
        const bool held = status == OrderStatus::Exception;
        const auto wanted = held ? orderStatusFromCode(row.at(3).toString()) : status;
        const auto derived = statusOfLines(lines.value(row.at(0).toLongLong()));
        if (!wanted || !derived || *derived != *wanted)
            disagree << QVariantList{row.at(1), row.at(2), row.at(3),
                                     derived ? orderStatusCode(*derived) : u"-"_s};
    }
    addFault(verdict,
             u"orders whose status is not the one their lines give (order, status, held from, lines)"_s,
             disagree);

    // What each line holds: all of it from routed to packed (and a location), none once shipped or cancelled
    // or before validation, never more than its quantity.
    addFault(
        verdict,
        u"lines holding stock their state does not allow (order, line, state, quantity, held, location)"_s,
        SqlQuery::rows(
            db,
            u"SELECT order_number, line_no, status, quantity, held, location_id FROM (SELECT o.id, "
            "o.order_number, l.line_no, l.status, l.quantity, l.location_id, COALESCE((SELECT "
            "sum(r.quantity) "
            "FROM reservations r WHERE r.order_id = l.order_id AND r.line_no = l.line_no AND r.state = "
            "'held'), 0) AS held FROM orders o JOIN order_lines l ON l.order_id = o.id) AS x WHERE held > "
            "quantity OR (status IN ('routed','released','picking','packed') AND (held <> quantity OR "
            "location_id IS NULL)) OR (status IN ('pending','shipped','delivered','cancelled') AND held <> "
            "0) ORDER BY id, line_no"_s));
    verdict.summary =
        u"%1 orders: lines, capture event, audited state, status from the lines%2, holds"_s.arg(orders).arg(
            options.ordersHaveSources ? u", source document"_s : QString());
    return verdict;
}

CrashVerdict checkLedger(Database& db) {
    CrashVerdict verdict{u"ledger"_s, {}, {}};
    if (const QString broken = brokenLedgerChains(db); !broken.isEmpty())
        verdict.failures << broken;
    addFault(
        verdict,
        u"positions whose figures are not those their latest event left (location, SKU, on hand, reserved, "
        "event's on hand, event's reserved)"_s,
        SqlQuery::rows(db, u"SELECT p.location_id, p.sku_id, p.on_hand, p.reserved, e.on_hand_after, "
                           "e.reserved_after FROM positions p JOIN inventory_events e ON e.event_id = "
                           "p.last_event_id WHERE p.on_hand <> e.on_hand_after OR p.reserved <> "
                           "e.reserved_after ORDER BY p.location_id, p.sku_id"_s));
    addFault(verdict, u"positions naming a latest event that is not in the ledger (location, SKU, event)"_s,
             SqlQuery::rows(db,
                            u"SELECT p.location_id, p.sku_id, p.last_event_id FROM positions p WHERE "
                            "p.last_event_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM inventory_events e "
                            "WHERE e.event_id = p.last_event_id) ORDER BY p.location_id, p.sku_id"_s));
    verdict.summary = u"%1 ledger events: chains, positions at their latest event's figures"_s.arg(
        scalar(db, u"SELECT count(*) FROM inventory_events"_s));
    return verdict;
}

CrashVerdict checkReservedStock(Database& db) {
    CrashVerdict verdict{u"reserved"_s, {}, {}};
    addFault(verdict,
             u"positions whose reserved is not the sum of their held reservations (location, SKU, "
             "reserved, held)"_s,
             SqlQuery::rows(db, u"SELECT location_id, sku_id, reserved, held FROM (SELECT p.location_id, "
                                "p.sku_id, p.reserved, COALESCE((SELECT sum(r.quantity) FROM reservations r "
                                "WHERE r.location_id = p.location_id AND r.sku_id = p.sku_id AND r.state = "
                                "'held'), 0) AS held FROM positions p) AS x WHERE reserved <> held "
                                "ORDER BY location_id, sku_id"_s));
    addFault(verdict, u"held reservations on no position (order id, line, location, SKU)"_s,
             SqlQuery::rows(db, u"SELECT r.order_id, r.line_no, r.location_id, r.sku_id FROM reservations r "
                                "WHERE r.state = 'held' AND NOT EXISTS (SELECT 1 FROM positions p WHERE "
                                "p.location_id = r.location_id AND p.sku_id = r.sku_id) ORDER BY r.id"_s));
    verdict.summary =
        u"%1 positions, %2 held reservations"_s.arg(scalar(db, u"SELECT count(*) FROM positions"_s))
            .arg(scalar(db, u"SELECT count(*) FROM reservations WHERE state = 'held'"_s));
    return verdict;
}

QList<CrashVerdict> runCrashChecks(Database& db, const CrashCheckOptions& options) {
    return {checkStorageIntegrity(db), checkCommittedUnits(db, options), checkOrdersWhole(db, options),
            checkLedger(db), checkReservedStock(db)};
}

QMap<QString, qint64> crashCounts(Database& db) {
    QMap<QString, qint64> counts;
    const QList<std::pair<QString, QString>> queries = {
        {u"orders"_s, u"SELECT count(*) FROM orders"_s},
        {u"order_lines"_s, u"SELECT count(*) FROM order_lines"_s},
        {u"source_documents"_s, u"SELECT count(*) FROM source_documents"_s},
        {u"open_holds"_s, u"SELECT count(*) FROM order_holds WHERE resolved_at IS NULL"_s},
        {u"reservations"_s, u"SELECT count(*) FROM reservations"_s},
        {u"held_units"_s, u"SELECT COALESCE(sum(quantity), 0) FROM reservations WHERE state = 'held'"_s},
        {u"ledger_events"_s, u"SELECT count(*) FROM inventory_events"_s},
        {u"positions"_s, u"SELECT count(*) FROM positions"_s},
        {u"on_hand"_s, u"SELECT COALESCE(sum(on_hand), 0) FROM positions"_s},
        {u"reserved"_s, u"SELECT COALESCE(sum(reserved), 0) FROM positions"_s},
        {u"order_audit_events"_s,
         u"SELECT count(*) FROM audit_events WHERE entity = 'order' AND action <> 'route'"_s},
        {u"orders_with_decision"_s, u"SELECT count(DISTINCT order_id) FROM routing_decisions"_s},
    };
    for (const auto& [name, sql] : queries)
        counts.insert(name, scalar(db, sql));
    for (OrderStatus s : allOrderStatuses)
        counts.insert(u"status_"_s + orderStatusCode(s), 0);
    for (const QVariantList& row :
         SqlQuery::rows(db, u"SELECT status, count(*) FROM orders GROUP BY status"_s))
        counts.insert(u"status_"_s + row.at(0).toString(), row.at(1).toLongLong());
    return counts;
}

QByteArray countsText(const QMap<QString, qint64>& counts) {
    QByteArray text;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        text += it.key().toUtf8() + ' ' + QByteArray::number(it.value()) + '\n';
    return text;
}

QMap<QString, qint64> countsFromText(const QByteArray& text) {
    QMap<QString, qint64> counts;
    for (const QByteArray& line : text.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() == 2)
            counts.insert(QString::fromUtf8(fields.at(0)), fields.at(1).toLongLong());
    }
    return counts;
}

CrashVerdict compareCounts(const QMap<QString, qint64>& actual, const QMap<QString, qint64>& reference) {
    CrashVerdict verdict{
        u"rerun"_s, u"%1 figures equal to the uninterrupted run's"_s.arg(reference.size()), {}};
    QList<QVariantList> differ;
    for (auto it = reference.cbegin(); it != reference.cend(); ++it)
        if (actual.value(it.key(), -1) != it.value())
            differ << QVariantList{it.key(), actual.value(it.key(), -1), it.value()};
    addFault(verdict, u"figures that differ from the uninterrupted run (figure, now, reference)"_s, differ);
    return verdict;
}

} // namespace ordo::test
