// libFuzzer target: the small master-data files of `ordo skus`: the SKU cross-reference
// (partner,qualifier,part_number,sku) and SKU tags (sku,tags), each input read as both. The catalogue is a
// stand-in: SKU codes of an even length are known. Only Error::input may come out, and every row taken must
// be complete and unique.
#include "Error.h"
#include "formats/SkuCrossReferenceCsv.h"
#include "formats/SkuTagsCsv.h"

#include <QBuffer>
#include <QSet>

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

bool known(const QString& sku) {
    return sku.size() % 2 == 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        try {
            const SkuXrefFile file = SkuCrossReferenceCsv::read(buffer, u"fuzz.csv"_s, known);
            QSet<QString> keys;
            for (const SkuXrefEntry& e : file.entries) {
                const QString key = SkuXrefEntry::key(e.partner, e.qualifier, e.partNumber);
                if (e.partner.isEmpty() || e.qualifier.isEmpty() || e.partNumber.isEmpty() ||
                    !known(e.skuCode) || keys.contains(key))
                    std::abort();
                keys.insert(key);
            }
        } catch (const Error& e) {
            if (e.kind() != Error::Kind::Input)
                std::abort();
        }
    }
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    try {
        const SkuTagsFile file = SkuTagsCsv::read(buffer, u"fuzz.csv"_s, known);
        QSet<QString> skus;
        for (const SkuTagList& list : file.lists) {
            if (!known(list.skuCode) || skus.contains(list.skuCode))
                std::abort();
            skus.insert(list.skuCode);
            for (const QString& tag : list.tags)
                if (tag.isEmpty() || tag.size() > SkuTagList::maxLength || tag != tag.toLower())
                    std::abort();
        }
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Input)
            std::abort();
    }
    return 0;
}
