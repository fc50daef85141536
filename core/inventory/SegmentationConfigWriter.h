#pragma once

#include <QJsonObject>

namespace ordo {

class Database;

// The stored segmentation as the JSON document SegmentationConfigReader imports (every section present, so
// importing an export restores exactly this configuration). Pools are written with their locations.
namespace SegmentationConfigWriter {
QJsonObject toJson(Database& db);
}

} // namespace ordo
