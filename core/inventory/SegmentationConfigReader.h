#pragma once

#include "model/Actor.h"

#include <QByteArray>
#include <QString>

class QIODevice;

namespace ordo {

class Database;

// Imports segmentation configuration from files, each file in one transaction: any bad entry leaves the
// database as it was and is refused with Error::input naming the source, the entry and the field, e.g.
//   "seg.json: pools[2].delivery: unknown delivery method "air" (expected ship or pickup)"
//   "po.csv line 4: quantity '0' is not a whole number between 1 and ..."
//
// JSON (a whole configuration; each section present replaces what is stored for it, absent sections are
// kept):
//   {"groups":[{"code","name","locations":[..]}],
//    "pools":[{"channel","delivery","locations":[..] and/or "groups":[..]}],
//    "policies":[{"channel","buffer_units"|"buffer_percent","allow_future","horizon_days"}],
//    "exclusions":[{"channel","sku"?,"location"?}],
//    "future_supply":[{"reference","location","sku","quantity","arrives_at"}]}
// Groups are saved first, so pools may name groups of the same file.
//
// CSV future supply, header `reference,location_id,sku,quantity,arrives_at`: each line is added, or replaces
// the line of the same reference, location and SKU. arrives_at is ISO 8601 (a date is midnight UTC).
class SegmentationConfigReader {
public:
    SegmentationConfigReader(Database& db, Actor actor);

    struct Summary {
        int groups = 0;
        int pools = 0; // pool rows written
        int policies = 0;
        int exclusions = 0;
        int futureSupply = 0;
    };

    Summary importJsonFile(const QString& path);
    Summary importJson(const QByteArray& json, const QString& sourceName);
    // Returns the number of lines read.
    int importFutureSupplyCsvFile(const QString& path);
    int importFutureSupplyCsv(QIODevice& device, const QString& sourceName);

private:
    Database& m_db;
    Actor m_actor;
};

} // namespace ordo
