#include "CsvImporter.h"

#include "Error.h"
#include "formats/CsvMasterDataRows.h"
#include "formats/CsvOrderAssembler.h"
#include "formats/CsvReader.h"
#include "formats/InventoryFileReader.h"
#include "inventory/InventoryLedger.h"
#include "orders/OrderCapture.h"
#include "orders/OrderRepository.h"
#include "storage/Database.h"
#include "storage/LocationRepository.h"
#include "storage/SkuRepository.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ordo {

// The state of one file's import.
struct CsvImporter::FileRun {
    QIODevice& device; // seekable (importDevice)
    qint64 start;      // where the file starts in it
    CsvReader* reader; // the pass over the file under way
    CsvLayout layout;
    ImportFileSummary summary;
    ImportReport report; // errors and warnings of this file
    int line = 0;        // the row being handled, for a refusal raised while handling it
};

namespace {

bool isBlank(const QStringList& fields) {
    return std::all_of(fields.cbegin(), fields.cend(),
                       [](const QString& f) { return f.trimmed().isEmpty(); });
}

std::optional<CsvKind> peekKind(const QString& path) {
    // A file that is not regular (a FIFO) would lose what is peeked: it goes first, unsorted.
    if (!QFileInfo(path).isFile())
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    try {
        CsvReader reader(file, path);
        CsvRecord header;
        if (reader.next(header))
            return CsvFileKind::guess(header.fields);
    } catch (const Error&) {
        // Reported when the file itself is imported.
    }
    return std::nullopt;
}

const QString csvKindText = InputFile::kindText(QStringLiteral("csv"));

// Sets the reader's byte limit, with the words for the file it reads.
void limit(CsvReader& reader, const QIODevice& device, qint64 bytes) {
    const auto* file = qobject_cast<const QFile*>(&device);
    const bool regular = file && QFileInfo(file->fileName()).isFile();
    reader.setByteLimit(bytes, InputFile::stoppedAt(bytes, csvKindText, regular));
}

ImportReport refusedFile(const QString& name, const QString& kind, int line, const QString& reason) {
    ImportReport report;
    report.errors << ImportIssue{name, line,
                                 reason + u"; the file was refused and nothing from it was saved"_s};
    ImportFileSummary summary;
    summary.file = name;
    summary.kind = kind;
    summary.refused = true;
    report.add(summary);
    return report;
}

} // namespace

CsvImporter::CsvImporter(Database& db, const Actor& actor, const InventoryImportOptions& inventory)
    : m_db(db)
    , m_actor(actor)
    , m_inventory(inventory) {}

ImportReport CsvImporter::importFiles(const QStringList& paths) {
    QList<QPair<int, QString>> ordered;
    for (const QString& path : paths) {
        const std::optional<CsvKind> kind = peekKind(path);
        ordered << qMakePair(kind ? int(*kind) : -1,
                             path); // unreadable files first: they are refused at once
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    ImportReport report;
    for (const auto& entry : std::as_const(ordered))
        report.merge(importFile(entry.second));
    return report;
}

ImportReport CsvImporter::importFile(const QString& path) {
    if (QFileInfo(path).isDir())
        return refusedFile(path, QString(), 0, u"this is a folder, not a CSV file"_s);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refusedFile(path, QString(), 0, u"cannot open the file: %1"_s.arg(file.errorString()));
    if (const QString tooLarge = InputFile::tooLarge(path, m_maxFileSize, csvKindText); !tooLarge.isEmpty())
        return refusedFile(path, QString(), 0, tooLarge);
    return importDevice(file, path);
}

void CsvImporter::checkPermission(CsvKind kind) const {
    const Permission needed =
        kind == CsvKind::Orders ? Permission::CaptureOrders : Permission::ManageMasterData;
    if (!m_actor.may(needed))
        throw Error::denied(u"%1 may not import %2"_s.arg(m_actor.user, CsvFileKind::name(kind)));
}

ImportReport CsvImporter::importDevice(QIODevice& device, const QString& name) {
    // The whole file is one unit of work, run again from the file's start when the database gave up on it
    // (TransactionRunner): a device that cannot seek back is read into memory first.
    // That copy stops at the file size limit, so a device that never ends (a FIFO, /dev/zero) is refused.
    QBuffer buffered;
    QIODevice* source = &device;
    if (device.isSequential()) {
        QByteArray content;
        constexpr qint64 chunk = 1024 * 1024;
        for (QByteArray part = device.read(chunk); !part.isEmpty(); part = device.read(chunk)) {
            content += part;
            if (content.size() > m_maxFileSize)
                return refusedFile(name, QString(), 0, InputFile::stoppedAt(m_maxFileSize, csvKindText));
            // No CSV text holds a NUL byte (CsvReader refuses the file at the first, naming its line): a
            // binary stream such as /dev/zero is not read further.
            if (part.contains('\0'))
                break;
        }
        buffered.setData(content);
        buffered.open(QIODevice::ReadOnly);
        source = &buffered;
    }
    const qint64 start = source->pos();
    return TransactionRunner(m_db).run([&] {
        source->seek(start);
        return importOnce(*source, name);
    });
}

ImportReport CsvImporter::importOnce(QIODevice& device, const QString& name) {
    const qint64 start = device.pos();
    CsvReader reader(device, name);
    limit(reader, device, m_maxFileSize);
    FileRun run{device, start, &reader, {}, {}, {}, 1};
    run.summary.file = name;
    try {
        CsvRecord header;
        if (!reader.next(header))
            throw Error::input(u"the file is empty"_s);
        run.line = header.line;
        run.layout = CsvFileKind::recognise(header.fields);
        run.summary.kind = CsvFileKind::name(run.layout.kind);
        checkPermission(run.layout.kind);
        for (const QString& column : std::as_const(run.layout.unknownColumns))
            run.report.warnings << ImportIssue{
                name, header.line,
                u"column '%1' is not a column of a %2 file and is ignored"_s.arg(column, run.summary.kind)};

        if (run.layout.kind == CsvKind::Inventory) {
            // In the ledger's one transaction: the whole file, or nothing.
            importInventory(run, device, start);
        } else {
            Transaction tx(m_db); // the whole file, or nothing
            switch (run.layout.kind) {
            case CsvKind::Locations:
                importLocations(run);
                break;
            case CsvKind::Skus:
                importSkus(run);
                break;
            case CsvKind::Inventory:
                break;
            case CsvKind::Orders:
                importOrders(run);
                break;
            }
            tx.commit();
        }
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Input)
            throw Error(e.kind(), u"%1: %2"_s.arg(name, e.message()), e.code());
        if (run.reader->errorLine() > 0)
            return refusedFile(name, run.summary.kind, run.reader->errorLine(), run.reader->errorReason());
        return refusedFile(name, run.summary.kind, run.line, e.message());
    }
    run.report.add(run.summary);
    return run.report;
}

// The next row that is not blank, with run.line set; rows of the wrong width are rejected and skipped.
bool CsvImporter::nextRow(FileRun& run, QStringList& fields) {
    CsvRecord record;
    while (run.reader->next(record)) {
        if (isBlank(record.fields))
            continue;
        run.line = record.line;
        if (record.fields.size() != run.layout.width) {
            rejectRow(
                run,
                u"the row has %1 fields, the header %2"_s.arg(record.fields.size()).arg(run.layout.width));
            continue;
        }
        fields = std::move(record.fields);
        return true;
    }
    return false;
}

void CsvImporter::rejectRow(FileRun& run, const QString& reason) {
    ++run.summary.rejected;
    run.report.errors << ImportIssue{run.summary.file, run.line, reason + u"; the row is rejected"_s};
}

void CsvImporter::importLocations(FileRun& run) {
    LocationRepository locations(m_db);
    QStringList fields;
    while (nextRow(run, fields)) {
        Location location;
        try {
            location = CsvMasterDataRows::location(run.layout, fields);
        } catch (const Error& e) {
            rejectRow(run, e.message());
            continue;
        }
        locations.upsert(location);
        ++run.summary.accepted;
    }
}

void CsvImporter::importSkus(FileRun& run) {
    SkuRepository skus(m_db);
    QStringList fields;
    while (nextRow(run, fields)) {
        Sku sku;
        try {
            sku = CsvMasterDataRows::sku(run.layout, fields);
        } catch (const Error& e) {
            rejectRow(run, e.message());
            continue;
        }
        // One barcode names one item: a second SKU with it would make partners' lines ambiguous.
        if (!sku.gtin.isEmpty()) {
            const std::optional<QString> owner = skus.codeForGtin(sku.gtin);
            if (owner && *owner != sku.code) {
                rejectRow(run, u"gtin '%1' is already the barcode of %2"_s.arg(
                                   run.layout.value(fields, SkuColumn::Gtin), *owner));
                continue;
            }
        }
        skus.upsert(sku);
        ++run.summary.accepted;
    }
}

// An inventory file is a count of each position it names: snapshots into the inventory ledger, as `ordo
// inventory apply` takes them (the same event ids, so a file imported or applied again changes nothing;
// counts that change nothing written nowhere; one audit row), with the rows that cannot be read rejected
// first and the ones the ledger refuses after.
void CsvImporter::importInventory(FileRun& run, QIODevice& device, qint64 start) {
    QList<InventoryEvent> counts;
    QStringList fields;
    while (nextRow(run, fields)) { // every row read, and so checked, before the ledger sees any
        InventoryRow row;
        try {
            row = CsvMasterDataRows::inventory(run.layout, fields);
        } catch (const Error& e) {
            rejectRow(run, e.message());
            continue;
        }
        InventoryEvent count;
        count.kind = InventoryEventKind::Snapshot;
        count.locationCode = row.locationCode;
        count.skuCode = row.skuCode;
        count.quantity = row.onHand;
        count.safetyStock = row.safetyStock;
        count.line = run.line;
        counts << count;
    }
    // The counts take their event ids from the file's content, read again from its start (the device seeks:
    // importDevice made sure of that).
    device.seek(start);
    InventoryFileReader::assignSnapshotIds(counts, device.readAll());

    ApplyOptions options;
    options.partial = true; // a refused row is listed, the rest applied
    options.batchSize = int(std::max<qsizetype>(1, counts.size())); // ... in one transaction
    options.source = run.summary.file;
    options.refuseBelowReserved = !m_inventory.allowBelowReserved;
    const ApplyReport applied = InventoryLedger(m_db).apply(counts, options, m_actor, m_inventory.sink);
    run.summary.accepted += applied.applied + applied.unchanged;
    run.summary.duplicates += applied.duplicates;
    for (const ImportIssue& issue : applied.errors) {
        run.line = issue.line;
        rejectRow(run, issue.message);
    }
    std::stable_sort(run.report.errors.begin(), run.report.errors.end(),
                     [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
}

void CsvImporter::importOrders(FileRun& run) {
    CsvOrderAssembler assembler(run.layout, run.summary.file);
    OrderCapture capture(m_db, m_actor);
    CsvRecord record;
    // The first pass reads (and so checks) the whole file before anything is written, and learns the line of
    // each order's last row; the second captures each order as soon as that row is read.
    QHash<QString, int> lastLine;
    while (run.reader->next(record)) {
        if (isBlank(record.fields))
            continue;
        run.line = record.line;
        lastLine.insert(run.layout.value(record.fields, OrderColumn::OrderId), record.line);
    }
    if (!run.device.seek(run.start))
        throw Error::input(u"the file cannot be read a second time: %1"_s.arg(run.device.errorString()));
    CsvReader second(run.device, run.summary.file);
    limit(second, run.device, m_maxFileSize);
    run.reader = &second;
    second.next(record); // the header again
    while (second.next(record)) {
        if (isBlank(record.fields))
            continue;
        run.line = record.line;
        assembler.add(record);
        const QString orderId = run.layout.value(record.fields, OrderColumn::OrderId);
        if (lastLine.value(orderId) == record.line)
            assembler.finish(orderId);
        captureOrders(run, assembler.take(), capture);
    }
    captureOrders(run, assembler.take(true), capture);
    // The rows that could not be read come first, in file order, as when the file was read whole first.
    run.report.errors = assembler.errors() + run.report.errors;
    run.summary.rejected += assembler.rejectedRows();
}

void CsvImporter::captureOrders(FileRun& run, QList<CsvOrderAssembler::Assembled> assembledOrders,
                                OrderCapture& capture) {
    OrderRepository orders(m_db);
    for (CsvOrderAssembler::Assembled& assembled : assembledOrders) {
        if (assembled.rejected) {
            ++run.summary.rejected;
            continue;
        }
        run.line = assembled.firstLine;
        const QString number = assembled.order.orderNumber;
        // An order number taken by another channel's order would make OrderCapture throw, and a throw inside
        // this file's transaction would undo the whole file: reject that one order instead.
        if (orders.idForNumber(number) && !orders.idForExternal(assembled.order.channel, number)) {
            ++run.summary.rejected;
            run.report.errors << ImportIssue{run.summary.file, assembled.firstLine,
                                             u"order %1 is rejected: its number is already used by an order "
                                             "from another channel"_s.arg(number)};
            continue;
        }
        const OrderCapture::Result result = capture.capture(std::move(assembled.order));
        switch (result.outcome) {
        case OrderCapture::Outcome::Validated:
            ++run.summary.accepted;
            break;
        case OrderCapture::Outcome::Duplicate:
            ++run.summary.duplicates;
            break;
        case OrderCapture::Outcome::Held: {
            ++run.summary.accepted;
            ++run.summary.exceptions;
            QStringList reasons;
            for (const ExceptionReason& reason : result.reasons)
                reasons << reason.code + u" ("_s + reason.detail + u')';
            run.report.warnings << ImportIssue{
                run.summary.file, assembled.firstLine,
                u"order %1 is held in Exception: %2"_s.arg(number, reasons.join(u"; "_s))};
            break;
        }
        }
    }
}

} // namespace ordo
