#include "SkuCrossReference.h"

#include "Error.h"
#include "model/Gtin.h"
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

// The qualifiers whose number is the item's own GTIN, matched against the catalogue's barcodes. (UA, the
// U.P.C./EAN case code, names a case of the item, not the item.)
const QStringList gtinQualifiers = {u"UP"_s, u"EN"_s, u"UK"_s, u"GTIN"_s};

} // namespace

SkuCrossReference::SkuCrossReference(Database& db)
    : m_db(db) {}

void SkuCrossReference::checkMayChange(const Actor& actor) {
    if (!actor.may(Permission::ManageMasterData))
        throw Error::denied(
            u"%1 (%2) may not change the SKU cross-reference"_s.arg(actor.user, roleCode(actor.role)));
}

void SkuCrossReference::store(const QList<SkuXrefEntry>& entries, const Actor& actor, const QString& source) {
    checkMayChange(actor);
    runUnitOfWork(m_db, [&](Transaction&) {
        const QHash<QString, qint64> skuIds = SkuRepository(m_db).idsByCode();
        QHash<QString, QString> before; // key -> SKU code
        for (const SkuXrefEntry& e : all())
            before.insert(SkuXrefEntry::key(e.partner, e.qualifier, e.partNumber), e.skuCode);
        SqlQuery upsert(
            m_db,
            u"INSERT INTO sku_xref (partner, qualifier, part_number, sku_id) "
            "VALUES (:partner, :qualifier, :number, :sku) ON CONFLICT (partner, qualifier, part_number) "
            "DO UPDATE SET sku_id = excluded.sku_id"_s);
        int added = 0;
        int unchanged = 0;
        QStringList remapped; // "ACME BP 'A-1': SKU-1 -> SKU-3"
        for (const SkuXrefEntry& entry : entries) {
            const auto old =
                before.constFind(SkuXrefEntry::key(entry.partner, entry.qualifier, entry.partNumber));
            if (old != before.cend() && *old == entry.skuCode) {
                ++unchanged;
                continue;
            }
            if (old == before.cend())
                ++added;
            else
                remapped << u"%1 %2 '%3': %4 -> %5"_s.arg(entry.partner, entry.qualifier, entry.partNumber,
                                                          *old, entry.skuCode);
            upsert.bind(u":partner"_s, entry.partner)
                .bind(u":qualifier"_s, entry.qualifier)
                .bind(u":number"_s, entry.partNumber)
                .bind(u":sku"_s, skuIds.value(entry.skuCode));
            upsert.exec();
        }
        if (added + remapped.size() > 0) {
            constexpr qsizetype listed = 20; // a file that remaps thousands says how many, and the first ones
            QString detail = u"%1: %2 part number(s): %3 new, %4 remapped, %5 unchanged"_s.arg(source)
                                 .arg(entries.size())
                                 .arg(added)
                                 .arg(remapped.size())
                                 .arg(unchanged);
            if (!remapped.isEmpty())
                detail += u"; "_s + remapped.mid(0, listed).join(u"; "_s);
            if (remapped.size() > listed)
                detail += u"; and %1 more"_s.arg(remapped.size() - listed);
            AuditEvent audit;
            audit.at = fromStoredTime(nowStoredTime());
            audit.actor = actor.user;
            audit.entity = u"sku_xref"_s;
            audit.action = u"import"_s;
            audit.detail = detail;
            AuditTrail(m_db).record(audit);
        }
    });
}

QList<SkuXrefEntry> SkuCrossReference::all() const {
    SqlQuery q(m_db, u"SELECT x.partner, x.qualifier, x.part_number, s.code FROM sku_xref x "
                     "JOIN skus s ON s.id = x.sku_id ORDER BY x.partner, x.qualifier, x.part_number"_s);
    q.exec();
    QList<SkuXrefEntry> list;
    while (q.next())
        list << SkuXrefEntry{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toString()};
    return list;
}

void SkuCrossReference::load() {
    m_skus.clear();
    for (const SkuXrefEntry& e : all())
        m_skus.insert(SkuXrefEntry::key(e.partner, e.qualifier, e.partNumber), e.skuCode);
    const SkuRepository skus(m_db);
    const QHash<QString, qint64> ids = skus.idsByCode();
    m_catalogue = QSet<QString>(ids.keyBegin(), ids.keyEnd());
    m_gtins = skus.codesByGtin();
    m_catalogueLoaded = true;
}

QString SkuCrossReference::partnerFor(const QString& partner, const QString& format) {
    return partner.isEmpty() ? format : partner;
}

QString SkuCrossReference::remember(const SkuXrefEntry& entry) {
    const SkuXrefEntry e{entry.partner.trimmed(), SkuXrefEntry::normalisedQualifier(entry.qualifier),
                         SkuXrefEntry::normalisedNumber(entry.qualifier, entry.partNumber),
                         entry.skuCode.trimmed()};
    for (const auto& [field, value] :
         {std::pair{u"partner"_s, e.partner}, std::pair{u"qualifier"_s, e.qualifier},
          std::pair{u"part_number"_s, e.partNumber}, std::pair{u"sku"_s, e.skuCode}})
        if (value.isEmpty())
            throw Error::input(u"%1: a cross-reference row needs one"_s.arg(field));
    const std::optional<Sku> sku = SkuRepository(m_db).findByCode(e.skuCode);
    if (!sku)
        throw Error::input(u"sku: '%1' is not in the catalogue"_s.arg(e.skuCode));
    SqlQuery before(m_db, u"SELECT s.code FROM sku_xref x JOIN skus s ON s.id = x.sku_id WHERE x.partner = "
                          ":partner AND x.qualifier = :qualifier AND x.part_number = :number"_s);
    before.bind(u":partner"_s, e.partner).bind(u":qualifier"_s, e.qualifier).bind(u":number"_s, e.partNumber);
    const QString previous = before.optionalScalar().value_or(QVariant()).toString();
    SqlQuery upsert(
        m_db, u"INSERT INTO sku_xref (partner, qualifier, part_number, sku_id) "
              "VALUES (:partner, :qualifier, :number, :sku) ON CONFLICT (partner, qualifier, part_number) "
              "DO UPDATE SET sku_id = excluded.sku_id"_s);
    upsert.bind(u":partner"_s, e.partner)
        .bind(u":qualifier"_s, e.qualifier)
        .bind(u":number"_s, e.partNumber)
        .bind(u":sku"_s, sku->id);
    upsert.exec();
    m_skus.insert(SkuXrefEntry::key(e.partner, e.qualifier, e.partNumber), e.skuCode);
    return previous;
}

std::optional<QString> SkuCrossReference::skuFor(const QString& partner, const PartNumber& part) const {
    const QString qualifier = SkuXrefEntry::normalisedQualifier(part.qualifier);
    const QString number = SkuXrefEntry::normalisedNumber(qualifier, part.number);
    if (!partner.isEmpty()) {
        if (const auto it = m_skus.constFind(SkuXrefEntry::key(partner, qualifier, number));
            it != m_skus.cend())
            return *it;
    }
    if (const auto it = m_skus.constFind(SkuXrefEntry::key(u"*"_s, qualifier, number)); it != m_skus.cend())
        return *it;
    return std::nullopt;
}

QStringList SkuCrossReference::resolve(ImportedOrder& imported, const QString& format) const {
    QStringList unresolved;
    const QString ownPartner = partnerFor(imported.partner, format);
    for (OrderLine& line : imported.order.lines) {
        // A code of ours stays; without the catalogue, only lines without a code are looked up.
        const bool unknownCode =
            !line.skuCode.isEmpty() && m_catalogueLoaded && !m_catalogue.contains(line.skuCode);
        if (!line.skuCode.isEmpty() && !unknownCode)
            continue;
        QList<PartNumber> parts = imported.partNumbers.value(line.lineNo);
        if (unknownCode)
            parts.prepend(PartNumber{channelSkuQualifier, line.skuCode});
        // The partner's own rows for every part number first, then the rows for every partner.
        QString found;
        for (const QString& partner : {ownPartner, u"*"_s}) {
            if (partner.isEmpty())
                continue;
            for (const PartNumber& part : std::as_const(parts)) {
                const QString k =
                    SkuXrefEntry::key(partner, SkuXrefEntry::normalisedQualifier(part.qualifier),
                                      SkuXrefEntry::normalisedNumber(part.qualifier, part.number));
                if (const auto it = m_skus.constFind(k); it != m_skus.cend()) {
                    found = *it;
                    break;
                }
            }
            if (!found.isEmpty())
                break;
        }
        // Then the item's barcode, as the catalogue has it.
        QStringList notGtins;
        for (const PartNumber& part : std::as_const(parts)) {
            if (!found.isEmpty() ||
                !gtinQualifiers.contains(SkuXrefEntry::normalisedQualifier(part.qualifier)))
                continue;
            if (const std::optional<QString> gtin = Gtin::normalised(part.number))
                found = m_gtins.value(*gtin);
            else
                notGtins << u"line %1: %2 '%3' is not a GTIN: %4"_s.arg(line.lineNo)
                                .arg(part.qualifier, part.number, Gtin::problem(part.number));
        }
        if (!found.isEmpty()) {
            line.skuCode = found;
            continue;
        }
        // An unknown code is reported by validation (UNKNOWN_SKU) under its own name.
        if (!unknownCode) {
            QStringList sent;
            for (const PartNumber& part : std::as_const(parts))
                sent << u"%1 '%2'"_s.arg(part.qualifier, part.number);
            unresolved << u"line %1: no SKU for %2%3"_s.arg(line.lineNo)
                              .arg(sent.isEmpty() ? u"a line without SKU or part number"_s
                                                  : sent.join(u", "_s))
                              .arg(imported.partner.isEmpty() ? QString()
                                                              : u" from partner "_s + imported.partner);
        }
        unresolved << notGtins;
    }
    return unresolved;
}

} // namespace ordo
