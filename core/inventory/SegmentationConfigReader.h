#pragma once

#include "model/Actor.h"

#include <QByteArray>
#include <QString>

class QIODevice;

namespace ordo {

class Database;

// Imports segmentation configuration from files (read with formats/SegmentationConfigFile: the JSON of a
// whole configuration, or a CSV file of future supply), each file in one transaction: any bad entry leaves
// the database as it was and is refused with Error::input naming the source, the entry and the field, e.g.
//   "seg.json: pools[2].locations[0]: unknown location code "X-1""
//   "po.csv line 4: quantity '0' is not a whole number between 1 and ..."
// In JSON each section present replaces what is stored for it, absent sections are kept; groups are saved
// first, so pools may name groups of the same file. Each CSV line is added, or replaces the line of the same
// reference, location and SKU.
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
