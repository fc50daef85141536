#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace ordo {

class Database;

// Stock of one SKU at one location.
struct Position {
    QString locationCode;
    QString skuCode;
    qint64 onHand = 0;
    qint64 reserved = 0;
    qint64 safetyStock = 0;
};

// Inventory positions (location, SKU). Writes expect to run inside the caller's Transaction.
class PositionRepository {
public:
    explicit PositionRepository(Database& db)
        : m_db(db) {}

    // Sets on hand (and safety stock when given) by ids; reserved is kept.
    void setOnHand(qint64 locationId, qint64 skuId, qint64 onHand, std::optional<qint64> safetyStock);
    QList<Position> forSku(const QString& skuCode) const;

private:
    Database& m_db;
};

} // namespace ordo
