#pragma once

#include "model/AuditEvent.h"
#include "model/Order.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace ordo {

class Database;

struct OrderFilter {
    std::optional<OrderStatus> status;
    std::optional<Channel> channel;
    QString locationCode; // orders with a line fulfilled at, or picked up at, this location
    QDateTime from;       // ordered at or after (UTC); null: open
    QDateTime to;         // ordered before (UTC); null: open
    QString search;       // order number, e-mail, phone or name (prefix, case-insensitive)
};

enum class OrderSort { OrderedAt, OrderNumber, Status, Channel, Total };

// One row of an order queue.
struct OrderSummary {
    qint64 id = 0;
    QString orderNumber;
    Channel channel = Channel::Web;
    OrderStatus status = OrderStatus::Pending;
    QDateTime orderedAt;
    QDateTime statusChangedAt;
    QString customerEmail;
    QString customerName;
    qint64 totalMinor = 0;
    QString currency;
    int lineCount = 0;
    DeliveryMethod delivery = DeliveryMethod::Ship;
    QString exceptionCode; // first open hold's reason, for orders in Exception
    QString exceptionDetail;
};

// The channel document an order was captured from (its content stays in source_documents).
struct OrderSource {
    QString format; // "shopify", "woocommerce", "amazon", "x12"
    QString fileName;
    QString reference; // where in the file
    QDateTime importedAt;
};

struct OrderDetail {
    Order order;
    QString customerName;
    QList<AuditEvent> events; // oldest first
    QList<OrderSource> sources = {};
};

// Read side for the console, the command line and the API: paged queues and one order's whole story.
// Every filter is served by an index so that a queue over a million orders answers in milliseconds.
class OrderQuery {
public:
    explicit OrderQuery(Database& db)
        : m_db(db) {}

    // The most rows one page holds: a queue loads more pages as it scrolls, and a listing pages with an
    // offset; asking for more gets this many.
    static constexpr int maxPageSize = 10000;

    QList<OrderSummary> page(const OrderFilter& filter, OrderSort sort, bool descending, int offset,
                             int limit) const;
    qint64 count(const OrderFilter& filter) const;
    // The rows of those of `orderIds` that match `filter`, in no particular order: a queue re-reads the
    // orders that changed instead of its pages (an id missing from the answer left the filter, or no longer
    // exists).
    QList<OrderSummary> summaries(const OrderFilter& filter, const QList<qint64>& orderIds) const;
    std::optional<OrderDetail> detail(qint64 orderId) const;
    // An order by its number, or else by the channel's external id.
    std::optional<qint64> findId(const QString& orderNumberOrExternalId) const;
    // Order counts per status, for the navigation badges and dashboards.
    QList<QPair<OrderStatus, qint64>> countsByStatus() const;

private:
    Database& m_db;
};

} // namespace ordo
