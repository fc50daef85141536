#include "SkuRepository.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"

using namespace Qt::StringLiterals;

namespace ordo {

qint64 SkuRepository::upsert(const Sku& sku) {
    SqlQuery q(m_db, u"INSERT INTO skus (code, name, weight_g, price_minor, currency, gtin) "
                     "VALUES (:code, :name, :weight, :price, :currency, :gtin) "
                     "ON CONFLICT (code) DO UPDATE SET name = excluded.name, weight_g = excluded.weight_g, "
                     "price_minor = excluded.price_minor, currency = excluded.currency, "
                     "gtin = COALESCE(excluded.gtin, skus.gtin) RETURNING id"_s);
    q.bind(u":code"_s, sku.code)
        .bind(u":name"_s, sku.name)
        .bind(u":weight"_s, sku.weightGrams)
        .bind(u":price"_s, sku.unitPrice.minor)
        .bind(u":currency"_s, sku.unitPrice.currency)
        .bind(u":gtin"_s, sku.gtin.isEmpty() ? nullString() : QVariant(sku.gtin));
    return q.scalar().toLongLong();
}

std::optional<Sku> SkuRepository::findByCode(const QString& code) const {
    SqlQuery q(
        m_db, u"SELECT id, code, name, weight_g, price_minor, currency, gtin FROM skus WHERE code = :code"_s);
    q.bind(u":code"_s, code);
    q.exec();
    if (!q.next())
        return std::nullopt;
    Sku s;
    s.id = q.value(0).toLongLong();
    s.code = q.value(1).toString();
    s.name = q.value(2).toString();
    s.weightGrams = q.value(3).toInt();
    s.unitPrice = {q.value(4).toLongLong(), q.value(5).toString()};
    s.gtin = q.value(6).toString();
    return s;
}

std::optional<QString> SkuRepository::codeForGtin(const QString& gtin) const {
    SqlQuery q(m_db, u"SELECT code FROM skus WHERE gtin = :gtin"_s);
    q.bind(u":gtin"_s, gtin);
    const std::optional<QVariant> code = q.optionalScalar();
    if (!code)
        return std::nullopt;
    return code->toString();
}

QHash<QString, QString> SkuRepository::codesByGtin() const {
    SqlQuery q(m_db, u"SELECT gtin, code FROM skus WHERE gtin IS NOT NULL"_s);
    q.exec();
    QHash<QString, QString> codes;
    while (q.next())
        codes.insert(q.value(0).toString(), q.value(1).toString());
    return codes;
}

std::optional<qint64> SkuRepository::idForCode(const QString& code) const {
    SqlQuery q(m_db, u"SELECT id FROM skus WHERE code = :code"_s);
    q.bind(u":code"_s, code);
    q.exec();
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

QHash<QString, qint64> SkuRepository::idsByCode() const {
    SqlQuery q(m_db, u"SELECT code, id FROM skus"_s);
    q.exec();
    QHash<QString, qint64> ids;
    while (q.next())
        ids.insert(q.value(0).toString(), q.value(1).toLongLong());
    return ids;
}

qint64 SkuRepository::count() const {
    SqlQuery q(m_db, u"SELECT count(*) FROM skus"_s);
    return q.scalar().toLongLong();
}

} // namespace ordo
