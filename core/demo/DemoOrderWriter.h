#pragma once

#include "DemoOrderFactory.h"
#include "orders/OrderTransitions.h"
#include "storage/BulkInsert.h"

#include <vector>

namespace ordo {

class Database;

// Turns demo orders into rows of customers, orders, order_lines and order_holds, with their audit events
// recorded by OrderTransitions, exactly as
// OrderRepository, OrderCapture and OrderLifecycle fill them (search keys, status_changed_at, held_from,
// line_count, total_minor), with explicit ids on an empty database. Runs in the caller's Transaction;
// call flush() before committing.
class DemoOrderWriter {
public:
    DemoOrderWriter(Database& db, const QList<DemoSku>& catalog, const DemoNetwork& network,
                    int customerPool);

    void write(const DemoOrder& order);
    void flush();

    qint64 orders() const { return m_orders.rowsWritten(); }
    qint64 lines() const { return m_lines.rowsWritten(); }
    qint64 customers() const { return m_customers.rowsWritten(); }
    qint64 holds() const { return m_holds.rowsWritten(); }
    qint64 auditEvents() const { return m_history.pastEventsWritten(); }
    // Units reserved by open orders per (location, SKU), index location * SKU count + SKU.
    const std::vector<qint64>& reserved() const { return m_reserved; }
    // Whether an order line was ever fulfilled from (location, SKU): the location must stock it.
    const std::vector<bool>& used() const { return m_used; }

private:
    const QList<DemoSku>& m_catalog;
    const DemoNetwork& m_network;
    BulkInsert m_customers;
    BulkInsert m_orders;
    BulkInsert m_lines;
    BulkInsert m_holds;
    OrderTransitions m_history; // the orders' audit events, written by their owner
    std::vector<qint64> m_customerIds;
    qint64 m_nextCustomerId = 1;
    qint64 m_nextOrderId = 1;
    qint64 m_nextLineId = 1;
    qint64 m_nextHoldId = 1;
    std::vector<qint64> m_reserved;
    std::vector<bool> m_used;
};

} // namespace ordo
