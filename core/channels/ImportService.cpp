#include "ImportService.h"

#include "Error.h"
#include "channels/CsvImporter.h"
#include "channels/OutboundDocuments.h"
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

// The bytes of a file, or the reason it cannot be read.
std::optional<QByteArray> readAll(const QString& path, QString& why) {
    if (QFileInfo(path).isDir()) {
        why = u"this is a folder, not a file"_s;
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        why = u"cannot open the file: %1"_s.arg(file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace

ImportService::ImportService(Database& db, const Actor& actor, const InventoryImportOptions& inventory)
    : m_db(db)
    , m_actor(actor)
    , m_inventory(inventory) {}

ImportService::~ImportService() = default;

ImportReport ImportService::importFiles(const QStringList& paths, const QString& format) {
    const bool automatic = format.compare(u"auto"_s, Qt::CaseInsensitive) == 0;
    const bool csv = format.compare(u"csv"_s, Qt::CaseInsensitive) == 0;
    const OrderFormat* forced = automatic || csv ? nullptr : OrderFormats::byName(format);
    if (!automatic && !csv && !forced)
        throw Error::usage(
            u"unknown format '%1'; choose one of %2"_s.arg(format, OrderFormats::choices().join(u", "_s)));

    // CSV files first and together, so master data comes before the orders of every file.
    ImportReport report;
    QStringList csvPaths;
    QList<QPair<QString, const OrderFormat*>> documents;
    for (const QString& path : paths) {
        if (csv) {
            csvPaths << path;
            continue;
        }
        QFile probe(path);
        QByteArray head;
        if (!QFileInfo(path).isDir() && probe.open(QIODevice::ReadOnly))
            head = probe.readAll();
        const OrderFormat* f = forced ? forced : OrderFormats::detect(head);
        const QByteArrayView start = QByteArrayView(head).trimmed();
        if (f)
            documents << qMakePair(path, f);
        else if (!start.isEmpty() && (start.front() == '{' || start.front() == '['))
            report.merge(
                refused(path, QString(),
                        u"a JSON document of no known kind (%1); name its format with --format"_s.arg(
                            jsonFormats().join(u", "_s))));
        else
            csvPaths << path; // CsvImporter reports what is wrong with a file that is neither
    }
    if (!csvPaths.isEmpty()) {
        ImportReport csvReport = CsvImporter(m_db, m_actor, m_inventory).importFiles(csvPaths);
        for (ImportFileSummary& f : csvReport.files)
            f.format = u"csv"_s;
        report.merge(csvReport);
    }
    for (const auto& [path, f] : std::as_const(documents)) {
        QString why;
        const std::optional<QByteArray> content = readAll(path, why);
        if (!content) {
            report.merge(refused(path, f->name, why));
            continue;
        }
        report.merge(importDocument(*content, path, *f));
    }
    return report;
}

ImportReport ImportService::importDocument(const QByteArray& content, const QString& fileName,
                                           const OrderFormat& format) {
    ParsedDocument parsed;
    try {
        parsed = format.read(content, fileName);
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Input)
            throw;
        return refused(fileName, format.name, e.message());
    }
    if (!m_xref)
        m_xref = std::make_unique<SkuCrossReference>(m_db);
    m_xref->load(); // the catalogue and the cross-reference may have changed since the last document
    if (!m_capture)
        m_capture = std::make_unique<OrderCapture>(m_db, m_actor);
    else
        m_capture->refresh(); // the catalogue may have come with a CSV file of this run

    ImportReport report;
    ImportFileSummary summary;
    summary.file = fileName;
    summary.kind = u"orders"_s;
    summary.format = format.name;
    for (const ParseProblem& problem : std::as_const(parsed.problems)) {
        ++summary.rejected;
        report.errors << ImportIssue{fileName, 0, problem.reason + u"; the order is rejected"_s,
                                     problem.where};
        summary.orders << ImportedOrderOutcome{problem.where.section(u'.', 0, 0),
                                               {},
                                               {},
                                               u"rejected"_s,
                                               {{QString(), problem.where + u": "_s + problem.reason}}};
    }
    for (ImportedOrder& imported : parsed.orders)
        captureOrder(imported, format.name, summary, report);
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
                // Every captured 850 is answered with an 855 in the same unit of work (held orders too: the
                // partner learns the order arrived; its lines are accepted unless cancelled).
                if (format == u"x12"_s)
                    OutboundDocuments(m_db, m_actor).acknowledge(captured.orderId);
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
