// `ordo order fix-address|map-sku|revalidate`: correct an order that is not yet routed and validate it again.
#include "CliSupport.h"
#include "Commands.h"
#include "channels/OutboundDocuments.h"
#include "orders/OrderCorrections.h"
#include "orders/OrderQuery.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

// A correction that released a held X12 order lets go of the 855 its partner waited for.
void answerPartner(Database& db, const CorrectionOutcome& outcome) {
    if (outcome.released)
        OutboundDocuments(db, commandLineActor()).acknowledgeWhenDue(outcome.orderId);
}

// "ordo order fix-address" is shown as the program.
QStringList subArguments(const QStringList& arguments) {
    QStringList args = arguments.mid(3);
    args.prepend(arguments.mid(1, 2).join(u' '));
    args.prepend(arguments.value(0));
    return args;
}

const QString exitCodes =
    u"\nExit codes: 0 done (the order may still be held: see the output), 3 refused (bad "
    "input, an order already routed, a role that may not correct orders), 2 usage error, "
    "1 a database failure."_s;

qint64 orderId(Database& db, const QString& wanted) {
    const auto id = OrderQuery(db).findId(wanted);
    if (!id)
        throw Error::notFound(u"there is no order %1 in %2"_s.arg(wanted, db.displayName()));
    return *id;
}

QJsonObject toJson(const CorrectionOutcome& o) {
    QJsonArray remaining;
    for (const ExceptionReason& r : o.remaining)
        remaining.append(QJsonObject{{u"code"_s, r.code}, {u"detail"_s, r.detail}});
    return QJsonObject{{u"order"_s, o.orderNumber},
                       {u"before"_s, orderStatusCode(o.before)},
                       {u"status"_s, orderStatusCode(o.after)},
                       {u"released"_s, o.released},
                       {u"held"_s, o.after == OrderStatus::Exception},
                       {u"remaining"_s, remaining}};
}

void printOutcome(const QString& what, const CorrectionOutcome& o) {
    QTextStream& s = out();
    if (o.released)
        s << u"Order %1: %2; it passes validation and is released (validated).\n"_s.arg(o.orderNumber, what);
    else if (o.after == OrderStatus::Exception) {
        s << u"Order %1: %2; it is %3held:\n"_s.arg(o.orderNumber, what, o.held ? QString() : u"still "_s);
        for (const ExceptionReason& r : o.remaining)
            s << u"  %1: %2\n"_s.arg(r.code, r.detail);
    } else
        s << u"Order %1: %2; it is %3.\n"_s.arg(o.orderNumber, what, orderStatusCode(o.after));
    s.flush();
}

bool missingOption(const QCommandLineParser& parser, const QString& command, const QStringList& names) {
    for (const QString& name : names)
        if (!parser.isSet(name)) {
            err() << u"ordo order %1: --%2 is required\n"_s.arg(command, name);
            err().flush();
            return true;
        }
    return false;
}

// The fields of a JSON address object override `address`; a field of the wrong kind is refused by its path.
void applyJson(const QString& path, Address& address) {
    QFile file(path);
    const bool opened =
        path == u"-"_s ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened)
        throw Error::input(u"%1: cannot open the file: %2"_s.arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw Error::input(
            u"%1: offset %2: %3"_s.arg(path).arg(parseError.offset).arg(parseError.errorString()));
    if (!doc.isObject())
        throw Error::input(u"%1: $: expected an object with the address fields"_s.arg(path));
    const QJsonObject o = doc.object();
    const std::pair<QString, QString*> texts[] = {{u"name"_s, &address.name},
                                                  {u"line1"_s, &address.line1},
                                                  {u"city"_s, &address.city},
                                                  {u"region"_s, &address.region},
                                                  {u"postal_code"_s, &address.postalCode},
                                                  {u"country"_s, &address.country}};
    for (const auto& [key, field] : texts) {
        if (!o.contains(key))
            continue;
        if (!o.value(key).isString())
            throw Error::input(u"%1: $.%2: expected a string"_s.arg(path, key));
        *field = o.value(key).toString();
    }
    const bool lat = o.contains(u"latitude"_s), lon = o.contains(u"longitude"_s);
    if (lat != lon)
        throw Error::input(u"%1: $.%2: give latitude and longitude together"_s.arg(
            path, lat ? u"longitude"_s : u"latitude"_s));
    if (lat) {
        for (const QString& key : {u"latitude"_s, u"longitude"_s})
            if (!o.value(key).isDouble())
                throw Error::input(u"%1: $.%2: expected a number"_s.arg(path, key));
        address.position = GeoPoint{o.value(u"latitude"_s).toDouble(), o.value(u"longitude"_s).toDouble()};
    }
}

int runFixAddress(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    const std::pair<QString, QString> fields[] = {{u"name"_s, u"The recipient's name."_s},
                                                  {u"line1"_s, u"The street address."_s},
                                                  {u"city"_s, u"The city."_s},
                                                  {u"region"_s, u"The state, province or region."_s},
                                                  {u"postal-code"_s, u"The postal code."_s},
                                                  {u"country"_s, u"The ISO 3166 two-letter country code."_s}};
    parser.addOption({u"order"_s, u"The order number (or the channel's order id)."_s, u"ID"_s});
    for (const auto& [name, help] : fields)
        parser.addOption({name, help, u"TEXT"_s});
    parser.addOption({u"latitude"_s, u"The address's latitude in degrees (with --longitude)."_s, u"DEG"_s});
    parser.addOption({u"longitude"_s, u"The address's longitude in degrees (with --latitude)."_s, u"DEG"_s});
    parser.addOption({u"from-json"_s,
                      u"Read the fields from a JSON object (name, line1, city, region, postal_code, country, "
                      "latitude, longitude); - reads standard input."_s,
                      u"FILE"_s});
    parser.addOption({u"note"_s, u"Why the address changed, kept in the order's history."_s, u"TEXT"_s});
    const QString description =
        u"Corrects the ship-to address of an order not yet routed, then validates the order again: an order "
        "held at capture that now passes every rule is released; one that still fails stays held for the "
        "reasons that still apply. Fields not given keep their value; coordinates are dropped when the "
        "postal "
        "code or country changes and none are given."_s +
        exitCodes;
    if (auto exit = parse(parser, subArguments(arguments), description))
        return *exit;
    if (missingOption(parser, u"fix-address"_s, {u"order"_s}))
        return UsageError;
    if (parser.isSet(u"latitude"_s) != parser.isSet(u"longitude"_s)) {
        err() << u"ordo order fix-address: give --latitude and --longitude together\n"_s;
        err().flush();
        return UsageError;
    }
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        const qint64 id = orderId(db, parser.value(u"order"_s));
        OrderCorrections corrections(db);
        Address address = corrections.context(id).shipTo;
        // Coordinates only when given: the service keeps the old ones while the place stays the same.
        address.position.reset();
        if (parser.isSet(u"from-json"_s))
            applyJson(parser.value(u"from-json"_s), address);
        QString* targets[] = {&address.name,   &address.line1,      &address.city,
                              &address.region, &address.postalCode, &address.country};
        for (int i = 0; i < 6; ++i)
            if (parser.isSet(fields[i].first))
                *targets[i] = parser.value(fields[i].first);
        if (parser.isSet(u"latitude"_s)) {
            bool okLat = false, okLon = false;
            const double lat = parser.value(u"latitude"_s).toDouble(&okLat);
            const double lon = parser.value(u"longitude"_s).toDouble(&okLon);
            if (!okLat || !okLon)
                throw Error::input(u"latitude/longitude: '%1', '%2' are not numbers"_s.arg(
                    parser.value(u"latitude"_s), parser.value(u"longitude"_s)));
            address.position = GeoPoint{lat, lon};
        }
        Transaction tx(db); // the correction and the 855 it lets go, or neither
        const CorrectionOutcome outcome =
            corrections.correctShipTo(id, address, commandLineActor(), parser.value(u"note"_s));
        answerPartner(db, outcome);
        tx.commit();
        if (wantsJson(parser))
            printJson(toJson(outcome));
        else
            printOutcome(u"ship-to corrected"_s, outcome);
        return int(Success);
    });
}

int runMapSku(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({u"order"_s, u"The order number (or the channel's order id)."_s, u"ID"_s});
    parser.addOption({u"line"_s, u"The line number of the unknown SKU."_s, u"N"_s});
    parser.addOption({u"code"_s,
                      u"Instead of --order and --line: map this unknown code (or part number) on "
                      "every held order that has it."_s,
                      u"CODE"_s});
    parser.addOption({u"sku"_s, u"The catalogue SKU the line is for."_s, u"SKU"_s});
    parser.addOption({u"remember"_s,
                      u"Also file the line's part number (else the code the channel sent) under "
                      "the order's partner in the cross-reference, so the next import maps it."_s});
    const QString description =
        u"Sets the SKU of an order line the catalogue did not know, then validates the "
        "order again (see ordo order fix-address)."_s +
        exitCodes;
    if (auto exit = parse(parser, subArguments(arguments), description))
        return *exit;
    if (missingOption(parser, u"map-sku"_s, {u"sku"_s}))
        return UsageError;
    const bool everywhere = parser.isSet(u"code"_s);
    if (everywhere == (parser.isSet(u"order"_s) || parser.isSet(u"line"_s))) {
        err() << u"ordo order map-sku: give either --order and --line, or --code\n"_s;
        err().flush();
        return UsageError;
    }
    if (!everywhere && missingOption(parser, u"map-sku"_s, {u"order"_s, u"line"_s}))
        return UsageError;
    bool okLine = true;
    const int lineNo = everywhere ? 0 : parser.value(u"line"_s).toInt(&okLine);
    if (!okLine || (!everywhere && lineNo < 1)) {
        err() << u"ordo order map-sku: --line: '%1' is not a line number\n"_s.arg(parser.value(u"line"_s));
        err().flush();
        return UsageError;
    }
    const bool remember = parser.isSet(u"remember"_s);
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        OrderCorrections corrections(db);
        const QString sku = parser.value(u"sku"_s);
        if (!everywhere) {
            const qint64 id = orderId(db, parser.value(u"order"_s));
            Transaction tx(db);
            const CorrectionOutcome outcome =
                corrections.mapUnknownSku(id, lineNo, sku, commandLineActor(), remember);
            answerPartner(db, outcome);
            tx.commit();
            if (wantsJson(parser))
                printJson(toJson(outcome));
            else
                printOutcome(u"line %1 mapped to %2"_s.arg(lineNo).arg(sku.trimmed()), outcome);
            return int(Success);
        }
        const QList<BulkMapResult> results =
            corrections.mapUnknownSkuEverywhere(parser.value(u"code"_s), sku, commandLineActor(), remember);
        int refused = 0;
        QJsonArray array;
        for (const BulkMapResult& r : results) {
            refused += r.error.isEmpty() ? 0 : 1;
            if (r.outcome)
                answerPartner(db, *r.outcome);
            QJsonArray lines;
            for (int no : r.lineNos)
                lines.append(no);
            QJsonObject o = r.outcome ? toJson(*r.outcome) : QJsonObject{{u"order"_s, r.orderNumber}};
            o.insert(u"lines"_s, lines);
            if (!r.error.isEmpty())
                o.insert(u"error"_s, r.error);
            array.append(o);
            if (wantsJson(parser))
                continue;
            QStringList numbers;
            for (int no : r.lineNos)
                numbers << QString::number(no);
            if (r.outcome)
                printOutcome(u"line(s) %1 mapped to %2"_s.arg(numbers.join(u", "_s), sku.trimmed()),
                             *r.outcome);
            else
                err() << u"Order %1 was not changed: %2\n"_s.arg(r.orderNumber, r.error);
        }
        if (wantsJson(parser))
            printJson(array);
        else if (results.isEmpty())
            out() << u"No held order has an unknown line sent as '%1'.\n"_s.arg(
                parser.value(u"code"_s).trimmed());
        out().flush();
        err().flush();
        return int(refused > 0 ? InputRejected : Success);
    });
}

int runRevalidate(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({u"order"_s, u"The order number (or the channel's order id)."_s, u"ID"_s});
    const QString description =
        u"Validates an order not yet routed again, with no change: after a rule was "
        "switched off or master data was added. A held order that passes is released."_s +
        exitCodes;
    if (auto exit = parse(parser, subArguments(arguments), description))
        return *exit;
    if (missingOption(parser, u"revalidate"_s, {u"order"_s}))
        return UsageError;
    return guarded([&] {
        Database db = Database::open(databaseUrl(parser));
        const qint64 id = orderId(db, parser.value(u"order"_s));
        Transaction tx(db);
        const CorrectionOutcome outcome = OrderCorrections(db).revalidate(id, commandLineActor());
        answerPartner(db, outcome);
        tx.commit();
        if (wantsJson(parser))
            printJson(toJson(outcome));
        else
            printOutcome(u"validated again"_s, outcome);
        return int(Success);
    });
}

} // namespace

bool isOrderFixCommand(const QString& sub) {
    return sub == u"fix-address"_s || sub == u"map-sku"_s || sub == u"revalidate"_s;
}

int runOrderFixCommand(const QStringList& arguments) {
    const QString sub = arguments.value(2);
    if (sub == u"fix-address"_s)
        return runFixAddress(arguments);
    if (sub == u"map-sku"_s)
        return runMapSku(arguments);
    return runRevalidate(arguments);
}

} // namespace ordo::cli
