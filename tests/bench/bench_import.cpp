// Import throughput: generates an orders CSV (default 100,000 orders of 1-4 lines over pre-imported locations
// and SKUs), imports it through CsvImporter into a fresh SQLite file and, in the same run, inserts the same
// rows into a plain table with one prepared INSERT per row in one transaction (the floor any importer stands
// on). Prints JSON; "parse_seconds" is the time to read, check and group the file without a database (the
// rest of ordo_seconds is OrderCapture and the database); "ratio" is ordo_seconds / baseline_seconds: how
// many times as long the full import (parsing, checking, capture with customers, validation, lines and audit
// trail) takes as the bare row inserts.
//   bench_import [orders]
#include "Error.h"
#include "channels/CsvImporter.h"
#include "formats/CsvFileKind.h"
#include "formats/CsvOrderAssembler.h"
#include "formats/CsvReader.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

constexpr int locationCount = 60; // 8 DCs, the rest stores (every third offers pickup)
constexpr int skuCount = 5000;
constexpr quint32 seed = 20240531;

const QString orderHeader =
    u"order_id,channel,ordered_at,customer_email,customer_phone,ship_name,address1,city,"
    "region,postal_code,country,latitude,longitude,delivery,pickup_location_id,sku,"
    "quantity,unit_price,currency"_s;

struct City {
    const char16_t* name;
    const char16_t* region;
    const char16_t* postal;
    double latitude;
    double longitude;
};
constexpr City cities[] = {
    {u"New York", u"NY", u"10001", 40.7128, -74.0060},
    {u"Los Angeles", u"CA", u"90012", 34.0522, -118.2437},
    {u"Chicago", u"IL", u"60601", 41.8781, -87.6298},
    {u"Houston", u"TX", u"77002", 29.7604, -95.3698},
    {u"Phoenix", u"AZ", u"85004", 33.4484, -112.0740},
    {u"Philadelphia", u"PA", u"19103", 39.9526, -75.1652},
    {u"San Antonio", u"TX", u"78205", 29.4241, -98.4936},
    {u"San Diego", u"CA", u"92101", 32.7157, -117.1611},
    {u"Dallas", u"TX", u"75201", 32.7767, -96.7970},
    {u"Seattle", u"WA", u"98101", 47.6062, -122.3321},
    {u"Denver", u"CO", u"80202", 39.7392, -104.9903},
    {u"Boston", u"MA", u"02108", 42.3601, -71.0589},
};
constexpr const char16_t* firstNames[] = {u"Ana",   u"Ben",  u"Chloé", u"Dev",  u"Eva",   u"Femi",
                                          u"Greta", u"Hiro", u"Ines",  u"Jon",  u"Kemal", u"Lena",
                                          u"Mateo", u"Nia",  u"Omar",  u"Priya"};
constexpr const char16_t* lastNames[] = {u"Lima",   u"Okafor", u"Smith",    u"O'Neil",
                                         u"García", u"Nguyen", u"Kowalski", u"Chen",
                                         u"Müller", u"Rossi",  u"Haddad",   u"Johansson"};
constexpr const char16_t* channels[] = {u"web", u"web",         u"web", u"app",
                                        u"app", u"marketplace", u"pos", u"phone"};

QString quoted(const QString& text) {
    return u'"' + QString(text).replace(u'"', u"\"\""_s) + u'"';
}

QString skuCode(int i) {
    return u"SKU-%1"_s.arg(i, 5, 10, QChar(u'0'));
}

qint64 skuPriceMinor(int i) {
    return 499 + (qint64(i) * 7919) % 25000;
}

QString locationCode(int i) {
    return i < 8 ? u"DC-%1"_s.arg(i + 1) : u"ST-%1"_s.arg(i, 4, 10, QChar(u'0'));
}

bool offersPickup(int i) {
    return i >= 8 && i % 3 == 0;
}

// Calls `row` with the fields of every order line, the same rows on every call.
int forEachOrderRow(int orders, const std::function<void(const QStringList&)>& row) {
    QRandomGenerator random(seed);
    const QDateTime start(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
    int lines = 0;
    for (int n = 0; n < orders; ++n) {
        const City& city = cities[random.bounded(int(std::size(cities)))];
        const QString first = QString::fromUtf16(firstNames[random.bounded(int(std::size(firstNames)))]);
        const QString last = QString::fromUtf16(lastNames[random.bounded(int(std::size(lastNames)))]);
        const bool pickup = random.bounded(10) == 0;
        int pickupAt = 9;
        while (!offersPickup(pickupAt))
            pickupAt = 8 + random.bounded(locationCount - 8);
        const QStringList order = {
            u"ORD-%1"_s.arg(n + 1, 7, 10, QChar(u'0')),
            QString::fromUtf16(channels[random.bounded(int(std::size(channels)))]),
            start.addSecs(random.bounded(90 * 86400)).toString(Qt::ISODate),
            u"%1.%2%3@example.com"_s.arg(first.toLower(), last.toLower().remove(u'\''))
                .arg(random.bounded(5000)),
            u"+1 555 %1"_s.arg(random.bounded(10000), 4, 10, QChar(u'0')),
            quoted(first + u' ' + last),
            quoted(u"%1 Market St, Apt %2"_s.arg(1 + random.bounded(9000)).arg(1 + random.bounded(40))),
            QString::fromUtf16(city.name),
            QString::fromUtf16(city.region),
            QString::fromUtf16(city.postal),
            u"US"_s,
            QString::number(city.latitude + random.bounded(1000) / 10000.0, 'f', 4),
            QString::number(city.longitude - random.bounded(1000) / 10000.0, 'f', 4),
            pickup ? u"pickup"_s : u"ship"_s,
            pickup ? locationCode(pickupAt) : QString(),
        };
        const int lineCount = 1 + random.bounded(4);
        for (int l = 0; l < lineCount; ++l) {
            const int sku = random.bounded(skuCount);
            const qint64 price = skuPriceMinor(sku);
            row(order + QStringList{skuCode(sku), QString::number(1 + random.bounded(3)),
                                    u"%1.%2"_s.arg(price / 100).arg(price % 100, 2, 10, QChar(u'0')),
                                    u"USD"_s});
            ++lines;
        }
    }
    return lines;
}

void writeMasterData(const QString& locationsPath, const QString& skusPath) {
    QFile locations(locationsPath);
    locations.open(QIODevice::WriteOnly);
    QTextStream l(&locations);
    l << "location_id,name,type,latitude,longitude,ship,pickup,daily_capacity\n";
    for (int i = 0; i < locationCount; ++i) {
        const City& city = cities[i % std::size(cities)];
        l << locationCode(i) << ',' << (i < 8 ? u"DC "_s : u"Store "_s) << QString::fromUtf16(city.name)
          << ',' << (i < 8 ? "dc" : "store") << ',' << city.latitude << ',' << city.longitude << ','
          << (i < 8 ? 1 : 0) << ',' << (offersPickup(i) ? 1 : 0) << ',' << (i < 8 ? 20000 : 300) << '\n';
    }
    QFile skus(skusPath);
    skus.open(QIODevice::WriteOnly);
    QTextStream s(&skus);
    s << "sku,name,weight_kg,unit_price,currency\n";
    for (int i = 0; i < skuCount; ++i) {
        const qint64 price = skuPriceMinor(i);
        s << skuCode(i) << ",\"Product " << i << ", size " << (i % 5) << "\"," << (0.1 + (i % 50) / 10.0)
          << ',' << price / 100 << '.' << QString::number(price % 100).rightJustified(2, u'0') << ",USD\n";
    }
}

double baselineSeconds(const QString& path, int orders) {
    Database db = Database::open(path);
    SqlQuery::run(db, u"CREATE TABLE baseline_rows (order_id TEXT, channel TEXT, ordered_at TEXT, "
                      "customer_email TEXT, customer_phone TEXT, ship_name TEXT, address1 TEXT, city TEXT, "
                      "region TEXT, postal_code TEXT, country TEXT, latitude DOUBLE PRECISION, "
                      "longitude DOUBLE PRECISION, delivery TEXT, pickup_location_id TEXT, sku TEXT, "
                      "quantity INTEGER, unit_price TEXT, currency TEXT)"_s);
    QStringList placeholders;
    for (int i = 0; i < 19; ++i)
        placeholders << u":c%1"_s.arg(i);
    QElapsedTimer timer;
    timer.start();
    Transaction tx(db);
    SqlQuery insert(db, u"INSERT INTO baseline_rows VALUES ("_s + placeholders.join(u", "_s) + u')');
    forEachOrderRow(orders, [&](const QStringList& fields) {
        for (int i = 0; i < 19; ++i)
            insert.bind(placeholders.at(i), fields.at(i));
        insert.exec();
    });
    tx.commit();
    return timer.nsecsElapsed() / 1e9;
}

// Reading, checking and grouping the file alone, without the database: the importer's own share.
double parseSeconds(const QString& path) {
    QElapsedTimer timer;
    timer.start();
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    CsvReader reader(file, path);
    CsvRecord record;
    reader.next(record);
    CsvOrderAssembler assembler(CsvFileKind::recognise(record.fields), path);
    while (reader.next(record))
        assembler.add(record);
    if (!assembler.errors().isEmpty())
        throw Error::input(
            u"the generated orders were rejected: %1"_s.arg(assembler.errors().value(0).message));
    return timer.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int orders = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    if (orders <= 0) {
        std::fprintf(stderr, "usage: bench_import [orders]\n");
        return 2;
    }
    QTemporaryDir dir;
    try {
        const QString ordersPath = dir.filePath(u"orders.csv"_s);
        writeMasterData(dir.filePath(u"locations.csv"_s), dir.filePath(u"skus.csv"_s));
        QFile file(ordersPath);
        file.open(QIODevice::WriteOnly);
        QTextStream csv(&file);
        csv << orderHeader << '\n';
        const int lines =
            forEachOrderRow(orders, [&](const QStringList& fields) { csv << fields.join(u',') << '\n'; });
        csv.flush();
        file.close();

        Database db = Database::open(dir.filePath(u"ordo.sqlite"_s));
        CsvImporter importer(db, Actor{u"bench"_s, Role::Admin});
        const ImportReport master =
            importer.importFiles({dir.filePath(u"locations.csv"_s), dir.filePath(u"skus.csv"_s)});
        if (!master.allAccepted())
            throw Error::input(u"the generated master data was not accepted"_s);
        QElapsedTimer timer;
        timer.start();
        const ImportReport report = importer.importFile(ordersPath);
        const double ordoSeconds = timer.nsecsElapsed() / 1e9;
        if (report.accepted != orders || !report.errors.isEmpty())
            throw Error::input(u"the import took %1 of %2 orders: %3"_s.arg(report.accepted)
                                   .arg(orders)
                                   .arg(report.errors.value(0).message));

        const double parse = parseSeconds(ordersPath);
        const double baseline = baselineSeconds(dir.filePath(u"baseline.sqlite"_s), orders);
        const QJsonObject result{
            {u"orders"_s, orders},
            {u"lines"_s, lines},
            {u"csv_bytes"_s, QFileInfo(ordersPath).size()},
            {u"ordo_seconds"_s, ordoSeconds},
            {u"ordo_orders_per_s"_s, qRound64(orders / ordoSeconds)},
            {u"ordo_lines_per_s"_s, qRound64(lines / ordoSeconds)},
            {u"parse_seconds"_s, parse},
            {u"baseline_seconds"_s, baseline},
            {u"baseline_rows_per_s"_s, qRound64(lines / baseline)},
            {u"ratio"_s, ordoSeconds / baseline},
            {u"held"_s, report.exceptions},
        };
        std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputs("\n", stdout);
    } catch (const Error& e) {
        std::fprintf(stderr, "bench_import: %s\n", e.what());
        return 1;
    }
    return 0;
}
