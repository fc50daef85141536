#pragma once

#include "model/Actor.h"
#include "model/Decision.h"
#include "orders/OrderQuery.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <optional>

namespace ordo {
class Database;
}

namespace ordo::ui {

class OrderWorker;

// The console's door to the database: a worker thread with its own connection. Requests return at once;
// answers arrive as signals on the GUI thread, tagged with the generation or ticket the caller passed.
class OrderBackend : public QObject {
    Q_OBJECT

public:
    explicit OrderBackend(QObject* parent = nullptr);
    ~OrderBackend() override;

    // A fresh tag, unique across the process: models use one per state of their query.
    static quint64 nextGeneration();

    // Opens `url` in the worker thread (closing what was open); requests queued after this use it.
    void open(const QString& url);

    void fetchPage(quint64 generation, const OrderFilter& filter, OrderSort sort, bool descending, int offset,
                   int limit);
    void fetchCount(quint64 generation, const OrderFilter& filter);
    // Those of `orderIds` that match `filter` now, answered by ordersReady: a queue's way to update the rows
    // of the orders that changed instead of loading its pages again.
    void fetchOrders(quint64 generation, const OrderFilter& filter, const QList<qint64>& orderIds);
    void fetchDetail(quint64 generation, qint64 orderId);
    void fetchLocations(quint64 generation);
    // The latest routing decision stored with the order (none: never routed).
    void fetchDecision(quint64 generation, qint64 orderId);
    // Lifecycle actions; each returns the ticket its actionFinished answer will carry.
    quint64 release(qint64 orderId, const Actor& actor, const QString& note);
    quint64 cancel(qint64 orderId, const Actor& actor, const QString& reasonCode, const QString& note);
    // Holds the order in Exception for `reasonCode` (a person's hold, from the order detail).
    quint64 hold(qint64 orderId, const Actor& actor, const QString& reasonCode, const QString& note);

    // Runs `job` in the database thread with its connection, then `done` on the GUI thread with the error
    // message (empty on success). For views whose work is not about orders (InventoryBackend): they share
    // this thread and connection instead of opening their own. `done` is dropped if this backend is destroyed
    // first.
    void run(std::function<void(Database&)> job, std::function<void(const QString& error)> done);

signals:
    void opened(const QString& url, const QString& error);
    void pageReady(quint64 generation, int offset, const QList<ordo::OrderSummary>& rows);
    void countReady(quint64 generation, qint64 count);
    void ordersReady(quint64 generation, const QList<qint64>& asked, const QList<ordo::OrderSummary>& rows);
    void detailReady(quint64 generation, const ordo::OrderDetail& detail);
    void locationsReady(quint64 generation, const QStringList& codes);
    void decisionReady(quint64 generation, qint64 orderId, const std::optional<ordo::Decision>& decision);
    void actionFinished(quint64 ticket, qint64 orderId, const QString& error);
    void requestFailed(quint64 generation, const QString& error);

private:
    template <typename F> void post(F&& call);

    QThread m_thread;
    OrderWorker* m_worker = nullptr;
};

} // namespace ordo::ui
