// `ordo documents`: the documents Ordo sends back to channels (X12 855 and 856, fulfillment JSON) — list
// them, show one, or make one for an order.
#include "CliSupport.h"
#include "Commands.h"
#include "channels/OutboundDocuments.h"
#include "orders/OrderQuery.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

QJsonObject toJson(const OutboundDocument& d, bool withContent) {
    QJsonObject o{
        {u"id"_s, d.id},
        {u"order_id"_s, d.orderId},
        {u"kind"_s, d.kind},
        {u"control_number"_s, d.controlNumber.isEmpty() ? QJsonValue() : QJsonValue(d.controlNumber)},
        {u"created_at"_s, d.createdAt.toString(Qt::ISODateWithMs)}};
    if (withContent)
        o.insert(u"content"_s, d.content);
    return o;
}

int usage(const QString& message) {
    err() << u"ordo documents: "_s << message << u"\nTry 'ordo documents --help'.\n"_s;
    err().flush();
    return UsageError;
}

qint64 orderId(Database& db, const QString& wanted) {
    const auto id = OrderQuery(db).findId(wanted);
    if (!id)
        throw Error::notFound(u"there is no order %1 in %2"_s.arg(wanted, db.displayName()));
    return *id;
}

void printMade(const OutboundDocument& d, bool json) {
    if (json) {
        printJson(toJson(d, true));
        return;
    }
    out() << u"document %1 (%2%3) for order id %4\n"_s.arg(d.id)
                 .arg(d.kind,
                      d.controlNumber.isEmpty() ? QString() : u", control number "_s + d.controlNumber)
                 .arg(d.orderId);
    out() << d.content;
    if (!d.content.endsWith(u'\n'))
        out() << u'\n';
    out().flush();
}

} // namespace

int runDocumentsCommand(const QStringList& arguments) {
    const QStringList subcommands = {u"show"_s, u"acknowledge"_s, u"ship-notice"_s, u"fulfillment"_s};
    const QString sub = subcommands.contains(arguments.value(2)) ? arguments.value(2) : QString();
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({u"order"_s, u"The order (its number or the channel's id)."_s, u"order"_s});
    parser.addOption({u"id"_s, u"The document id (show)."_s, u"id"_s});
    parser.addOption(
        {u"carrier"_s, u"The carrier (ship-notice, fulfillment), e.g. UPSN or UPS."_s, u"carrier"_s});
    parser.addOption({u"tracking"_s, u"The tracking number (ship-notice, fulfillment)."_s, u"number"_s});
    parser.addOption(
        {u"line"_s,
         u"A line of the shipment (ship-notice; repeat for several; default: every line that has "
         "shipped)."_s,
         u"n"_s});
    parser.addOption({u"packages"_s, u"How many packages (ship-notice; default 1, at most 9999)."_s, u"n"_s});
    const QString description =
        u"The documents Ordo sends back to channels: X12 855 acknowledgements, X12 856 ship notices and "
        "Shopify-style fulfillment JSON.\n"
        "  ordo documents --order ORDER            list the documents of an order\n"
        "  ordo documents show --id N              print one document\n"
        "  ordo documents acknowledge --order ORDER   make the 855 of an order captured from an X12 850\n"
        "  ordo documents ship-notice --order ORDER [--carrier C] [--tracking T] [--packages N] [--line "
        "N]...\n"
        "                                          the 856 of a shipment that left (its lines shipped)\n"
        "  ordo documents fulfillment --order ORDER [--carrier C] [--tracking T]   the fulfillment JSON\n"
        "An 856 is also made on its own when a B2B order from X12 ships."_s;
    QStringList args = arguments;
    if (!sub.isEmpty()) {
        args = arguments.mid(3);
        args.prepend(arguments.value(1) + u' ' + sub);
        args.prepend(arguments.value(0));
    }
    if (auto exit = parse(parser, args, description))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return usage(u"unexpected argument '%1'"_s.arg(parser.positionalArguments().first()));
    if (sub == u"show"_s ? !parser.isSet(u"id"_s) : !parser.isSet(u"order"_s))
        return usage(sub == u"show"_s ? u"name the document with --id N"_s
                                      : u"name the order with --order"_s);
    bool ok = true;
    const qint64 documentId = parser.isSet(u"id"_s) ? parser.value(u"id"_s).toLongLong(&ok) : 0;
    if (!ok)
        return usage(u"--id must be a number"_s);
    return guarded([&] {
        const int packages =
            parser.isSet(u"packages"_s) ? int(integerOption(parser, u"packages"_s, 1, 9999)) : 1;
        Database db = Database::open(databaseUrl(parser));
        OutboundDocuments documents(db, commandLineActor());
        const bool json = wantsJson(parser);
        if (sub == u"show"_s) {
            const auto d = documents.find(documentId);
            if (!d)
                throw Error::notFound(u"there is no outbound document %1"_s.arg(documentId));
            if (json)
                printJson(toJson(*d, true));
            else
                out() << d->content;
            out().flush();
            return int(Success);
        }
        const qint64 order = orderId(db, parser.value(u"order"_s));
        ShipmentInfo shipment;
        shipment.carrier = parser.value(u"carrier"_s);
        shipment.trackingNumber = parser.value(u"tracking"_s);
        shipment.packages = packages;
        for (const QString& line : parser.values(u"line"_s)) {
            bool lineOk = false;
            const int lineNo = line.toInt(&lineOk);
            if (!lineOk || lineNo < 1)
                throw Error::usage(u"--line '%1' is not a line number"_s.arg(line));
            shipment.lineNos << lineNo;
        }
        if (sub == u"acknowledge"_s) {
            printMade(documents.acknowledge(order), json);
        } else if (sub == u"ship-notice"_s) {
            printMade(documents.shipNotice(order, shipment), json);
        } else if (sub == u"fulfillment"_s) {
            printMade(documents.fulfillment(order, shipment), json);
        } else {
            const QList<OutboundDocument> list = documents.forOrder(order);
            if (json) {
                QJsonArray array;
                for (const OutboundDocument& d : list)
                    array.append(toJson(d, false));
                printJson(array);
            } else {
                if (list.isEmpty())
                    out() << u"no documents for order %1\n"_s.arg(parser.value(u"order"_s));
                for (const OutboundDocument& d : list)
                    out() << u"%1  %2  %3  %4\n"_s.arg(
                        QString::number(d.id).rightJustified(6), d.kind.leftJustified(16),
                        d.controlNumber.leftJustified(9), d.createdAt.toString(u"yyyy-MM-dd HH:mm:ss"_s));
                out().flush();
            }
        }
        return int(Success);
    });
}

} // namespace ordo::cli
