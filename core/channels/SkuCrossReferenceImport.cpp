#include "SkuCrossReferenceImport.h"

#include "Error.h"
#include "channels/ImportErrors.h"
#include "formats/CsvTable.h"
#include "storage/SkuCrossReference.h"
#include "storage/SkuRepository.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

const QStringList columns = {u"partner"_s, u"qualifier"_s, u"part_number"_s, u"sku"_s};

} // namespace

SkuCrossReferenceImport::SkuCrossReferenceImport(Database& db, const Actor& actor)
    : m_db(db)
    , m_actor(actor) {}

int SkuCrossReferenceImport::importFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::input(u"%1: cannot open the file: %2"_s.arg(path, file.errorString()));
    return importCsv(file, path);
}

int SkuCrossReferenceImport::importCsv(QIODevice& device, const QString& name) {
    SkuCrossReference::checkMayChange(m_actor); // before the file is read: a refusal is about who, not what
    CsvTable table(device, name);
    if (const QStringList missing = table.missing(columns); !missing.isEmpty())
        throw Error::input(
            u"%1: line %2: the header lacks %3; expected partner,qualifier,part_number,sku"_s.arg(name)
                .arg(table.headerLine())
                .arg(missing.join(u", "_s)));

    const QHash<QString, qint64> skuIds = SkuRepository(m_db).idsByCode();
    struct Row {
        SkuXrefEntry entry;
        int line;
    };
    QList<SkuXrefEntry> entries;
    QStringList errors;
    QHash<QString, Row> seen;
    CsvTableRow row;
    while (table.next(row)) {
        if (!row.problem.isEmpty()) {
            errors << row.problem;
            continue;
        }
        auto field = [&](const QString& c) { return row.fields.value(table.column(c)).trimmed(); };
        SkuXrefEntry e{field(u"partner"_s), SkuCrossReference::normalisedQualifier(field(u"qualifier"_s)),
                       QString(), field(u"sku"_s)};
        e.partNumber = SkuCrossReference::normalisedNumber(e.qualifier, field(u"part_number"_s));
        QStringList empty;
        for (const QString& c : columns)
            if (field(c).isEmpty())
                empty << c;
        if (!empty.isEmpty()) {
            errors << u"line %1: %2 is empty"_s.arg(row.line).arg(empty.join(u", "_s));
            continue;
        }
        if (!skuIds.contains(e.skuCode)) {
            errors << u"line %1: SKU '%2' is not in the catalogue"_s.arg(row.line).arg(e.skuCode);
            continue;
        }
        const QString k = SkuCrossReference::key(e.partner, e.qualifier, e.partNumber);
        if (const auto before = seen.constFind(k); before != seen.cend()) {
            if (before->entry.skuCode != e.skuCode)
                errors << u"line %1: %2 '%3' of partner %4 is mapped to %5 on line %6 and to %7 here"_s
                              .arg(row.line)
                              .arg(e.qualifier, e.partNumber, e.partner, before->entry.skuCode)
                              .arg(before->line)
                              .arg(e.skuCode);
            continue;
        }
        seen.insert(k, Row{e, row.line});
        entries << e;
    }
    throwIfBadRows(name, errors);
    SkuCrossReference(m_db).store(entries, m_actor, name);
    return int(entries.size());
}

} // namespace ordo
