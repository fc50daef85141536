#include "DemoOrderWriter.h"

#include "orders/SearchKeys.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QVariant textOrNull(const QString& s) {
    return s.isEmpty() ? nullString() : QVariant(s);
}

QVariant stateOrNull(const std::optional<OrderStatus>& s) {
    return s ? QVariant(orderStatusCode(*s)) : nullString();
}

bool holdsStock(OrderStatus s) {
    return s == OrderStatus::Routed || s == OrderStatus::Released || s == OrderStatus::Picking ||
           s == OrderStatus::Packed;
}

} // namespace

DemoOrderWriter::DemoOrderWriter(Database& db, const QList<DemoSku>& catalog, const DemoNetwork& network,
                                 int customerPool)
    : m_catalog(catalog)
    , m_network(network)
    , m_customers(db, u"customers"_s, {u"id"_s, u"email_lc"_s, u"phone"_s, u"name"_s, u"created_at"_s})
    , m_orders(db, u"orders"_s,
               {u"id"_s,
                u"order_number"_s,
                u"channel"_s,
                u"external_id"_s,
                u"status"_s,
                u"held_from"_s,
                u"ordered_at"_s,
                u"status_changed_at"_s,
                u"customer_id"_s,
                u"customer_email"_s,
                u"email_lc"_s,
                u"customer_phone"_s,
                u"phone_digits"_s,
                u"ship_name"_s,
                u"name_lc"_s,
                u"surname_lc"_s,
                u"address1"_s,
                u"city"_s,
                u"region"_s,
                u"postal_code"_s,
                u"country"_s,
                u"latitude"_s,
                u"longitude"_s,
                u"delivery"_s,
                u"pickup_location_id"_s,
                u"requested_at"_s,
                u"priority"_s,
                u"currency"_s,
                u"total_minor"_s,
                u"line_count"_s,
                u"created_at"_s},
               BulkInsert::Send::OnFlush)
    , m_lines(db, u"order_lines"_s,
              {u"id"_s, u"order_id"_s, u"line_no"_s, u"sku_code"_s, u"sku_id"_s, u"quantity"_s,
               u"unit_price_minor"_s, u"currency"_s, u"status"_s, u"location_id"_s},
              BulkInsert::Send::OnFlush)
    , m_holds(db, u"order_holds"_s,
              {u"id"_s, u"order_id"_s, u"code"_s, u"detail"_s, u"raised_at"_s, u"raised_by"_s,
               u"resolved_at"_s, u"resolved_by"_s, u"resolution"_s},
              BulkInsert::Send::OnFlush)
    , m_history(db)
    , m_customerIds(size_t(customerPool), 0)
    , m_reserved(size_t(network.locations().size()) * size_t(catalog.size()), 0)
    , m_used(size_t(network.locations().size()) * size_t(catalog.size()), false) {}

void DemoOrderWriter::write(const DemoOrder& o) {
    const DemoPerson& p = o.person;
    const SearchKeys keys = SearchKeys::from(p.email, p.phone, p.fullName);
    const OrderStory& story = o.story;

    // Customers are matched by e-mail; one without an e-mail is a customer of one order (as OrderRepository
    // does).
    qint64 customerId = 0;
    const bool known = o.customer >= 0 && size_t(o.customer) < m_customerIds.size();
    if (known && m_customerIds[size_t(o.customer)] != 0) {
        customerId = m_customerIds[size_t(o.customer)];
    } else {
        customerId = m_nextCustomerId++;
        if (known)
            m_customerIds[size_t(o.customer)] = customerId;
        m_customers.add({customerId, textOrNull(keys.email), textOrNull(p.phone), textOrNull(p.fullName),
                         story.capturedAt});
    }

    const qint64 orderId = m_nextOrderId++;
    const auto locationId = [](int index) { return index < 0 ? nullInt64() : QVariant(qint64(index) + 1); };
    m_orders.add({orderId,
                  o.orderNumber,
                  channelCode(o.channel),
                  o.externalId,
                  orderStatusCode(story.status),
                  stateOrNull(story.heldFrom),
                  o.orderedAt,
                  story.statusChangedAt,
                  customerId,
                  textOrNull(p.email),
                  textOrNull(keys.email),
                  textOrNull(p.phone),
                  textOrNull(keys.phoneDigits),
                  textOrNull(p.fullName),
                  textOrNull(keys.name),
                  textOrNull(keys.surname),
                  textOrNull(p.address1),
                  textOrNull(p.city),
                  textOrNull(p.state),
                  textOrNull(p.zip),
                  u"US"_s,
                  p.position.latitude,
                  p.position.longitude,
                  deliveryMethodCode(o.delivery),
                  locationId(o.pickupLocation),
                  o.requestedAt > 0 ? QVariant(o.requestedAt) : nullInt64(),
                  o.priority,
                  u"USD"_s,
                  o.totalMinor(),
                  int(o.lines.size()),
                  story.capturedAt});

    const size_t skuCount = size_t(m_catalog.size());
    for (const DemoLine& line : o.lines) {
        const DemoSku& sku = m_catalog.at(line.sku);
        m_lines.add({m_nextLineId++, orderId, line.lineNo, sku.code, qint64(line.sku) + 1, line.quantity,
                     line.unitPriceMinor, u"USD"_s, orderStatusCode(line.status), locationId(line.location)});
        if (line.location >= 0) {
            const size_t cell = size_t(line.location) * skuCount + size_t(line.sku);
            m_used[cell] = true;
            if (holdsStock(line.status))
                m_reserved[cell] += line.quantity;
        }
    }
    for (const StoryHold& h : story.holds)
        m_holds.add({m_nextHoldId++, orderId, h.code, h.detail, h.raisedAt, h.raisedBy,
                     h.resolvedAt > 0 ? QVariant(h.resolvedAt) : nullInt64(), textOrNull(h.resolvedBy),
                     textOrNull(h.resolution)});
    for (const StoryEvent& e : story.events)
        m_history.recordPast(orderId, {0, fromStoredTime(e.at), e.actor, u"order"_s, orderId, e.action,
                                       e.from ? orderStatusCode(*e.from) : QString(),
                                       e.to ? orderStatusCode(*e.to) : QString(), e.reason, e.detail});
}

void DemoOrderWriter::flush() {
    // Parents first: foreign keys are checked per statement. Customers go out as their batches fill; the rest
    // waits for this call, so no line is sent before its order.
    m_customers.flush();
    m_orders.flush();
    m_lines.flush();
    m_holds.flush();
    m_history.flushPast();
}

} // namespace ordo
