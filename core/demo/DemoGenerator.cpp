#include "DemoGenerator.h"

#include "CatalogGenerator.h"
#include "DemoNetwork.h"
#include "DemoOrderFactory.h"
#include "DemoOrderWriter.h"
#include "DemoRandom.h"
#include "DemoRouting.h"
#include "DemoRules.h"
#include "DemoSchedule.h"
#include "DemoStock.h"
#include "Error.h"
#include "UsPlaces.h"
#include "model/Gtin.h"
#include "sourcing/DecisionRepository.h"
#include "storage/BulkInsert.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QElapsedTimer>
#include <queue>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

enum Stream : quint64 {
    NetworkStream = 1,
    CatalogStream = 2,
    ScheduleStream = 3,
    OrderStream = 4,
};

constexpr qint64 Day = 24 * 3600 * 1000LL;

// The meta row that says a demo is being written: from its first commit (the master data) to its last.
const QString unfinishedKey = u"demo_unfinished"_s;

// Children before parents, so that SQLite's row-by-row DELETE never trips a foreign key.
const QStringList demoTables = {u"sku_tags"_s,
                                u"routing_backorders"_s,
                                u"outbound_documents"_s,
                                u"source_documents"_s,
                                u"order_charges"_s,
                                u"sku_xref"_s,
                                u"notifications"_s,
                                u"routing_rejections"_s,
                                u"routing_shipments"_s,
                                u"routing_decisions"_s,
                                u"rule_sets"_s,
                                u"reservations"_s,
                                u"inventory_events"_s,
                                u"future_supply"_s,
                                u"channel_exclusions"_s,
                                u"channel_pools"_s,
                                u"channel_policies"_s,
                                u"location_group_members"_s,
                                u"location_groups"_s,
                                u"audit_events"_s,
                                u"order_holds"_s,
                                u"order_lines"_s,
                                u"orders"_s,
                                u"customers"_s,
                                u"positions"_s,
                                u"skus"_s,
                                u"locations"_s};

// The row of `meta` by which a database says the demo made it (and with what); --force replaces no other.
const QString markerKey = u"demo_world"_s;

void writeMarker(Database& db, const DemoOptions& options, const QDateTime& now) {
    SqlQuery q(db, u"INSERT INTO meta (key, value) VALUES (:key, :value) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    q.bind(u":key"_s, markerKey)
        .bind(u":value"_s, u"seed %1, %2 orders, %3 SKUs, %4 locations, now %5"_s.arg(options.seed)
                               .arg(options.orders)
                               .arg(options.skus)
                               .arg(options.locations)
                               .arg(now.toString(Qt::ISODateWithMs)));
    q.exec();
}

qint64 countRows(Database& db, const QString& table) {
    SqlQuery q(db, u"SELECT count(*) FROM "_s + table);
    return q.scalar().toLongLong();
}

void writeMasterData(Database& db, const DemoNetwork& network, const QList<DemoSku>& catalog) {
    SqlQuery user(db, u"INSERT INTO users (user_name, display_name, role) VALUES (:name, :display, :role) "
                      "ON CONFLICT (user_name) DO NOTHING"_s);
    for (const DemoUser& u : network.users()) {
        user.bind(u":name"_s, u.userName).bind(u":display"_s, u.displayName).bind(u":role"_s, u.role);
        user.exec();
    }
    BulkInsert locations(db, u"locations"_s,
                         {u"id"_s, u"code"_s, u"name"_s, u"type"_s, u"latitude"_s, u"longitude"_s, u"ships"_s,
                          u"pickup"_s, u"daily_capacity"_s});
    qint64 id = 0;
    for (const DemoLocation& l : network.locations()) {
        const Location& loc = l.location;
        locations.add({++id, loc.code, loc.name, locationTypeCode(loc.type), loc.position.latitude,
                       loc.position.longitude, loc.ships ? 1 : 0, loc.pickup ? 1 : 0, loc.dailyCapacity});
    }
    locations.flush();
    BulkInsert skus(
        db, u"skus"_s,
        {u"id"_s, u"code"_s, u"name"_s, u"weight_g"_s, u"price_minor"_s, u"currency"_s, u"gtin"_s});
    id = 0;
    for (const DemoSku& s : catalog) {
        ++id;
        // A barcode for each item: GTIN-13 in GS1's in-store range (prefix 20), which no real product uses.
        const QString gtin = Gtin::withCheckDigit(u"20"_s + QString::number(id).rightJustified(10, u'0'));
        skus.add({id, s.code, s.name, s.weightGrams, s.priceMinor, u"USD"_s, *Gtin::normalised(gtin)});
    }
    skus.flush();
}

// The history's moving parts: orders are made in the order they come in, routed in the order their stories
// route them (a held order is routed after orders that came in later), and written in the order they came
// in, each with its reservations and routing decision, `chunk` orders per transaction.
class Timeline {
public:
    Timeline(Database& db, const DemoOptions& options, DemoOrderFactory& factory, DemoOrderWriter& writer,
             DemoStock& stock, DemoRouting& routing)
        : m_db(db)
        , m_options(options)
        , m_factory(factory)
        , m_writer(writer)
        , m_stock(stock)
        , m_routing(routing)
        , m_decisions(db)
        , m_reservations(db, u"reservations"_s,
                         {u"order_id"_s, u"line_no"_s, u"location_id"_s, u"sku_id"_s, u"quantity"_s,
                          u"state"_s, u"created_at"_s, u"closed_at"_s},
                         BulkInsert::Send::OnFlush)
        , m_byStatus(std::size(allOrderStatuses), 0)
        , m_byChannel(std::size(allChannels), 0) {
        m_tx.emplace(m_db);
    }

    // A new order, in the order they come in.
    void add(DemoOrder order) {
        routeDue(order.orderedAt);
        const qint64 index = order.index;
        const bool routed = order.story.routed;
        if (routed)
            m_due.push({order.story.routedAt, index});
        m_waiting.emplace(index, Waiting{std::move(order), !routed});
        writeReady();
    }

    // Routes what is left, writes every order and brings the stock up to `now`; the last transaction stays
    // open.
    void finish(qint64 now) {
        routeDue(std::numeric_limits<qint64>::max());
        writeReady();
        m_stock.advanceTo(now);
        flush();
    }

    void commit() {
        flush();
        m_tx->commit();
        m_tx.reset();
    }

    const QList<qint64>& byStatus() const { return m_byStatus; }
    const QList<qint64>& byChannel() const { return m_byChannel; }
    qint64 decisions() const { return m_decisionCount; }

private:
    static constexpr int flushEvery = 1000;
    struct Waiting {
        DemoOrder order;
        bool settled = false;
    };
    struct Due {
        qint64 at = 0;
        qint64 index = 0;
        bool operator>(const Due& o) const { return at != o.at ? at > o.at : index > o.index; }
    };

    void routeDue(qint64 until) {
        while (!m_due.empty() && m_due.top().at <= until) {
            const Due due = m_due.top();
            m_due.pop();
            Waiting& w = m_waiting.at(due.index);
            DemoOrder& o = w.order;
            Decision decision = m_routing.route(o, due.at);
            m_factory.settle(o, m_routing.locationsOf(o, decision), DemoRouting::note(decision));
            const qint64 id = o.index + 1;
            for (const DemoLine& line : std::as_const(o.lines)) {
                if (o.story.status == OrderStatus::Cancelled)
                    m_stock.scheduleRelease(o.story.cancelledAt, line.location, line.sku, line.quantity, id,
                                            line.lineNo);
                else if (const qint64 shipped = o.story.shippedAt.at(size_t(line.group)); shipped > 0)
                    m_stock.scheduleShipment(shipped, line.location, line.sku, line.quantity, id,
                                             line.lineNo);
            }
            o.decision = std::move(decision);
            w.settled = true;
        }
    }

    void writeReady() {
        for (auto it = m_waiting.find(m_next); it != m_waiting.end() && it->second.settled;
             it = m_waiting.find(m_next)) {
            write(it->second.order);
            m_waiting.erase(it);
            ++m_next;
            ++m_inTransaction;
            if (m_inTransaction % flushEvery == 0)
                flush(); // the decisions waiting for their orders' rows are large: keep few in memory
            if (m_inTransaction == std::max(1, m_options.ordersPerTransaction)) {
                commit();
                m_tx.emplace(m_db);
                m_inTransaction = 0;
                if (m_options.progress)
                    m_options.progress(m_next, m_options.orders);
            }
        }
    }

    void write(DemoOrder& o) {
        m_writer.write(o);
        ++m_byStatus[qsizetype(o.story.status)];
        ++m_byChannel[qsizetype(o.channel)];
        if (!o.decision)
            return;
        const qint64 id = o.index + 1;
        for (const DemoLine& line : std::as_const(o.lines)) {
            if (line.location < 0)
                continue;
            const qint64 shipped = o.story.shippedAt.at(size_t(line.group));
            const bool cancelled = o.story.status == OrderStatus::Cancelled;
            const QString state = cancelled ? u"released"_s : shipped > 0 ? u"shipped"_s : u"held"_s;
            const QVariant closed = cancelled     ? QVariant(o.story.cancelledAt)
                                    : shipped > 0 ? QVariant(shipped)
                                                  : nullInt64();
            m_reservations.add({id, line.lineNo, qint64(line.location) + 1, qint64(line.sku) + 1,
                                line.quantity, state, o.story.routedAt, closed});
        }
        m_pendingDecisions.append(std::move(*o.decision));
        o.decision.reset();
    }

    void flush() {
        m_writer.flush();
        m_reservations.flush();
        for (const Decision& d : std::as_const(m_pendingDecisions))
            m_decisions.store(d, u"system"_s);
        m_decisionCount += m_pendingDecisions.size();
        m_pendingDecisions.clear();
        m_stock.flush();
    }

    Database& m_db;
    const DemoOptions& m_options;
    DemoOrderFactory& m_factory;
    DemoOrderWriter& m_writer;
    DemoStock& m_stock;
    DemoRouting& m_routing;
    DecisionRepository m_decisions;
    BulkInsert m_reservations;
    std::optional<Transaction> m_tx;
    std::priority_queue<Due, std::vector<Due>, std::greater<Due>> m_due;
    std::map<qint64, Waiting> m_waiting;
    QList<Decision> m_pendingDecisions;
    qint64 m_next = 0;
    int m_inTransaction = 0;
    qint64 m_decisionCount = 0;
    QList<qint64> m_byStatus;
    QList<qint64> m_byChannel;
};

} // namespace

void DemoGenerator::checkEmpty(bool replace, const Actor& actor) {
    // The demo writes explicit ids: every table it fills must be empty, or be emptied first.
    QStringList held;
    for (const QString& table : std::as_const(demoTables)) {
        const qint64 rows = countRows(m_db, table);
        if (rows > 0)
            held << u"%1 %2"_s.arg(rows).arg(QString(table).replace(u'_', u' '));
    }
    if (held.isEmpty())
        return;
    // What a demo stopped part way left (killed, the server gone) is its own to replace: the same command
    // finishes the demo without --force.
    const bool unfinished = SqlQuery(m_db, u"SELECT count(*) FROM meta WHERE key = '%1'"_s.arg(unfinishedKey))
                                .scalar()
                                .toLongLong() > 0;
    if (!replace && !unfinished)
        throw Error::state(
            u"%1 is not empty (it holds %2); pass --force to replace all of it with the demo world"_s.arg(
                m_db.displayName(), held.join(u", "_s)));
    // Replacing deletes every row above, the audit trail and the stock ledger with them: an administrator's
    // decision, and only over a world the demo made itself.
    if (!actor.may(Permission::ReplaceDatabase))
        throw Error::denied(
            u"%1 (%2) may not replace a database: --force empties it, audit trail and stock "
            "ledger included, and takes an administrator"_s.arg(actor.user, roleCode(actor.role)));
    SqlQuery marker(m_db, u"SELECT value FROM meta WHERE key = :key"_s);
    marker.bind(u":key"_s, markerKey);
    if (!marker.optionalScalar())
        throw Error::state(
            u"%1 was not made by `ordo demo` (it holds %2): --force replaces only a demo world, so "
            "nothing was deleted; make the demo in a new database"_s.arg(m_db.displayName(),
                                                                         held.join(u", "_s)));
    wipe();
}

void DemoGenerator::wipe() {
    Transaction tx(m_db);
    if (m_db.engine() == Engine::Postgres) {
        SqlQuery::run(m_db, u"TRUNCATE "_s + demoTables.join(u", "_s) + u" RESTART IDENTITY"_s);
    } else {
        for (const QString& table : demoTables)
            SqlQuery::run(m_db, u"DELETE FROM "_s + table);
    }
    tx.commit();
}

DemoSummary DemoGenerator::run(const DemoOptions& options, const Actor& actor) {
    QElapsedTimer timer;
    timer.start();
    if (options.orders < 1 || options.orders > maxOrders)
        throw Error::usage(u"--orders must be between 1 and %1, not %2"_s.arg(maxOrders).arg(options.orders));
    if (options.skus < 50 || options.skus > maxSkus)
        throw Error::usage(u"--skus must be between 50 and %1, not %2"_s.arg(maxSkus).arg(options.skus));
    if (options.locations < DemoNetwork::minimumLocations || options.locations > maxLocations)
        throw Error::usage(
            u"--locations must be between %1 and %2, not %3"_s.arg(DemoNetwork::minimumLocations)
                .arg(maxLocations)
                .arg(options.locations));
    checkEmpty(options.replace, actor);
    // A bulk load touches every index page again and again: give SQLite a bigger page cache meanwhile.
    struct CacheSize {
        Database& db;
        explicit CacheSize(Database& d)
            : db(d) {
            if (db.engine() == Engine::Sqlite)
                SqlQuery::run(db, u"PRAGMA cache_size = -262144"_s);
        }
        ~CacheSize() {
            if (db.engine() == Engine::Sqlite) {
                try {
                    SqlQuery::run(db, u"PRAGMA cache_size = -2000"_s);
                } catch (const Error&) {
                }
            }
        }
    } cacheSize(m_db);

    DemoSummary summary;
    summary.seed = options.seed;
    summary.now = options.now.isValid() ? options.now.toUTC() : QDateTime::currentDateTimeUtc();
    const qint64 now = summary.now.toMSecsSinceEpoch();

    const QList<UsPlace>& places = UsPlaces::builtIn();
    DemoRandom networkRandom = DemoRandom::derived(options.seed, 0, NetworkStream);
    const DemoNetwork network = DemoNetwork::build(networkRandom, places, options.locations,
                                                   std::max<qint64>(50, options.orders / historyDays));
    DemoRandom catalogRandom = DemoRandom::derived(options.seed, 0, CatalogStream);
    const QList<DemoSku> catalog = CatalogGenerator::generate(catalogRandom, options.skus);
    {
        Transaction tx(m_db);
        writeMarker(m_db, options, summary.now); // first, so that a run cut short can be replaced
        // Marks the database as holding an unfinished demo until the last commit clears the mark.
        SqlQuery mark(m_db, u"INSERT INTO meta (key, value) VALUES ('%1', :seed) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s.arg(unfinishedKey));
        mark.bind(u":seed"_s, QString::number(options.seed)).exec();
        writeMasterData(m_db, network, catalog);
        tx.commit();
    }

    DemoRandom scheduleRandom = DemoRandom::derived(options.seed, 0, ScheduleStream);
    const QList<DemoSlot> schedule = DemoSchedule::make(scheduleRandom, options.orders, now, historyDays);
    const qint64 firstOrderAt = schedule.isEmpty() ? now : schedule.first().orderedAt;
    const QList<DemoRuleVersion> rules = DemoRules::history(firstOrderAt, now);

    const int customerPool = int(std::max<qint64>(20, options.orders * 55 / 100));
    DemoOrderFactory factory(options.seed, places, network, catalog, customerPool);
    DemoOrderWriter writer(m_db, catalog, network, customerPool + customerPool / 200 + 10);
    DemoStock stock(m_db, network, catalog, options.seed);
    DemoRouting routing(network, catalog, rules, stock);
    DemoRandom orderRandom = DemoRandom::derived(options.seed, 0, OrderStream);
    Timeline timeline(m_db, options, factory, writer, stock, routing);
    stock.open(firstOrderAt - 3 * Day, now);
    for (qint64 i = 0; i < schedule.size(); ++i) {
        const DemoSlot& slot = schedule.at(i);
        timeline.add(
            factory.make(orderRandom, i, slot.channel, slot.orderedAt, slot.delivery, now, slot.forced));
    }
    timeline.finish(now);
    summary.positions = stock.writePositions(m_db);
    for (const QString& table : {u"locations"_s, u"skus"_s, u"customers"_s, u"orders"_s, u"order_lines"_s,
                                 u"order_holds"_s, u"audit_events"_s, u"inventory_events"_s})
        BulkInsert::syncIdentity(m_db, table);
    // After the orders' audit events, whose ids the demo gives itself: the repository's take the next ones.
    DemoRules::publish(m_db, rules);
    SqlQuery::run(m_db, u"DELETE FROM meta WHERE key = '%1'"_s.arg(unfinishedKey));
    timeline.commit();
    if (options.progress)
        options.progress(schedule.size(), schedule.size());
    SqlQuery::run(m_db, u"ANALYZE"_s); // fresh statistics for the query planner after a bulk load

    summary.orders = writer.orders();
    summary.lines = writer.lines();
    summary.customers = writer.customers();
    summary.holds = writer.holds();
    summary.decisions = timeline.decisions();
    summary.ledgerEvents = stock.ledgerEvents();
    summary.ruleSetVersions = rules.size();
    summary.auditEvents = countRows(m_db, u"audit_events"_s); // the orders' and the rule sets'
    summary.skus = catalog.size();
    summary.users = network.users().size();
    summary.locationsByType = {{u"dc"_s, network.dcs().size()},
                               {u"store"_s, network.stores().size()},
                               {u"dropship"_s, network.vendors().size()}};
    for (OrderStatus s : allOrderStatuses)
        summary.ordersByStatus.append({s, timeline.byStatus().at(qsizetype(s))});
    for (Channel c : allChannels)
        summary.ordersByChannel.append({c, timeline.byChannel().at(qsizetype(c))});
    summary.elapsedMs = timer.elapsed();
    return summary;
}

} // namespace ordo
