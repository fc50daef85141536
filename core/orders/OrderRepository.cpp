#include "OrderRepository.h"

#include "Error.h"
#include "orders/SearchKeys.h"
#include "storage/Database.h"
#include "storage/KeyLookup.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// An address's six columns from `first` on: name, line 1, city, region, postal code, country.
template <typename Row> void readAddress(const Row& q, int first, Address& address) {
    address.name = q.value(first).toString();
    address.line1 = q.value(first + 1).toString();
    address.city = q.value(first + 2).toString();
    address.region = q.value(first + 3).toString();
    address.postalCode = q.value(first + 4).toString();
    address.country = q.value(first + 5).toString();
}

QVariant textOrNull(const QString& s) {
    return s.isEmpty() ? nullString() : QVariant(s);
}

// The buyer's own name when the channel sent one, else the ship-to name (a gift may go to someone else).
QString customerName(const Order& order) {
    return order.customerName.isEmpty() ? order.shipTo.name : order.customerName;
}

} // namespace

OrderRepository::OrderRepository(Database& db)
    : m_db(db) {}

OrderRepository::~OrderRepository() = default;

SqlQuery& OrderRepository::prepared(std::unique_ptr<SqlQuery>& slot, const QString& sql) {
    if (!slot)
        slot = std::make_unique<SqlQuery>(m_db, sql);
    return *slot;
}

qint64 OrderRepository::upsertCustomer(const Order& order, const SearchKeys& keys, qint64 now) {
    if (keys.email.isEmpty()) {
        SqlQuery& q = prepared(
            m_insertAnonymousCustomer,
            u"INSERT INTO customers (email_lc, phone, name, created_at) VALUES (NULL, :phone, :name, "
            ":now) RETURNING id"_s);
        q.bind(u":phone"_s, textOrNull(order.customerPhone))
            .bind(u":name"_s, textOrNull(customerName(order)));
        q.bind(u":now"_s, now);
        return q.scalar().toLongLong();
    }
    // The latest order's phone and name win; the e-mail identifies the customer.
    SqlQuery& q = prepared(
        m_upsertCustomer,
        u"INSERT INTO customers (email_lc, phone, name, created_at) VALUES (:email, :phone, :name, :now) "
        "ON CONFLICT (email_lc) DO UPDATE SET "
        "phone = COALESCE(excluded.phone, customers.phone), name = COALESCE(excluded.name, customers.name) "
        "RETURNING id"_s);
    q.bind(u":email"_s, keys.email)
        .bind(u":phone"_s, textOrNull(order.customerPhone))
        .bind(u":name"_s, textOrNull(customerName(order)))
        .bind(u":now"_s, now);
    return q.scalar().toLongLong();
}

qint64 OrderRepository::insert(Order& order, const QHash<QString, qint64>& skuIds,
                               const QHash<QString, qint64>& locationIds) {
    const qint64 now = nowStoredTime();
    const SearchKeys keys = SearchKeys::from(order.customerEmail, order.customerPhone, order.shipTo.name);
    const qint64 customerId = upsertCustomer(order, keys, now);
    const std::optional<GeoPoint>& pos = order.shipTo.position;
    const auto pickupId = locationIds.constFind(order.pickupLocationCode);

    SqlQuery& q = prepared(
        m_insertOrder,
        u"INSERT INTO orders (order_number, channel, external_id, status, ordered_at, status_changed_at, "
        "customer_id, customer_email, email_lc, customer_phone, phone_digits, ship_name, name_lc, "
        "surname_lc, "
        "address1, city, region, postal_code, country, latitude, longitude, delivery, pickup_location_id, "
        "requested_at, priority, currency, total_minor, line_count, created_at, customer_name, bill_name, "
        "bill_address1, bill_city, bill_region, bill_postal_code, bill_country, ship_method, payment_status) "
        "VALUES (:number, :channel, "
        ":external, :status, :ordered_at, :changed_at, :customer, :email, :email_lc, :phone, :phone_digits, "
        ":ship_name, :name_lc, :surname_lc, :address1, :city, :region, :postal, :country, :lat, :lon, "
        ":delivery, :pickup, :requested, :priority, :currency, :total, :lines, :created, :customer_name, "
        ":bill_name, :bill_address1, :bill_city, :bill_region, :bill_postal, :bill_country, :ship_method, "
        ":payment) RETURNING id"_s);
    q.bind(u":number"_s, order.orderNumber)
        .bind(u":channel"_s, channelCode(order.channel))
        .bind(u":external"_s, order.externalId.isEmpty() ? order.orderNumber : order.externalId)
        .bind(u":status"_s, orderStatusCode(order.status))
        .bind(u":ordered_at"_s, toStoredTime(order.orderedAt))
        .bind(u":changed_at"_s, now)
        .bind(u":customer"_s, customerId)
        .bind(u":email"_s, textOrNull(order.customerEmail))
        .bind(u":email_lc"_s, textOrNull(keys.email))
        .bind(u":phone"_s, textOrNull(order.customerPhone))
        .bind(u":phone_digits"_s, textOrNull(keys.phoneDigits))
        .bind(u":ship_name"_s, textOrNull(order.shipTo.name))
        .bind(u":name_lc"_s, textOrNull(keys.name))
        .bind(u":surname_lc"_s, textOrNull(keys.surname))
        .bind(u":address1"_s, textOrNull(order.shipTo.line1))
        .bind(u":city"_s, textOrNull(order.shipTo.city))
        .bind(u":region"_s, textOrNull(order.shipTo.region))
        .bind(u":postal"_s, textOrNull(order.shipTo.postalCode))
        .bind(u":country"_s, textOrNull(order.shipTo.country))
        .bind(u":lat"_s, pos ? QVariant(pos->latitude) : nullDouble())
        .bind(u":lon"_s, pos ? QVariant(pos->longitude) : nullDouble())
        .bind(u":delivery"_s, deliveryMethodCode(order.delivery))
        .bind(u":pickup"_s, pickupId != locationIds.cend() ? QVariant(*pickupId) : nullInt64())
        .bind(u":requested"_s, toStoredTimeOrNull(order.requestedAt))
        .bind(u":priority"_s, order.priority)
        .bind(u":currency"_s, order.currency)
        .bind(u":total"_s, order.totalMinor())
        .bind(u":lines"_s, int(order.lines.size()))
        .bind(u":created"_s, now)
        .bind(u":customer_name"_s, textOrNull(order.customerName))
        .bind(u":bill_name"_s, textOrNull(order.billTo.name))
        .bind(u":bill_address1"_s, textOrNull(order.billTo.line1))
        .bind(u":bill_city"_s, textOrNull(order.billTo.city))
        .bind(u":bill_region"_s, textOrNull(order.billTo.region))
        .bind(u":bill_postal"_s, textOrNull(order.billTo.postalCode))
        .bind(u":bill_country"_s, textOrNull(order.billTo.country))
        .bind(u":ship_method"_s, textOrNull(order.shipMethod))
        .bind(u":payment"_s, paymentStatusCode(order.payment));
    order.id = q.scalar().toLongLong();

    SqlQuery& line = prepared(
        m_insertLine,
        u"INSERT INTO order_lines (order_id, line_no, sku_code, sku_id, quantity, unit_price_minor, "
        "currency, status, location_id, external_line_id, title, tax_minor, discount_minor) VALUES (:order, "
        ":no, :sku, :sku_id, :qty, :price, :currency, :status, :location, :external_line, :title, "
        ":tax, :discount)"_s);
    for (const OrderLine& l : std::as_const(order.lines)) {
        const auto skuId = skuIds.constFind(l.skuCode);
        const auto locationId = locationIds.constFind(l.locationCode);
        line.bind(u":order"_s, order.id)
            .bind(u":no"_s, l.lineNo)
            .bind(u":sku"_s, l.skuCode.isNull() ? u""_s : l.skuCode) // a line sent without one: ''
            .bind(u":sku_id"_s, skuId != skuIds.cend() ? QVariant(*skuId) : nullInt64())
            .bind(u":qty"_s, l.quantity)
            .bind(u":price"_s, l.unitPrice.minor)
            .bind(u":currency"_s, l.unitPrice.currency.isEmpty() ? order.currency : l.unitPrice.currency)
            .bind(u":status"_s, orderStatusCode(l.status))
            .bind(u":location"_s, locationId != locationIds.cend() ? QVariant(*locationId) : nullInt64())
            .bind(u":external_line"_s, textOrNull(l.externalLineId))
            .bind(u":title"_s, textOrNull(l.title))
            .bind(u":tax"_s, l.taxMinor)
            .bind(u":discount"_s, l.discountMinor);
        line.exec();
    }
    if (!order.charges.isEmpty()) {
        SqlQuery& charge =
            prepared(m_insertCharge, u"INSERT INTO order_charges (order_id, position, kind, label, "
                                     "amount_minor) VALUES (:order, :pos, :kind, :label, :amount)"_s);
        int position = 0;
        for (const OrderCharge& c : std::as_const(order.charges)) {
            charge.bind(u":order"_s, order.id)
                .bind(u":pos"_s, ++position)
                .bind(u":kind"_s, orderChargeKindCode(c.kind))
                .bind(u":label"_s, c.label)
                .bind(u":amount"_s, c.amountMinor);
            charge.exec();
        }
    }
    return order.id;
}

std::optional<qint64> OrderRepository::idForExternal(Channel channel, const QString& externalId) {
    SqlQuery& q = prepared(m_idForExternal,
                           u"SELECT id FROM orders WHERE channel = :channel AND external_id = :external"_s);
    q.bind(u":channel"_s, channelCode(channel)).bind(u":external"_s, externalId);
    if (const auto id = q.optionalScalar())
        return id->toLongLong();
    return std::nullopt;
}

std::optional<qint64> OrderRepository::idForNumber(const QString& orderNumber) {
    SqlQuery& q = prepared(m_idForNumber, u"SELECT id FROM orders WHERE order_number = :number"_s);
    q.bind(u":number"_s, orderNumber);
    if (const auto id = q.optionalScalar())
        return id->toLongLong();
    return std::nullopt;
}

std::optional<Order> OrderRepository::load(qint64 id) const {
    QList<Order> one = loadMany({id});
    if (one.isEmpty())
        return std::nullopt;
    return std::move(one.first());
}

QList<Order> OrderRepository::loadMany(const QList<qint64>& ids) const {
    // A few statements for the whole set (lookUpKeys), so that a routing run reads a page of a backlog at
    // once rather than four statements an order.
    QHash<qint64, Order> byId;
    byId.reserve(ids.size());
    lookUpKeys(
        m_db,
        u"SELECT o.id, o.order_number, o.channel, o.external_id, o.status, o.ordered_at, "
        "o.customer_email, o.customer_phone, o.ship_name, o.address1, o.city, o.region, o.postal_code, "
        "o.country, o.latitude, o.longitude, o.delivery, p.code, o.requested_at, o.priority, "
        "o.currency, o.customer_name, o.bill_name, o.bill_address1, o.bill_city, o.bill_region, "
        "o.bill_postal_code, o.bill_country, o.ship_method, o.payment_status "
        "FROM orders o LEFT JOIN locations p ON p.id = o.pickup_location_id WHERE o.id"_s,
        ids, QString(), QVariant(), [&](auto& q) {
            Order o;
            o.id = q.value(0).toLongLong();
            o.orderNumber = q.value(1).toString();
            o.channel = channelFromCode(q.value(2).toString()).value_or(Channel::Web);
            o.externalId = q.value(3).toString();
            o.status = orderStatusFromCode(q.value(4).toString()).value_or(OrderStatus::Pending);
            o.orderedAt = fromStoredTime(q.value(5));
            o.customerEmail = q.value(6).toString();
            o.customerPhone = q.value(7).toString();
            readAddress(q, 8, o.shipTo);
            const QVariant latitude = q.value(14), longitude = q.value(15);
            if (!latitude.isNull() && !longitude.isNull())
                o.shipTo.position = GeoPoint{latitude.toDouble(), longitude.toDouble()};
            o.delivery = deliveryMethodFromCode(q.value(16).toString()).value_or(DeliveryMethod::Ship);
            o.pickupLocationCode = q.value(17).toString();
            o.requestedAt = fromStoredTime(q.value(18));
            o.priority = q.value(19).toInt();
            o.currency = q.value(20).toString();
            o.customerName = q.value(21).toString();
            readAddress(q, 22, o.billTo);
            o.shipMethod = q.value(28).toString();
            o.payment = paymentStatusFromCode(q.value(29).toString()).value_or(PaymentStatus::Unknown);
            byId.insert(o.id, std::move(o));
        });
    if (byId.isEmpty())
        return {};
    const QList<qint64> found = byId.keys();
    lookUpKeys(m_db,
               u"SELECT l.order_id, l.line_no, l.sku_code, l.quantity, l.unit_price_minor, l.currency, "
               "l.status, loc.code, l.external_line_id, l.title, l.tax_minor, l.discount_minor "
               "FROM order_lines l LEFT JOIN locations loc ON loc.id = l.location_id WHERE l.order_id"_s,
               found, u" ORDER BY l.order_id, l.line_no"_s, QVariant(), [&](auto& q) {
                   OrderLine l;
                   l.lineNo = q.value(1).toInt();
                   l.skuCode = q.value(2).toString();
                   l.quantity = q.value(3).toInt();
                   l.unitPrice = {q.value(4).toLongLong(), q.value(5).toString()};
                   l.status = orderStatusFromCode(q.value(6).toString()).value_or(OrderStatus::Pending);
                   l.locationCode = q.value(7).toString();
                   l.externalLineId = q.value(8).toString();
                   l.title = q.value(9).toString();
                   l.taxMinor = q.value(10).toLongLong();
                   l.discountMinor = q.value(11).toLongLong();
                   byId[q.value(0).toLongLong()].lines << l;
               });
    lookUpKeys(m_db, u"SELECT order_id, kind, label, amount_minor FROM order_charges WHERE order_id"_s, found,
               u" ORDER BY order_id, position"_s, QVariant(), [&](auto& q) {
                   byId[q.value(0).toLongLong()].charges << OrderCharge{
                       orderChargeKindFromCode(q.value(1).toString()).value_or(OrderCharge::Kind::Fee),
                       q.value(2).toString(), q.value(3).toLongLong()};
               });
    lookUpKeys(m_db,
               u"SELECT order_id, code, detail FROM order_holds WHERE resolved_at IS NULL AND order_id"_s,
               found, u" ORDER BY order_id, id"_s, QVariant(), [&](auto& q) {
                   byId[q.value(0).toLongLong()].exceptionReasons
                       << ExceptionReason{q.value(1).toString(), q.value(2).toString()};
               });
    QList<Order> orders;
    orders.reserve(byId.size());
    for (qint64 id : ids) {
        auto it = byId.find(id);
        if (it != byId.end()) {
            orders << std::move(*it);
            byId.erase(it);
        }
    }
    return orders;
}

QList<OrderStatus> OrderRepository::lineStatuses(qint64 id) const {
    SqlQuery q(m_db, u"SELECT status FROM order_lines WHERE order_id = :id ORDER BY line_no"_s);
    q.bind(u":id"_s, id);
    q.exec();
    QList<OrderStatus> result;
    while (q.next())
        result << orderStatusFromCode(q.value(0).toString()).value_or(OrderStatus::Pending);
    return result;
}

void OrderRepository::addHold(qint64 id, const ExceptionReason& reason, const QString& actor, qint64 atMs) {
    SqlQuery q(m_db, u"INSERT INTO order_holds (order_id, code, detail, raised_at, raised_by) "
                     "VALUES (:id, :code, :detail, :at, :by)"_s);
    q.bind(u":id"_s, id)
        .bind(u":code"_s, reason.code)
        .bind(u":detail"_s, reason.detail)
        .bind(u":at"_s, atMs)
        .bind(u":by"_s, actor);
    q.exec();
}

void OrderRepository::resolveHolds(qint64 id, const QString& actor, const QString& resolution, qint64 atMs,
                                   const QStringList& codes) {
    SqlQuery q(m_db, u"UPDATE order_holds SET resolved_at = :at, resolved_by = :by, resolution = :resolution "
                     "WHERE order_id = :id AND resolved_at IS NULL"_s +
                         (codes.isEmpty() ? QString() : u" AND code = :code"_s));
    if (codes.isEmpty()) {
        q.bind(u":at"_s, atMs).bind(u":by"_s, actor).bind(u":resolution"_s, resolution).bind(u":id"_s, id);
        q.exec();
        return;
    }
    for (const QString& code : codes) {
        q.bind(u":at"_s, atMs).bind(u":by"_s, actor).bind(u":resolution"_s, resolution).bind(u":id"_s, id);
        q.bind(u":code"_s, code).exec();
    }
}

void OrderRepository::setShipTo(qint64 id, const Address& a, const SearchKeys& keys) {
    const std::optional<GeoPoint>& pos = a.position;
    SqlQuery q(m_db, u"UPDATE orders SET ship_name = :name, name_lc = :name_lc, surname_lc = :surname_lc, "
                     "address1 = :line1, city = :city, region = :region, postal_code = :postal, "
                     "country = :country, latitude = :lat, longitude = :lon WHERE id = :id"_s);
    q.bind(u":name"_s, textOrNull(a.name))
        .bind(u":name_lc"_s, textOrNull(keys.name))
        .bind(u":surname_lc"_s, textOrNull(keys.surname))
        .bind(u":line1"_s, textOrNull(a.line1))
        .bind(u":city"_s, textOrNull(a.city))
        .bind(u":region"_s, textOrNull(a.region))
        .bind(u":postal"_s, textOrNull(a.postalCode))
        .bind(u":country"_s, textOrNull(a.country))
        .bind(u":lat"_s, pos ? QVariant(pos->latitude) : nullDouble())
        .bind(u":lon"_s, pos ? QVariant(pos->longitude) : nullDouble())
        .bind(u":id"_s, id);
    q.exec();
}

void OrderRepository::setLineSku(qint64 id, int lineNo, const QString& skuCode, std::optional<qint64> skuId) {
    SqlQuery q(m_db, u"UPDATE order_lines SET sku_code = :code, sku_id = :sku WHERE order_id = :id AND "
                     "line_no = :no"_s);
    q.bind(u":code"_s, skuCode)
        .bind(u":sku"_s, skuId ? QVariant(*skuId) : nullInt64())
        .bind(u":id"_s, id)
        .bind(u":no"_s, lineNo);
    q.exec();
    if (q.rowsAffected() != 1)
        throw Error::notFound(u"the order has no line %1"_s.arg(lineNo));
}

} // namespace ordo
