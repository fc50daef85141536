#pragma once

#include "model/Order.h"

#include <QHash>
#include <QStringList>

#include <memory>
#include <optional>

namespace ordo {

class Database;
class SqlQuery;
struct SearchKeys;

// Orders and their lines as stored rows. Writes expect to run inside the caller's Transaction; the business
// rules live in the services, and an order's status and audit events are written by OrderTransitions alone.
class OrderRepository {
public:
    explicit OrderRepository(Database& db);
    ~OrderRepository();

    // Inserts the order, its lines, its charges and its customer (matched by e-mail); sets order.id. Line SKU
    // ids are looked up in skuIds by code (absent: NULL). Throws Storage on a duplicate (channel, external
    // id) or order number.
    qint64 insert(Order& order, const QHash<QString, qint64>& skuIds,
                  const QHash<QString, qint64>& locationIds);
    std::optional<qint64> idForExternal(Channel channel, const QString& externalId);
    std::optional<qint64> idForNumber(const QString& orderNumber);
    // The whole order with its lines and open exception reasons; nullopt when there is no such id.
    std::optional<Order> load(qint64 id) const;
    // Many orders at once, as load() reads each, in the order of `ids` (unknown ids are left out).
    QList<Order> loadMany(const QList<qint64>& ids) const;
    QList<OrderStatus> lineStatuses(qint64 id) const;
    void addHold(qint64 id, const ExceptionReason& reason, const QString& actor, qint64 atMs);
    // Corrections (OrderCorrections): the ship-to with its search keys, and one line's SKU (skuId: null when
    // the code is not in the catalogue).
    void setShipTo(qint64 id, const Address& shipTo, const SearchKeys& keys);
    void setLineSku(qint64 id, int lineNo, const QString& skuCode, std::optional<qint64> skuId);
    // Resolves the open holds (only those with the given codes when codes is not empty).
    void resolveHolds(qint64 id, const QString& actor, const QString& resolution, qint64 atMs,
                      const QStringList& codes = {});

private:
    qint64 upsertCustomer(const Order& order, const SearchKeys& keys, qint64 now);
    SqlQuery& prepared(std::unique_ptr<SqlQuery>& slot, const QString& sql);

    Database& m_db;
    // Statements used once per captured order or line are prepared once per repository: an import of
    // 100,000 orders must not parse the same SQL 300,000 times.
    std::unique_ptr<SqlQuery> m_insertOrder;
    std::unique_ptr<SqlQuery> m_insertLine;
    std::unique_ptr<SqlQuery> m_insertCharge;
    std::unique_ptr<SqlQuery> m_upsertCustomer;
    std::unique_ptr<SqlQuery> m_insertAnonymousCustomer;
    std::unique_ptr<SqlQuery> m_idForExternal;
    std::unique_ptr<SqlQuery> m_idForNumber;
};

} // namespace ordo
