#include "SkuCrossReferenceCsv.h"

#include "Error.h"
#include "formats/CsvTable.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace ordo::SkuCrossReferenceCsv {

namespace {

const QStringList columns = {u"partner"_s, u"qualifier"_s, u"part_number"_s, u"sku"_s};

} // namespace

SkuXrefFile read(QIODevice& device, const QString& name,
                 const std::function<bool(const QString&)>& knownSku) {
    CsvTable table(device, name);
    if (const QStringList missing = table.missing(columns); !missing.isEmpty())
        throw Error::input(
            u"%1: line %2: the header lacks %3; expected partner,qualifier,part_number,sku"_s.arg(name)
                .arg(table.headerLine())
                .arg(missing.join(u", "_s)));

    SkuXrefFile file;
    QHash<QString, std::pair<QString, int>> seen; // key -> SKU and line of its first row
    CsvTableRow row;
    while (table.next(row)) {
        if (!row.problem.isEmpty()) {
            file.errors << row.problem;
            continue;
        }
        auto field = [&](const QString& c) { return row.fields.value(table.column(c)).trimmed(); };
        QStringList empty;
        for (const QString& c : columns)
            if (field(c).isEmpty())
                empty << c;
        if (!empty.isEmpty()) {
            file.errors << u"line %1: %2 is empty"_s.arg(row.line).arg(empty.join(u", "_s));
            continue;
        }
        SkuXrefEntry e{field(u"partner"_s), SkuXrefEntry::normalisedQualifier(field(u"qualifier"_s)),
                       QString(), field(u"sku"_s)};
        e.partNumber = SkuXrefEntry::normalisedNumber(e.qualifier, field(u"part_number"_s));
        if (!knownSku(e.skuCode)) {
            file.errors << u"line %1: SKU '%2' is not in the catalogue"_s.arg(row.line).arg(e.skuCode);
            continue;
        }
        const QString k = SkuXrefEntry::key(e.partner, e.qualifier, e.partNumber);
        if (const auto before = seen.constFind(k); before != seen.cend()) {
            if (before->first != e.skuCode)
                file.errors << u"line %1: %2 '%3' of partner %4 is mapped to %5 on line %6 and to %7 here"_s
                                   .arg(row.line)
                                   .arg(e.qualifier, e.partNumber, e.partner, before->first)
                                   .arg(before->second)
                                   .arg(e.skuCode);
            continue;
        }
        seen.insert(k, {e.skuCode, row.line});
        file.entries << e;
    }
    return file;
}

} // namespace ordo::SkuCrossReferenceCsv
