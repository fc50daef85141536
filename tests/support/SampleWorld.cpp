#include "SampleWorld.h"

#include "storage/Database.h"
#include "storage/LocationRepository.h"
#include "storage/SkuRepository.h"
#include "storage/Transaction.h"

using namespace Qt::StringLiterals;

namespace ordo::test {

void createSampleWorld(Database& db) {
    Transaction tx(db);
    LocationRepository locations(db);
    locations.upsert(
        {0, u"DC-EAST"_s, u"East DC, Allentown"_s, LocationType::Dc, {40.6023, -75.4714}, true, false, 5000});
    locations.upsert(
        {0, u"ST-NYC"_s, u"Store Manhattan"_s, LocationType::Store, {40.7505, -73.9934}, true, true, 300});
    locations.upsert(
        {0, u"VN-ACME"_s, u"Acme drop-ship"_s, LocationType::Dropship, {41.8781, -87.6298}, true, false, 0});
    SkuRepository skus(db);
    for (int i = 1; i <= 5; ++i)
        skus.upsert(
            {0, u"SKU-%1"_s.arg(i), u"Sample item %1"_s.arg(i), 250 * i, Money{1000LL * i, u"USD"_s}});
    tx.commit();
}

Order sampleOrder(const QString& number, const QList<QPair<QString, int>>& lines,
                  const QDateTime& orderedAt) {
    Order o;
    o.orderNumber = number;
    o.externalId = number;
    o.channel = Channel::Web;
    o.orderedAt = orderedAt;
    o.customerEmail = u"Ana.Lopez@Example.com"_s;
    o.customerPhone = u"+1 (212) 555-0142"_s;
    o.shipTo = {u"Ana Lopez"_s, u"350 5th Ave"_s,           u"New York"_s, u"NY"_s, u"10118"_s,
                u"US"_s,        GeoPoint{40.7484, -73.9857}};
    o.delivery = DeliveryMethod::Ship;
    o.currency = u"USD"_s;
    int no = 0;
    for (const auto& [sku, quantity] : lines) {
        OrderLine line;
        line.lineNo = ++no;
        line.skuCode = sku;
        line.quantity = quantity;
        const int index = sku.mid(4).toInt();
        line.unitPrice = Money{1000LL * (index > 0 ? index : 1), u"USD"_s};
        o.lines << line;
    }
    return o;
}

} // namespace ordo::test
