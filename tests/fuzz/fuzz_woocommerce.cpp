// libFuzzer target: the WooCommerce order reader.
#include "Error.h"
#include "formats/WooCommerceOrderReader.h"

#include <cstdint>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    try {
        ordo::WooCommerceOrderReader::read(bytes, u"fuzz.json"_s);
    } catch (const ordo::Error&) {
    }
    return 0;
}
