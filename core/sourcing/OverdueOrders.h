#pragma once

#include "model/OrderStatus.h"
#include "model/RuleSet.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace ordo {

class Database;

// An order that has stayed in one state longer than the rules allow (RuleSet::stateLimitHours).
struct OverdueOrder {
    qint64 orderId = 0;
    QString orderNumber;
    OrderStatus status = OrderStatus::Pending;
    QDateTime since; // when it entered the state (UTC)
    double waitedHours = 0;
    int limitHours = 0;
    QString exceptionCode; // first open hold's reason, for orders in Exception
};

// The exceptions queue's "overdue" flag: orders past their state's time limit, longest waiting first. Served
// by the orders_by_status index (status, then the time the state was entered).
class OverdueOrders {
public:
    explicit OverdueOrders(Database& db)
        : m_db(db) {}

    QList<OverdueOrder> list(const RuleSet& rules, qint64 nowMs, int limit = 0) const;

private:
    Database& m_db;
};

} // namespace ordo
