#include "OrderWorker.h"

#include "Error.h"
#include "lifecycle/OrderLifecycle.h"
#include "sourcing/DecisionRepository.h"
#include "storage/LocationRepository.h"

using namespace Qt::StringLiterals;

namespace ordo::ui {

OrderWorker::OrderWorker(QObject* parent)
    : QObject(parent) {}

OrderWorker::~OrderWorker() = default;

QString OrderWorker::guarded(const std::function<void(Database&)>& body) {
    if (!m_db)
        return tr("No database is open.");
    try {
        body(*m_db);
        return {};
    } catch (const Error& error) {
        return error.message();
    } catch (const std::exception& error) {
        return QString::fromLocal8Bit(error.what());
    }
}

void OrderWorker::open(const QString& url) {
    close();
    try {
        // The console opened (and migrated) the database on the GUI thread already; this connection only
        // reads and runs the lifecycle, so it refuses a schema that is not current instead of migrating it
        // again.
        m_db = std::make_unique<Database>(
            Database::open(url, {.migrate = false, .create = false, .sqliteSynchronous = {}}));
        emit opened(url, {});
    } catch (const Error& error) {
        emit opened(url, error.message());
    } catch (const std::exception& error) {
        emit opened(url, QString::fromLocal8Bit(error.what()));
    }
}

void OrderWorker::close() {
    m_db.reset();
}

void OrderWorker::fetchPage(quint64 generation, const OrderFilter& filter, OrderSort sort, bool descending,
                            int offset, int limit) {
    QList<OrderSummary> rows;
    const QString error =
        guarded([&](Database& db) { rows = OrderQuery(db).page(filter, sort, descending, offset, limit); });
    if (error.isEmpty())
        emit pageReady(generation, offset, rows);
    else
        emit requestFailed(generation, error);
}

void OrderWorker::fetchCount(quint64 generation, const OrderFilter& filter) {
    qint64 count = 0;
    const QString error = guarded([&](Database& db) { count = OrderQuery(db).count(filter); });
    if (error.isEmpty())
        emit countReady(generation, count);
    else
        emit requestFailed(generation, error);
}

void OrderWorker::fetchOrders(quint64 generation, const OrderFilter& filter, const QList<qint64>& orderIds) {
    QList<OrderSummary> rows;
    const QString error = guarded([&](Database& db) { rows = OrderQuery(db).summaries(filter, orderIds); });
    if (error.isEmpty())
        emit ordersReady(generation, orderIds, rows);
    else
        emit requestFailed(generation, error);
}

void OrderWorker::fetchDetail(quint64 generation, qint64 orderId) {
    std::optional<OrderDetail> detail;
    QString error = guarded([&](Database& db) { detail = OrderQuery(db).detail(orderId); });
    if (error.isEmpty() && !detail)
        error = tr("Order %1 no longer exists.").arg(orderId);
    if (error.isEmpty())
        emit detailReady(generation, *detail);
    else
        emit requestFailed(generation, error);
}

void OrderWorker::fetchLocations(quint64 generation) {
    QStringList codes;
    const QString error = guarded([&](Database& db) {
        for (const Location& location : LocationRepository(db).all())
            codes.append(location.code);
    });
    codes.sort(Qt::CaseInsensitive);
    if (error.isEmpty())
        emit locationsReady(generation, codes);
    else
        emit requestFailed(generation, error);
}

void OrderWorker::fetchDecision(quint64 generation, qint64 orderId) {
    std::optional<Decision> decision;
    const QString error = guarded([&](Database& db) { decision = DecisionRepository(db).latest(orderId); });
    if (error.isEmpty())
        emit decisionReady(generation, orderId, decision);
    else
        emit requestFailed(generation, error);
}

void OrderWorker::release(quint64 ticket, qint64 orderId, const Actor& actor, const QString& note) {
    const QString error = guarded([&](Database& db) { OrderLifecycle(db).release(orderId, actor, note); });
    emit actionFinished(ticket, orderId, error);
}

void OrderWorker::cancel(quint64 ticket, qint64 orderId, const Actor& actor, const QString& reasonCode,
                         const QString& note) {
    const QString error =
        guarded([&](Database& db) { OrderLifecycle(db).cancel(orderId, actor, reasonCode, note); });
    emit actionFinished(ticket, orderId, error);
}

void OrderWorker::hold(quint64 ticket, qint64 orderId, const Actor& actor, const QString& reasonCode,
                       const QString& note) {
    const QString error = guarded([&](Database& db) {
        OrderLifecycle(db).raiseException(orderId, {ExceptionReason{reasonCode, note}}, actor);
    });
    emit actionFinished(ticket, orderId, error);
}

} // namespace ordo::ui
