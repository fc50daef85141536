// libFuzzer target: the rows of `ordo import`'s CSV files. The header picks the kind (CsvFileKind); each
// following record goes through the field parsers of that kind: locations, SKUs and inventory through
// CsvMasterDataRows and CsvFields, orders through CsvOrderAssembler. Only Error::input may come out.
#include "Error.h"
#include "formats/CsvFileKind.h"
#include "formats/CsvMasterDataRows.h"
#include "formats/CsvOrderAssembler.h"
#include "formats/CsvReader.h"

#include <QBuffer>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

void readRow(const CsvLayout& layout, const QStringList& fields) {
    try {
        switch (layout.kind) {
        case CsvKind::Locations: {
            const Location l = CsvMasterDataRows::location(layout, fields);
            if (l.code.isEmpty() || l.name.isEmpty() || !l.position.isValid() || l.dailyCapacity < 0)
                std::abort();
            break;
        }
        case CsvKind::Skus: {
            const Sku s = CsvMasterDataRows::sku(layout, fields);
            if (s.code.isEmpty() || s.weightGrams < 0 || s.unitPrice.minor < 0 ||
                s.unitPrice.currency.size() != 3)
                std::abort();
            break;
        }
        case CsvKind::Inventory: {
            const InventoryRow r = CsvMasterDataRows::inventory(layout, fields);
            if (r.onHand < 0 || (r.safetyStock && *r.safetyStock < 0))
                std::abort();
            break;
        }
        case CsvKind::Orders:
            break;
        }
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Input) {
            std::fprintf(stderr, "not an input error: %s\n", e.what());
            std::abort();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, u"fuzz.csv"_s);
    CsvRecord record;
    try {
        if (!reader.next(record))
            return 0;
        const CsvLayout layout = CsvFileKind::recognise(record.fields);
        std::optional<CsvOrderAssembler> orders;
        if (layout.kind == CsvKind::Orders)
            orders.emplace(layout, u"fuzz.csv"_s);
        while (reader.next(record)) {
            if (orders)
                orders->add(record);
            else
                readRow(layout, record.fields);
        }
        if (orders)
            for (const CsvOrderAssembler::Assembled& a : std::as_const(orders->orders()))
                if (!a.rejected && a.order.lines.isEmpty())
                    std::abort();
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Input)
            std::abort();
    }
    return 0;
}
