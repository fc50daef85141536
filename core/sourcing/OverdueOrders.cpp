#include "OverdueOrders.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

QList<OverdueOrder> OverdueOrders::list(const RuleSet& rules, qint64 nowMs, int limit) const {
    QList<OverdueOrder> found;
    SqlQuery q(
        m_db,
        u"SELECT o.id, o.order_number, o.status_changed_at, "
        "(SELECT h.code FROM order_holds h WHERE h.order_id = o.id AND h.resolved_at IS NULL "
        "ORDER BY h.id LIMIT 1) FROM orders o "
        "WHERE o.status = :status AND o.status_changed_at <= :cutoff ORDER BY o.status_changed_at, o.id"_s +
            (limit > 0 ? u" LIMIT %1"_s.arg(limit) : QString()));
    for (auto it = rules.stateLimitHours.cbegin(); it != rules.stateLimitHours.cend(); ++it) {
        const qint64 limitMs = qint64(it.value()) * 3600 * 1000;
        q.bind(u":status"_s, orderStatusCode(it.key())).bind(u":cutoff"_s, nowMs - limitMs).exec();
        while (q.next()) {
            OverdueOrder o;
            o.orderId = q.value(0).toLongLong();
            o.orderNumber = q.value(1).toString();
            o.status = it.key();
            o.since = fromStoredTime(q.value(2));
            o.waitedHours = double(nowMs - q.value(2).toLongLong()) / 3600000.0;
            o.limitHours = it.value();
            o.exceptionCode = q.value(3).toString();
            found << o;
        }
        q.raw().finish();
    }
    std::sort(found.begin(), found.end(), [](const OverdueOrder& a, const OverdueOrder& b) {
        return a.waitedHours != b.waitedHours ? a.waitedHours > b.waitedHours : a.orderId < b.orderId;
    });
    if (limit > 0 && found.size() > limit)
        found.resize(limit);
    return found;
}

} // namespace ordo
