#include "InventoryQuery.h"

#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// The spellings of a typed code that the unique index on skus.code can serve: as typed, upper and lower case.
// Codes are stored in one case in practice ("SKU-1", "ab-100"), so this makes the code search
// case-insensitive without a scan.
QStringList codeSpellings(const QString& text) {
    QStringList spellings = {text, text.toUpper(), text.toLower()};
    spellings.removeDuplicates();
    return spellings;
}

QString escapeLike(const QString& text) {
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return escaped;
}

} // namespace

QList<SkuMatch> InventoryQuery::findSkus(const QString& rawText, int limit) const {
    const QString text = rawText.trimmed();
    QList<SkuMatch> result;
    if (text.isEmpty() || limit <= 0)
        return result;
    QSet<QString> seen;
    const auto collect = [&](SqlQuery& q, SkuMatch::Kind kind) {
        q.exec();
        while (q.next() && result.size() < limit) {
            const QString code = q.value(0).toString();
            if (seen.contains(code))
                continue;
            seen.insert(code);
            result.append({code, q.value(1).toString(), kind});
        }
    };
    const QStringList spellings = codeSpellings(text);

    // 1. The exact code, as a scanner types it.
    {
        QStringList conditions;
        for (int i = 0; i < spellings.size(); ++i)
            conditions.append(u"code = :c%1"_s.arg(i));
        SqlQuery q(m_db, u"SELECT code, name FROM skus WHERE "_s + conditions.join(u" OR "_s) +
                             u" ORDER BY code"_s);
        for (int i = 0; i < spellings.size(); ++i)
            q.bind(u":c%1"_s.arg(i), spellings.at(i));
        collect(q, SkuMatch::Kind::ExactCode);
    }
    // 2. Codes starting with the text: index range scans (Dialect::prefixMatch).
    if (result.size() < limit) {
        QStringList conditions;
        for (int i = 0; i < spellings.size(); ++i)
            conditions.append(m_db.dialect().prefixMatch(u"code"_s, u":p%1"_s.arg(i)));
        SqlQuery q(m_db, u"SELECT code, name FROM skus WHERE "_s + conditions.join(u" OR "_s) +
                             u" ORDER BY code LIMIT :limit"_s);
        for (int i = 0; i < spellings.size(); ++i)
            q.bindPrefix(u":p%1"_s.arg(i), spellings.at(i));
        q.bind(u":limit"_s, limit + 1);
        collect(q, SkuMatch::Kind::CodePrefix);
    }
    // 3. Names: every word of the text starts a word of the name. This is a LIKE over lower(name), a scan of
    // the catalogue: some 10-30 ms for 100,000 SKUs, acceptable for a search box typed by a person. A larger
    // catalogue would want a word index (PostgreSQL pg_trgm or full-text search, SQLite FTS5).
    const QStringList words = text.toLower().split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    if (result.size() < limit && !words.isEmpty()) {
        QStringList conditions;
        for (int i = 0; i < words.size(); ++i)
            conditions.append(
                u"(lower(name) LIKE :w%1 ESCAPE '\\' OR lower(name) LIKE :ws%1 ESCAPE '\\')"_s.arg(i));
        SqlQuery q(m_db, u"SELECT code, name FROM skus WHERE "_s + conditions.join(u" AND "_s) +
                             u" ORDER BY code LIMIT :limit"_s);
        for (int i = 0; i < words.size(); ++i) {
            const QString word = escapeLike(words.at(i));
            q.bind(u":w%1"_s.arg(i), QString(word + u'%'));
            q.bind(u":ws%1"_s.arg(i), QString(u"% "_s + word + u'%'));
        }
        q.bind(u":limit"_s, limit + int(seen.size()));
        collect(q, SkuMatch::Kind::Name);
    }
    return result;
}

QList<StockPosition> InventoryQuery::positions(const QString& skuCode) const {
    SqlQuery q(m_db, u"SELECT l.code, l.name, l.type, p.on_hand, p.reserved, p.safety_stock, p.updated_at "
                     "FROM positions p JOIN locations l ON l.id = p.location_id "
                     "WHERE p.sku_id = (SELECT id FROM skus WHERE code = :sku) ORDER BY l.code"_s);
    q.bind(u":sku"_s, skuCode);
    q.exec();
    QList<StockPosition> result;
    while (q.next()) {
        StockPosition p;
        p.locationCode = q.value(0).toString();
        p.locationName = q.value(1).toString();
        p.locationType = locationTypeFromCode(q.value(2).toString()).value_or(LocationType::Dc);
        p.onHand = q.value(3).toLongLong();
        p.reserved = q.value(4).toLongLong();
        p.safetyStock = q.value(5).toLongLong();
        p.updatedAt = fromStoredTime(q.value(6));
        result.append(p);
    }
    return result;
}

QList<LedgerEntry> InventoryQuery::recentEvents(const QString& locationCode, const QString& skuCode,
                                                int limit) const {
    if (limit <= 0)
        return {};
    // A walk back along the position's chain (schema step 7): its latest event, then each event's previous
    // one, every step a lookup in the unique event_id index.
    SqlQuery q(m_db,
               u"WITH RECURSIVE chain (event_id, depth) AS ("
               "SELECT last_event_id, 1 FROM positions "
               "WHERE location_id = (SELECT id FROM locations WHERE code = :loc) "
               "AND sku_id = (SELECT id FROM skus WHERE code = :sku) AND last_event_id IS NOT NULL "
               "UNION ALL SELECT e.previous_event_id, c.depth + 1 FROM chain c "
               "JOIN inventory_events e ON e.event_id = c.event_id "
               "WHERE e.previous_event_id IS NOT NULL AND c.depth < :limit) "
               "SELECT e.event_id, e.kind, e.quantity, e.on_hand_after, e.reserved_after, e.reason, e.actor, "
               "e.occurred_at, e.recorded_at FROM chain c JOIN inventory_events e ON e.event_id = c.event_id "
               "ORDER BY c.depth"_s);
    q.bind(u":loc"_s, locationCode).bind(u":sku"_s, skuCode).bind(u":limit"_s, limit);
    q.exec();
    QList<LedgerEntry> result;
    while (q.next()) {
        LedgerEntry e;
        e.eventId = q.value(0).toString();
        e.kind = q.value(1).toString();
        e.quantity = q.value(2).toLongLong();
        e.onHandAfter = q.value(3).toLongLong();
        e.reservedAfter = q.value(4).toLongLong();
        e.reason = q.value(5).toString();
        e.actor = q.value(6).toString();
        e.occurredAt = fromStoredTime(q.value(7));
        e.recordedAt = fromStoredTime(q.value(8));
        result.append(e);
    }
    return result;
}

} // namespace ordo
