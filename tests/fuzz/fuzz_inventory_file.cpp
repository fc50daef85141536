// libFuzzer target: InventoryFileReader on CSV (deltas or snapshots) and JSON lines. A file may be refused
// whole (Error::input) or read with bad rows listed; every event read must name its location and SKU and
// carry an idempotency id within the length the ledger stores.
#include "Error.h"
#include "formats/InventoryFileReader.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace ordo;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    for (InventoryFileFormat format :
         {InventoryFileFormat::Auto, InventoryFileFormat::Csv, InventoryFileFormat::JsonLines}) {
        try {
            const InventoryFile file = InventoryFileReader::readBytes(bytes, u"fuzz"_s, format);
            for (const InventoryEvent& e : file.events) {
                if (e.eventId.isEmpty() || e.eventId.size() > InventoryFileReader::maxEventIdLength ||
                    e.locationCode.isEmpty() || e.skuCode.isEmpty()) {
                    std::fprintf(stderr, "accepted an event without its ids: '%s'\n", qPrintable(e.eventId));
                    std::abort();
                }
            }
            for (const ImportIssue& issue : file.errors)
                if (issue.message.isEmpty())
                    std::abort();
        } catch (const Error& e) {
            if (e.kind() != Error::Kind::Input)
                std::abort();
        }
    }
    return 0;
}
