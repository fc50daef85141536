#include "CandidateFilter.h"

#include "model/Money.h"
#include "sourcing/Criteria.h"
#include "sourcing/Router.h"
#include "sourcing/RoutingNetwork.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo::routing {

namespace {

bool lineIsOpen(const OrderLine& line) {
    switch (line.status) {
    case OrderStatus::Pending:
    case OrderStatus::Validated:
    case OrderStatus::Exception:
        return line.quantity > 0;
    default:
        return false;
    }
}

QString km(double value) {
    return QLocale::c().toString(value, 'f', 0) + u" km"_s;
}

// "covers 2 of 3 line(s)": the same few texts for every candidate, made once per thread and shared.
QString coversText(int takes, int lines) {
    constexpr int cached = 8;
    thread_local QString texts[cached + 1][cached + 1];
    auto make = [](int t, int n) -> QString {
        return u"covers "_s + QString::number(t) + u" of "_s + QString::number(n) + u" line(s)"_s;
    };
    if (lines > cached || takes > lines || takes < 0)
        return make(takes, lines);
    QString& text = texts[takes][lines];
    if (text.isEmpty())
        text = make(takes, lines);
    return text;
}

} // namespace

const QString& Problem::code(int candidate) const {
    return network->at(candidates[size_t(candidate)].location).location.code;
}

bool Problem::codeLess(int a, int b) const {
    return code(a) < code(b);
}

void startProblem(Problem& p, const Order& order, const RuleSet& rules, const RoutingNetwork& network,
                  const RoutingContext& context) {
    p.order = &order;
    p.rules = &rules;
    p.network = &network;
    p.context = &context;
    p.pickup = order.delivery == DeliveryMethod::Pickup;
    p.pickupLocation = p.pickup ? network.indexOf(order.pickupLocationCode) : -1;
    p.hasShipTo = order.shipTo.position.has_value();
    p.minorDigits = Money::minorDigits(rules.currency);
    p.minorPerMajor = std::pow(10.0, p.minorDigits);
}

void readOrderStock(const Order& order, const StockLevels& inventory, const RoutingContext& context,
                    OrderStock& stock) {
    stock.lines.clear();
    stock.skuCount = 0;
    std::vector<int> slotSku; // dense SKU id (or -1 - line index for an unknown SKU) per slot
    for (int i = 0; i < int(order.lines.size()); ++i) {
        const OrderLine& line = order.lines[i];
        if (context.lineNos.isEmpty() ? !lineIsOpen(line) : !context.lineNos.contains(line.lineNo))
            continue;
        if (line.quantity <= 0)
            continue;
        Line l;
        l.lineNo = line.lineNo;
        l.orderIndex = i;
        l.sku = inventory.skuIndex(line.skuCode);
        l.quantity = line.quantity;
        l.skuSlot = -1;
        for (int s = 0; s < int(slotSku.size()) && l.sku >= 0; ++s)
            if (slotSku[size_t(s)] == l.sku)
                l.skuSlot = s;
        // Lines of one SKU share its stock; an unknown SKU gets a slot of its own (with no stock).
        for (int s = 0; s < int(stock.lines.size()) && l.sku < 0 && l.skuSlot < 0; ++s)
            if (stock.lines[size_t(s)].sku < 0 &&
                order.lines[stock.lines[size_t(s)].orderIndex].skuCode == line.skuCode)
                l.skuSlot = stock.lines[size_t(s)].skuSlot;
        if (l.skuSlot < 0) {
            l.skuSlot = int(slotSku.size());
            slotSku.push_back(l.sku >= 0 ? l.sku : -1 - i);
        }
        stock.lines.push_back(l);
    }
    stock.skuCount = int(slotSku.size());
    stock.bySlot.resize(size_t(stock.skuCount));
    const int channel = int(order.channel);
    const int delivery = order.delivery == DeliveryMethod::Pickup ? 1 : 0; // InventoryIndex::Pickup / Ship
    for (int s = 0; s < stock.skuCount; ++s) {
        if (slotSku[size_t(s)] >= 0)
            inventory.stocked(slotSku[size_t(s)], channel, delivery, context.nowMs, stock.bySlot[size_t(s)]);
        else
            stock.bySlot[size_t(s)].clear();
    }
}

void buildProblem(const OrderStock& stock, const Strategy& strategy, Problem& p) {
    const Order& order = *p.order;
    const RoutingNetwork& network = *p.network;
    const LocationFilters& f = strategy.filters;
    p.strategy = &strategy;
    p.weights = weightsFor(strategy);
    // A pickup is one handover; a negative total cost weight must not turn the penalty into a reward.
    p.splitPenalty = p.pickup ? 0.0
                              : std::max(0.0, p.weights.byCriterion[int(Criterion::TotalCost)]) *
                                    double(std::max<qint64>(0, p.rules->costs.splitPenaltyMinor)) /
                                    p.minorPerMajor;
    p.lines = stock.lines;
    p.skuCount = stock.skuCount;
    p.candidates.clear();
    p.available.clear();

    // Location -> candidate, through a scratch array kept between calls (reset after use).
    thread_local std::vector<int> candidateOf;
    if (int(candidateOf.size()) < network.size())
        candidateOf.assign(size_t(network.size()), -1);
    auto candidateFor = [&](int location) {
        int& c = candidateOf[size_t(location)];
        if (c < 0) {
            c = int(p.candidates.size());
            p.candidates.push_back(Candidate{});
            p.candidates.back().location = location;
            p.available.resize(p.available.size() + size_t(p.skuCount), 0);
        }
        return c;
    };
    if (p.pickup && p.pickupLocation >= 0)
        candidateFor(p.pickupLocation);
    for (int s = 0; s < p.skuCount; ++s)
        for (const StockLevels::Stocked& st : stock.bySlot[size_t(s)])
            if (st.location >= 0 && st.location < network.size())
                p.available[size_t(candidateFor(st.location) * p.skuCount + s)] += st.available;
    for (const Candidate& c : p.candidates)
        candidateOf[size_t(c.location)] = -1;

    const std::optional<GeoPoint> shipTo = order.shipTo.position;
    const GeoPoint* pickupAt =
        p.pickupLocation >= 0 ? &network.at(p.pickupLocation).location.position : nullptr;
    p.usable.resize(p.available.size());
    for (int ci = 0; ci < int(p.candidates.size()); ++ci) {
        Candidate& c = p.candidates[size_t(ci)];
        const NetworkLocation& nl = network.at(c.location);
        const Location& loc = nl.location;
        if (p.pickup) {
            const GeoPoint* from = pickupAt ? pickupAt : (shipTo ? &*shipTo : nullptr);
            c.km = from ? distanceKm(*from, loc.position) : 0.0;
            c.costMinor = 0;
        } else {
            c.km = shipTo ? distanceKm(loc.position, *shipTo) : 0.0;
            c.costMinor = p.rules->costs.shipmentCostMinor(loc.type, c.km);
        }
        std::uint16_t judged = FilterStock;
        std::uint16_t failed = 0;
        auto judge = [&](Filter filter, bool passed) {
            judged |= filter;
            if (!passed)
                failed |= filter;
        };
        if (!f.types.isEmpty())
            judge(FilterType, f.types.contains(loc.type));
        if (!f.groups.isEmpty())
            judge(FilterGroup, std::any_of(nl.groups.cbegin(), nl.groups.cend(),
                                           [&](const QString& g) { return f.groups.contains(g); }));
        if (f.maxDistanceKm)
            judge(FilterMaxDistance,
                  (p.pickup ? pickupAt != nullptr : p.hasShipTo) && c.km <= *f.maxDistanceKm);
        if (f.requireCapacity && nl.capacityLeft >= 0)
            judge(FilterCapacity, nl.capacityLeft > 0);
        if (!p.pickup && f.requireShipping)
            judge(FilterShips, loc.ships);
        if (p.pickup)
            judge(FilterPickup, (!f.requirePickup || loc.pickup) &&
                                    (c.location == p.pickupLocation || strategy.nearestPickupAllowed));
        if (!f.excludedLocations.isEmpty())
            judge(FilterExcluded, !f.excludedLocations.contains(loc.code));
        if (!p.context->rejectedLocations.isEmpty())
            judge(FilterRejected, !p.context->rejectedLocations.contains(loc.code));
        const qint64 minAtp = std::max<qint64>(0, f.minAtpAfterSafety);
        c.takes = 0;
        c.minAtpShort = 0;
        for (const Line& line : p.lines) {
            const qint64 atp = p.available[size_t(ci * p.skuCount + line.skuSlot)];
            if (atp - line.quantity >= minAtp)
                ++c.takes;
            else if (atp >= line.quantity)
                ++c.minAtpShort;
        }
        for (int s = 0; s < p.skuCount; ++s)
            p.usable[size_t(ci * p.skuCount + s)] =
                std::max<qint64>(0, p.available[size_t(ci * p.skuCount + s)] - minAtp);
        if (minAtp > 0)
            judge(FilterMinAtp, c.takes > 0 || c.minAtpShort == 0);
        if (c.takes == 0 && !(failed & FilterMinAtp))
            failed |= FilterStock;
        c.judged = judged;
        c.failed = failed;
        c.fixedScore = fixedScore(p, ci);
    }
}

QList<FilterVerdict> filterVerdicts(const Problem& p, int candidate) {
    std::vector<FilterVerdict> verdicts;
    filterVerdicts(p, candidate, verdicts);
    return QList<FilterVerdict>(verdicts.begin(), verdicts.end());
}

void filterVerdicts(const Problem& p, int candidate, std::vector<FilterVerdict>& verdicts) {
    verdicts.clear();
    const Candidate& c = p.candidates[size_t(candidate)];
    const NetworkLocation& nl = p.network->at(c.location);
    const Location& loc = nl.location;
    const LocationFilters& f = p.strategy->filters;
    auto add = [&](Filter filter, const QString& code, QString value) {
        if (c.judged & filter)
            verdicts.push_back(FilterVerdict{code, !(c.failed & filter), std::move(value)});
    };
    add(FilterType, u"type"_s, locationTypeCode(loc.type));
    if (c.judged & FilterGroup)
        add(FilterGroup, u"group"_s,
            nl.groups.isEmpty() ? u"no group"_s : u"group "_s + nl.groups.join(u", "_s));
    if (c.judged & FilterMaxDistance) {
        const bool known = p.pickup ? p.pickupLocation >= 0 : p.hasShipTo;
        add(FilterMaxDistance, u"max_distance"_s,
            known ? u"%1 %2 %3"_s.arg(km(c.km), c.km <= *f.maxDistanceKm ? u"<="_s : u">"_s,
                                      km(*f.maxDistanceKm))
                  : u"distance unknown: no coordinates"_s);
    }
    if (c.judged & FilterCapacity)
        add(FilterCapacity, u"capacity"_s,
            nl.capacityLeft > 0 ? QString::number(nl.capacityLeft) + u" left today"_s : u"none left today"_s);
    add(FilterShips, u"ships"_s, loc.ships ? u"ships parcels"_s : u"does not ship parcels"_s);
    if (c.judged & FilterPickup) {
        QString value;
        if (f.requirePickup && !loc.pickup)
            value = u"does not hand over pickups"_s;
        else if (c.location == p.pickupLocation)
            value = u"the order's pickup location"_s;
        else
            value = p.strategy->nearestPickupAllowed ? u"another pickup location"_s
                                                     : u"not the order's pickup location"_s;
        add(FilterPickup, u"pickup"_s, value);
    }
    add(FilterExcluded, u"excluded"_s,
        (c.failed & FilterExcluded) ? u"excluded by the strategy"_s : u"not excluded"_s);
    add(FilterRejected, u"rejected"_s,
        (c.failed & FilterRejected) ? u"rejected a line of this order"_s : u"no rejection"_s);
    if (c.judged & FilterMinAtp)
        add(FilterMinAtp, u"min_atp"_s,
            c.minAtpShort > 0
                ? u"%1 line(s) would leave less than %2"_s.arg(c.minAtpShort).arg(f.minAtpAfterSafety)
                : u"keeps at least %1"_s.arg(f.minAtpAfterSafety));
    add(FilterStock, u"stock"_s, coversText(c.takes, p.lineCount()));
}

QString failedFilters(const Problem& p, int candidate) {
    QStringList parts;
    for (const FilterVerdict& v : filterVerdicts(p, candidate))
        if (!v.passed)
            parts << u"%1 (%2)"_s.arg(v.filter, v.value);
    return parts.join(u", "_s);
}

} // namespace ordo::routing
