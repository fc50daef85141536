// `ordo skus xref import|list`: the cross-reference from trading partners' part numbers to SKUs.
#include "CliSupport.h"
#include "Commands.h"
#include "channels/SkuCrossReference.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

void printUsage(QTextStream& stream) {
    stream << u"Usage: ordo skus xref <import|list> [options]   (ordo skus xref <subcommand> --help)\n\n"
              "  xref import FILE   Load partner part numbers (partner,qualifier,part_number,sku) from CSV.\n"
              "  xref list          Show the cross-reference.\n"_s;
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
        const int rows = SkuCrossReference(db).importFile(parser.positionalArguments().first());
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

} // namespace

int runSkusCommand(const QStringList& arguments) {
    const QString group = arguments.value(2);
    const QString sub = arguments.value(3);
    if (group == u"xref"_s && sub == u"import"_s)
        return runImport(arguments);
    if (group == u"xref"_s && sub == u"list"_s)
        return runList(arguments);
    if (group == u"--help"_s || group == u"-h"_s || group == u"help"_s || sub == u"--help"_s) {
        printUsage(out());
        return Success;
    }
    err() << u"ordo skus: unknown subcommand '%1'\n"_s.arg(QStringList{group, sub}.join(u' ').trimmed());
    printUsage(err());
    return UsageError;
}

} // namespace ordo::cli
