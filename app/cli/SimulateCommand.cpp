// `ordo simulate`: replays past orders under a draft rule set, the active rules and the greedy baseline.
#include "CliSupport.h"
#include "Commands.h"
#include "model/Money.h"
#include "sourcing/IndexStockLevels.h"
#include "sourcing/RuleSetJson.h"
#include "sourcing/RuleSetRepository.h"
#include "sourcing/SimulationData.h"
#include "sourcing/Simulator.h"
#include "storage/Database.h"

#include <QFile>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ordo::cli {

namespace {

// A day (YYYY-MM-DD, UTC midnight; as --to the end of that day) or an ISO 8601 time; invalid when neither.
QDateTime parseWhen(const QString& text, bool endOfDay) {
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (day.isValid() && text.size() == 10)
        return QDateTime(endOfDay ? day.addDays(1) : day, QTime(0, 0), Qt::UTC);
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC); // a time without an offset is UTC, as every time Ordo stores
    return t;
}

QString money(double minor, const QString& currency) {
    const int digits = Money::minorDigits(currency);
    return QString::number(std::round(minor) / std::pow(10.0, digits), 'f', digits);
}

void printText(const SimulationReport& r) {
    QTextStream& s = out();
    s << u"Simulation of %1 orders placed %2 to %3 (UTC), nothing reserved\n"_s.arg(r.orders).arg(
        r.from.toString(Qt::ISODate), r.to.toString(Qt::ISODate));
    s << u"Stock as at %1: today's positions with %2 units held or shipped by these orders since given back\n\n"_s
             .arg(r.from.toString(Qt::ISODate))
             .arg(r.unitsGivenBack);
    const QList<const SimulationRun*> runs = {&r.draft, &r.active, &r.greedy};
    const QStringList heads = {u""_s,           u"Total cost"_s, u"Cost/order"_s,  u"Ship/order"_s,
                               u"Split rate"_s, u"Unfillable"_s, u"Unfilled u."_s, u"Mean km"_s};
    s << u"%1"_s.arg(heads.first(), -14);
    for (qsizetype i = 1; i < heads.size(); ++i)
        s << u"  "_s << heads.at(i).rightJustified(12);
    s << u'\n';
    for (const SimulationRun* run : runs) {
        const QString name =
            run->name == u"greedy"_s ? u"greedy"_s : u"%1 (v%2)"_s.arg(run->name).arg(run->ruleVersion);
        const QStringList cells = {money(double(run->totalCostMinor), r.currency),
                                   money(run->costPerOrderMinor(), r.currency),
                                   QString::number(run->shipmentsPerOrder(), 'f', 3),
                                   u"%1 %"_s.arg(100.0 * run->splitRate(), 0, 'f', 1),
                                   u"%1 %"_s.arg(100.0 * run->unfillableRate(), 0, 'f', 1),
                                   QString::number(run->unfilledUnits),
                                   QString::number(run->meanDistanceKm(), 'f', 1)};
        s << name.leftJustified(14);
        for (const QString& cell : cells)
            s << u"  "_s << cell.rightJustified(12);
        s << u'\n';
    }
    s << u"\nShipments per location (draft / active / greedy):\n"_s;
    QMap<QString, QList<int>> load;
    for (qsizetype k = 0; k < runs.size(); ++k)
        for (const LocationLoad& l : runs.at(k)->load) {
            QList<int>& row = load[l.locationCode];
            row.resize(runs.size());
            row[k] = l.shipments;
        }
    for (auto it = load.cbegin(); it != load.cend(); ++it)
        s << u"  %1  %2 / %3 / %4\n"_s.arg(it.key(), -14)
                 .arg(it.value().value(0), 6)
                 .arg(it.value().value(1), 6)
                 .arg(it.value().value(2), 6);
    s << u"\n%1 orders routed differently under the draft"_s.arg(r.changes.size());
    constexpr qsizetype shown = 50; // a screenful; --json lists every one
    s << (r.changes.size() > shown ? u" (the first %1; --json lists all):\n"_s.arg(shown) : u":\n"_s);
    for (qsizetype i = 0; i < r.changes.size() && i < shown; ++i) {
        const RoutingChange& c = r.changes.at(i);
        s << u"  %1\n    before: %2 (%3)\n    after:  %4 (%5)\n"_s.arg(
            c.orderNumber, c.before, money(double(c.costBeforeMinor), r.currency), c.after,
            money(double(c.costAfterMinor), r.currency));
    }
    s.flush();
}

} // namespace

int runSimulateCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOptions({
        {u"rules"_s, u"The draft rule set, a JSON file as 'ordo rules export' writes it."_s, u"file"_s},
        {u"from"_s,
         u"First day (YYYY-MM-DD) or moment (ISO 8601, UTC) of the orders replayed; default 30 days "
         "before --to."_s,
         u"when"_s},
        {u"to"_s, u"Last day (included) or moment (excluded) of the orders replayed; default now."_s,
         u"when"_s},
    });
    const QString description =
        u"Replays the orders placed between --from and --to against the stock as it stood when the window "
        "opened, under the draft rules, under the active rules and by the greedy baseline (the nearest "
        "location that has the whole order, else the nearest for each line), reserving nothing. Reports for "
        "each the total and per-order cost, shipments per order, split rate, unfillable rate, mean distance "
        "and load per location, and the orders whose routing the draft changes.\n"
        "The stock of the time is today's positions with the units these orders (and later ones) hold or "
        "shipped given back; receipts and adjustments since are not undone.\n"
        "Exit codes: 0 done, 3 the rule file is unreadable or invalid, 2 usage error, 1 a database failure."_s;
    if (auto exit = parse(parser, arguments, description))
        return *exit;
    const auto usage = [](const QString& problem) {
        err() << u"ordo simulate: %1\nTry 'ordo simulate --help'.\n"_s.arg(problem);
        err().flush();
        return int(UsageError);
    };
    if (!parser.isSet(u"rules"_s))
        return usage(u"--rules DRAFT.json is required"_s);
    QDateTime to = QDateTime::currentDateTimeUtc();
    if (parser.isSet(u"to"_s)) {
        to = parseWhen(parser.value(u"to"_s).trimmed(), true);
        if (!to.isValid())
            return usage(
                u"--to '%1' is neither a day (2026-11-30) nor an ISO 8601 time"_s.arg(parser.value(u"to"_s)));
    }
    QDateTime from = to.addDays(-30);
    if (parser.isSet(u"from"_s)) {
        from = parseWhen(parser.value(u"from"_s).trimmed(), false);
        if (!from.isValid())
            return usage(u"--from '%1' is neither a day (2026-11-01) nor an ISO 8601 time"_s.arg(
                parser.value(u"from"_s)));
    }
    if (from >= to)
        return usage(u"--from must come before --to"_s);
    return guarded([&] {
        const QString path = parser.value(u"rules"_s);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw Error::input(u"%1: cannot read the rule set: %2"_s.arg(path, file.errorString()));
        RuleSet draft;
        try {
            draft = RuleSetJson::fromBytes(file.readAll());
        } catch (const Error& e) {
            throw Error(e.kind(), u"%1: %2"_s.arg(path, e.message()));
        }
        Database db = Database::open(databaseUrl(parser));
        const RuleSet active = RuleSetRepository(db).active();
        const SimulationData data = SimulationData::load(db, from, to);
        const IndexStockLevels start(data.inventory);
        SimulationReport report = simulate(data.orders, draft, active, start, data.network);
        report.from = data.from;
        report.to = data.to;
        report.unitsGivenBack = data.unitsGivenBack;
        if (wantsJson(parser))
            printJson(report.toJson());
        else
            printText(report);
        return int(Success);
    });
}

} // namespace ordo::cli
