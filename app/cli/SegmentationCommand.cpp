// `ordo inventory group|pool|policy|exclude|supply|config ...`: the segmentation of stock between channels.
#include "CliSupport.h"
#include "Commands.h"
#include "formats/CsvFields.h"
#include "inventory/SegmentationConfigReader.h"
#include "inventory/SegmentationConfigWriter.h"
#include "inventory/SegmentationRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

struct Verb {
    QString name;
    QString summary;
    QList<QCommandLineOption> options;
    QString positional; // name of a positional argument, empty for none
};

QCommandLineOption opt(const QString& name, const QString& help, const QString& value = {}) {
    return value.isEmpty() ? QCommandLineOption(name, help) : QCommandLineOption(name, help, value);
}

const QMap<QString, QList<Verb>>& nouns() {
    const auto channel =
        opt(u"channel"_s, u"Channel code: %1."_s.arg(channelCodes().join(u", "_s)), u"code"_s);
    const auto delivery = opt(u"delivery"_s, u"Delivery method: ship or pickup."_s, u"method"_s);
    const auto location = opt(u"location"_s, u"Location code (may be repeated)."_s, u"code"_s);
    const auto group = opt(u"group"_s, u"Location group code (may be repeated)."_s, u"code"_s);
    const auto sku = opt(u"sku"_s, u"SKU code."_s, u"code"_s);
    static const QMap<QString, QList<Verb>> table = {
        {u"group"_s,
         {{u"add"_s,
           u"Create a location group or add locations to it."_s,
           {opt(u"name"_s, u"Name shown to people."_s, u"text"_s), location},
           u"CODE"_s},
          {u"remove"_s,
           u"Remove the given locations from a group, or the whole group."_s,
           {location},
           u"CODE"_s},
          {u"list"_s, u"List location groups with their locations."_s, {}, {}}}},
        {u"pool"_s,
         {{u"add"_s,
           u"Let locations (or a group's locations) serve a channel for a delivery method."_s,
           {channel, delivery, location, group},
           {}},
          {u"remove"_s,
           u"Take locations out of a channel's pool."_s,
           {channel, delivery, location, group},
           {}},
          {u"list"_s, u"List channel pools."_s, {channel}, {}}}},
        {u"policy"_s,
         {{u"set"_s,
           u"Set a channel's buffer and future-supply policy (omitted values take their default)."_s,
           {channel, opt(u"buffer-units"_s, u"Units kept back at each location."_s, u"n"_s),
            opt(u"buffer-percent"_s, u"Percent of on hand kept back, rounded up."_s, u"p"_s),
            opt(u"allow-future"_s, u"Promise inbound supply arriving within the horizon."_s),
            opt(u"horizon-days"_s, u"Days ahead inbound supply counts."_s, u"n"_s)},
           {}},
          {u"remove"_s,
           u"Restore a channel's default policy (no buffer, no future supply)."_s,
           {channel},
           {}},
          {u"list"_s, u"List channel policies."_s, {}, {}}}},
        {u"exclude"_s,
         {{u"add"_s,
           u"Keep a SKU, a location or a SKU at a location from a channel."_s,
           {channel, sku, location},
           {}},
          {u"remove"_s, u"Lift an exclusion."_s, {channel, sku, location}, {}},
          {u"list"_s, u"List exclusions."_s, {channel}, {}}}},
        {u"supply"_s,
         {{u"add"_s,
           u"Record inbound supply (or replace the line of the same reference, location and SKU)."_s,
           {opt(u"reference"_s, u"Purchase order reference."_s, u"ref"_s), location, sku,
            opt(u"quantity"_s, u"Units arriving."_s, u"n"_s),
            opt(u"arrives-at"_s, u"Arrival, ISO 8601 (a date is midnight UTC)."_s, u"when"_s)},
           {}},
          {u"remove"_s,
           u"Remove an inbound supply line."_s,
           {opt(u"reference"_s, u"Purchase order reference."_s, u"ref"_s), location, sku},
           {}},
          {u"list"_s, u"List inbound supply."_s, {sku}, {}},
          {u"import"_s,
           u"Import inbound supply from CSV: reference,location_id,sku,quantity,arrives_at."_s,
           {},
           u"FILE"_s}}},
        {u"config"_s,
         {{u"import"_s,
           u"Import a segmentation configuration from JSON; each section given replaces the stored one."_s,
           {},
           u"FILE"_s},
          {u"export"_s,
           u"Write the segmentation configuration as JSON (to standard output without FILE)."_s,
           {},
           u"FILE"_s}}},
    };
    return table;
}

int usage(const QString& command, const QString& problem) {
    err() << u"ordo %1: %2\nTry 'ordo %1 --help'.\n"_s.arg(command, problem);
    err().flush();
    return UsageError;
}

// The parsed command line of one verb, with typed accessors that throw Error::usage.
class Call {
public:
    Call(QCommandLineParser& parser, QString command)
        : p(parser)
        , m_command(std::move(command)) {}
    QString value(const QString& name, bool required) const {
        if (required && !p.isSet(name))
            throw Error::usage(u"%1: --%2 is required"_s.arg(m_command, name));
        return p.value(name).trimmed();
    }
    QStringList values(const QString& name) const { return p.values(name); }
    Channel channel() const { return SegmentationRepository::channel(value(u"channel"_s, true)); }
    DeliveryMethod delivery() const { return SegmentationRepository::delivery(value(u"delivery"_s, true)); }
    qint64 number(const QString& name, qint64 min, qint64 max) const {
        return CsvFields::integer(value(name, true), u"--"_s + name, min, max);
    }
    QString positional(bool required) const {
        const QStringList args = p.positionalArguments();
        if (args.size() > 1)
            throw Error::usage(u"%1: unexpected argument \"%2\""_s.arg(m_command, args.at(1)));
        if (required && args.isEmpty())
            throw Error::usage(u"%1: missing argument"_s.arg(m_command));
        return args.value(0);
    }
    QCommandLineParser& p;

private:
    QString m_command;
};

void printChanged(bool json, int changed, const QString& what) {
    if (json)
        printJson(QJsonObject{{u"changed"_s, changed}});
    else {
        out() << what << u": "_s << changed << u" changed\n"_s;
        out().flush();
    }
}

void printRows(bool json, const QJsonArray& rows, const QStringList& columns) {
    if (json) {
        printJson(rows);
        return;
    }
    for (const QJsonValue& row : rows) {
        QStringList cells;
        for (const QString& c : columns) {
            const QJsonValue v = row.toObject().value(c);
            cells << (v.isArray() ? v.toVariant().toStringList().join(u","_s) : v.toVariant().toString());
        }
        out() << cells.join(u"  "_s) << u'\n';
    }
    if (rows.isEmpty())
        out() << u"(none)\n"_s;
    out().flush();
}

int runGroup(const QString& verb, Call& c, Database& db, bool json) {
    SegmentationRepository repo(db, commandLineActor());
    if (verb == u"list"_s) {
        QJsonArray rows;
        for (const LocationGroup& g : repo.groups())
            rows << QJsonObject{{u"code"_s, g.code},
                                {u"name"_s, g.name},
                                {u"locations"_s, QJsonArray::fromStringList(g.locationCodes)}};
        printRows(json, rows, {u"code"_s, u"name"_s, u"locations"_s});
        return Success;
    }
    const QString code = c.positional(true);
    std::optional<LocationGroup> existing;
    for (const LocationGroup& g : repo.groups())
        if (g.code == code)
            existing = g;
    const QStringList locations = c.values(u"location"_s);
    if (verb == u"add"_s) {
        QStringList members = existing ? existing->locationCodes : QStringList();
        members += locations;
        members.removeDuplicates();
        const QString name =
            c.p.isSet(u"name"_s) ? c.value(u"name"_s, false) : (existing ? existing->name : code);
        repo.saveGroup(code, name, members);
        printChanged(json, int(members.size() - (existing ? existing->locationCodes.size() : 0)),
                     u"group "_s + code);
    } else if (locations.isEmpty()) {
        repo.removeGroup(code);
        printChanged(json, 1, u"group "_s + code);
    } else {
        if (!existing)
            throw Error::notFound(u"no location group \"%1\""_s.arg(code));
        QStringList members = existing->locationCodes;
        for (const QString& l : locations)
            members.removeAll(l);
        repo.saveGroup(code, existing->name, members);
        printChanged(json, int(existing->locationCodes.size() - members.size()), u"group "_s + code);
    }
    return Success;
}

int runPool(const QString& verb, Call& c, Database& db, bool json) {
    SegmentationRepository repo(db, commandLineActor());
    if (verb == u"list"_s) {
        QJsonArray rows;
        const auto channel = c.p.isSet(u"channel"_s) ? std::optional(c.channel()) : std::nullopt;
        for (const PoolEntry& e : repo.pools(channel))
            rows << QJsonObject{{u"channel"_s, channelCode(e.channel)},
                                {u"delivery"_s, deliveryMethodCode(e.delivery)},
                                {u"location_id"_s, e.locationCode}};
        printRows(json, rows, {u"channel"_s, u"delivery"_s, u"location_id"_s});
        return Success;
    }
    const Channel channel = c.channel();
    const DeliveryMethod delivery = c.delivery();
    const QStringList locations = c.values(u"location"_s);
    const QStringList groups = c.values(u"group"_s);
    if (locations.isEmpty() && groups.isEmpty())
        throw Error::usage(u"inventory pool %1: give --location or --group"_s.arg(verb));
    const bool add = verb == u"add"_s;
    int changed = 0;
    Transaction tx(db);
    for (const QString& l : locations)
        changed +=
            (add ? repo.addPoolLocation(channel, delivery, l) : repo.removePoolLocation(channel, delivery, l))
                ? 1
                : 0;
    for (const QString& g : groups)
        changed += add ? repo.addPoolGroup(channel, delivery, g) : repo.removePoolGroup(channel, delivery, g);
    tx.commit();
    printChanged(json, changed, u"pool %1 %2"_s.arg(channelCode(channel), deliveryMethodCode(delivery)));
    return Success;
}

int runPolicy(const QString& verb, Call& c, Database& db, bool json) {
    SegmentationRepository repo(db, commandLineActor());
    if (verb == u"list"_s) {
        QJsonArray rows;
        for (const ChannelPolicy& p : repo.policies())
            rows << QJsonObject{{u"channel"_s, channelCode(p.channel)},
                                {u"buffer_units"_s, p.bufferUnits},
                                {u"buffer_percent"_s, p.bufferPercent},
                                {u"allow_future"_s, p.allowFutureSupply},
                                {u"horizon_days"_s, p.horizonDays}};
        printRows(
            json, rows,
            {u"channel"_s, u"buffer_units"_s, u"buffer_percent"_s, u"allow_future"_s, u"horizon_days"_s});
        return Success;
    }
    if (verb == u"remove"_s) {
        const Channel channel = c.channel();
        printChanged(json, repo.removePolicy(channel) ? 1 : 0, u"policy "_s + channelCode(channel));
        return Success;
    }
    ChannelPolicy policy;
    policy.channel = c.channel();
    if (c.p.isSet(u"buffer-units"_s) && c.p.isSet(u"buffer-percent"_s))
        throw Error::usage(u"inventory policy set: give --buffer-units or --buffer-percent, not both"_s);
    if (c.p.isSet(u"buffer-units"_s))
        policy.bufferUnits = c.number(u"buffer-units"_s, 0, std::numeric_limits<qint64>::max());
    if (c.p.isSet(u"buffer-percent"_s))
        policy.bufferPercent = int(c.number(u"buffer-percent"_s, 0, 100));
    policy.allowFutureSupply = c.p.isSet(u"allow-future"_s);
    if (c.p.isSet(u"horizon-days"_s))
        policy.horizonDays = int(c.number(u"horizon-days"_s, 0, 36500));
    repo.setPolicy(policy);
    printChanged(json, 1, u"policy "_s + channelCode(policy.channel));
    return Success;
}

int runExclude(const QString& verb, Call& c, Database& db, bool json) {
    SegmentationRepository repo(db, commandLineActor());
    if (verb == u"list"_s) {
        QJsonArray rows;
        const auto channel = c.p.isSet(u"channel"_s) ? std::optional(c.channel()) : std::nullopt;
        for (const Segmentation::Exclusion& e : repo.exclusions(channel))
            rows << QJsonObject{
                {u"channel"_s, e.channel},
                {u"sku"_s, e.skuCode.isEmpty() ? QJsonValue() : QJsonValue(e.skuCode)},
                {u"location_id"_s, e.locationCode.isEmpty() ? QJsonValue() : QJsonValue(e.locationCode)}};
        printRows(json, rows, {u"channel"_s, u"sku"_s, u"location_id"_s});
        return Success;
    }
    const Channel channel = c.channel();
    const QString sku = c.value(u"sku"_s, false);
    const QString location = c.value(u"location"_s, false);
    if (sku.isEmpty() && location.isEmpty())
        throw Error::usage(u"inventory exclude %1: give --sku, --location or both"_s.arg(verb));
    const bool changed = verb == u"add"_s ? repo.addExclusion(channel, sku, location)
                                          : repo.removeExclusion(channel, sku, location);
    printChanged(json, changed ? 1 : 0, u"exclusion "_s + channelCode(channel));
    return Success;
}

int runSupply(const QString& verb, Call& c, Database& db, bool json) {
    if (verb == u"import"_s) {
        const int lines =
            SegmentationConfigReader(db, commandLineActor()).importFutureSupplyCsvFile(c.positional(true));
        if (json)
            printJson(QJsonObject{{u"imported"_s, lines}});
        else {
            out() << u"future supply: "_s << lines << u" line(s) imported\n"_s;
            out().flush();
        }
        return Success;
    }
    SegmentationRepository repo(db, commandLineActor());
    if (verb == u"list"_s) {
        QJsonArray rows;
        for (const FutureSupplyLine& f : repo.futureSupply(c.value(u"sku"_s, false)))
            rows << QJsonObject{{u"reference"_s, f.reference},
                                {u"location_id"_s, f.locationCode},
                                {u"sku"_s, f.skuCode},
                                {u"quantity"_s, f.quantity},
                                {u"arrives_at"_s, f.arrivesAt.toUTC().toString(Qt::ISODate)}};
        printRows(json, rows, {u"reference"_s, u"location_id"_s, u"sku"_s, u"quantity"_s, u"arrives_at"_s});
        return Success;
    }
    const QString reference = c.value(u"reference"_s, true);
    const QString location = c.value(u"location"_s, true);
    const QString sku = c.value(u"sku"_s, true);
    if (verb == u"remove"_s) {
        printChanged(json, repo.removeFutureSupply(reference, location, sku) ? 1 : 0, u"future supply"_s);
        return Success;
    }
    FutureSupplyLine line{
        reference, location, sku,
        c.number(u"quantity"_s, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()),
        CsvFields::timestamp(c.value(u"arrives-at"_s, true), u"--arrives-at"_s)};
    repo.addFutureSupply(line);
    printChanged(json, 1, u"future supply"_s);
    return Success;
}

int runConfig(const QString& verb, Call& c, Database& db, bool json) {
    if (verb == u"export"_s) {
        const QString path = c.positional(false);
        const QByteArray text =
            QJsonDocument(SegmentationConfigWriter::toJson(db)).toJson(QJsonDocument::Indented);
        if (path.isEmpty() || path == u"-"_s) {
            out() << QString::fromUtf8(text);
            out().flush();
            return Success;
        }
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
            throw Error::input(u"%1: cannot write: %2"_s.arg(path, file.errorString()));
        return Success;
    }
    const auto s = SegmentationConfigReader(db, commandLineActor()).importJsonFile(c.positional(true));
    if (json)
        printJson(QJsonObject{{u"groups"_s, s.groups},
                              {u"pools"_s, s.pools},
                              {u"policies"_s, s.policies},
                              {u"exclusions"_s, s.exclusions},
                              {u"future_supply"_s, s.futureSupply}});
    else {
        out()
            << u"imported %1 group(s), %2 pool row(s), %3 policy(ies), %4 exclusion(s), %5 supply line(s)\n"_s
                   .arg(s.groups)
                   .arg(s.pools)
                   .arg(s.policies)
                   .arg(s.exclusions)
                   .arg(s.futureSupply);
        out().flush();
    }
    return Success;
}

} // namespace

int runInventorySegmentationCommand(const QStringList& arguments) {
    const QString noun = arguments.value(2);
    const auto it = nouns().constFind(noun);
    if (it == nouns().cend())
        return usage(u"inventory"_s, u"unknown subcommand \"%1\""_s.arg(noun));
    const QString verbName = arguments.value(3);
    const auto verb =
        std::find_if(it->cbegin(), it->cend(), [&](const Verb& v) { return v.name == verbName; });
    if (verb == it->cend()) {
        if (verbName == u"--help"_s || verbName == u"-h"_s || verbName.isEmpty()) {
            QTextStream& s = verbName.isEmpty() ? err() : out();
            s << u"Usage: ordo inventory %1 <action> [options]\n\nActions:\n"_s.arg(noun);
            for (const Verb& v : *it)
                s << u"  "_s << v.name.leftJustified(8) << v.summary << u'\n';
            s.flush();
            return verbName.isEmpty() ? int(UsageError) : int(Success);
        }
        return usage(u"inventory "_s + noun, u"unknown action \"%1\""_s.arg(verbName));
    }

    const QString command = u"inventory %1 %2"_s.arg(noun, verbName);
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOptions(verb->options);
    if (!verb->positional.isEmpty())
        parser.addPositionalArgument(verb->positional,
                                     verb->positional == u"CODE"_s ? u"Group code."_s : u"File."_s);
    QStringList args = arguments.mid(4);
    args.prepend(command);
    args.prepend(arguments.value(0));
    const QString description = verb->summary +
                                u"\nExit codes: 0 done, 3 input refused (unknown code, bad value, bad file), "
                                "2 usage error, 1 a database failure."_s;
    if (auto exit = parse(parser, args, description))
        return *exit;
    if (verb->positional.isEmpty() && !parser.positionalArguments().isEmpty())
        return usage(command, u"unexpected argument \"%1\""_s.arg(parser.positionalArguments().first()));

    return guarded([&] {
        Call call(parser, command);
        Database db = Database::open(databaseUrl(parser));
        const bool json = wantsJson(parser);
        if (noun == u"group"_s)
            return runGroup(verbName, call, db, json);
        if (noun == u"pool"_s)
            return runPool(verbName, call, db, json);
        if (noun == u"policy"_s)
            return runPolicy(verbName, call, db, json);
        if (noun == u"exclude"_s)
            return runExclude(verbName, call, db, json);
        if (noun == u"supply"_s)
            return runSupply(verbName, call, db, json);
        return runConfig(verbName, call, db, json);
    });
}

} // namespace ordo::cli
