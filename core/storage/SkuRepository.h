#pragma once

#include "model/Sku.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace ordo {

class Database;

// The SKU catalogue. Writes expect to run inside the caller's Transaction.
class SkuRepository {
public:
    explicit SkuRepository(Database& db)
        : m_db(db) {}

    // Adds or updates an SKU by its code. An empty gtin leaves the SKU's barcode as it was (a file without
    // the column does not erase them).
    qint64 upsert(const Sku& sku);
    std::optional<Sku> findByCode(const QString& code) const;
    std::optional<qint64> idForCode(const QString& code) const;
    // code -> id for the whole catalogue, for bulk work (imports) that must not query per line.
    QHash<QString, qint64> idsByCode() const;
    // The SKU whose barcode is `gtin` (14 digits), if any.
    std::optional<QString> codeForGtin(const QString& gtin) const;
    // GTIN-14 -> SKU code for the whole catalogue, for matching partners' lines (SkuCrossReference).
    QHash<QString, QString> codesByGtin() const;
    qint64 count() const;

private:
    Database& m_db;
};

} // namespace ordo
