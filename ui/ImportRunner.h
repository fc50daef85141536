#pragma once

#include "model/Actor.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace ordo {
class Database;
}

namespace ordo::ui {

// What the Import dialog shows of a file before importing it.
struct ImportFilePreview {
    QString path;
    QString format;       // "csv (orders)", "shopify", "x12"...; empty when not recognised
    int orders = 0;       // orders found (0 for master data files)
    int records = 0;      // records of any kind
    QStringList problems; // the first problems found, with where they are
};

// A problem of an import, and where to look: the held order it concerns, or the file and line.
struct ImportProblem {
    QString file;
    QString where; // "line 14", "orders[2].line_items[0].price", "segment 12 (PO1)"
    int line = 0;  // 1-based line of the file when known, else 0
    QString message;
    bool error = true;      // false: a warning, nothing was lost
    qint64 heldOrderId = 0; // the order held in Exception for this problem, when there is one
    QString orderNumber;
};

struct ImportFileOutcome {
    QString path;
    QString format;
    int accepted = 0; // captured (held ones included)
    int held = 0;     // captured and held in Exception
    int rejected = 0;
    int duplicates = 0;
    bool refused = false; // nothing from the file was saved
    QList<ImportProblem> problems;
};

// What the Import dialog needs from the core, called in the console's database thread.
class ImportRunner {
public:
    virtual ~ImportRunner() = default;
    virtual ImportFilePreview preview(Database& db, const QString& path) = 0;
    // Imports the files; `progress(done, total, file)` before each file; false stops before the next file.
    virtual QList<ImportFileOutcome> run(Database& db, const QStringList& paths, const Actor& actor,
                                         const std::function<bool(int, int, const QString&)>& progress) = 0;
};

// The generic CSV import (locations, SKUs, inventory, orders) of the command line's `ordo import`.
std::shared_ptr<ImportRunner> makeCsvImportRunner();
// Every format of `ordo import`: channel documents (Shopify, WooCommerce, Amazon, X12) through ImportService,
// CSV files through the CSV runner. What the console uses.
std::shared_ptr<ImportRunner> makeChannelImportRunner();

} // namespace ordo::ui
