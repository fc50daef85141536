// Reservation throughput.
//   standalone: SQLite, ReservationService::reserveMany over N validated orders of 1-3 lines (2,000 orders
//   per
//     transaction): the group's conditional UPDATE of every position it takes from, and per line its
//     reservations row, ledger row and line location, per order its audit events and its move to Routed.
//     Beside it, on copies of the same database: the bare conditional UPDATE of the same lines with nothing
//     around it, and the same rows written by the plainest prepared-statement loop. Prints orders/s and
//     reservations (lines)/s of each, and Ordo's ratio to each.
//   central (with --pg URL of any database in a PostgreSQL cluster): 16 client threads, each with its own
//     connection, reserve one-line orders of ONE hot SKU at one location, one order per transaction; beside
//     it the same 16 threads run the bare conditional UPDATE on that row in autocommit with nothing around
//     it. Prints both rates and their ratio (Ordo / bare). The bench makes its own database in the cluster
//     and drops it after.
//   bench_reserve [--orders N] [--pg URL] [--clients 16] [--per-client 300]
#include "Error.h"
#include "inventory/ReservationService.h"
#include "orders/OrderCapture.h"
#include "storage/Database.h"
#include "storage/LocationRepository.h"
#include "storage/PositionRepository.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

const Actor bencher{u"bench"_s, Role::Admin};

Order benchOrder(int i, const QList<QPair<QString, int>>& lines) {
    Order o;
    o.orderNumber = u"B-%1"_s.arg(i);
    o.externalId = o.orderNumber;
    o.orderedAt = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC).addSecs(i);
    o.customerEmail = u"buyer%1@example.com"_s.arg(i % 997);
    o.shipTo = {u"Ana Lopez"_s, u"350 5th Ave"_s,           u"New York"_s, u"NY"_s, u"10118"_s,
                u"US"_s,        GeoPoint{40.7484, -73.9857}};
    o.currency = u"USD"_s;
    int no = 0;
    for (const auto& [sku, quantity] : lines)
        o.lines << OrderLine{
            ++no,      sku, quantity, Money{1500, u"USD"_s}, OrderStatus::Pending, QString(), QString(),
            QString(), 0,   0};
    return o;
}

void world(Database& db, int locations, int skus, qint64 onHand) {
    Transaction tx(db);
    LocationRepository l(db);
    SkuRepository s(db);
    PositionRepository p(db);
    QList<qint64> skuIds;
    for (int k = 0; k < skus; ++k)
        skuIds << s.upsert(
            {0, u"SKU-%1"_s.arg(k, 5, 10, QChar(u'0')), u"Item %1"_s.arg(k), 300, Money{1500, u"USD"_s}});
    for (int i = 0; i < locations; ++i) {
        const qint64 id = l.upsert({0,
                                    u"DC-%1"_s.arg(i, 2, 10, QChar(u'0')),
                                    u"Centre %1"_s.arg(i),
                                    LocationType::Dc,
                                    {40.0 + i * 0.1, -75.0},
                                    true,
                                    false,
                                    5000});
        for (qint64 sku : std::as_const(skuIds))
            p.setOnHand(id, sku, onHand, 2);
    }
    tx.commit();
}

// The standalone floor: on a copy of the database as Ordo found it, the same lines held by the bare
// conditional UPDATE through QtSql (at the first location, where the bench's stock always suffices), 2,000
// orders per transaction, and nothing else: no order, line, reservation, ledger or audit row. Returns the
// wall seconds.
double bareStandalone(const QString& path, double& cpuSeconds) {
    Database db = Database::open(path);
    QList<std::pair<qint64, qint64>> lines; // (SKU, quantity) of every line, by order
    QList<int> linesPerOrder;
    {
        SqlQuery q(db, u"SELECT order_id, sku_id, quantity FROM order_lines ORDER BY order_id, line_no"_s);
        q.exec();
        qint64 last = -1;
        while (q.next()) {
            if (q.value(0).toLongLong() != last) {
                linesPerOrder << 0;
                last = q.value(0).toLongLong();
            }
            ++linesPerOrder.last();
            lines.append({q.value(1).toLongLong(), q.value(2).toLongLong()});
        }
    }
    const qint64 location = SqlQuery(db, u"SELECT MIN(id) FROM locations"_s).scalar().toLongLong();
    QSqlDatabase connection = db.connection();
    QSqlQuery update(connection);
    if (!update.prepare(u"UPDATE positions SET reserved = reserved + ?, updated_at = ? WHERE location_id = ? "
                        "AND sku_id = ? AND on_hand - reserved - safety_stock >= ?"_s))
        throw Error::storage(u"bare: prepare failed"_s);
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    qsizetype next = 0;
    for (qsizetype order = 0; order < linesPerOrder.size(); order += 2000) {
        QSqlQuery(connection).exec(u"BEGIN"_s);
        for (qsizetype o = order; o < std::min(linesPerOrder.size(), order + 2000); ++o)
            for (int l = 0; l < linesPerOrder.at(o); ++l, ++next) {
                update.bindValue(0, lines.at(next).second);
                update.bindValue(1, QDateTime::currentMSecsSinceEpoch());
                update.bindValue(2, location);
                update.bindValue(3, lines.at(next).first);
                update.bindValue(4, lines.at(next).second);
                if (!update.exec() || update.numRowsAffected() != 1)
                    throw Error::storage(u"bare: update failed: %1"_s.arg(update.lastError().text()));
            }
        if (!QSqlQuery(connection).exec(u"COMMIT"_s))
            throw Error::storage(u"bare: commit failed"_s);
    }
    cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    return timer.nsecsElapsed() / 1e9;
}

// The same rows Ordo leaves, written by the plainest loop: on another copy of the database, per line the
// conditional UPDATE (at the first location), a reservations row, a ledger row and the line's location and
// status; per order its move to Routed and its two audit rows. QtSql prepared statements, 2,000 orders per
// transaction, no checks, no reads, no explanation texts worth the name. Returns the wall seconds.
double bareSameRows(const QString& path, double& cpuSeconds) {
    Database db = Database::open(path);
    struct Line {
        qint64 order;
        int lineNo;
        qint64 sku;
        qint64 quantity;
    };
    QList<Line> lines;
    {
        SqlQuery q(
            db, u"SELECT order_id, line_no, sku_id, quantity FROM order_lines ORDER BY order_id, line_no"_s);
        q.exec();
        while (q.next())
            lines.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toLongLong(),
                          q.value(3).toLongLong()});
    }
    const qint64 location = SqlQuery(db, u"SELECT MIN(id) FROM locations"_s).scalar().toLongLong();
    QSqlDatabase connection = db.connection();
    auto prepare = [&](const QString& sql) {
        auto q = std::make_unique<QSqlQuery>(connection);
        if (!q->prepare(sql))
            throw Error::storage(u"bare: cannot prepare %1: %2"_s.arg(sql, q->lastError().text()));
        return q;
    };
    auto run = [](QSqlQuery& q, std::initializer_list<QVariant> values) {
        int i = 0;
        for (const QVariant& v : values)
            q.bindValue(i++, v);
        if (!q.exec())
            throw Error::storage(u"bare: %1"_s.arg(q.lastError().text()));
    };
    const auto hold = prepare(u"UPDATE positions SET reserved = reserved + ?, updated_at = ?, "
                              "prior_event_id = last_event_id, last_event_id = ? WHERE location_id = ? "
                              "AND sku_id = ? AND on_hand - reserved - safety_stock >= ? "
                              "RETURNING on_hand, reserved, prior_event_id"_s);
    const auto reservation =
        prepare(u"INSERT INTO reservations (order_id, line_no, location_id, sku_id, quantity, "
                "state, created_at) VALUES (?, ?, ?, ?, ?, 'held', ?)"_s);
    const auto ledger =
        prepare(u"INSERT INTO inventory_events (event_id, location_id, sku_id, kind, quantity, "
                "on_hand_after, reserved_after, reason, occurred_at, recorded_at, actor, "
                "previous_event_id) VALUES (?, ?, ?, 'reserve', ?, ?, ?, NULL, ?, ?, 'bench', ?)"_s);
    const auto line = prepare(
        u"UPDATE order_lines SET location_id = ?, status = 'routed' WHERE order_id = ? AND line_no = ?"_s);
    const auto order = prepare(
        u"UPDATE orders SET status = 'routed', held_from = NULL, status_changed_at = ? WHERE id = ?"_s);
    const auto audit =
        prepare(u"INSERT INTO audit_events (at, actor, entity, entity_id, action, from_state, to_state, "
                "reason, detail) VALUES (?, 'bench', 'order', ?, ?, ?, ?, NULL, ?)"_s);
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    int ordersInTransaction = 0;
    QSqlQuery(connection).exec(u"BEGIN"_s);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line& l = lines.at(i);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString eventId = u"res:%1:%2:%3"_s.arg(l.order).arg(l.lineNo).arg(location);
        run(*hold, {l.quantity, now, eventId, location, l.sku, l.quantity});
        if (!hold->next())
            throw Error::storage(u"bare: no stock"_s);
        const qint64 onHand = hold->value(0).toLongLong(), reserved = hold->value(1).toLongLong();
        const QVariant previous = hold->value(2);
        hold->finish();
        run(*reservation, {l.order, l.lineNo, location, l.sku, l.quantity, now});
        run(*ledger, {eventId, location, l.sku, l.quantity, onHand, reserved, now, now, previous});
        run(*line, {location, l.order, l.lineNo});
        if (i + 1 < lines.size() && lines.at(i + 1).order == l.order)
            continue;
        run(*order, {now, l.order});
        run(*audit, {now, l.order, u"reserve"_s, nullString(), nullString(), u"line 1: reserved"_s});
        run(*audit, {now, l.order, u"transition"_s, u"validated"_s, u"routed"_s, u"stock reserved"_s});
        if (++ordersInTransaction == 2000) {
            if (!QSqlQuery(connection).exec(u"COMMIT"_s) || !QSqlQuery(connection).exec(u"BEGIN"_s))
                throw Error::storage(u"bare: commit failed"_s);
            ordersInTransaction = 0;
        }
    }
    if (!QSqlQuery(connection).exec(u"COMMIT"_s))
        throw Error::storage(u"bare: commit failed"_s);
    cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    return timer.nsecsElapsed() / 1e9;
}

// The SQLite synchronous modes whose reservation rates are compared in one run: ORDO_BENCH_SYNCHRONOUS, a
// comma-separated list (default NORMAL,FULL; FULL is what Database::open sets).
QStringList syncModes() {
    const QString list = qEnvironmentVariable("ORDO_BENCH_SYNCHRONOUS", u"NORMAL,FULL"_s);
    QStringList modes;
    for (const QString& mode : list.split(u',', Qt::SkipEmptyParts))
        modes << mode.trimmed().toUpper();
    return modes;
}

// On a copy of the standalone database opened with synchronous=`mode`: the first 2,000 orders reserved one by
// one (a commit each: what a console does, and where the synchronous mode shows), the rest with reserveMany.
QJsonObject durability(const QString& path, const QString& mode) {
    Database::Options options;
    options.sqliteSynchronous = mode;
    Database db = Database::open(path, options);
    const QString applied = SqlQuery(db, u"PRAGMA synchronous"_s).scalar().toString();
    ReservationService service(db);
    const QList<qint64> ids = service.validatedOrderIds();
    const qsizetype single = std::min<qsizetype>(2000, ids.size());
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < single; ++i)
        if (!service.reserve(ids.at(i), bencher).routed)
            throw Error::storage(u"synchronous=%1: an order was not routed"_s.arg(mode));
    const double singleSeconds = timer.nsecsElapsed() / 1e9;
    timer.restart();
    const QList<ReservationOutcome> rest = service.reserveMany(ids.mid(single), bencher, 2000);
    const double groupSeconds = timer.nsecsElapsed() / 1e9;
    return {{u"pragma_synchronous"_s, applied},
            {u"single_orders"_s, single},
            {u"single_orders_per_second"_s, qRound64(single / singleSeconds)},
            {u"grouped_orders"_s, rest.size()},
            {u"grouped_orders_per_second"_s, qRound64(rest.size() / groupSeconds)}};
}

QJsonObject standalone(int orders) {
    QTemporaryDir dir;
    Database db = Database::open(dir.filePath(u"reserve.sqlite"_s));
    constexpr int skus = 1000;
    world(db, 10, skus, 1'000'000);
    QRandomGenerator random(7);
    qint64 lines = 0;
    {
        Transaction tx(db);
        OrderCapture capture(db, Actor::system());
        for (int i = 0; i < orders; ++i) {
            QList<QPair<QString, int>> l;
            for (int n = 1 + int(random.bounded(3)); n > 0; --n)
                l.append(
                    {u"SKU-%1"_s.arg(random.bounded(skus), 5, 10, QChar(u'0')), 1 + int(random.bounded(3))});
            lines += l.size();
            capture.capture(benchOrder(i, l));
        }
        tx.commit();
    }
    // The bare loop's copy of the same database, taken before Ordo changes anything.
    SqlQuery::run(db, u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    const QString barePath = dir.filePath(u"bare.sqlite"_s);
    const QString sameRowsPath = dir.filePath(u"same-rows.sqlite"_s);
    if (!QFile::copy(dir.filePath(u"reserve.sqlite"_s), barePath) ||
        !QFile::copy(dir.filePath(u"reserve.sqlite"_s), sameRowsPath))
        throw Error::storage(u"standalone: cannot copy the database for the bare loops"_s);
    // One copy per SQLite synchronous mode compared (syncModes()), taken before Ordo changes anything.
    const QStringList modes = syncModes();
    for (const QString& mode : modes)
        if (!QFile::copy(dir.filePath(u"reserve.sqlite"_s), dir.filePath(u"sync-%1.sqlite"_s.arg(mode))))
            throw Error::storage(u"standalone: cannot copy the database for synchronous=%1"_s.arg(mode));
    ReservationService service(db);
    const QList<qint64> ids = service.validatedOrderIds();
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    const QList<ReservationOutcome> outcomes = service.reserveMany(ids, bencher, 2000);
    const double seconds = timer.nsecsElapsed() / 1e9;
    const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    qint64 routed = 0, reserved = 0;
    for (const ReservationOutcome& o : outcomes) {
        routed += o.routed ? 1 : 0;
        reserved += o.reserved.size();
    }
    if (routed != orders || reserved != lines)
        throw Error::storage(
            u"standalone: %1 of %2 orders routed, %3 of %4 lines"_s.arg(routed).arg(orders).arg(reserved).arg(
                lines));
    double bareCpuSeconds = 0;
    const double bareSeconds = bareStandalone(barePath, bareCpuSeconds);
    double sameRowsCpuSeconds = 0;
    const double sameRowsSeconds = bareSameRows(sameRowsPath, sameRowsCpuSeconds);
    QJsonObject byMode;
    for (const QString& mode : modes)
        byMode.insert(mode, durability(dir.filePath(u"sync-%1.sqlite"_s.arg(mode)), mode));
    return {{u"engine"_s, u"sqlite"_s},
            {u"synchronous_modes"_s, byMode},
            {u"orders"_s, orders},
            {u"reservations"_s, reserved},
            {u"seconds"_s, seconds},
            {u"cpu_seconds"_s, cpuSeconds},
            {u"orders_per_second"_s, qRound64(orders / seconds)},
            {u"reservations_per_second"_s, qRound64(reserved / seconds)},
            {u"reservations_per_cpu_second"_s, qRound64(reserved / cpuSeconds)},
            {u"per_transaction"_s, 2000},
            {u"bare_seconds"_s, bareSeconds},
            {u"bare_cpu_seconds"_s, bareCpuSeconds},
            {u"bare_updates_per_second"_s, qRound64(reserved / bareSeconds)},
            {u"ratio"_s, bareSeconds / seconds},
            {u"ratio_per_cpu_second"_s, bareCpuSeconds / cpuSeconds},
            {u"same_rows_loop_seconds"_s, sameRowsSeconds},
            {u"same_rows_loop_cpu_seconds"_s, sameRowsCpuSeconds},
            {u"same_rows_loop_reservations_per_second"_s, qRound64(reserved / sameRowsSeconds)},
            {u"ratio_to_same_rows_loop"_s, sameRowsSeconds / seconds}};
}

// A database of our own in the cluster the URL points at.
class ScratchPostgres {
public:
    explicit ScratchPostgres(const QString& serverUrl) {
        const QUrl url(serverUrl);
        m_name = u"ordo_bench_%1"_s.arg(QRandomGenerator::global()->generate(), 0, 16);
        exec(url, u"CREATE DATABASE "_s + m_name);
        QUrl mine = url;
        mine.setPath(u"/"_s + m_name);
        m_url = mine.toString();
        m_server = url;
    }
    ~ScratchPostgres() { exec(m_server, u"DROP DATABASE IF EXISTS "_s + m_name); }
    const QString& url() const { return m_url; }

private:
    static void exec(const QUrl& url, const QString& sql) {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"bench-admin"_s);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
            if (!db.open())
                throw Error::storage(u"cannot reach %1: %2"_s.arg(url.toString(), db.lastError().text()));
            QSqlQuery q(db);
            if (!q.exec(sql))
                throw Error::storage(u"%1 failed: %2"_s.arg(sql, q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(u"bench-admin"_s);
    }
    QString m_name, m_url;
    QUrl m_server;
};

// Runs `body(client)` on `clients` threads at once and returns the wall time in seconds.
template <typename Body> double onThreads(int clients, Body body) {
    std::atomic<int> ready = 0;
    std::atomic<bool> go = false;
    std::vector<std::thread> threads;
    QElapsedTimer timer;
    for (int c = 0; c < clients; ++c)
        threads.emplace_back([&, c] { body(c, ready, go); });
    while (ready.load() < clients)
        std::this_thread::yield();
    timer.start();
    go = true;
    for (std::thread& t : threads)
        t.join();
    return timer.nsecsElapsed() / 1e9;
}

QJsonObject central(const QString& serverUrl, int clients, int perClient) {
    ScratchPostgres scratch(serverUrl);
    const int orders = clients * perClient;
    {
        Database db = Database::open(scratch.url());
        world(db, 1, 1, 1'000'000'000);
        Transaction tx(db);
        OrderCapture capture(db, Actor::system());
        for (int i = 0; i < orders; ++i)
            capture.capture(benchOrder(i, {{u"SKU-00000"_s, 1}}));
        tx.commit();
    }
    std::atomic<int> failures = 0;
    const std::clock_t ordoCpuStart =
        std::clock(); // the whole process: the clients and, on this machine, nothing else
    // Ordo: each client reserves its own orders of the one hot SKU, one order per transaction.
    const double ordoSeconds = onThreads(clients, [&](int c, std::atomic<int>& ready, std::atomic<bool>& go) {
        try {
            Database db = Database::open(scratch.url());
            QList<qint64> mine;
            {
                SqlQuery q(db, u"SELECT id FROM orders ORDER BY id"_s);
                q.exec();
                for (int i = 0; q.next(); ++i)
                    if (i % clients == c)
                        mine << q.value(0).toLongLong();
            }
            ReservationService service(db);
            ++ready;
            while (!go.load())
                std::this_thread::yield();
            for (qint64 id : std::as_const(mine))
                if (!service.reserve(id, bencher).routed)
                    ++failures;
        } catch (const Error& e) {
            std::fprintf(stderr, "client %d: %s\n", c, e.what());
            ++failures;
            ++ready;
        }
    });
    const double ordoCpuSeconds = double(std::clock() - ordoCpuStart) / CLOCKS_PER_SEC;
    const std::clock_t bareCpuStart = std::clock();
    // Bare: the same conditional UPDATE on the same row, autocommit, no Ordo code around it.
    const double bareSeconds = onThreads(clients, [&](int c, std::atomic<int>& ready, std::atomic<bool>& go) {
        Database db = Database::open(scratch.url());
        QSqlQuery q(db.connection());
        q.prepare(u"UPDATE positions SET reserved = reserved + :q, updated_at = :now WHERE location_id = :l "
                  "AND sku_id = :s AND on_hand - reserved - safety_stock >= :q2"_s);
        const qint64 location =
            SqlQuery(db, u"SELECT MIN(location_id) FROM positions"_s).scalar().toLongLong();
        const qint64 sku = SqlQuery(db, u"SELECT MIN(sku_id) FROM positions"_s).scalar().toLongLong();
        ++ready;
        while (!go.load())
            std::this_thread::yield();
        for (int i = 0; i < perClient; ++i) {
            q.bindValue(u":q"_s, 1);
            q.bindValue(u":now"_s, QDateTime::currentMSecsSinceEpoch());
            q.bindValue(u":l"_s, location);
            q.bindValue(u":s"_s, sku);
            q.bindValue(u":q2"_s, 1);
            if (!q.exec() || q.numRowsAffected() != 1) {
                std::fprintf(stderr, "client %d: bare update failed: %s\n", c,
                             qPrintable(q.lastError().text()));
                ++failures;
                return;
            }
        }
    });
    const double bareCpuSeconds = double(std::clock() - bareCpuStart) / CLOCKS_PER_SEC;
    if (failures.load() != 0)
        throw Error::storage(u"central: %1 client failure(s)"_s.arg(failures.load()));
    const double ordoRate = orders / ordoSeconds;
    const double bareRate = orders / bareSeconds;
    return {{u"engine"_s, u"postgresql"_s},
            {u"clients"_s, clients},
            {u"hot_skus"_s, 1},
            {u"reservations"_s, orders},
            {u"ordo_seconds"_s, ordoSeconds},
            {u"ordo_client_cpu_seconds"_s, ordoCpuSeconds},
            {u"ordo_reservations_per_second"_s, qRound64(ordoRate)},
            {u"bare_update_seconds"_s, bareSeconds},
            {u"bare_client_cpu_seconds"_s, bareCpuSeconds},
            {u"bare_updates_per_second"_s, qRound64(bareRate)},
            {u"ratio"_s, ordoRate / bareRate}};
}

// The machine's 1-minute load average, so that figures measured beside other work can be read as such.
QString loadAverage() {
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(u' ', 0, 2)
                                          : QString();
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto option = [&](const QString& name, const QString& fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
    };
    try {
        QJsonObject result{{u"benchmark"_s, u"reserve"_s}, {u"load_average_at_start"_s, loadAverage()}};
        result.insert(u"standalone"_s, standalone(option(u"--orders"_s, u"50000"_s).toInt()));
        const QString pg = option(u"--pg"_s, QString());
        if (!pg.isEmpty())
            result.insert(u"central"_s, central(pg, option(u"--clients"_s, u"16"_s).toInt(),
                                                option(u"--per-client"_s, u"300"_s).toInt()));
        result.insert(u"load_average_at_end"_s, loadAverage());
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
        return 0;
    } catch (const Error& e) {
        std::fprintf(stderr, "bench_reserve: %s\n", e.what());
        return 1;
    }
}
