#pragma once

#include "channels/CsvImporter.h"
#include "formats/ImportReport.h"
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
class ImportService {
public:
    ImportService(Database& db, const Actor& actor, const InventoryImportOptions& inventory = {});
    ~ImportService();

    // format: "auto" (default), "csv" or an OrderFormats name. Throws Error::usage for an unknown format.
    ImportReport importFiles(const QStringList& paths, const QString& format = QStringLiteral("auto"));
    // One channel document already in memory, in the given format.
    ImportReport importDocument(const QByteArray& content, const QString& fileName,
                                const OrderFormat& format);
    // Told of each channel order as soon as its transaction has committed (captured, held or duplicate), so
    // that a caller can show progress that stays true if the process dies the next moment.
    void setOnCommitted(std::function<void(const ImportedOrderOutcome&)> onCommitted) {
        m_onCommitted = std::move(onCommitted);
    }

private:
    void captureOrder(ImportedOrder& imported, const QString& format, ImportFileSummary& summary,
                      ImportReport& report);

    Database& m_db;
    Actor m_actor;
    InventoryImportOptions m_inventory;
    std::unique_ptr<SkuCrossReference> m_xref;
    std::unique_ptr<OrderCapture> m_capture;
    std::function<void(const ImportedOrderOutcome&)> m_onCommitted;
};

} // namespace ordo
