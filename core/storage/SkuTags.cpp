#include "SkuTags.h"

#include "Error.h"
#include "storage/AuditTrail.h"
#include "storage/Database.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

void requireMasterData(const Actor& actor) {
    if (!actor.may(Permission::ManageMasterData))
        throw Error::denied(u"%1 (%2) may not change SKU tags"_s.arg(actor.user, roleCode(actor.role)));
}

} // namespace

SkuTags::SkuTags(Database& db, const Actor& actor)
    : m_db(db)
    , m_actor(actor) {}

void SkuTags::write(qint64 skuId, const QString& skuCode, const QStringList& tags) {
    SqlQuery before(m_db, u"SELECT tag FROM sku_tags WHERE sku_id = :s ORDER BY tag"_s);
    before.bind(u":s"_s, skuId).exec();
    QStringList old;
    while (before.next())
        old << before.value(0).toString();
    if (old == tags)
        return;
    SqlQuery remove(m_db, u"DELETE FROM sku_tags WHERE sku_id = :s"_s);
    remove.bind(u":s"_s, skuId).exec();
    SqlQuery insert(m_db, u"INSERT INTO sku_tags (sku_id, tag) VALUES (:s, :t)"_s);
    for (const QString& tag : tags)
        insert.bind(u":s"_s, skuId).bind(u":t"_s, tag).exec();
    AuditTrail(m_db).record({0, fromStoredTime(nowStoredTime()), m_actor.user, u"sku"_s, skuId, u"tags"_s,
                             QString(), QString(), QString(),
                             u"%1 tags: [%2] -> [%3]"_s.arg(skuCode, old.join(u", "_s), tags.join(u", "_s))});
}

void SkuTags::set(const QString& skuCode, const QStringList& tags) {
    requireMasterData(m_actor);
    const QStringList parsed = SkuTagList::parse(tags.join(u' '), u"tags of "_s + skuCode);
    runUnitOfWork(m_db, [&](Transaction&) {
        const auto id = SkuRepository(m_db).idForCode(skuCode);
        if (!id)
            throw Error::notFound(u"there is no SKU %1"_s.arg(skuCode));
        write(*id, skuCode, parsed);
    });
}

void SkuTags::setEach(const QList<SkuTagList>& lists) {
    requireMasterData(m_actor);
    runUnitOfWork(m_db, [&](Transaction&) {
        const QHash<QString, qint64> skuIds = SkuRepository(m_db).idsByCode();
        for (const SkuTagList& list : lists) {
            const auto id = skuIds.constFind(list.skuCode);
            if (id == skuIds.cend())
                throw Error::notFound(u"there is no SKU %1"_s.arg(list.skuCode));
            write(*id, list.skuCode, list.tags);
        }
    });
}

QHash<QString, QStringList> SkuTags::all() const {
    SqlQuery q(
        m_db,
        u"SELECT s.code, t.tag FROM sku_tags t JOIN skus s ON s.id = t.sku_id ORDER BY s.code, t.tag"_s);
    q.exec();
    QHash<QString, QStringList> tags;
    while (q.next())
        tags[q.value(0).toString()] << q.value(1).toString();
    return tags;
}

} // namespace ordo
