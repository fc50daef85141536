#include "OrderBackend.h"

#include "OrderWorker.h"

#include <QAtomicInteger>

using namespace Qt::StringLiterals;

namespace ordo::ui {

OrderBackend::OrderBackend(QObject* parent)
    : QObject(parent)
    , m_worker(new OrderWorker) {
    m_thread.setObjectName(u"ordo-database"_s);
    m_worker->moveToThread(&m_thread);
    // Worker signals cross threads, so these connections are queued: the slots run on the GUI thread.
    connect(m_worker, &OrderWorker::opened, this, &OrderBackend::opened);
    connect(m_worker, &OrderWorker::pageReady, this, &OrderBackend::pageReady);
    connect(m_worker, &OrderWorker::countReady, this, &OrderBackend::countReady);
    connect(m_worker, &OrderWorker::ordersReady, this, &OrderBackend::ordersReady);
    connect(m_worker, &OrderWorker::detailReady, this, &OrderBackend::detailReady);
    connect(m_worker, &OrderWorker::locationsReady, this, &OrderBackend::locationsReady);
    connect(m_worker, &OrderWorker::decisionReady, this, &OrderBackend::decisionReady);
    connect(m_worker, &OrderWorker::actionFinished, this, &OrderBackend::actionFinished);
    connect(m_worker, &OrderWorker::requestFailed, this, &OrderBackend::requestFailed);
    m_thread.start();
}

OrderBackend::~OrderBackend() {
    // The connection must be closed in the thread that opened it.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

quint64 OrderBackend::nextGeneration() {
    static QAtomicInteger<quint64> counter;
    return counter.fetchAndAddRelaxed(1) + 1;
}

template <typename F> void OrderBackend::post(F&& call) {
    QMetaObject::invokeMethod(m_worker, std::forward<F>(call), Qt::QueuedConnection);
}

void OrderBackend::open(const QString& url) {
    post([w = m_worker, url] { w->open(url); });
}

void OrderBackend::fetchPage(quint64 generation, const OrderFilter& filter, OrderSort sort, bool descending,
                             int offset, int limit) {
    post([=, w = m_worker] { w->fetchPage(generation, filter, sort, descending, offset, limit); });
}

void OrderBackend::fetchCount(quint64 generation, const OrderFilter& filter) {
    post([=, w = m_worker] { w->fetchCount(generation, filter); });
}

void OrderBackend::fetchOrders(quint64 generation, const OrderFilter& filter, const QList<qint64>& orderIds) {
    post([=, w = m_worker] { w->fetchOrders(generation, filter, orderIds); });
}

void OrderBackend::fetchDetail(quint64 generation, qint64 orderId) {
    post([=, w = m_worker] { w->fetchDetail(generation, orderId); });
}

void OrderBackend::fetchLocations(quint64 generation) {
    post([=, w = m_worker] { w->fetchLocations(generation); });
}

void OrderBackend::fetchDecision(quint64 generation, qint64 orderId) {
    post([=, w = m_worker] { w->fetchDecision(generation, orderId); });
}

quint64 OrderBackend::release(qint64 orderId, const Actor& actor, const QString& note) {
    const quint64 ticket = nextGeneration();
    post([=, w = m_worker] { w->release(ticket, orderId, actor, note); });
    return ticket;
}

quint64 OrderBackend::cancel(qint64 orderId, const Actor& actor, const QString& reasonCode,
                             const QString& note) {
    const quint64 ticket = nextGeneration();
    post([=, w = m_worker] { w->cancel(ticket, orderId, actor, reasonCode, note); });
    return ticket;
}

quint64 OrderBackend::hold(qint64 orderId, const Actor& actor, const QString& reasonCode,
                           const QString& note) {
    const quint64 ticket = nextGeneration();
    post([=, w = m_worker] { w->hold(ticket, orderId, actor, reasonCode, note); });
    return ticket;
}

void OrderBackend::run(std::function<void(Database&)> job, std::function<void(const QString& error)> done) {
    post([this, w = m_worker, job = std::move(job), done = std::move(done)]() mutable {
        const QString error = w->guarded(job);
        // Back to the GUI thread; Qt drops the call if this backend is gone by then.
        QMetaObject::invokeMethod(
            this, [done = std::move(done), error] { done(error); }, Qt::QueuedConnection);
    });
}

} // namespace ordo::ui
