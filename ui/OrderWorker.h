#pragma once

#include "model/Actor.h"
#include "model/Decision.h"
#include "orders/OrderQuery.h"
#include "storage/Database.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace ordo::ui {

// Lives in the console's database thread and owns that thread's own connection (QtSql connections belong to
// the thread that opened them). Every request carries a generation (or ticket) that comes back with its
// answer, so that a model can drop answers to questions it no longer asks.
class OrderWorker : public QObject {
    Q_OBJECT

public:
    explicit OrderWorker(QObject* parent = nullptr);
    ~OrderWorker() override;

    // All of these run in the worker's thread; OrderBackend queues them there.
    void open(const QString& url);
    void close();
    void fetchPage(quint64 generation, const ordo::OrderFilter& filter, ordo::OrderSort sort, bool descending,
                   int offset, int limit);
    void fetchCount(quint64 generation, const ordo::OrderFilter& filter);
    void fetchOrders(quint64 generation, const ordo::OrderFilter& filter, const QList<qint64>& orderIds);
    void fetchDetail(quint64 generation, qint64 orderId);
    void fetchLocations(quint64 generation);
    void fetchDecision(quint64 generation, qint64 orderId);
    void release(quint64 ticket, qint64 orderId, const ordo::Actor& actor, const QString& note);
    void cancel(quint64 ticket, qint64 orderId, const ordo::Actor& actor, const QString& reasonCode,
                const QString& note);
    void hold(quint64 ticket, qint64 orderId, const ordo::Actor& actor, const QString& reasonCode,
              const QString& note);

    // Runs `body` against the open database; turns ordo::Error and other exceptions into a message (empty on
    // success). Also the way other views' backends (InventoryBackend) run their core calls in this thread.
    QString guarded(const std::function<void(Database&)>& body);

signals:
    void opened(const QString& url, const QString& error); // error empty on success
    void pageReady(quint64 generation, int offset, const QList<ordo::OrderSummary>& rows);
    void countReady(quint64 generation, qint64 count);
    void ordersReady(quint64 generation, const QList<qint64>& asked, const QList<ordo::OrderSummary>& rows);
    void detailReady(quint64 generation, const ordo::OrderDetail& detail);
    void locationsReady(quint64 generation, const QStringList& codes);
    void decisionReady(quint64 generation, qint64 orderId, const std::optional<ordo::Decision>& decision);
    void actionFinished(quint64 ticket, qint64 orderId, const QString& error); // error empty on success
    void requestFailed(quint64 generation, const QString& error);

private:
    std::unique_ptr<Database> m_db;
};

} // namespace ordo::ui
