#include "OrderQuery.h"

#include "orders/OrderRepository.h"
#include "orders/SearchKeys.h"
#include "storage/AuditTrail.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// The WHERE clause of a filter and the values it binds.
struct Where {
    QString sql;
    QList<QPair<QString, QVariant>> values;
    QList<QPair<QString, QString>> prefixes;

    void bindTo(SqlQuery& q) const {
        for (const auto& [name, value] : values)
            q.bind(name, value);
        for (const auto& [name, prefix] : prefixes)
            q.bindPrefix(name, prefix);
    }
};

Where whereFor(const Database& db, const OrderFilter& f) {
    Where w;
    QStringList conditions;
    if (f.status) {
        conditions << u"o.status = :status"_s;
        w.values.append({u":status"_s, orderStatusCode(*f.status)});
    }
    if (f.channel) {
        conditions << u"o.channel = :channel"_s;
        w.values.append({u":channel"_s, channelCode(*f.channel)});
    }
    if (f.from.isValid()) {
        conditions << u"o.ordered_at >= :from"_s;
        w.values.append({u":from"_s, toStoredTime(f.from)});
    }
    if (f.to.isValid()) {
        conditions << u"o.ordered_at < :to"_s;
        w.values.append({u":to"_s, toStoredTime(f.to)});
    }
    if (!f.locationCode.isEmpty()) {
        conditions
            << u"(o.pickup_location_id = (SELECT id FROM locations WHERE code = :loc1) OR EXISTS (SELECT 1 "
               "FROM order_lines ol WHERE ol.order_id = o.id AND ol.location_id = "
               "(SELECT id FROM locations WHERE code = :loc2)))"_s;
        w.values.append({u":loc1"_s, f.locationCode});
        w.values.append({u":loc2"_s, f.locationCode});
    }
    const QString search = f.search.trimmed();
    if (!search.isEmpty()) {
        const Dialect& d = db.dialect();
        const SearchKeys keys = SearchKeys::from(search, search, search);
        QStringList any;
        any << d.prefixMatch(u"o.order_number"_s, u":s_number"_s);
        w.prefixes.append({u":s_number"_s, search});
        // The channel's own id is exact, not a prefix: it is long and shared prefixes are meaningless.
        any << u"o.external_id = :s_external"_s;
        w.values.append({u":s_external"_s, search});
        any << d.prefixMatch(u"o.email_lc"_s, u":s_email"_s);
        w.prefixes.append({u":s_email"_s, keys.email});
        any << d.prefixMatch(u"o.name_lc"_s, u":s_name"_s);
        w.prefixes.append({u":s_name"_s, keys.name});
        if (!keys.name.contains(u' ')) {
            any << d.prefixMatch(u"o.surname_lc"_s, u":s_surname"_s);
            w.prefixes.append({u":s_surname"_s, keys.name});
        }
        // Short digit runs would match half the database; a phone search needs a few digits.
        if (keys.phoneDigits.size() >= 4 && keys.phoneDigits.size() * 2 >= search.size()) {
            // The last ten digits: the national number without country code or trunk prefix in most plans.
            any << d.prefixMatch(u"o.phone_digits"_s, u":s_phone"_s);
            w.prefixes.append({u":s_phone"_s, keys.phoneDigits.left(10)});
        }
        conditions << u"("_s + any.join(u" OR "_s) + u")"_s;
    }
    if (!conditions.isEmpty())
        w.sql = u" WHERE "_s + conditions.join(u" AND "_s);
    return w;
}

QString orderByFor(OrderSort sort, bool descending) {
    const QString dir = descending ? u" DESC"_s : u" ASC"_s;
    switch (sort) {
    case OrderSort::OrderedAt:
        return u" ORDER BY o.ordered_at"_s + dir + u", o.id"_s + dir;
    case OrderSort::OrderNumber:
        return u" ORDER BY o.order_number"_s + dir;
    case OrderSort::Status:
        return u" ORDER BY o.status"_s + dir + u", o.ordered_at"_s + dir + u", o.id"_s + dir;
    case OrderSort::Channel:
        return u" ORDER BY o.channel"_s + dir + u", o.ordered_at"_s + dir + u", o.id"_s + dir;
    case OrderSort::Total:
        return u" ORDER BY o.total_minor"_s + dir + u", o.id"_s + dir;
    }
    return {};
}

const QString summaryColumns =
    u"SELECT o.id, o.order_number, o.channel, o.status, o.ordered_at, o.status_changed_at, "
    "o.customer_email, COALESCE(o.customer_name, o.ship_name), o.total_minor, o.currency, "
    "o.line_count, o.delivery, "
    "(SELECT h.code FROM order_holds h WHERE h.order_id = o.id AND h.resolved_at IS NULL "
    "ORDER BY h.id LIMIT 1), "
    "(SELECT h.detail FROM order_holds h WHERE h.order_id = o.id AND h.resolved_at IS NULL "
    "ORDER BY h.id LIMIT 1) "
    "FROM orders o"_s;

void readSummaries(SqlQuery& q, QList<OrderSummary>& rows) {
    while (q.next()) {
        OrderSummary s;
        s.id = q.value(0).toLongLong();
        s.orderNumber = q.value(1).toString();
        s.channel = channelFromCode(q.value(2).toString()).value_or(Channel::Web);
        s.status = orderStatusFromCode(q.value(3).toString()).value_or(OrderStatus::Pending);
        s.orderedAt = fromStoredTime(q.value(4));
        s.statusChangedAt = fromStoredTime(q.value(5));
        s.customerEmail = q.value(6).toString();
        s.customerName = q.value(7).toString();
        s.totalMinor = q.value(8).toLongLong();
        s.currency = q.value(9).toString();
        s.lineCount = q.value(10).toInt();
        s.delivery = deliveryMethodFromCode(q.value(11).toString()).value_or(DeliveryMethod::Ship);
        s.exceptionCode = q.value(12).toString();
        s.exceptionDetail = q.value(13).toString();
        rows << s;
    }
}

} // namespace

QList<OrderSummary> OrderQuery::page(const OrderFilter& filter, OrderSort sort, bool descending, int offset,
                                     int limit) const {
    const Where where = whereFor(m_db, filter);
    SqlQuery q(m_db,
               summaryColumns + where.sql + orderByFor(sort, descending) + u" LIMIT :limit OFFSET :offset"_s);
    where.bindTo(q);
    limit = qBound(0, limit, maxPageSize);
    q.bind(u":limit"_s, limit).bind(u":offset"_s, qMax(0, offset));
    q.exec();
    QList<OrderSummary> rows;
    rows.reserve(qMin(limit, 256)); // the rows there are, not the rows asked for
    readSummaries(q, rows);
    return rows;
}

QList<OrderSummary> OrderQuery::summaries(const OrderFilter& filter, const QList<qint64>& orderIds) const {
    QList<OrderSummary> rows;
    const Where where = whereFor(m_db, filter);
    // A bounded number of placeholders per statement, so that the statement text repeats and stays cached.
    constexpr qsizetype chunk = 64;
    for (qsizetype start = 0; start < orderIds.size(); start += chunk) {
        const QList<qint64> ids = orderIds.mid(start, chunk);
        QStringList names;
        for (qsizetype i = 0; i < ids.size(); ++i)
            names << u":id%1"_s.arg(i);
        const QString idCondition = u"o.id IN ("_s + names.join(u", "_s) + u")"_s;
        SqlQuery q(m_db, summaryColumns + (where.sql.isEmpty() ? u" WHERE "_s : where.sql + u" AND "_s) +
                             idCondition);
        where.bindTo(q);
        for (qsizetype i = 0; i < ids.size(); ++i)
            q.bind(names.at(i), ids.at(i));
        q.exec();
        readSummaries(q, rows);
    }
    return rows;
}

qint64 OrderQuery::count(const OrderFilter& filter) const {
    const Where where = whereFor(m_db, filter);
    SqlQuery q(m_db, u"SELECT count(*) FROM orders o"_s + where.sql);
    where.bindTo(q);
    return q.scalar().toLongLong();
}

std::optional<OrderDetail> OrderQuery::detail(qint64 orderId) const {
    auto order = OrderRepository(m_db).load(orderId);
    if (!order)
        return std::nullopt;
    OrderDetail d;
    d.order = std::move(*order);
    d.customerName = d.order.customerName.isEmpty() ? d.order.shipTo.name : d.order.customerName;
    d.events = AuditTrail(m_db).forEntity(u"order"_s, orderId);
    SqlQuery sources(m_db, u"SELECT format, file_name, reference, imported_at FROM source_documents "
                           "WHERE order_id = :id ORDER BY id"_s);
    sources.bind(u":id"_s, orderId);
    sources.exec();
    while (sources.next())
        d.sources << OrderSource{sources.value(0).toString(), sources.value(1).toString(),
                                 sources.value(2).toString(), fromStoredTime(sources.value(3))};
    return d;
}

std::optional<qint64> OrderQuery::findId(const QString& orderNumberOrExternalId) const {
    SqlQuery q(m_db, u"SELECT id FROM orders WHERE order_number = :number UNION ALL "
                     "SELECT id FROM orders WHERE external_id = :external"_s);
    q.bind(u":number"_s, orderNumberOrExternalId).bind(u":external"_s, orderNumberOrExternalId);
    q.exec();
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

QList<QPair<OrderStatus, qint64>> OrderQuery::countsByStatus() const {
    SqlQuery q(m_db, u"SELECT status, count(*) FROM orders GROUP BY status"_s);
    q.exec();
    QHash<QString, qint64> counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toLongLong());
    QList<QPair<OrderStatus, qint64>> result;
    for (OrderStatus s : allOrderStatuses)
        result.append({s, counts.value(orderStatusCode(s))});
    return result;
}

} // namespace ordo
