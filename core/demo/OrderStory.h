#pragma once

#include "model/Channel.h"
#include "model/Order.h"
#include "model/OrderStatus.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace ordo {

// One audit event of a demo order, as OrderCapture and OrderLifecycle would have written it.
struct StoryEvent {
    qint64 at = 0; // ms since the epoch, UTC
    QString actor;
    QString action; // capture, transition, lines, exception, release, cancel
    std::optional<OrderStatus> from;
    std::optional<OrderStatus> to;
    QString reason;
    QString detail;
};

struct StoryHold {
    QString code;
    QString detail;
    qint64 raisedAt = 0;
    QString raisedBy;
    qint64 resolvedAt = 0; // 0: still open
    QString resolvedBy;
    QString resolution;
};

// What an order's history depends on.
struct StoryInput {
    enum class Site { Dc, Store, Vendor };
    Channel channel = Channel::Web;
    DeliveryMethod delivery = DeliveryMethod::Ship;
    qint64 orderedAt = 0;
    qint64 now = 0;
    int lineCount = 1;
    int transitDays = 2;
    QString captureActor;
    // One group of lines per fulfilling location; two groups make a split order.
    int groupCount = 1;
    std::array<Site, 2> site{Site::Dc, Site::Dc};
    std::array<QString, 2> locationCode;
    std::array<QStringList, 2> staff;
    std::array<QList<int>, 2> lineNos;
    QStringList customerService;
    QStringList managers;
    // How the router decided, added to the routed event ("rules v2, strategy ..."); empty: nothing added.
    QString routingNote;
    // Makes the order end in this state (used so that even a small demo shows every state).
    std::optional<OrderStatus> forced;
};

// An order's whole life up to `now`: its events, holds and where it and its lines stand.
struct OrderStory {
    OrderStatus status = OrderStatus::Pending;
    std::optional<OrderStatus> heldFrom;
    qint64 capturedAt = 0;
    qint64 statusChangedAt = 0;
    std::array<OrderStatus, 2> groupStatus{OrderStatus::Pending, OrderStatus::Pending};
    bool routed = false; // lines were assigned to locations at some point
    // When the order was routed (0: never). It depends only on the order's own randomness and time, never on
    // where it is routed to, so a story told once to learn the moment and told again with the router's
    // assignment routes at the same moment.
    qint64 routedAt = 0;
    qint64 cancelledAt = 0;            // 0: not cancelled
    std::array<qint64, 2> shippedAt{}; // per group; 0: not shipped
    QList<StoryEvent> events;
    QList<StoryHold> holds;

    // The state of the lines of a group: the group's own state for split orders, else the order's; lines of
    // a held order stay where they were held.
    OrderStatus lineStatus(int group) const;
};

} // namespace ordo
