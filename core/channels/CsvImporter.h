#pragma once

#include "formats/CsvFileKind.h"
#include "formats/CsvOrderAssembler.h"
#include "formats/ImportReport.h"
#include "formats/InputFile.h"
#include "model/Actor.h"

#include <QStringList>

class QIODevice;

namespace ordo {

class CsvReader;
class Database;
class OrderCapture;
class PositionSink;

// How the counts of an inventory file reach the inventory ledger.
struct InventoryImportOptions {
    // A count may set on hand below the stock reserved for open orders (`ordo import
    // --allow-below-reserved`); without it such a row is rejected.
    bool allowBelowReserved = false;
    // Told the new figures of every position the file changed, after the commit (an in-memory
    // InventoryIndex).
    PositionSink* sink = nullptr;
};

// Imports generic CSV files (locations, SKUs, inventory positions, orders; see CsvFileKind) into a database.
// An inventory file's rows are counts that go through the InventoryLedger like `ordo inventory apply`'s
// snapshots (InventoryImportOptions). Each file is imported in one Transaction: a file that is not what it
// claims (not UTF-8 text, binary, cut off inside a quoted field, an unknown header or a missing column) is
// refused whole and the database is left as it was. Inside an accepted file, a row or order that cannot be
// represented is rejected with its line, and orders that break a business rule are captured and held in
// Exception by OrderCapture. Storage failures and a lack of permission are not reported but thrown
// (ordo::Error naming the file).
//
// Files are streamed a record at a time. A file larger than the limit (setMaxFileSize, 256 MiB by default) is
// refused before it is read; a device that cannot seek (a FIFO) is copied into memory up to the limit, so
// that the file can be read again when the database gives up on it (TransactionRunner), and refused past it.
// An orders file, whose rows of one order may be anywhere, is read twice: once to check it and learn where
// each order ends, then to capture each order as soon as its last row is read, so that memory holds the
// orders not yet complete rather than the whole file.
class CsvImporter {
public:
    CsvImporter(Database& db, const Actor& actor, const InventoryImportOptions& inventory = {});

    void setMaxFileSize(qint64 bytes) { m_maxFileSize = bytes; }

    // Imports several files, master data first whatever the order given: locations, SKUs, inventory, then
    // orders, so that orders find the catalogue of the same run.
    ImportReport importFiles(const QStringList& paths);
    ImportReport importFile(const QString& path);
    // Imports from an open device; `name` is used in messages and the report.
    ImportReport importDevice(QIODevice& device, const QString& name);

private:
    ImportReport importOnce(QIODevice& device, const QString& name); // one attempt of importDevice
    struct FileRun;
    void checkPermission(CsvKind kind) const;
    void importLocations(FileRun& run);
    void importSkus(FileRun& run);
    void importInventory(FileRun& run, QIODevice& device, qint64 start);
    void importOrders(FileRun& run);
    void captureOrders(FileRun& run, QList<CsvOrderAssembler::Assembled> orders, OrderCapture& capture);
    bool nextRow(FileRun& run, QStringList& fields);
    void rejectRow(FileRun& run, const QString& reason);

    Database& m_db;
    Actor m_actor;
    InventoryImportOptions m_inventory;
    qint64 m_maxFileSize = InputLimits().csvBytes;
};

} // namespace ordo
