#include "RouteOptimize.h"

#include "Error.h"

#include <QDateTime>

namespace ordo::cli {

QList<RoutedOrder> routePendingJointly(RoutingService& service, bool dryRun, double timeLimitSeconds,
                                       BatchResult& batch) {
    const QList<Order> orders = service.pendingOrders();
    BatchOptions options;
    options.timeLimitSeconds = timeLimitSeconds;
    for (const Order& order : orders) {
        const QStringList rejected = service.rejectedLocations(order.id);
        if (!rejected.isEmpty())
            options.rejectedLocations.insert(order.id, QSet<QString>(rejected.begin(), rejected.end()));
    }
    RoutingContext context;
    context.nowMs = QDateTime::currentMSecsSinceEpoch();
    batch = optimizeBatch(orders, service.rules(), service.inventory(), service.network(), context, options);
    QList<RoutedOrder> routed;
    routed.reserve(orders.size());
    for (qsizetype i = 0; i < orders.size(); ++i) {
        try {
            routed << service.apply(orders.at(i), batch.decisions.at(i), dryRun);
        } catch (const Error& e) {
            routed << service.setAsideFailed(orders.at(i), e, dryRun); // the run goes on
        }
    }
    return routed;
}

} // namespace ordo::cli
