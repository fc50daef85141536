// The database side of the SUSPECTED_DUPLICATE rule.
#include "orders/SearchKeys.h"
#include "orders/ValidationStore.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

using Items = QList<QPair<QString, int>>;

Items itemsOf(const Order& order) {
    QMap<QString, int> bySku;
    for (const OrderLine& line : order.lines)
        bySku[line.skuCode] += line.quantity;
    Items items;
    for (auto it = bySku.cbegin(); it != bySku.cend(); ++it)
        items << qMakePair(it.key(), it.value());
    return items;
}

} // namespace

OrderValidator::DuplicateFinder databaseDuplicateFinder(Database& db) {
    return [&db](const Order& order, qint64 windowMs) {
        const SearchKeys keys = SearchKeys::from(order.customerEmail, order.customerPhone, QString());
        const bool byEmail = !keys.email.isEmpty();
        if (!byEmail && keys.phoneDigits.isEmpty())
            return QStringList();
        // Indexed by e-mail or phone; the window keeps the candidates few.
        SqlQuery q(
            db, u"SELECT o.id, o.order_number, l.sku_code, l.quantity FROM orders o "
                "JOIN order_lines l ON l.order_id = o.id WHERE "_s +
                    (byEmail ? u"o.email_lc = :key"_s : u"o.phone_digits = :key"_s) +
                    u" AND o.ordered_at BETWEEN :from AND :to AND o.status <> 'cancelled' AND o.id <> :self "
                    "AND NOT (o.channel = :channel AND o.external_id = :external) ORDER BY o.id"_s);
        const qint64 at = toStoredTime(order.orderedAt);
        q.bind(u":key"_s, byEmail ? keys.email : keys.phoneDigits)
            .bind(u":from"_s, at - windowMs)
            .bind(u":to"_s, at + windowMs)
            .bind(u":self"_s, order.id)
            .bind(u":channel"_s, channelCode(order.channel))
            .bind(u":external"_s, order.externalId.isEmpty() ? order.orderNumber : order.externalId);
        q.exec();
        QMap<qint64, QPair<QString, QMap<QString, int>>> candidates;
        while (q.next()) {
            auto& c = candidates[q.value(0).toLongLong()];
            c.first = q.value(1).toString();
            c.second[q.value(2).toString()] += q.value(3).toInt();
        }
        const Items mine = itemsOf(order);
        QStringList matches;
        for (const auto& c : std::as_const(candidates)) {
            Items theirs;
            for (auto it = c.second.cbegin(); it != c.second.cend(); ++it)
                theirs << qMakePair(it.key(), it.value());
            if (theirs == mine)
                matches << c.first;
        }
        return matches;
    };
}

} // namespace ordo
