// libFuzzer target: the segmentation configuration files of `ordo inventory config`, the JSON of a whole
// configuration and the CSV of future supply (formats/SegmentationConfigFile), each input read as both.
// Only Error::input may come out; what is read must hold the values the database takes.
#include "Error.h"
#include "formats/SegmentationConfigFile.h"

#include <QBuffer>

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

void expectInput(const Error& e) {
    if (e.kind() != Error::Kind::Input || !e.message().startsWith(u"fuzz"_s))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    try {
        const SegmentationConfigFile file = SegmentationConfigJson::read(bytes, u"fuzz.json"_s);
        if (file.policies)
            for (const SegmentationConfigFile::Policy& p : *file.policies)
                if (p.bufferPercent < 0 || p.bufferPercent > 100 || p.horizonDays < 0)
                    std::abort();
        if (file.futureSupply)
            for (const SegmentationConfigFile::Supply& s : *file.futureSupply)
                if (s.reference.isEmpty() || s.location.isEmpty() || s.sku.isEmpty() ||
                    !s.arrivesAt.isValid())
                    std::abort();
    } catch (const Error& e) {
        expectInput(e);
    }
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    try {
        for (const SegmentationConfigFile::Supply& s : FutureSupplyCsv::read(buffer, u"fuzz.csv"_s))
            if (s.quantity < 1 || !s.arrivesAt.isValid() || s.line < 2)
                std::abort();
    } catch (const Error& e) {
        expectInput(e);
    }
    return 0;
}
