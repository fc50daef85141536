#include "SkuCrossReference.h"

#include "Error.h"
#include "channels/CsvReader.h"
#include "storage/Database.h"
#include "storage/SkuRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

const QStringList numericQualifiers = {u"UP"_s, u"UK"_s, u"EN"_s, u"UA"_s, u"GTIN"_s};
const QStringList columns = {u"partner"_s, u"qualifier"_s, u"part_number"_s, u"sku"_s};
constexpr int maxListedErrors = 20;

} // namespace

SkuCrossReference::SkuCrossReference(Database& db)
    : m_db(db) {}

QString SkuCrossReference::normalisedQualifier(const QString& qualifier) {
    return qualifier.trimmed().toUpper();
}

QString SkuCrossReference::normalisedNumber(const QString& qualifier, const QString& number) {
    const QString n = number.trimmed();
    if (!numericQualifiers.contains(normalisedQualifier(qualifier)))
        return n;
    qsizetype first = 0;
    while (first < n.size() - 1 && n[first] == u'0')
        ++first;
    return n.mid(first);
}

QString SkuCrossReference::key(const QString& partner, const QString& qualifier, const QString& number) {
    return partner + QChar(0x1F) + qualifier + QChar(0x1F) + number;
}

int SkuCrossReference::importFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::input(u"%1: cannot open the file: %2"_s.arg(path, file.errorString()));
    return importCsv(file, path);
}

int SkuCrossReference::importCsv(QIODevice& device, const QString& name) {
    CsvReader reader(device, name);
    CsvRecord header;
    if (!reader.next(header))
        throw Error::input(u"%1: the file is empty"_s.arg(name));
    QHash<QString, int> at;
    for (int i = 0; i < header.fields.size(); ++i)
        at.insert(header.fields[i].trimmed().toLower(), i);
    QStringList missing;
    for (const QString& c : columns)
        if (!at.contains(c))
            missing << c;
    if (!missing.isEmpty())
        throw Error::input(
            u"%1: line %2: the header lacks %3; expected partner,qualifier,part_number,sku"_s.arg(name)
                .arg(header.line)
                .arg(missing.join(u", "_s)));

    const QHash<QString, qint64> skuIds = SkuRepository(m_db).idsByCode();
    struct Row {
        SkuXrefEntry entry;
        int line;
    };
    QList<Row> rows;
    QStringList errors;
    QHash<QString, Row> seen;
    CsvRecord record;
    while (reader.next(record)) {
        auto field = [&](const QString& c) { return record.fields.value(at.value(c)).trimmed(); };
        if (record.fields.size() != header.fields.size()) {
            errors << u"line %1: %2 fields, the header has %3"_s.arg(record.line)
                          .arg(record.fields.size())
                          .arg(header.fields.size());
            continue;
        }
        SkuXrefEntry e{field(u"partner"_s), normalisedQualifier(field(u"qualifier"_s)), QString(),
                       field(u"sku"_s)};
        e.partNumber = normalisedNumber(e.qualifier, field(u"part_number"_s));
        QStringList empty;
        for (const QString& c : columns)
            if (field(c).isEmpty())
                empty << c;
        if (!empty.isEmpty()) {
            errors << u"line %1: %2 is empty"_s.arg(record.line).arg(empty.join(u", "_s));
            continue;
        }
        if (!skuIds.contains(e.skuCode)) {
            errors << u"line %1: SKU '%2' is not in the catalogue"_s.arg(record.line).arg(e.skuCode);
            continue;
        }
        const QString k = key(e.partner, e.qualifier, e.partNumber);
        if (const auto before = seen.constFind(k); before != seen.cend()) {
            if (before->entry.skuCode != e.skuCode)
                errors << u"line %1: %2 '%3' of partner %4 is mapped to %5 on line %6 and to %7 here"_s
                              .arg(record.line)
                              .arg(e.qualifier, e.partNumber, e.partner, before->entry.skuCode)
                              .arg(before->line)
                              .arg(e.skuCode);
            continue;
        }
        seen.insert(k, Row{e, record.line});
        rows << Row{e, record.line};
    }
    if (!errors.isEmpty()) {
        const qsizetype total = errors.size();
        if (total > maxListedErrors) {
            errors = errors.mid(0, maxListedErrors);
            errors << u"... and %1 more"_s.arg(total - maxListedErrors);
        }
        throw Error::input(u"%1: %2 bad row(s), nothing was imported:\n  %3"_s.arg(name).arg(total).arg(
            errors.join(u"\n  "_s)));
    }

    Transaction tx(m_db);
    SqlQuery upsert(
        m_db, u"INSERT INTO sku_xref (partner, qualifier, part_number, sku_id) "
              "VALUES (:partner, :qualifier, :number, :sku) ON CONFLICT (partner, qualifier, part_number) "
              "DO UPDATE SET sku_id = excluded.sku_id"_s);
    for (const Row& row : std::as_const(rows)) {
        upsert.bind(u":partner"_s, row.entry.partner)
            .bind(u":qualifier"_s, row.entry.qualifier)
            .bind(u":number"_s, row.entry.partNumber)
            .bind(u":sku"_s, skuIds.value(row.entry.skuCode));
        upsert.exec();
    }
    tx.commit();
    return int(rows.size());
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
        m_skus.insert(key(e.partner, e.qualifier, e.partNumber), e.skuCode);
    const QHash<QString, qint64> ids = SkuRepository(m_db).idsByCode();
    m_catalogue = QSet<QString>(ids.keyBegin(), ids.keyEnd());
    m_catalogueLoaded = true;
}

QString SkuCrossReference::partnerFor(const QString& partner, const QString& format) {
    return partner.isEmpty() ? format : partner;
}

QString SkuCrossReference::remember(const SkuXrefEntry& entry) {
    const SkuXrefEntry e{entry.partner.trimmed(), normalisedQualifier(entry.qualifier),
                         normalisedNumber(entry.qualifier, entry.partNumber), entry.skuCode.trimmed()};
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
    m_skus.insert(key(e.partner, e.qualifier, e.partNumber), e.skuCode);
    return previous;
}

std::optional<QString> SkuCrossReference::skuFor(const QString& partner, const PartNumber& part) const {
    const QString qualifier = normalisedQualifier(part.qualifier);
    const QString number = normalisedNumber(qualifier, part.number);
    if (!partner.isEmpty()) {
        if (const auto it = m_skus.constFind(key(partner, qualifier, number)); it != m_skus.cend())
            return *it;
    }
    if (const auto it = m_skus.constFind(key(u"*"_s, qualifier, number)); it != m_skus.cend())
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
                const QString k = key(partner, normalisedQualifier(part.qualifier),
                                      normalisedNumber(part.qualifier, part.number));
                if (const auto it = m_skus.constFind(k); it != m_skus.cend()) {
                    found = *it;
                    break;
                }
            }
            if (!found.isEmpty())
                break;
        }
        if (!found.isEmpty()) {
            line.skuCode = found;
            continue;
        }
        // An unknown code is reported by validation (UNKNOWN_SKU) under its own name.
        if (unknownCode)
            continue;
        QStringList sent;
        for (const PartNumber& part : std::as_const(parts))
            sent << u"%1 '%2'"_s.arg(part.qualifier, part.number);
        unresolved << u"line %1: no SKU for %2%3"_s.arg(line.lineNo)
                          .arg(sent.isEmpty() ? u"a line without SKU or part number"_s : sent.join(u", "_s))
                          .arg(imported.partner.isEmpty() ? QString()
                                                          : u" from partner "_s + imported.partner);
    }
    return unresolved;
}

} // namespace ordo
