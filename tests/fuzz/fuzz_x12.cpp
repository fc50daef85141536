// libFuzzer target: the X12 850 reader, and the 855 and 856 written from what it read, read back again.
#include "Error.h"
#include "formats/X12AcknowledgementWriter.h"
#include "formats/X12PurchaseOrderReader.h"
#include "formats/X12ShipNoticeWriter.h"

#include <QTimeZone>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

[[noreturn]] void broken(const char* what, const Error& e) {
    std::fprintf(stderr, "%s: %s\n", what, e.what());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    ParsedDocument doc;
    try {
        doc = X12PurchaseOrderReader::read(bytes, u"fuzz.x12"_s);
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Input)
            broken("the reader threw something other than an input error", e);
        return 0;
    }
    const QDateTime at(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc());
    for (const ImportedOrder& order : std::as_const(doc.orders)) {
        // What the reader accepted must read again from its source document, and the documents written to
        // answer it must read back. The writer may refuse partner ids it cannot carry in an ISA.
        X12StoredPurchaseOrder stored;
        try {
            stored = readX12SourceDocument(order.source.content, u"source"_s);
        } catch (const Error& e) {
            broken("an accepted order's source document did not read again", e);
        }
        QList<QByteArray> written;
        try {
            const X12OutEnvelope envelope =
                X12AcknowledgementWriter::replyEnvelope(stored.interchange, u"PR"_s, 1, at);
            written << X12Writer::write(envelope, {X12AcknowledgementWriter::build(stored.order, {}, at)});
            ShipmentInfo shipment;
            shipment.shippedAt = at;
            written << X12Writer::write(
                envelope, {X12ShipNoticeWriter::build(stored.order, stored.order.imported.order, shipment)});
        } catch (const Error& e) {
            if (e.kind() != Error::Kind::Input)
                broken("writing failed", e);
            continue;
        }
        for (const QByteArray& document : std::as_const(written)) {
            try {
                const X12Interchange read = X12Interchange::parse(document, u"written"_s);
                if (!read.groups.value(0).sets.value(0).problem.isEmpty()) {
                    std::fprintf(stderr, "%s\n", qPrintable(read.groups[0].sets[0].problem));
                    std::abort();
                }
            } catch (const Error& e) {
                broken("a written document did not read back", e);
            }
        }
    }
    return 0;
}
