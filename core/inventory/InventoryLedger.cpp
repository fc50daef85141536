#include "InventoryLedger.h"

#include "Error.h"
#include "inventory/InventoryLedgerStore.h"
#include "inventory/PositionSink.h"
#include "model/AuditEvent.h"
#include "storage/AuditTrail.h"
#include "storage/Database.h"
#include "storage/PositionLockOrder.h"
#include "storage/Savepoint.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace ordo {

QJsonObject ApplyReport::toJson() const {
    QJsonArray list;
    for (const ImportIssue& issue : errors)
        list.append(
            QJsonObject{{u"file"_s, issue.file}, {u"line"_s, issue.line}, {u"message"_s, issue.message}});
    QJsonObject json{{u"applied"_s, applied},   {u"unchanged"_s, unchanged}, {u"duplicates"_s, duplicates},
                     {u"rejected"_s, rejected}, {u"zeroed"_s, zeroed},       {u"errors"_s, list}};
    if (rolledBack)
        json.insert(u"rolled_back"_s, true);
    return json;
}

namespace {

struct CachedPosition {
    PositionFigures original; // as read (zeros when there is no row yet)
    PositionFigures current;  // after the events evaluated so far
    bool stored = false;      // a row exists
    QString lastEventId;      // the event the position's ledger chain ends with, so far
    bool recorded = false;    // the unit writes ledger rows for it (its figures may still end as they began)
};

// What --full needs of each location's snapshot: where it ends in the input, the SKUs it lists, and the base
// of the ids of the zeroing events (a hash of the snapshot's own event ids, so that a replay yields the same
// ids).
struct FullSnapshotPlan {
    qsizetype lastIndex = -1;
    QSet<QString> skuCodes;
    QByteArray idHash;
};

// The state shared by the transactions of one apply().
struct Run {
    const QList<InventoryEvent>& events;
    const ApplyOptions& options;
    const Actor& actor;
    InventoryLedgerStore store;
    QHash<QString, qint64> locationIds;
    QHash<QString, qint64> skuIds;
    QSet<QString> unknownSkus;
    QSet<QString> seen; // event ids applied or found unchanged earlier in this input
    QHash<QString, FullSnapshotPlan> plans;
};

// One transaction's worth of events, evaluated in memory against positions read once, then written together.
//
// A unit either looks its event ids up in the ledger first (`lookUpIds`), or assumes they are new and lets
// the ledger's unique index check them as the rows go in: the INSERT's own check replaces a lookup per event.
// If one turns out to be there already, the INSERT fails, write() rolls the unit's rows back and returns
// false, and the caller forgets the unit and runs the range again with lookUpIds: the outcome is the same
// either way.
class Unit {
public:
    Unit(Run& run, qsizetype from, qsizetype to, bool lookUpIds)
        : m_run(run)
        , m_from(from)
        , m_to(to)
        , m_lookUpIds(lookUpIds) {}

    // False if an event id assumed new is in the ledger after all (checked here for the events that will not
    // be written: unchanged, or rejected for going negative).
    bool evaluate();
    // False if an event id assumed new was in the ledger: nothing of the unit is written then.
    bool write(Database& db, qint64 now);
    // Takes back the event ids this unit marked as seen, before the range runs again.
    void forget();
    void notify(PositionSink& sink) const;

    int applied = 0;
    int unchanged = 0;
    int duplicates = 0;
    int rejected = 0;
    int zeroed = 0;
    QList<ImportIssue> errors;

private:
    void load();
    void evaluateOne(qsizetype index);
    void zeroAbsent(qint64 locationId, const FullSnapshotPlan& plan, qsizetype index);
    void record(const QString& eventId, PositionKey key, const InventoryEvent& event, qint64 quantity);
    void markSeen(const QString& eventId);

    Run& m_run;
    qsizetype m_from;
    qsizetype m_to;
    bool m_lookUpIds;
    QList<QString> m_seenHere;   // the ids this unit added to m_run.seen
    QList<QString> m_unverified; // ids assumed new that no insert will check
    QSet<QString> m_existing;
    QList<PositionKey> m_keys; // per event of the unit; ids of 0 where the code is unknown
    QHash<PositionKey, CachedPosition> m_positions;
    QHash<qint64, QList<qint64>> m_skusByLocation; // the keys of m_positions, by location
    QList<LedgerRow> m_rows;
};

void Unit::load() {
    // SKU codes not seen before, resolved in a few statements.
    QList<QString> codes;
    QSet<QString> asked;
    for (qsizetype i = m_from; i < m_to; ++i) {
        const InventoryEvent& e = m_run.events.at(i);
        if (!m_run.skuIds.contains(e.skuCode) && !m_run.unknownSkus.contains(e.skuCode) &&
            !asked.contains(e.skuCode)) {
            asked.insert(e.skuCode);
            codes << e.skuCode;
        }
    }
    m_run.store.resolveSkus(codes, m_run.skuIds);
    for (const QString& code : std::as_const(codes))
        if (!m_run.skuIds.contains(code))
            m_run.unknownSkus.insert(code);
    if (m_lookUpIds) {
        QList<QString> ids;
        QSet<QString> listed;
        for (qsizetype i = m_from; i < m_to; ++i) {
            const QString& id = m_run.events.at(i).eventId;
            if (!m_run.seen.contains(id) && !listed.contains(id)) {
                listed.insert(id);
                ids << id;
            }
        }
        m_existing = m_run.store.existingEventIds(ids);
    }

    // Each distinct position once.
    QList<PositionKey> keys;
    m_keys.reserve(m_to - m_from);
    m_positions.reserve(m_to - m_from);
    m_rows.reserve(m_to - m_from);
    m_seenHere.reserve(m_to - m_from);
    for (qsizetype i = m_from; i < m_to; ++i) {
        const InventoryEvent& e = m_run.events.at(i);
        const qint64 location = m_run.locationIds.value(e.locationCode, 0);
        const qint64 sku = m_run.skuIds.value(e.skuCode, 0);
        m_keys.append({location, sku});
        if (location == 0 || sku == 0)
            continue;
        const PositionKey key{location, sku};
        if (m_positions.contains(key))
            continue;
        m_positions.insert(key, {});
        if (m_run.options.fullSnapshot)
            m_skusByLocation[key.first].append(key.second); // only --full needs them by location
        keys << key;
    }
    QHash<PositionKey, StoredPosition> stored;
    stored.reserve(keys.size());
    m_run.store.loadPositions(keys, stored);
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        m_positions[it.key()] = {it->figures, it->figures, true, it->lastEventId};
}

bool Unit::evaluate() {
    load();
    for (qsizetype i = m_from; i < m_to; ++i) {
        evaluateOne(i);
        const InventoryEvent& e = m_run.events.at(i);
        if (!m_run.options.fullSnapshot || e.kind != InventoryEventKind::Snapshot)
            continue;
        const auto plan = m_run.plans.constFind(e.locationCode);
        const qint64 location = m_keys.at(i - m_from).first;
        if (plan != m_run.plans.cend() && plan->lastIndex == i && location != 0)
            zeroAbsent(location, *plan, i);
    }
    return m_lookUpIds || m_unverified.isEmpty() || m_run.store.existingEventIds(m_unverified).isEmpty();
}

void Unit::record(const QString& eventId, PositionKey key, const InventoryEvent& event, qint64 quantity) {
    CachedPosition& position = m_positions[key];
    m_rows.append({eventId, key.first, key.second, event.kind, quantity, position.current.onHand,
                   position.current.reserved, event.reason,
                   event.occurredAt.isValid() ? toStoredTime(event.occurredAt) : nowStoredTime(),
                   position.lastEventId});
    position.lastEventId = eventId;
    position.recorded = true;
    ++applied;
}

void Unit::evaluateOne(qsizetype index) {
    const InventoryEvent& e = m_run.events.at(index);
    auto reject = [&](const QString& reason) {
        errors << ImportIssue{m_run.options.source, e.line, reason};
        ++rejected;
    };
    const PositionKey key = m_keys.at(index - m_from);
    if (key.first == 0)
        return reject(u"location_id '%1' is not a known location"_s.arg(e.locationCode));
    if (key.second == 0)
        return reject(u"sku '%1' is not in the catalogue"_s.arg(e.skuCode));
    if (m_run.seen.contains(e.eventId) || m_existing.contains(e.eventId)) {
        ++duplicates;
        return;
    }
    CachedPosition& position = m_positions[key];
    PositionFigures next = position.current;
    if (e.kind == InventoryEventKind::Delta) {
        next.onHand += e.quantity;
        if (next.onHand < 0) {
            if (!m_lookUpIds)
                m_unverified.append(e.eventId);
            return reject(u"delta %1 would make on hand negative (%2)"_s.arg(e.quantity).arg(next.onHand));
        }
    } else {
        next.onHand = e.quantity;
        if (e.safetyStock)
            next.safetyStock = *e.safetyStock;
    }
    // A count below what open orders hold would leave reservations that cannot be shipped: refused when
    // asked, unless it raises on hand (a position already short is not made worse by a higher count).
    if (m_run.options.refuseBelowReserved && next.onHand < next.reserved &&
        next.onHand < position.current.onHand) {
        if (!m_lookUpIds)
            m_unverified.append(e.eventId);
        return reject(u"sku '%1' at location_id '%2': on hand would be %3, below the %4 reserved for open "
                      "orders (--allow-below-reserved accepts it)"_s.arg(e.skuCode, e.locationCode)
                          .arg(next.onHand)
                          .arg(next.reserved));
    }
    markSeen(e.eventId);
    if (next == position.current) {
        ++unchanged; // never written, not even to the ledger
        if (!m_lookUpIds)
            m_unverified.append(e.eventId);
        return;
    }
    position.current = next;
    record(e.eventId, key, e, e.quantity);
}

void Unit::zeroAbsent(qint64 locationId, const FullSnapshotPlan& plan, qsizetype index) {
    // Every position of the location: the rows in the database, and those this unit created.
    const QHash<qint64, StoredPosition> stored = m_run.store.positionsAt(locationId);
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const PositionKey key{locationId, it.key()};
        if (!m_positions.contains(key)) {
            m_positions.insert(key, {it->figures, it->figures, true, it->lastEventId});
            m_skusByLocation[locationId].append(it.key());
        }
    }
    QSet<qint64> listed;
    for (const QString& code : plan.skuCodes)
        if (const auto sku = m_run.skuIds.constFind(code); sku != m_run.skuIds.cend())
            listed.insert(*sku);
    QList<qint64> skus = m_skusByLocation.value(locationId);
    std::sort(skus.begin(), skus.end());
    QList<std::pair<qint64, QString>> zeroings;
    for (qint64 sku : std::as_const(skus))
        if (!listed.contains(sku) && m_positions.value({locationId, sku}).current.onHand != 0)
            zeroings.append(
                {sku, u"full:"_s + QString::fromLatin1(plan.idHash.toHex()) + u':' + QString::number(sku)});
    QList<QString> ids;
    for (const auto& z : std::as_const(zeroings))
        ids << z.second;
    const QSet<QString> existing = m_run.store.existingEventIds(ids);
    InventoryEvent zero = m_run.events.at(index);
    zero.kind = InventoryEventKind::Snapshot;
    zero.quantity = 0;
    zero.safetyStock.reset();
    zero.reason = u"not in full snapshot"_s;
    for (const auto& [sku, id] : std::as_const(zeroings)) {
        if (existing.contains(id) || m_run.seen.contains(id))
            continue; // zeroed by an earlier run of the same snapshot
        markSeen(id);
        m_positions[{locationId, sku}].current.onHand = 0;
        record(id, {locationId, sku}, zero, 0);
        ++zeroed;
    }
}

void Unit::markSeen(const QString& eventId) {
    m_run.seen.insert(eventId);
    m_seenHere.append(eventId);
}

void Unit::forget() {
    for (const QString& id : std::as_const(m_seenHere))
        m_run.seen.remove(id);
    m_seenHere.clear();
}

bool Unit::write(Database& db, qint64 now) {
    if (m_rows.isEmpty())
        return true;
    if (m_lookUpIds) {
        m_run.store.writeLedger(m_rows, m_run.actor.user, now);
    } else {
        Savepoint savepoint(db, u"ledger_rows"_s);
        try {
            m_run.store.writeLedger(m_rows, m_run.actor.user, now);
        } catch (const Error&) {
            // Most likely an event id already in the ledger, refused by its unique index. Anything else, the
            // run that looks the ids up meets again and reports.
            savepoint.rollBack();
            return false;
        }
        savepoint.release();
    }
    // Every position with ledger rows is written, for the end of its chain, even when its figures came back
    // to where they began.
    QList<std::pair<PositionKey, StoredPosition>> written;
    qsizetype changed = 0;
    for (auto it = m_positions.cbegin(); it != m_positions.cend(); ++it) {
        if (it->recorded)
            written.append({it.key(), {it->current, it->lastEventId}});
        if (it->current != it->original)
            ++changed;
    }
    // In the one global order of positions, (SKU, location): a new row's key is locked as it is inserted.
    std::sort(written.begin(), written.end(), [](const auto& a, const auto& b) {
        return positionLockedBefore(a.first.second, a.first.first, b.first.second, b.first.first);
    });
    m_run.store.writePositions(written, now);
    AuditEvent audit;
    audit.at = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    audit.actor = m_run.actor.user;
    audit.entity = u"inventory"_s;
    audit.action = u"apply"_s;
    audit.detail =
        u"%1: %2 applied (%3 set to zero by a full snapshot), %4 unchanged, %5 duplicates, %6 rejected; "
        "%7 positions changed"_s.arg(m_run.options.source.isEmpty() ? u"events"_s : m_run.options.source)
            .arg(applied)
            .arg(zeroed)
            .arg(unchanged)
            .arg(duplicates)
            .arg(rejected)
            .arg(changed);
    AuditTrail(db).record(audit);
    return true;
}

void Unit::notify(PositionSink& sink) const {
    for (auto it = m_positions.cbegin(); it != m_positions.cend(); ++it)
        if (it->current != it->original)
            sink.positionChanged(it.key().first, it.key().second, it->current);
}

} // namespace

InventoryLedger::InventoryLedger(Database& db)
    : m_db(db) {}

ApplyReport InventoryLedger::apply(const QList<InventoryEvent>& events, const ApplyOptions& options,
                                   const Actor& actor, PositionSink* sink) {
    if (!actor.may(Permission::ManageMasterData))
        throw Error::denied(u"%1 may not change stock"_s.arg(actor.user));
    ApplyReport report;
    Run run{events, options, actor, InventoryLedgerStore(m_db), {}, {}, {}, {}, {}};
    run.seen.reserve(events.size());
    if (options.fullSnapshot) {
        QHash<QString, QCryptographicHash*> hashes;
        std::vector<std::unique_ptr<QCryptographicHash>> owned;
        for (qsizetype i = 0; i < events.size(); ++i) {
            const InventoryEvent& e = events.at(i);
            if (e.kind != InventoryEventKind::Snapshot)
                continue;
            FullSnapshotPlan& plan = run.plans[e.locationCode];
            plan.lastIndex = i;
            plan.skuCodes.insert(e.skuCode);
            QCryptographicHash*& hash = hashes[e.locationCode];
            if (!hash) {
                owned.push_back(std::make_unique<QCryptographicHash>(QCryptographicHash::Sha1));
                hash = owned.back().get();
                hash->addData(e.locationCode.toUtf8());
            }
            hash->addData(QByteArrayView("\x1f"));
            hash->addData(e.eventId.toUtf8());
        }
        for (auto it = hashes.cbegin(); it != hashes.cend(); ++it)
            run.plans[it.key()].idHash = it.value()->result();
    }

    // With partial, each batch commits on its own; otherwise (and for a dry run, whose effects must carry
    // from one event to the next without being saved) the whole input is one unit.
    const bool batched = options.partial && !options.dryRun;
    const int batchSize = options.batchSize > 0 ? options.batchSize : defaultBatchSize(m_db.engine());
    const qsizetype unitSize = batched ? batchSize : std::max<qsizetype>(1, events.size());
    for (qsizetype from = 0; from < events.size(); from += unitSize) {
        const qsizetype to = std::min(events.size(), from + unitSize);
        std::optional<Unit> unit;
        bool committed = false;
        // One unit, run again as a whole when the database gave up on it (TransactionRunner): a failed
        // attempt's event ids are taken back from the run before the next one evaluates the range again.
        TransactionRunner(m_db).run([&] {
            if (unit)
                unit->forget();
            committed = false;
            Transaction transaction(m_db);
            if (run.locationIds.isEmpty())
                run.locationIds = run.store.locationIds();
            // First assume the event ids are new; run the range again, looking them up, when one is not. A
            // dry run writes nothing that could check them, and a rejected all-or-nothing batch reports what
            // it found, so both look them up.
            for (bool lookUpIds = options.dryRun;; lookUpIds = true) {
                unit.emplace(run, from, to, lookUpIds);
                if (unit->evaluate()) {
                    const bool writes = !options.dryRun && (options.partial || unit->rejected == 0);
                    if (writes ? unit->write(m_db, nowStoredTime()) : lookUpIds)
                        break;
                }
                unit->forget();
            }
            if (options.dryRun || (!options.partial && unit->rejected > 0))
                return; // the transaction rolls back: nothing was written anyway
            transaction.commit();
            committed = true;
        });
        report.unchanged += unit->unchanged;
        report.duplicates += unit->duplicates;
        report.rejected += unit->rejected;
        report.errors += unit->errors;
        if (!committed) {
            report.rolledBack = !options.partial && unit->rejected > 0;
            continue;
        }
        report.applied += unit->applied;
        report.zeroed += unit->zeroed;
        if (sink)
            unit->notify(*sink);
        if (options.onCommitted)
            options.onCommitted(to, events.size(), report);
    }
    return report;
}

} // namespace ordo
