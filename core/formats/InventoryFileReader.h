#pragma once

#include "formats/ImportReport.h"
#include "model/InventoryEvent.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

namespace ordo {

enum class InventoryFileFormat {
    Auto, // JSON lines when the first character that is not white space is '{', CSV otherwise
    Csv,
    JsonLines,
};

// What was read from one inventory file: the events in file order and the rows that could not be read.
struct InventoryFile {
    QString source; // the path, or "stdin"
    QList<InventoryEvent> events;
    QList<ImportIssue> errors; // each bad row with its line and reason
    bool hasSnapshots = false;
};

// Reads inventory events from UTF-8 text:
//   deltas CSV     event_id,location_id,sku,delta[,reason][,occurred_at]
//   snapshot CSV   location_id,sku,on_hand[,safety_stock] (the inventory file of `ordo import`), optionally
//                  with event_id, reason and occurred_at columns
//   JSON lines     one object per line with the same field names and "type": "delta" | "snapshot"
// Columns are recognised by name in any order; other columns are ignored. A snapshot row without an event_id
// gets one derived from the content of the whole file and of the row ("snap:" + SHA-1), so replaying the same
// file is idempotent while a later count with other figures is a new event. A bad row is listed with its line
// and reason and the others are read; a file that is not UTF-8 text, or whose header (first object) is not
// one of the kinds, is refused whole with Error::input.
class InventoryFileReader {
public:
    // From a path, or "-" for standard input.
    static InventoryFile readFile(const QString& path,
                                  InventoryFileFormat format = InventoryFileFormat::Auto);
    static InventoryFile read(QIODevice& device, const QString& sourceName,
                              InventoryFileFormat format = InventoryFileFormat::Auto);
    static InventoryFile readBytes(const QByteArray& content, const QString& sourceName,
                                   InventoryFileFormat format = InventoryFileFormat::Auto);

    // Gives each snapshot event without an event_id the one this reader gives it: "snap:" + SHA-1 of the
    // whole file's content and the row's own figures. `ordo import` gives the counts of an inventory file the
    // same ids, so that importing a file and applying it find each other's events in the ledger.
    static void assignSnapshotIds(QList<InventoryEvent>& events, const QByteArray& content);

    static constexpr int maxEventIdLength = 200;
};

} // namespace ordo
