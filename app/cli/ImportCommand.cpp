#include "CliSupport.h"
#include "Commands.h"
#include "channels/ImportService.h"
#include "storage/Database.h"

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

void printIssues(const QString& label, const QList<ImportIssue>& issues) {
    for (const ImportIssue& issue : issues) {
        err() << label << issue.file;
        if (issue.line > 0)
            err() << u" line "_s << issue.line;
        if (!issue.where.isEmpty())
            err() << u": "_s << issue.where;
        err() << u": "_s << issue.message << u'\n';
    }
}

void printText(const ImportReport& report) {
    for (const ImportFileSummary& f : report.files) {
        out() << f.file;
        if (!f.format.isEmpty() && f.format != u"csv"_s)
            out() << u" ("_s << f.format << u" orders)"_s;
        else if (!f.kind.isEmpty())
            out() << u" ("_s << f.kind << u')';
        if (f.refused) {
            out() << u": refused, nothing imported\n"_s;
            continue;
        }
        out() << u": "_s << f.accepted << u" accepted"_s;
        if (f.exceptions > 0)
            out() << u" ("_s << f.exceptions << u" held in Exception)"_s;
        if (f.duplicates > 0)
            out() << u", "_s << f.duplicates << u" already imported"_s;
        if (f.rejected > 0)
            out() << u", "_s << f.rejected << u" rejected"_s;
        out() << u'\n';
    }
    out()
        << u"Total: %1 accepted, %2 held in Exception, %3 already imported, %4 rejected, %5 file(s) refused\n"_s
               .arg(report.accepted)
               .arg(report.exceptions)
               .arg(report.duplicates)
               .arg(report.rejected)
               .arg(report.refusedFiles);
    out().flush();
    printIssues(u"warning: "_s, report.warnings);
    printIssues(u"error: "_s, report.errors);
    err().flush();
}

} // namespace

int runImportCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    addProgressOption(parser);
    parser.addOption({u"format"_s,
                      u"The files' format: %1 (default auto: recognised by their content)."_s.arg(
                          OrderFormats::choices().join(u", "_s)),
                      u"format"_s, u"auto"_s});
    parser.addOption({u"allow-below-reserved"_s,
                      u"Let an inventory file's count set on hand below the stock reserved for open orders "
                      "(without it such a row is rejected)."_s});
    parser.addOption(
        {u"max-file-size"_s,
         u"The largest file taken, for every format: bytes, or a number with K, M or G (e.g. 512M). "
         "Default: 256 MiB for CSV and X12, 64 MiB for JSON documents. A larger file is refused "
         "before it is read; a FIFO or device is read up to the limit."_s,
         u"size"_s});
    parser.addPositionalArgument(
        u"files"_s,
        u"Channel order documents (Shopify, WooCommerce, Amazon SP-API JSON) or CSV files of locations, "
        u"SKUs, "
        "inventory or orders, recognised by their header row. CSV master data is imported before orders "
        "whatever the order given."_s,
        u"FILE..."_s);
    const QString description =
        u"Captures channel orders and loads CSV files into the database.\n"
        "Channel documents (JSON, UTF-8): shopify ({\"order\":..}, {\"orders\":[..]} or a webhook's order), "
        "woocommerce (REST v3, one order or an array), amazon ({\"orders\": getOrders response, "
        "\"orderItems\": "
        "[getOrderItems responses]}). Each order is captured in its own transaction with its source "
        "document; "
        "an order with a bad field is rejected naming its JSON path; a document that cannot be read is "
        "refused "
        "whole. Lines without an SKU are mapped through 'ordo skus xref'.\n"
        "CSV files (UTF-8, comma-separated, with a header row), each in one transaction:\n"
        "  locations  location_id,name,type,latitude,longitude,ship,pickup[,daily_capacity]\n"
        "  skus       sku,name,weight_kg,unit_price,currency[,gtin]\n"
        "  inventory  location_id,sku,on_hand[,safety_stock]\n"
        "  orders     order_id,channel,ordered_at,customer_email[,customer_phone],ship_name,address1,city,"
        "[region,]postal_code,country,[latitude,longitude,]delivery,pickup_location_id,sku,quantity,unit_"
        "price,"
        "currency (one row per order line)\n"
        "Orders that break a business rule are captured and held in Exception; rows that cannot be read are "
        "rejected with their line; a file that is not UTF-8 CSV of a known kind is refused whole.\n"
        "An inventory file's rows are counts that go into the stock ledger as `ordo inventory apply` takes "
        "them: each with an event id from the file's content, so importing the same file again changes "
        "nothing; a count that changes nothing is not written; a count below the stock reserved at that "
        "position (and lower than on hand) is rejected unless --allow-below-reserved is given.\n"
        "Exit codes: 0 everything accepted (orders already imported are skipped), 3 a row or order rejected "
        "or "
        "a file refused (also a file that cannot be opened; the other files are still imported), 2 usage "
        "error (no files), 1 a database failure."_s;
    if (auto exit = parse(parser, arguments, description))
        return *exit;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err() << u"ordo import: no files given\nTry 'ordo import --help'.\n"_s;
        err().flush();
        return UsageError;
    }

    return guarded([&] {
        // A JSON document takes several times its size in memory while it is parsed: even a limit given on
        // the command line stays below what such a document can sensibly take.
        constexpr qint64 mostBytes = qint64(16) << 30;
        const std::optional<InputLimits> limits =
            parser.isSet(u"max-file-size"_s)
                ? std::optional(InputLimits::all(byteSizeOption(parser, u"max-file-size"_s, mostBytes)))
                : std::nullopt;
        Database db = Database::open(databaseUrl(parser));
        InventoryImportOptions inventory;
        inventory.allowBelowReserved = parser.isSet(u"allow-below-reserved"_s);
        ImportService importer(db, commandLineActor(), inventory);
        if (wantsProgress(parser))
            importer.setOnCommitted([](const ImportedOrderOutcome& o) {
                printCommitted(u"order %1 (%2)"_s.arg(o.orderNumber, o.outcome));
            });
        if (limits)
            importer.setLimits(*limits);
        const ImportReport report = importer.importFiles(files, parser.value(u"format"_s));
        if (wantsJson(parser))
            printJson(report.toJson());
        else
            printText(report);
        return int(report.allAccepted() ? Success : InputRejected);
    });
}

} // namespace ordo::cli
