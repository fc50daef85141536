// libFuzzer target: the streaming CSV reader, fed in one piece.
#include "Error.h"
#include "formats/CsvReader.h"

#include <QBuffer>

#include <cstdint>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    ordo::CsvReader reader(buffer, u"fuzz.csv"_s);
    ordo::CsvRecord record;
    try {
        while (reader.next(record)) {
        }
    } catch (const ordo::Error&) {
    }
    return 0;
}
