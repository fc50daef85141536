#pragma once

#include "model/Actor.h"
#include "model/Order.h"
#include "orders/OrderValidator.h"

#include <QHash>
#include <QString>

#include <memory>

namespace ordo {

class Database;
class OrderRepository;
class OrderTransitions;

// Takes an order from any channel into Ordo: validates it, stores it as Pending, then moves it to Validated
// or holds it in Exception with every reason that applies, writing the audit trail. Capturing the same
// channel order again changes nothing (idempotent). Runs in the caller's Transaction when there is one, so an
// importer can group many orders per commit.
class OrderCapture {
public:
    enum class Outcome { Validated, Held, Duplicate };
    struct Result {
        Outcome outcome = Outcome::Validated;
        qint64 orderId = 0;
        QList<ExceptionReason> reasons;
    };

    // Loads the catalogue and locations once; call refresh() after changing them in the same session.
    OrderCapture(Database& db, const Actor& actor);
    ~OrderCapture();
    void refresh();

    Result capture(Order order);

private:
    Result store(Order order); // capture() inside its unit of work
    Database& m_db;
    Actor m_actor;
    OrderValidator m_validator;
    QHash<QString, qint64> m_skuIds;
    QHash<QString, qint64> m_locationIds;
    std::unique_ptr<OrderRepository> m_repository;
    std::unique_ptr<OrderTransitions> m_transitions; // keeps its prepared statements
};

} // namespace ordo
