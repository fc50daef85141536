// `ordo skus xref import|list`: the cross-reference from trading partners' part numbers to SKUs;
// `ordo skus tags import|list|set`: the tags the routing rules' "SKU tags" condition reads.
#include "CliSupport.h"
#include "Commands.h"
#include "channels/SkuCrossReferenceImport.h"
#include "channels/SkuTagsImport.h"
#include "storage/Database.h"
#include "storage/SkuCrossReference.h"
#include "storage/SkuTags.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

void printUsage(QTextStream& stream) {
    stream
        << u"Usage: ordo skus <xref|tags> <subcommand> [options]   (ordo skus xref <subcommand> --help)\n\n"
           "  xref import FILE       Load partner part numbers (partner,qualifier,part_number,sku) from "
           "CSV.\n"
           "  xref list              Show the cross-reference.\n"
           "  tags import FILE       Set SKUs' tags from CSV (sku,tags; tags separated by spaces or ';').\n"
           "  tags set SKU [TAG...]  Set one SKU's tags (none: remove them).\n"
           "  tags list              Show every tagged SKU.\n"_s;
    stream.flush();
}

// "ordo skus xref import" is shown as the program.
QStringList subArguments(const QStringList& arguments) {
    QStringList args = arguments.mid(4);
    args.prepend(arguments.mid(1, 3).join(u' '));
    args.prepend(arguments.value(0));
    return args;
}

int runImport(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(u"file"_s, u"CSV with the header partner,qualifier,part_number,sku."_s,
                                 u"FILE"_s);
    const QString description =
        u"Loads the cross-reference from trading partners' part numbers to SKUs. partner is the partner's id "
        u"(the "
        "X12 ISA sender id, 'amazon'...) or * for every partner; qualifier says what kind of number it is "
        "(BP "
        "buyer's part, VP vendor's part, UP UPC, EN EAN, ASIN, VARIANT for a Shopify variant id, PRODUCT for "
        "a "
        "WooCommerce product id). UPC/EAN numbers match without their leading zeros. The file is taken whole "
        "or "
        "not at all; a row for a known part number replaces its SKU.\n"
        "Exit codes: 0 imported, 3 the file refused, 2 usage error, 1 a database failure."_s;
    if (auto exit = parse(parser, subArguments(arguments), description))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        err() << u"ordo skus xref import: name exactly one file\n"_s;
        err().flush();
        return UsageError;
    }
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        const int rows =
            SkuCrossReferenceImport(db, commandLineActor()).importFile(parser.positionalArguments().first());
        if (wantsJson(parser))
            printJson(QJsonObject{{u"imported"_s, rows}});
        else
            out() << u"%1 part number(s) imported\n"_s.arg(rows);
        out().flush();
        return int(Success);
    });
}

int runList(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    if (auto exit = parse(parser, subArguments(arguments), u"Shows the cross-reference, by partner."_s))
        return *exit;
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        const QList<SkuXrefEntry> entries = SkuCrossReference(db).all();
        if (wantsJson(parser)) {
            QJsonArray array;
            for (const SkuXrefEntry& e : entries)
                array.append(QJsonObject{{u"partner"_s, e.partner},
                                         {u"qualifier"_s, e.qualifier},
                                         {u"part_number"_s, e.partNumber},
                                         {u"sku"_s, e.skuCode}});
            printJson(array);
        } else {
            for (const SkuXrefEntry& e : entries)
                out() << u"%1  %2  %3  %4\n"_s.arg(e.partner.leftJustified(16), e.qualifier.leftJustified(8),
                                                   e.partNumber.leftJustified(20), e.skuCode);
            out().flush();
        }
        return int(Success);
    });
}

int runTagsImport(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(u"file"_s, u"CSV with the header sku,tags."_s, u"FILE"_s);
    const QString description =
        u"Sets the tags of the SKUs the file names (routing strategies can apply only to orders with a line "
        "whose SKU carries a tag). Each row gives one SKU exactly its tags; an empty tags field removes "
        "them. "
        "The file is taken whole or not at all; every change is audited.\n"
        "Exit codes: 0 imported, 3 the file refused, 2 usage error, 1 a database failure."_s;
    if (auto exit = parse(parser, subArguments(arguments), description))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        err() << u"ordo skus tags import: name exactly one file\n"_s;
        err().flush();
        return UsageError;
    }
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        const int rows =
            SkuTagsImport(db, commandLineActor()).importFile(parser.positionalArguments().first());
        if (wantsJson(parser))
            printJson(QJsonObject{{u"skus"_s, rows}});
        else
            out() << u"tags set on %1 SKU(s)\n"_s.arg(rows);
        out().flush();
        return int(Success);
    });
}

int runTagsSet(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(u"sku"_s, u"The SKU."_s, u"SKU"_s);
    parser.addPositionalArgument(u"tags"_s, u"Its tags; none removes them."_s, u"[TAG...]"_s);
    if (auto exit = parse(parser, subArguments(arguments), u"Sets one SKU's tags (audited)."_s))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        err() << u"ordo skus tags set: name the SKU\n"_s;
        err().flush();
        return UsageError;
    }
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        SkuTags tags(db, commandLineActor());
        tags.set(positional.first(), positional.mid(1));
        const QStringList now = tags.all().value(positional.first());
        if (wantsJson(parser))
            printJson(
                QJsonObject{{u"sku"_s, positional.first()}, {u"tags"_s, QJsonArray::fromStringList(now)}});
        else
            out() << u"%1: %2\n"_s.arg(positional.first(), now.isEmpty() ? u"no tags"_s : now.join(u", "_s));
        out().flush();
        return int(Success);
    });
}

int runTagsList(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    if (auto exit = parse(parser, subArguments(arguments), u"Shows every tagged SKU."_s))
        return *exit;
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        const QHash<QString, QStringList> all = SkuTags(db, Actor::system()).all();
        QStringList skus = all.keys();
        skus.sort();
        if (wantsJson(parser)) {
            QJsonArray array;
            for (const QString& sku : std::as_const(skus))
                array.append(
                    QJsonObject{{u"sku"_s, sku}, {u"tags"_s, QJsonArray::fromStringList(all.value(sku))}});
            printJson(array);
        } else {
            for (const QString& sku : std::as_const(skus))
                out() << u"%1  %2\n"_s.arg(sku.leftJustified(20), all.value(sku).join(u", "_s));
            out().flush();
        }
        return int(Success);
    });
}

} // namespace

int runSkusCommand(const QStringList& arguments) {
    const QString group = arguments.value(2);
    const QString sub = arguments.value(3);
    if (group == u"xref"_s && sub == u"import"_s)
        return runImport(arguments);
    if (group == u"xref"_s && sub == u"list"_s)
        return runList(arguments);
    if (group == u"tags"_s && sub == u"import"_s)
        return runTagsImport(arguments);
    if (group == u"tags"_s && sub == u"set"_s)
        return runTagsSet(arguments);
    if (group == u"tags"_s && sub == u"list"_s)
        return runTagsList(arguments);
    if (group == u"--help"_s || group == u"-h"_s || group == u"help"_s || sub == u"--help"_s) {
        printUsage(out());
        return Success;
    }
    err() << u"ordo skus: unknown subcommand '%1'\n"_s.arg(QStringList{group, sub}.join(u' ').trimmed());
    printUsage(err());
    return UsageError;
}

} // namespace ordo::cli
