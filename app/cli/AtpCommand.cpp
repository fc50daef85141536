// `ordo atp`: available-to-promise of one SKU, with every location's figures.
#include "CliSupport.h"
#include "Commands.h"
#include "formats/CsvFields.h"
#include "inventory/InventoryIndex.h"
#include "inventory/SegmentationRepository.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

QJsonObject toJson(const AtpResult& r) {
    QJsonArray locations;
    for (const AtpLocationFigure& f : r.locations)
        locations << QJsonObject{{u"location_id"_s, f.locationCode},
                                 {u"on_hand"_s, f.onHand},
                                 {u"reserved"_s, f.reserved},
                                 {u"safety_stock"_s, f.safetyStock},
                                 {u"buffer"_s, f.buffer},
                                 {u"future"_s, f.future},
                                 {u"atp"_s, f.atp}};
    return QJsonObject{{u"sku"_s, r.skuCode},
                       {u"channel"_s, r.channel ? QJsonValue(channelCode(*r.channel)) : QJsonValue()},
                       {u"atp"_s, r.atp},
                       {u"locations"_s, locations}};
}

void printText(const AtpResult& r, const AtpQuery& q) {
    QString scope = r.channel ? u"channel %1"_s.arg(channelCode(*r.channel)) : u"all channels (no buffer)"_s;
    if (r.channel && q.delivery)
        scope += u" (%1)"_s.arg(deliveryMethodCode(*q.delivery));
    out() << u"%1, %2: available to promise %3\n"_s.arg(r.skuCode, scope).arg(r.atp);
    const QStringList heads = {u"Location"_s, u"On hand"_s, u"Reserved"_s, u"Safety"_s,
                               u"Buffer"_s,   u"Future"_s,  u"ATP"_s};
    int first = int(heads.first().size());
    for (const AtpLocationFigure& f : r.locations)
        first = std::max(first, int(f.locationCode.size()));
    out() << heads.first().leftJustified(first);
    for (qsizetype i = 1; i < heads.size(); ++i)
        out() << u"  "_s << heads.at(i).rightJustified(9);
    out() << u'\n';
    for (const AtpLocationFigure& f : r.locations) {
        out() << f.locationCode.leftJustified(first);
        for (qint64 v : {f.onHand, f.reserved, f.safetyStock, f.buffer, f.future, f.atp})
            out() << u"  "_s << QString::number(v).rightJustified(9);
        out() << u'\n';
    }
    if (r.locations.isEmpty())
        out() << u"(no location serves this)\n"_s;
    out() << u"ATP = sum over locations of max(0, on hand - reserved - safety - buffer) + future\n"_s;
    out().flush();
}

} // namespace

int runAtpCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOptions({
        {u"sku"_s, u"The SKU."_s, u"code"_s},
        {u"channel"_s,
         u"Channel code (%1); without it every location counts and no buffer applies."_s.arg(
             channelCodes().join(u", "_s)),
         u"code"_s},
        {u"delivery"_s, u"ship or pickup; without it the channel's ship and pickup pools together."_s,
         u"method"_s},
        {u"location"_s, u"Only this location."_s, u"code"_s},
        {u"at"_s, u"The moment asked about, ISO 8601 (default: now); future supply counts from it."_s,
         u"when"_s},
    });
    const QString description =
        u"Available to promise of a SKU: the total and each location's figures.\n"
        "atp(location) = max(0, on_hand - reserved - safety_stock - buffer) + future, where buffer is the "
        "channel "
        "policy's units or percent of on hand (rounded up), future the inbound supply arriving within the "
        "channel's horizon when it allows future supply. A channel's locations are its pool for the delivery "
        "method (every shipping / pickup location if it has no pool), less its exclusions.\n"
        "Exit codes: 0 done, 3 unknown SKU, location or channel, 2 usage error, 1 a database failure."_s;
    if (auto exit = parse(parser, arguments, description))
        return *exit;
    if (!parser.isSet(u"sku"_s)) {
        err() << u"ordo atp: --sku is required\nTry 'ordo atp --help'.\n"_s;
        err().flush();
        return UsageError;
    }
    return guarded([&] {
        AtpQuery query;
        query.skuCode = parser.value(u"sku"_s).trimmed();
        if (parser.isSet(u"channel"_s))
            query.channel = SegmentationRepository::channel(parser.value(u"channel"_s).trimmed());
        if (parser.isSet(u"delivery"_s))
            query.delivery = SegmentationRepository::delivery(parser.value(u"delivery"_s).trimmed());
        query.locationCode = parser.value(u"location"_s).trimmed();
        if (parser.isSet(u"at"_s))
            query.at = CsvFields::timestamp(parser.value(u"at"_s).trimmed(), u"--at"_s);
        Database db = Database::open(databaseUrl(parser));
        // The in-memory index answers, as it does for the console and routing; loaded for this SKU alone.
        const AtpResult result = InventoryIndex::load(db, query.skuCode).atp(query);
        if (wantsJson(parser))
            printJson(toJson(result));
        else
            printText(result, query);
        return int(Success);
    });
}

} // namespace ordo::cli
