#include "StoryGenerator.h"

#include "DemoRandom.h"
#include "WeightedPicker.h"
#include "orders/OrderStateMachine.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

constexpr qint64 Sec = 1000, Min = 60 * Sec, Hour = 60 * Min, Day = 24 * Hour;
constexpr qint64 Never = std::numeric_limits<qint64>::max() / 4;
constexpr int Delivered = 7;

OrderStatus statusAt(int rank) {
    return allOrderStatuses[rank]; // Pending .. Delivered are the first eight, in path order
}

qint64 span(DemoRandom& r, qint64 low, qint64 high) {
    return qint64(r.logUniform(double(low), double(high)));
}

template <typename T> const T& anyOf(DemoRandom& r, const QList<T>& list) {
    return list.at(r.between(0, list.size() - 1));
}

struct Reason {
    QString code;
    QString detail;
    QString resolution;
};

// Why an order stops at each step, and how somebody resolves it.
Reason holdReason(DemoRandom& r, int heldRank, int lineCount) {
    const QString line = QString::number(r.between(1, lineCount));
    switch (heldRank) {
    case 0:
        switch (r.between(0, 2)) {
        case 0:
            return {u"ADDRESS_UNVERIFIED"_s, u"the carrier cannot verify the street address"_s,
                    u"address confirmed with the customer"_s};
        case 1:
            return {u"PAYMENT_REVIEW"_s,
                    u"payment flagged for manual review (risk score %1)"_s.arg(r.between(70, 98)),
                    u"payment approved after review"_s};
        default:
            return {u"PRICE_MISMATCH"_s,
                    u"line %1: price differs from the catalogue by more than 20%"_s.arg(line),
                    u"price confirmed by merchandising"_s};
        }
    case 1:
        return {u"NO_STOCK"_s, u"line %1: no location has enough stock"_s.arg(line),
                u"stock received, routed again"_s};
    case 2:
        return {u"CAPACITY_EXCEEDED"_s, u"the chosen location is over its daily capacity"_s,
                u"capacity freed, kept at the location"_s};
    case 3:
        return {u"LOCATION_REJECTED"_s, u"the location declined line %1: not found on the shelf"_s.arg(line),
                u"item located, fulfilment confirmed"_s};
    case 4:
        if (r.chance(0.6))
            return {u"SHORT_PICK"_s, u"line %1: bin empty at pick time"_s.arg(line),
                    u"found in the overflow location"_s};
        return {u"DAMAGED_ITEM"_s, u"line %1: item damaged in the bin"_s.arg(line),
                u"replacement unit picked"_s};
    case 5:
        return {u"CARRIER_REJECTED"_s, u"the carrier rejected the label: address line too long"_s,
                u"label reprinted with a shortened address"_s};
    default:
        if (r.chance(0.5))
            return {u"DELIVERY_FAILED"_s, u"the carrier could not deliver: nobody to sign"_s,
                    u"customer arranged a new delivery date"_s};
        return {u"LOST_IN_TRANSIT"_s, u"no carrier scan for 5 days"_s,
                u"carrier found the parcel, delivery resumed"_s};
    }
}

struct Cancellation {
    QString code;
    QString note;
};

Cancellation cancellation(DemoRandom& r) {
    static const WeightedPicker picker(QList<double>{60, 12, 8, 12, 8});
    switch (picker.pick(r)) {
    case 0:
        return {u"CUSTOMER_REQUEST"_s,
                anyOf(r, QStringList{u"customer changed their mind"_s, u"ordered the wrong size"_s,
                                     u"found it cheaper elsewhere"_s, u"delivery date too late"_s})};
    case 1:
        return {u"PAYMENT_FAILED"_s, u"card declined on capture"_s};
    case 2:
        return {u"FRAUD_SUSPECTED"_s, u"billing and shipping details do not match the card holder"_s};
    case 3:
        return {u"OUT_OF_STOCK"_s, u"no stock expected within 14 days"_s};
    default:
        return {u"DUPLICATE_ORDER"_s, u"the customer placed the same order twice"_s};
    }
}

QString cancelActor(DemoRandom& r, const StoryInput& in, const QString& code) {
    if (code == u"PAYMENT_FAILED"_s)
        return u"system"_s;
    if (code == u"FRAUD_SUSPECTED"_s)
        return anyOf(r, in.managers);
    if (code == u"CUSTOMER_REQUEST"_s && in.channel == Channel::Marketplace)
        return u"import"_s; // the marketplace forwards the buyer's cancellation
    return anyOf(r, in.customerService);
}

QString lineList(const QList<int>& lineNos) {
    QStringList numbers;
    for (int no : lineNos)
        numbers << QString::number(no);
    return numbers.join(u", "_s);
}

struct Disruption {
    enum class Kind { None, Cancel, Exception } kind = Kind::None;
    qint64 cancelAt = Never;
    int heldRank = -1;
    qint64 raiseAt = Never;
    qint64 resolveAt = Never; // Never: still open
    bool cancelAfterHold = false;
};

class Teller {
public:
    Teller(DemoRandom& random, const StoryInput& input)
        : m_r(random)
        , m_in(input) {}

    OrderStory run();

private:
    void schedule();
    qint64 stepDelay(int toRank, StoryInput::Site site);
    void record(qint64 at, const QString& actor, const QString& action, std::optional<OrderStatus> from,
                std::optional<OrderStatus> to, const QString& reason = {}, const QString& detail = {});
    void move(qint64 at, int toRank, int group);
    QString actorFor(int rank, int group);
    QString detailFor(int rank, int group);
    void walkSingle(const Disruption& d, int lastRank);
    void walkSplit(int fromRank);
    void squeezeForced(int f);

    DemoRandom& m_r;
    const StoryInput& m_in;
    OrderStory m_s;
    std::array<std::array<qint64, 8>, 2> m_t{};
};

qint64 Teller::stepDelay(int toRank, StoryInput::Site site) {
    const bool pickup = m_in.delivery == DeliveryMethod::Pickup;
    switch (toRank) {
    case 4:
        if (site == StoryInput::Site::Vendor)
            return span(m_r, 4 * Hour, 2 * Day);
        return site == StoryInput::Site::Store ? span(m_r, 15 * Min, 3 * Hour)
                                               : span(m_r, 20 * Min, 10 * Hour);
    case 5:
        return site == StoryInput::Site::Vendor ? span(m_r, Hour, Day) : span(m_r, 5 * Min, 75 * Min);
    case 6:
        return pickup ? span(m_r, 5 * Min, 40 * Min) : span(m_r, 30 * Min, 7 * Hour);
    default:
        if (pickup)
            return span(m_r, Hour, 4 * Day);
        return m_in.transitDays * Day + m_r.between(-4 * Hour, 8 * Hour);
    }
}

void Teller::schedule() {
    auto& main = m_t[0];
    main[0] = m_s.capturedAt;
    main[1] = main[0] + m_r.between(Sec, 20 * Sec);
    if (m_r.chance(0.002))
        main[1] += span(m_r, Hour, 2 * Day); // payment authorisation still pending
    main[2] = main[1] + span(m_r, 5 * Sec, 10 * Min);
    if (m_r.chance(0.008))
        main[2] += span(m_r, 6 * Hour, 6 * Day); // back-ordered: waits for stock before it can be routed
    main[3] = main[2] + span(m_r, 2 * Min, 2 * Hour);
    for (int g = 0; g < 2; ++g) {
        m_t[g][3] = main[3];
        for (int k = 4; k <= Delivered; ++k)
            m_t[g][k] = m_t[g][k - 1] + std::max<qint64>(Min, stepDelay(k, m_in.site[g]));
        if (g == 0) {
            for (int k = 0; k < 3; ++k)
                m_t[1][k] = main[k];
        }
    }
}

void Teller::record(qint64 at, const QString& actor, const QString& action, std::optional<OrderStatus> from,
                    std::optional<OrderStatus> to, const QString& reason, const QString& detail) {
    m_s.events.append({at, actor, action, from, to, reason, detail});
    if (to == OrderStatus::Cancelled)
        m_s.cancelledAt = at;
    if (action != u"lines"_s && to) {
        m_s.status = *to;
        m_s.statusChangedAt = at;
    }
}

QString Teller::actorFor(int rank, int group) {
    if (rank <= 3)
        return u"system"_s;
    if (rank == Delivered && m_in.delivery == DeliveryMethod::Ship)
        return u"system"_s; // the carrier's tracking feed
    return anyOf(m_r, m_in.staff[group]);
}

QString Teller::detailFor(int rank, int group) {
    switch (rank) {
    case 1:
        return u"passed validation"_s;
    case 2: {
        const QString note = m_in.routingNote.isEmpty() ? QString() : u" ("_s + m_in.routingNote + u')';
        if (m_in.groupCount == 2)
            return u"split: lines %1 at %2, lines %3 at %4"_s.arg(
                       lineList(m_in.lineNos[0]), m_in.locationCode[0], lineList(m_in.lineNos[1]),
                       m_in.locationCode[1]) +
                   note;
        return u"routed to %1"_s.arg(m_in.locationCode[0]) + note;
    }
    case 3:
        if (m_in.groupCount == 2)
            return u"released to %1 and %2"_s.arg(m_in.locationCode[0], m_in.locationCode[1]);
        return u"released to %1"_s.arg(m_in.locationCode[group]);
    case 6:
        if (m_in.delivery == DeliveryMethod::Pickup)
            return u"ready for collection at %1"_s.arg(m_in.locationCode[group]);
        return u"%1, tracking %2"_s.arg(
            anyOf(m_r, QStringList{u"UPS Ground"_s, u"FedEx Home Delivery"_s, u"USPS Ground Advantage"_s}),
            QString::number(m_r.between(100000000000LL, 999999999999LL)));
    case 7:
        return m_in.delivery == DeliveryMethod::Pickup ? u"collected by the customer"_s : u"delivered"_s;
    default:
        return {};
    }
}

void Teller::move(qint64 at, int toRank, int group) {
    if (toRank == 2) {
        m_s.routed = true;
        m_s.routedAt = at;
    }
    if (toRank == 6)
        m_s.shippedAt = {at, at};
    record(at, actorFor(toRank, group), u"transition"_s, m_s.status, statusAt(toRank), {},
           detailFor(toRank, group));
}

// Walks the order as one: up to lastRank (Delivered; Routed for a split order, whose lines move on apart
// after).
void Teller::walkSingle(const Disruption& d, int lastRank) {
    auto& T = m_t[0];
    int rank = 0;
    bool raised = false;
    for (int k = 1; k <= lastRank; ++k) {
        if (d.kind == Disruption::Kind::Cancel && k <= 6 && d.cancelAt < T[k]) {
            if (d.cancelAt <= m_in.now) {
                const Cancellation c = cancellation(m_r);
                record(d.cancelAt, cancelActor(m_r, m_in, c.code), u"cancel"_s, m_s.status,
                       OrderStatus::Cancelled, c.code, c.note);
            }
            return;
        }
        if (d.kind == Disruption::Kind::Exception && rank == d.heldRank && !raised) {
            if (d.raiseAt > m_in.now)
                return;
            const Reason why = holdReason(m_r, d.heldRank, m_in.lineCount);
            const QString raisedBy =
                (d.heldRank <= 2 || d.heldRank == 6) ? u"system"_s : anyOf(m_r, m_in.staff[0]);
            record(d.raiseAt, raisedBy, u"exception"_s, m_s.status, OrderStatus::Exception, why.code,
                   why.detail);
            m_s.heldFrom = statusAt(d.heldRank);
            m_s.holds.append({why.code, why.detail, d.raiseAt, raisedBy, 0, {}, {}});
            if (d.resolveAt > m_in.now)
                return;
            StoryHold& hold = m_s.holds.last();
            const bool canCancel = OrderStateMachine::canMove(statusAt(d.heldRank), OrderStatus::Cancelled);
            if (d.cancelAfterHold && canCancel) {
                const QString code = why.code == u"NO_STOCK"_s         ? u"OUT_OF_STOCK"_s
                                     : why.code == u"PAYMENT_REVIEW"_s ? u"FRAUD_SUSPECTED"_s
                                                                       : u"CUSTOMER_REQUEST"_s;
                const QString actor = code == u"FRAUD_SUSPECTED"_s ? anyOf(m_r, m_in.managers)
                                                                   : anyOf(m_r, m_in.customerService);
                hold.resolvedAt = d.resolveAt;
                hold.resolvedBy = actor;
                hold.resolution = u"cancelled: "_s + code;
                m_s.heldFrom.reset();
                record(d.resolveAt, actor, u"cancel"_s, OrderStatus::Exception, OrderStatus::Cancelled, code,
                       why.resolution);
                return;
            }
            const QString actor =
                m_r.chance(0.8) ? anyOf(m_r, m_in.customerService) : anyOf(m_r, m_in.managers);
            hold.resolvedAt = d.resolveAt;
            hold.resolvedBy = actor;
            hold.resolution = why.resolution;
            m_s.heldFrom.reset();
            // Held at capture: released orders are validated again and go straight to Validated.
            const int target = d.heldRank == 0 ? 1 : d.heldRank;
            record(d.resolveAt, actor, u"release"_s, OrderStatus::Exception, statusAt(target), {},
                   why.resolution);
            const qint64 shift = d.resolveAt - d.raiseAt + Min;
            for (auto& times : m_t)
                for (int j = target + 1; j <= Delivered; ++j)
                    times[j] = times[j] >= Never ? Never : times[j] + shift;
            rank = target;
            raised = true;
            if (d.heldRank == 0)
                continue; // the release was the validation
        }
        if (k <= rank)
            continue;
        if (T[k] > m_in.now)
            return;
        move(T[k], k, 0);
        rank = k;
    }
}

void Teller::walkSplit(int fromRank) {
    for (int k = fromRank + 1; k <= 3; ++k) {
        if (m_t[0][k] > m_in.now) {
            m_s.groupStatus = {m_s.status, m_s.status};
            return;
        }
        move(m_t[0][k], k, 0);
    }
    struct Step {
        qint64 at;
        int group;
        int rank;
    };
    QList<Step> steps;
    for (int g = 0; g < 2; ++g)
        for (int k = 4; k <= Delivered; ++k)
            if (m_t[g][k] <= m_in.now)
                steps.append({m_t[g][k], g, k});
    std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
        return a.at != b.at ? a.at < b.at : a.group < b.group;
    });
    std::array<int, 2> rank{3, 3};
    for (const Step& step : std::as_const(steps)) {
        rank[step.group] = step.rank;
        if (step.rank == 6)
            m_s.shippedAt[size_t(step.group)] = step.at;
        const QString actor = actorFor(step.rank, step.group);
        record(step.at, actor, u"lines"_s, {}, statusAt(step.rank), {},
               u"line(s) %1 moved to %2"_s.arg(lineList(m_in.lineNos[step.group]),
                                               orderStatusCode(statusAt(step.rank))));
        const int least = std::min(rank[0], rank[1]);
        if (statusAt(least) != m_s.status)
            record(step.at, actor, u"transition"_s, m_s.status, statusAt(least), {},
                   u"all open lines are %1"_s.arg(orderStatusCode(statusAt(least))));
    }
    m_s.groupStatus = {statusAt(rank[0]), statusAt(rank[1])};
}

// Fits the steps up to the forced state f before `now`. The steps up to release are fitted on their own, so
// that when the order is routed does not depend on how long the steps after it take at the location it is
// routed to.
void Teller::squeezeForced(int f) {
    auto& T = m_t[0];
    const qint64 from = m_s.capturedAt;
    const qint64 span = m_in.now - from;
    const auto squeeze = [&](int first, int last, qint64 base, qint64 limit) {
        const double factor = double(limit - base) / double(T[last] - base);
        for (int k = first; k <= last; ++k)
            T[k] = base + qint64(double(T[k] - base) * factor);
    };
    if (f <= 3) {
        if (T[f] > m_in.now)
            squeeze(1, f, from, from + qint64(double(span) * 0.9));
    } else {
        const qint64 middle = from + qint64(double(span) * 0.45);
        if (T[3] > middle) {
            const qint64 before = T[3];
            squeeze(1, 3, from, middle);
            for (int k = 4; k <= f; ++k)
                T[k] -= before - T[3];
        }
        if (T[f] > m_in.now)
            squeeze(4, f, T[3], from + qint64(double(span) * 0.9));
    }
    for (int k = f + 1; k <= Delivered; ++k)
        T[k] = Never;
}

OrderStory Teller::run() {
    qint64 lag = 0;
    switch (m_in.channel) {
    case Channel::Web:
    case Channel::App:
        lag = m_r.between(2 * Sec, 40 * Sec);
        break;
    case Channel::Marketplace:
        lag = span(m_r, Min, 20 * Min);
        break;
    case Channel::Pos:
        lag = m_r.between(Sec, 5 * Sec);
        break;
    case Channel::B2b:
        lag = span(m_r, 5 * Min, 2 * Hour);
        break;
    case Channel::Phone:
        lag = m_r.between(5 * Sec, Min);
        break;
    }
    m_s.capturedAt = std::max(m_in.orderedAt, std::min(m_in.orderedAt + lag, m_in.now - Sec));
    schedule();
    auto& T = m_t[0];

    Disruption d;
    const bool split = m_in.groupCount == 2 && !m_in.forced;
    const double roll = m_r.uniform();
    const double u1 = m_r.uniform(), u2 = m_r.uniform();
    if (m_in.forced && progressRank(*m_in.forced) >= 0) {
        squeezeForced(progressRank(*m_in.forced));
    } else if (m_in.forced == OrderStatus::Cancelled ||
               (!m_in.forced && roll < StoryGenerator::cancelShare)) {
        d.kind = Disruption::Kind::Cancel;
        // Before release at the latest: the moment of routing must not depend on the steps after it.
        const qint64 latest = std::min(T[3], m_in.now);
        d.cancelAt = m_in.forced
                         ? m_s.capturedAt + qint64(double(latest - m_s.capturedAt) * (0.05 + 0.9 * u1))
                         : m_s.capturedAt + span(m_r, 2 * Min, 20 * Hour);
    } else if (m_in.forced == OrderStatus::Exception ||
               (!m_in.forced && roll < StoryGenerator::cancelShare + StoryGenerator::exceptionShare)) {
        d.kind = Disruption::Kind::Exception;
        if (m_in.forced) {
            int natural = 0;
            while (natural < Delivered && T[natural + 1] <= m_in.now)
                ++natural;
            d.heldRank = std::min(natural, 6);
            T[Delivered] = d.heldRank == 6 ? Never : T[Delivered];
        } else {
            static const WeightedPicker where(QList<double>{30, 22, 4, 4, 16, 10, 14});
            d.heldRank = where.pick(m_r);
        }
        const int h = d.heldRank;
        const qint64 next = h == 6 ? T[6] + (T[7] - T[6]) : T[h + 1];
        d.raiseAt = h <= 1 ? T[h + 1] : T[h] + qint64(double(next - T[h]) * (0.2 + 0.7 * u2));
        if (m_in.forced) {
            d.raiseAt = std::min(d.raiseAt, m_in.now - Sec);
            d.raiseAt = std::max(d.raiseAt, T[h]);
        } else {
            d.resolveAt = m_r.chance(0.03) ? Never : d.raiseAt + span(m_r, 15 * Min, 3 * Day);
            d.cancelAfterHold = h < 6 && m_r.chance(0.15);
        }
    }

    record(m_s.capturedAt, m_in.captureActor, u"capture"_s, {}, OrderStatus::Pending, {},
           u"captured from %1, %2 line(s)"_s.arg(channelCode(m_in.channel)).arg(m_in.lineCount));
    if (split) {
        // The lines of a split order move on apart once routed, with no hold or cancellation after that; one
        // before routing happens as to any order (the order is not split yet).
        const bool beforeRouting = (d.kind == Disruption::Kind::Cancel && d.cancelAt < T[2]) ||
                                   (d.kind == Disruption::Kind::Exception && d.heldRank <= 1);
        if (!beforeRouting) {
            walkSplit(0);
        } else {
            walkSingle(d, 2);
            if (m_s.status == OrderStatus::Routed)
                walkSplit(2);
            else
                m_s.groupStatus = {m_s.status, m_s.status};
        }
    } else {
        walkSingle(d, Delivered);
        m_s.groupStatus = {m_s.status, m_s.status};
    }
    return m_s;
}

} // namespace

OrderStatus OrderStory::lineStatus(int group) const {
    if (status == OrderStatus::Exception)
        return heldFrom.value_or(OrderStatus::Pending);
    if (status == OrderStatus::Cancelled)
        return OrderStatus::Cancelled;
    return groupStatus.at(group);
}

OrderStory StoryGenerator::tell(DemoRandom& random, const StoryInput& input) {
    return Teller(random, input).run();
}

} // namespace ordo
