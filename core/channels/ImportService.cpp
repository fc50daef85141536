#include "ImportService.h"

#include "Error.h"
#include "channels/CsvImporter.h"
#include "channels/OutboundDocuments.h"
#include "formats/PrefixedDevice.h"
#include "orders/OrderCapture.h"
#include "orders/OrderRepository.h"
#include "storage/Database.h"
#include "storage/SkuCrossReference.h"
#include "storage/SqlQuery.h"
#include "storage/TimeCodec.h"
#include "storage/Transaction.h"
#include "storage/TransactionRunner.h"

#include <QFile>
#include <QFileInfo>

#include <vector>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

// The formats a JSON document can be in: every reader but X12's.
QStringList jsonFormats() {
    QStringList names = OrderFormats::choices().mid(2);
    names.removeAll(u"x12"_s);
    return names;
}

ImportReport refused(const QString& file, const QString& format, const QString& reason) {
    ImportReport report;
    report.errors << ImportIssue{
        file, 0, reason + u"; the file was refused and nothing from it was saved"_s, {}};
    ImportFileSummary summary;
    summary.file = file;
    summary.kind = format.isEmpty() ? QString() : u"orders"_s;
    summary.format = format;
    summary.refused = true;
    report.add(summary);
    return report;
}

// How much of a file is read to recognise its format: the first order of any channel document names its
// format well within it.
constexpr qint64 sniffBytes = 1024 * 1024;

bool looksLikeJson(QByteArrayView head) {
    const QByteArrayView start = head.trimmed();
    return !start.isEmpty() && (start.front() == '{' || start.front() == '[');
}

} // namespace

ImportService::ImportService(Database& db, const Actor& actor, const InventoryImportOptions& inventory)
    : m_db(db)
    , m_actor(actor)
    , m_inventory(inventory) {}

ImportService::~ImportService() = default;

struct ImportService::Input {
    QString path;
    const OrderFormat* format = nullptr; // null: CSV
    std::unique_ptr<QFile> stream;       // a file that is not regular, open: it cannot be opened again
    QByteArray content;                  // what was read of it so far (all of it for a whole document)
    bool whole = false;                  // content is the whole file
};

qint64 ImportService::limitFor(const QString& format) const {
    if (format == u"csv"_s)
        return m_limits.csvBytes;
    if (format == u"x12"_s)
        return m_limits.x12Bytes;
    return m_limits.jsonBytes;
}

std::optional<ImportService::Input> ImportService::classify(const QString& path, bool automatic, bool csv,
                                                            const OrderFormat* forced,
                                                            ImportReport& report) const {
    Input input;
    input.path = path;
    input.format = forced;
    const QFileInfo info(path);
    if (info.isDir()) {
        report.merge(refused(path, forced ? forced->name : QString(), u"this is a folder, not a file"_s));
        return std::nullopt;
    }
    const QString known = csv ? u"csv"_s : forced ? forced->name : QString();
    // A regular file's size is checked before a byte of it is read.
    const qint64 before = known.isEmpty() ? m_limits.largest() : limitFor(known);
    if (const QString why = InputFile::tooLarge(path, before, InputFile::kindText(known)); !why.isEmpty()) {
        report.merge(refused(path, forced ? forced->name : QString(), why));
        return std::nullopt;
    }
    const bool regular = info.isFile();
    if (regular && !automatic)
        return input; // read when its turn comes
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        if (forced) {
            report.merge(refused(path, forced->name, u"cannot open the file: %1"_s.arg(file->errorString())));
            return std::nullopt;
        }
        return input; // CsvImporter says why it cannot be opened
    }
    if (automatic) {
        input.content = InputFile::head(*file, sniffBytes);
        input.format = OrderFormats::detect(input.content);
        input.whole = input.content.size() < sniffBytes;
        if (!input.format && !input.whole && looksLikeJson(input.content)) {
            // Some documents name their format only further on (Amazon's "orderItems" follows all the
            // orders): a JSON document is read whole, within its limit, and recognised from all of it.
            try {
                input.content += InputFile::readAll(*file, m_limits.jsonBytes, InputFile::kindText(u"json"_s),
                                                    input.content.size());
            } catch (const Error& e) {
                report.merge(refused(path, QString(), e.message()));
                return std::nullopt;
            }
            input.whole = true;
            input.format = OrderFormats::detect(input.content);
        }
        if (!input.format && looksLikeJson(input.content)) {
            report.merge(
                refused(path, QString(),
                        u"a JSON document of no known kind (%1); name its format with --format"_s.arg(
                            jsonFormats().join(u", "_s))));
            return std::nullopt;
        }
        // Now that the format is known, its own limit.
        const QString format = input.format ? input.format->name : u"csv"_s;
        const QString why = InputFile::tooLarge(path, limitFor(format), InputFile::kindText(format));
        if (!why.isEmpty() || (!regular && input.content.size() > limitFor(format))) {
            report.merge(refused(
                path, input.format ? input.format->name : QString(),
                why.isEmpty() ? InputFile::stoppedAt(limitFor(format), InputFile::kindText(format)) : why));
            return std::nullopt;
        }
    }
    if (!regular)
        input.stream = std::move(file);
    else if (!input.whole)
        input.content.clear(); // a regular file is read again from its start when its turn comes
    return input;
}

ImportService::Recognised ImportService::recognise(const QString& path) const {
    ImportReport report;
    const std::optional<Input> input = classify(path, true, false, nullptr, report);
    if (!input)
        return {nullptr, report.errors.value(0).message};
    return {input->format, {}};
}

QByteArray ImportService::readDocument(const QString& path, const OrderFormat& format) const {
    const QString kind = InputFile::kindText(format.name);
    if (const QString why = InputFile::tooLarge(path, limitFor(format.name), kind); !why.isEmpty())
        throw Error::input(why);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error::input(u"cannot open the file: %1"_s.arg(file.errorString()));
    return InputFile::readAll(file, limitFor(format.name), kind);
}

ImportReport ImportService::importFiles(const QStringList& paths, const QString& format) {
    const bool automatic = format.compare(u"auto"_s, Qt::CaseInsensitive) == 0;
    const bool csv = format.compare(u"csv"_s, Qt::CaseInsensitive) == 0;
    const OrderFormat* forced = automatic || csv ? nullptr : OrderFormats::byName(format);
    if (!automatic && !csv && !forced)
        throw Error::usage(
            u"unknown format '%1'; choose one of %2"_s.arg(format, OrderFormats::choices().join(u", "_s)));

    ImportReport report;
    QStringList csvPaths; // regular CSV files, together: master data comes before every file's orders
    std::vector<Input> csvStreams; // CSV from files that are not regular, after them in the order given
    std::vector<Input> documents;
    for (const QString& path : paths) {
        std::optional<Input> input = classify(path, automatic, csv, forced, report);
        if (!input)
            continue;
        if (input->format)
            documents.push_back(std::move(*input));
        else if (input->stream)
            csvStreams.push_back(std::move(*input));
        else
            csvPaths << path; // CsvImporter reports what is wrong with a file that is neither
    }
    if (!csvPaths.isEmpty() || !csvStreams.empty()) {
        CsvImporter importer(m_db, m_actor, m_inventory);
        importer.setMaxFileSize(m_limits.csvBytes);
        ImportReport csvReport = importer.importFiles(csvPaths);
        for (Input& input : csvStreams) {
            PrefixedDevice device(std::exchange(input.content, {}), *input.stream);
            csvReport.merge(importer.importDevice(device, input.path));
        }
        for (ImportFileSummary& f : csvReport.files)
            f.format = u"csv"_s;
        report.merge(csvReport);
    }
    for (Input& input : documents) {
        const QString& name = input.format->name;
        const qint64 limit = limitFor(name);
        QByteArray content = std::exchange(input.content, {});
        try {
            if (input.stream) {
                if (!input.whole)
                    content +=
                        InputFile::readAll(*input.stream, limit, InputFile::kindText(name), content.size());
            } else if (!input.whole) {
                QFile file(input.path);
                if (!file.open(QIODevice::ReadOnly))
                    throw Error::input(u"cannot open the file: %1"_s.arg(file.errorString()));
                content = InputFile::readAll(file, limit, InputFile::kindText(name));
            }
        } catch (const Error& e) {
            if (e.kind() != Error::Kind::Input)
                throw;
            report.merge(refused(input.path, name, e.message()));
            continue;
        }
        input.stream.reset();
        report.merge(importDocument(content, input.path, *input.format));
    }
    return report;
}

ImportReport ImportService::importDocument(const QByteArray& content, const QString& fileName,
                                           const OrderFormat& format) {
    if (!m_xref)
        m_xref = std::make_unique<SkuCrossReference>(m_db);
    m_xref->load(); // the catalogue and the cross-reference may have changed since the last document
    if (!m_capture)
        m_capture = std::make_unique<OrderCapture>(m_db, m_actor);
    else
        m_capture->refresh(); // the catalogue may have come with a CSV file of this run

    // Each order is captured as soon as it is read, so that the orders of a large document are not all held
    // at once; the report lists the orders that could not be read first, as it always has.
    ImportReport report;
    ImportFileSummary summary;
    summary.file = fileName;
    summary.kind = u"orders"_s;
    summary.format = format.name;
    QList<ImportIssue> problems;
    QList<ImportedOrderOutcome> rejected;
    const DocumentSink sink{
        [&](ImportedOrder&& imported) { captureOrder(imported, format.name, summary, report); },
        [&](ParseProblem&& problem) {
            problems << ImportIssue{fileName, 0, problem.reason + u"; the order is rejected"_s,
                                    problem.where};
            rejected << ImportedOrderOutcome{problem.where.section(u'.', 0, 0),
                                             {},
                                             {},
                                             u"rejected"_s,
                                             {{QString(), problem.where + u": "_s + problem.reason}}};
        }};
    try {
        format.readEach(content, fileName, sink);
    } catch (const Error& e) {
        // A document that cannot be read is refused before any order of it is handed over.
        if (e.kind() != Error::Kind::Input || !summary.orders.isEmpty() || !rejected.isEmpty())
            throw;
        return refused(fileName, format.name, e.message());
    }
    summary.rejected += int(rejected.size());
    summary.orders = rejected + summary.orders;
    report.errors = problems + report.errors;
    report.add(summary);
    return report;
}

void ImportService::captureOrder(ImportedOrder& imported, const QString& format, ImportFileSummary& summary,
                                 ImportReport& report) {
    const QString file = summary.file;
    const QString where = imported.source.reference;
    ImportedOrderOutcome outcome{where, imported.order.orderNumber, imported.order.externalId, {}, {}};
    for (const QString& warning : std::as_const(imported.warnings))
        report.warnings << ImportIssue{file, 0, warning, where};
    for (const QString& unresolved : m_xref->resolve(imported, format))
        report.warnings << ImportIssue{file, 0, unresolved, where};

    auto reject = [&](const QString& message) {
        ++summary.rejected;
        report.errors << ImportIssue{file, 0, message, where};
        outcome.outcome = u"rejected"_s;
        outcome.reasons << qMakePair(QString(), message);
        summary.orders << outcome;
    };

    OrderRepository orders(m_db);
    const Order& order = imported.order;
    // The same channel id from another document kind (a WooCommerce id equal to a Shopify one, both web) is
    // a different order, not a duplicate: refuse it rather than drop it silently.
    if (orders.idForExternal(order.channel, order.externalId).has_value()) {
        if (!orders.idForNumber(order.orderNumber)) {
            reject(u"order %1: %2 order id %3 is already used by another order; the order is rejected"_s.arg(
                order.orderNumber, channelCode(order.channel), order.externalId));
            return;
        }
    } else if (orders.idForNumber(order.orderNumber)) {
        reject(
            u"order %1: the number is already used by an order from another channel; the order is rejected"_s
                .arg(order.orderNumber));
        return;
    }

    try {
        // One order: the order, its audit trail and its source document, or nothing; run again as a whole if
        // the database gave up on it (TransactionRunner).
        const OrderCapture::Result result = runUnitOfWork(m_db, [&](Transaction&) {
            const OrderCapture::Result captured = m_capture->capture(imported.order);
            if (captured.outcome != OrderCapture::Outcome::Duplicate) {
                SqlQuery q(m_db,
                           u"INSERT INTO source_documents (order_id, format, file_name, reference, content, "
                           "imported_at) VALUES (:order, :format, :file, :reference, :content, :at)"_s);
                q.bind(u":order"_s, captured.orderId)
                    .bind(u":format"_s, format)
                    .bind(u":file"_s, imported.source.fileName.isEmpty() ? file : imported.source.fileName)
                    .bind(u":reference"_s, where)
                    .bind(u":content"_s, QString::fromUtf8(imported.source.content))
                    .bind(u":at"_s, nowStoredTime());
                q.exec();
                // Every captured 850 is answered with an 855 in the same unit of work, held orders too: the
                // partner learns the order arrived, its lines accepted only where Ordo can fill them; unless
                // the partner's 855 waits for the exception to be resolved (TradingPartners).
                if (format == u"x12"_s)
                    OutboundDocuments(m_db, m_actor).acknowledgeCaptured(captured.orderId);
            }
            return captured;
        });
        switch (result.outcome) {
        case OrderCapture::Outcome::Validated:
            ++summary.accepted;
            outcome.outcome = u"captured"_s;
            break;
        case OrderCapture::Outcome::Duplicate:
            ++summary.duplicates;
            outcome.outcome = u"duplicate"_s;
            break;
        case OrderCapture::Outcome::Held: {
            ++summary.accepted;
            ++summary.exceptions;
            outcome.outcome = u"held"_s;
            QStringList codes;
            for (const ExceptionReason& r : result.reasons) {
                outcome.reasons << qMakePair(r.code, r.detail);
                codes << r.code + u" ("_s + r.detail + u')';
            }
            report.warnings << ImportIssue{
                file, 0, u"order %1 is held in Exception: %2"_s.arg(order.orderNumber, codes.join(u"; "_s)),
                where};
            break;
        }
        }
        summary.orders << outcome;
        if (m_onCommitted)
            m_onCommitted(outcome);
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Input)
            throw Error(e.kind(), u"%1: %2: %3"_s.arg(file, where, e.message()), e.code());
        reject(u"order %1: %2"_s.arg(order.orderNumber, e.message()));
    }
}

} // namespace ordo
