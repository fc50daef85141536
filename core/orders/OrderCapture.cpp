#include "OrderCapture.h"

#include "Error.h"
#include "model/OrderAmounts.h"
#include "orders/OrderRepository.h"
#include "orders/OrderTransitions.h"
#include "orders/ValidationStore.h"
#include "storage/Database.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QHash<QString, qint64> locationIds(Database& db) {
    SqlQuery q(db, u"SELECT code, id FROM locations"_s);
    q.exec();
    QHash<QString, qint64> ids;
    while (q.next())
        ids.insert(q.value(0).toString(), q.value(1).toLongLong());
    return ids;
}

} // namespace

OrderCapture::OrderCapture(Database& db, const Actor& actor)
    : m_db(db)
    , m_actor(actor)
    , m_validator(ValidationStore::validator(db))
    , m_repository(std::make_unique<OrderRepository>(db))
    , m_transitions(std::make_unique<OrderTransitions>(db)) {
    refresh();
}

OrderCapture::~OrderCapture() = default;

void OrderCapture::refresh() {
    m_validator = ValidationStore::validator(m_db);
    m_skuIds = SkuRepository(m_db).idsByCode();
    m_locationIds = locationIds(m_db);
}

OrderCapture::Result OrderCapture::capture(Order order) {
    if (!m_actor.may(Permission::CaptureOrders))
        throw Error::denied(u"%1 may not capture orders"_s.arg(m_actor.user));
    if (order.orderNumber.isEmpty())
        throw Error::input(u"an order needs an order number"_s);
    if (!order.orderedAt.isValid())
        throw Error::input(u"order %1 has no order date"_s.arg(order.orderNumber));
    // The readers catch these where the file says them; an order handed in by a service meets them here, so
    // no stored amount is past the ceiling and no sum of stored amounts wraps.
    if (const QString problem = OrderAmounts::problem(order); !problem.isEmpty())
        throw Error::input(u"order %1: %2"_s.arg(order.orderNumber, problem));

    // Run again as a whole if the database gave up on it (TransactionRunner); `order` is copied per attempt.
    return runUnitOfWork(m_db, [&](Transaction&) -> Result { return store(order); });
}

OrderCapture::Result OrderCapture::store(Order order) {
    const QString externalId = order.externalId.isEmpty() ? order.orderNumber : order.externalId;
    if (const auto existing = m_repository->idForExternal(order.channel, externalId))
        return {Outcome::Duplicate, *existing, {}};
    if (m_repository->idForNumber(order.orderNumber))
        throw Error::input(
            u"order number %1 is already used by an order from another channel"_s.arg(order.orderNumber));

    const QList<ExceptionReason> reasons = m_validator.validate(order);
    const OrderStatus finalState = reasons.isEmpty() ? OrderStatus::Validated : OrderStatus::Exception;
    order.status = finalState;
    for (OrderLine& line : order.lines)
        line.status = reasons.isEmpty() ? OrderStatus::Validated : OrderStatus::Pending;
    const qint64 id = m_repository->insert(order, m_skuIds, m_locationIds);
    const qint64 now = nowStoredTime();

    m_transitions->recordCapture(
        id, u"captured from %1, %2 line(s)"_s.arg(channelCode(order.channel)).arg(order.lines.size()),
        reasons, m_actor, now);
    return {reasons.isEmpty() ? Outcome::Validated : Outcome::Held, id, reasons};
}

} // namespace ordo
