#pragma once

#include "channels/CsvImporter.h"
#include "formats/ImportReport.h"
#include "formats/InputFile.h"
#include "formats/OrderFormats.h"
#include "model/Actor.h"

#include <QStringList>

#include <functional>
#include <memory>

namespace ordo {

class Database;
class OrderCapture;
class SkuCrossReference;

// `ordo import`: takes files in any supported format (generic CSV, Shopify, WooCommerce, Amazon SP-API, ...),
// recognised by their content unless a format is forced, into the database.
//  - CSV files go to CsvImporter (master data before orders, one transaction per file).
//  - A channel document is read whole first; a document that cannot be read (not UTF-8, not JSON, cut short)
//    is refused and nothing from it is saved. An order with a bad field is rejected with the JSON path.
//  - Lines without an SKU get one from the partner cross-reference (SkuCrossReference).
//  - Each order is then captured in its own transaction through OrderCapture, with its part of the source
//    document (source_documents): validated, or held in Exception with every reason that applies.
//  - The same channel order again (channel + external id) is a duplicate and changes nothing.
//  - No file takes more than its limit (InputLimits, setLimits): a format is recognised from the file's first
//    mebibyte, a regular file larger than its format's limit is refused before it is read, and a file that is
//    not regular (a FIFO, /dev/zero) is read up to the limit and refused when it goes past it.
class ImportService {
public:
    ImportService(Database& db, const Actor& actor, const InventoryImportOptions& inventory = {});
    ~ImportService();

    void setLimits(const InputLimits& limits) { m_limits = limits; }

    // format: "auto" (default), "csv" or an OrderFormats name. Throws Error::usage for an unknown format.
    ImportReport importFiles(const QStringList& paths, const QString& format = QStringLiteral("auto"));
    // What importFiles() makes of a file in the automatic format, without importing it (a console's preview):
    // its channel format (null: CSV), or why it would be refused (too large, a JSON document of no known
    // kind, a folder).
    struct Recognised {
        const OrderFormat* format = nullptr;
        QString refusal;
    };
    Recognised recognise(const QString& path) const;
    // A channel document's content, read within its format's limit (Error::input past it).
    QByteArray readDocument(const QString& path, const OrderFormat& format) const;
    // One channel document already in memory, in the given format.
    ImportReport importDocument(const QByteArray& content, const QString& fileName,
                                const OrderFormat& format);
    // Told of each channel order as soon as its transaction has committed (captured, held or duplicate), so
    // that a caller can show progress that stays true if the process dies the next moment.
    void setOnCommitted(std::function<void(const ImportedOrderOutcome&)> onCommitted) {
        m_onCommitted = std::move(onCommitted);
    }

private:
    struct Input;
    // What a path is and holds so far: its format when known, and for a file that is not regular its open
    // stream and the bytes read from it. Refused paths are reported into `report`.
    std::optional<Input> classify(const QString& path, bool automatic, bool csv, const OrderFormat* forced,
                                  ImportReport& report) const;
    qint64 limitFor(const QString& format) const;
    void captureOrder(ImportedOrder& imported, const QString& format, ImportFileSummary& summary,
                      ImportReport& report);

    Database& m_db;
    Actor m_actor;
    InventoryImportOptions m_inventory;
    InputLimits m_limits;
    std::unique_ptr<SkuCrossReference> m_xref;
    std::unique_ptr<OrderCapture> m_capture;
    std::function<void(const ImportedOrderOutcome&)> m_onCommitted;
};

} // namespace ordo
