#include "CrashWorld.h"

#include "Error.h"
#include "demo/DemoRandom.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

using namespace Qt::StringLiterals;

namespace ordo::test {

namespace {

struct City {
    const char* name;
    const char* region;
    const char* zip;
    double latitude;
    double longitude;
};

// Each with a ZIP of its own state and coordinates inside it, so that validation passes.
constexpr City cities[] = {
    {"New York", "NY", "10118", 40.7484, -73.9857}, {"Louisville", "KY", "40202", 38.2527, -85.7585},
    {"Austin", "TX", "78701", 30.2672, -97.7431},   {"Chicago", "IL", "60601", 41.8858, -87.6181},
    {"Seattle", "WA", "98101", 47.6101, -122.3344}, {"Denver", "CO", "80202", 39.7525, -104.9995},
    {"Miami", "FL", "33131", 25.7663, -80.1917},    {"Boston", "MA", "02108", 42.3588, -71.0638},
    {"Phoenix", "AZ", "85004", 33.4510, -112.0700}, {"Atlanta", "GA", "30303", 33.7525, -84.3915},
};
constexpr int dcCount = 3;
constexpr int storeCount = 9;

struct Position {
    QString location;
    QString sku;
    qint64 onHand = 0;
};

void write(const QString& path, const QByteArray& content) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        throw Error::storage(u"cannot write %1: %2"_s.arg(path, file.errorString()));
}

QString skuCode(int i) {
    return u"CR-%1"_s.arg(i + 1, 5, 10, QChar(u'0'));
}
QString locationCode(int i) {
    return i < dcCount ? u"DC-%1"_s.arg(i + 1) : u"ST-%1"_s.arg(i - dcCount + 1, 2, 10, QChar(u'0'));
}
const City& cityOf(int location) {
    return cities[location % std::size(cities)];
}

QByteArray locationsCsv() {
    QByteArray csv = "location_id,name,type,latitude,longitude,ship,pickup,daily_capacity\n";
    for (int i = 0; i < dcCount + storeCount; ++i) {
        const City& c = cityOf(i);
        const bool dc = i < dcCount;
        csv += u"%1,%2 %3,%4,%5,%6,1,%7,1000000\n"_s
                   .arg(locationCode(i), QString::fromLatin1(c.name), dc ? u"DC"_s : u"store"_s,
                        dc ? u"dc"_s : u"store"_s)
                   .arg(c.latitude, 0, 'f', 4)
                   .arg(c.longitude, 0, 'f', 4)
                   .arg(dc ? 0 : 1)
                   .toUtf8();
    }
    return csv;
}

QByteArray skusCsv(DemoRandom& random, int skus) {
    QByteArray csv = "sku,name,weight_kg,unit_price,currency\n";
    for (int i = 0; i < skus; ++i)
        csv += u"%1,Crash item %2,%3,%4.%5,USD\n"_s.arg(skuCode(i))
                   .arg(i + 1)
                   .arg(double(random.between(1, 40)) / 10.0, 0, 'f', 1)
                   .arg(random.between(3, 80))
                   .arg(random.between(0, 99), 2, 10, QChar(u'0'))
                   .toUtf8();
    return csv;
}

// Every SKU at every DC, about a third of them at each store; scarce enough that some orders split, wait
// (backordered) or are held.
QList<Position> stock(DemoRandom& random, int skus) {
    QList<Position> positions;
    for (int l = 0; l < dcCount + storeCount; ++l)
        for (int s = 0; s < skus; ++s)
            if (l < dcCount || random.chance(0.33))
                positions << Position{locationCode(l), skuCode(s), random.between(0, l < dcCount ? 30 : 6)};
    return positions;
}

QByteArray inventoryCsv(const QList<Position>& positions) {
    QByteArray csv = "location_id,sku,on_hand\n";
    for (const Position& p : positions)
        csv += u"%1,%2,%3\n"_s.arg(p.location, p.sku).arg(p.onHand).toUtf8();
    return csv;
}

QByteArray ordersJson(DemoRandom& random, int orders, int skus) {
    QJsonArray list;
    const qint64 firstAt = 1'748'736'000; // 2025-06-01T00:00:00Z
    for (int i = 0; i < orders; ++i) {
        const City& c = cities[random.between(0, qint64(std::size(cities)) - 1)];
        QJsonArray lines;
        const int lineCount = int(random.between(1, 4));
        QList<int> chosen;
        while (chosen.size() < lineCount) {
            // A few SKUs sell far more than the rest, as in a real catalogue.
            const int sku = random.chance(0.3) ? int(random.between(0, std::min(skus, 20) - 1))
                                               : int(random.between(0, skus - 1));
            if (!chosen.contains(sku))
                chosen << sku;
        }
        for (int n = 0; n < chosen.size(); ++n)
            lines.append(QJsonObject{{u"id"_s, qint64(i) * 10 + n + 1},
                                     {u"sku"_s, skuCode(chosen.at(n))},
                                     {u"name"_s, u"Crash item %1"_s.arg(chosen.at(n) + 1)},
                                     {u"quantity"_s, random.between(1, 3)},
                                     {u"price"_s, u"%1.00"_s.arg(random.between(3, 80))}});
        const QString name = u"Customer %1"_s.arg(i % 977);
        list.append(QJsonObject{
            {u"id"_s, qint64(7'000'000'000) + i},
            {u"name"_s, u"#%1"_s.arg(100000 + i)},
            {u"order_number"_s, 100000 + i},
            {u"email"_s, u"customer%1@example.com"_s.arg(i % 977)},
            {u"created_at"_s,
             QDateTime::fromSecsSinceEpoch(firstAt + qint64(i) * 60, Qt::UTC).toString(Qt::ISODate)},
            {u"currency"_s, u"USD"_s},
            {u"financial_status"_s, random.chance(0.03) ? u"pending"_s : u"paid"_s},
            {u"source_name"_s, u"web"_s},
            {u"customer"_s,
             QJsonObject{{u"first_name"_s, u"Customer"_s}, {u"last_name"_s, QString::number(i % 977)}}},
            {u"shipping_address"_s, QJsonObject{{u"name"_s, name},
                                                {u"address1"_s, u"%1 Main St"_s.arg(1 + i % 900)},
                                                {u"city"_s, QString::fromLatin1(c.name)},
                                                {u"province_code"_s, QString::fromLatin1(c.region)},
                                                {u"zip"_s, QString::fromLatin1(c.zip)},
                                                {u"country_code"_s, u"US"_s},
                                                {u"latitude"_s, c.latitude},
                                                {u"longitude"_s, c.longitude}}},
            {u"line_items"_s, lines}});
    }
    return QJsonDocument(QJsonObject{{u"orders"_s, list}}).toJson(QJsonDocument::Compact);
}

QByteArray eventsJsonl(DemoRandom& random, QList<Position> positions, int events) {
    QByteArray jsonl;
    for (int i = 0; i < events; ++i) {
        Position& p = positions[random.between(0, positions.size() - 1)];
        const QString id = u"crash-ev-%1"_s.arg(i, 7, 10, QChar(u'0'));
        QJsonObject event{{u"event_id"_s, id}, {u"location_id"_s, p.location}, {u"sku"_s, p.sku}};
        if (random.chance(0.1)) {
            qint64 count = random.between(0, 30);
            if (count == p.onHand)
                ++count;
            p.onHand = count;
            event.insert(u"type"_s, u"snapshot"_s);
            event.insert(u"on_hand"_s, count);
        } else {
            qint64 delta = random.between(-4, 8);
            if (delta == 0 || p.onHand + delta < 0)
                delta = random.between(1, 5);
            p.onHand += delta;
            event.insert(u"type"_s, u"delta"_s);
            event.insert(u"delta"_s, delta);
            event.insert(u"reason"_s, delta > 0 ? u"receipt"_s : u"adjustment"_s);
        }
        jsonl += QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
    }
    return jsonl;
}

} // namespace

void writeCrashWorld(const QString& dir, quint64 seed, const CrashWorldSize& size) {
    if (!QDir().mkpath(dir))
        throw Error::storage(u"cannot make the folder %1"_s.arg(dir));
    const QDir d(dir);
    DemoRandom catalogue = DemoRandom::derived(seed, 0, 1);
    DemoRandom stockRandom = DemoRandom::derived(seed, 0, 2);
    DemoRandom orderRandom = DemoRandom::derived(seed, 0, 3);
    DemoRandom eventRandom = DemoRandom::derived(seed, 0, 4);
    const QList<Position> positions = stock(stockRandom, size.skus);
    write(d.filePath(u"locations.csv"_s), locationsCsv());
    write(d.filePath(u"skus.csv"_s), skusCsv(catalogue, size.skus));
    write(d.filePath(u"inventory.csv"_s), inventoryCsv(positions));
    write(d.filePath(u"orders.json"_s), ordersJson(orderRandom, size.orders, size.skus));
    write(d.filePath(u"events.jsonl"_s), eventsJsonl(eventRandom, positions, size.events));
}

} // namespace ordo::test
