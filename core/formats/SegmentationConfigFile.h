#pragma once

#include "model/Channel.h"
#include "model/Order.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QIODevice;

namespace ordo {

// A segmentation configuration file as read, before any of it is checked against the database: every entry
// with the path (JSON) or line (CSV) it came from, so that what the database later refuses (an unknown
// location or SKU, a negative buffer) is still reported where it was written.
struct SegmentationConfigFile {
    struct Group {
        QString path; // "groups[0]"
        QString code;
        QString name;
        QStringList locations;
    };
    struct Pool {
        QString path;
        Channel channel = Channel::Web;
        DeliveryMethod delivery = DeliveryMethod::Ship;
        QStringList locations;
        QStringList groups;
    };
    struct Policy {
        QString path;
        Channel channel = Channel::Web;
        qint64 bufferUnits = 0;
        int bufferPercent = 0;
        bool allowFuture = false;
        int horizonDays = 0;
    };
    struct Exclusion {
        QString path;
        Channel channel = Channel::Web;
        QString sku;
        QString location;
    };
    struct Supply {
        QString path; // "future_supply[0]", or "line 4" in a CSV file
        int line = 0;
        QString reference;
        QString location;
        QString sku;
        qint64 quantity = 0;
        QDateTime arrivesAt; // UTC
    };

    // A section absent from the file is nullopt (what is stored for it is kept); present, even empty, it
    // replaces what is stored.
    std::optional<QList<Group>> groups;
    std::optional<QList<Pool>> pools;
    std::optional<QList<Policy>> policies;
    std::optional<QList<Exclusion>> exclusions;
    std::optional<QList<Supply>> futureSupply;
};

// Reads the files of `ordo inventory config` (formats of docs/inventory.md). Each refusal is Error::input
// naming the source, the entry and the field:
//   "seg.json: pools[2].delivery: unknown delivery method "air" (expected ship or pickup)"
//   "po.csv line 4: quantity '0' is not a whole number between 1 and ..."
// JSON: {"groups":[{"code","name","locations":[..]}],
//        "pools":[{"channel","delivery","locations":[..] and/or "groups":[..]}],
//        "policies":[{"channel","buffer_units"|"buffer_percent","allow_future","horizon_days"}],
//        "exclusions":[{"channel","sku"?,"location"?}],
//        "future_supply":[{"reference","location","sku","quantity","arrives_at"}]}
// CSV future supply: the header reference,location_id,sku,quantity,arrives_at, then one line of supply a row
// (quantity at least 1, arrives_at ISO 8601, a date being midnight UTC).
namespace SegmentationConfigJson {
SegmentationConfigFile read(const QByteArray& json, const QString& sourceName);
}
namespace FutureSupplyCsv {
QList<SegmentationConfigFile::Supply> read(QIODevice& device, const QString& sourceName);
}

} // namespace ordo
