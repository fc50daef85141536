#include "DemoStock.h"

#include "inventory/InventoryIndex.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

constexpr qint64 Hour = 3600 * 1000LL;
constexpr qint64 Day = 24 * Hour;
constexpr quint64 stockStream = 5;

void insertSorted(std::vector<int>& list, int value) {
    const auto it = std::lower_bound(list.begin(), list.end(), value);
    if (it == list.end() || *it != value)
        list.insert(it, value);
}

} // namespace

DemoStock::DemoStock(Database& db, const DemoNetwork& network, const QList<DemoSku>& catalog, quint64 seed)
    : m_network(network)
    , m_catalog(catalog)
    , m_skuCount(size_t(catalog.size()))
    , m_random(DemoRandom::derived(seed, 0, stockStream))
    , m_cells(size_t(network.locations().size()) * size_t(catalog.size()))
    , m_locationsOfSku(size_t(catalog.size()))
    , m_skusAt(size_t(network.locations().size()))
    , m_ledger(db, u"inventory_events"_s,
               {u"id"_s, u"event_id"_s, u"location_id"_s, u"sku_id"_s, u"kind"_s, u"quantity"_s,
                u"on_hand_after"_s, u"reserved_after"_s, u"reason"_s, u"occurred_at"_s, u"recorded_at"_s,
                u"actor"_s, u"previous_event_id"_s}) {
    m_skuByCode.reserve(catalog.size());
    for (int s = 0; s < catalog.size(); ++s)
        m_skuByCode.insert(catalog.at(s).code, s);
}

void DemoStock::ensure(int location, int sku) {
    Cell& c = cell(location, sku);
    if (c.exists)
        return;
    c.exists = true;
    insertSorted(m_locationsOfSku[size_t(sku)], location);
    insertSorted(m_skusAt[size_t(location)], sku);
}

void DemoStock::open(qint64 at, qint64 until) {
    m_clock = at;
    double maxPopularity = 0.0;
    for (const DemoSku& s : m_catalog)
        maxPopularity = std::max(maxPopularity, s.popularity);
    for (int l = 0; l < m_network.locations().size(); ++l) {
        const LocationType type = m_network.locations().at(l).location.type;
        const int vendor = int(m_network.vendors().indexOf(l));
        for (int s = 0; s < int(m_skuCount); ++s) {
            const DemoSku& sku = m_catalog.at(s);
            const double pop = std::sqrt(sku.popularity / maxPopularity);
            const double roll = m_random.uniform();
            qint64 usual = 0, safety = 0;
            bool stocked = false;
            double outOfStock = 0.0;
            switch (type) {
            case LocationType::Dc:
            case LocationType::ThirdPartyLogistics:
                stocked = sku.vendor < 0 && roll < 0.93;
                usual = m_random.between(5, 60) + qint64(600.0 * pop * m_random.uniform());
                safety = m_random.between(0, 8);
                outOfStock = 0.03;
                break;
            case LocationType::Store:
                stocked = sku.vendor < 0 && !sku.bulky && roll < 0.06 + 0.5 * pop;
                usual = m_random.between(2, 14);
                safety = m_random.between(0, 2);
                outOfStock = 0.06;
                break;
            case LocationType::Dropship:
                stocked = sku.vendor == vendor;
                usual = m_random.between(10, 300);
                break;
            }
            const bool empty = m_random.chance(outOfStock);
            if (!stocked)
                continue;
            ensure(l, s);
            Cell& c = cell(l, s);
            c.usual = std::max(usual, safety + 1);
            c.safety = safety;
            c.updatedAt = at;
            if (empty)
                continue; // listed, but out of stock when the history begins: the first delivery fills it
            c.onHand = c.usual;
            record(at, l, s, u"demo:open:%1:%2"_s.arg(l + 1).arg(s + 1), u"snapshot"_s, c.onHand,
                   u"opening count"_s, u"import"_s);
        }
    }
    // Deliveries once a week per location (its own weekday, early morning US time), counts every day.
    for (int l = 0; l < m_network.locations().size(); ++l) {
        const qint64 firstDelivery = at + (l % 7) * Day + 11 * Hour + (l * 7 % 60) * 60 * 1000LL;
        for (qint64 t = firstDelivery; t <= until; t += 7 * Day)
            schedule({t, 0, Kind::Delivery, l, 0, 0, 0, 0});
        if (m_network.locations().at(l).location.type == LocationType::Dropship)
            continue;
        for (qint64 t = at + Day + 20 * Hour + l * 60 * 1000LL; t <= until; t += Day)
            schedule({t, 0, Kind::Count, l, 0, 0, 0, 0});
    }
}

void DemoStock::schedule(Pending p) {
    p.seq = ++m_seq;
    m_pending.push(p);
}

void DemoStock::advanceTo(qint64 at) {
    while (!m_pending.empty() && m_pending.top().at <= at) {
        const Pending p = m_pending.top();
        m_pending.pop();
        m_clock = std::max(m_clock, p.at);
        apply(p);
    }
    m_clock = std::max(m_clock, at);
}

void DemoStock::apply(const Pending& p) {
    switch (p.kind) {
    case Kind::Delivery:
        deliver(p.at, p.location);
        break;
    case Kind::Count:
        count(p.at, p.location);
        break;
    case Kind::Ship: {
        Cell& c = cell(p.location, p.sku);
        c.onHand -= p.quantity;
        c.reserved -= p.quantity;
        record(p.at, p.location, p.sku, u"ship:%1:%2:%3"_s.arg(p.orderId).arg(p.lineNo).arg(p.location + 1),
               u"ship"_s, p.quantity, u"shipped"_s, u"system"_s);
        break;
    }
    case Kind::Release: {
        Cell& c = cell(p.location, p.sku);
        c.reserved -= p.quantity;
        record(p.at, p.location, p.sku, u"rel:%1:%2:%3"_s.arg(p.orderId).arg(p.lineNo).arg(p.location + 1),
               u"release"_s, p.quantity, u"order cancelled"_s, u"system"_s);
        break;
    }
    }
}

void DemoStock::deliver(qint64 at, int location) {
    const LocationType type = m_network.locations().at(location).location.type;
    const qint64 pack = type == LocationType::Store ? 1 : 6;
    QString reason;
    bool any = false;
    for (int sku : m_skusAt[size_t(location)]) {
        Cell& c = cell(location, sku);
        const qint64 free = c.onHand - c.reserved;
        if (free * 5 >= c.usual * 2)
            continue;
        const qint64 quantity = ((c.usual - free + pack - 1) / pack) * pack;
        if (!any) {
            ++m_receipts;
            reason = type == LocationType::Store      ? u"RECEIVED: transfer TR-%1"_s.arg(700000 + m_receipts)
                     : type == LocationType::Dropship ? u"RECEIVED: vendor stock feed"_s
                                                      : u"RECEIVED: PO-%1"_s.arg(4500000 + m_receipts);
            any = true;
        }
        c.onHand += quantity;
        record(at, location, sku, u"demo:rcv:%1:%2"_s.arg(m_receipts).arg(sku + 1), u"delta"_s, quantity,
               reason, u"import"_s);
    }
}

void DemoStock::count(qint64 at, int location) {
    const std::vector<int>& skus = m_skusAt[size_t(location)];
    if (skus.empty())
        return;
    const QStringList& staff = m_network.locations().at(location).staff;
    const int n = int(m_random.between(0, 2));
    for (int i = 0; i < n; ++i) {
        const int sku = skus[size_t(m_random.between(0, qint64(skus.size()) - 1))];
        Cell& c = cell(location, sku);
        const double roll = m_random.uniform();
        qint64 delta = 0;
        QString reason;
        if (roll < 0.55) {
            delta = m_random.chance(0.6) ? -m_random.between(1, 3) : m_random.between(1, 3);
            reason = u"CYCLE_COUNT"_s;
        } else if (roll < 0.75) {
            delta = -1;
            reason = u"DAMAGED: found damaged in the bin"_s;
        } else if (roll < 0.9) {
            delta = -1;
            reason = u"SHRINKAGE"_s;
        } else {
            delta = 1;
            reason = u"FOUND: unit in the overflow location"_s;
        }
        if (c.onHand + delta < c.reserved)
            continue; // a count never takes what orders hold
        c.onHand += delta;
        ++m_counts;
        record(at, location, sku, u"demo:cnt:%1"_s.arg(m_counts), u"delta"_s, delta, reason,
               staff.isEmpty() ? u"system"_s : staff.at(i % staff.size()));
    }
}

void DemoStock::reserve(qint64 at, int location, int sku, qint64 quantity, qint64 orderId, int lineNo) {
    advanceTo(at);
    ensure(location, sku);
    Cell& c = cell(location, sku);
    c.reserved += quantity;
    record(std::max(at, m_clock), location, sku, u"res:%1:%2:%3"_s.arg(orderId).arg(lineNo).arg(location + 1),
           u"reserve"_s, quantity, QString(), u"system"_s);
}

void DemoStock::scheduleShipment(qint64 at, int location, int sku, qint64 quantity, qint64 orderId,
                                 int lineNo) {
    schedule({at, 0, Kind::Ship, location, sku, quantity, orderId, lineNo});
}

void DemoStock::scheduleRelease(qint64 at, int location, int sku, qint64 quantity, qint64 orderId,
                                int lineNo) {
    schedule({at, 0, Kind::Release, location, sku, quantity, orderId, lineNo});
}

void DemoStock::receive(qint64 at, int location, int sku, qint64 quantity, const QString& reason) {
    advanceTo(at);
    ensure(location, sku);
    Cell& c = cell(location, sku);
    if (c.usual == 0)
        c.usual = quantity;
    c.onHand += quantity;
    ++m_receipts;
    record(std::max(at, m_clock), location, sku, u"demo:rcv:%1:%2"_s.arg(m_receipts).arg(sku + 1), u"delta"_s,
           quantity, reason, u"import"_s);
}

qint64 DemoStock::available(int location, int sku) const {
    const Cell& c = cell(location, sku);
    return c.exists ? std::max<qint64>(0, c.onHand - c.reserved - c.safety) : 0;
}

qint64 DemoStock::usualLevel(int location, int sku) const {
    return cell(location, sku).usual;
}

void DemoStock::record(qint64 at, int location, int sku, const QString& eventId, const QString& kind,
                       qint64 quantity, const QString& reason, const QString& actor) {
    Cell& c = cell(location, sku);
    m_ledger.add({m_nextEventId++, eventId, qint64(location) + 1, qint64(sku) + 1, kind, quantity, c.onHand,
                  c.reserved, reason.isEmpty() ? nullString() : QVariant(reason), at, at, actor,
                  c.lastEvent.isEmpty() ? nullString() : QVariant(c.lastEvent)});
    c.priorEvent = c.lastEvent;
    c.lastEvent = eventId;
    c.updatedAt = at;
}

qint64 DemoStock::writePositions(Database& db) {
    BulkInsert positions(db, u"positions"_s,
                         {u"location_id"_s, u"sku_id"_s, u"on_hand"_s, u"reserved"_s, u"safety_stock"_s,
                          u"updated_at"_s, u"last_event_id"_s, u"prior_event_id"_s});
    for (int l = 0; l < m_network.locations().size(); ++l)
        for (int sku : m_skusAt[size_t(l)]) {
            const Cell& c = cell(l, sku);
            positions.add({qint64(l) + 1, qint64(sku) + 1, c.onHand, c.reserved, c.safety, c.updatedAt,
                           c.lastEvent.isEmpty() ? nullString() : QVariant(c.lastEvent),
                           c.priorEvent.isEmpty() ? nullString() : QVariant(c.priorEvent)});
        }
    positions.flush();
    return positions.rowsWritten();
}

qint64 DemoStock::reservedTotal() const {
    qint64 total = 0;
    for (const Cell& c : m_cells)
        total += c.reserved;
    return total;
}

void DemoStock::stocked(int sku, int, int delivery, qint64, std::vector<Stocked>& out) const {
    out.clear();
    if (sku < 0 || size_t(sku) >= m_skuCount)
        return;
    for (int l : m_locationsOfSku[size_t(sku)]) {
        const Location& location = m_network.locations().at(l).location;
        if ((delivery == InventoryIndex::Pickup && !location.pickup) ||
            (delivery == InventoryIndex::Ship && !location.ships))
            continue;
        const qint64 free = available(l, sku);
        if (free > 0)
            out.push_back({l, free});
    }
}

} // namespace ordo
